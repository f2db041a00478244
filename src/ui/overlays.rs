//! The small overlays of finding and triage: command palette, picker, filter panel and the
//! name prompt for saving a view.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::Theme;
use super::layout::{centered, shortened};
use crate::app::filter_panel::{FilterRow, rows};
use crate::app::keymap::{Context, key_label};
use crate::app::picker::{Picker, PickerKind};
use crate::app::{Action, App, FilterPanel, Palette};
use crate::i18n::{Lang, Msg};

fn frame_box(frame: &mut Frame, theme: Theme, title: String, hint: &str, area: Rect) -> Rect {
    frame.render_widget(Clear, area);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(true))
        .title(Span::styled(format!(" {title} "), theme.title()))
        .title_bottom(Span::styled(format!(" {hint} "), theme.dim()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}

fn input_line<'a>(text: &'a str, theme: Theme) -> Line<'a> {
    Line::from(vec![
        Span::styled("› ", theme.label()),
        Span::raw(text),
        Span::styled("█", theme.label()),
    ])
}

/// The window of `count` rows of at most `height` that keeps `cursor` visible.
fn window(count: usize, cursor: usize, height: usize) -> std::ops::Range<usize> {
    let height = height.max(1);
    let start = cursor.saturating_sub(height - 1).min(count.saturating_sub(height));
    start..(start + height).min(count)
}

fn list_line<'a>(selected: bool, text: String, theme: Theme) -> Line<'a> {
    if selected {
        Line::styled(format!("▶ {text}"), theme.selected())
    } else {
        Line::raw(format!("  {text}"))
    }
}

pub fn render_palette(frame: &mut Frame, app: &App, theme: Theme, palette: &Palette) {
    let lang = app.lang;
    let screen = frame.area();
    let width = screen.width.saturating_sub(4).min(72);
    let height = (palette.entries.len() as u16 + 3).min(screen.height.saturating_sub(4));
    let area = Rect::new(screen.x + (screen.width - width) / 2, screen.y + 2, width, height);
    let inner = frame_box(
        frame,
        theme,
        lang.tr(Msg::PaletteTitle).to_string(),
        lang.tr(Msg::PaletteHint),
        area,
    );
    if inner.height == 0 {
        return;
    }
    let mut lines = vec![input_line(&palette.find.query, theme)];
    if palette.find.shown.is_empty() {
        lines.push(Line::styled(lang.tr(Msg::NoMatches), theme.dim()));
    }
    let rows = usize::from(inner.height.saturating_sub(1));
    for position in window(palette.find.shown.len(), palette.find.cursor, rows) {
        let Some(entry) = palette.find.shown.get(position).and_then(|i| palette.entries.get(*i)) else {
            continue;
        };
        let selected = position == palette.find.cursor;
        let keys_width = entry.keys.width();
        let room = usize::from(inner.width).saturating_sub(keys_width + 3);
        let description = shortened(&entry.description, room);
        let gap = room.saturating_sub(description.width());
        let text = format!("{description}{} {}", " ".repeat(gap), entry.keys);
        lines.push(list_line(selected, text, theme));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

// issue 14: one picker everywhere
/// The picker's keys as the keymap has them: typing filters, `Enter` chooses, the keys that
/// check (only where several can be checked), `Esc` cancels. Keys with one meaning share it.
fn picker_hint(app: &App, picker: &Picker) -> String {
    let lang = app.lang;
    if matches!(picker.kind, PickerKind::Value | PickerKind::Effort) {
        return lang.tr(Msg::PickerNumberHint).to_string();
    }
    let mut hints: Vec<(Vec<String>, Msg)> = Vec::new();
    let shown = app
        .keymap
        .bindings_in(Context::Picker)
        .filter(|b| picker.kind.is_multi() || b.action != Action::PickToggle);
    for binding in shown {
        let Some(hint) = binding.hint else { continue };
        let key = key_label(binding, lang);
        match hints.iter_mut().find(|(_, h)| *h == hint) {
            Some((keys, _)) => keys.push(key),
            None => hints.push((vec![key], hint)),
        }
    }
    std::iter::once(lang.tr(Msg::PickerTypeToFilter).to_string())
        .chain(
            hints
                .into_iter()
                .map(|(keys, hint)| format!("{} {}", keys.join("/"), lang.tr(hint))),
        )
        .collect::<Vec<_>>()
        .join(" · ")
}

pub fn render_picker(frame: &mut Frame, app: &App, theme: Theme, picker: &Picker) {
    let lang = app.lang;
    let screen = frame.area();
    let hint = picker_hint(app, picker);
    let mut title = lang.tr(picker.kind.title()).to_string();
    match picker.targets.as_slice() {
        [] => {}
        [one] => title = format!("{title} – {one}"),
        many => {
            let what = lang.fill(Msg::CountMeasures, &[("count", &many.len().to_string())]);
            title = format!("{title} – {}", lang.fill(Msg::PickerTargets, &[("what", &what)]));
        }
    }
    // Wide enough for the key hints in the bottom border (they were cut at `Esc avb`).
    let hint_width = u16::try_from(hint.width() + 4).unwrap_or(u16::MAX);
    let width = screen.width.saturating_sub(4).min(hint_width.max(60));
    let height = (picker.options.len() as u16 + 3).clamp(5, 16);
    let area = centered(screen, width, height);
    let inner = frame_box(frame, theme, title, &hint, area);
    if inner.height == 0 {
        return;
    }
    let mut lines = vec![input_line(&picker.find.query, theme)];
    if picker.options.is_empty() {
        lines.push(Line::styled(lang.tr(Msg::PickerNothingYet), theme.dim()));
    } else if picker.find.shown.is_empty() {
        lines.push(Line::styled(lang.tr(Msg::NoMatches), theme.dim()));
    }
    let rows = usize::from(inner.height.saturating_sub(1));
    for position in window(picker.find.shown.len(), picker.find.cursor, rows) {
        let Some(&index) = picker.find.shown.get(position) else {
            continue;
        };
        let Some(option) = picker.options.get(index) else {
            continue;
        };
        let text = match picker.checked.get(index) {
            Some(on) => format!("[{}] {}", if *on { "x" } else { " " }, option.label),
            None => option.label.clone(),
        };
        // A long measure title ends in … rather than at the box's edge.
        let text = shortened(&text, usize::from(inner.width).saturating_sub(2));
        lines.push(list_line(position == picker.find.cursor, text, theme));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

fn row_label(row: FilterRow, lang: Lang) -> String {
    match (row, row.title()) {
        (FilterRow::Status(status), _) => lang.status(status).to_string(),
        (_, Some(title)) => lang.tr(title).to_string(),
        (_, None) => String::new(),
    }
}

fn check(on: bool) -> &'static str {
    if on { "[x]" } else { "[ ]" }
}

/// What the row shows: a checkbox for on/off conditions, the choice for the others.
fn row_value(row: FilterRow, app: &App, panel: &FilterPanel) -> String {
    let f = &app.filter;
    match row {
        FilterRow::Status(status) => check(f.statuses.contains(&status)).to_string(),
        FilterRow::AwaitingPolitical => check(f.awaiting_political).to_string(),
        FilterRow::CrossSector => check(f.cross_sector).to_string(),
        FilterRow::ActiveOnly => check(f.active_only).to_string(),
        FilterRow::Untriaged => check(f.untriaged).to_string(),
        _ => panel.value_label(row, f, &app.backlog, app.lang),
    }
}

pub fn render_filter(frame: &mut Frame, app: &App, theme: Theme, panel: &FilterPanel) {
    let lang = app.lang;
    let screen = frame.area();
    let all = rows();
    let width = screen.width.saturating_sub(4).min(76);
    let height = (all.len() as u16 + 3).min(screen.height.saturating_sub(2));
    let area = centered(screen, width, height);
    let count = app.measures.rows.len().to_string();
    let title = format!(
        "{} – {}",
        lang.tr(Msg::FilterTitle),
        lang.fill(Msg::FilterMatching, &[("count", &count)])
    );
    let inner = frame_box(frame, theme, title, lang.tr(Msg::FilterHint), area);
    let label_width = 30usize;
    let lines: Vec<Line> = window(all.len(), panel.cursor, usize::from(inner.height))
        .map(|i| {
            let row = all[i];
            let value = row_value(row, app, panel);
            let text = match row {
                FilterRow::Status(_) => format!("{value} {} {}", lang.tr(Msg::ColStatus), row_label(row, lang)),
                FilterRow::AwaitingPolitical
                | FilterRow::CrossSector
                | FilterRow::ActiveOnly
                | FilterRow::Untriaged => {
                    format!("{value} {}", row_label(row, lang))
                }
                _ => {
                    let label = row_label(row, lang);
                    let gap = label_width.saturating_sub(label.width());
                    format!("{label}{}◀ {value} ▶", " ".repeat(gap))
                }
            };
            list_line(i == panel.cursor, text, theme)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

pub fn render_go_to(frame: &mut Frame, app: &App, theme: Theme, text: &str) {
    input_box(frame, app, theme, (Msg::GoToTitle, Msg::GoToHint), text);
}

pub fn render_save_view(frame: &mut Frame, app: &App, theme: Theme, name: &str) {
    input_box(frame, app, theme, (Msg::SaveViewTitle, Msg::SaveViewHint), name);
}

/// A one-line input in a small centred box with its title and key hint.
fn input_box(frame: &mut Frame, app: &App, theme: Theme, (title, hint): (Msg, Msg), text: &str) {
    let screen = frame.area();
    let area = centered(screen, screen.width.saturating_sub(4).min(56), 3);
    let inner = frame_box(frame, theme, app.lang.tr(title).to_string(), app.lang.tr(hint), area);
    frame.render_widget(Paragraph::new(input_line(text, theme)), inner);
}
