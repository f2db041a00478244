//! Operations that change a backlog. Each validates its input, keeps the invariants (unique
//! ids, no dangling links) and returns the [`Edit`] that undoes it.

use jiff::Timestamp;
use jiff::civil::Date;

use super::id::{Id, MeasureId, MeetingId, OwnerId, PriorityId, SectorId};
use super::model::{
    Backlog, Funding, Link, LogEntry, LogKind, Measure, NextIds, Owner, Political, Priority, SCHEMA_VERSION, Sector,
    Settings, Status,
};
use super::patch::{Change, Edit, Key, Patch, Record};
use super::text::{multi_line, single_line};

/// Why an operation was refused. The UI turns each into a message in the user's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DomainError {
    EmptyTitle,
    EmptyName,
    OutOfRange {
        field: &'static str,
        value: u8,
    },
    UnknownMeasure(MeasureId),
    UnknownOwner(OwnerId),
    UnknownPriority(PriorityId),
    UnknownSector(SectorId),
    NoStep,
    UnknownMeeting(MeetingId),
    EmptyText,
    /// The meeting took place (or is under way): it is kept as a record.
    MeetingHeld(MeetingId),
    /// Every id of this kind has been used (ids are never reused or wrapped).
    IdsExhausted(&'static str),
    // issue 16: glossary
    UnknownTerm(super::id::TermId),
    // issue 16: dependencies and links
    /// The dependencies would go round in this circle (first and last are the same measure).
    DependencyCycle(Vec<MeasureId>),
    /// "Part of" would go round in this circle.
    PartOfCycle(Vec<MeasureId>),
}

impl std::fmt::Display for DomainError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DomainError::EmptyTitle => write!(f, "the title is empty"),
            DomainError::EmptyName => write!(f, "the name is empty"),
            DomainError::OutOfRange { field, value } => write!(f, "{field} must be 1–5, not {value}"),
            DomainError::UnknownMeasure(id) => write!(f, "no measure {id}"),
            DomainError::UnknownOwner(id) => write!(f, "no owner {id}"),
            DomainError::UnknownPriority(id) => write!(f, "no priority {id}"),
            DomainError::UnknownSector(id) => write!(f, "no sector {id}"),
            DomainError::NoStep => write!(f, "no further step in the lifecycle"),
            DomainError::UnknownMeeting(id) => write!(f, "no meeting {id}"),
            DomainError::EmptyText => write!(f, "the text is empty"),
            DomainError::MeetingHeld(id) => write!(f, "meeting {id} took place and is kept as a record"),
            DomainError::IdsExhausted(kind) => write!(f, "every {kind} id has been used; no {kind} can be added"),
            DomainError::UnknownTerm(id) => write!(f, "no term {id}"),
            DomainError::DependencyCycle(cycle) | DomainError::PartOfCycle(cycle) => {
                write!(f, "{} would go round in a circle", super::depends::cycle_text(cycle))
            }
        }
    }
}

impl std::error::Error for DomainError {}

/// The fields of a measure a person edits.
#[derive(Debug, Clone, PartialEq)]
pub struct MeasureDraft {
    pub title: String,
    pub description: String,
    pub status: Status,
    pub owner: Option<OwnerId>,
    pub sectors: Vec<SectorId>,
    pub priorities: Vec<PriorityId>,
    pub value: Option<u8>,
    pub effort: Option<u8>,
    pub due: Option<Date>,
    pub funding: Option<Funding>,
    pub cost_estimate: Option<u64>,
    pub political: Political,
    pub benefits: String,
    pub tags: Vec<String>,
    // issue 16: dependencies and links
    pub depends_on: Vec<MeasureId>,
    pub part_of: Option<MeasureId>,
    pub links: Vec<Link>,
}

impl MeasureDraft {
    pub fn titled(title: &str) -> Self {
        MeasureDraft {
            title: title.to_string(),
            description: String::new(),
            status: Status::Idea,
            owner: None,
            sectors: Vec::new(),
            priorities: Vec::new(),
            value: None,
            effort: None,
            due: None,
            funding: None,
            cost_estimate: None,
            political: Political::default(),
            benefits: String::new(),
            tags: Vec::new(),
            depends_on: Vec::new(),
            part_of: None,
            links: Vec::new(),
        }
    }

    pub fn from_measure(m: &Measure) -> Self {
        MeasureDraft {
            title: m.title.clone(),
            description: m.description.clone(),
            status: m.status,
            owner: m.owner,
            sectors: m.sectors.clone(),
            priorities: m.priorities.clone(),
            value: m.value,
            effort: m.effort,
            due: m.due,
            funding: m.funding,
            cost_estimate: m.cost_estimate,
            political: m.political.clone(),
            benefits: m.benefits.clone(),
            tags: m.tags.clone(),
            depends_on: m.depends_on.clone(),
            part_of: m.part_of,
            links: m.links.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OwnerDraft {
    pub name: String,
    pub role: String,
    pub sector: Option<SectorId>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PriorityDraft {
    pub title: String,
    pub description: String,
}

fn dedup_keep_order<T: PartialEq + Copy>(items: &[T]) -> Vec<T> {
    let mut out: Vec<T> = Vec::with_capacity(items.len());
    for item in items {
        if !out.contains(item) {
            out.push(*item);
        }
    }
    out
}

/// The record with `id` in a vector kept sorted by id.
fn find_sorted<T, I: Ord>(items: &[T], id: I, id_of: impl Fn(&T) -> I) -> Option<&T> {
    items.binary_search_by_key(&id, id_of).ok().map(|i| &items[i])
}

/// The next free id of a kind, moving the counter on; refused at the counter's maximum rather
/// than wrapping to ids already used.
pub(crate) fn take_id(counter: &mut u32, kind: &'static str) -> Result<u32, DomainError> {
    let id = *counter;
    *counter = id.checked_add(1).ok_or(DomainError::IdsExhausted(kind))?;
    Ok(id)
}

/// Links with an address, trimmed to one line each, without repeats.
fn clean_links(links: Vec<Link>) -> Vec<Link> {
    let mut out: Vec<Link> = Vec::new();
    for link in links {
        let link = Link {
            label: single_line(&link.label),
            url: single_line(&link.url),
        };
        if !link.url.is_empty() && !out.contains(&link) {
            out.push(link);
        }
    }
    out
}

fn clean_tags(tags: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for tag in tags.iter().map(|t| single_line(t)).filter(|t| !t.is_empty()) {
        if !out.iter().any(|t| t.to_lowercase() == tag.to_lowercase()) {
            out.push(tag);
        }
    }
    out
}

impl Backlog {
    /// A new, empty backlog with the given sectors.
    pub fn new(name: &str, sector_names: &[&str]) -> Self {
        let mut backlog = Backlog {
            schema_version: SCHEMA_VERSION,
            name: name.to_string(),
            next_ids: NextIds::default(),
            settings: Settings::default(),
            sectors: Vec::new(),
            owners: Vec::new(),
            priorities: Vec::new(),
            measures: Default::default(),
            meetings: Vec::new(),
            views: Vec::new(),
            glossary: Vec::new(),
            extra: Default::default(),
        };
        for name in sector_names {
            let id = Id(backlog.next_ids.sector);
            backlog.next_ids.sector += 1;
            backlog.sectors.push(Sector {
                id,
                name: (*name).to_string(),
                short: None,
                extra: Default::default(),
                position: None,
            });
        }
        backlog
    }

    pub fn measure(&self, id: MeasureId) -> Option<&Measure> {
        self.measures.find(id)
    }

    pub fn owner(&self, id: OwnerId) -> Option<&Owner> {
        find_sorted(&self.owners, id, |o| o.id)
    }

    pub fn priority(&self, id: PriorityId) -> Option<&Priority> {
        find_sorted(&self.priorities, id, |p| p.id)
    }

    pub fn sector(&self, id: SectorId) -> Option<&Sector> {
        find_sorted(&self.sectors, id, |s| s.id)
    }

    /// The names of `owners` that exist, in the given order.
    pub fn owner_names(&self, owners: &[OwnerId]) -> Vec<&str> {
        owners
            .iter()
            .filter_map(|o| self.owner(*o))
            .map(|o| o.name.as_str())
            .collect()
    }

    /// Priorities in rank order (1 first).
    pub fn priorities_by_rank(&self) -> Vec<&Priority> {
        let mut list: Vec<&Priority> = self.priorities.iter().collect();
        list.sort_by_key(|p| (p.rank, p.id));
        list
    }

    fn check_draft(&self, draft: &MeasureDraft) -> Result<(), DomainError> {
        if single_line(&draft.title).is_empty() {
            return Err(DomainError::EmptyTitle);
        }
        for (field, value) in [("value", draft.value), ("effort", draft.effort)] {
            if let Some(v) = value.filter(|v| !(1..=5).contains(v)) {
                return Err(DomainError::OutOfRange { field, value: v });
            }
        }
        if let Some(owner) = draft.owner.filter(|o| self.owner(*o).is_none()) {
            return Err(DomainError::UnknownOwner(owner));
        }
        if let Some(s) = draft.sectors.iter().find(|s| self.sector(**s).is_none()) {
            return Err(DomainError::UnknownSector(*s));
        }
        if let Some(p) = draft.priorities.iter().find(|p| self.priority(**p).is_none()) {
            return Err(DomainError::UnknownPriority(*p));
        }
        Ok(())
    }

    fn fill(measure: &mut Measure, draft: MeasureDraft) {
        measure.title = single_line(&draft.title);
        measure.description = multi_line(&draft.description);
        measure.status = draft.status;
        measure.owner = draft.owner;
        measure.sectors = dedup_keep_order(&draft.sectors);
        measure.priorities = dedup_keep_order(&draft.priorities);
        measure.value = draft.value;
        measure.effort = draft.effort;
        measure.due = draft.due;
        measure.funding = draft.funding;
        measure.cost_estimate = draft.cost_estimate;
        measure.political = Political {
            needed: draft.political.needed,
            case_number: draft
                .political
                .case_number
                .map(|c| single_line(&c))
                .filter(|c| !c.is_empty()),
        };
        measure.benefits = multi_line(&draft.benefits);
        measure.tags = clean_tags(&draft.tags);
        measure.depends_on = dedup_keep_order(&draft.depends_on);
        measure.part_of = draft.part_of;
        measure.links = clean_links(draft.links);
    }

    /// Dependencies and the parent must exist and must not go round in a circle through `id`
    /// (a new measure has no id yet, and nothing can depend on it).
    fn check_connections(&self, id: Option<MeasureId>, draft: &MeasureDraft) -> Result<(), DomainError> {
        if let Some(missing) = draft
            .depends_on
            .iter()
            .chain(&draft.part_of)
            .find(|d| self.measure(**d).is_none())
        {
            return Err(DomainError::UnknownMeasure(*missing));
        }
        let Some(id) = id else { return Ok(()) };
        if let Some(cycle) = self.dependency_cycle(id, &draft.depends_on) {
            return Err(DomainError::DependencyCycle(cycle));
        }
        if let Some(cycle) = draft.part_of.and_then(|parent| self.part_of_cycle(id, parent)) {
            return Err(DomainError::PartOfCycle(cycle));
        }
        Ok(())
    }

    /// Adds a measure with the next free id.
    pub fn add_measure(&mut self, draft: MeasureDraft, now: Timestamp) -> Result<(MeasureId, Edit), DomainError> {
        self.check_draft(&draft)?;
        self.check_connections(None, &draft)?;
        let id = Id(take_id(&mut self.next_ids.measure, "measure")?);
        let mut measure = Measure {
            id,
            title: String::new(),
            description: String::new(),
            status: draft.status,
            owner: None,
            sectors: Vec::new(),
            priorities: Vec::new(),
            value: None,
            effort: None,
            due: None,
            funding: None,
            cost_estimate: None,
            political: Political::default(),
            benefits: String::new(),
            tags: Vec::new(),
            created: now,
            updated: now,
            log: Vec::new(),
            depends_on: Vec::new(),
            part_of: None,
            links: Vec::new(),
            extra: Default::default(),
        };
        Self::fill(&mut measure, draft);
        let mut patch = Patch::default();
        patch.put_measure(measure);
        Ok((id, self.commit(patch)))
    }

    /// Replaces a measure's editable fields. A changed status is written to its log. Returns
    /// `None` when nothing changed.
    pub fn update_measure(
        &mut self,
        id: MeasureId,
        draft: MeasureDraft,
        now: Timestamp,
    ) -> Result<Option<Edit>, DomainError> {
        self.check_draft(&draft)?;
        let old = self.measure(id).ok_or(DomainError::UnknownMeasure(id))?;
        self.check_connections(Some(id), &draft)?;
        let mut measure = old.clone();
        Self::fill(&mut measure, draft);
        if measure == *old {
            return Ok(None);
        }
        if measure.status != old.status {
            measure.log.push(status_entry(old.status, measure.status, now));
        }
        self.log_owner_and_due(old, &mut measure, now);
        measure.updated = now;
        let mut patch = Patch::default();
        patch.put_measure(measure);
        Ok(Some(self.commit(patch)))
    }

    /// Moves a measure one step along its lifecycle (`forward`) or back, and logs it.
    pub fn step_status(&mut self, id: MeasureId, forward: bool, now: Timestamp) -> Result<Edit, DomainError> {
        self.step_statuses(&[id], forward, now)
    }

    /// Steps several measures at once (one undo step). Measures with no further step are left
    /// alone; if none can move, that is an error.
    pub fn step_statuses(&mut self, ids: &[MeasureId], forward: bool, now: Timestamp) -> Result<Edit, DomainError> {
        let mut patch = Patch::default();
        for id in ids {
            let old = self.measure(*id).ok_or(DomainError::UnknownMeasure(*id))?;
            let step = if forward {
                old.status.next()
            } else {
                old.status.previous()
            };
            if let Some(to) = step {
                let mut measure = old.clone();
                measure.log.push(status_entry(old.status, to, now));
                measure.status = to;
                measure.updated = now;
                patch.put_measure(measure);
            }
        }
        if patch.is_empty() {
            return Err(DomainError::NoStep);
        }
        Ok(self.commit(patch))
    }

    /// Appends a note or decision to a measure's log.
    pub fn log_to_measure(&mut self, id: MeasureId, mut entry: LogEntry) -> Result<Edit, DomainError> {
        let mut measure = self.measure(id).ok_or(DomainError::UnknownMeasure(id))?.clone();
        entry.text = multi_line(&entry.text);
        measure.updated = entry.at;
        measure.log.push(entry);
        let mut patch = Patch::default();
        patch.put_measure(measure);
        Ok(self.commit(patch))
    }

    /// Deletes measures and takes them off the agendas and decisions of meetings and out of
    /// other measures' dependencies and parents (undo puts them back), so nothing names a
    /// measure that does not exist.
    pub fn delete_measures(&mut self, ids: &[MeasureId]) -> Result<Edit, DomainError> {
        let mut patch = Patch::default();
        for id in ids {
            self.measure(*id).ok_or(DomainError::UnknownMeasure(*id))?;
            patch.0.push(Change {
                key: Key::Measure(*id),
                after: None,
            });
        }
        let named = |m: &MeasureId| ids.contains(m);
        for measure in &self.measures {
            if named(&measure.id)
                || !(measure.depends_on.iter().any(named) || measure.part_of.as_ref().is_some_and(named))
            {
                continue;
            }
            let mut changed = measure.clone();
            changed.depends_on.retain(|d| !named(d));
            changed.part_of = changed.part_of.filter(|p| !named(p));
            patch.put_measure(changed);
        }
        for meeting in &self.meetings {
            if !meeting.agenda.iter().any(named)
                && !meeting.decisions.iter().any(|d| named(&d.measure))
                && !meeting.time_spent.iter().any(|t| named(&t.measure))
            {
                continue;
            }
            let mut changed = meeting.clone();
            changed.agenda.retain(|m| !named(m));
            changed.decisions.retain(|d| !named(&d.measure));
            changed.time_spent.retain(|t| !named(&t.measure));
            patch.0.push(Change {
                key: Key::Meeting(changed.id),
                after: Some(Record::Meeting(changed)),
            });
        }
        Ok(self.commit(patch))
    }

    pub fn add_owner(&mut self, draft: OwnerDraft) -> Result<(OwnerId, Edit), DomainError> {
        let mut next = self.next_ids.owner;
        let owner = self.checked_owner(Id(take_id(&mut next, "owner")?), draft)?;
        self.next_ids.owner = next;
        let id = owner.id;
        Ok((
            id,
            self.commit(Patch(vec![Change {
                key: Key::Owner(id),
                after: Some(Record::Owner(owner)),
            }])),
        ))
    }

    pub fn update_owner(&mut self, id: OwnerId, draft: OwnerDraft) -> Result<Option<Edit>, DomainError> {
        let old = self.owner(id).ok_or(DomainError::UnknownOwner(id))?;
        let owner = self.checked_owner(id, draft)?;
        if owner == *old {
            return Ok(None);
        }
        Ok(Some(self.commit(Patch(vec![Change {
            key: Key::Owner(id),
            after: Some(Record::Owner(owner)),
        }]))))
    }

    fn checked_owner(&self, id: OwnerId, draft: OwnerDraft) -> Result<Owner, DomainError> {
        if single_line(&draft.name).is_empty() {
            return Err(DomainError::EmptyName);
        }
        if let Some(s) = draft.sector.filter(|s| self.sector(*s).is_none()) {
            return Err(DomainError::UnknownSector(s));
        }
        Ok(Owner {
            id,
            name: single_line(&draft.name),
            role: single_line(&draft.role),
            sector: draft.sector,
            extra: Default::default(),
        })
    }

    /// Deletes an owner and unlinks it from measures and meetings; no measure is deleted.
    pub fn delete_owner(&mut self, id: OwnerId, now: Timestamp) -> Result<Edit, DomainError> {
        self.owner(id).ok_or(DomainError::UnknownOwner(id))?;
        let mut patch = Patch::default();
        for measure in self.measures.iter().filter(|m| m.owner == Some(id)) {
            let mut changed = measure.clone();
            changed.owner = None;
            changed.updated = now;
            patch.put_measure(changed);
        }
        for meeting in self
            .meetings
            .iter()
            .filter(|m| m.attendees.contains(&id) || m.absent.contains(&id))
        {
            let mut changed = meeting.clone();
            changed.attendees.retain(|a| *a != id);
            changed.absent.retain(|a| *a != id);
            patch.0.push(Change {
                key: Key::Meeting(changed.id),
                after: Some(Record::Meeting(changed)),
            });
        }
        patch.0.push(Change {
            key: Key::Owner(id),
            after: None,
        });
        Ok(self.commit(patch))
    }

    pub fn add_priority(&mut self, draft: PriorityDraft) -> Result<(PriorityId, Edit), DomainError> {
        if single_line(&draft.title).is_empty() {
            return Err(DomainError::EmptyTitle);
        }
        let id = Id(take_id(&mut self.next_ids.priority, "priority")?);
        let rank = self.priorities.iter().map(|p| p.rank).max().unwrap_or(0) + 1;
        let priority = Priority {
            id,
            title: single_line(&draft.title),
            description: multi_line(&draft.description),
            rank,
            extra: Default::default(),
        };
        Ok((
            id,
            self.commit(Patch(vec![Change {
                key: Key::Priority(id),
                after: Some(Record::Priority(priority)),
            }])),
        ))
    }

    pub fn update_priority(&mut self, id: PriorityId, draft: PriorityDraft) -> Result<Option<Edit>, DomainError> {
        if single_line(&draft.title).is_empty() {
            return Err(DomainError::EmptyTitle);
        }
        let old = self.priority(id).ok_or(DomainError::UnknownPriority(id))?;
        let mut priority = old.clone();
        priority.title = single_line(&draft.title);
        priority.description = multi_line(&draft.description);
        if priority == *old {
            return Ok(None);
        }
        Ok(Some(self.commit(Patch(vec![Change {
            key: Key::Priority(id),
            after: Some(Record::Priority(priority)),
        }]))))
    }

    /// Moves a priority one place up (`toward_first`, rank − 1) or down in the ranking by
    /// swapping ranks with its neighbour: one undo step. `None` when it is already at that end.
    pub fn move_priority(&mut self, id: PriorityId, toward_first: bool) -> Result<Option<Edit>, DomainError> {
        self.priority(id).ok_or(DomainError::UnknownPriority(id))?;
        let ranked = self.priorities_by_rank();
        let Some(index) = ranked.iter().position(|p| p.id == id) else {
            return Ok(None);
        };
        let Some(other) = neighbour(index, ranked.len(), toward_first).map(|i| ranked[i]) else {
            return Ok(None);
        };
        let mut moved = ranked[index].clone();
        let mut neighbour = other.clone();
        // Ranks may have gaps or ties in a hand-edited file; positions are what the user sees.
        let (mut a, mut b) = (moved.rank, neighbour.rank);
        if a == b {
            if toward_first { a += 1 } else { b += 1 }
        }
        std::mem::swap(&mut a, &mut b);
        moved.rank = a;
        neighbour.rank = b;
        Ok(Some(self.commit(Patch(vec![
            Change {
                key: Key::Priority(moved.id),
                after: Some(Record::Priority(moved)),
            },
            Change {
                key: Key::Priority(neighbour.id),
                after: Some(Record::Priority(neighbour)),
            },
        ]))))
    }

    /// Deletes a priority, unlinks it from measures and closes the gap in the ranking.
    pub fn delete_priority(&mut self, id: PriorityId, now: Timestamp) -> Result<Edit, DomainError> {
        let removed_rank = self.priority(id).ok_or(DomainError::UnknownPriority(id))?.rank;
        let mut patch = Patch::default();
        for measure in self.measures.iter().filter(|m| m.priorities.contains(&id)) {
            let mut changed = measure.clone();
            changed.priorities.retain(|p| *p != id);
            changed.updated = now;
            patch.put_measure(changed);
        }
        for priority in self.priorities.iter().filter(|p| p.id != id && p.rank > removed_rank) {
            let mut changed = priority.clone();
            changed.rank -= 1;
            patch.0.push(Change {
                key: Key::Priority(changed.id),
                after: Some(Record::Priority(changed)),
            });
        }
        patch.0.push(Change {
            key: Key::Priority(id),
            after: None,
        });
        Ok(self.commit(patch))
    }

    pub fn add_sector(&mut self, name: &str) -> Result<(SectorId, Edit), DomainError> {
        if single_line(name).is_empty() {
            return Err(DomainError::EmptyName);
        }
        let id = Id(take_id(&mut self.next_ids.sector, "sector")?);
        let sector = Sector {
            id,
            name: single_line(name),
            short: None,
            extra: Default::default(),
            position: None,
        };
        Ok((
            id,
            self.commit(Patch(vec![Change {
                key: Key::Sector(id),
                after: Some(Record::Sector(sector)),
            }])),
        ))
    }

    /// Renames a sector and sets its short label (empty: derived from the name). `None` when
    /// nothing changed.
    pub fn update_sector(&mut self, id: SectorId, name: &str, short: &str) -> Result<Option<Edit>, DomainError> {
        let old = self.sector(id).ok_or(DomainError::UnknownSector(id))?;
        if name.trim().is_empty() {
            return Err(DomainError::EmptyName);
        }
        let short = single_line(short);
        let sector = Sector {
            name: single_line(name),
            short: (!short.is_empty()).then_some(short),
            ..old.clone()
        };
        if &sector == old {
            return Ok(None);
        }
        Ok(Some(self.commit(Patch(vec![Change {
            key: Key::Sector(id),
            after: Some(Record::Sector(sector)),
        }]))))
    }

    // issue 14: sectors in the group's own order
    /// The sectors in the order the group gave them (by id until then; new ones last).
    pub fn sectors_in_order(&self) -> Vec<&Sector> {
        let mut sectors: Vec<&Sector> = self.sectors.iter().collect();
        sectors.sort_by_key(|s| (s.position.is_none(), s.position, s.id));
        sectors
    }

    /// Moves sector `id` one place up or down the order, as one undoable edit that writes
    /// every sector's place. `None` at either end.
    pub fn move_sector(&mut self, id: SectorId, toward_first: bool) -> Result<Option<Edit>, DomainError> {
        self.sector(id).ok_or(DomainError::UnknownSector(id))?;
        let mut order: Vec<Sector> = self.sectors_in_order().into_iter().cloned().collect();
        let Some(index) = order.iter().position(|s| s.id == id) else {
            return Ok(None);
        };
        let Some(other) = neighbour(index, order.len(), toward_first) else {
            return Ok(None);
        };
        order.swap(index, other);
        let mut patch = Patch::default();
        for (place, mut sector) in order.into_iter().enumerate() {
            let place = u32::try_from(place).ok();
            if sector.position != place {
                sector.position = place;
                patch.0.push(Change {
                    key: Key::Sector(sector.id),
                    after: Some(Record::Sector(sector)),
                });
            }
        }
        Ok(Some(self.commit(patch)))
    }

    /// How many measures link sector `id` (what a delete would unlink).
    pub fn measure_count_for_sector(&self, id: SectorId) -> usize {
        self.measures.iter().filter(|m| m.sectors.contains(&id)).count()
    }

    /// Sets the backlog's name and settings. `None` when nothing changed.
    pub fn update_settings(&mut self, name: &str, settings: Settings) -> Result<Option<Edit>, DomainError> {
        let name = single_line(name);
        if name.is_empty() {
            return Err(DomainError::EmptyName);
        }
        if name == self.name && settings == self.settings {
            return Ok(None);
        }
        Ok(Some(self.commit(Patch(vec![Change {
            key: Key::Settings,
            after: Some(Record::Settings(Box::new((name, settings)))),
        }]))))
    }

    /// Deletes a sector and unlinks it from measures and owners.
    pub fn delete_sector(&mut self, id: SectorId, now: Timestamp) -> Result<Edit, DomainError> {
        self.sector(id).ok_or(DomainError::UnknownSector(id))?;
        let mut patch = Patch::default();
        for measure in self.measures.iter().filter(|m| m.sectors.contains(&id)) {
            let mut changed = measure.clone();
            changed.sectors.retain(|s| *s != id);
            changed.updated = now;
            patch.put_measure(changed);
        }
        for owner in self.owners.iter().filter(|o| o.sector == Some(id)) {
            let mut changed = owner.clone();
            changed.sector = None;
            patch.0.push(Change {
                key: Key::Owner(changed.id),
                after: Some(Record::Owner(changed)),
            });
        }
        for term in self.glossary.iter().filter(|t| t.sector == Some(id)) {
            let mut changed = term.clone();
            changed.sector = None;
            patch.0.push(Change {
                key: Key::Term(changed.id),
                after: Some(Record::Term(changed)),
            });
        }
        patch.0.push(Change {
            key: Key::Sector(id),
            after: None,
        });
        Ok(self.commit(patch))
    }

    pub fn measure_count_for_priority(&self, id: PriorityId) -> usize {
        self.measures.iter().filter(|m| m.priorities.contains(&id)).count()
    }

    /// Everything that would make the file inconsistent: duplicate ids, links to records that
    /// do not exist, ids at or above the next free number. Empty when the backlog is sound.
    pub fn invariant_violations(&self) -> Vec<String> {
        let mut problems = Vec::new();
        fn strictly_sorted<T, I: Ord + std::fmt::Display>(
            items: &[T],
            id: impl Fn(&T) -> I,
            kind: &str,
            next: u32,
            number: impl Fn(&T) -> u32,
            problems: &mut Vec<String>,
        ) {
            for pair in items.windows(2) {
                if id(&pair[0]) >= id(&pair[1]) {
                    problems.push(format!("{kind} {} is duplicated or out of order", id(&pair[1])));
                }
            }
            if let Some(item) = items.iter().find(|i| number(i) >= next) {
                problems.push(format!("{kind} {} is not below the next free id", id(item)));
            }
        }
        strictly_sorted(
            &self.sectors,
            |s| s.id,
            "sector",
            self.next_ids.sector,
            |s| s.id.0,
            &mut problems,
        );
        strictly_sorted(
            &self.owners,
            |o| o.id,
            "owner",
            self.next_ids.owner,
            |o| o.id.0,
            &mut problems,
        );
        strictly_sorted(
            &self.priorities,
            |p| p.id,
            "priority",
            self.next_ids.priority,
            |p| p.id.0,
            &mut problems,
        );
        strictly_sorted(
            self.measures.as_slice(),
            |m| m.id,
            "measure",
            self.next_ids.measure,
            |m| m.id.0,
            &mut problems,
        );
        strictly_sorted(
            &self.meetings,
            |m| m.id,
            "meeting",
            self.next_ids.meeting,
            |m| m.id.0,
            &mut problems,
        );
        for owner in &self.owners {
            if let Some(s) = owner.sector.filter(|s| self.sector(*s).is_none()) {
                problems.push(format!("owner {} links to missing sector {s}", owner.id));
            }
        }
        for m in &self.measures {
            if let Some(o) = m.owner.filter(|o| self.owner(*o).is_none()) {
                problems.push(format!("measure {} links to missing owner {o}", m.id));
            }
            for s in m.sectors.iter().filter(|s| self.sector(**s).is_none()) {
                problems.push(format!("measure {} links to missing sector {s}", m.id));
            }
            for p in m.priorities.iter().filter(|p| self.priority(**p).is_none()) {
                problems.push(format!("measure {} links to missing priority {p}", m.id));
            }
            for d in m
                .depends_on
                .iter()
                .chain(&m.part_of)
                .filter(|d| self.measure(**d).is_none())
            {
                problems.push(format!("measure {} links to missing measure {d}", m.id));
            }
            for (field, v) in [("value", m.value), ("effort", m.effort)] {
                if let Some(v) = v.filter(|v| !(1..=5).contains(v)) {
                    problems.push(format!("measure {} has {field} {v}, outside 1–5", m.id));
                }
            }
        }
        strictly_sorted(
            &self.glossary,
            |t| t.id,
            "term",
            self.next_ids.term,
            |t| t.id.0,
            &mut problems,
        );
        for term in &self.glossary {
            if let Some(s) = term.sector.filter(|s| self.sector(*s).is_none()) {
                problems.push(format!("term {} links to missing sector {s}", term.id));
            }
            if let Some(m) = term.meeting.filter(|m| self.meeting(*m).is_none()) {
                problems.push(format!("term {} links to missing meeting {m}", term.id));
            }
        }
        for meeting in &self.meetings {
            let mut missing: Vec<_> = meeting
                .terms
                .iter()
                .chain(meeting.term_decisions.iter().map(|d| &d.term))
                .filter(|t| self.term(**t).is_none())
                .copied()
                .collect();
            missing.sort();
            missing.dedup();
            for t in missing {
                problems.push(format!("meeting {} links to missing term {t}", meeting.id));
            }
        }
        for meeting in &self.meetings {
            let people = meeting.attendees.iter().chain(&meeting.absent);
            for a in people.filter(|a| self.owner(**a).is_none()) {
                problems.push(format!("meeting {} links to missing owner {a}", meeting.id));
            }
            let named = meeting
                .agenda
                .iter()
                .chain(meeting.decisions.iter().map(|d| &d.measure))
                .chain(meeting.time_spent.iter().map(|t| &t.measure));
            let mut missing: Vec<MeasureId> = named.filter(|m| self.measure(**m).is_none()).copied().collect();
            missing.sort();
            missing.dedup();
            for m in missing {
                problems.push(format!("meeting {} links to missing measure {m}", meeting.id));
            }
        }
        problems
    }
}

impl Backlog {
    /// Writes a changed owner or due date into `new`'s log, so "what changed since the last
    /// meeting" can be read from the log.
    pub(super) fn log_owner_and_due(&self, old: &Measure, new: &mut Measure, now: Timestamp) {
        let entry = |kind: LogKind, text: String, due: Option<Date>| LogEntry {
            at: now,
            kind,
            text,
            from: None,
            to: None,
            meeting: None,
            decision: None,
            due,
            author: String::new(),
        };
        if new.owner != old.owner {
            let name = new
                .owner
                .and_then(|o| self.owner(o))
                .map(|o| o.name.clone())
                .unwrap_or_default();
            new.log.push(entry(LogKind::OwnerChange, name, None));
        }
        if new.due != old.due {
            new.log.push(entry(LogKind::DueChange, String::new(), new.due));
        }
    }
}

pub(super) fn status_entry(from: Status, to: Status, at: Timestamp) -> LogEntry {
    LogEntry {
        at,
        kind: LogKind::StatusChange,
        text: String::new(),
        from: Some(from),
        to: Some(to),
        meeting: None,
        decision: None,
        due: None,
        author: String::new(),
    }
}

/// The place next to `index` in a list of `len`: before it (`toward_first`) or after it.
fn neighbour(index: usize, len: usize, toward_first: bool) -> Option<usize> {
    if toward_first {
        index.checked_sub(1)
    } else {
        Some(index + 1).filter(|i| *i < len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> Timestamp {
        "2026-11-29T12:00:00Z".parse().unwrap()
    }

    #[test]
    fn titles_are_single_line() {
        let mut b = Backlog::new("t", &[]);
        let (id, _) = b
            .add_measure(MeasureDraft::titled("  Første linje\nandre\tlinje  "), now())
            .unwrap();
        assert_eq!(b.measure(id).unwrap().title, "Første linje andre linje");
    }

    #[test]
    fn every_edit_undoes_and_redoes_exactly() {
        let mut b = Backlog::new("t", &["Skole", "Helse"]);
        let start = b.clone();
        let (owner, e1) = b
            .add_owner(OwnerDraft {
                name: "Kari".into(),
                role: "direktør".into(),
                sector: Some(Id(1)),
            })
            .unwrap();
        let (prio, e2) = b
            .add_priority(PriorityDraft {
                title: "Siloer".into(),
                description: String::new(),
            })
            .unwrap();
        let mut draft = MeasureDraft::titled("Team");
        draft.owner = Some(owner);
        draft.priorities = vec![prio];
        draft.sectors = vec![Id(1), Id(2)];
        let (m, e3) = b.add_measure(draft, now()).unwrap();
        let e4 = b.step_status(m, true, now()).unwrap();
        let e5 = b.delete_owner(owner, now()).unwrap();
        let e6 = b.delete_sector(Id(2), now()).unwrap();
        let end = b.clone();
        assert_eq!(b.measure(m).unwrap().owner, None);
        assert_eq!(b.measure(m).unwrap().sectors, vec![Id(1)]);
        let edits = [e1, e2, e3, e4, e5, e6];
        for edit in edits.iter().rev() {
            b.apply(&edit.undo);
        }
        assert_eq!(b.measures, start.measures);
        assert_eq!(b.owners, start.owners);
        assert_eq!(b.sectors, start.sectors);
        for edit in &edits {
            b.apply(&edit.redo);
        }
        assert_eq!(b, end);
    }

    #[test]
    fn sector_rename_and_settings_undo_and_redo() {
        let mut b = Backlog::new("t", &["Skole", "Helse"]);
        let start = b.clone();
        let rename = b.update_sector(Id(1), " Oppvekst ", "OPP").unwrap().unwrap();
        assert_eq!(b.sector(Id(1)).unwrap().name, "Oppvekst");
        assert_eq!(b.sector(Id(1)).unwrap().short.as_deref(), Some("OPP"));
        assert_eq!(b.update_sector(Id(1), "Oppvekst", "OPP"), Ok(None));
        assert_eq!(b.update_sector(Id(1), " ", ""), Err(DomainError::EmptyName));
        let settings = Settings {
            owner_load_threshold: 3,
            minutes_per_item: 7,
            language: Some("en".into()),
            ..Settings::default()
        };
        let set = b.update_settings("Ledergruppen", settings.clone()).unwrap().unwrap();
        assert_eq!((b.name.as_str(), &b.settings), ("Ledergruppen", &settings));
        let end = b.clone();
        b.apply(&set.undo);
        b.apply(&rename.undo);
        assert_eq!(b, start);
        b.apply(&rename.redo);
        b.apply(&set.redo);
        assert_eq!(b, end);
    }

    #[test]
    fn refused_drafts_change_nothing() {
        let mut b = Backlog::new("t", &[]);
        let before = b.clone();
        let mut bad = MeasureDraft::titled("x");
        bad.value = Some(7);
        assert_eq!(
            b.add_measure(bad, now()).unwrap_err(),
            DomainError::OutOfRange {
                field: "value",
                value: 7
            }
        );
        let mut dangling = MeasureDraft::titled("x");
        dangling.owner = Some(Id(9));
        assert_eq!(
            b.add_measure(dangling, now()).unwrap_err(),
            DomainError::UnknownOwner(Id(9))
        );
        assert_eq!(
            b.add_measure(MeasureDraft::titled("  "), now()).unwrap_err(),
            DomainError::EmptyTitle
        );
        assert_eq!(b, before);
    }

    #[test]
    fn ids_are_never_reused_even_after_undo() {
        let mut b = Backlog::new("t", &[]);
        let (first, edit) = b.add_measure(MeasureDraft::titled("a"), now()).unwrap();
        b.apply(&edit.undo);
        let (second, _) = b.add_measure(MeasureDraft::titled("b"), now()).unwrap();
        assert_ne!(first, second);
        assert_eq!(second, Id(2));
    }
}

#[cfg(test)]
mod ranking_tests {
    use super::*;

    fn ranked(b: &Backlog) -> Vec<&str> {
        b.priorities_by_rank().iter().map(|p| p.title.as_str()).collect()
    }

    fn three() -> Backlog {
        let mut b = Backlog::new("t", &[]);
        for title in ["A", "B", "C"] {
            b.add_priority(PriorityDraft {
                title: title.into(),
                description: String::new(),
            })
            .unwrap();
        }
        b
    }

    #[test]
    fn moving_a_priority_swaps_ranks_with_its_neighbour_and_undoes_in_one_step() {
        let mut b = three();
        let before = b.clone();
        let edit = b.move_priority(Id(2), true).unwrap().unwrap();
        assert_eq!(ranked(&b), ["B", "A", "C"]);
        assert_eq!(edit.redo.0.len(), 2, "one patch with both priorities");
        b.move_priority(Id(2), true).unwrap();
        assert_eq!(b.move_priority(Id(2), true), Ok(None), "already first");
        b.move_priority(Id(1), false).unwrap().unwrap();
        assert_eq!(ranked(&b), ["B", "C", "A"]);
        assert_eq!(b.move_priority(Id(1), false), Ok(None), "already last");
        let mut fresh = before.clone();
        let edit = fresh.move_priority(Id(3), true).unwrap().unwrap();
        fresh.apply(&edit.undo);
        assert_eq!(fresh, before);
        assert_eq!(b.move_priority(Id(9), true), Err(DomainError::UnknownPriority(Id(9))));
    }

    #[test]
    fn ties_in_a_hand_edited_file_still_move() {
        let mut b = three();
        for p in &mut b.priorities {
            p.rank = 1;
        }
        b.move_priority(Id(2), true).unwrap().unwrap();
        assert_eq!(ranked(&b)[0], "B");
    }
}
