//! Making a data folder a shared backlog (`share init`) or fetching one (`share clone`): the
//! attributes that route the backlog file to tiltak's merge, what is never shared, and the
//! repo-local merge driver.

use std::path::Path;

use super::git::{Git, GitError};
use super::{REMOTE, ShareError};

/// What must never be shared: the lock, backups, exports, temp files of interrupted saves, the
/// conflicts the driver remembers for this member's app.
fn ignored(file_name: &str) -> Vec<String> {
    vec![
        format!("/{file_name}.lock"),
        "/backups/".to_string(),
        "/exports/".to_string(),
        "*.tmp".to_string(),
        format!("/.{file_name}.conflicts.json"),
    ]
}

// issue 15: the status page published with each sync
/// Where sync publishes the status page, relative to the data folder, and its folder.
pub const PAGE: &str = "site/index.html";
pub const PAGE_DIR: &str = "site";

/// The page is made again from the merged backlog after every merge, so a merge keeps our
/// copy: git's `ours` merge driver, which git does not define itself (only `text`, `binary`
/// and `union` are built in), is `true`, which leaves our version (%A) as the result.
fn install_page_driver(git: &Git) -> Result<(), GitError> {
    git.run(&["config", "merge.ours.name", "keep ours (tiltak makes the page again)"])?;
    git.run(&["config", "merge.ours.driver", "true"])?;
    Ok(())
}

/// Points git's `tiltak` merge driver at `exe`. Git runs the driver line through a shell, so the
/// path is single-quoted.
pub fn install_driver(git: &Git, exe: &Path) -> Result<(), GitError> {
    let quoted = format!("'{}'", exe.display().to_string().replace('\'', r"'\''"));
    git.run(&["config", "merge.tiltak.name", "tiltak: per measure and field"])?;
    git.run(&[
        "config",
        "merge.tiltak.driver",
        &format!("{quoted} merge-file %O %A %B %P"),
    ])?;
    Ok(())
}

/// Adds each of `lines` that `path` does not have yet; the user's own lines stay.
fn ensure_lines(path: &Path, lines: &[String]) -> std::io::Result<()> {
    let mut text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(error) => return Err(error),
    };
    let missing: Vec<&String> = lines.iter().filter(|l| !text.lines().any(|have| have == *l)).collect();
    if missing.is_empty() {
        return Ok(());
    }
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    for line in missing {
        text.push_str(line);
        text.push('\n');
    }
    std::fs::write(path, text)
}

/// The attributes and ignore rules of a shared folder, and the driver.
pub fn prepare(git: &Git, file_name: &str, exe: &Path) -> Result<(), ShareError> {
    let dir = git.dir();
    let attributes = [format!("/{file_name} merge=tiltak"), format!("/{PAGE} merge=ours")];
    ensure_lines(&dir.join(".gitattributes"), &attributes).map_err(ShareError::Io)?;
    ensure_lines(&dir.join(".gitignore"), &ignored(file_name)).map_err(ShareError::Io)?;
    install_driver(git, exe)?;
    install_page_driver(git)?;
    Ok(())
}

/// Whether the folder is the top of a git work tree (not merely inside another one).
pub fn is_shared(git: &Git) -> bool {
    let top = git.run(&["rev-parse", "--show-toplevel"]);
    match (top, std::fs::canonicalize(git.dir())) {
        (Ok(top), Ok(dir)) => std::fs::canonicalize(top).is_ok_and(|top| top == dir),
        _ => false,
    }
}

/// `git init` unless the folder already is a repository, on branch `main`; `origin` set to
/// `remote` when given.
pub fn init_repo(git: &Git, remote: Option<&str>) -> Result<(), ShareError> {
    if !is_shared(git) {
        git.run(&["init", "-q"])?;
        git.run(&["symbolic-ref", "HEAD", "refs/heads/main"])?;
    }
    if let Some(url) = remote {
        let remotes = git.run(&["remote"])?;
        if remotes.lines().any(|r| r == REMOTE) {
            git.run(&["remote", "set-url", REMOTE, url])?;
        } else {
            git.run(&["remote", "add", REMOTE, url])?;
        }
    }
    Ok(())
}

/// Clones `url` into `dir`, which must be missing or empty so nothing there is written over.
pub fn clone(url: &str, dir: &Path) -> Result<Git, ShareError> {
    let occupied = std::fs::read_dir(dir).is_ok_and(|mut entries| entries.next().is_some());
    if occupied {
        return Err(ShareError::FolderNotEmpty(dir.to_path_buf()));
    }
    let parent = crate::store::paths::dir_of(dir);
    crate::store::save::ensure_dir(&parent).map_err(ShareError::Io)?;
    let git = Git::find(&parent)?;
    let target = dir.display().to_string();
    git.run(&["clone", "-q", "--origin", REMOTE, url, &target])?;
    let git = Git::find(dir)?;
    check_out_published(&git)?;
    Ok(git)
}

/// A bare remote's HEAD may name a branch nobody pushed (`master` while the group pushed
/// `main`); then the clone has nothing checked out. Take the group's branch, `main` first.
fn check_out_published(git: &Git) -> Result<(), GitError> {
    if git.holds(&["rev-parse", "-q", "--verify", "HEAD"])? {
        return Ok(());
    }
    let prefix = format!("refs/remotes/{REMOTE}/");
    let branches = git.run(&["for-each-ref", "--format=%(refname)", &prefix])?;
    let names: Vec<&str> = branches
        .lines()
        .filter_map(|r| r.strip_prefix(prefix.as_str()))
        .filter(|n| *n != "HEAD")
        .collect();
    let chosen = names.iter().find(|n| **n == "main").or(names.first());
    if let Some(name) = chosen {
        git.run(&["checkout", "-q", "-b", name, "--track", &format!("{REMOTE}/{name}")])?;
    }
    Ok(())
}
