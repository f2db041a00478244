//! Atomic saves: write a temp file in the same directory, fsync it, rename it over the
//! backlog, fsync the directory. A crash at any point leaves either the old or the new file.

use std::fs;
use std::io::Write;
use std::path::Path;

use crate::domain::Backlog;

use super::paths::dir_of;

/// Temp files are named `.<file name>.<random>.tmp`, so stale ones can be recognised.
pub fn temp_prefix(file: &Path) -> String {
    format!(
        ".{}.",
        file.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    )
}

pub const TEMP_SUFFIX: &str = ".tmp";

/// Pretty, stable JSON: collections are kept sorted by id, fields in a fixed order.
pub fn to_json(backlog: &Backlog) -> std::io::Result<Vec<u8>> {
    let mut bytes = serde_json::to_vec_pretty(backlog)?;
    bytes.push(b'\n');
    Ok(bytes)
}

pub fn save(backlog: &Backlog, path: &Path) -> std::io::Result<()> {
    write_atomically(path, &to_json(backlog)?)
}

/// Creates the data directory (0700) when missing.
pub fn ensure_dir(dir: &Path) -> std::io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

/// The steps of a save, in order. Tests inject a failure before any of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveStep {
    CreateTemp,
    Write,
    Fsync,
    Rename,
    SyncDir,
}

impl SaveStep {
    pub const ALL: [SaveStep; 5] = [
        SaveStep::CreateTemp,
        SaveStep::Write,
        SaveStep::Fsync,
        SaveStep::Rename,
        SaveStep::SyncDir,
    ];
}

pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_atomically_checked(path, bytes, &mut |_| Ok(()))
}

/// [`write_atomically`] with `before` called ahead of each step; an error from it aborts the save
/// there, as a failing disk would. The temp file is removed on every failure.
pub fn write_atomically_checked(
    path: &Path,
    bytes: &[u8],
    before: &mut dyn FnMut(SaveStep) -> std::io::Result<()>,
) -> std::io::Result<()> {
    write_atomically_guarded(path, bytes, before, &mut || Ok(()))
}

/// [`write_atomically_checked`] that calls `still_current` as the very last thing before the
/// rename (after the temp file is written and synced, which takes the longest); an error from
/// it leaves the file alone and removes the temp file.
pub fn write_atomically_guarded(
    path: &Path,
    bytes: &[u8],
    before: &mut dyn FnMut(SaveStep) -> std::io::Result<()>,
    still_current: &mut dyn FnMut() -> std::io::Result<()>,
) -> std::io::Result<()> {
    write_atomically_streamed(path, &mut |out| out.write_all(bytes), before, still_current)
}

/// [`write_atomically_guarded`] with the contents written by `write` straight into the temp file
/// (through a buffer), so a large file is never held in memory whole.
pub fn write_atomically_streamed(
    path: &Path,
    write: &mut dyn FnMut(&mut dyn Write) -> std::io::Result<()>,
    before: &mut dyn FnMut(SaveStep) -> std::io::Result<()>,
    still_current: &mut dyn FnMut() -> std::io::Result<()>,
) -> std::io::Result<()> {
    let dir = dir_of(path);
    ensure_dir(&dir)?;
    let prefix = temp_prefix(path);
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(TEMP_SUFFIX);
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o600));
    before(SaveStep::CreateTemp)?;
    let mut temp = builder.tempfile_in(&dir)?;
    before(SaveStep::Write)?;
    {
        let mut out = std::io::BufWriter::with_capacity(1 << 16, temp.as_file_mut());
        write(&mut out)?;
        out.flush()?;
    }
    before(SaveStep::Fsync)?;
    temp.as_file().sync_all()?;
    before(SaveStep::Rename)?;
    still_current()?;
    temp.persist(path).map_err(|e| e.error)?;
    before(SaveStep::SyncDir)?;
    sync_dir(&dir)
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> std::io::Result<()> {
    fs::File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> std::io::Result<()> {
    Ok(())
}

/// Removes temp files of ours left behind by a killed process: beside the data file, and among
/// its backups (`.<stem>-<stamp>.json.<random>.tmp`). Call only while holding the lock.
pub fn remove_stale_temp_files(path: &Path) {
    remove_temp_files_in(&dir_of(path), &temp_prefix(path), |_| true);
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    // The stamp's digits keep `backlog-old.json`'s temp files apart from `backlog.json`'s.
    let stamped = |rest: &str| rest.bytes().next().is_some_and(|b| b.is_ascii_digit());
    remove_temp_files_in(&super::backup::backup_dir(path), &format!(".{stem}-"), stamped);
}

fn remove_temp_files_in(dir: &Path, prefix: &str, rest_fits: impl Fn(&str) -> bool) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if let Some(rest) = name.strip_prefix(prefix)
            && name.ends_with(TEMP_SUFFIX)
            && rest_fits(rest)
        {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// `path` if nothing is there yet, else the first free `<stem>-2.<ext>`, `<stem>-3.<ext>` …
pub fn free_name(path: &Path) -> std::path::PathBuf {
    if !path.exists() {
        return path.to_path_buf();
    }
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let ext = path
        .extension()
        .map(|e| format!(".{}", e.to_string_lossy()))
        .unwrap_or_default();
    (2..)
        .map(|n| path.with_file_name(format!("{stem}-{n}{ext}")))
        .find(|candidate| !candidate.exists())
        .unwrap_or_else(|| path.to_path_buf())
}
