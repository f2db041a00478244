//! Older schema versions, brought up to the current one in memory, one version at a time.
//! The file on disk is only replaced by a save, and a backup of it is taken first.
//!
//! Version 0 (the pre-release format) had no `next_ids`: the next free number of each kind is
//! one past the highest id in the file.

use serde_json::{Map, Value};

use crate::domain::SCHEMA_VERSION;

/// Migrates a parsed older file step by step to [`SCHEMA_VERSION`].
pub fn to_current(mut file: Value) -> Value {
    let Some(object) = file.as_object_mut() else {
        return file;
    };
    let mut version = object.get("schema_version").and_then(Value::as_u64).unwrap_or(0);
    while version < u64::from(SCHEMA_VERSION) {
        if version == 0 {
            v0_to_v1(object);
        }
        version += 1;
        object.insert("schema_version".into(), Value::from(version));
    }
    file
}

fn v0_to_v1(file: &mut Map<String, Value>) {
    if file.contains_key("next_ids") {
        return;
    }
    let next = |collection: &str| -> u64 {
        file.get(collection)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|record| record.get("id"))
            .filter_map(|id| {
                id.as_u64()
                    .or_else(|| id.as_str()?.rsplit('-').next()?.trim().parse().ok())
            })
            .max()
            .map_or(1, |max| max + 1)
    };
    let mut ids = Map::new();
    for (key, collection) in [
        ("measure", "measures"),
        ("owner", "owners"),
        ("priority", "priorities"),
        ("sector", "sectors"),
        ("meeting", "meetings"),
        // issue 16: glossary (a version 0 file had none; the counter is written only when used)
        ("term", "glossary"),
    ] {
        ids.insert(key.into(), Value::from(next(collection)));
    }
    file.insert("next_ids".into(), Value::Object(ids));
}
