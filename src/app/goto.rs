//! Go to a measure by its id (`#`, then `23` or `T-23`): the Measures pane, cursor on it,
//! with the filter and search lifted when they hide it.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::update::{complain, quit};
use super::{Action, App, Overlay, Pane};
use crate::domain::MeasureId;
use crate::i18n::Msg;
use crate::search::MeasureFilter;

pub(super) fn open(app: &mut App) {
    app.overlay = Overlay::GoTo(String::new());
}

pub(super) fn key(app: &mut App, key: KeyEvent) {
    let Overlay::GoTo(text) = &mut app.overlay else { return };
    if key.modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) {
        return;
    }
    match key.code {
        KeyCode::Char(c) => text.push(c),
        KeyCode::Backspace => {
            text.pop();
        }
        _ => {}
    }
}

pub(super) fn action(app: &mut App, action: Action) {
    let Overlay::GoTo(text) = &mut app.overlay else { return };
    match action {
        Action::ClearInput => text.clear(),
        Action::Cancel => app.overlay = Overlay::None,
        Action::Quit => quit(app),
        Action::Accept => {
            let typed = text.trim().to_string();
            match typed
                .parse::<MeasureId>()
                .ok()
                .filter(|id| app.backlog.measure(*id).is_some())
            {
                Some(id) => {
                    app.overlay = Overlay::None;
                    go_to(app, id);
                }
                None => complain(app, app.lang.fill(Msg::ErrNoSuchMeasure, &[("text", &typed)])),
            }
        }
        _ => {}
    }
}

fn go_to(app: &mut App, id: MeasureId) {
    app.focus = Pane::Measures;
    app.came_from.clear();
    app.detail_scroll = 0;
    let Some(index) = app.backlog.measures.iter().position(|m| m.id == id) else {
        return;
    };
    if !app.measures.rows.contains(&index) {
        app.queries.remove(&Pane::Measures);
        app.set_filter(MeasureFilter::default());
    }
    app.measures.select_where(|i| i == index);
}
