//! The Meetings pane: the table (newest first) and a meeting's details — attendees and the
//! agenda with what was decided on each item.

use ratatui::layout::Constraint;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Row};

use unicode_width::UnicodeWidthStr;

use super::Theme;
use crate::app::App;
use crate::app::glossary::decision_text;
use crate::app::review::Screen;
use crate::domain::meeting::{guests_text, time_text};
use crate::domain::text;
use crate::domain::{Backlog, Meeting, MeetingState};
use crate::i18n::{Lang, Msg};

pub fn meeting_table<'a>(app: &'a App, visible: &[usize]) -> (Vec<&'static str>, Vec<Constraint>, Vec<Row<'a>>) {
    let lang = app.lang;
    let b = &app.backlog;
    let rows = visible
        .iter()
        .filter_map(|i| b.meetings.get(*i))
        .map(|m| {
            Row::new(vec![
                Cell::from(m.id.to_string()),
                Cell::from(lang.date_as(app.dates, m.date)),
                Cell::from(lang.tr(state_label(app, m))),
                Cell::from(text::visible(&m.title)),
                Cell::from(format!("{:>5}", agenda_items(m))),
                Cell::from(format!("{:>6}", b.decided_count(m))),
            ])
        })
        .collect();
    let header = vec![
        lang.tr(Msg::ColId),
        lang.tr(Msg::MeetColDate),
        lang.tr(Msg::MeetColState),
        lang.tr(Msg::ColTitle),
        lang.tr(Msg::MeetColItems),
        lang.tr(Msg::MeetColDecided),
    ];
    (
        header,
        vec![
            Constraint::Length(5),
            Constraint::Length(10),
            Constraint::Length(11),
            Constraint::Fill(1),
            Constraint::Length(6),
            Constraint::Length(7),
        ],
        rows,
    )
}

/// Planned, interrupted (running but not on screen: the app was closed during it) or held.
pub fn state_label(app: &App, m: &Meeting) -> Msg {
    let reviewing = matches!(&app.screen, Screen::Review(r) if r.meeting == m.id);
    match m.state {
        MeetingState::Planned => Msg::MeetStatePlanned,
        MeetingState::Running if !reviewing => Msg::MeetStateInterrupted,
        MeetingState::Running | MeetingState::Held => Msg::MeetStateHeld,
    }
}

/// "Absent: …" and "Guests: …" lines, when there are any.
pub fn absent_and_guests<'a>(lang: Lang, theme: Theme, b: &Backlog, m: &Meeting) -> Vec<Line<'a>> {
    let mut lines = Vec::new();
    if !m.absent.is_empty() {
        lines.push(Line::from(vec![
            Span::styled(format!("{}: ", lang.tr(Msg::MeetAbsent)), theme.label()),
            Span::raw(b.owner_names(&m.absent).join(", ")),
        ]));
    }
    if !m.guests.is_empty() {
        lines.push(Line::from(vec![
            Span::styled(format!("{}: ", lang.tr(Msg::MeetGuests)), theme.label()),
            Span::raw(guests_text(&m.guests)),
        ]));
    }
    lines
}

/// "Time used: 34 min of 40 min" when the meeting booked time.
pub fn time_used_line<'a>(lang: Lang, theme: Theme, m: &Meeting) -> Option<Line<'a>> {
    if m.time_spent.is_empty() {
        return None;
    }
    let spent: u32 = m.time_spent.iter().map(|t| t.secs).sum();
    let limit = m.minutes_per_item.unwrap_or(5) * agenda_items(m) as u32;
    Some(Line::styled(
        lang.fill(
            Msg::MeetTimeSpent,
            &[
                ("spent", &lang.minutes(spent.div_ceil(60))),
                ("limit", &lang.minutes(limit)),
            ],
        ),
        theme.dim(),
    ))
}

/// "Attendees: Kari Åsheim, Ola Hansen" for a meeting that took place, "Invited: …" for a
/// planned one; a dash when nobody is listed.
pub fn attendees_line<'a>(lang: Lang, theme: Theme, m: &Meeting, attendees: &[&str]) -> Line<'a> {
    let label = if m.state == MeetingState::Planned {
        Msg::AgInvited
    } else {
        Msg::MeetAttendees
    };
    let names = if attendees.is_empty() {
        lang.tr(Msg::None).to_string()
    } else {
        attendees.join(", ")
    };
    Line::from(vec![
        Span::styled(format!("{}: ", lang.tr(label)), theme.label()),
        Span::raw(names),
    ])
}

pub fn meeting_lines<'a>(lang: Lang, theme: Theme, b: &'a Backlog, m: &'a Meeting) -> Vec<Line<'a>> {
    let attendees = b.owner_names(&m.attendees);
    let mut lines = vec![
        Line::from(vec![
            Span::styled(format!("{} ", m.id), theme.dim()),
            Span::styled(text::visible(&m.title), theme.title()),
        ]),
        Line::from(vec![
            Span::styled(format!("{}: ", lang.tr(Msg::MeetColDate)), theme.label()),
            Span::raw(when_and_where(lang, theme, m)),
        ]),
        attendees_line(lang, theme, m, &attendees),
    ];
    lines.extend(absent_and_guests(lang, theme, b, m));
    lines.extend(time_used_line(lang, theme, m));
    lines.extend([
        Line::raw(""),
        Line::styled(
            format!(
                "{} ({})",
                lang.tr(Msg::MeetAgenda),
                lang.fill(
                    Msg::SummaryDiscussed,
                    &[
                        ("done", &discussed(b, m).to_string()),
                        ("items", &lang.items(agenda_items(m)))
                    ]
                )
            ),
            theme.header(),
        ),
    ]);
    for (number, id) in m.agenda.iter().enumerate() {
        let title = b
            .measure(*id)
            .map(|x| text::visible(&x.title).into_owned())
            .unwrap_or_default();
        lines.push(Line::from(vec![
            Span::raw(format!("{:>2}. ", number + 1)),
            Span::styled(format!("{id} "), theme.dim()),
            Span::raw(title),
        ]));
        lines.extend(item_outcome(lang, theme, b, m, *id, "      ", None));
    }
    lines.extend(term_items(lang, theme, b, m, None));
    lines
}

/// "14.12.2026 09:00 · Rådhuset".
pub fn when_and_where(lang: Lang, theme: Theme, m: &Meeting) -> String {
    let mut text = theme.date(lang, m.date);
    if let Some(time) = m.time {
        text = format!("{text} {}", time_text(time));
    }
    if !m.place.is_empty() {
        text = format!("{text} · {}", m.place);
    }
    text
}

/// Agenda items with a decision or a note: measures, then glossary terms with a decision.
pub fn discussed(b: &Backlog, m: &Meeting) -> usize {
    let terms = m
        .terms
        .iter()
        .filter(|t| m.term_decisions.iter().any(|d| d.term == **t));
    m.agenda.iter().filter(|id| b.was_discussed(m, **id)).count() + terms.count()
}

/// Every item on the agenda: the measures and the glossary terms after them.
pub fn agenda_items(m: &Meeting) -> usize {
    m.agenda.len() + m.terms.len()
}

/// The glossary terms on a held meeting's agenda, numbered on after the measures, each with
/// what the meeting decided on it (→) or "not discussed".
pub fn term_items<'a>(lang: Lang, theme: Theme, b: &Backlog, m: &Meeting, width: Option<usize>) -> Vec<Line<'a>> {
    let mut lines = Vec::new();
    for (number, id) in (m.agenda.len() + 1..).zip(&m.terms) {
        let name = b
            .term(*id)
            .map(|t| text::visible(&t.term).into_owned())
            .unwrap_or_default();
        lines.push(Line::from(vec![
            Span::styled(format!("{number:>2}. {id} "), theme.title()),
            Span::styled(name, theme.title()),
        ]));
        let mut decided = false;
        for decision in m.term_decisions.iter().filter(|d| d.term == *id) {
            decided = true;
            let said = decision_text(lang, decision.kind, decision.definition.as_deref());
            let said = text::visible(&said).into_owned();
            let rows = match width {
                Some(width) => hanging(&said, width.saturating_sub(8)),
                None => vec![said],
            };
            for (i, row) in rows.into_iter().enumerate() {
                let lead = if i == 0 { "      → " } else { "        " };
                lines.push(Line::from(vec![Span::raw(lead), Span::styled(row, theme.ok())]));
            }
        }
        if !decided {
            lines.push(Line::styled(
                format!("      {}", lang.tr(Msg::NotDiscussed)),
                theme.warn(),
            ));
        }
    }
    lines
}

/// Decisions (→) and notes (•) on one agenda item, or "not discussed". With a `width`, each
/// is word-wrapped there with continuation lines under its text (a hanging indent), so a long
/// decision stays readable on a projector; `None` leaves wrapping to the paragraph.
pub fn item_outcome<'a>(
    lang: Lang,
    theme: Theme,
    b: &'a Backlog,
    m: &'a Meeting,
    id: crate::domain::MeasureId,
    indent: &'static str,
    width: Option<usize>,
) -> Vec<Line<'a>> {
    let mut lines: Vec<Line> = Vec::new();
    let mut push = |lead: &str, text: &str, style: ratatui::style::Style| {
        let first = format!("{indent}{lead}");
        let rest = " ".repeat(first.chars().count());
        let rows = match width {
            Some(width) => hanging(text, width.saturating_sub(first.chars().count())),
            None => vec![text.to_string()],
        };
        for (i, row) in rows.into_iter().enumerate() {
            let lead = if i == 0 { first.clone() } else { rest.clone() };
            lines.push(Line::from(vec![Span::raw(lead), Span::styled(row, style)]));
        }
    };
    for decision in b.decisions_on(m, id) {
        push(
            "→ ",
            &lang.decision(decision.kind, &decision.text, decision.due),
            theme.ok(),
        );
    }
    for note in b.notes_from(m.id, id) {
        for (i, line) in note.text.lines().enumerate() {
            push(if i == 0 { "• " } else { "  " }, line, ratatui::style::Style::default());
        }
    }
    if lines.is_empty() {
        lines.push(Line::styled(
            format!("{indent}{}", lang.tr(Msg::NotDiscussed)),
            theme.warn(),
        ));
    }
    lines
}

/// `text` broken into rows of at most `width` columns at spaces (a longer word gets a row of
/// its own and is cut by the paragraph).
pub fn hanging(text: &str, width: usize) -> Vec<String> {
    let mut rows: Vec<String> = Vec::new();
    let mut row = String::new();
    for word in text.split_whitespace() {
        if !row.is_empty() && row.width() + 1 + word.width() > width.max(1) {
            rows.push(std::mem::take(&mut row));
        }
        if !row.is_empty() {
            row.push(' ');
        }
        row.push_str(word);
    }
    rows.push(row);
    rows
}

#[cfg(test)]
mod tests {
    #[test]
    fn hanging_rows_break_at_spaces() {
        assert_eq!(
            super::hanging("Vedtatt. Budsjettet fremmes for kommunestyret", 20),
            vec!["Vedtatt. Budsjettet", "fremmes for", "kommunestyret"]
        );
        assert_eq!(super::hanging("", 10), vec![""]);
    }
}
