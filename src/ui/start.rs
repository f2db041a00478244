//! The guided start on a new backlog: the steps, each with what it has so far.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::Theme;
use super::layout::fit_list;
use crate::app::App;
use crate::app::start::Step;
use crate::i18n::Msg;

pub fn render(frame: &mut Frame, app: &App, theme: Theme, area: Rect, cursor: usize) {
    let lang = app.lang;
    let b = &app.backlog;
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(true))
        .title(Span::styled(format!(" {} ", lang.tr(Msg::StartTitle)), theme.title()));
    let width = usize::from(area.width.saturating_sub(8));
    let count = |n: usize| lang.fill(Msg::StartCount, &[("count", &n.to_string())]);
    let mut lines = vec![Line::raw(lang.tr(Msg::StartIntro)), Line::raw("")];
    for (i, step) in Step::ALL.into_iter().enumerate() {
        let (label, so_far) = match step {
            Step::Name => (Msg::StartStepName, format!("«{}»", b.name)),
            Step::Sectors => {
                let labels: Vec<String> = b.sectors_in_order().iter().map(|s| s.short_label()).collect();
                (Msg::StartStepSectors, fit_list(&labels, width))
            }
            Step::Owners => (Msg::StartStepOwners, count(b.owners.len())),
            Step::Priorities => (Msg::StartStepPriorities, count(b.priorities.len())),
            Step::Measures => (Msg::StartStepMeasures, String::new()),
        };
        let chosen = i == cursor;
        let marker = if chosen { "▶ " } else { "  " };
        let style = if chosen { theme.selected() } else { theme.label() };
        lines.push(Line::from(Span::styled(
            format!("{marker}{}. {}", i + 1, lang.tr(label)),
            style,
        )));
        if !so_far.is_empty() {
            lines.push(Line::styled(format!("     {so_far}"), theme.dim()));
        }
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(lang.tr(Msg::StartDemo), theme.dim()));
    frame.render_widget(Paragraph::new(lines).block(block).wrap(Wrap { trim: false }), area);
}
