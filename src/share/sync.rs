//! `tiltak sync`: commit what changed here, fetch, merge through the driver, push; when the push
//! is refused because someone pushed meanwhile, fetch and merge again, a bounded number of times.

use std::path::Path;

use crate::domain::Backlog;
use crate::store;

use super::git::Git;
use super::summary::{MeasureChange, measure_changes};
use super::{REMOTE, ShareError};
use super::{merge_file, setup};

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

/// The parts of a data folder that are shared, relative to it: the backlog, the minutes and
/// agendas, the published status page.
fn shared_paths(git: &Git, file_name: &str) -> Vec<String> {
    [
        file_name,
        "minutes",
        "agendas",
        setup::PAGE_DIR,
        ".gitattributes",
        ".gitignore",
    ]
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

/// The status page a sync publishes when the backlog's settings ask for it (issue 15).
pub struct Page<'a> {
    /// The page made from a backlog.
    pub make: &'a dyn Fn(&Backlog) -> String,
    /// The message of the commit that changes only the page.
    pub message: String,
}

/// Commit, fetch, merge, push; see the module documentation. With `page`, and the backlog's
/// `publish_page` setting on, the page made from the merged backlog is committed too.
pub fn sync(
    git: &Git,
    file_name: &str,
    exe: &Path,
    message: &dyn Fn(&[MeasureChange]) -> String,
    page: Option<&Page>,
) -> Result<Synced, SyncError> {
    if !setup::is_shared(git) {
        return Err(ShareError::NotShared(git.dir().to_path_buf()).into());
    }
    // The binary may have moved since the last sync: git must find the driver where it is now.
    // A folder shared by an older version gets the rules it lacks (the page's merge rule).
    setup::prepare(git, file_name, exe)?;
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
        }
        if let Some(page) = page {
            publish(git, file_name, page)?;
        }
        if published && git.run(&["rev-list", "--count", &format!("{tracking}..HEAD")])? == "0" {
            return Ok(synced);
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
    let theirs_authors = authors(git, &format!("HEAD..{tracking}"))?;
    for author in &theirs_authors {
        if !synced.authors.contains(author) {
            synced.authors.push(author.clone());
        }
    }
    let ours_authors = authors(git, &format!("{tracking}..HEAD"))?;
    // What came in is what they changed since the histories parted.
    let base = git.run(&["merge-base", "HEAD", tracking]).unwrap_or_default();
    let before = if base.is_empty() {
        None
    } else {
        backlog_at(git, &base, file_name)?
    };
    let theirs = backlog_at(git, tracking, file_name)?;
    // The driver names both sides in the conflicts it logs and remembers. A side's author is
    // who committed on it since the histories parted: git records that for every change that
    // reaches the group, whereas a measure's log names only who wrote its last entry (a title
    // edit writes none). The driver cannot ask git which commit it merges, so sync tells it.
    let sides = [
        (merge_file::OURS_ENV, ours_authors.join(", ")),
        (merge_file::THEIRS_ENV, theirs_authors.join(", ")),
    ];
    let env: Vec<(&str, &str)> = sides.iter().map(|(k, v)| (*k, v.as_str())).collect();
    if let Err(error) = git.run_with(&["merge", "-q", "--no-edit", tracking], &env) {
        let _ = git.run(&["merge", "--abort"]);
        return Err(ShareError::MergeStopped(error.to_string()));
    }
    synced.came_in += count(before.as_ref(), theirs.as_ref());
    Ok(())
}

/// Who made the commits in `range` (merges left out: they bring others' changes), each once,
/// newest first.
fn authors(git: &Git, range: &str) -> Result<Vec<String>, ShareError> {
    let names = git.run(&["log", "--no-merges", "--format=%an", range])?;
    let mut unique: Vec<String> = Vec::new();
    for name in names.lines().filter(|n| !n.is_empty()) {
        if !unique.iter().any(|u| u == name) {
            unique.push(name.to_string());
        }
    }
    Ok(unique)
}

/// Writes the status page from the backlog as it is now (after the merge, so it shows what the
/// group holds) to `site/index.html` and commits it when it changed. The page never makes a
/// merge conflict: its merge rule keeps ours, and this rewrites it from the merged backlog.
fn publish(git: &Git, file_name: &str, page: &Page) -> Result<(), ShareError> {
    let Some(backlog) = working_backlog(git, file_name)? else {
        return Ok(());
    };
    if !backlog.settings.publish_page {
        return Ok(());
    }
    let path = git.dir().join(setup::PAGE);
    let html = (page.make)(&backlog);
    if std::fs::read(&path).ok().as_deref() != Some(html.as_bytes()) {
        crate::store::save::ensure_dir(&crate::store::paths::dir_of(&path)).map_err(ShareError::Io)?;
        crate::store::save::write_atomically(&path, html.as_bytes()).map_err(ShareError::Io)?;
    }
    git.run(&["add", "--", setup::PAGE])?;
    if !git.holds(&["diff", "--cached", "--quiet"])? {
        git.run(&["commit", "-q", "-m", &page.message])?;
    }
    Ok(())
}
