//! Noticing that another program (a sync tool, an editor, git) changed the backlog file. The
//! store remembers the contents it last loaded or saved, and the file's size, modification and
//! change times and inode then. A look compares those first (a `stat`, cheap enough every few seconds) and
//! the contents only when they differ or are too recent to trust (a second write within the
//! file system's clock tick keeps the modification time).

use std::fs::{self, Metadata};
use std::io::ErrorKind;
use std::path::Path;
use std::time::{Duration, SystemTime};

use super::load::{LoadError, parse, parse_file};
use crate::domain::Backlog;

/// A modification time this close to when it was recorded may hide a later write.
const RACY: Duration = Duration::from_secs(2);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Fingerprint {
    len: u64,
    modified: Option<SystemTime>,
    /// Any write, even one that puts the modification time back, moves the change time.
    changed: (i64, i64),
    inode: u64,
}

impl Fingerprint {
    fn of(meta: &Metadata) -> Fingerprint {
        #[cfg(unix)]
        let (changed, inode) = {
            use std::os::unix::fs::MetadataExt;
            ((meta.ctime(), meta.ctime_nsec()), meta.ino())
        };
        #[cfg(not(unix))]
        let (changed, inode) = ((0, 0), 0);
        Fingerprint {
            len: meta.len(),
            modified: meta.modified().ok(),
            changed,
            inode,
        }
    }

    fn trusted_at(&self, recorded: SystemTime) -> bool {
        self.modified
            .and_then(|modified| recorded.duration_since(modified).ok())
            .is_some_and(|age| age >= RACY)
    }
}

/// What the file holds now, compared with the version last loaded or saved.
#[derive(Debug)]
pub enum Outside {
    Unchanged,
    /// Someone else wrote a valid backlog: merge `theirs` with ours against `base`.
    Changed {
        base: Box<Backlog>,
        theirs: Box<Backlog>,
    },
    /// The file no longer reads as a backlog (corrupt, newer version): never merge or write.
    Unreadable(LoadError),
}

/// The version of the file the app's backlog started from.
#[derive(Debug, Default)]
pub struct Tracker {
    /// Its contents; `None` when there was no file.
    base: Option<Vec<u8>>,
    /// The file's fingerprint while it held `base`, and when that was taken.
    seen: Option<(Fingerprint, SystemTime)>,
    /// What the last look found changed, until the caller has merged it.
    pending: Option<(Vec<u8>, Fingerprint)>,
}

fn stat(path: &Path) -> std::io::Result<Option<Fingerprint>> {
    match fs::metadata(path) {
        Ok(meta) => Ok(Some(Fingerprint::of(&meta))),
        Err(error) if error.kind() == ErrorKind::NotFound => Ok(None),
        Err(error) => Err(error),
    }
}

impl Tracker {
    /// Remembers `bytes` as what the file at `path` holds now (just loaded or just written).
    pub fn remember(&mut self, path: &Path, bytes: Option<Vec<u8>>) {
        self.seen = stat(path).ok().flatten().map(|print| (print, SystemTime::now()));
        self.base = bytes;
        self.pending = None;
    }

    /// Looks at the file. A file that vanished is not a change to merge: the next save writes it
    /// again.
    pub fn look(&mut self, path: &Path) -> Outside {
        let io_error = |error| {
            Outside::Unreadable(LoadError::Io {
                path: path.to_path_buf(),
                error,
            })
        };
        let print = match stat(path) {
            Ok(Some(print)) => print,
            Ok(None) => return Outside::Unchanged,
            Err(error) => return io_error(error),
        };
        if let Some((seen, at)) = self.seen
            && seen == print
            && print.trusted_at(at)
        {
            return Outside::Unchanged;
        }
        let bytes = match fs::read(path) {
            Ok(bytes) => bytes,
            Err(error) if error.kind() == ErrorKind::NotFound => return Outside::Unchanged,
            Err(error) => return io_error(error),
        };
        if self.base.as_deref() == Some(bytes.as_slice()) {
            self.seen = Some((print, SystemTime::now()));
            return Outside::Unchanged;
        }
        match parse_file(path, &bytes) {
            Ok(loaded) => {
                // The base was read or written by us, so it parses; without one, every record
                // counts as added on both sides and nothing is lost.
                let base = self
                    .base
                    .as_deref()
                    .and_then(|b| parse(path, b).ok())
                    .unwrap_or_else(|| Backlog::new("", &[]));
                self.pending = Some((bytes, print));
                Outside::Changed {
                    base: Box::new(base),
                    theirs: Box::new(loaded.backlog),
                }
            }
            Err(error) => Outside::Unreadable(error),
        }
    }

    /// The version the last [`Tracker::look`] reported changed has been merged in: it is the new
    /// base.
    pub fn accept(&mut self) {
        if let Some((bytes, print)) = self.pending.take() {
            self.base = Some(bytes);
            self.seen = Some((print, SystemTime::now()));
        }
    }
}

/// A save refused because the file changed since it was last loaded or saved.
#[derive(Debug)]
pub struct ChangedOutside;

impl std::fmt::Display for ChangedOutside {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the file was changed by another program")
    }
}

impl std::error::Error for ChangedOutside {}

/// Whether a save failed because of [`ChangedOutside`].
pub fn is_changed_outside(error: &std::io::Error) -> bool {
    error.get_ref().is_some_and(|e| e.is::<ChangedOutside>())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file_with(dir: &tempfile::TempDir, backlog: &Backlog) -> (std::path::PathBuf, Vec<u8>) {
        let path = dir.path().join("backlog.json");
        let bytes = crate::store::save::to_json(backlog).unwrap();
        fs::write(&path, &bytes).unwrap();
        (path, bytes)
    }

    /// A tracker that saw the file exactly as it is now (same fingerprint), `age` ago, while it
    /// held `base`.
    fn seen_now(path: &Path, base: Vec<u8>, age: Duration) -> Tracker {
        let print = stat(path).unwrap().unwrap();
        Tracker {
            base: Some(base),
            seen: Some((print, SystemTime::now() - age)),
            pending: None,
        }
    }

    #[test]
    fn a_fingerprint_too_recent_to_trust_falls_back_to_the_contents() {
        let dir = tempfile::tempdir().unwrap();
        let mut theirs = Backlog::new("Tiltak", &["Helse"]);
        theirs.name = "Changed elsewhere".into();
        let (path, _) = file_with(&dir, &theirs);
        let ours = crate::store::save::to_json(&Backlog::new("Tiltak", &["Helse"])).unwrap();
        // Same fingerprint as when last seen, but recorded within the file system's clock tick
        // of the write: only the contents can tell, and they differ.
        let mut tracker = seen_now(&path, ours, Duration::ZERO);
        match tracker.look(&path) {
            Outside::Changed { theirs: found, .. } => assert_eq!(found.name, "Changed elsewhere"),
            other => panic!("a changed file went unnoticed: {other:?}"),
        }
        // The same contents as the base are no change.
        let same = fs::read(&path).unwrap();
        let mut tracker = seen_now(&path, same, Duration::ZERO);
        assert!(matches!(tracker.look(&path), Outside::Unchanged));
    }

    #[test]
    fn a_fingerprint_old_enough_is_trusted_without_reading() {
        let dir = tempfile::tempdir().unwrap();
        let (path, _) = file_with(&dir, &Backlog::new("Tiltak", &["Helse"]));
        let old = SystemTime::now() - Duration::from_secs(3600);
        fs::File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_modified(old)
            .unwrap();
        // The base differs from the file, yet an unchanged stat seen well after the file's
        // modification time means nobody wrote since: the contents are not read.
        let mut tracker = seen_now(&path, b"something else".to_vec(), Duration::ZERO);
        assert!(matches!(tracker.look(&path), Outside::Unchanged));
    }
}
