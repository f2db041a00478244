//! A measure's fields as the text people read, shared by the detail panel and the review screen.

use jiff::civil::Date;

use super::lists::due_text;
use crate::domain::{Backlog, Measure};
use crate::human::group_thousands;
use crate::i18n::{DateStyle, Lang, Msg};

pub struct MeasureFacts {
    /// Sector names, with "(cross-sector)" when there are several.
    pub sectors: String,
    /// "rank. title" per priority.
    pub priorities: Vec<String>,
    /// "4 / 2", with "–" for what is not set.
    pub value_effort: String,
    /// value ÷ effort, when both are set.
    pub score: Option<f64>,
    /// The due date, with "(overdue)" when it has passed.
    pub due: String,
    pub overdue: bool,
    /// Funding form and estimated cost.
    pub funding: String,
    pub political: String,
}

impl MeasureFacts {
    pub fn of(lang: Lang, dates: DateStyle, backlog: &Backlog, m: &Measure, today: Date) -> MeasureFacts {
        let names: Vec<&str> = m
            .sectors
            .iter()
            .filter_map(|s| backlog.sector(*s))
            .map(|s| s.name.as_str())
            .collect();
        let mut sectors = names.join(", ");
        if m.is_cross_sector() {
            sectors.push_str(&format!(" ({})", lang.tr(Msg::CrossSector)));
        }
        let priorities = m
            .priorities
            .iter()
            .filter_map(|p| backlog.priority(*p))
            .map(|p| format!("{}. {}", p.rank, p.title))
            .collect();
        let number = |n: Option<u8>| n.map_or_else(|| lang.tr(Msg::None).to_string(), |n| n.to_string());
        let overdue = m.is_overdue(today);
        let mut due = due_text(lang, dates, m, today).trim_start_matches('!').to_string();
        if overdue {
            due.push_str(&format!(" ({})", lang.tr(Msg::Overdue)));
        }
        let mut funding = m.funding.map(|f| lang.funding(f).to_string()).unwrap_or_default();
        if let Some(cost) = m.cost_estimate {
            funding.push_str(&format!(" · {} kr", group_thousands(cost)));
        }
        let political = match (m.political.needed, &m.political.case_number) {
            (true, Some(case)) => format!(
                "{} ({} {case})",
                lang.tr(Msg::NeedsPolitical),
                lang.tr(Msg::FieldCaseNumber).to_lowercase()
            ),
            (true, None) => lang.tr(Msg::NeedsPolitical).to_string(),
            (false, _) => lang.tr(Msg::NoPolitical).to_string(),
        };
        MeasureFacts {
            sectors,
            priorities,
            value_effort: format!("{} / {}", number(m.value), number(m.effort)),
            score: m.value.zip(m.effort).map(|(v, e)| f64::from(v) / f64::from(e)),
            due,
            overdue,
            funding,
            political,
        }
    }
}
