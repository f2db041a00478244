//! Sync from the app: the same [`crate::share::sync`] as `tiltak sync`, run on a worker thread
//! so the screen never waits for the network. When it ends, the status bar says what came in and
//! went out, the merged file is taken in (lists refresh in place), and conflicts the merge kept
//! this side's value for are listed in the conflict overlay. Also the words both faces use.

use std::sync::mpsc::{Receiver, TryRecvError, channel};

use crate::domain::Backlog;
use crate::domain::text::single_line;
use crate::i18n::{Lang, Msg};
use crate::share::git::{Git, GitError, OLDEST};
use crate::share::summary::MeasureChange;
use crate::share::sync::{Page, SyncError, Synced, sync};
use crate::share::{ShareError, remembered};
use crate::store::paths;

use super::outside::field_label;
use super::update::{complain, say};
use super::{Action, App, SaveState};

/// A sync running on its thread; its answer, or what went wrong in the user's language.
pub struct Running {
    answer: Receiver<Result<Synced, String>>,
}

/// Starts a sync unless one runs, the window is read only, or the last change is not saved.
pub(super) fn start(app: &mut App) {
    if app.syncing.is_some() {
        return say(app, app.lang.tr(Msg::MsgSyncRunning).to_string());
    }
    if app.read_only {
        let text = super::update::read_only_text(app);
        return complain(app, text);
    }
    if app.save_state != SaveState::Saved {
        return complain(app, app.lang.tr(Msg::ErrSyncUnsaved).to_string());
    }
    let lang = app.lang;
    let data = app.store_location().to_path_buf();
    let git = match Git::find(&paths::dir_of(&data)) {
        Ok(git) => git
            .with_author(&app.author)
            .with_env(crate::share::merge_file::LANG_ENV, lang.code()),
        Err(error) => return complain(app, git_text(lang, &error)),
    };
    let exe = match std::env::current_exe() {
        Ok(exe) => exe,
        Err(error) => return complain(app, error.to_string()),
    };
    let file = data
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let today = app.today();
    let (tell, answer) = channel();
    let spawned = std::thread::Builder::new().name("sync".into()).spawn(move || {
        let message = |changes: &[MeasureChange]| commit_message(changes, lang);
        let make = |backlog: &Backlog| crate::export::html::status_page(backlog, lang, today);
        let page = page(lang, &make);
        let result = sync(&git, &file, &exe, &message, Some(&page)).map_err(|e| sync_error_text(lang, &e));
        let _ = tell.send(result);
    });
    match spawned {
        Ok(_) => {
            app.syncing = Some(Running { answer });
            app.auto_sync.sync_started(app.clock.now());
            say(app, lang.tr(Msg::MsgSyncing).to_string());
        }
        Err(error) => complain(app, error.to_string()),
    }
}

/// The status page a sync publishes (when the backlog's settings ask), in `lang`.
pub fn page<'a>(lang: Lang, make: &'a dyn Fn(&Backlog) -> String) -> Page<'a> {
    Page {
        make,
        message: lang.tr(Msg::CommitPage).to_string(),
    }
}

/// Takes the sync's answer when it has come; true when it did (the screen changes).
pub fn poll(app: &mut App) -> bool {
    let Some(running) = &app.syncing else { return false };
    let answer = match running.answer.try_recv() {
        Ok(answer) => answer,
        Err(TryRecvError::Empty) => return false,
        Err(TryRecvError::Disconnected) => Err(app.lang.tr(Msg::ErrSyncLost).to_string()),
    };
    app.syncing = None;
    // What the merge wrote into the file comes in like any change made outside.
    super::update::update(app, Action::CheckOutside);
    match answer {
        Ok(synced) => {
            let mut text = format!("⇅ {}", synced_text(app.lang, &synced));
            let conflicts = remembered::take(app.store_location());
            if !conflicts.is_empty() {
                super::outside::show_synced_conflicts(app, conflicts);
                if let Some(message) = &app.message {
                    text = format!("{text} · {}", message.text);
                }
            }
            say(app, text);
        }
        Err(text) => complain(app, format!("⇅ {text}")),
    }
    true
}

/// `↓ 3 changes from Kari Åsheim, ↑ 1`.
pub fn synced_text(lang: Lang, synced: &Synced) -> String {
    let (came_in, went_out) = (synced.came_in.to_string(), synced.went_out.to_string());
    if synced.authors.is_empty() {
        lang.fill(Msg::MsgSynced, &[("in", &came_in), ("out", &went_out)])
    } else {
        let authors = synced.authors.join(", ");
        lang.fill(
            Msg::MsgSyncedFrom,
            &[("in", &came_in), ("authors", &authors), ("out", &went_out)],
        )
    }
}

pub fn git_text(lang: Lang, error: &GitError) -> String {
    match error {
        GitError::Missing => lang.tr(Msg::ErrGitMissing).to_string(),
        GitError::TooOld(found) => lang.fill(
            Msg::ErrGitTooOld,
            &[("found", found), ("needed", &format!("{}.{}", OLDEST.0, OLDEST.1))],
        ),
        GitError::Failed { args, output } => lang.fill(Msg::ErrGitFailed, &[("args", args), ("output", output)]),
    }
}

pub fn share_error_text(lang: Lang, error: &ShareError) -> String {
    match error {
        ShareError::Git(error) => git_text(lang, error),
        ShareError::Io(error) => error.to_string(),
        ShareError::Load(error) => error.message(lang),
        ShareError::NotShared(dir) => lang.fill(Msg::ErrNotShared, &[("path", &dir.display().to_string())]),
        ShareError::FolderNotEmpty(dir) => lang.fill(Msg::ErrFolderNotEmpty, &[("path", &dir.display().to_string())]),
        ShareError::NoRemote => lang.tr(Msg::ErrNoRemote).to_string(),
        ShareError::MergeStopped(text) => lang.fill(Msg::ErrMergeStopped, &[("error", text)]),
    }
}

pub fn sync_error_text(lang: Lang, error: &SyncError) -> String {
    match error {
        SyncError::NotSent { reason, .. } => lang.fill(Msg::MsgNotSent, &[("reason", reason)]),
        SyncError::Share(error) => share_error_text(lang, error),
    }
}

/// The commit message of a sync: one line per measure, the first line all of them when short.
pub fn commit_message(changes: &[MeasureChange], lang: Lang) -> String {
    let lines: Vec<String> = changes
        .iter()
        .map(|change| match change {
            MeasureChange::Added { id, title } => lang.fill(
                Msg::CommitAdded,
                &[("id", &id.to_string()), ("title", &single_line(title))],
            ),
            MeasureChange::Deleted { id, title } => lang.fill(
                Msg::CommitDeleted,
                &[("id", &id.to_string()), ("title", &single_line(title))],
            ),
            MeasureChange::Edited { id, fields, status } => {
                let mut parts: Vec<String> = status
                    .iter()
                    .map(|(from, to)| {
                        lang.fill(
                            Msg::CommitStatus,
                            &[("from", lang.status(*from)), ("to", lang.status(*to))],
                        )
                    })
                    .collect();
                parts.extend(fields.iter().map(|f| field_label(f, lang).to_lowercase()));
                lang.fill(
                    Msg::CommitEdited,
                    &[("id", &id.to_string()), ("changes", &parts.join(", "))],
                )
            }
        })
        .collect();
    if lines.is_empty() {
        return lang.tr(Msg::CommitOther).to_string();
    }
    const SUBJECT_WIDTH: usize = 72;
    let joined = lines.join("; ");
    if joined.chars().count() <= SUBJECT_WIDTH {
        return joined;
    }
    let mut subject: String = joined.chars().take(SUBJECT_WIDTH - 1).collect();
    subject.push('…');
    format!("{subject}\n\n{}", lines.join("\n"))
}
