//! Every change to a backlog is a [`Patch`]: a list of records to put or remove. Applying a
//! patch returns its inverse, which is what undo replays; redo replays the patch itself.

use super::id::{MeasureId, MeetingId, OwnerId, PriorityId, SectorId};
use super::model::{Backlog, Measure, Meeting, Owner, Priority, Sector, Settings};
use super::saved_view::SavedView;

#[derive(Debug, Clone, PartialEq)]
pub enum Record {
    Sector(Sector),
    Owner(Owner),
    Priority(Priority),
    Measure(Box<Measure>),
    Meeting(Meeting),
    /// The whole list of saved views: they are few and edited as one.
    Views(Vec<SavedView>),
    /// The backlog's name and settings, edited as one.
    Settings(Box<(String, Settings)>),
    // issue 16: glossary
    Term(super::glossary::Term),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Sector(SectorId),
    Owner(OwnerId),
    Priority(PriorityId),
    Measure(MeasureId),
    Meeting(MeetingId),
    Views,
    Settings,
    // issue 16: glossary
    Term(super::id::TermId),
}

/// Put `after` under `key`, or remove the record when `after` is `None`.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub key: Key,
    pub after: Option<Record>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Patch(pub Vec<Change>);

/// One undoable step: what to replay to go back, and what to replay to go forward again.
#[derive(Debug, Clone, PartialEq)]
pub struct Edit {
    pub undo: Patch,
    pub redo: Patch,
}

impl Record {
    pub fn key(&self) -> Key {
        match self {
            Record::Sector(x) => Key::Sector(x.id),
            Record::Owner(x) => Key::Owner(x.id),
            Record::Priority(x) => Key::Priority(x.id),
            Record::Measure(x) => Key::Measure(x.id),
            Record::Meeting(x) => Key::Meeting(x.id),
            Record::Views(_) => Key::Views,
            Record::Settings(_) => Key::Settings,
            Record::Term(x) => Key::Term(x.id),
        }
    }
}

impl Patch {
    /// The records this patch puts or removes.
    pub fn keys(&self) -> impl Iterator<Item = Key> + '_ {
        self.0.iter().map(|change| change.key)
    }

    pub fn put_measure(&mut self, measure: Measure) {
        self.0.push(Change {
            key: Key::Measure(measure.id),
            after: Some(Record::Measure(Box::new(measure))),
        });
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Inserts, replaces or removes the record with `id` in a vector kept sorted by id, and
/// returns what was there before.
fn put_sorted<T, I: Ord + Copy>(items: &mut Vec<T>, id: I, id_of: impl Fn(&T) -> I, after: Option<T>) -> Option<T> {
    match (items.binary_search_by_key(&id, &id_of), after) {
        (Ok(index), Some(record)) => Some(std::mem::replace(&mut items[index], record)),
        (Ok(index), None) => Some(items.remove(index)),
        (Err(index), Some(record)) => {
            items.insert(index, record);
            None
        }
        (Err(_), None) => None,
    }
}

impl Backlog {
    /// Applies `patch` and returns the patch that reverses it.
    pub fn apply(&mut self, patch: &Patch) -> Patch {
        let mut inverse = Vec::with_capacity(patch.0.len());
        for change in &patch.0 {
            let before = self.put(change.key, change.after.clone());
            inverse.push(Change {
                key: change.key,
                after: before,
            });
        }
        inverse.reverse();
        Patch(inverse)
    }

    /// Applies a patch built by a domain operation and returns the matching undo step.
    pub(crate) fn commit(&mut self, patch: Patch) -> Edit {
        let undo = self.apply(&patch);
        Edit { undo, redo: patch }
    }

    /// The record under `key`, if there is one.
    pub fn record(&self, key: Key) -> Option<Record> {
        match key {
            Key::Sector(id) => self.sector(id).cloned().map(Record::Sector),
            Key::Owner(id) => self.owner(id).cloned().map(Record::Owner),
            Key::Priority(id) => self.priority(id).cloned().map(Record::Priority),
            Key::Measure(id) => self.measure(id).cloned().map(|m| Record::Measure(Box::new(m))),
            Key::Meeting(id) => self.meeting(id).cloned().map(Record::Meeting),
            Key::Views => Some(Record::Views(self.views.clone())),
            Key::Settings => Some(Record::Settings(Box::new((self.name.clone(), self.settings.clone())))),
            Key::Term(id) => self.term(id).cloned().map(Record::Term),
        }
    }

    fn put(&mut self, key: Key, after: Option<Record>) -> Option<Record> {
        match key {
            Key::Sector(id) => {
                let after = after.and_then(|r| if let Record::Sector(x) = r { Some(x) } else { None });
                put_sorted(&mut self.sectors, id, |x| x.id, after).map(Record::Sector)
            }
            Key::Owner(id) => {
                let after = after.and_then(|r| if let Record::Owner(x) = r { Some(x) } else { None });
                put_sorted(&mut self.owners, id, |x| x.id, after).map(Record::Owner)
            }
            Key::Priority(id) => {
                let after = after.and_then(|r| if let Record::Priority(x) = r { Some(x) } else { None });
                put_sorted(&mut self.priorities, id, |x| x.id, after).map(Record::Priority)
            }
            Key::Measure(id) => {
                let after = after.and_then(|r| if let Record::Measure(x) = r { Some(*x) } else { None });
                self.measures.put(id, after).map(|m| Record::Measure(Box::new(m)))
            }
            Key::Meeting(id) => {
                let after = after.and_then(|r| if let Record::Meeting(x) = r { Some(x) } else { None });
                put_sorted(&mut self.meetings, id, |x| x.id, after).map(Record::Meeting)
            }
            Key::Views => {
                let after = after.and_then(|r| if let Record::Views(x) = r { Some(x) } else { None });
                Some(Record::Views(std::mem::replace(
                    &mut self.views,
                    after.unwrap_or_default(),
                )))
            }
            Key::Settings => {
                let before = Record::Settings(Box::new((self.name.clone(), self.settings.clone())));
                // Settings are never removed: a change without a record leaves them as they are.
                if let Some(Record::Settings(after)) = after {
                    (self.name, self.settings) = *after;
                }
                Some(before)
            }
            Key::Term(id) => {
                let after = after.and_then(|r| if let Record::Term(x) = r { Some(x) } else { None });
                put_sorted(&mut self.glossary, id, |x| x.id, after).map(Record::Term)
            }
        }
    }
}
