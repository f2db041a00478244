//! The `?` overlay, generated from the keymap table.

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::Theme;
use super::layout::centered;
use crate::app::App;
use crate::app::keymap::{HELP_WIDTH, PALETTE_ONLY, help_row, help_sections};
use crate::i18n::Msg;

/// One help row: the keys, then the description wrapped under its own column.
fn row<'a>(lines: &mut Vec<Line<'a>>, theme: Theme, keys: &str, description: &str, width: usize) {
    let (keys, indent, parts) = help_row(keys, description, width);
    let mut parts = parts.into_iter();
    lines.push(Line::from(vec![
        Span::styled(keys, theme.label()),
        Span::raw(parts.next().unwrap_or_default()),
    ]));
    for part in parts {
        lines.push(Line::raw(format!("{}{part}", " ".repeat(indent))));
    }
}

pub fn render(frame: &mut Frame, app: &App, theme: Theme, scroll: u16) {
    let lang = app.lang;
    let screen = frame.area();
    let area = centered(screen, HELP_WIDTH, screen.height.saturating_sub(2));
    let width = usize::from(area.width.saturating_sub(2));
    let mut lines: Vec<Line> = Vec::new();
    // What is open under the help comes first: in a review, the review's keys.
    for context in help_sections(app.screen_context()) {
        if !lines.is_empty() {
            lines.push(Line::raw(""));
        }
        lines.push(Line::styled(lang.tr(context.title()), theme.header()));
        for (keys, description) in app.keymap.help_rows(context, lang) {
            row(&mut lines, theme, &keys, &description, width);
        }
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(lang.tr(Msg::HelpSectionPaletteOnly), theme.header()));
    for action in PALETTE_ONLY {
        row(&mut lines, theme, ":", lang.tr(action.description()), width);
    }
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
