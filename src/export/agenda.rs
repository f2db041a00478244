//! The invitation (innkalling) sent ahead of a meeting: when and where, who is invited, what
//! changed since the last meeting, and per item the measure, why it is on the agenda and what
//! the group is asked to decide. Markdown (escaped for any renderer) or plain text.

use std::fmt::Write;

use jiff::civil::Date;

use super::{md_block, md_escape};
use crate::domain::meeting::{guests_text, time_text};
use crate::domain::text::visible;
use crate::domain::{AgendaReason, Backlog, Measure, Meeting, Status};
use crate::i18n::{Lang, Msg};
use crate::insight::changes::{changes_since, default_since};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Text,
}

pub fn reason_text(lang: Lang, reason: AgendaReason) -> &'static str {
    lang.tr(match reason {
        AgendaReason::Overdue => Msg::ReasonOverdue,
        AgendaReason::AwaitingDecision => Msg::ReasonAwaiting,
        AgendaReason::NewSinceLastMeeting => Msg::ReasonNew,
        AgendaReason::ChangedSinceLastMeeting => Msg::ReasonChanged,
        AgendaReason::DueBeforeNextMeeting => Msg::ReasonDueSoon,
    })
}

/// Why `m` is on an agenda on `today`, in words ("chosen for the meeting" when no rule put it
/// there).
pub fn reasons_line(backlog: &Backlog, lang: Lang, m: &Measure, today: Date) -> String {
    let (since, horizon) = backlog.agenda_window(today);
    let reasons = backlog.agenda_reasons(m, today, since, horizon);
    if reasons.is_empty() {
        return lang.tr(Msg::ReasonChosen).to_string();
    }
    reasons
        .into_iter()
        .map(|r| reason_text(lang, r))
        .collect::<Vec<_>>()
        .join(", ")
}

/// What the group is asked to decide on `m`.
fn question(lang: Lang, m: &Measure, today: Date) -> &'static str {
    lang.tr(if m.is_overdue(today) {
        Msg::AgQuestionOverdue
    } else if matches!(m.status, Status::Idea | Status::Assessing) {
        Msg::AgQuestionAssess
    } else {
        Msg::AgQuestionInfo
    })
}

pub fn agenda(backlog: &Backlog, meeting: &Meeting, today: Date, lang: Lang, format: Format) -> String {
    let md = format == Format::Markdown;
    let esc = |text: &str| if md { md_escape(text) } else { text.to_string() };
    let block = |text: &str| if md { md_block(text, "  ") } else { text.to_string() };
    let none = lang.tr(Msg::None);
    let mut out = String::new();
    let heading = lang.fill(Msg::AgHeading, &[("title", &esc(&meeting.title))]);
    if md {
        let _ = writeln!(out, "# {heading}\n");
    } else {
        let _ = writeln!(out, "{heading}\n{}\n", "=".repeat(heading.chars().count()));
    }
    let field = |out: &mut String, label: Msg, value: &str| {
        if md {
            let _ = writeln!(out, "- **{}:** {value}", lang.tr(label));
        } else {
            let _ = writeln!(out, "{}: {value}", lang.tr(label));
        }
    };
    field(&mut out, Msg::MinMeeting, &meeting.id.to_string());
    field(&mut out, Msg::MinDate, &lang.date(meeting.date));
    field(
        &mut out,
        Msg::AgTime,
        &meeting.time.map_or_else(|| none.to_string(), time_text),
    );
    let place = if meeting.place.is_empty() {
        none.to_string()
    } else {
        esc(&meeting.place)
    };
    field(&mut out, Msg::AgPlace, &place);
    let invited: Vec<String> = backlog.owner_names(&meeting.attendees).into_iter().map(esc).collect();
    field(&mut out, Msg::AgInvited, &joined_or_none(lang, &invited));
    if !meeting.guests.is_empty() {
        field(&mut out, Msg::MinGuests, &esc(&guests_text(&meeting.guests)));
    }
    let per = meeting.minutes_per_item.unwrap_or(5);
    let item_count = meeting.agenda.len() + meeting.terms.len();
    let items = item_count as u32;
    let total = lang.fill(
        Msg::AgTotal,
        &[("minutes", &(per * items).to_string()), ("per", &per.to_string())],
    );
    field(
        &mut out,
        Msg::MinAgenda,
        &format!("{} · {total}", lang.items(item_count)),
    );
    out.push('\n');

    let section = |out: &mut String, title: &str| {
        if md {
            let _ = writeln!(out, "## {title}\n");
        } else {
            let _ = writeln!(out, "{title}\n{}\n", "-".repeat(title.chars().count()));
        }
    };
    section(&mut out, lang.tr(Msg::AgChanges));
    let changes = changes_since(backlog, default_since(backlog, today), today);
    if changes.is_empty() {
        let _ = writeln!(out, "{}", lang.tr(Msg::ChangesNone));
    }
    for measure in &changes {
        let title = backlog.measure(measure.measure).map_or("", |m| m.title.as_str());
        let said: Vec<String> = measure.changes.iter().map(|c| esc(&c.describe(lang))).collect();
        let bullet = if md { "-" } else { "*" };
        let _ = writeln!(out, "{bullet} {} {}: {}", measure.measure, esc(title), said.join("; "));
    }
    out.push('\n');

    section(&mut out, lang.tr(Msg::AgItems));
    for (number, id) in meeting.agenda.iter().enumerate() {
        let Some(m) = backlog.measure(*id) else { continue };
        let title = format!("{}. {} {}", number + 1, m.id, esc(&m.title));
        if md {
            let _ = writeln!(out, "### {title}\n");
        } else {
            let _ = writeln!(out, "{title}");
        }
        let owner = m
            .owner
            .and_then(|o| backlog.owner(o))
            .map_or_else(|| none.to_string(), |o| esc(&o.name));
        let due = m.due.map_or_else(|| none.to_string(), |d| lang.date(d));
        field(&mut out, Msg::FieldOwner, &owner);
        field(&mut out, Msg::FieldStatus, lang.status(m.status));
        field(&mut out, Msg::FieldDue, &due);
        field(&mut out, Msg::AgWhy, &reasons_line(backlog, lang, m, today));
        field(&mut out, Msg::AgQuestion, question(lang, m, today));
        if !m.description.trim().is_empty() {
            field(&mut out, Msg::FieldDescription, &block(m.description.trim()));
        }
        out.push('\n');
    }
    // Glossary terms follow the measures, numbered on, as the review takes them.
    let terms = meeting.terms.iter().filter_map(|id| backlog.term(*id));
    for (number, term) in (meeting.agenda.len() + 1..).zip(terms) {
        let title = format!("{number}. {} {}", term.id, esc(&term.term));
        if md {
            let _ = writeln!(out, "### {title}\n");
        } else {
            let _ = writeln!(out, "{title}");
        }
        let definition = term.definition.trim();
        let definition = if definition.is_empty() {
            none.to_string()
        } else {
            block(definition)
        };
        field(&mut out, Msg::FieldDefinition, &definition);
        if !term.synonyms.is_empty() {
            field(&mut out, Msg::FieldSynonyms, &esc(&term.synonyms.join(", ")));
        }
        if let Some(sector) = term.sector.and_then(|s| backlog.sector(s)) {
            field(&mut out, Msg::FieldTermSector, &esc(&sector.name));
        }
        field(&mut out, Msg::FieldStatus, lang.term_status(term.status));
        field(&mut out, Msg::AgQuestion, lang.tr(Msg::AgQuestionTerm));
        out.push('\n');
    }
    // Text from the backlog never carries control or direction characters into a terminal.
    visible(&out).into_owned()
}

fn joined_or_none(lang: Lang, names: &[String]) -> String {
    if names.is_empty() {
        lang.tr(Msg::None).to_string()
    } else {
        names.join(", ")
    }
}
