//! Reading a backlog file. A file that cannot be read is reported with where and why, and is
//! never written afterwards (the caller gets no backlog to save over it).

use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::migrate;
use super::pieces::{self, Outcome};
use super::watch::Digest;
use crate::domain::{Backlog, SCHEMA_VERSION};
use crate::i18n::{Lang, Msg};

#[derive(Debug)]
pub enum LoadError {
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
    Parse {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    Newer {
        path: PathBuf,
        found: u64,
    },
    Invalid {
        path: PathBuf,
        problems: Vec<String>,
    },
    /// Text in another encoding than UTF-8 (an editor saved it as UTF-16).
    Encoding {
        path: PathBuf,
        encoding: &'static str,
    },
}

impl LoadError {
    pub fn message(&self, lang: Lang) -> String {
        let text = match self {
            LoadError::Io { path, error } => lang.fill(
                Msg::ErrLoadIo,
                &[("path", &path.display().to_string()), ("error", &error.to_string())],
            ),
            LoadError::Parse {
                path,
                line,
                column,
                message,
            } => lang.fill(
                Msg::ErrLoadParse,
                &[
                    ("path", &path.display().to_string()),
                    ("line", &line.to_string()),
                    ("column", &column.to_string()),
                    ("error", message),
                ],
            ),
            LoadError::Newer { path, found } => lang.fill(
                Msg::ErrLoadNewer,
                &[
                    ("path", &path.display().to_string()),
                    ("found", &found.to_string()),
                    ("supported", &SCHEMA_VERSION.to_string()),
                ],
            ),
            LoadError::Encoding { path, encoding } => lang.fill(
                Msg::ErrLoadEncoding,
                &[("path", &path.display().to_string()), ("encoding", encoding)],
            ),
            LoadError::Invalid { path, problems } => {
                let shown: Vec<&str> = problems.iter().take(5).map(String::as_str).collect();
                lang.fill(
                    Msg::ErrLoadInvalid,
                    &[("path", &path.display().to_string()), ("error", &shown.join("; "))],
                )
            }
        };
        let backups = match self {
            LoadError::Newer { .. } => String::new(),
            _ => format!("\n{}", lang.tr(Msg::ErrLoadTryBackups)),
        };
        format!("{text}\n{}{backups}", lang.tr(Msg::ErrLoadUntouched))
    }
}

#[derive(Deserialize)]
struct VersionProbe {
    schema_version: Option<serde_json::Value>,
}

/// Loads the backlog at `path`; `Ok(None)` when there is no file yet.
pub fn load(path: &Path) -> Result<Option<Backlog>, LoadError> {
    Ok(load_file(path)?.map(|loaded| loaded.backlog))
}

/// A backlog as read from disk, and the older schema version it was migrated from, if any.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    pub backlog: Backlog,
    pub migrated_from: Option<u64>,
}

/// Like [`load`], also telling whether the file had an older schema and was migrated in memory
/// (the caller keeps a backup of the original before writing over it).
pub fn load_file(path: &Path) -> Result<Option<Loaded>, LoadError> {
    Ok(read(path, false)?.map(|(loaded, _)| loaded))
}

/// Reads the file at `path` (`None` when there is none), and with `with_digest` also its
/// digest. Read in pieces and parsed on two threads ([`pieces`]); a file that way does not take
/// is read whole and parsed here.
pub(super) fn read(path: &Path, with_digest: bool) -> Result<Option<(Loaded, Option<Digest>)>, LoadError> {
    let io_error = |error| LoadError::Io {
        path: path.to_path_buf(),
        error,
    };
    match pieces::read(path, with_digest).map_err(io_error)? {
        Outcome::Missing => return Ok(None),
        Outcome::Read(backlog, digest) => return checked(path, *backlog, None).map(|loaded| Some((loaded, digest))),
        Outcome::Careful => {}
    }
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(error) => return Err(io_error(error)),
    };
    let digest = with_digest.then(|| Digest::of(&bytes));
    parse_file(path, &bytes).map(|loaded| Some((loaded, digest)))
}

/// Parses file contents; `path` is only used in messages.
pub fn parse(path: &Path, bytes: &[u8]) -> Result<Backlog, LoadError> {
    parse_file(path, bytes).map(|loaded| loaded.backlog)
}

/// The encoding of a file that is not UTF-8 but starts like UTF-16 (a byte-order mark, or the
/// zero byte beside `{` that UTF-16 puts there).
fn utf16(bytes: &[u8]) -> Option<&'static str> {
    match bytes {
        [0xFF, 0xFE, ..] | [b'{', 0, ..] => Some("UTF-16 LE"),
        [0xFE, 0xFF, ..] | [0, b'{', ..] => Some("UTF-16 BE"),
        _ => None,
    }
}

/// Parses file contents, migrating an older schema in memory. A UTF-8 byte-order mark (which
/// some Windows editors add) is skipped; the next save writes the file without it.
pub fn parse_file(path: &Path, bytes: &[u8]) -> Result<Loaded, LoadError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Some(encoding) = utf16(bytes) {
        return Err(LoadError::Encoding {
            path: path.to_path_buf(),
            encoding,
        });
    }
    // Nearly every file is of the current version: one pass. Anything else (older, newer,
    // broken) takes the careful way below, which looks at the version first.
    if let Ok(backlog) = serde_json::from_slice::<Backlog>(bytes)
        && backlog.schema_version == SCHEMA_VERSION
    {
        return checked(path, backlog, None);
    }
    let parse_error = |e: serde_json::Error| LoadError::Parse {
        path: path.to_path_buf(),
        line: e.line(),
        column: e.column(),
        message: strip_position(&e.to_string()),
    };
    // The version is checked first, so a newer file is refused as newer rather than as broken.
    let probe: VersionProbe = serde_json::from_slice(bytes).map_err(|e| {
        if e.is_data() {
            // The top level is valid JSON but not an object: say so rather than name our types.
            LoadError::Parse {
                path: path.to_path_buf(),
                line: e.line(),
                column: e.column(),
                message: "expected a JSON object with \"schema_version\": this is not a tiltak backlog".to_string(),
            }
        } else {
            parse_error(e)
        }
    })?;
    let migrated_from = match probe.schema_version.as_ref().and_then(serde_json::Value::as_u64) {
        Some(found) if found > u64::from(SCHEMA_VERSION) => {
            return Err(LoadError::Newer {
                path: path.to_path_buf(),
                found,
            });
        }
        Some(found) if found < u64::from(SCHEMA_VERSION) => Some(found),
        Some(_) => None,
        None => {
            return Err(LoadError::Parse {
                path: path.to_path_buf(),
                line: 1,
                column: 1,
                message: "no \"schema_version\" number: this is not a tiltak backlog".to_string(),
            });
        }
    };
    let backlog: Backlog = match migrated_from {
        None => serde_json::from_slice(bytes).map_err(parse_error)?,
        Some(_) => {
            let old: serde_json::Value = serde_json::from_slice(bytes).map_err(parse_error)?;
            serde_json::from_value(migrate::to_current(old)).map_err(|e| LoadError::Parse {
                path: path.to_path_buf(),
                line: 0,
                column: 0,
                message: e.to_string(),
            })?
        }
    };
    checked(path, backlog, migrated_from)
}

/// The backlog in id order, refused when its links are inconsistent.
fn checked(path: &Path, mut backlog: Backlog, migrated_from: Option<u64>) -> Result<Loaded, LoadError> {
    backlog.sectors.sort_by_key(|x| x.id);
    backlog.owners.sort_by_key(|x| x.id);
    backlog.priorities.sort_by_key(|x| x.id);
    backlog.measures.sort_by_key(|x| x.id);
    backlog.meetings.sort_by_key(|x| x.id);
    backlog.glossary.sort_by_key(|x| x.id);
    let problems = backlog.invariant_violations();
    if !problems.is_empty() {
        return Err(LoadError::Invalid {
            path: path.to_path_buf(),
            problems,
        });
    }
    Ok(Loaded { backlog, migrated_from })
}

/// serde_json appends " at line X column Y"; the message shows those separately.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(index) => message[..index].to_string(),
        None => message.to_string(),
    }
}
