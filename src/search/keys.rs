//! Search keys prepared once per measure (when the backlog is loaded and after each change),
//! so a keystroke only compares folded text and never lowercases anything.

use std::collections::HashSet;

use super::fold::{Folded, fold, fold_mapped};
use super::query::{Fields, record_id};
use crate::domain::patch::{Key, Patch};
use crate::domain::{Backlog, Measure, MeasureId};

/// Between the facets of a measure; a query word never contains it after splitting on spaces.
pub const FACET_SEPARATOR: &str = " | ";

/// Everything `/` searches in one measure, folded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeasureKeys {
    pub id: MeasureId,
    /// The title, with the way back to the original chars for highlighting.
    pub title: Folded,
    /// Owner name, tags, sector names, priority titles and the case number.
    pub facets: String,
    pub description: String,
}

impl MeasureKeys {
    pub fn of(backlog: &Backlog, m: &Measure) -> MeasureKeys {
        let mut facets = String::new();
        let mut add = |text: &str| {
            if !facets.is_empty() {
                facets.push_str(FACET_SEPARATOR);
            }
            facets.push_str(&fold(text));
        };
        if let Some(owner) = m.owner.and_then(|o| backlog.owner(o)) {
            add(&owner.name);
        }
        for tag in &m.tags {
            add(tag);
        }
        for sector in m.sectors.iter().filter_map(|s| backlog.sector(*s)) {
            add(&sector.name);
        }
        for priority in m.priorities.iter().filter_map(|p| backlog.priority(*p)) {
            add(&priority.title);
        }
        if let Some(case) = &m.political.case_number {
            add(case);
        }
        MeasureKeys {
            id: m.id,
            title: fold_mapped(&m.title),
            facets,
            description: fold(&m.description),
        }
    }
}

impl MeasureKeys {
    /// The fields a query is matched against, in order of place.
    pub fn fields(&self) -> Fields<'_> {
        Fields {
            id: Some(record_id(self.id)),
            title: &self.title.text,
            facets: &self.facets,
            description: &self.description,
        }
    }
}

/// One [`MeasureKeys`] per measure, in the same order as `backlog.measures`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchKeys {
    measures: Vec<MeasureKeys>,
}

impl SearchKeys {
    pub fn build(backlog: &Backlog) -> SearchKeys {
        SearchKeys {
            measures: backlog.measures.iter().map(|m| MeasureKeys::of(backlog, m)).collect(),
        }
    }

    /// The keys of the measure at `index` in `backlog.measures`.
    pub fn get(&self, index: usize) -> Option<&MeasureKeys> {
        self.measures.get(index)
    }

    /// Brings the keys up to date after `patch` was applied: measures it touched, and the
    /// measures of an owner, sector or priority it renamed, are prepared again; all others keep
    /// their keys.
    pub fn update(&mut self, backlog: &Backlog, patch: &Patch) {
        let mut stale: HashSet<MeasureId> = HashSet::new();
        for change in &patch.0 {
            match change.key {
                Key::Measure(id) => {
                    stale.insert(id);
                }
                Key::Owner(owner) => {
                    stale.extend(backlog.measures.iter().filter(|m| m.owner == Some(owner)).map(|m| m.id))
                }
                Key::Sector(sector) => stale.extend(
                    backlog
                        .measures
                        .iter()
                        .filter(|m| m.sectors.contains(&sector))
                        .map(|m| m.id),
                ),
                Key::Priority(priority) => stale.extend(
                    backlog
                        .measures
                        .iter()
                        .filter(|m| m.priorities.contains(&priority))
                        .map(|m| m.id),
                ),
                _ => {}
            }
        }
        // Both lists are sorted by id: walk them together, keeping what is still fresh.
        let mut old = std::mem::take(&mut self.measures).into_iter().peekable();
        let mut fresh = Vec::with_capacity(backlog.measures.len());
        for m in &backlog.measures {
            while old.next_if(|k| k.id < m.id).is_some() {}
            match old.next_if(|k| k.id == m.id) {
                Some(keys) if !stale.contains(&m.id) => fresh.push(keys),
                _ => fresh.push(MeasureKeys::of(backlog, m)),
            }
        }
        self.measures = fresh;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{MeasureDraft, OwnerDraft};

    #[test]
    fn keys_follow_edits_renames_deletes_and_undo() {
        let mut b = Backlog::new("t", &["Oppvekst skole"]);
        let (owner, _) = b
            .add_owner(OwnerDraft {
                name: "Åse Ødegård".into(),
                role: String::new(),
                sector: None,
            })
            .unwrap();
        let now = "2026-11-29T12:00:00Z".parse().unwrap();
        let mut draft = MeasureDraft::titled("Østre Bærum");
        draft.owner = Some(owner);
        b.add_measure(draft, now).unwrap();
        b.add_measure(MeasureDraft::titled("Annet"), now).unwrap();
        let mut keys = SearchKeys::build(&b);
        assert_eq!(keys.get(0).unwrap().title.text, "ostre baerum");
        assert_eq!(keys.get(0).unwrap().facets, "ase odegard");

        let rename = b
            .update_owner(
                owner,
                OwnerDraft {
                    name: "Åse Berg".into(),
                    role: String::new(),
                    sector: None,
                },
            )
            .unwrap()
            .unwrap();
        keys.update(&b, &rename.redo);
        assert_eq!(
            keys.get(0).unwrap().facets,
            "ase berg",
            "an owner rename reaches the owner's measures"
        );

        let first = b.measures[0].id;
        let delete = b.delete_measures(&[first]).unwrap();
        keys.update(&b, &delete.redo);
        assert_eq!(keys, SearchKeys::build(&b));
        b.apply(&delete.undo);
        keys.update(&b, &delete.undo);
        assert_eq!(keys, SearchKeys::build(&b));
    }
}
