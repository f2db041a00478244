//! The user's own `git` program, run with explicit arguments (never through a shell), so their
//! credentials, SSH keys and proxies apply as they do on the command line.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The oldest git known to do all we ask of it (`git init` then `symbolic-ref`, `merge --no-edit`,
/// `rev-list --count`, `show REV:./path`).
pub const OLDEST: (u32, u32) = (2, 20);

#[derive(Debug, Clone, PartialEq)]
pub enum GitError {
    /// No `git` on the PATH.
    Missing,
    /// A git older than [`OLDEST`]; the text is what `git --version` said.
    TooOld(String),
    /// git ran and failed: the command line (without `git`) and what it printed.
    Failed { args: String, output: String },
}

impl std::fmt::Display for GitError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            GitError::Missing => write!(f, "git was not found"),
            GitError::TooOld(found) => write!(f, "{found} is older than {}.{}", OLDEST.0, OLDEST.1),
            GitError::Failed { args, output } => write!(f, "git {args}: {output}"),
        }
    }
}

/// git in one working folder.
#[derive(Debug, Clone)]
pub struct Git {
    dir: PathBuf,
    /// The member's name for the commits and merges git makes here (see `share::author`);
    /// `None` leaves it to git's own settings.
    author: Option<String>,
    /// More environment for git and what it runs (the merge driver's language).
    env: Vec<(String, String)>,
}

impl Git {
    /// git in `dir`, once it is known to be there and new enough.
    pub fn find(dir: &Path) -> Result<Git, GitError> {
        let output = Command::new("git")
            .arg("--version")
            .output()
            .map_err(|_| GitError::Missing)?;
        let text = String::from_utf8_lossy(&output.stdout).trim().to_string();
        match parse_version(&text) {
            Some(found) if found >= OLDEST => Ok(Git {
                dir: dir.to_path_buf(),
                author: None,
                env: Vec::new(),
            }),
            _ => Err(GitError::TooOld(text)),
        }
    }

    /// Commits and merges made through this value carry `name` (when it is not empty), so what
    /// sync reports as "from Kari Åsheim" is the name Kari's log entries carry.
    pub fn with_author(mut self, name: &str) -> Git {
        self.author = (!name.trim().is_empty()).then(|| name.to_string());
        self
    }

    /// Every git command run through this value (and what git runs) gets `key=value`.
    pub fn with_env(mut self, key: &str, value: &str) -> Git {
        self.env.push((key.to_string(), value.to_string()));
        self
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn output(&self, args: &[&str]) -> Result<Output, GitError> {
        self.output_with(args, &[])
    }

    fn output_with(&self, args: &[&str], env: &[(&str, &str)]) -> Result<Output, GitError> {
        let mut command = Command::new("git");
        command
            .args(args)
            .current_dir(&self.dir)
            // Messages we pass on stay in the user's language; only `--version` is parsed.
            .env("GIT_TERMINAL_PROMPT", "0")
            .envs(self.env.iter().map(|(k, v)| (k, v)))
            .envs(env.iter().copied());
        if let Some(name) = &self.author {
            command.env("GIT_AUTHOR_NAME", name).env("GIT_COMMITTER_NAME", name);
        }
        command.output().map_err(|_| GitError::Missing)
    }

    /// Runs git; its standard output, trimmed, or what it said when it failed.
    pub fn run(&self, args: &[&str]) -> Result<String, GitError> {
        self.run_with(args, &[])
    }

    /// [`Git::run`] with more environment for git and what it runs (the merge driver).
    pub fn run_with(&self, args: &[&str], env: &[(&str, &str)]) -> Result<String, GitError> {
        let output = self.output_with(args, env)?;
        if output.status.success() {
            Ok(String::from_utf8_lossy(&output.stdout).trim().to_string())
        } else {
            let mut said = String::from_utf8_lossy(&output.stderr).trim().to_string();
            if said.is_empty() {
                said = String::from_utf8_lossy(&output.stdout).trim().to_string();
            }
            Err(GitError::Failed {
                args: args.join(" "),
                output: said,
            })
        }
    }

    /// Whether a yes/no command (`diff --quiet`, `rev-parse --verify`) says yes.
    pub fn holds(&self, args: &[&str]) -> Result<bool, GitError> {
        Ok(self.output(args)?.status.success())
    }

    /// The raw bytes of `path` (relative to the folder) at `rev`, or `None` when it is not there.
    pub fn show(&self, rev: &str, path: &str) -> Result<Option<Vec<u8>>, GitError> {
        let output = self.output(&["show", &format!("{rev}:./{path}")])?;
        Ok(output.status.success().then_some(output.stdout))
    }
}

/// `git version 2.43.0` (or `2.39.3 (Apple Git-146)`, `2.45.1.windows.1`) → (2, 43).
fn parse_version(text: &str) -> Option<(u32, u32)> {
    let number = text.strip_prefix("git version ")?.split_whitespace().next()?;
    let mut parts = number.split('.');
    let major = parts.next()?.parse().ok()?;
    let minor = parts.next()?.parse().ok()?;
    Some((major, minor))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_of_every_platform_are_read() {
        assert_eq!(parse_version("git version 2.43.0"), Some((2, 43)));
        assert_eq!(parse_version("git version 2.39.3 (Apple Git-146)"), Some((2, 39)));
        assert_eq!(parse_version("git version 2.45.1.windows.1"), Some((2, 45)));
        assert_eq!(parse_version("hub version 1"), None);
        assert!(parse_version("git version 1.8.3").is_some_and(|v| v < OLDEST));
    }
}
