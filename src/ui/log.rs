//! A measure's log, full screen: every dated entry, newest first, with the meeting it came from.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::Theme;
use super::detail::date_of;
use crate::app::App;
use crate::domain::text::visible;
use crate::domain::{Backlog, LogEntry, MeasureId};
use crate::i18n::{Lang, Msg};

/// One log entry on one line: date, kind, status change, text, meeting.
pub fn log_line<'a>(lang: Lang, theme: Theme, b: &Backlog, entry: &'a LogEntry) -> Line<'a> {
    let mut spans = vec![
        Span::styled(format!("{} ", date_of(lang, theme, entry.at)), theme.dim()),
        Span::styled(format!("{}: ", lang.log_kind(entry.kind)), theme.label()),
    ];
    if let (Some(from), Some(to)) = (entry.from, entry.to) {
        spans.push(Span::raw(lang.fill(
            Msg::LogStatusLine,
            &[("from", lang.status(from)), ("to", lang.status(to))],
        )));
        if !entry.text.is_empty() {
            spans.push(Span::raw(" – "));
        }
    }
    spans.push(Span::raw(visible(&lang.entry_text(entry)).into_owned()));
    if !entry.author.is_empty() {
        let by = lang.fill(Msg::LogAuthor, &[("author", &visible(&entry.author))]);
        spans.push(Span::styled(format!(" {by}"), theme.dim()));
    }
    if let Some(meeting) = entry.meeting {
        let title = b.meeting(meeting).map(|m| m.title.as_str()).unwrap_or_default();
        spans.push(Span::styled(
            format!(
                " ({})",
                lang.fill(
                    Msg::LogMeetingRef,
                    &[("id", &meeting.to_string()), ("title", &visible(title))]
                )
            ),
            theme.dim(),
        ));
    }
    Line::from(spans)
}

pub fn render(frame: &mut Frame, app: &App, theme: Theme, area: Rect, measure: MeasureId, scroll: u16) {
    let lang = app.lang;
    let Some(m) = app.backlog.measure(measure) else { return };
    let title = lang.fill(
        Msg::LogTitle,
        &[("id", &m.id.to_string()), ("title", &visible(&m.title))],
    );
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(true))
        .title(Span::styled(format!(" {title} "), theme.title()));
    let mut lines: Vec<Line> = m
        .log
        .iter()
        .rev()
        .map(|e| log_line(lang, theme, &app.backlog, e))
        .collect();
    if lines.is_empty() {
        lines.push(Line::styled(lang.tr(Msg::NoLog), theme.dim()));
    }
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        area,
    );
}
