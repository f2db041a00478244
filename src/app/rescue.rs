//! When the backlog's own file cannot be written, quitting offers to write it somewhere else
//! first, so a full disk or a vanished folder never costs the session's changes.

use std::path::PathBuf;

use super::{App, Form, Message, Overlay};
use crate::i18n::Msg;
use crate::store::backup::stamp;

/// The user's home folder, or the working directory when there is none.
pub fn home() -> PathBuf {
    directories::BaseDirs::new()
        .map(|dirs| dirs.home_dir().to_path_buf())
        .unwrap_or_else(|| PathBuf::from("."))
}

/// `<home>/tiltak-rescue-<timestamp>.json`.
pub fn default_path(app: &App) -> PathBuf {
    path_at(app.clock.now())
}

/// The rescue file for a rescue made at `now`.
pub fn path_at(now: jiff::Timestamp) -> PathBuf {
    home().join(format!("tiltak-rescue-{}.json", stamp(now)))
}

pub fn open_form(app: &mut App) {
    let path = default_path(app).display().to_string();
    app.overlay = Overlay::Form(Box::new(Form::save_elsewhere(&path)));
}

/// Writes the backlog to the typed path and quits; a failure stays in the form to try another.
pub fn submit(app: &mut App) {
    let Overlay::Form(form) = &app.overlay else { return };
    let lang = app.lang;
    let path = match form.path(lang, &home()) {
        Ok(path) => path,
        Err((index, message)) => return show_error(app, index, message),
    };
    match app.store.save_copy(&app.backlog, &path) {
        Ok(()) => {
            app.overlay = Overlay::None;
            app.message = Some(Message {
                text: lang.fill(Msg::MsgSavedElsewhere, &[("path", &path.display().to_string())]),
                is_error: false,
            });
            app.should_quit = true;
        }
        Err(error) => {
            let text = lang.fill(
                Msg::ErrSave,
                &[("path", &path.display().to_string()), ("error", &error.to_string())],
            );
            show_error(app, 0, text);
        }
    }
}

fn show_error(app: &mut App, index: usize, message: String) {
    if let Overlay::Form(form) = &mut app.overlay {
        form.show_error(index, message);
    }
}
