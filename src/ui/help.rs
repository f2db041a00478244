//! The `?` overlay, generated from the keymap table.

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::Theme;
use super::layout::centered;
use crate::app::App;
use crate::app::keymap::{Context, PALETTE_ONLY, help_rows};
use crate::i18n::Msg;

/// Width of the key column, indent included.
const KEYS: usize = 20;

/// One help row: keys, then the description wrapped under its own column, so a long one is
/// never cut at the overlay's border.
fn row<'a>(lines: &mut Vec<Line<'a>>, theme: Theme, keys: &str, description: &str, width: usize) {
    let keys = format!("  {keys:<18}");
    let indent = keys.width().max(KEYS);
    let mut parts = wrap(description, width.saturating_sub(indent).max(10)).into_iter();
    lines.push(Line::from(vec![
        Span::styled(keys, theme.label()),
        Span::raw(parts.next().unwrap_or_default()),
    ]));
    for part in parts {
        lines.push(Line::raw(format!("{}{part}", " ".repeat(indent))));
    }
}

/// `text` in lines of at most `width` columns, broken between words (a word longer than a
/// line gets a line of its own).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        if !line.is_empty() && line.width() + 1 + word.width() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    lines.push(line);
    lines
}

pub fn render(frame: &mut Frame, app: &App, theme: Theme, scroll: u16) {
    let lang = app.lang;
    let screen = frame.area();
    let area = centered(screen, 72, screen.height.saturating_sub(2));
    let width = usize::from(area.width.saturating_sub(2));
    let mut lines: Vec<Line> = Vec::new();
    for context in [
        Context::List,
        Context::Search,
        Context::Palette,
        Context::Picker,
        Context::Filter,
        Context::Form,
        Context::Confirm,
        Context::Setup,
        Context::Agenda,
        Context::Review,
        Context::Summary,
        Context::Log,
        Context::Merge,
        Context::Settings,
        Context::Start,
        Context::GoTo,
    ] {
        if !lines.is_empty() {
            lines.push(Line::raw(""));
        }
        lines.push(Line::styled(lang.tr(context.title()), theme.header()));
        for (keys, description) in help_rows(context, lang) {
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

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn long_descriptions_wrap_between_words() {
        assert_eq!(
            wrap("Show the selection's measures; Esc goes back (Priorities)", 50),
            ["Show the selection's measures; Esc goes back", "(Priorities)"]
        );
        assert_eq!(wrap("Down", 50), ["Down"]);
    }
}
