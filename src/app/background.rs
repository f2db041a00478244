//! Saving through the background writer ([`crate::store::writer`]): a change hands a snapshot
//! to the writer and the screen goes on at once ("saving …" in the status bar); the event loop
//! brings the writer's answers back here: saved, failed ("● not saved"), or an outside change
//! to merge before the write is tried again. Quitting waits for the last write.

use std::sync::Arc;

use super::outside::{self, Looked};
use super::update::{complain, say};
use super::{App, Confirm, Overlay, SaveState};
use crate::i18n::Msg;
use crate::store::watch::Outside;
use crate::store::writer::Done;

/// Hands the backlog to the writer, if saves go through one. False when they do not.
pub(super) fn submit(app: &mut App) -> bool {
    if app.store.background().is_none() {
        return false;
    }
    let snapshot = Arc::new(app.backlog.clone());
    if let Some(writer) = app.store.background() {
        writer.save(snapshot);
    }
    app.save_state = SaveState::Saving;
    true
}

/// The idle look for outside changes, done by the writer. False when there is no writer.
pub(super) fn look(app: &mut App) -> bool {
    let Some(writer) = app.store.background() else {
        return false;
    };
    writer.look();
    true
}

impl App {
    /// Takes the writer's answers; true when there were any (the screen may have changed).
    pub fn poll_writer(&mut self) -> bool {
        let Some(writer) = self.store.background() else {
            return false;
        };
        let answers = writer.answers();
        let any = !answers.is_empty();
        for answer in answers {
            answered(self, answer);
        }
        any
    }

    /// The writer's handle for a signal, which waits for the last write (`None` without one).
    pub fn writer_finisher(&mut self) -> Option<crate::store::writer::Finisher> {
        self.store.background().map(|writer| writer.finisher())
    }

    /// Whether a write is waiting or running (the event loop then looks for its answer often).
    pub fn writing(&mut self) -> bool {
        self.store.background().is_some_and(|writer| writer.is_busy())
    }
}

fn is_newest(app: &mut App, generation: u64) -> bool {
    app.store
        .background()
        .is_some_and(|writer| writer.is_newest(generation))
}

fn answered(app: &mut App, answer: Done) {
    match answer {
        Done::Saved { generation } if is_newest(app, generation) => {
            app.save_state = SaveState::Saved;
            if app.quitting {
                app.should_quit = true;
            }
        }
        Done::Failed { generation, error } if is_newest(app, generation) => {
            let text = app.lang.fill(
                Msg::SaveFailed,
                &[
                    ("path", &app.store.location().display().to_string()),
                    ("error", &error.to_string()),
                ],
            );
            app.save_state = SaveState::Failed(error.to_string());
            complain(app, text);
            stop_quitting(app);
        }
        // An older snapshot: the newest one is on its way.
        Done::Saved { .. } | Done::Failed { .. } => {}
        Done::Outside { generation, outside } => found_outside(app, generation.is_some(), outside),
        Done::BackUpFailed(error) => complain(app, error.to_string()),
    }
}

/// What a look found, before a write (`writing`) or while idle.
fn found_outside(app: &mut App, writing: bool, found: Outside) {
    let was_unreadable = app.outside.unreadable;
    let unsaved = !matches!(app.save_state, SaveState::Saved);
    match outside::take(app, found) {
        Looked::Unreadable => stop_quitting(app),
        // The writer dropped what it held: write the merged backlog (or the change that waited).
        Looked::Merged { differs } if differs || unsaved || writing => {
            submit(app);
        }
        Looked::Unchanged if was_unreadable || unsaved => {
            submit(app);
        }
        _ => {}
    }
    // A merge may want a side chosen before leaving.
    if matches!(app.overlay, Overlay::Merge(_)) {
        app.quitting = false;
    }
}

/// A quit that waited for the write asks instead, as a quit with unsaved changes does.
fn stop_quitting(app: &mut App) {
    if std::mem::take(&mut app.quitting) {
        app.overlay = Overlay::Confirm(Confirm::QuitUnsaved);
    }
}

/// `q` while the last change is being written: quit once it is in the file.
pub(super) fn quit_when_written(app: &mut App) {
    app.quitting = true;
    say(app, app.lang.tr(Msg::MsgQuitWhenWritten).to_string());
}
