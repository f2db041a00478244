//! What changed between two versions of the backlog, per measure: the words of a sync's commit
//! message and the counts it reports.

use std::sync::Arc;

use serde_json::Value;

use crate::domain::{Measure, MeasureId, Status};

#[derive(Debug, Clone, PartialEq)]
pub enum MeasureChange {
    Added {
        id: MeasureId,
        title: String,
    },
    Deleted {
        id: MeasureId,
        title: String,
    },
    /// The fields that changed (as stored, e.g. `owner`, `due`), and the status step if any.
    Edited {
        id: MeasureId,
        fields: Vec<String>,
        status: Option<(Status, Status)>,
    },
}

/// The measures that differ between `before` and `after` (each sorted by id), in id order.
pub fn measure_changes(before: &[Arc<Measure>], after: &[Arc<Measure>]) -> Vec<MeasureChange> {
    let mut changes = Vec::new();
    let (mut old, mut new) = (before.iter().peekable(), after.iter().peekable());
    loop {
        match (old.peek(), new.peek()) {
            (Some(a), Some(b)) if a.id == b.id => {
                if a != b {
                    changes.push(edited(a, b));
                }
                old.next();
                new.next();
            }
            (Some(a), b) if b.is_none_or(|b| a.id < b.id) => {
                changes.push(MeasureChange::Deleted {
                    id: a.id,
                    title: a.title.clone(),
                });
                old.next();
            }
            (_, Some(b)) => {
                changes.push(MeasureChange::Added {
                    id: b.id,
                    title: b.title.clone(),
                });
                new.next();
            }
            _ => break,
        }
    }
    changes
}

/// The changed fields, leaving out the bookkeeping (`updated`, and the `log` that a status step
/// writes) unless nothing else changed.
fn edited(a: &Measure, b: &Measure) -> MeasureChange {
    let fields_of = |m: &Measure| match serde_json::to_value(m) {
        Ok(Value::Object(map)) => map,
        _ => serde_json::Map::new(),
    };
    let (a_fields, b_fields) = (fields_of(a), fields_of(b));
    let mut names: Vec<String> = a_fields
        .keys()
        .chain(b_fields.keys())
        .filter(|k| a_fields.get(*k) != b_fields.get(*k))
        .cloned()
        .collect();
    names.sort();
    names.dedup();
    let bookkeeping = |n: &String| n == "updated" || n == "log";
    if names.iter().any(|n| !bookkeeping(n)) {
        names.retain(|n| !bookkeeping(n));
    } else {
        names.retain(|n| n == "log");
    }
    let status = (a.status != b.status).then_some((a.status, b.status));
    names.retain(|n| n != "status");
    MeasureChange::Edited {
        id: b.id,
        fields: names,
        status,
    }
}
