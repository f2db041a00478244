//! `tiltak merge-file`, `tiltak share init|clone` and `tiltak sync`: the command-line face of
//! [`crate::share`].

use std::path::{Path, PathBuf};

use crate::app::outside::conflict_text_between;
use crate::app::sync::{commit_message, share_error_text, sync_error_text, synced_text};
use crate::clock::Clock;
use crate::domain::merge::Note;
use crate::domain::patch::Key;
use crate::i18n::{Lang, Msg};
use crate::share::git::Git;
use crate::share::merge_file::{LANG_ENV, MergeFileError, Side, Sides, Wording, merge_files};
use crate::share::summary::MeasureChange;
use crate::share::sync::{SyncError, sync as run_sync};
use crate::share::{ShareError, author, remembered, setup};
use crate::store::{self, paths};

use super::{Failure, lock_for_writing, open_for_writing, save_failure};

/// Exit code of `tiltak sync` when the changes are kept here but could not be sent.
pub const NOT_SENT: u8 = 3;

fn share_failure(lang: Lang, error: &ShareError) -> Failure {
    Failure::io(share_error_text(lang, error))
}

/// git in `dir`, committing as this member (see [`author::resolve`]).
fn git_in(dir: &Path, lang: Lang) -> Result<Git, Failure> {
    let git = Git::find(dir).map_err(|e| share_failure(lang, &ShareError::Git(e)))?;
    Ok(git
        .with_author(&author::resolve(author::from_env(), dir))
        .with_env(LANG_ENV, lang.code()))
}

/// This binary, for git's merge driver.
fn this_exe() -> Result<PathBuf, Failure> {
    std::env::current_exe().map_err(|e| Failure::io(e.to_string()))
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| paths::FILE_NAME.to_string())
}

/// `tiltak merge-file BASE OURS THEIRS [PATH]`: exit 0 with the merged backlog in OURS, or 1
/// (nothing written) when a side does not read. With PATH (the data file, as git's `%P`), the
/// conflicts are remembered for the app's overlay.
pub fn merge_file(
    lang: Lang,
    clock: Clock,
    [base, ours, theirs]: [&PathBuf; 3],
    path: Option<&Path>,
) -> Result<(), Failure> {
    // Run by sync, the driver writes in the syncing member's language.
    let lang = std::env::var(LANG_ENV)
        .ok()
        .and_then(|code| Lang::parse(&code))
        .unwrap_or(lang);
    let sides = Sides::from_env(|| author::resolve(author::from_env(), Path::new(".")));
    let conflict = |c: &crate::domain::merge::Conflict| conflict_text_between(c, &sides, lang);
    let renumbered = |from: crate::domain::MeasureId, _| lang.fill(Msg::LogRenumbered, &[("from", &from.to_string())]);
    let wording = Wording {
        conflict: &conflict,
        renumbered: &renumbered,
    };
    let report = merge_files(base, ours, theirs, clock.now(), &wording, &sides).map_err(|error| match error {
        MergeFileError::Unreadable(side, error) => {
            let side = lang.tr(match side {
                Side::Base => Msg::SideBase,
                Side::Ours => Msg::SideOurs,
                Side::Theirs => Msg::SideTheirs,
            });
            let why = error.message(lang);
            Failure::io(lang.fill(Msg::ErrMergeSide, &[("side", side), ("error", &why)]))
        }
        MergeFileError::Write(path, error) => save_failure(&path, lang, &error),
    })?;
    if let Some(data) = path
        && let Err(error) = remembered::remember(data, &report.conflicts, &sides)
    {
        // The merge itself is done and its log notes keep their values: say so, carry on.
        eprintln!("tiltak: {error}");
    }
    let measures = report.changed_measures();
    eprintln!(
        "{}",
        lang.fill(
            Msg::MsgMergeFile,
            &[
                ("file", &ours.display().to_string()),
                ("measures", &measures.to_string()),
                ("others", &(report.changed.len() - measures).to_string()),
                ("conflicts", &report.conflicts.len().to_string()),
            ],
        )
    );
    for note in &report.notes {
        if let Note::Renumbered {
            from: Key::Measure(from),
            to: Key::Measure(to),
        } = note
        {
            eprintln!(
                "{}",
                lang.fill(
                    Msg::MsgRenumberedCli,
                    &[("from", &from.to_string()), ("to", &to.to_string())]
                )
            );
        }
    }
    Ok(())
}

/// The data file's folder, and the data file created there when there is none yet (a shared
/// folder always holds a backlog that loads).
fn ensure_backlog(path: &Path, lang: Lang) -> Result<(), Failure> {
    if !path.exists() {
        let backlog = open_for_writing(path, lang)?;
        store::save(&backlog, path).map_err(|e| save_failure(path, lang, &e))?;
    }
    Ok(())
}

/// `tiltak share init [--remote URL]`.
pub fn init(path: &Path, lang: Lang, clock: Clock, remote: Option<&str>) -> Result<(), Failure> {
    let dir = paths::dir_of(path);
    let git = git_in(&dir, lang)?;
    let _lock = lock_for_writing(path, lang)?;
    store::save::remove_stale_temp_files(path);
    ensure_backlog(path, lang)?;
    let name = file_name(path);
    let fail = |e: ShareError| share_failure(lang, &e);
    setup::init_repo(&git, remote).map_err(fail)?;
    setup::prepare(&git, &name, &this_exe()?).map_err(fail)?;
    let message = |changes: &[MeasureChange]| commit_message(changes, lang);
    crate::share::sync::commit_local(&git, &name, &message).map_err(fail)?;
    println!("{}", lang.fill(Msg::MsgShared, &[("dir", &dir.display().to_string())]));
    if remote.is_some() {
        return send(&git, &name, lang, clock);
    }
    Ok(())
}

/// `tiltak share clone URL [--data PATH]`.
pub fn clone(path: &Path, lang: Lang, url: &str) -> Result<(), Failure> {
    let dir = paths::dir_of(path);
    let fail = |e: ShareError| share_failure(lang, &e);
    let git = setup::clone(url, &dir).map_err(fail)?;
    setup::prepare(&git, &file_name(path), &this_exe()?).map_err(fail)?;
    println!(
        "{}",
        lang.fill(
            Msg::MsgCloned,
            &[
                ("dir", &dir.display().to_string()),
                ("path", &path.display().to_string())
            ]
        )
    );
    Ok(())
}

/// `tiltak sync`: refused, like any write, while an app window holds the file.
pub fn sync(path: &Path, lang: Lang, clock: Clock) -> Result<(), Failure> {
    let git = git_in(&paths::dir_of(path), lang)?;
    let _lock = lock_for_writing(path, lang)?;
    store::save::remove_stale_temp_files(path);
    send(&git, &file_name(path), lang, clock)
}

/// Syncs, publishing the status page too when the backlog's settings ask for it.
fn send(git: &Git, name: &str, lang: Lang, clock: Clock) -> Result<(), Failure> {
    let message = |changes: &[MeasureChange]| commit_message(changes, lang);
    let make = |backlog: &crate::domain::Backlog| crate::export::html::status_page(backlog, lang, clock.today());
    let page = crate::app::sync::page(lang, &make);
    match run_sync(git, name, &this_exe()?, &message, Some(&page)) {
        Ok(synced) => {
            println!("{}", crate::domain::text::visible(&synced_text(lang, &synced)));
            Ok(())
        }
        Err(error @ SyncError::NotSent { .. }) => Err(Failure {
            message: sync_error_text(lang, &error),
            code: NOT_SENT,
        }),
        Err(error) => Err(Failure::io(sync_error_text(lang, &error))),
    }
}
