//! The Markdown status report for politicians and the group: a short summary, then the measures
//! grouped by cross-sector priority (in rank order, then those without one) and by status.

use std::fmt::Write;

use jiff::civil::Date;

use super::md_escape;
use crate::domain::links::all_links;
use crate::domain::text::visible;
use crate::domain::{Backlog, Measure, PriorityId, Status};
use crate::i18n::{Lang, Msg};
use crate::insight::connections::blocked_text;

fn measure_line(out: &mut String, backlog: &Backlog, lang: Lang, m: &Measure, today: Date) {
    let owner = m
        .owner
        .and_then(|o| backlog.owner(o))
        .map(|o| md_escape(&o.name))
        .unwrap_or_else(|| lang.tr(Msg::MdNoOwner).to_string());
    let mut line = format!("- **{}** {} — {}", m.id, md_escape(&m.title), owner);
    if let Some(due) = m.due {
        line.push_str(&format!(", {} {}", lang.tr(Msg::MdDue), lang.date(due)));
        if m.is_overdue(today) {
            line.push_str(&format!(" **({})**", lang.tr(Msg::Overdue)));
        }
    }
    if m.awaits_political_handling() {
        line.push_str(&format!(" · {}", lang.tr(Msg::NeedsPolitical)));
    }
    // issue 16: what it waits for, and where to read more (as text, never as link markup)
    if let Some(blocked) = blocked_text(lang, backlog, m) {
        line.push_str(&format!(" · ⊘ {}", md_escape(&blocked)));
    }
    let _ = writeln!(out, "{line}");
    // Each link on a line of its own in the same list item.
    for link in all_links(&backlog.settings, m) {
        let _ = match link.label.trim() {
            "" => writeln!(out, "  ↗ {}", md_escape(&link.url)),
            label => writeln!(out, "  ↗ {}: {}", md_escape(label), md_escape(&link.url)),
        };
    }
}

fn group(out: &mut String, backlog: &Backlog, lang: Lang, heading: &str, measures: &[&Measure], today: Date) {
    let _ = writeln!(out, "## {heading}\n");
    if measures.is_empty() {
        let _ = writeln!(out, "{}\n", lang.tr(Msg::MdNoMeasures));
        return;
    }
    for status in Status::ALL {
        let mut of_status: Vec<&&Measure> = measures.iter().filter(|m| m.status == status).collect();
        if of_status.is_empty() {
            continue;
        }
        of_status.sort_by_key(|m| (m.due.is_none(), m.due, m.id));
        let _ = writeln!(out, "### {} ({})\n", capitalized(lang.status(status)), of_status.len());
        for m in of_status {
            measure_line(out, backlog, lang, m, today);
        }
        out.push('\n');
    }
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

pub fn status_report(backlog: &Backlog, lang: Lang, today: Date) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", md_escape(&backlog.name));
    let _ = writeln!(
        out,
        "{}\n",
        lang.fill(Msg::MdReportDate, &[("date", &lang.date(today))])
    );
    let _ = writeln!(out, "## {}\n", lang.tr(Msg::MdSummary));
    let _ = writeln!(out, "| {} | {} |", lang.tr(Msg::ColStatus), lang.tr(Msg::MdCount));
    let _ = writeln!(out, "| --- | ---: |");
    for status in Status::ALL {
        let count = backlog.measures.iter().filter(|m| m.status == status).count();
        let _ = writeln!(out, "| {} | {count} |", lang.status(status));
    }
    let _ = writeln!(
        out,
        "| **{}** | **{}** |\n",
        lang.tr(Msg::MdTotal),
        backlog.measures.len()
    );
    let overdue = backlog.measures.iter().filter(|m| m.is_overdue(today)).count();
    let political = backlog
        .measures
        .iter()
        .filter(|m| m.awaits_political_handling())
        .count();
    let _ = writeln!(
        out,
        "- {}",
        lang.fill(Msg::MdOverdue, &[("count", &overdue.to_string())])
    );
    let _ = writeln!(
        out,
        "- {}\n",
        lang.fill(Msg::MdAwaitingPolitical, &[("count", &political.to_string())])
    );
    for priority in backlog.priorities_by_rank() {
        let of: Vec<&Measure> = backlog
            .measures
            .iter()
            .filter(|m| m.priorities.contains(&priority.id))
            .collect();
        let heading = format!("{}. {}", priority.rank, md_escape(&priority.title));
        group(&mut out, backlog, lang, &heading, &of, today);
    }
    let known = |p: &PriorityId| backlog.priority(*p).is_some();
    let without: Vec<&Measure> = backlog
        .measures
        .iter()
        .filter(|m| !m.priorities.iter().any(known))
        .collect();
    if !without.is_empty() {
        group(&mut out, backlog, lang, lang.tr(Msg::MdNoPriority), &without, today);
    }
    // issue 16: the glossary
    out.push_str(&super::glossary::glossary_section(backlog, lang, 2));
    visible(&out).into_owned()
}
