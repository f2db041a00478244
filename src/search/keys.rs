//! Search keys prepared once per measure (on the first search, and after each change), so a
//! keystroke only compares folded text and never lowercases anything. Every measure's folded
//! title, facets and description sit one after another in one buffer: a search walks memory
//! in order instead of chasing three allocations per measure, which is what a long list's
//! keystroke costs.

use std::collections::HashSet;

use super::fold::fold_into;
use super::query::{Fields, Joined, record_id};
use crate::domain::patch::{Key, Patch};
use crate::domain::{Backlog, Measure, MeasureId};

/// Between the facets of a measure; a query word never contains it after splitting on spaces.
pub const FACET_SEPARATOR: &str = " | ";

/// Where one measure's keys are in [`SearchKeys::text`]: title, facets (owner, tags, sectors,
/// priorities, case number) and description, back to back.
#[derive(Debug, Clone, Copy)]
struct Span {
    id: MeasureId,
    start: usize,
    title_end: usize,
    facets_end: usize,
    end: usize,
}

/// The keys of every measure, in the same order as `backlog.measures`.
#[derive(Debug, Clone, Default)]
pub struct SearchKeys {
    text: String,
    spans: Vec<Span>,
    /// Bytes of `text` that no span points at any more (keys replaced by newer ones).
    garbage: usize,
}

/// Appends `m`'s keys to `text`.
fn push_keys(text: &mut String, backlog: &Backlog, m: &Measure) -> Span {
    let start = text.len();
    fold_into(&m.title, text);
    let title_end = text.len();
    let mut add = |facet: &str| {
        if text.len() > title_end {
            text.push_str(FACET_SEPARATOR);
        }
        fold_into(facet, text);
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
    let facets_end = text.len();
    fold_into(&m.description, text);
    Span {
        id: m.id,
        start,
        title_end,
        facets_end,
        end: text.len(),
    }
}

impl SearchKeys {
    pub fn build(backlog: &Backlog) -> SearchKeys {
        let size: usize = backlog
            .measures
            .iter()
            .map(|m| m.title.len() + m.description.len() + 64)
            .sum();
        let mut text = String::with_capacity(size);
        let spans = backlog
            .measures
            .iter()
            .map(|m| push_keys(&mut text, backlog, m))
            .collect();
        SearchKeys {
            text,
            spans,
            garbage: 0,
        }
    }

    /// The keys of the measure at `index` in `backlog.measures`.
    pub fn get(&self, index: usize) -> Option<Fields<'_>> {
        let span = self.spans.get(index)?;
        Some(Fields {
            id: Some(record_id(span.id)),
            title: self.text.get(span.start..span.title_end)?,
            facets: self.text.get(span.title_end..span.facets_end)?,
            description: self.text.get(span.facets_end..span.end)?,
        })
    }

    /// The keys of the measure at `index`, back to back as they lie in memory.
    pub fn joined(&self, index: usize) -> Option<Joined<'_>> {
        let span = self.spans.get(index)?;
        Some(Joined {
            id: Some(record_id(span.id)),
            text: self.text.get(span.start..span.end)?,
            title_end: span.title_end - span.start,
            facets_end: span.facets_end - span.start,
        })
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
        if !self.update_in_place(backlog, &stale) {
            self.update_walking(backlog, &stale);
        }
        if self.garbage > self.text.len() / 2 {
            *self = SearchKeys::build(backlog);
        }
    }

    /// The common case of an edit to a few measures that are all still there, in their places:
    /// only their keys are prepared again (a status step at 100k measures touches one span,
    /// not 100k). False, having changed nothing, when measures came or went.
    fn update_in_place(&mut self, backlog: &Backlog, stale: &HashSet<MeasureId>) -> bool {
        if self.spans.len() != backlog.measures.len() {
            return false;
        }
        let mut places = Vec::with_capacity(stale.len());
        for id in stale {
            match backlog.measures.binary_search_by_key(id, |m| m.id) {
                Ok(index) if self.spans[index].id == *id => places.push(index),
                _ => return false,
            }
        }
        for index in places {
            let old = self.spans[index];
            self.garbage += old.end - old.start;
            self.spans[index] = push_keys(&mut self.text, backlog, &backlog.measures[index]);
        }
        true
    }

    /// Any change: both lists are sorted by id; walk them together, keeping what is still
    /// fresh. New keys go at the end of the buffer; what they replace stays there as garbage
    /// until it is half the buffer, then everything is prepared afresh.
    fn update_walking(&mut self, backlog: &Backlog, stale: &HashSet<MeasureId>) {
        let mut old = std::mem::take(&mut self.spans).into_iter().peekable();
        let mut fresh = Vec::with_capacity(backlog.measures.len());
        for m in &backlog.measures {
            while old.next_if(|k| k.id < m.id).is_some() {}
            match old.next_if(|k| k.id == m.id) {
                Some(span) if !stale.contains(&m.id) => fresh.push(span),
                _ => fresh.push(push_keys(&mut self.text, backlog, m)),
            }
        }
        self.spans = fresh;
        let live: usize = self.spans.iter().map(|s| s.end - s.start).sum();
        self.garbage = self.text.len() - live;
    }
}

/// Equal when every measure has the same keys, wherever in the buffer they are.
impl PartialEq for SearchKeys {
    fn eq(&self, other: &SearchKeys) -> bool {
        self.spans.len() == other.spans.len()
            && (0..self.spans.len()).all(|i| {
                let (a, b) = (self.get(i), other.get(i));
                self.spans[i].id == other.spans[i].id
                    && a.map(|f| (f.title, f.facets, f.description)) == b.map(|f| (f.title, f.facets, f.description))
            })
    }
}

impl Eq for SearchKeys {}

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
        assert_eq!(keys.get(0).unwrap().title, "ostre baerum");
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

    #[test]
    fn edits_over_and_over_keep_the_keys_right_and_the_buffer_bounded() {
        let mut b = Backlog::new("t", &[]);
        let now = "2026-11-29T12:00:00Z".parse().unwrap();
        for n in 0..20 {
            b.add_measure(MeasureDraft::titled(&format!("Tiltak {n}")), now)
                .unwrap();
        }
        let mut keys = SearchKeys::build(&b);
        let id = b.measures[3].id;
        for n in 0..200 {
            let mut draft = MeasureDraft::from_measure(b.measure(id).unwrap());
            draft.description = format!("Beskrivelse nummer {n} med litt mer tekst");
            let edit = b.update_measure(id, draft, now).unwrap().unwrap();
            keys.update(&b, &edit.redo);
            assert_eq!(keys, SearchKeys::build(&b));
        }
        let fresh = SearchKeys::build(&b);
        assert!(
            keys.text.len() <= 2 * fresh.text.len(),
            "{} vs {}",
            keys.text.len(),
            fresh.text.len()
        );
    }
}
