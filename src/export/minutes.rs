//! The minutes (referat) of a meeting as Markdown, in the UI language: heading, date,
//! attendees, one section per item discussed (decisions, status, owner, due, notes), then the
//! items not discussed, offered for the next meeting.

use std::fmt::Write;

use super::{md_escape, slug};
use crate::domain::text::visible;
use crate::domain::{Backlog, Measure, Meeting};
use crate::i18n::{Lang, Msg};

/// `<date>-<slug>.md`, e.g. `2026-11-23-toppledermote-digital-transformasjon.md`.
pub fn file_name(meeting: &Meeting) -> String {
    format!("{}-{}.md", meeting.date, slug(&meeting.title))
}

fn owner_of(backlog: &Backlog, lang: Lang, m: &Measure) -> String {
    m.owner
        .and_then(|o| backlog.owner(o))
        .map(|o| md_escape(&o.name))
        .unwrap_or_else(|| lang.tr(Msg::None).to_string())
}

/// Text that may hold line breaks, indented so it stays inside its list item.
fn indented(text: &str, indent: &str) -> String {
    md_escape(text).replace('\n', &format!("  \n{indent}"))
}

pub fn minutes(backlog: &Backlog, meeting: &Meeting, lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {}\n",
        lang.fill(Msg::MinHeading, &[("title", &md_escape(&meeting.title))])
    );
    let attendees: Vec<String> = backlog
        .owner_names(&meeting.attendees)
        .into_iter()
        .map(md_escape)
        .collect();
    let discussed: Vec<&Measure> = meeting
        .agenda
        .iter()
        .filter(|id| backlog.was_discussed(meeting, **id))
        .filter_map(|id| backlog.measure(*id))
        .collect();
    let not_discussed: Vec<&Measure> = meeting
        .agenda
        .iter()
        .filter(|id| !backlog.was_discussed(meeting, **id))
        .filter_map(|id| backlog.measure(*id))
        .collect();
    let label = |msg: Msg| lang.tr(msg);
    let _ = writeln!(out, "- **{}:** {}", label(Msg::MinDate), lang.date(meeting.date));
    let _ = writeln!(out, "- **{}:** {}", label(Msg::MinMeeting), meeting.id);
    let attendees = if attendees.is_empty() {
        lang.tr(Msg::None).to_string()
    } else {
        attendees.join(", ")
    };
    let _ = writeln!(out, "- **{}:** {attendees}", label(Msg::MinAttendees));
    let _ = writeln!(
        out,
        "- **{}:** {}\n",
        label(Msg::MinAgenda),
        lang.fill(
            Msg::MinDiscussedOf,
            &[
                ("done", &discussed.len().to_string()),
                ("total", &meeting.agenda.len().to_string())
            ]
        )
    );
    for (number, m) in discussed.iter().enumerate() {
        let _ = writeln!(out, "## {}. {} {}\n", number + 1, m.id, md_escape(&m.title));
        let decisions: Vec<String> = backlog
            .decisions_on(meeting, m.id)
            .map(|d| indented(&d.text, "    "))
            .collect();
        match decisions.as_slice() {
            [] => {
                let _ = writeln!(out, "- **{}:** {}", label(Msg::MinDecision), label(Msg::MinNoDecision));
            }
            [one] => {
                let _ = writeln!(out, "- **{}:** {one}", label(Msg::MinDecision));
            }
            many => {
                let _ = writeln!(out, "- **{}:**", label(Msg::MinDecisions));
                for d in many {
                    let _ = writeln!(out, "    - {d}");
                }
            }
        }
        let _ = writeln!(out, "- **{}:** {}", label(Msg::FieldStatus), lang.status(m.status));
        let _ = writeln!(out, "- **{}:** {}", label(Msg::FieldOwner), owner_of(backlog, lang, m));
        let due = m
            .due
            .map(|d| lang.date(d))
            .unwrap_or_else(|| lang.tr(Msg::None).to_string());
        let _ = writeln!(out, "- **{}:** {due}", label(Msg::FieldDue));
        let notes: Vec<String> = backlog
            .notes_from(meeting.id, m.id)
            .map(|n| indented(&n.text, "    "))
            .collect();
        if !notes.is_empty() {
            let _ = writeln!(out, "- **{}:**", label(Msg::MinNotes));
            for note in notes {
                let _ = writeln!(out, "    - {note}");
            }
        }
        out.push('\n');
    }
    if !not_discussed.is_empty() {
        let _ = writeln!(out, "## {}\n", label(Msg::MinNotDiscussed));
        let _ = writeln!(out, "{}\n", label(Msg::MinOfferedNext));
        for m in not_discussed {
            let _ = writeln!(
                out,
                "- {} {} ({}, {})",
                m.id,
                md_escape(&m.title),
                lang.status(m.status),
                owner_of(backlog, lang, m)
            );
        }
        out.push('\n');
    }
    visible(&out).into_owned()
}
