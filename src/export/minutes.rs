//! The minutes (referat) of a meeting as Markdown, in the UI language: heading, date, time and
//! place, present, absent and guests, time used against the timebox, one section per item
//! discussed (decisions in the reader's language, status, owner, due, time, notes as one
//! escaped block each), then the items not discussed, offered for the next meeting.

use std::fmt::Write;

use super::{md_block, md_escape, slug};
use crate::domain::meeting::{guests_text, time_text};
use crate::domain::text::visible;
use crate::domain::{Backlog, LogEntry, Measure, Meeting, MeetingState};
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

fn minutes_text(lang: Lang, secs: u32) -> String {
    lang.minutes(secs.div_ceil(60))
}

/// ` (recorded by Ola)` after a decision or note that another member than the meeting's
/// recorder wrote; empty otherwise.
fn recorded_by_other(lang: Lang, recorder: Option<&str>, entry: Option<&LogEntry>) -> String {
    match entry.map(|e| e.author.as_str()) {
        Some(author) if !author.is_empty() && recorder != Some(author) => format!(
            " ({})",
            md_escape(&lang.fill(Msg::MinRecordedByOther, &[("author", author)]))
        ),
        _ => String::new(),
    }
}

pub fn minutes(backlog: &Backlog, meeting: &Meeting, lang: Lang) -> String {
    let mut out = String::new();
    let recorder = backlog.recorder_of(meeting);
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
    if meeting.state == MeetingState::Running {
        let _ = writeln!(out, "*{}*\n", label(Msg::MinInterrupted));
    }
    let _ = writeln!(out, "- **{}:** {}", label(Msg::MinDate), lang.date(meeting.date));
    if let Some(time) = meeting.time {
        let _ = writeln!(out, "- **{}:** {}", label(Msg::AgTime), time_text(time));
    }
    if !meeting.place.is_empty() {
        let _ = writeln!(out, "- **{}:** {}", label(Msg::AgPlace), md_escape(&meeting.place));
    }
    let _ = writeln!(out, "- **{}:** {}", label(Msg::MinMeeting), meeting.id);
    // issue 11: who recorded the meeting
    if let Some(recorder) = recorder {
        let _ = writeln!(out, "- **{}:** {}", label(Msg::MinRecordedBy), md_escape(recorder));
    }
    let attendees = if attendees.is_empty() {
        lang.tr(Msg::None).to_string()
    } else {
        attendees.join(", ")
    };
    let _ = writeln!(out, "- **{}:** {attendees}", label(Msg::MinAttendees));
    if !meeting.absent.is_empty() {
        let absent: Vec<String> = backlog
            .owner_names(&meeting.absent)
            .into_iter()
            .map(md_escape)
            .collect();
        let _ = writeln!(out, "- **{}:** {}", label(Msg::MinAbsent), absent.join(", "));
    }
    if !meeting.guests.is_empty() {
        let _ = writeln!(
            out,
            "- **{}:** {}",
            label(Msg::MinGuests),
            md_escape(&guests_text(&meeting.guests))
        );
    }
    if !meeting.time_spent.is_empty() {
        let spent: u32 = meeting.time_spent.iter().map(|t| t.secs).sum();
        let limit = meeting.minutes_per_item.unwrap_or(5) * meeting.agenda.len() as u32;
        let _ = writeln!(
            out,
            "- **{}:** {}",
            label(Msg::MinTimeTotal),
            lang.fill(
                Msg::MinTimeOf,
                &[("spent", &minutes_text(lang, spent)), ("limit", &lang.minutes(limit))]
            )
        );
    }
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
            .map(|d| {
                let by = recorded_by_other(lang, recorder, backlog.decision_entry(meeting, d));
                md_block(&lang.decision(d.kind, &d.text, d.due), "      ") + &by
            })
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
        if let Some(secs) = meeting.secs_on(m.id) {
            let _ = writeln!(out, "- **{}:** {}", label(Msg::MinTime), minutes_text(lang, secs));
        }
        let notes: Vec<String> = backlog
            .notes_from(meeting.id, m.id)
            .map(|n| md_block(&n.text, "      ") + &recorded_by_other(lang, recorder, Some(n)))
            .collect();
        if !notes.is_empty() {
            let _ = writeln!(out, "- **{}:**", label(Msg::MinNotes));
            for note in notes {
                let _ = writeln!(out, "    - {note}");
            }
        }
        out.push('\n');
    }
    // issue 16: the glossary terms the meeting agreed
    out.push_str(&super::glossary::agreed_in_meeting(backlog, meeting, lang));
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
