//! The `?` overlay, generated from the keymap table.

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::Theme;
use super::layout::centered;
use crate::app::App;
use crate::app::keymap::{PALETTE_ONLY, help_rows, help_sections};
use crate::i18n::Msg;

pub fn render(frame: &mut Frame, app: &App, theme: Theme, scroll: u16) {
    let lang = app.lang;
    let mut lines: Vec<Line> = Vec::new();
    // What is open under the help comes first: in a review, the review's keys.
    for context in help_sections(app.screen_context()) {
        if !lines.is_empty() {
            lines.push(Line::raw(""));
        }
        lines.push(Line::styled(lang.tr(context.title()), theme.header()));
        for (keys, description) in help_rows(context, lang) {
            lines.push(Line::from(vec![
                Span::styled(format!("  {keys:<18}"), theme.label()),
                Span::raw(description),
            ]));
        }
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(lang.tr(Msg::HelpSectionPaletteOnly), theme.header()));
    for action in PALETTE_ONLY {
        lines.push(Line::from(vec![
            Span::styled(format!("  {:<18}", ":"), theme.label()),
            Span::raw(lang.tr(action.description())),
        ]));
    }
    let screen = frame.area();
    let area = centered(screen, 72, screen.height.saturating_sub(2));
    let max_scroll = (lines.len() as u16).saturating_sub(area.height.saturating_sub(2));
    frame.render_widget(Clear, area);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(true))
        .title(Span::styled(format!(" {} ", lang.tr(Msg::HelpTitle)), theme.title()))
        .title_bottom(Span::styled(format!(" {} ", lang.tr(Msg::HelpFooter)), theme.dim()));
    frame.render_widget(
        Paragraph::new(lines).block(block).scroll((scroll.min(max_scroll), 0)),
        area,
    );
}
