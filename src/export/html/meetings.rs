//! The last meeting's decisions and notes, and the next planned meeting's agenda.

use maud::{Markup, html};

use super::sections::link_list;
use super::{Page, shown};
use crate::domain::{MeasureId, Meeting};
use crate::i18n::Msg;

/// "Last meeting: Toppledermøte (M-3, 23.11.2026)".
fn meeting_heading(page: &Page, msg: Msg, meeting: &Meeting) -> String {
    page.lang.fill(
        msg,
        &[
            ("id", &meeting.id.to_string()),
            ("title", &shown(&meeting.title)),
            ("date", &page.lang.date(meeting.date)),
        ],
    )
}

/// Decisions or notes, a paragraph each, isolated from the text around them.
fn paragraphs<S: AsRef<str>>(texts: impl Iterator<Item = S>) -> Markup {
    html! { @for text in texts { p { bdi { (shown(text.as_ref())) } } } }
}

fn last_meeting(page: &Page, meeting: &Meeting) -> Markup {
    let backlog = page.backlog;
    let attendees: Vec<String> = backlog.owner_names(&meeting.attendees).into_iter().map(shown).collect();
    let attendees = if attendees.is_empty() {
        page.tr(Msg::None).to_string()
    } else {
        attendees.join(", ")
    };
    let (discussed, skipped): (Vec<MeasureId>, Vec<MeasureId>) = meeting
        .agenda
        .iter()
        .partition(|id| backlog.was_discussed(meeting, **id));
    let any_notes = discussed
        .iter()
        .any(|id| backlog.notes_from(meeting.id, *id).next().is_some());
    html! {
        h3 { (meeting_heading(page, Msg::PageLastMeeting, meeting)) }
        p { (page.tr(Msg::MinAttendees)) ": " (attendees) }
        @if !discussed.is_empty() {
            table.wide {
                caption.sr-only { (page.tr(Msg::MinDecisions)) }
                thead {
                    tr {
                        th scope="col" { (page.tr(Msg::ColMeasures)) }
                        th scope="col" { (page.tr(Msg::MinDecisions)) }
                        @if any_notes { th scope="col" { (page.tr(Msg::MinNotes)) } }
                    }
                }
                tbody {
                    @for id in &discussed {
                        tr {
                            th scope="row" { (page.measure_link(*id)) }
                            td.decision { (paragraphs(backlog.decisions_on(meeting, *id).map(|d| page.lang.decision(d.kind, &d.text, d.due)))) }
                            @if any_notes {
                                td.notes { (paragraphs(backlog.notes_from(meeting.id, *id).map(|n| &n.text))) }
                            }
                        }
                    }
                }
            }
        }
        @if !skipped.is_empty() {
            p { (page.tr(Msg::MinNotDiscussed)) ": " (link_list(page, &skipped)) }
        }
    }
}

fn next_meeting(page: &Page, meeting: &Meeting) -> Markup {
    let lang = page.lang;
    html! {
        h3 { (meeting_heading(page, Msg::PageNextMeeting, meeting)) }
        @if meeting.agenda.is_empty() {
            p { (page.tr(Msg::PageNoAgenda)) }
        } @else {
            ol {
                @for id in &meeting.agenda {
                    li {
                        (page.measure_link(*id))
                        @if let Some(m) = page.backlog.measure(*id) {
                            " — " (lang.status(m.status)) ", " bdi { (page.owner_name(m)) }
                        }
                    }
                }
            }
        }
    }
}

pub(super) fn meetings(page: &Page) -> Markup {
    let found = |id| page.backlog.meeting(id);
    let last = page.page.last_meeting.and_then(found);
    let next = page.page.next_meeting.and_then(found);
    html! {
        @match last {
            Some(meeting) => (last_meeting(page, meeting)),
            None => p { (page.tr(Msg::PageNoMeetingYet)) },
        }
        @match next {
            Some(meeting) => (next_meeting(page, meeting)),
            None => p { (page.tr(Msg::PageNoNextMeeting)) },
        }
    }
}
