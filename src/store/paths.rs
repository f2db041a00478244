//! Where the backlog lives: `--data` wins over `TILTAK_DATA`, which wins over the user's data
//! directory.

use std::path::{Path, PathBuf};

pub const FILE_NAME: &str = "backlog.json";
pub const DEMO_FILE_NAME: &str = "demo-backlog.json";
pub const ENV_VAR: &str = "TILTAK_DATA";

/// `<data dir>` from `directories`, e.g. `~/.local/share/tiltak` on Linux.
pub fn default_data_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("no", "tiltak", "tiltak").map(|dirs| dirs.data_dir().to_path_buf())
}

/// The demo's own folder inside the data folder: its file, lock, backups, minutes and exports
/// live there, apart from the real backlog's.
pub const DEMO_DIR: &str = "demo";

/// The backlog file to use. With `demo`, the demo file in its own folder below where the
/// backlog would be (never the backlog itself) unless `--data` names a path. `None` when no
/// data directory can be found.
pub fn resolve(flag: Option<&Path>, env: Option<&str>, demo: bool) -> Option<PathBuf> {
    if let Some(path) = flag {
        return Some(path.to_path_buf());
    }
    let from_env = env.filter(|v| !v.trim().is_empty()).map(PathBuf::from);
    let demo_file = |dir: PathBuf| dir.join(DEMO_DIR).join(DEMO_FILE_NAME);
    match (from_env, demo) {
        (Some(path), false) => Some(path),
        (Some(path), true) => Some(demo_file(dir_of(&path))),
        (None, false) => default_data_dir().map(|d| d.join(FILE_NAME)),
        (None, true) => default_data_dir().map(demo_file),
    }
}

/// The file a data path stands for: a symbolic link is followed (a relative target from the
/// link's folder, link after link), so saves replace the target, and its temp file, lock and
/// backups sit beside it, while the link itself stays. A target that does not exist yet is
/// where the file will be created.
pub fn follow_links(path: &Path) -> PathBuf {
    let mut current = path.to_path_buf();
    // A loop of links would go on for ever: stop where the OS would (ELOOP after 40).
    for _ in 0..40 {
        let is_link = std::fs::symlink_metadata(&current).is_ok_and(|m| m.file_type().is_symlink());
        if !is_link {
            break;
        }
        match std::fs::read_link(&current) {
            Ok(target) if target.is_absolute() => current = target,
            Ok(target) => current = dir_of(&current).join(target),
            Err(_) => break,
        }
    }
    current
}

/// The directory holding `file`; `.` for a bare file name.
pub fn dir_of(file: &Path) -> PathBuf {
    match file.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flag_wins_over_environment() {
        let got = resolve(Some(Path::new("/a/b.json")), Some("/c/d.json"), false);
        assert_eq!(got, Some(PathBuf::from("/a/b.json")));
        assert_eq!(
            resolve(None, Some("/c/d.json"), false),
            Some(PathBuf::from("/c/d.json"))
        );
    }

    #[test]
    fn demo_never_uses_the_backlog_file() {
        assert_eq!(
            resolve(None, Some("/c/d.json"), true),
            Some(PathBuf::from("/c/demo/demo-backlog.json"))
        );
        assert_eq!(
            resolve(Some(Path::new("/x/demo.json")), None, true),
            Some(PathBuf::from("/x/demo.json"))
        );
        let default = resolve(None, None, true).unwrap();
        assert!(default.ends_with(Path::new(DEMO_DIR).join(DEMO_FILE_NAME)));
    }
}
