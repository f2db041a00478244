//! Everything between the backlog in memory and the file on disk.

pub mod backup;
pub mod load;
pub mod lock;
pub mod migrate;
pub mod paths;
pub mod save;

pub use load::{LoadError, load};
pub use lock::Lock;
pub use save::{SaveStep, save};

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
}

/// Called before each step of a save; tests return an error to act as a failing disk.
pub type FaultHook = Box<dyn FnMut(SaveStep) -> std::io::Result<()>>;

/// The backlog file on disk. The first save of a session first copies the file as it was into
/// the backups.
pub struct FileStore {
    pub path: PathBuf,
    backed_up: bool,
    pub fault: Option<FaultHook>,
}

impl FileStore {
    pub fn new(path: PathBuf) -> FileStore {
        FileStore {
            path,
            backed_up: false,
            fault: None,
        }
    }
}

impl Persist for FileStore {
    fn save(&mut self, backlog: &Backlog) -> std::io::Result<()> {
        if !self.backed_up {
            backup::make(&self.path, jiff::Timestamp::now())?;
            self.backed_up = true;
        }
        let bytes = save::to_json(backlog)?;
        match &mut self.fault {
            Some(fault) => save::write_atomically_checked(&self.path, &bytes, fault),
            None => save::write_atomically(&self.path, &bytes),
        }
    }

    fn location(&self) -> &Path {
        &self.path
    }
}
