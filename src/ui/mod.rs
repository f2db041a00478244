//! Pure render functions: they read `&App` and draw; they never change state.

mod changes;
mod charts;
mod confirm;
pub mod detail;
mod facts;
mod form;
// issue 16: glossary
mod glossary;
mod help;
pub mod layout;
mod lists;
mod log;
mod meetings;
mod merge;
pub mod mouse;
mod overlays;
mod overview;
mod review;
mod settings;
mod start;
mod statusbar;
pub mod theme;

use ratatui::Frame;
use ratatui::layout::{Rect, Size};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::app::review::Screen;
use crate::app::{App, Overlay, Pane};
use crate::i18n::Msg;
pub use lists::due_text;
pub use theme::Theme;

pub fn render(frame: &mut Frame, app: &App, theme: Theme) {
    let theme = Theme {
        dates: app.dates,
        ..theme
    };
    let area = frame.area();
    let size = Size::new(area.width, area.height);
    if layout::too_small(size) {
        let text = app.lang.fill(
            Msg::TooSmall,
            &[
                ("w", &area.width.to_string()),
                ("h", &area.height.to_string()),
                ("min_w", &layout::MIN_WIDTH.to_string()),
                ("min_h", &layout::MIN_HEIGHT.to_string()),
            ],
        );
        frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }).style(theme.warn()), area);
        return;
    }
    draw(frame, app, theme);
    show_hidden_characters(frame.buffer_mut());
}

/// Whatever path a text took to the screen, a control, bidi or zero-width character never
/// reaches the terminal: a cell holding one shows `�` instead.
fn show_hidden_characters(buffer: &mut ratatui::buffer::Buffer) {
    for cell in &mut buffer.content {
        if cell.symbol().chars().any(crate::domain::text::is_hidden) {
            cell.set_symbol("\u{FFFD}");
        }
    }
}

fn draw(frame: &mut Frame, app: &App, theme: Theme) {
    let area = frame.area();
    let size = Size::new(area.width, area.height);
    let areas = layout::areas(size);
    if let Screen::Main = app.screen {
        render_tabs(frame, app, theme, areas.tabs);
        if app.focus == Pane::Overview {
            overview::render(frame, app, theme, areas.list.union(areas.detail));
        } else {
            lists::render(frame, app, theme, areas.list);
            detail::render(frame, app, theme, areas.detail);
        }
    } else {
        let full = Rect::new(area.x, area.y, area.width, area.height.saturating_sub(1));
        match &app.screen {
            Screen::Main => {}
            Screen::Setup(setup) => review::render_setup(frame, app, theme, full, setup),
            Screen::Review(state) => review::render_review(frame, app, theme, full, state),
            Screen::Summary(summary) => review::render_summary(frame, app, theme, full, summary),
            Screen::Log { measure, scroll, .. } => log::render(frame, app, theme, full, *measure, *scroll),
            Screen::Changes { scroll, since, changes } => {
                changes::render(frame, app, theme, full, *scroll, *since, changes)
            }
            Screen::Settings { cursor, .. } => settings::render(frame, app, theme, full, *cursor),
            Screen::Start { cursor } => start::render(frame, app, theme, full, *cursor),
            Screen::Peek { measure, scroll, .. } => detail::render_peek(frame, app, theme, full, *measure, *scroll),
        }
    }
    statusbar::render(frame, app, theme, areas.status);
    // issue 14: the attendees' picker over the meeting set-up
    if let Screen::Setup(setup) = &app.screen
        && let Some(picker) = &setup.form.picker
    {
        overlays::render_picker(frame, app, theme, picker);
    }
    match &app.overlay {
        Overlay::None => {}
        Overlay::Help { scroll } => help::render(frame, app, theme, *scroll),
        Overlay::Confirm(confirm) => confirm::render(frame, app, theme, *confirm),
        Overlay::Form(form) => {
            form::render(frame, app, theme, form);
            // issue 14: a picker opened on a field shows over its form
            if let Some(picker) = &form.picker {
                overlays::render_picker(frame, app, theme, picker);
            }
        }
        Overlay::Merge(view) => merge::render(frame, app, theme, view),
        Overlay::Palette(palette) => overlays::render_palette(frame, app, theme, palette),
        Overlay::Picker(picker) => overlays::render_picker(frame, app, theme, picker),
        Overlay::Filter(panel) => {
            overlays::render_filter(frame, app, theme, panel);
            if let Some(picker) = &panel.picker {
                overlays::render_picker(frame, app, theme, picker);
            }
        }
        Overlay::SaveView(name) => overlays::render_save_view(frame, app, theme, name),
        Overlay::GoTo(text) => overlays::render_go_to(frame, app, theme, text),
    }
}

fn render_tabs(frame: &mut Frame, app: &App, theme: Theme, area: ratatui::layout::Rect) {
    let (line, _) = tab_line(app, theme, area.width);
    frame.render_widget(Paragraph::new(line), area);
}

/// The tab bar, and the columns each pane's tab takes (for the mouse).
pub(crate) fn tab_line(app: &App, theme: Theme, width: u16) -> (Line<'_>, Vec<(Pane, std::ops::Range<u16>)>) {
    let lang = app.lang;
    let mut spans = vec![Span::styled(format!(" {} ", lang.tr(Msg::AppTitle)), theme.title())];
    // First, so it shows even on a narrow screen.
    if app.read_only {
        let style = theme.warn().add_modifier(ratatui::style::Modifier::REVERSED);
        let banner = match app.unwritable {
            Some(_) => Msg::ReadOnlyFolderBanner,
            None => Msg::ReadOnlyBanner,
        };
        spans.push(Span::styled(format!(" {} ", lang.tr(banner)), style));
        spans.push(Span::raw(" "));
    } else if app.became_writable {
        spans.push(Span::styled(
            format!(" {} ", lang.tr(Msg::NowWritableBanner)),
            theme.ok(),
        ));
        spans.push(Span::raw(" "));
    }
    if app.demo {
        spans.push(Span::styled(format!("[{}] ", lang.tr(Msg::DemoBanner)), theme.warn()));
    }
    let tab_text = |pane: Pane, with_count: bool| {
        let key = pane_key(app, pane).map(|k| format!("{k} ")).unwrap_or_default();
        match pane {
            Pane::Overview => format!(" {key}{} ", lang.tr(pane.title())),
            _ if with_count => format!(" {key}{} ({}) ", lang.tr(pane.title()), app.list(pane).rows.len()),
            _ => format!(" {key}{} ", lang.tr(pane.title())),
        }
    };
    let used: usize = spans.iter().map(|s| s.width()).sum();
    let width_of = |with_count: bool| -> usize {
        Pane::ALL
            .iter()
            .map(|p| tab_text(*p, with_count).chars().count() + 1)
            .sum()
    };
    // Counts go first when the tabs would not fit, so every pane's name stays readable.
    let with_count = used + width_of(true) < usize::from(width);
    // issue 16: still too wide (six panes at 80 columns): tabs from the right, never the
    // focused one, show only their key until the bar fits, so every pane stays in sight.
    let mut short: Vec<Pane> = Vec::new();
    let mut total = used + width_of(false);
    for pane in Pane::ALL.iter().rev().filter(|p| **p != app.focus) {
        if total < usize::from(width) {
            break;
        }
        if let Some(key) = pane_key(app, *pane) {
            total -= tab_text(*pane, false).chars().count() - format!(" {key} ").chars().count();
            short.push(*pane);
        }
    }
    let tab_text = |pane: Pane, with_count: bool| match pane_key(app, pane) {
        Some(key) if short.contains(&pane) => format!(" {key} "),
        _ => tab_text(pane, with_count),
    };
    let mut x = used;
    let mut ranges = Vec::new();
    for pane in Pane::ALL {
        let style = if pane == app.focus {
            theme.selected()
        } else {
            theme.dim()
        };
        let text = tab_text(pane, with_count);
        let start = x + 1;
        x = start + Span::raw(text.as_str()).width();
        ranges.push((
            pane,
            start.min(usize::from(u16::MAX)) as u16..x.min(usize::from(u16::MAX)) as u16,
        ));
        spans.push(Span::raw("│"));
        spans.push(Span::styled(text, style));
    }
    spans.push(Span::raw("│ "));
    spans.push(Span::styled(app.backlog.name.clone(), theme.dim()));
    (Line::from(spans), ranges)
}

/// The key that jumps to `pane`, read from the keymap so the tab bar cannot disagree with it.
fn pane_key(app: &App, pane: Pane) -> Option<char> {
    app.keymap.bindings().iter().find_map(|b| match (b.action, b.code) {
        (crate::app::Action::Focus(p), ratatui::crossterm::event::KeyCode::Char(c)) if p == pane => Some(c),
        _ => None,
    })
}
