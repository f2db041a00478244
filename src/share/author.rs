//! The member's name, as the log and sync's commits show it. Each member has their own, so it
//! is never stored in the shared backlog: it is resolved once when tiltak starts.

use std::path::Path;
use std::process::Command;
use std::sync::OnceLock;

/// Names the author for one run, over the config file (scripts, tests).
pub const ENV: &str = "TILTAK_AUTHOR";

/// The `author` of the user's config file, set once at start.
static FROM_CONFIG: OnceLock<String> = OnceLock::new();

/// Remembers the config file's `author` for this run (called once at start).
pub fn set_from_config(name: Option<String>) {
    if let Some(name) = name {
        let _ = FROM_CONFIG.set(name);
    }
}

/// The configured name: [`ENV`] if set, else the config file's `author`.
pub fn from_env() -> Option<String> {
    std::env::var(ENV).ok().or_else(|| FROM_CONFIG.get().cloned())
}

/// The first name that is set of: `configured`, git's `user.name` for the data folder `dir`,
/// the operating system's user (`USER`, `USERNAME`). Empty when none is.
pub fn resolve(configured: Option<String>, dir: &Path) -> String {
    let os_user = || {
        ["USER", "USERNAME"]
            .into_iter()
            .find_map(|var| std::env::var(var).ok().filter(|v| !v.trim().is_empty()))
    };
    configured
        .filter(|name| !name.trim().is_empty())
        .or_else(|| git_user_name(dir))
        .or_else(os_user)
        .map(|name| crate::domain::text::single_line(name.trim()))
        .unwrap_or_default()
}

/// `git config user.name` in `dir` (repo-local, then global settings), without a shell; `None`
/// when git is missing or has no name.
fn git_user_name(dir: &Path) -> Option<String> {
    let mut command = Command::new("git");
    command.args(["config", "user.name"]);
    if dir.is_dir() {
        command.current_dir(dir);
    }
    let output = command.output().ok()?;
    let name = String::from_utf8_lossy(&output.stdout).trim().to_string();
    (output.status.success() && !name.is_empty()).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_configured_name_comes_first_and_is_one_tidy_line() {
        let dir = std::env::temp_dir();
        assert_eq!(resolve(Some("  Kari\nÅsheim ".into()), &dir), "Kari Åsheim");
        assert_ne!(resolve(Some("   ".into()), &dir), "   ", "a blank name is no name");
    }
}
