//! `tiltak backups` and `tiltak restore N|TIMESTAMP`.

use std::path::Path;

use crate::i18n::{Lang, Msg};
use crate::store::{self, backup};

use super::Failure;

pub fn list(path: &Path, lang: Lang) -> Result<(), Failure> {
    let all = backup::list(path);
    if all.is_empty() {
        let dir = backup::backup_dir(path).display().to_string();
        println!("{}", lang.fill(Msg::CliNoBackups, &[("dir", &dir)]));
        return Ok(());
    }
    for (index, found) in all.iter().enumerate() {
        let measures = match backup::measure_count(&found.path) {
            Some(count) => lang.fill(Msg::CliBackupMeasures, &[("count", &count.to_string())]),
            None => lang.tr(Msg::CliBackupUnreadable).to_string(),
        };
        let size = lang.fill(Msg::CliBackupBytes, &[("size", &found.size.to_string())]);
        println!("{:>3}  {}  {:>12}  {}", index + 1, found.stamp, size, measures);
    }
    Ok(())
}

/// Brings a backup back. The file as it is now (even an unreadable one) is backed up first, so a
/// restore can itself be undone with another restore.
pub fn restore(path: &Path, lang: Lang, which: &str) -> Result<(), Failure> {
    let chosen = backup::find(path, which)
        .ok_or_else(|| Failure::usage(lang.fill(Msg::ErrNoSuchBackup, &[("which", which)])))?;
    let bytes = std::fs::read(&chosen.path).map_err(|error| {
        let error = store::LoadError::Io {
            path: chosen.path.clone(),
            error,
        };
        Failure::io(lang.fill(Msg::ErrBadBackup, &[("error", &error.message(lang))]))
    })?;
    store::load::parse(&chosen.path, &bytes)
        .map_err(|e| Failure::io(lang.fill(Msg::ErrBadBackup, &[("error", &e.message(lang))])))?;
    let _lock = super::lock_for_writing(path, lang)?;
    store::save::remove_stale_temp_files(path);
    let previous = backup::make(path, jiff::Timestamp::now()).map_err(|e| super::save_failure(path, lang, &e))?;
    store::save::write_atomically(path, &bytes).map_err(|e| super::save_failure(path, lang, &e))?;
    let text = match previous {
        Some(previous) => lang.fill(
            Msg::CliRestored,
            &[("stamp", &chosen.stamp), ("backup", &previous.display().to_string())],
        ),
        None => lang.fill(Msg::CliRestoredNoPrevious, &[("stamp", &chosen.stamp)]),
    };
    println!("{text}");
    Ok(())
}
