//! Sharing the backlog through git: the user's git moves the commits, tiltak merges the backlog
//! per measure and field. Below `app`; uses `domain` and `store`.

pub mod author;
pub mod git;
pub mod merge_file;
pub mod remembered;
pub mod setup;
pub mod summary;
pub mod sync;

use std::path::PathBuf;

use crate::store::LoadError;

/// The name a shared folder's remote has.
pub const REMOTE: &str = "origin";

#[derive(Debug)]
pub enum ShareError {
    Git(git::GitError),
    Io(std::io::Error),
    Load(LoadError),
    /// The data folder is not the top of a git repository.
    NotShared(PathBuf),
    /// `share clone` would have written into a folder that has files.
    FolderNotEmpty(PathBuf),
    NoRemote,
    /// git could not finish a merge (a side of the backlog did not read, a minutes file
    /// changed on both sides); it was undone.
    MergeStopped(String),
}

impl From<git::GitError> for ShareError {
    fn from(error: git::GitError) -> ShareError {
        ShareError::Git(error)
    }
}

impl std::fmt::Display for ShareError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ShareError::Git(error) => write!(f, "{error}"),
            ShareError::Io(error) => write!(f, "{error}"),
            ShareError::Load(error) => write!(f, "{error:?}"),
            ShareError::NotShared(dir) => write!(f, "{} is not shared", dir.display()),
            ShareError::FolderNotEmpty(dir) => write!(f, "{} is not empty", dir.display()),
            ShareError::NoRemote => write!(f, "no remote"),
            ShareError::MergeStopped(text) => write!(f, "{text}"),
        }
    }
}
