//! The bottom line: the last message or the key hints for what is open, and the save state.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::Theme;
use crate::app::keymap::Context;
use crate::app::{App, SaveState};
use crate::i18n::Msg;

pub fn render(frame: &mut Frame, app: &App, theme: Theme, area: Rect) {
    let lang = app.lang;
    let (save_text, save_style) = match app.save_state {
        // This window never writes: "saved" would be a promise it cannot keep.
        _ if app.read_only => (lang.tr(Msg::StatusReadOnly), theme.warn()),
        SaveState::Saved => (lang.tr(Msg::Saved), theme.ok()),
        SaveState::Failed(_) => (lang.tr(Msg::Unsaved), theme.error()),
        SaveState::Saving => (lang.tr(Msg::Saving), theme.dim()),
    };
    let save_width = save_text.chars().count() as u16 + 1;
    let [left, right] = Layout::horizontal([Constraint::Fill(1), Constraint::Length(save_width)]).areas(area);
    let line = match &app.message {
        Some(message) => Line::styled(
            format!(" {}", message.text),
            if message.is_error { theme.error() } else { theme.ok() },
        ),
        // The review lists its keys on its own screen, above this line.
        None if app.context() == Context::Review => Line::default(),
        // issue 14: the picker's box shows its keys in its bottom border
        None if app.context() == Context::Picker => Line::default(),
        None => {
            // As many hints as fit, in keymap order; the last ones ("? help", "q quit") are kept
            // by dropping from the middle first.
            let all = app.keymap.hints(app.context(), app.focus, lang);
            let width_of = |list: &[(String, &str)]| -> usize {
                list.iter()
                    .map(|(k, w)| k.chars().count() + w.chars().count() + 4)
                    .sum::<usize>()
                    + 1
            };
            let mut shown = all.clone();
            while shown.len() > 2 && width_of(&shown) > usize::from(left.width) {
                shown.remove(shown.len() - 3);
            }
            let mut spans = vec![Span::raw(" ")];
            for (i, (key, word)) in shown.into_iter().enumerate() {
                if i > 0 {
                    spans.push(Span::styled(" · ", theme.dim()));
                }
                spans.push(Span::styled(key, theme.label()));
                spans.push(Span::raw(format!(" {word}")));
            }
            Line::from(spans)
        }
    };
    frame.render_widget(Paragraph::new(line), left);
    frame.render_widget(Paragraph::new(save_text).style(save_style), right);
}
