//! Noticing that another program (a sync tool, an editor, git) changed the backlog file. The
//! store remembers what it last loaded or saved — the file's size and a hash of its contents,
//! and the backlog it held (the base of a merge) — and the file's size, modification and change
//! times and inode then. A look compares those first (a `stat`, cheap enough every few seconds)
//! and hashes the file only when they differ or are too recent to trust (a second write within
//! the file system's clock tick keeps the modification time). No copy of the file is kept in
//! memory, and the file is read whole only when it did change.

use std::fs::{self, Metadata};
use std::hash::Hasher;
use std::io::{ErrorKind, Read, Write};
use std::path::Path;
use std::time::{Duration, SystemTime};

use super::load::{LoadError, parse_file};
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

/// The size and a hash of a file's contents: enough to tell whether it still holds what was
/// written, without keeping a copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Digest {
    len: u64,
    hash: u64,
}

/// Hashes what goes through it on the way to `inner`.
pub struct Hashing<W> {
    inner: W,
    hasher: std::hash::DefaultHasher,
    len: u64,
}

impl<W: Write> Hashing<W> {
    pub fn new(inner: W) -> Hashing<W> {
        Hashing {
            inner,
            hasher: std::hash::DefaultHasher::new(),
            len: 0,
        }
    }

    pub fn finish(mut self) -> std::io::Result<(W, Digest)> {
        self.inner.flush()?;
        let digest = Digest {
            len: self.len,
            hash: self.hasher.finish(),
        };
        Ok((self.inner, digest))
    }
}

impl<W: Write> Write for Hashing<W> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        let written = self.inner.write(bytes)?;
        self.hasher.write(&bytes[..written]);
        self.len += written as u64;
        Ok(written)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

impl Digest {
    pub fn of(bytes: &[u8]) -> Digest {
        let mut hashing = Hashing::new(std::io::sink());
        let _ = hashing.write_all(bytes);
        Digest {
            len: hashing.len,
            hash: hashing.hasher.finish(),
        }
    }

    /// The digest of the file at `path`, read in chunks; `None` when there is no file.
    fn of_file(path: &Path) -> std::io::Result<Option<Digest>> {
        let mut file = match fs::File::open(path) {
            Ok(file) => file,
            Err(error) if error.kind() == ErrorKind::NotFound => return Ok(None),
            Err(error) => return Err(error),
        };
        let mut hashing = Hashing::new(std::io::sink());
        let mut chunk = vec![0; 1 << 16];
        loop {
            match file.read(&mut chunk) {
                Ok(0) => break,
                Ok(n) => hashing.write_all(&chunk[..n])?,
                Err(error) if error.kind() == ErrorKind::Interrupted => {}
                Err(error) => return Err(error),
            }
        }
        Ok(Some(Digest {
            len: hashing.len,
            hash: hashing.hasher.finish(),
        }))
    }
}

/// A version of the file the app knows: its digest and the backlog it holds.
#[derive(Debug)]
pub struct Known {
    pub digest: Digest,
    pub backlog: Backlog,
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
    /// `None` when there was no file.
    base: Option<Known>,
    /// The file's fingerprint while it held `base`, and when that was taken.
    seen: Option<(Fingerprint, SystemTime)>,
    /// What the last look found changed, until the caller has merged it.
    pending: Option<(Known, Fingerprint)>,
}

fn stat(path: &Path) -> std::io::Result<Option<Fingerprint>> {
    match fs::metadata(path) {
        Ok(meta) => Ok(Some(Fingerprint::of(&meta))),
        Err(error) if error.kind() == ErrorKind::NotFound => Ok(None),
        Err(error) => Err(error),
    }
}

impl Tracker {
    /// Remembers `known` as what the file at `path` holds now (just loaded or just written).
    pub fn remember(&mut self, path: &Path, known: Option<Known>) {
        self.seen = stat(path).ok().flatten().map(|print| (print, SystemTime::now()));
        self.base = known;
        self.pending = None;
    }

    fn base_digest(&self) -> Option<Digest> {
        self.base.as_ref().map(|known| known.digest)
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
        match Digest::of_file(path) {
            Ok(None) => return Outside::Unchanged,
            Ok(Some(digest)) if Some(digest) == self.base_digest() => {
                self.seen = Some((print, SystemTime::now()));
                return Outside::Unchanged;
            }
            Ok(Some(_)) => {}
            Err(error) => return io_error(error),
        }
        let bytes = match fs::read(path) {
            Ok(bytes) => bytes,
            Err(error) if error.kind() == ErrorKind::NotFound => return Outside::Unchanged,
            Err(error) => return io_error(error),
        };
        match parse_file(path, &bytes) {
            Ok(loaded) => {
                // Without a base, every record counts as added on both sides and nothing is lost.
                let base = self
                    .base
                    .as_ref()
                    .map_or_else(|| Backlog::new("", &[]), |known| known.backlog.clone());
                let known = Known {
                    digest: Digest::of(&bytes),
                    backlog: loaded.backlog.clone(),
                };
                self.pending = Some((known, print));
                Outside::Changed {
                    base: Box::new(base),
                    theirs: Box::new(loaded.backlog),
                }
            }
            Err(error) => Outside::Unreadable(error),
        }
    }

    /// Whether the file still holds the version last loaded or saved (or is gone): the check
    /// right before a save's rename. Cheap when the file's fingerprint can be trusted, else the
    /// contents are hashed.
    pub fn still_current(&self, path: &Path) -> bool {
        let print = match stat(path) {
            Ok(Some(print)) => print,
            Ok(None) => return true,
            Err(_) => return false,
        };
        if let Some((seen, at)) = self.seen
            && seen == print
            && print.trusted_at(at)
        {
            return true;
        }
        match Digest::of_file(path) {
            Ok(None) => true,
            Ok(Some(digest)) => Some(digest) == self.base_digest(),
            Err(_) => false,
        }
    }

    /// The version the last [`Tracker::look`] reported changed has been merged in: it is the new
    /// base.
    pub fn accept(&mut self) {
        if let Some((known, print)) = self.pending.take() {
            self.base = Some(known);
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
        let backlog = crate::store::load::parse(path, &base).unwrap_or_else(|_| Backlog::new("", &[]));
        Tracker {
            base: Some(Known {
                digest: Digest::of(&base),
                backlog,
            }),
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
