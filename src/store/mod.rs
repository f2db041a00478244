//! Everything between the backlog in memory and the file on disk.

pub mod load;
pub mod lock;
pub mod paths;
pub mod save;

pub use load::{LoadError, load};
pub use lock::Lock;
pub use save::save;

use std::path::{Path, PathBuf};

use crate::domain::Backlog;

/// Where the app writes the backlog after each change.
pub trait Persist {
    fn save(&mut self, backlog: &Backlog) -> std::io::Result<()>;
    /// The path shown to the user.
    fn location(&self) -> &Path;
    /// Writes a new file (minutes, an export) at `relative` to the backlog's directory, private
    /// to the user; never over an existing file (a `-2`, `-3` … is added). Returns its path.
    fn write_beside(&mut self, relative: &Path, bytes: &[u8]) -> std::io::Result<PathBuf> {
        let path = save::free_name(&paths::dir_of(self.location()).join(relative));
        save::write_atomically(&path, bytes)?;
        Ok(path)
    }
}

/// The backlog file on disk.
pub struct FileStore {
    pub path: PathBuf,
}

impl Persist for FileStore {
    fn save(&mut self, backlog: &Backlog) -> std::io::Result<()> {
        save(backlog, &self.path)
    }

    fn location(&self) -> &Path {
        &self.path
    }
}
