//! Copies of the backlog taken before a session's first save, before a restore and before a
//! migrated file is written: `<data dir>/backups/<stem>-<timestamp>.json`, where `<stem>` is the
//! data file's name without `.json` (`backlog-20261129T120000.123Z.json`). The newest 20 of each
//! data file are kept; another file's backups in the same folder are never listed or pruned.

use std::fs;
use std::path::{Path, PathBuf};

use jiff::Timestamp;

use super::paths::dir_of;
use super::save::{ensure_dir, write_atomically};

pub const KEEP: usize = 20;
const SUFFIX: &str = ".json";

/// `<stem>-`: what the names of the backups of `data` begin with.
fn prefix(data: &Path) -> String {
    let stem = data.file_stem().map(|s| s.to_string_lossy().into_owned());
    format!("{}-", stem.as_deref().unwrap_or("backlog"))
}

/// Whether `text` is a stamp as [`stamp`] writes it (with an optional `-001` suffix): eight
/// digits, then `T`. Keeps `backlog-old-2026….json` (a file named `backlog-old.json`) apart
/// from `backlog-2026….json`.
fn is_stamp(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() > 9 && bytes[..8].iter().all(u8::is_ascii_digit) && bytes[8] == b'T'
}

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

/// Keeps the file at `data` in the backup directory and prunes to the newest [`KEEP`]. `Ok(None)`
/// when there is no file. The backup is a hard link to the file (no copy: the app only ever
/// replaces the file by renaming a new one over it, so the old contents stay with the backup);
/// where links are not possible, a private (0600) copy.
pub fn make(data: &Path, at: Timestamp) -> std::io::Result<Option<PathBuf>> {
    if !data.exists() {
        return Ok(None);
    }
    let dir = backup_dir(data);
    ensure_dir(&dir)?;
    let base = stamp(at);
    let prefix = prefix(data);
    // Two backups within the same millisecond (a restore right after a save) get a suffix.
    let mut target = dir.join(format!("{prefix}{base}{SUFFIX}"));
    let mut n = 1;
    while target.exists() {
        target = dir.join(format!("{prefix}{base}-{n:03}{SUFFIX}"));
        n += 1;
    }
    if fs::hard_link(data, &target).is_err() {
        let bytes = match fs::read(data) {
            Ok(bytes) => bytes,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(error) => return Err(error),
        };
        write_atomically(&target, &bytes)?;
    }
    prune(data)?;
    Ok(Some(target))
}

/// Like [`make`], but only when no backup of `data` was made yet on `at`'s day (UTC): the
/// first CLI `add` of a day can be undone with `restore` without a backup per add.
pub fn make_daily(data: &Path, at: Timestamp) -> std::io::Result<Option<PathBuf>> {
    let day = at.strftime("%Y%m%d").to_string();
    if list(data).iter().any(|b| b.stamp.starts_with(&day)) {
        return Ok(None);
    }
    make(data, at)
}

/// Backups of the file at `data`, newest first.
pub fn list(data: &Path) -> Vec<Backup> {
    let Ok(entries) = fs::read_dir(backup_dir(data)) else {
        return Vec::new();
    };
    let prefix = prefix(data);
    let mut found: Vec<Backup> = entries
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            let stamp = name.strip_prefix(&prefix)?.strip_suffix(SUFFIX)?.to_string();
            if !is_stamp(&stamp) {
                return None;
            }
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
    let prefix = prefix(data);
    let wanted = which
        .trim()
        .trim_start_matches(prefix.as_str())
        .trim_end_matches(SUFFIX);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backups_belong_to_one_data_file_and_pruning_spares_the_others() {
        let dir = tempfile::TempDir::new().unwrap();
        let real = dir.path().join("backlog.json");
        let other = dir.path().join("backlog-old.json");
        fs::write(&real, b"real").unwrap();
        fs::write(&other, b"other").unwrap();
        let start: Timestamp = "2026-11-29T12:00:00Z".parse().unwrap();
        for n in 0..3 {
            make(&other, start + jiff::SignedDuration::from_secs(n)).unwrap();
        }
        for n in 0..(KEEP as i64 + 5) {
            make(&real, start + jiff::SignedDuration::from_secs(100 + n)).unwrap();
        }
        let mine = list(&real);
        assert_eq!(mine.len(), KEEP);
        assert!(mine.iter().all(|b| fs::read(&b.path).unwrap() == b"real"));
        assert!(
            mine[0]
                .path
                .file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("backlog-2026")
        );
        let theirs = list(&other);
        assert_eq!(theirs.len(), 3, "another file's backups are never pruned");
        assert!(theirs.iter().all(|b| fs::read(&b.path).unwrap() == b"other"));
        assert_eq!(find(&other, "1").map(|b| b.path), Some(theirs[0].path.clone()));
    }

    #[cfg(unix)]
    #[test]
    fn a_backup_is_a_link_to_the_file_and_keeps_it_when_a_save_replaces_the_file() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::TempDir::new().unwrap();
        let data = dir.path().join("backlog.json");
        write_atomically(&data, b"before").unwrap();
        let backup = make(&data, "2026-11-29T12:00:00Z".parse().unwrap()).unwrap().unwrap();
        let inode = |p: &Path| fs::metadata(p).unwrap().ino();
        assert_eq!(inode(&backup), inode(&data), "no copy: the same file");
        write_atomically(&data, b"after").unwrap();
        assert_eq!(fs::read(&backup).unwrap(), b"before");
        assert_eq!(fs::read(&data).unwrap(), b"after");
    }
}
