//! Conflicts the merge driver resolved (ours kept), remembered beside the data file until the
//! app opens it and shows them in its conflict overlay, where the user can still take theirs.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::domain::Id;
use crate::domain::merge::Conflict;
use crate::domain::patch::Key;

use super::merge_file::Sides;

#[derive(Serialize, Deserialize)]
struct Stored {
    record: String,
    id: u32,
    field: String,
    ours: Value,
    theirs: Value,
    // issue 11: who made each side's value
    #[serde(default)]
    sides: Sides,
}

/// `.<file name>.conflicts.json` beside the data file; never shared (see `.gitignore`).
pub fn file(data: &Path) -> PathBuf {
    let name = data
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    data.with_file_name(format!(".{name}.conflicts.json"))
}

fn to_stored(conflict: &Conflict, sides: &Sides) -> Option<Stored> {
    let (record, id) = match conflict.key {
        Key::Sector(id) => ("sector", id.0),
        Key::Owner(id) => ("owner", id.0),
        Key::Priority(id) => ("priority", id.0),
        Key::Measure(id) => ("measure", id.0),
        Key::Meeting(id) => ("meeting", id.0),
        Key::Settings => ("settings", 0),
        Key::Term(id) => ("term", id.0),
        Key::Views => return None,
    };
    Some(Stored {
        record: record.to_string(),
        id,
        field: conflict.field.clone(),
        ours: conflict.ours.clone(),
        theirs: conflict.theirs.clone(),
        sides: sides.clone(),
    })
}

fn from_stored(stored: Stored) -> Option<(Conflict, Sides)> {
    let key = match stored.record.as_str() {
        "sector" => Key::Sector(Id(stored.id)),
        "owner" => Key::Owner(Id(stored.id)),
        "priority" => Key::Priority(Id(stored.id)),
        "measure" => Key::Measure(Id(stored.id)),
        "meeting" => Key::Meeting(Id(stored.id)),
        "settings" => Key::Settings,
        "term" => Key::Term(Id(stored.id)),
        _ => return None,
    };
    let conflict = Conflict {
        key,
        field: stored.field,
        ours: stored.ours,
        theirs: stored.theirs,
    };
    Some((conflict, stored.sides))
}

fn read(path: &Path) -> Vec<Stored> {
    std::fs::read(path)
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_default()
}

/// Adds `conflicts`, made by `sides`, to those already remembered for `data`.
pub fn remember(data: &Path, conflicts: &[Conflict], sides: &Sides) -> std::io::Result<()> {
    if conflicts.is_empty() {
        return Ok(());
    }
    let path = file(data);
    let mut stored = read(&path);
    stored.extend(conflicts.iter().filter_map(|c| to_stored(c, sides)));
    crate::store::save::write_atomically(&path, &serde_json::to_vec_pretty(&stored)?)
}

/// The remembered conflicts with who made each side, forgotten once read (the overlay shows
/// them once).
pub fn take(data: &Path) -> Vec<(Conflict, Sides)> {
    let path = file(data);
    let stored = read(&path);
    let _ = std::fs::remove_file(&path);
    stored.into_iter().filter_map(from_stored).collect()
}
