//! The shape of a measure in `tiltak list --json` and `tiltak show --json`: names rather than
//! ids, keys and ISO dates as in the data file. README's "JSON" section documents it.

use serde::Serialize;

use crate::domain::{Backlog, Link, LogEntry, Measure};

#[derive(Serialize)]
pub struct MeasureJson<'a> {
    id: String,
    title: &'a str,
    status: &'static str,
    owner: Option<&'a str>,
    sectors: Vec<&'a str>,
    priorities: Vec<&'a str>,
    due: Option<String>,
    value: Option<u8>,
    effort: Option<u8>,
    funding: Option<&'static str>,
    cost_estimate: Option<u64>,
    political_needed: bool,
    case_number: Option<&'a str>,
    tags: &'a [String],
    description: &'a str,
    benefits: &'a str,
    created: String,
    updated: String,
    /// Oldest first, exactly as in the data file; only when asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    log: Option<&'a [LogEntry]>,
    // issue 16: dependencies and links
    #[serde(skip_serializing_if = "Vec::is_empty")]
    depends_on: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    part_of: Option<String>,
    #[serde(skip_serializing_if = "<[Link]>::is_empty")]
    links: &'a [Link],
    /// The other direction (`show` only: finding it reads every measure).
    #[serde(skip_serializing_if = "Option::is_none")]
    needed_by: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    parts: Option<Vec<String>>,
}

impl<'a> MeasureJson<'a> {
    pub fn of(backlog: &'a Backlog, m: &'a Measure, with_log: bool) -> MeasureJson<'a> {
        MeasureJson {
            id: m.id.to_string(),
            title: &m.title,
            status: m.status.key(),
            owner: m.owner.and_then(|o| backlog.owner(o)).map(|o| o.name.as_str()),
            sectors: m
                .sectors
                .iter()
                .filter_map(|s| backlog.sector(*s))
                .map(|s| s.name.as_str())
                .collect(),
            priorities: m
                .priorities
                .iter()
                .filter_map(|p| backlog.priority(*p))
                .map(|p| p.title.as_str())
                .collect(),
            due: m.due.map(|d| d.to_string()),
            value: m.value,
            effort: m.effort,
            funding: m.funding.map(|f| f.key()),
            cost_estimate: m.cost_estimate,
            political_needed: m.political.needed,
            case_number: m.political.case_number.as_deref(),
            tags: &m.tags,
            description: &m.description,
            benefits: &m.benefits,
            created: m.created.to_string(),
            updated: m.updated.to_string(),
            log: with_log.then_some(m.log.as_slice()),
            depends_on: m.depends_on.iter().map(ToString::to_string).collect(),
            part_of: m.part_of.map(|p| p.to_string()),
            links: &m.links,
            needed_by: None,
            parts: None,
        }
    }

    /// With the measures that depend on this one and its parts.
    pub fn with_inverse(mut self, backlog: &Backlog, m: &Measure) -> MeasureJson<'a> {
        let ids = |ms: Vec<&Measure>| ms.iter().map(|x| x.id.to_string()).collect();
        self.needed_by = Some(ids(backlog.needed_by(m.id)));
        self.parts = Some(ids(backlog.parts(m.id)));
        self
    }
}
