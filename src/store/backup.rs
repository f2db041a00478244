//! Copies of the backlog taken before a session's first save, before a restore and before a
//! migrated file is written: `<data dir>/backups/backlog-<timestamp>.json`, newest 20 kept.

use std::fs;
use std::path::{Path, PathBuf};

use jiff::Timestamp;

use super::paths::dir_of;
use super::save::{ensure_dir, write_atomically};

pub const KEEP: usize = 20;
const PREFIX: &str = "backlog-";
const SUFFIX: &str = ".json";

pub fn backup_dir(data: &Path) -> PathBuf {
    dir_of(data).join("backups")
}

/// A sortable, file-name-safe stamp: `20261129T120000.123Z`.
pub fn stamp(at: Timestamp) -> String {
    at.strftime("%Y%m%dT%H%M%S%.3fZ").to_string()
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Backup {
    pub path: PathBuf,
    /// The stamp in the file name; also what `tiltak restore` accepts.
    pub stamp: String,
    pub size: u64,
}

/// Copies the file at `data` into the backup directory (0600) and prunes to the newest
/// [`KEEP`]. `Ok(None)` when there is no file to copy.
pub fn make(data: &Path, at: Timestamp) -> std::io::Result<Option<PathBuf>> {
    let bytes = match fs::read(data) {
        Ok(bytes) => bytes,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(error) => return Err(error),
    };
    let dir = backup_dir(data);
    ensure_dir(&dir)?;
    let base = stamp(at);
    // Two backups within the same millisecond (a restore right after a save) get a suffix.
    let mut target = dir.join(format!("{PREFIX}{base}{SUFFIX}"));
    let mut n = 1;
    while target.exists() {
        target = dir.join(format!("{PREFIX}{base}-{n:03}{SUFFIX}"));
        n += 1;
    }
    write_atomically(&target, &bytes)?;
    prune(data)?;
    Ok(Some(target))
}

/// Backups of the file at `data`, newest first.
pub fn list(data: &Path) -> Vec<Backup> {
    let Ok(entries) = fs::read_dir(backup_dir(data)) else {
        return Vec::new();
    };
    let mut found: Vec<Backup> = entries
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            let stamp = name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?.to_string();
            let size = entry.metadata().ok().filter(|m| m.is_file())?.len();
            Some(Backup {
                path: entry.path(),
                stamp,
                size,
            })
        })
        .collect();
    found.sort_by(|a, b| b.stamp.cmp(&a.stamp));
    found
}

fn prune(data: &Path) -> std::io::Result<()> {
    for old in list(data).into_iter().skip(KEEP) {
        fs::remove_file(old.path)?;
    }
    Ok(())
}

/// Finds a backup by its number in [`list`] (1 = newest) or by its stamp (a unique prefix is
/// enough).
pub fn find(data: &Path, which: &str) -> Option<Backup> {
    let all = list(data);
    if let Ok(n) = which.trim().parse::<usize>()
        && n >= 1
        && n <= all.len()
        && which.trim().len() < 4
    {
        return all.into_iter().nth(n - 1);
    }
    let wanted = which.trim().trim_start_matches(PREFIX).trim_end_matches(SUFFIX);
    if wanted.is_empty() {
        return None;
    }
    let mut matching = all.into_iter().filter(|b| b.stamp.starts_with(wanted));
    let first = matching.next()?;
    matching.next().is_none().then_some(first)
}

/// The number of measures in a backup, if it parses as a backlog.
pub fn measure_count(path: &Path) -> Option<usize> {
    let bytes = fs::read(path).ok()?;
    super::load::parse(path, &bytes).ok().map(|b| b.measures.len())
}
