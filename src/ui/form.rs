//! The modal edit form: one field per line, the focused one marked with ▶ and a cursor.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::Theme;
use super::layout::centered;
use crate::app::App;
use crate::app::form::{Field, Form, Input};
use crate::i18n::Msg;

const LABEL_WIDTH: u16 = 24;
const TEXT_ROWS: u16 = 3;
const LIST_ROWS: u16 = 8;

fn field_height(field: &Field, focused: bool, has_error: bool) -> u16 {
    let body = match &field.input {
        Input::Lines(_) => TEXT_ROWS,
        Input::Multi { options, .. } if focused => (options.len() as u16).clamp(1, LIST_ROWS),
        _ => 1,
    };
    body + u16::from(has_error)
}

pub fn render(frame: &mut Frame, app: &App, theme: Theme, form: &Form) {
    let lang = app.lang;
    let screen = frame.area();
    let heights: Vec<u16> = form
        .fields
        .iter()
        .enumerate()
        .map(|(i, f)| field_height(f, i == form.focus, form.error.as_ref().is_some_and(|(e, _)| *e == i)))
        .collect();
    let wanted = heights.iter().sum::<u16>() + 3;
    let width = screen.width.saturating_sub(4).min(100);
    let area = centered(screen, width, wanted.min(screen.height.saturating_sub(2)));
    frame.render_widget(Clear, area);
    let body_height = area.height.saturating_sub(3);
    // Scroll so the focused field is wholly visible; the border says what is out of sight.
    let mut first = 0;
    while first < form.focus && heights[first..=form.focus].iter().sum::<u16>() > body_height {
        first += 1;
    }
    let mut shown = 0;
    let mut used = 0;
    for height in &heights[first..] {
        if used + height > body_height {
            break;
        }
        used += height;
        shown += 1;
    }
    let below = form.fields.len() - first - shown;
    let mut block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(true))
        .title(Span::styled(format!(" {} ", form.title(lang)), theme.title()));
    if first > 0 {
        let above = lang.fill(Msg::FormFieldsAbove, &[("count", &first.to_string())]);
        block = block.title(Line::styled(format!(" {above} "), theme.dim()).right_aligned());
    }
    if below > 0 {
        let more = lang.fill(Msg::FormFieldsBelow, &[("count", &below.to_string())]);
        block = block.title_bottom(Line::styled(format!(" {more} "), theme.dim()).right_aligned());
    }
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height < 2 || inner.width <= LABEL_WIDTH + 4 {
        return;
    }
    let body = Rect::new(inner.x, inner.y, inner.width, inner.height - 1);
    let mut y = body.y;
    for (index, field) in form.fields.iter().enumerate().skip(first).take(shown) {
        let height = heights[index];
        let focused = index == form.focus;
        let label_style = if focused { theme.selected() } else { theme.label() };
        let marker = if focused { "▶ " } else { "  " };
        let label = Rect::new(body.x, y, LABEL_WIDTH, 1);
        frame.render_widget(
            Paragraph::new(format!("{marker}{}", lang.tr(field.label))).style(label_style),
            label,
        );
        let input_height = height - u16::from(form.error.as_ref().is_some_and(|(e, _)| *e == index));
        let input = Rect::new(body.x + LABEL_WIDTH + 1, y, body.width - LABEL_WIDTH - 1, input_height);
        render_input(frame, app, theme, field, focused, input);
        if let Some((_, message)) = form.error.as_ref().filter(|(e, _)| *e == index) {
            let spot = Rect::new(
                body.x + LABEL_WIDTH + 1,
                y + input_height,
                body.width - LABEL_WIDTH - 1,
                1,
            );
            frame.render_widget(Paragraph::new(format!("⚠ {message}")).style(theme.error()), spot);
        }
        y += height;
    }
    // In a multi-line field Enter makes a new line: the general hint must not say it saves.
    let general = if form.focused_is_multiline() {
        Msg::FormHintMultiline
    } else if form.focused_names_measures() {
        Msg::FormHintMeasures
    } else if matches!(form.focused().input, Input::Pick { .. } | Input::Multi { .. }) {
        Msg::FormHintChoice
    } else {
        Msg::FormHint
    };
    let mut hint = lang.tr(general).to_string();
    if let Some(extra) = form.focused().hint {
        hint = format!("{} · {hint}", lang.tr(extra));
    }
    let footer = Rect::new(inner.x, inner.y + inner.height - 1, inner.width, 1);
    frame.render_widget(Paragraph::new(hint).style(theme.dim()), footer);
}

pub(super) fn render_input(frame: &mut Frame, app: &App, theme: Theme, field: &Field, focused: bool, area: Rect) {
    let lang = app.lang;
    match &field.input {
        // The text area does not wrap; an unfocused description is shown wrapped so all of it reads.
        Input::Lines(text) if !focused => {
            frame.render_widget(Paragraph::new(text.lines().join("\n")).wrap(Wrap { trim: false }), area)
        }
        Input::Line(text) | Input::Lines(text) => frame.render_widget(text, area),
        Input::Pick { options, selected } => {
            let label = options.get(*selected).map(|(l, _)| l.as_str()).unwrap_or_default();
            let text = if focused {
                format!("◀ {label} ▶")
            } else {
                label.to_string()
            };
            frame.render_widget(Paragraph::new(text), area);
        }
        Input::Toggle(on) => {
            let text = format!(
                "[{}] {}",
                if *on { "x" } else { " " },
                lang.tr(if *on { Msg::Yes } else { Msg::No })
            );
            frame.render_widget(Paragraph::new(text), area);
        }
        Input::Multi {
            options,
            checked,
            cursor,
        } if focused => {
            let rows = usize::from(area.height).max(1);
            let start = cursor.saturating_sub(rows - 1);
            let end = (start + rows).min(options.len());
            let lines: Vec<Line> = options
                .iter()
                .zip(checked)
                .enumerate()
                .skip(start)
                .take(rows)
                .map(|(i, ((label, _), on))| {
                    // Arrows on the first and last row when the list goes on beyond them.
                    let more = if i == start && start > 0 {
                        "  ↑"
                    } else if i + 1 == end && end < options.len() {
                        "  ↓"
                    } else {
                        ""
                    };
                    let text = format!(
                        "{} [{}] {label}{more}",
                        if i == *cursor { "›" } else { " " },
                        if *on { "x" } else { " " }
                    );
                    if i == *cursor {
                        Line::styled(text, theme.selected())
                    } else {
                        Line::raw(text)
                    }
                })
                .collect();
            frame.render_widget(Paragraph::new(lines), area);
        }
        Input::Multi { options, checked, .. } => {
            let chosen: Vec<&str> = options
                .iter()
                .zip(checked)
                .filter(|(_, on)| **on)
                .map(|((l, _), _)| l.as_str())
                .collect();
            let text = if chosen.is_empty() {
                lang.tr(Msg::None).to_string()
            } else {
                chosen.join(", ")
            };
            frame.render_widget(Paragraph::new(Line::from(vec![Span::raw(text)])), area);
        }
    }
}
