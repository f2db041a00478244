//! `tiltak sync`: commit what changed here, fetch, merge through the driver, push; when the push
//! is refused because someone pushed meanwhile, fetch and merge again, a bounded number of times.

use std::path::Path;

use crate::domain::Backlog;
use crate::store;

use super::git::Git;
use super::setup;
use super::summary::{MeasureChange, measure_changes};
use super::{REMOTE, ShareError};

/// How often a refused push is followed by another fetch and merge.
pub const RETRIES: u32 = 3;

/// What a sync did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Synced {
    /// Whether local changes were committed.
    pub committed: bool,
    /// Measures changed by what came in, and who made those changes.
    pub came_in: usize,
    pub authors: Vec<String>,
    /// Measures changed by what went out.
    pub went_out: usize,
}

/// Why a sync stopped.
#[derive(Debug)]
pub enum SyncError {
    Share(ShareError),
    /// Local changes are committed (when `committed`) but could not be sent; the next sync will.
    NotSent {
        reason: String,
        committed: bool,
    },
}

impl From<ShareError> for SyncError {
    fn from(error: ShareError) -> SyncError {
        SyncError::Share(error)
    }
}

impl From<super::git::GitError> for SyncError {
    fn from(error: super::git::GitError) -> SyncError {
        SyncError::Share(ShareError::Git(error))
    }
}

/// The parts of a data folder that are shared, relative to it: the backlog and the minutes.
fn shared_paths(git: &Git, file_name: &str) -> Vec<String> {
    [file_name, "minutes", "agendas", ".gitattributes", ".gitignore"]
        .into_iter()
        .filter(|p| git.dir().join(p).exists())
        .map(str::to_string)
        .collect()
}

/// The backlog file as committed at `rev`; `None` when it is not there or does not read.
fn backlog_at(git: &Git, rev: &str, file_name: &str) -> Result<Option<Backlog>, ShareError> {
    Ok(git
        .show(rev, file_name)?
        .and_then(|bytes| store::load::parse(Path::new(file_name), &bytes).ok()))
}

fn working_backlog(git: &Git, file_name: &str) -> Result<Option<Backlog>, ShareError> {
    store::load::load(&git.dir().join(file_name)).map_err(ShareError::Load)
}

fn measures(backlog: Option<&Backlog>) -> &[std::sync::Arc<crate::domain::Measure>] {
    backlog.map_or(&[], |b| b.measures.as_slice())
}

fn count(before: Option<&Backlog>, after: Option<&Backlog>) -> usize {
    measure_changes(measures(before), measures(after)).len()
}

/// Commits the shared files when they changed, with `message` made from the measure changes.
/// A backlog file that does not read is never committed.
pub fn commit_local(
    git: &Git,
    file_name: &str,
    message: &dyn Fn(&[MeasureChange]) -> String,
) -> Result<bool, ShareError> {
    let now = working_backlog(git, file_name)?;
    let paths = shared_paths(git, file_name);
    let mut args = vec!["add", "-A", "--"];
    args.extend(paths.iter().map(String::as_str));
    git.run(&args)?;
    if git.holds(&["diff", "--cached", "--quiet"])? {
        return Ok(false);
    }
    let before = backlog_at(git, "HEAD", file_name)?;
    let changes = measure_changes(measures(before.as_ref()), measures(now.as_ref()));
    let text = message(&changes);
    git.run(&["commit", "-q", "-m", &text])?;
    Ok(true)
}

/// Commit, fetch, merge, push; see the module documentation.
pub fn sync(
    git: &Git,
    file_name: &str,
    exe: &Path,
    message: &dyn Fn(&[MeasureChange]) -> String,
) -> Result<Synced, SyncError> {
    if !setup::is_shared(git) {
        return Err(ShareError::NotShared(git.dir().to_path_buf()).into());
    }
    // The binary may have moved since the last sync: git must find the driver where it is now.
    setup::install_driver(git, exe)?;
    let mut synced = Synced {
        committed: commit_local(git, file_name, message)?,
        ..Synced::default()
    };
    let committed = synced.committed;
    if !git.run(&["remote"])?.lines().any(|r| r == REMOTE) {
        return Err(SyncError::NotSent {
            reason: ShareError::NoRemote.to_string(),
            committed,
        });
    }
    let branch = git.run(&["symbolic-ref", "--short", "HEAD"])?;
    let tracking = format!("refs/remotes/{REMOTE}/{branch}");
    let mut last_refusal = String::new();
    for _ in 0..=RETRIES {
        git.run(&["fetch", "-q", REMOTE]).map_err(|e| SyncError::NotSent {
            reason: e.to_string(),
            committed,
        })?;
        let published = git.holds(&["rev-parse", "-q", "--verify", &tracking])?;
        if published {
            merge_in(git, file_name, &tracking, &mut synced)?;
            if git.run(&["rev-list", "--count", &format!("{tracking}..HEAD")])? == "0" {
                return Ok(synced);
            }
        }
        let theirs = if published {
            backlog_at(git, &tracking, file_name)?
        } else {
            None
        };
        let ours = backlog_at(git, "HEAD", file_name)?;
        match git.run(&["push", "-q", "-u", REMOTE, &format!("HEAD:refs/heads/{branch}")]) {
            Ok(_) => {
                synced.went_out = count(theirs.as_ref(), ours.as_ref());
                return Ok(synced);
            }
            Err(error) => last_refusal = error.to_string(),
        }
    }
    Err(SyncError::NotSent {
        reason: last_refusal,
        committed,
    })
}

/// Merges the fetched `tracking` branch into HEAD (the backlog through the driver); a merge git
/// cannot finish is undone, so the folder is as it was.
fn merge_in(git: &Git, file_name: &str, tracking: &str, synced: &mut Synced) -> Result<(), ShareError> {
    if git.holds(&["merge-base", "--is-ancestor", tracking, "HEAD"])? {
        return Ok(());
    }
    let authors = git.run(&["log", "--format=%an", &format!("HEAD..{tracking}")])?;
    for author in authors.lines() {
        if !synced.authors.iter().any(|a| a == author) {
            synced.authors.push(author.to_string());
        }
    }
    // What came in is what they changed since the histories parted.
    let base = git.run(&["merge-base", "HEAD", tracking]).unwrap_or_default();
    let before = if base.is_empty() {
        None
    } else {
        backlog_at(git, &base, file_name)?
    };
    let theirs = backlog_at(git, tracking, file_name)?;
    if let Err(error) = git.run(&["merge", "-q", "--no-edit", tracking]) {
        let _ = git.run(&["merge", "--abort"]);
        return Err(ShareError::MergeStopped(error.to_string()));
    }
    synced.came_in += count(before.as_ref(), theirs.as_ref());
    Ok(())
}
