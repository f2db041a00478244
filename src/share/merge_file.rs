//! The git merge driver: three versions of the backlog file in, one merged backlog out, merged
//! per record and per field by [`crate::domain::merge`]. It never writes conflict markers: the
//! result is always a backlog that loads, or nothing is written at all.

use std::path::{Path, PathBuf};

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::domain::merge::{Conflict, MergeReport, Note, merge};
use crate::domain::patch::Key;
use crate::domain::{Backlog, LogEntry, MeasureId};
use crate::store::{self, LoadError};

/// Where sync tells the driver who made our side's changes, and theirs.
pub const OURS_ENV: &str = "TILTAK_MERGE_OURS";
pub const THEIRS_ENV: &str = "TILTAK_MERGE_THEIRS";
/// The language of the member who syncs, for the notes the driver writes into the log.
pub const LANG_ENV: &str = "TILTAK_MERGE_LANG";

/// Who made each side's changes (names joined by ", "); empty where nobody said.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sides {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub ours: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub theirs: String,
}

impl Sides {
    /// What sync said ([`OURS_ENV`], [`THEIRS_ENV`]). After a `git pull` by hand nobody did:
    /// then ours is `this_member` and theirs stays unknown.
    pub fn from_env(this_member: impl FnOnce() -> String) -> Sides {
        let said = |var: &str| std::env::var(var).ok().filter(|v| !v.trim().is_empty());
        Sides {
            ours: said(OURS_ENV).unwrap_or_else(this_member),
            theirs: said(THEIRS_ENV).unwrap_or_default(),
        }
    }

    pub fn both_known(&self) -> bool {
        !self.ours.is_empty() && !self.theirs.is_empty()
    }
}

/// Which of git's three files a problem is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Base,
    Ours,
    Theirs,
}

#[derive(Debug)]
pub enum MergeFileError {
    /// A side is not a backlog: git must stop rather than share a guess.
    Unreadable(Side, LoadError),
    /// The merged backlog could not be written to `path`.
    Write(PathBuf, std::io::Error),
}

/// How the merge words what it writes into a measure's log.
pub struct Wording<'a> {
    /// The other side's value of a field both sides changed.
    pub conflict: &'a dyn Fn(&Conflict) -> String,
    /// A measure added on both sides under the same id, ours moved to the new id.
    pub renumbered: &'a dyn Fn(MeasureId, MeasureId) -> String,
}

/// Merges the files at `base`, `ours` and `theirs` (git's `%O %A %B`) and writes the result over
/// `ours`. An empty base (the file was added on both sides) counts as a backlog without records.
pub fn merge_files(
    base: &Path,
    ours: &Path,
    theirs: &Path,
    now: Timestamp,
    wording: &Wording,
    sides: &Sides,
) -> Result<MergeReport, MergeFileError> {
    let ours_backlog = read(ours, Side::Ours)?;
    let theirs_backlog = read(theirs, Side::Theirs)?;
    let base_backlog = match std::fs::read(base) {
        Ok(bytes) if bytes.iter().all(u8::is_ascii_whitespace) => without_records(&ours_backlog),
        Ok(bytes) => store::load::parse(base, &bytes).map_err(|e| MergeFileError::Unreadable(Side::Base, e))?,
        Err(error) => {
            return Err(MergeFileError::Unreadable(
                Side::Base,
                LoadError::Io {
                    path: base.to_path_buf(),
                    error,
                },
            ));
        }
    };
    let (mut merged, report) = merge(&base_backlog, &ours_backlog, &theirs_backlog, now, wording.conflict);
    sign_conflict_notes(&mut merged, &report, now, wording, &sides.theirs);
    log_renumbering(&mut merged, &report, now, wording, &sides.ours);
    let bytes = store::save::to_json(&merged).map_err(|e| MergeFileError::Write(ours.to_path_buf(), e))?;
    std::fs::write(ours, bytes).map_err(|e| MergeFileError::Write(ours.to_path_buf(), e))?;
    Ok(report)
}

fn read(path: &Path, side: Side) -> Result<Backlog, MergeFileError> {
    match store::load::load(path) {
        Ok(Some(backlog)) => Ok(backlog),
        Ok(None) => Err(MergeFileError::Unreadable(
            side,
            LoadError::Io {
                path: path.to_path_buf(),
                error: std::io::ErrorKind::NotFound.into(),
            },
        )),
        Err(error) => Err(MergeFileError::Unreadable(side, error)),
    }
}

fn without_records(backlog: &Backlog) -> Backlog {
    Backlog {
        sectors: Vec::new(),
        owners: Vec::new(),
        priorities: Vec::new(),
        measures: Default::default(),
        meetings: Vec::new(),
        views: Vec::new(),
        glossary: Vec::new(),
        ..backlog.clone()
    }
}

/// A renumbered measure says in its log which number it had, so nobody looks for it in vain.
fn log_renumbering(merged: &mut Backlog, report: &MergeReport, now: Timestamp, wording: &Wording, ours: &str) {
    for note in &report.notes {
        if let Note::Renumbered {
            from: Key::Measure(from),
            to: Key::Measure(to),
        } = note
            && let Ok(index) = merged.measures.binary_search_by_key(to, |m| m.id)
        {
            merged.measures[index].log.push(LogEntry {
                author: ours.to_string(),
                ..LogEntry::note(now, (wording.renumbered)(*from, *to))
            });
        }
    }
}

/// The note that keeps the other side's value is signed by who made that value.
fn sign_conflict_notes(merged: &mut Backlog, report: &MergeReport, now: Timestamp, wording: &Wording, theirs: &str) {
    for conflict in &report.conflicts {
        let Key::Measure(id) = conflict.key else { continue };
        let Ok(index) = merged.measures.binary_search_by_key(&id, |m| m.id) else {
            continue;
        };
        let text = (wording.conflict)(conflict);
        let note = merged.measures[index]
            .log
            .iter_mut()
            .rev()
            .find(|e| e.at == now && e.author.is_empty() && e.text == text);
        if let Some(note) = note {
            note.author = theirs.to_string();
        }
    }
}
