//! The Meetings pane: the table (newest first) and a meeting's details — attendees and the
//! agenda with what was decided on each item.

use ratatui::layout::Constraint;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Row};

use super::Theme;
use crate::app::App;
use crate::domain::text;
use crate::domain::{Backlog, Meeting};
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
                Cell::from(lang.date(m.date)),
                Cell::from(text::visible(&m.title)),
                Cell::from(format!("{:>5}", m.agenda.len())),
                Cell::from(format!("{:>6}", b.decided_count(m))),
            ])
        })
        .collect();
    let header = vec![
        lang.tr(Msg::ColId),
        lang.tr(Msg::MeetColDate),
        lang.tr(Msg::ColTitle),
        lang.tr(Msg::MeetColItems),
        lang.tr(Msg::MeetColDecided),
    ];
    (
        header,
        vec![
            Constraint::Length(5),
            Constraint::Length(10),
            Constraint::Fill(1),
            Constraint::Length(6),
            Constraint::Length(7),
        ],
        rows,
    )
}

/// "Attendees: Kari Åsheim, Ola Hansen", or a dash when nobody is listed.
pub fn attendees_line<'a>(lang: Lang, theme: Theme, attendees: &[&str]) -> Line<'a> {
    let names = if attendees.is_empty() {
        lang.tr(Msg::None).to_string()
    } else {
        attendees.join(", ")
    };
    Line::from(vec![
        Span::styled(format!("{}: ", lang.tr(Msg::MeetAttendees)), theme.label()),
        Span::raw(names),
    ])
}

pub fn meeting_lines<'a>(lang: Lang, theme: Theme, b: &'a Backlog, m: &'a Meeting) -> Vec<Line<'a>> {
    let attendees = b.owner_names(&m.attendees);
    let mut lines = vec![
        Line::from(vec![
            Span::styled(format!("{} ", m.id), theme.dim()),
            Span::styled(m.title.as_str(), theme.title()),
        ]),
        Line::from(vec![
            Span::styled(format!("{}: ", lang.tr(Msg::MeetColDate)), theme.label()),
            Span::raw(lang.date(m.date)),
        ]),
        attendees_line(lang, theme, &attendees),
        Line::raw(""),
        Line::styled(
            format!(
                "{} ({})",
                lang.tr(Msg::MeetAgenda),
                lang.fill(
                    Msg::SummaryDiscussed,
                    &[
                        ("done", &discussed(b, m).to_string()),
                        ("total", &m.agenda.len().to_string())
                    ]
                )
            ),
            theme.header(),
        ),
    ];
    for (number, id) in m.agenda.iter().enumerate() {
        let title = b.measure(*id).map(|x| x.title.as_str()).unwrap_or_default();
        lines.push(Line::from(vec![
            Span::raw(format!("{:>2}. ", number + 1)),
            Span::styled(format!("{id} "), theme.dim()),
            Span::raw(title),
        ]));
        lines.extend(item_outcome(lang, theme, b, m, *id, "      "));
    }
    lines
}

pub fn discussed(b: &Backlog, m: &Meeting) -> usize {
    m.agenda.iter().filter(|id| b.was_discussed(m, **id)).count()
}

/// Decisions (→) and notes (•) on one agenda item, or "not discussed".
pub fn item_outcome<'a>(
    lang: Lang,
    theme: Theme,
    b: &'a Backlog,
    m: &'a Meeting,
    id: crate::domain::MeasureId,
    indent: &'static str,
) -> Vec<Line<'a>> {
    let mut lines: Vec<Line> = Vec::new();
    for decision in b.decisions_on(m, id) {
        lines.push(Line::from(vec![
            Span::raw(format!("{indent}→ ")),
            Span::styled(decision.text.as_str(), theme.ok()),
        ]));
    }
    for note in b.notes_from(m.id, id) {
        lines.push(Line::raw(format!("{indent}• {}", note.text)));
    }
    if lines.is_empty() {
        lines.push(Line::styled(
            format!("{indent}{}", lang.tr(Msg::NotDiscussed)),
            theme.warn(),
        ));
    }
    lines
}
