//! Everything between the backlog in memory and the file on disk.

pub mod backup;
pub mod load;
pub mod lock;
pub mod migrate;
pub mod paths;
mod pieces;
pub mod save;
mod split;
pub mod watch;
pub mod writer;

pub use load::{LoadError, load};
pub use lock::Lock;
pub use save::{SaveStep, save};
pub use watch::Outside;

use std::path::{Path, PathBuf};

use crate::domain::Backlog;

/// Where the app writes the backlog after each change.
pub trait Persist {
    fn save(&mut self, backlog: &Backlog) -> std::io::Result<()>;
    /// The path shown to the user.
    fn location(&self) -> &Path;
    /// Writes the backlog to another file (the rescue when the usual place cannot be written).
    fn save_copy(&mut self, backlog: &Backlog, path: &Path) -> std::io::Result<()> {
        save::write_atomically(path, &save::to_json(backlog)?)
    }

    /// Writes a new file (minutes, an export) at `relative` to the backlog's directory, private
    /// to the user; never over an existing file (a `-2`, `-3` … is added). Returns its path.
    fn write_beside(&mut self, relative: &Path, bytes: &[u8]) -> std::io::Result<PathBuf> {
        let path = save::free_name(&paths::dir_of(self.location()).join(relative));
        save::write_atomically(&path, bytes)?;
        Ok(path)
    }

    /// Whether another program changed the file since it was last loaded or saved. A store
    /// without a file of its own sees no outside changes.
    fn outside(&mut self) -> Outside {
        Outside::Unchanged
    }

    /// The version the last [`Persist::outside`] reported has been merged in: it is the base now.
    fn accept_outside(&mut self) {}

    /// Keeps a copy of the file as it is now among the backups (before a merge with conflicts
    /// writes over the other side's values).
    fn back_up(&mut self) -> std::io::Result<()> {
        Ok(())
    }

    /// The background writer, when saves go through one ([`writer::Writer`]): the screen then
    /// hands over snapshots and takes the answers later instead of waiting.
    fn background(&mut self) -> Option<&mut writer::Writer> {
        None
    }
}

/// Called before each step of a save; tests return an error to act as a failing disk.
pub type FaultHook = Box<dyn FnMut(SaveStep) -> std::io::Result<()>>;

/// The backlog file on disk. The first save of a session first keeps the file as it was among
/// the backups. A save never writes over a file another program changed meanwhile.
pub struct FileStore {
    pub path: PathBuf,
    backed_up: bool,
    pub fault: Option<FaultHook>,
    tracker: watch::Tracker,
}

impl FileStore {
    /// A store for the file at `path`, taking the file as it is now as the version the app's
    /// backlog starts from.
    pub fn new(path: PathBuf) -> FileStore {
        let known = std::fs::read(&path).ok().map(|bytes| watch::Known {
            digest: watch::Digest::of(&bytes),
            // A file that does not parse merges as if every record were new on both sides.
            backlog: load::parse(&path, &bytes).unwrap_or_else(|_| Backlog::new("", &[])),
        });
        FileStore::with_base(path, known)
    }

    fn with_base(path: PathBuf, known: Option<watch::Known>) -> FileStore {
        let mut tracker = watch::Tracker::default();
        tracker.remember(&path, known);
        FileStore {
            path,
            backed_up: false,
            fault: None,
            tracker,
        }
    }

    /// Everything but the fault hook, which may hold state that cannot leave this thread.
    fn into_parts(self) -> Parts {
        Parts {
            path: self.path,
            backed_up: self.backed_up,
            tracker: self.tracker,
        }
    }

    fn from_parts(parts: Parts) -> FileStore {
        FileStore {
            path: parts.path,
            backed_up: parts.backed_up,
            fault: None,
            tracker: parts.tracker,
        }
    }

    /// Loads the file at `path` (`None` when there is none yet) and a store that starts from
    /// exactly the bytes that were loaded.
    pub fn open(path: PathBuf) -> Result<(FileStore, Option<load::Loaded>), LoadError> {
        // The store keeps the file's digest and the loaded backlog (its measures shared with
        // the app's), not the bytes.
        let (loaded, known) = match load::read(&path, true)? {
            Some((loaded, Some(digest))) => {
                let known = watch::Known {
                    digest,
                    backlog: loaded.backlog.clone(),
                };
                (Some(loaded), Some(known))
            }
            Some((loaded, None)) => (Some(loaded), None),
            None => (None, None),
        };
        Ok((FileStore::with_base(path, known), loaded))
    }
}

/// A [`FileStore`] on its way to the writer's thread.
struct Parts {
    path: PathBuf,
    backed_up: bool,
    tracker: watch::Tracker,
}

impl Persist for FileStore {
    fn save(&mut self, backlog: &Backlog) -> std::io::Result<()> {
        if !matches!(self.tracker.look(&self.path), Outside::Unchanged) {
            return Err(std::io::Error::other(watch::ChangedOutside));
        }
        // Another program may write while the temp file is written and synced: look again right
        // before the rename, so the caller merges that version instead of writing over it. What
        // is left is the moment between this last look and the rename itself, which no check
        // made from outside the kernel can close (writers that do not take the lock race there).
        // The session's first save keeps the file as it was among the backups, right before the
        // rename, when nothing can change it any more but another program.
        let (path, tracker, backed_up) = (&self.path, &self.tracker, &mut self.backed_up);
        let mut still_current = || {
            if !tracker.still_current(path) {
                return Err(std::io::Error::other(watch::ChangedOutside));
            }
            if !*backed_up {
                backup::make(path, jiff::Timestamp::now())?;
                *backed_up = true;
            }
            Ok(())
        };
        let mut no_fault = |_| Ok(());
        let before: &mut dyn FnMut(SaveStep) -> std::io::Result<()> = match &mut self.fault {
            Some(fault) => fault,
            None => &mut no_fault,
        };
        let mut digest = None;
        let mut write = |out: &mut dyn std::io::Write| {
            use std::io::Write as _;
            let mut hashing = watch::Hashing::new(out);
            serde_json::to_writer_pretty(&mut hashing, backlog)?;
            hashing.write_all(b"\n")?;
            digest = Some(hashing.finish()?.1);
            Ok(())
        };
        save::write_atomically_streamed(path, &mut write, before, &mut still_current)?;
        let known = digest.map(|digest| watch::Known {
            digest,
            backlog: backlog.clone(),
        });
        self.tracker.remember(&self.path, known);
        Ok(())
    }

    fn location(&self) -> &Path {
        &self.path
    }

    fn outside(&mut self) -> Outside {
        self.tracker.look(&self.path)
    }

    fn accept_outside(&mut self) {
        self.tracker.accept();
    }

    fn back_up(&mut self) -> std::io::Result<()> {
        backup::make(&self.path, jiff::Timestamp::now()).map(|_| ())
    }
}
