//! The Settings screen: the backlog's name and settings, and its sectors (add, rename, short
//! label, delete). Every change is one undoable edit, like any other.

use super::form::{Form, FormTarget};
use super::review::Screen;
use super::update::{committed, quit, redo, say, undo};
use super::{Action, App, Confirm, Overlay};
use crate::domain::{DomainError, Edit, SectorId};
use crate::i18n::{Lang, Msg};

pub(super) fn open(app: &mut App) {
    app.screen = Screen::Settings {
        cursor: 0,
        from_start: false,
    };
}

/// The sector under the cursor of the Settings screen.
pub fn selected_sector(app: &App) -> Option<SectorId> {
    match app.screen {
        Screen::Settings { cursor, .. } => app.backlog.sectors_in_order().get(cursor).map(|s| s.id),
        _ => None,
    }
}

pub(super) fn action(app: &mut App, action: Action) {
    let Screen::Settings { cursor, from_start } = &mut app.screen else {
        return;
    };
    let from_start = *from_start;
    let last = app.backlog.sectors.len().saturating_sub(1);
    match action {
        Action::Down => *cursor = (*cursor + 1).min(last),
        Action::Up => *cursor = cursor.saturating_sub(1),
        Action::First => *cursor = 0,
        Action::Last => *cursor = last,
        Action::New => app.overlay = Overlay::Form(Box::new(Form::new_sector())),
        Action::Edit => match selected_sector(app).and_then(|id| Form::edit_sector(id, &app.backlog)) {
            Some(form) => app.overlay = Overlay::Form(Box::new(form)),
            None => say(app, app.lang.tr(Msg::NothingSelected).to_string()),
        },
        Action::Delete => match selected_sector(app) {
            Some(id) => app.overlay = Overlay::Confirm(Confirm::DeleteSector(id)),
            None => say(app, app.lang.tr(Msg::NothingSelected).to_string()),
        },
        Action::EditSettings => app.overlay = Overlay::Form(Box::new(Form::settings(&app.backlog))),
        Action::MoveSectorUp => move_sector(app, true),
        Action::MoveSectorDown => move_sector(app, false),
        Action::Undo => undo(app),
        Action::Redo => redo(app),
        Action::Help => app.overlay = Overlay::Help { scroll: 0 },
        Action::Cancel if from_start => app.screen = Screen::Start { cursor: 2 },
        Action::Cancel => app.screen = Screen::Main,
        Action::Quit => quit(app),
        _ => {}
    }
    keep_cursor(app);
}

// issue 14: sectors in the group's own order
/// Moves the sector under the cursor one place; the cursor goes with it.
fn move_sector(app: &mut App, toward_first: bool) {
    let Some(id) = selected_sector(app) else {
        return say(app, app.lang.tr(Msg::NothingSelected).to_string());
    };
    let name = app.backlog.sector(id).map(|s| s.name.clone()).unwrap_or_default();
    match app.backlog.move_sector(id, toward_first) {
        Ok(Some(edit)) => {
            let what = app.lang.fill(Msg::WhatSector, &[("name", &name)]);
            committed(app, edit, app.lang.fill(Msg::MsgSectorMoved, &[("what", &what)]));
        }
        Ok(None) => {}
        Err(error) => super::update::complain(app, error.to_string()),
    }
    put_cursor_on(app, id);
}

/// The Settings screen's cursor goes to sector `id`.
fn put_cursor_on(app: &mut App, id: SectorId) {
    let place = app.backlog.sectors_in_order().iter().position(|s| s.id == id);
    if let Screen::Settings { cursor, .. } = &mut app.screen {
        *cursor = place.unwrap_or(0);
    }
}

/// After sectors were added or removed (here or by undo), the cursor stays on the list.
pub(super) fn keep_cursor(app: &mut App) {
    let count = app.backlog.sectors.len();
    if let Screen::Settings { cursor, .. } = &mut app.screen {
        *cursor = (*cursor).min(count.saturating_sub(1));
    }
}

/// Deletes a sector after the question; its measures and owners lose the link.
pub(super) fn delete_sector(app: &mut App, id: SectorId) {
    let name = app.backlog.sector(id).map(|s| s.name.clone()).unwrap_or_default();
    let what = app.lang.fill(Msg::WhatSector, &[("name", &name)]);
    let label = app.lang.fill(Msg::MsgDeleted, &[("what", &what)]);
    let now = app.clock.now();
    match app.backlog.delete_sector(id, now) {
        Ok(edit) => committed(app, edit, label),
        Err(error) => super::update::complain(app, error.to_string()),
    }
    keep_cursor(app);
}

/// The question before a sector is deleted: its name and how many measures lose the link.
pub fn delete_question(app: &App, id: SectorId) -> String {
    let name = app.backlog.sector(id).map(|s| s.name.clone()).unwrap_or_default();
    let count = app.backlog.measure_count_for_sector(id);
    app.lang.fill(
        Msg::ConfirmDeleteSector,
        &[("name", &name), ("count", &count.to_string())],
    )
}

/// The edit a sector or settings form makes, with its label; `None` when nothing changed.
pub(super) fn form_outcome(app: &mut App, form: &Form, lang: Lang) -> Result<Option<(Edit, String)>, (usize, String)> {
    let refused = |e: DomainError| (0, e.to_string());
    match form.target {
        FormTarget::NewSector | FormTarget::EditSector(_) => {
            let values = form.sector_values(lang)?;
            let what = lang.fill(Msg::WhatSector, &[("name", values.name.trim())]);
            if let FormTarget::EditSector(id) = form.target {
                let edit = app
                    .backlog
                    .update_sector(id, &values.name, &values.short)
                    .map_err(refused)?;
                return Ok(edit.map(|e| (e, lang.fill(Msg::MsgUpdated, &[("what", &what)]))));
            }
            let (id, added) = app.backlog.add_sector(&values.name).map_err(refused)?;
            // The short label is a second step of the same edit, so one undo takes both back.
            let labelled = app
                .backlog
                .update_sector(id, &values.name, &values.short)
                .map_err(refused)?;
            let edit = match labelled {
                Some(labelled) => Edit {
                    undo: crate::domain::Patch(labelled.undo.0.into_iter().chain(added.undo.0).collect()),
                    redo: crate::domain::Patch(added.redo.0.into_iter().chain(labelled.redo.0).collect()),
                },
                None => added,
            };
            put_cursor_on(app, id);
            Ok(Some((edit, lang.fill(Msg::MsgAdded, &[("what", &what)]))))
        }
        _ => {
            let (name, settings) = form.settings_values(&app.backlog.settings, lang)?;
            let edit = app.backlog.update_settings(&name, settings).map_err(refused)?;
            Ok(edit.map(|e| (e, lang.tr(Msg::MsgSettingsSaved).to_string())))
        }
    }
}
