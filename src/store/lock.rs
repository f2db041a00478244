//! One writer at a time: an OS lock on `<file>.lock` beside the backlog. The lock is on a
//! separate file because the backlog itself is replaced by rename on every save. The OS frees
//! it when the holder exits, also after a kill.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::paths::dir_of;
use super::save::ensure_dir;

#[derive(Debug)]
pub struct Lock {
    _file: File,
}

pub fn lock_path(data: &Path) -> PathBuf {
    let mut name = data.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(".lock");
    data.with_file_name(name)
}

fn open_lock_file(data: &Path) -> std::io::Result<File> {
    ensure_dir(&dir_of(data))?;
    let mut options = OpenOptions::new();
    options.create(true).truncate(false).write(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(lock_path(data))
}

impl Lock {
    /// `Ok(None)` when another process holds the lock.
    pub fn try_acquire(data: &Path) -> std::io::Result<Option<Lock>> {
        let file = open_lock_file(data)?;
        match file.try_lock() {
            Ok(()) => Ok(Some(Lock { _file: file })),
            Err(TryLockError::WouldBlock) => Ok(None),
            Err(TryLockError::Error(error)) => Err(error),
        }
    }

    /// Waits up to `patience` for the lock; `Ok(None)` if it stayed taken.
    pub fn acquire_within(data: &Path, patience: Duration) -> std::io::Result<Option<Lock>> {
        let started = Instant::now();
        loop {
            if let Some(lock) = Lock::try_acquire(data)? {
                return Ok(Some(lock));
            }
            if started.elapsed() >= patience {
                return Ok(None);
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}
