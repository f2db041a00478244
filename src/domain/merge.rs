//! Three-way merge of the app's backlog with a file someone else changed: `base` is the version
//! the app last loaded or saved, `ours` is the app's backlog, `theirs` is the file now.
//!
//! Per record: changed on one side only takes that side (adds and deletes too); changed on both
//! sides merges field by field; the same field changed on both sides differently is a conflict
//! that keeps ours, and for a measure the other side's value goes into its log. Lists inside a
//! record (sectors, tags, the log, an agenda) merge as sets, so additions on both sides survive.
//! Fields are compared as JSON values, so every field of every record kind is handled alike.

use std::collections::{BTreeMap, BTreeSet};

use jiff::Timestamp;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::id::Id;
use super::model::{Backlog, LogEntry, NextIds};
use super::ops::DomainError;
use super::patch::{Edit, Key, Patch, Record};

/// The same field changed on both sides to different values.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    pub key: Key,
    pub field: String,
    pub ours: Value,
    pub theirs: Value,
}

/// Something the merge decided that the user should hear about.
#[derive(Debug, Clone, PartialEq)]
pub enum Note {
    /// Deleted on one side and changed on the other: the changed record was kept.
    KeptChanged { key: Key, deleted_by_us: bool },
    /// Both sides added a different record under the same id: ours moved to a fresh id.
    Renumbered { from: Key, to: Key },
    /// A link to a record deleted on the other side was removed.
    Unlinked { from: Key, to: Key },
    /// A backlog-wide field (name, settings) changed on both sides: ours was kept.
    KeptOurs { field: String, theirs: Value },
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct MergeReport {
    /// Records whose merged version differs from ours: what came in from outside.
    pub changed: Vec<Key>,
    pub conflicts: Vec<Conflict>,
    pub notes: Vec<Note>,
}

impl MergeReport {
    pub fn changed_measures(&self) -> usize {
        self.changed.iter().filter(|k| matches!(k, Key::Measure(_))).count()
    }
}

/// Merges `ours` and `theirs` against `base`. Each measure conflict adds a note (text from
/// `describe`) at `now` to the measure's log, so the other side's value is not lost.
pub fn merge(
    base: &Backlog,
    ours: &Backlog,
    theirs: &Backlog,
    now: Timestamp,
    describe: &dyn Fn(&Conflict) -> String,
) -> (Backlog, MergeReport) {
    let mut report = MergeReport::default();
    let mut ours = ours.clone();
    let mut next = max_next_ids(&ours, theirs);
    renumber_clashing_adds(base, &mut ours, theirs, &mut next, &mut report);

    let mut merged = merge_top_level(base, &ours, theirs, &mut report);
    merged.sectors = merge_records(
        &base.sectors,
        &ours.sectors,
        &theirs.sectors,
        |x| x.id,
        Key::Sector,
        &mut report,
    );
    merged.owners = merge_records(
        &base.owners,
        &ours.owners,
        &theirs.owners,
        |x| x.id,
        Key::Owner,
        &mut report,
    );
    merged.priorities = merge_records(
        &base.priorities,
        &ours.priorities,
        &theirs.priorities,
        |x| x.id,
        Key::Priority,
        &mut report,
    );
    merged.measures = merge_records(
        base.measures.as_slice(),
        ours.measures.as_slice(),
        theirs.measures.as_slice(),
        |x| x.id,
        Key::Measure,
        &mut report,
    )
    .into();
    merged.meetings = merge_records(
        &base.meetings,
        &ours.meetings,
        &theirs.meetings,
        |x| x.id,
        Key::Meeting,
        &mut report,
    );
    merged.glossary = merge_records(
        &base.glossary,
        &ours.glossary,
        &theirs.glossary,
        |x| x.id,
        Key::Term,
        &mut report,
    );
    merged.next_ids = next;
    unlink_dangling(&mut merged, &mut report);
    unlink_measures(&mut merged, &ours, &mut report.notes);
    for conflict in &report.conflicts {
        if let Key::Measure(id) = conflict.key
            && let Ok(index) = merged.measures.binary_search_by_key(&id, |m| m.id)
        {
            merged.measures[index].log.push(LogEntry::note(now, describe(conflict)));
        }
    }
    // The changed keys are what differs from ours after everything above.
    report.changed = changed_keys(&ours, &merged);
    (merged, report)
}

/// Ids are never reused: each counter is the larger of the two sides.
fn max_next_ids(a: &Backlog, b: &Backlog) -> NextIds {
    NextIds {
        measure: a.next_ids.measure.max(b.next_ids.measure),
        owner: a.next_ids.owner.max(b.next_ids.owner),
        priority: a.next_ids.priority.max(b.next_ids.priority),
        sector: a.next_ids.sector.max(b.next_ids.sector),
        meeting: a.next_ids.meeting.max(b.next_ids.meeting),
        term: a.next_ids.term.max(b.next_ids.term),
    }
}

/// Ids new on both sides with different records: ours (not yet seen by anyone else) moves to a
/// fresh id, along with every link to it.
fn renumber_clashing_adds(
    base: &Backlog,
    ours: &mut Backlog,
    theirs: &Backlog,
    next: &mut NextIds,
    report: &mut MergeReport,
) {
    /// Ours' new records whose id theirs holds for another record, or handed out since the
    /// base and deleted again: the same number must not name two records in the history.
    fn clashes<T: PartialEq, const P: char>(
        base: &[T],
        ours: &[T],
        theirs: &[T],
        id: impl Fn(&T) -> Id<P>,
        handed_out_by_theirs: std::ops::Range<u32>,
    ) -> Vec<Id<P>> {
        let in_base: BTreeSet<Id<P>> = base.iter().map(&id).collect();
        let theirs = by_id(theirs, &id);
        ours.iter()
            .filter(|o| {
                let i = id(o);
                !in_base.contains(&i)
                    && match theirs.get(&i) {
                        Some(t) => *t != *o,
                        None => handed_out_by_theirs.contains(&i.0),
                    }
            })
            .map(&id)
            .collect()
    }
    fn fresh(counter: &mut u32) -> u32 {
        let id = *counter;
        *counter += 1;
        id
    }
    for from in clashes(
        &base.sectors,
        &ours.sectors,
        &theirs.sectors,
        |x| x.id,
        base.next_ids.sector..theirs.next_ids.sector,
    ) {
        let to = Id(fresh(&mut next.sector));
        ours.renumber_sector(from, to);
        report.notes.push(Note::Renumbered {
            from: Key::Sector(from),
            to: Key::Sector(to),
        });
    }
    for from in clashes(
        &base.owners,
        &ours.owners,
        &theirs.owners,
        |x| x.id,
        base.next_ids.owner..theirs.next_ids.owner,
    ) {
        let to = Id(fresh(&mut next.owner));
        ours.renumber_owner(from, to);
        report.notes.push(Note::Renumbered {
            from: Key::Owner(from),
            to: Key::Owner(to),
        });
    }
    for from in clashes(
        &base.priorities,
        &ours.priorities,
        &theirs.priorities,
        |x| x.id,
        base.next_ids.priority..theirs.next_ids.priority,
    ) {
        let to = Id(fresh(&mut next.priority));
        ours.renumber_priority(from, to);
        report.notes.push(Note::Renumbered {
            from: Key::Priority(from),
            to: Key::Priority(to),
        });
    }
    for from in clashes(
        base.measures.as_slice(),
        ours.measures.as_slice(),
        theirs.measures.as_slice(),
        |x| x.id,
        base.next_ids.measure..theirs.next_ids.measure,
    ) {
        let to = Id(fresh(&mut next.measure));
        ours.renumber_measure(from, to);
        report.notes.push(Note::Renumbered {
            from: Key::Measure(from),
            to: Key::Measure(to),
        });
    }
    for from in clashes(
        &base.meetings,
        &ours.meetings,
        &theirs.meetings,
        |x| x.id,
        base.next_ids.meeting..theirs.next_ids.meeting,
    ) {
        let to = Id(fresh(&mut next.meeting));
        ours.renumber_meeting(from, to);
        report.notes.push(Note::Renumbered {
            from: Key::Meeting(from),
            to: Key::Meeting(to),
        });
    }
    for from in clashes(
        &base.glossary,
        &ours.glossary,
        &theirs.glossary,
        |x| x.id,
        base.next_ids.term..theirs.next_ids.term,
    ) {
        let to = Id(fresh(&mut next.term));
        ours.renumber_term(from, to);
        report.notes.push(Note::Renumbered {
            from: Key::Term(from),
            to: Key::Term(to),
        });
    }
}

/// Name, settings, schema version and unknown top-level fields; collections are filled in after.
fn merge_top_level(base: &Backlog, ours: &Backlog, theirs: &Backlog, report: &mut MergeReport) -> Backlog {
    fn top(backlog: &Backlog) -> Backlog {
        Backlog {
            schema_version: backlog.schema_version,
            name: backlog.name.clone(),
            next_ids: NextIds::default(),
            settings: backlog.settings.clone(),
            sectors: Vec::new(),
            owners: Vec::new(),
            priorities: Vec::new(),
            measures: Default::default(),
            meetings: Vec::new(),
            glossary: Vec::new(),
            // Saved views merge as a list: what either side added is kept.
            views: backlog.views.clone(),
            extra: backlog.extra.clone(),
        }
    }
    let (merged, conflicts) = merge_fields(Some(&top(base)), &top(ours), &top(theirs));
    for (field, _, theirs) in conflicts {
        report.notes.push(Note::KeptOurs { field, theirs });
    }
    merged
}

fn merge_records<T, I>(
    base: &[T],
    ours: &[T],
    theirs: &[T],
    id: impl Fn(&T) -> I,
    key: impl Fn(I) -> Key,
    report: &mut MergeReport,
) -> Vec<T>
where
    T: Clone + PartialEq + Serialize + DeserializeOwned,
    I: Ord + Copy,
{
    let (b, o, t) = (by_id(base, &id), by_id(ours, &id), by_id(theirs, &id));
    let ids: BTreeSet<I> = b.keys().chain(o.keys()).chain(t.keys()).copied().collect();
    let mut merged = Vec::with_capacity(ids.len());
    for i in ids {
        let kept = match (b.get(&i).copied(), o.get(&i).copied(), t.get(&i).copied()) {
            (_, Some(o), Some(t)) if o == t => Some(o.clone()),
            (Some(b), Some(o), Some(t)) if o == b => Some(t.clone()),
            (Some(b), Some(o), Some(t)) if t == b => Some(o.clone()),
            (b, Some(o), Some(t)) => {
                let (record, conflicts) = merge_fields(b, o, t);
                report
                    .conflicts
                    .extend(conflicts.into_iter().map(|(field, ours, theirs)| Conflict {
                        key: key(i),
                        field,
                        ours,
                        theirs,
                    }));
                Some(record)
            }
            (None, one, other) => one.or(other).cloned(),
            (Some(_), None, None) => None,
            (Some(b), None, Some(t)) if t == b => None,
            (Some(b), Some(o), None) if o == b => None,
            (Some(_), None, Some(changed)) | (Some(_), Some(changed), None) => {
                report.notes.push(Note::KeptChanged {
                    key: key(i),
                    deleted_by_us: !o.contains_key(&i),
                });
                Some(changed.clone())
            }
        };
        merged.extend(kept);
    }
    merged
}

fn by_id<'a, T, I: Ord>(items: &'a [T], id: &impl Fn(&T) -> I) -> BTreeMap<I, &'a T> {
    items.iter().map(|x| (id(x), x)).collect()
}

/// A field's value as a JSON value; a missing field reads as `null`.
fn field(object: &Map<String, Value>, name: &str) -> Value {
    object.get(name).cloned().unwrap_or(Value::Null)
}

fn object_of<T: Serialize>(record: &T) -> Map<String, Value> {
    match serde_json::to_value(record) {
        Ok(Value::Object(map)) => map,
        _ => Map::new(),
    }
}

/// Field-by-field merge of one record; returns the merged record and the conflicting fields as
/// (field, ours, theirs). Without a base every differing field is a conflict.
fn merge_fields<T>(base: Option<&T>, ours: &T, theirs: &T) -> (T, Vec<(String, Value, Value)>)
where
    T: Clone + Serialize + DeserializeOwned,
{
    let b = base.map(object_of).unwrap_or_default();
    let o = object_of(ours);
    let t = object_of(theirs);
    let mut names: Vec<&String> = o.keys().collect();
    names.extend(t.keys().filter(|k| !o.contains_key(*k)));
    let mut merged = Map::new();
    let mut conflicts = Vec::new();
    for name in names {
        let (bv, ov, tv) = (field(&b, name), field(&o, name), field(&t, name));
        let value = if ov == tv || tv == bv {
            ov
        } else if ov == bv {
            tv
        } else if let Some(value) = merge_special(name, &bv, &ov, &tv) {
            value
        } else {
            conflicts.push((name.clone(), ov.clone(), tv));
            ov
        };
        if !value.is_null() {
            merged.insert(name.clone(), value);
        }
    }
    match serde_json::from_value(Value::Object(merged)) {
        Ok(record) => (record, conflicts),
        // Fields taken from two valid records always make a valid one; should that ever fail,
        // ours is kept whole and each field the other side changed is reported as a conflict.
        Err(_) => {
            let all = t
                .iter()
                .filter(|(name, tv)| field(&b, name) != **tv && field(&o, name) != **tv)
                .map(|(name, tv)| (name.clone(), field(&o, name), tv.clone()))
                .collect();
            (ours.clone(), all)
        }
    }
}

/// Fields that both sides may change without a conflict: the `updated` stamp takes the later one,
/// lists merge as sets (what either side added is kept, what either side removed is gone), and
/// a measure's log stays in time order.
fn merge_special(name: &str, base: &Value, ours: &Value, theirs: &Value) -> Option<Value> {
    if name == "updated" {
        let later = |v: &Value| serde_json::from_value::<Timestamp>(v.clone()).ok();
        return match (later(ours), later(theirs)) {
            (Some(o), Some(t)) if t > o => Some(theirs.clone()),
            (Some(_), Some(_)) => Some(ours.clone()),
            _ => None,
        };
    }
    let (Value::Array(o), Value::Array(t)) = (ours, theirs) else {
        return None;
    };
    let empty = Vec::new();
    let b = base.as_array().unwrap_or(&empty);
    let mut items: Vec<Value> = o.iter().filter(|x| t.contains(x) || !b.contains(x)).cloned().collect();
    items.extend(t.iter().filter(|x| !b.contains(x) && !o.contains(x)).cloned());
    if name == "log" {
        items.sort_by_key(|entry| {
            entry
                .get("at")
                .and_then(|at| serde_json::from_value::<Timestamp>(at.clone()).ok())
        });
    }
    Some(Value::Array(items))
}

/// Links to records the other side deleted are removed, so the invariants hold.
fn unlink_dangling(merged: &mut Backlog, report: &mut MergeReport) {
    let sectors: BTreeSet<_> = merged.sectors.iter().map(|s| s.id).collect();
    let owners: BTreeSet<_> = merged.owners.iter().map(|o| o.id).collect();
    let priorities: BTreeSet<_> = merged.priorities.iter().map(|p| p.id).collect();
    let notes = &mut report.notes;
    for owner in &mut merged.owners {
        if let Some(s) = owner.sector.filter(|s| !sectors.contains(s)) {
            owner.sector = None;
            notes.push(Note::Unlinked {
                from: Key::Owner(owner.id),
                to: Key::Sector(s),
            });
        }
    }
    for m in &mut merged.measures {
        let from = Key::Measure(m.id);
        if let Some(o) = m.owner.filter(|o| !owners.contains(o)) {
            m.owner = None;
            notes.push(Note::Unlinked {
                from,
                to: Key::Owner(o),
            });
        }
        m.sectors.retain(|s| {
            sectors.contains(s) || {
                notes.push(Note::Unlinked {
                    from,
                    to: Key::Sector(*s),
                });
                false
            }
        });
        m.priorities.retain(|p| {
            priorities.contains(p) || {
                notes.push(Note::Unlinked {
                    from,
                    to: Key::Priority(*p),
                });
                false
            }
        });
    }
    for term in &mut merged.glossary {
        if let Some(s) = term.sector.filter(|s| !sectors.contains(s)) {
            term.sector = None;
            notes.push(Note::Unlinked {
                from: Key::Term(term.id),
                to: Key::Sector(s),
            });
        }
    }
    let measures: BTreeSet<_> = merged.measures.iter().map(|m| m.id).collect();
    let glossary: Vec<_> = merged.glossary.iter().map(|t| t.id).collect();
    for meeting in &mut merged.meetings {
        let from = Key::Meeting(meeting.id);
        for people in [&mut meeting.attendees, &mut meeting.absent] {
            people.retain(|a| {
                owners.contains(a) || {
                    notes.push(Note::Unlinked {
                        from,
                        to: Key::Owner(*a),
                    });
                    false
                }
            });
        }
        meeting.agenda.retain(|m| {
            measures.contains(m) || {
                notes.push(Note::Unlinked {
                    from,
                    to: Key::Measure(*m),
                });
                false
            }
        });
        meeting.decisions.retain(|d| measures.contains(&d.measure));
        let terms: BTreeSet<_> = glossary.iter().copied().collect();
        meeting.terms.retain(|t| {
            terms.contains(t) || {
                notes.push(Note::Unlinked {
                    from,
                    to: Key::Term(*t),
                });
                false
            }
        });
        meeting.term_decisions.retain(|d| terms.contains(&d.term));
        meeting.time_spent.retain(|t| measures.contains(&t.measure));
    }
}

// issue 16: dependencies and links
/// Dependencies and parents that the other side deleted are removed; so is a dependency or a
/// parent of theirs that closes a circle only the two sides together made (each side alone was
/// checked, so ours are kept).
fn unlink_measures(merged: &mut Backlog, ours: &Backlog, notes: &mut Vec<Note>) {
    let measures: BTreeSet<_> = merged.measures.iter().map(|m| m.id).collect();
    for m in &mut merged.measures {
        let from = Key::Measure(m.id);
        for gone in m.depends_on.iter().chain(&m.part_of).filter(|d| !measures.contains(d)) {
            notes.push(Note::Unlinked {
                from,
                to: Key::Measure(*gone),
            });
        }
        m.depends_on.retain(|d| measures.contains(d));
        m.part_of = m.part_of.filter(|p| measures.contains(p));
    }
    let in_ours = |id, dep| ours.measure(id).is_some_and(|m| m.depends_on.contains(&dep));
    let theirs_only: Vec<_> = merged
        .measures
        .iter_mut()
        .flat_map(|m| {
            let id = m.id;
            let (kept, added): (Vec<_>, Vec<_>) = m.depends_on.iter().partition(|dep| in_ours(id, **dep));
            m.depends_on = kept;
            added.into_iter().map(move |dep| (id, dep))
        })
        .collect();
    for (id, dep) in theirs_only {
        let Ok(index) = merged.measures.binary_search_by_key(&id, |m| m.id) else {
            continue;
        };
        let mut with = merged.measures[index].depends_on.clone();
        with.push(dep);
        if merged.dependency_cycle(id, &with).is_some() {
            notes.push(Note::Unlinked {
                from: Key::Measure(id),
                to: Key::Measure(dep),
            });
        } else {
            merged.measures[index].depends_on = with;
        }
    }
    for index in 0..merged.measures.len() {
        let id = merged.measures[index].id;
        if let Some(parent) = merged.measures[index].part_of
            && ours.measure(id).and_then(|m| m.part_of) != Some(parent)
            && merged.part_of_cycle(id, parent).is_some()
        {
            merged.measures[index].part_of = None;
            notes.push(Note::Unlinked {
                from: Key::Measure(id),
                to: Key::Measure(parent),
            });
        }
    }
}

fn changed_keys(ours: &Backlog, merged: &Backlog) -> Vec<Key> {
    fn diff<T: PartialEq, I: Ord + Copy>(
        a: &[T],
        b: &[T],
        id: impl Fn(&T) -> I,
        key: impl Fn(I) -> Key,
        out: &mut Vec<Key>,
    ) {
        let (a, b) = (by_id(a, &id), by_id(b, &id));
        let ids: BTreeSet<I> = a.keys().chain(b.keys()).copied().collect();
        out.extend(ids.into_iter().filter(|i| a.get(i) != b.get(i)).map(key));
    }
    let mut out = Vec::new();
    diff(&ours.sectors, &merged.sectors, |x| x.id, Key::Sector, &mut out);
    diff(&ours.owners, &merged.owners, |x| x.id, Key::Owner, &mut out);
    diff(&ours.priorities, &merged.priorities, |x| x.id, Key::Priority, &mut out);
    diff(
        ours.measures.as_slice(),
        merged.measures.as_slice(),
        |x| x.id,
        Key::Measure,
        &mut out,
    );
    diff(&ours.meetings, &merged.meetings, |x| x.id, Key::Meeting, &mut out);
    diff(&ours.glossary, &merged.glossary, |x| x.id, Key::Term, &mut out);
    if ours.views != merged.views {
        out.push(Key::Views);
    }
    if ours.name != merged.name || ours.settings != merged.settings {
        out.push(Key::Settings);
    }
    out
}

fn with_field<T: Serialize + DeserializeOwned>(record: &T, name: &str, value: &Value) -> Option<T> {
    let mut object = object_of(record);
    if value.is_null() {
        object.remove(name);
    } else {
        object.insert(name.to_string(), value.clone());
    }
    serde_json::from_value(Value::Object(object)).ok()
}

impl Backlog {
    /// Puts the other side's value back for each of `chosen`, in one undoable step. A measure's
    /// log keeps the value it replaces (text from `describe`). Refused, changing nothing, when a
    /// value no longer fits (e.g. links a record deleted meanwhile).
    pub fn take_theirs(
        &mut self,
        chosen: &[Conflict],
        now: Timestamp,
        describe: &dyn Fn(&Conflict) -> String,
    ) -> Result<Edit, DomainError> {
        let mut patch = Patch::default();
        let mut records: BTreeMap<(u8, u32), Record> = BTreeMap::new();
        for conflict in chosen {
            let slot = match conflict.key {
                Key::Sector(id) => (0, id.0),
                Key::Owner(id) => (1, id.0),
                Key::Priority(id) => (2, id.0),
                Key::Measure(id) => (3, id.0),
                Key::Meeting(id) => (4, id.0),
                Key::Views => (5, 0),
                Key::Settings => (6, 0),
                Key::Term(id) => (7, id.0),
            };
            let current = match records.get(&slot) {
                Some(record) => record.clone(),
                None => self.record(conflict.key).ok_or(unknown(conflict.key))?,
            };
            let replaced = match current {
                Record::Sector(x) => with_field(&x, &conflict.field, &conflict.theirs).map(Record::Sector),
                Record::Owner(x) => with_field(&x, &conflict.field, &conflict.theirs).map(Record::Owner),
                Record::Priority(x) => with_field(&x, &conflict.field, &conflict.theirs).map(Record::Priority),
                Record::Meeting(x) => with_field(&x, &conflict.field, &conflict.theirs).map(Record::Meeting),
                Record::Term(x) => with_field(&x, &conflict.field, &conflict.theirs).map(Record::Term),
                // Views merge as a list and never conflict.
                Record::Views(_) => None,
                Record::Settings(_) => None,
                Record::Measure(x) => with_field(&*x, &conflict.field, &conflict.theirs).map(|mut m| {
                    m.log.push(LogEntry::note(now, describe(conflict)));
                    m.updated = now;
                    Record::Measure(Box::new(m))
                }),
            };
            records.insert(slot, replaced.ok_or(unknown(conflict.key))?);
        }
        for record in records.into_values() {
            patch.0.push(super::patch::Change {
                key: record.key(),
                after: Some(record),
            });
        }
        let edit = self.commit(patch);
        if !self.invariant_violations().is_empty() {
            self.apply(&edit.undo);
            return Err(unknown(chosen.first().map_or(Key::Measure(Id(0)), |c| c.key)));
        }
        Ok(edit)
    }
}

fn unknown(key: Key) -> DomainError {
    match key {
        Key::Sector(id) => DomainError::UnknownSector(id),
        Key::Owner(id) => DomainError::UnknownOwner(id),
        Key::Priority(id) => DomainError::UnknownPriority(id),
        Key::Measure(id) => DomainError::UnknownMeasure(id),
        Key::Meeting(id) => DomainError::UnknownMeeting(id),
        Key::Term(id) => DomainError::UnknownTerm(id),
        Key::Views | Key::Settings => DomainError::EmptyName,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{LogKind, MeasureDraft, MeasureId, OwnerDraft, Status};

    fn at(text: &str) -> Timestamp {
        text.parse().unwrap()
    }

    fn now() -> Timestamp {
        at("2026-11-29T12:00:00Z")
    }

    fn describe(c: &Conflict) -> String {
        format!("elsewhere: {} = {}", c.field, c.theirs)
    }

    /// Sectors S-1, S-2, owner E-1, measures T-1 … T-3.
    fn base() -> Backlog {
        let mut b = Backlog::new("Backlog", &["A", "B"]);
        let owner = OwnerDraft {
            name: "Kari".into(),
            role: String::new(),
            sector: None,
        };
        b.add_owner(owner).unwrap();
        for title in ["One", "Two", "Three"] {
            b.add_measure(MeasureDraft::titled(title), at("2026-01-01T00:00:00Z"))
                .unwrap();
        }
        b
    }

    fn edit(b: &mut Backlog, id: u32, change: impl FnOnce(&mut MeasureDraft)) {
        let mut draft = MeasureDraft::from_measure(b.measure(Id(id)).unwrap());
        change(&mut draft);
        b.update_measure(Id(id), draft, at("2026-06-01T00:00:00Z")).unwrap();
    }

    fn run(base: &Backlog, ours: &Backlog, theirs: &Backlog) -> (Backlog, MergeReport) {
        let (merged, report) = merge(base, ours, theirs, now(), &describe);
        assert_eq!(merged.invariant_violations(), Vec::<String>::new());
        (merged, report)
    }

    fn title(b: &Backlog, id: u32) -> &str {
        &b.measure(Id(id)).unwrap().title
    }

    #[test]
    fn a_change_on_one_side_only_takes_that_side_including_adds_and_deletes() {
        let base = base();
        let mut ours = base.clone();
        ours.add_measure(MeasureDraft::titled("Ours new"), now()).unwrap();
        let mut theirs = base.clone();
        edit(&mut theirs, 1, |d| d.title = "One, renamed elsewhere".into());
        theirs.delete_measures(&[Id(3)]).unwrap();

        let (merged, report) = run(&base, &ours, &theirs);
        assert_eq!(title(&merged, 1), "One, renamed elsewhere");
        assert_eq!(title(&merged, 4), "Ours new");
        assert!(merged.measure(Id(3)).is_none());
        assert!(report.conflicts.is_empty());
        assert_eq!(report.changed, vec![Key::Measure(Id(1)), Key::Measure(Id(3))]);
        assert_eq!(report.changed_measures(), 2);
    }

    // issue 16: dependencies and links
    #[test]
    fn dependencies_and_links_added_on_both_sides_are_all_kept() {
        use crate::domain::Link;
        let link = |label: &str| Link {
            label: label.into(),
            url: format!("https://example.no/{label}"),
        };
        let mut base = base();
        edit(&mut base, 3, |d| d.links = vec![link("old")]);
        let mut ours = base.clone();
        edit(&mut ours, 3, |d| {
            d.depends_on = vec![Id(1)];
            d.links = vec![link("old"), link("teams")];
        });
        let mut theirs = base.clone();
        edit(&mut theirs, 3, |d| {
            d.depends_on = vec![Id(2)];
            d.links = vec![link("archive")];
        });
        let (merged, report) = run(&base, &ours, &theirs);
        let m = merged.measure(Id(3)).unwrap();
        assert_eq!(m.depends_on, [Id(1), Id(2)]);
        assert_eq!(m.links, [link("teams"), link("archive")], "theirs removed “old”");
        assert!(report.conflicts.is_empty(), "{:?}", report.conflicts);
    }

    #[test]
    fn a_circle_that_only_both_sides_together_make_is_cut_and_reported() {
        let base = base();
        let mut ours = base.clone();
        edit(&mut ours, 1, |d| d.depends_on = vec![Id(2)]);
        let mut theirs = base.clone();
        edit(&mut theirs, 2, |d| d.depends_on = vec![Id(1)]);
        theirs.delete_measures(&[Id(3)]).unwrap();
        let (merged, report) = run(&base, &ours, &theirs);
        let deps = |id: u32| merged.measure(Id(id)).unwrap().depends_on.clone();
        assert_eq!((deps(1), deps(2)), (vec![Id(2)], vec![]));
        assert!(report.notes.contains(&Note::Unlinked {
            from: Key::Measure(Id(2)),
            to: Key::Measure(Id(1))
        }));
    }

    #[test]
    fn a_dependency_on_a_measure_deleted_elsewhere_is_removed() {
        let base = base();
        let mut ours = base.clone();
        edit(&mut ours, 1, |d| {
            d.depends_on = vec![Id(3)];
            d.part_of = Some(Id(3));
        });
        let mut theirs = base.clone();
        theirs.delete_measures(&[Id(3)]).unwrap();
        let (merged, _) = run(&base, &ours, &theirs);
        let m = merged.measure(Id(1)).unwrap();
        assert!(m.depends_on.is_empty() && m.part_of.is_none());
    }

    #[test]
    fn nothing_unsaved_means_the_merge_is_simply_theirs() {
        let base = base();
        let mut theirs = base.clone();
        edit(&mut theirs, 2, |d| d.status = Status::Decided);
        theirs
            .add_measure(MeasureDraft::titled("New elsewhere"), now())
            .unwrap();
        let (merged, report) = run(&base, &base, &theirs);
        assert_eq!(merged, theirs);
        assert!(report.conflicts.is_empty() && report.notes.is_empty());
    }

    #[test]
    fn different_fields_changed_on_both_sides_are_merged() {
        let base = base();
        let mut ours = base.clone();
        edit(&mut ours, 1, |d| {
            d.title = "Ours title".into();
            d.tags = vec!["ours".into()];
        });
        let mut theirs = base.clone();
        edit(&mut theirs, 1, |d| {
            d.status = Status::Decided;
            d.tags = vec!["theirs".into()];
        });
        theirs
            .log_to_measure(Id(1), LogEntry::note(at("2026-03-01T00:00:00Z"), "their note".into()))
            .unwrap();
        ours.log_to_measure(Id(1), LogEntry::note(at("2026-02-01T00:00:00Z"), "our note".into()))
            .unwrap();

        let (merged, report) = run(&base, &ours, &theirs);
        let m = merged.measure(Id(1)).unwrap();
        assert_eq!(m.title, "Ours title");
        assert_eq!(m.status, Status::Decided);
        assert_eq!(
            m.tags,
            vec!["ours".to_string(), "theirs".to_string()],
            "lists merge as sets"
        );
        let notes: Vec<&str> = m
            .log
            .iter()
            .filter(|e| e.kind == LogKind::Note)
            .map(|e| e.text.as_str())
            .collect();
        assert_eq!(notes, ["our note", "their note"], "both notes, in time order");
        assert!(m.log.is_sorted_by_key(|e| e.at));
        assert_eq!(m.log.iter().filter(|e| e.kind == LogKind::StatusChange).count(), 1);
        assert!(report.conflicts.is_empty(), "{:?}", report.conflicts);
    }

    #[test]
    fn the_same_field_changed_differently_keeps_ours_and_logs_theirs() {
        let base = base();
        let mut ours = base.clone();
        edit(&mut ours, 2, |d| d.title = "Ours".into());
        let mut theirs = base.clone();
        edit(&mut theirs, 2, |d| d.title = "Theirs".into());

        let (merged, report) = run(&base, &ours, &theirs);
        assert_eq!(title(&merged, 2), "Ours");
        assert_eq!(
            report.conflicts,
            vec![Conflict {
                key: Key::Measure(Id(2)),
                field: "title".into(),
                ours: Value::from("Ours"),
                theirs: Value::from("Theirs"),
            }]
        );
        let last = merged.measure(Id(2)).unwrap().log.last().unwrap();
        assert_eq!(last.text, "elsewhere: title = \"Theirs\"");
        assert_eq!((last.kind, last.at), (LogKind::Note, now()));
    }

    #[test]
    fn taking_theirs_for_a_conflict_is_one_undoable_step_that_logs_ours() {
        let base = base();
        let mut ours = base.clone();
        edit(&mut ours, 2, |d| d.title = "Ours".into());
        let mut theirs = base.clone();
        edit(&mut theirs, 2, |d| d.title = "Theirs".into());
        let (mut merged, report) = run(&base, &ours, &theirs);
        let before = merged.clone();

        let edit = merged
            .take_theirs(&report.conflicts, now(), &|c| format!("was {}", c.ours))
            .unwrap();
        assert_eq!(title(&merged, 2), "Theirs");
        assert_eq!(merged.measure(Id(2)).unwrap().log.last().unwrap().text, "was \"Ours\"");
        merged.apply(&edit.undo);
        assert_eq!(merged, before);
    }

    #[test]
    fn taking_theirs_that_links_a_deleted_record_is_refused_and_changes_nothing() {
        let base = base();
        let mut merged = base.clone();
        let conflict = Conflict {
            key: Key::Measure(Id(1)),
            field: "owner".into(),
            ours: Value::Null,
            theirs: Value::from("E-9"),
        };
        assert!(merged.take_theirs(&[conflict], now(), &describe).is_err());
        assert_eq!(merged, base);
    }

    #[test]
    fn two_records_added_under_the_same_id_both_survive() {
        let base = base();
        let mut ours = base.clone();
        let (ours_id, _) = ours.add_measure(MeasureDraft::titled("Added here"), now()).unwrap();
        let mut theirs = base.clone();
        let (theirs_id, _) = theirs
            .add_measure(MeasureDraft::titled("Added elsewhere"), now())
            .unwrap();
        theirs
            .add_measure(MeasureDraft::titled("Also elsewhere"), now())
            .unwrap();
        assert_eq!(ours_id, theirs_id);

        let (merged, report) = run(&base, &ours, &theirs);
        assert_eq!(title(&merged, 4), "Added elsewhere", "the file's record keeps its id");
        assert_eq!(title(&merged, 5), "Also elsewhere");
        assert_eq!(title(&merged, 6), "Added here", "ours moves to a fresh id");
        assert_eq!(merged.next_ids.measure, 7, "ids are never reused");
        assert_eq!(
            report.notes,
            vec![Note::Renumbered {
                from: Key::Measure(Id(4)),
                to: Key::Measure(Id(6)),
            }]
        );
    }

    #[test]
    fn an_id_the_other_side_handed_out_and_deleted_again_is_not_reused() {
        let base = base();
        let mut ours = base.clone();
        ours.add_measure(MeasureDraft::titled("Added here"), now()).unwrap();
        let mut theirs = base.clone();
        let (gone, _) = theirs
            .add_measure(MeasureDraft::titled("Added and deleted"), now())
            .unwrap();
        theirs.delete_measures(&[gone]).unwrap();

        let (merged, report) = run(&base, &ours, &theirs);
        assert!(
            merged.measure(gone).is_none(),
            "T-4 named the deleted record: it stays unused"
        );
        assert_eq!(title(&merged, 5), "Added here");
        assert_eq!(
            report.notes,
            vec![Note::Renumbered {
                from: Key::Measure(Id(4)),
                to: Key::Measure(Id(5)),
            }]
        );
    }

    #[test]
    fn a_renumbered_record_takes_its_links_along() {
        let base = base();
        let mut ours = base.clone();
        let (owner, _) = ours
            .add_owner(OwnerDraft {
                name: "Ola".into(),
                role: String::new(),
                sector: None,
            })
            .unwrap();
        edit(&mut ours, 1, |d| d.owner = Some(owner));
        let mut theirs = base.clone();
        theirs
            .add_owner(OwnerDraft {
                name: "Per".into(),
                role: String::new(),
                sector: None,
            })
            .unwrap();

        let (merged, _) = run(&base, &ours, &theirs);
        let ola = merged.owners.iter().find(|o| o.name == "Ola").unwrap().id;
        assert_ne!(ola, owner);
        assert_eq!(merged.measure(Id(1)).unwrap().owner, Some(ola));
        assert!(merged.owners.iter().any(|o| o.name == "Per" && o.id == owner));
    }

    #[test]
    fn deleted_on_one_side_and_changed_on_the_other_keeps_the_changed_one() {
        let base = base();
        let mut ours = base.clone();
        ours.delete_measures(&[Id(1)]).unwrap();
        edit(&mut ours, 2, |d| d.title = "Two, changed here".into());
        let mut theirs = base.clone();
        edit(&mut theirs, 1, |d| d.title = "One, changed elsewhere".into());
        theirs.delete_measures(&[Id(2)]).unwrap();

        let (merged, report) = run(&base, &ours, &theirs);
        assert_eq!(title(&merged, 1), "One, changed elsewhere");
        assert_eq!(title(&merged, 2), "Two, changed here");
        assert_eq!(
            report.notes,
            vec![
                Note::KeptChanged {
                    key: Key::Measure(Id(1)),
                    deleted_by_us: true,
                },
                Note::KeptChanged {
                    key: Key::Measure(Id(2)),
                    deleted_by_us: false,
                },
            ]
        );
    }

    #[test]
    fn a_link_to_a_record_deleted_on_the_other_side_is_removed() {
        let base = base();
        let owner = base.owners[0].id;
        let mut ours = base.clone();
        edit(&mut ours, 3, |d| {
            d.owner = Some(owner);
            d.sectors = vec![Id(1), Id(2)];
        });
        let mut theirs = base.clone();
        theirs.delete_owner(owner, now()).unwrap();
        theirs.delete_sector(Id(2), now()).unwrap();

        let (merged, report) = run(&base, &ours, &theirs);
        let m = merged.measure(Id(3)).unwrap();
        assert_eq!((m.owner, m.sectors.clone()), (None, vec![Id(1)]));
        let from = Key::Measure(MeasureId::from(Id(3)));
        assert!(report.notes.contains(&Note::Unlinked {
            from,
            to: Key::Owner(owner)
        }));
        assert!(report.notes.contains(&Note::Unlinked {
            from,
            to: Key::Sector(Id(2))
        }));
    }

    #[test]
    fn backlog_wide_fields_merge_and_next_ids_take_the_larger_side() {
        let base = base();
        let mut ours = base.clone();
        ours.settings.owner_load_threshold = 9;
        ours.next_ids.meeting = 40;
        let mut theirs = base.clone();
        theirs.name = "Renamed elsewhere".into();
        theirs.next_ids.measure = 30;
        let (merged, report) = run(&base, &ours, &theirs);
        assert_eq!(merged.name, "Renamed elsewhere");
        assert_eq!(merged.settings.owner_load_threshold, 9);
        assert_eq!((merged.next_ids.measure, merged.next_ids.meeting), (30, 40));
        assert!(report.notes.is_empty());

        let mut ours = base.clone();
        ours.name = "Ours".into();
        let (merged, report) = run(&base, &ours, &theirs);
        assert_eq!(merged.name, "Ours");
        assert_eq!(
            report.notes,
            vec![Note::KeptOurs {
                field: "name".into(),
                theirs: Value::from("Renamed elsewhere"),
            }]
        );
    }
}
