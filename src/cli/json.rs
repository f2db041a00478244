//! The shape of a measure in `tiltak list --json` and `tiltak show --json`: names rather than
//! ids, keys and ISO dates as in the data file. README's "JSON" section documents it.

use std::fmt::Display;
use std::io::{self, Write};

use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Serialize, Serializer};
use serde_json::ser::{Formatter, PrettyFormatter};

use crate::domain::text::{has_hidden, is_hidden};
use crate::domain::{Backlog, Link, LogEntry, Measure, MeasureId};

#[derive(Serialize)]
pub struct MeasureJson<'a> {
    #[serde(serialize_with = "as_text")]
    id: MeasureId,
    title: &'a str,
    status: &'static str,
    owner: Option<&'a str>,
    sectors: Vec<&'a str>,
    priorities: Vec<&'a str>,
    #[serde(serialize_with = "maybe_as_text")]
    due: Option<Date>,
    value: Option<u8>,
    effort: Option<u8>,
    funding: Option<&'static str>,
    cost_estimate: Option<u64>,
    political_needed: bool,
    case_number: Option<&'a str>,
    tags: &'a [String],
    description: &'a str,
    benefits: &'a str,
    #[serde(serialize_with = "as_text")]
    created: Timestamp,
    #[serde(serialize_with = "as_text")]
    updated: Timestamp,
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
            id: m.id,
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
            due: m.due,
            value: m.value,
            effort: m.effort,
            funding: m.funding.map(|f| f.key()),
            cost_estimate: m.cost_estimate,
            political_needed: m.political.needed,
            case_number: m.political.case_number.as_deref(),
            tags: &m.tags,
            description: &m.description,
            benefits: &m.benefits,
            created: m.created,
            updated: m.updated,
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

/// Written as its text (`T-12`, an ISO date), without a `String` per value.
fn as_text<S: Serializer>(value: &impl Display, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_str(value)
}

fn maybe_as_text<S: Serializer>(value: &Option<impl Display>, serializer: S) -> Result<S::Ok, S::Error> {
    match value {
        Some(value) => serializer.collect_str(value),
        None => serializer.serialize_none(),
    }
}

/// The measures of `list --json`, made one at a time as they are written.
pub struct MeasuresJson<'a> {
    pub backlog: &'a Backlog,
    pub measures: &'a [&'a Measure],
    pub with_log: bool,
}

impl Serialize for MeasuresJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(
            self.measures
                .iter()
                .map(|m| MeasureJson::of(self.backlog, m, self.with_log)),
        )
    }
}

/// Writes `value` as pretty JSON straight into `out`, with the hidden characters escaped as
/// [`crate::domain::text::json_escaped`] does, instead of building the document in memory and
/// copying it again to escape it (that was most of `list --json`'s time beyond the parse).
pub fn write_pretty(out: impl Write, value: &impl Serialize) -> io::Result<()> {
    let mut serializer = serde_json::Serializer::with_formatter(out, Escaping(PrettyFormatter::new()));
    value.serialize(&mut serializer).map_err(io::Error::from)
}

/// serde_json's pretty layout; string contents with the hidden characters as `\uXXXX`.
struct Escaping<'a>(PrettyFormatter<'a>);

impl Formatter for Escaping<'_> {
    fn begin_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_array(writer)
    }

    fn end_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_array(writer)
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, writer: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_array_value(writer, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_array_value(writer)
    }

    fn begin_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_object(writer)
    }

    fn end_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object(writer)
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, writer: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_object_key(writer, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_object_value(writer)
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object_value(writer)
    }

    fn write_string_fragment<W: ?Sized + Write>(&mut self, writer: &mut W, fragment: &str) -> io::Result<()> {
        if !has_hidden(fragment) {
            return writer.write_all(fragment.as_bytes());
        }
        let mut buffer = [0; 4];
        for c in fragment.chars() {
            if is_hidden(c) {
                write!(writer, "\\u{:04x}", c as u32)?;
            } else {
                writer.write_all(c.encode_utf8(&mut buffer).as_bytes())?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::text::json_escaped;

    #[test]
    fn written_straight_out_is_the_same_as_escaping_the_document_afterwards() {
        let values = serde_json::json!([
            {"title": "a\u{9b}b\u{202E}c\u{1b}", "tags": ["Æøå", "x\u{200B}y", ""], "n": 3},
            [],
            {},
            {"nested": {"deep": ["\u{FEFF}", null, true, 1.5]}}
        ]);
        let mut written = Vec::new();
        write_pretty(&mut written, &values).unwrap();
        let expected = serde_json::to_string_pretty(&values).unwrap();
        assert_eq!(String::from_utf8(written).unwrap(), json_escaped(&expected));
    }
}
