//! Meetings: planning one with its agenda, starting it, recording what the group decides on
//! each item, and what the next meeting should look at. Every decision is one [`Edit`]
//! touching both the measure (status, owner, due, log) and the meeting (its list of
//! decisions), so a single undo takes the whole decision back.

use jiff::Timestamp;
use jiff::civil::{Date, Time};

use super::id::{Id, MeasureId, MeetingId, OwnerId, TermId};
use super::model::{
    Backlog, Decision, DecisionKind, Guest, ItemTime, LogEntry, LogKind, Measure, Meeting, MeetingState, Status,
};
use super::ops::DomainError;
use super::patch::{Change, Edit, Key, Patch, Record};
use super::text::{multi_line, single_line};

/// What a person fills in before a meeting, whether it starts now or is planned for later.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingDraft {
    pub title: String,
    pub date: Date,
    pub time: Option<Time>,
    pub place: String,
    pub minutes_per_item: Option<u32>,
    pub attendees: Vec<OwnerId>,
    pub guests: Vec<Guest>,
    pub agenda: Vec<MeasureId>,
    // issue 16: glossary terms on the agenda, after the measures
    pub terms: Vec<TermId>,
}

impl MeetingDraft {
    /// A draft with only the essentials; the rest empty.
    pub fn new(title: &str, date: Date, attendees: Vec<OwnerId>, agenda: Vec<MeasureId>) -> MeetingDraft {
        MeetingDraft {
            title: title.to_string(),
            date,
            time: None,
            place: String::new(),
            minutes_per_item: None,
            attendees,
            guests: Vec::new(),
            agenda,
            terms: Vec::new(),
        }
    }
}

/// The outcome of one agenda item, as the chair records it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Vedtatt: the measure goes to `decided` — or, if it is decided already or further on,
    /// the decision is confirmed and the status kept (see [`Verdict::outcome`]).
    Approve,
    /// Parkert.
    Park,
    /// Avvist, with the reason in the decision text.
    Reject,
    /// Deferred to a later meeting with a new due date.
    Defer(Date),
    /// A new owner (or none).
    Owner(Option<OwnerId>),
    /// Tatt til orientering: discussed, nothing changes.
    Noted,
}

impl Verdict {
    /// What recording this verdict on a measure with status `now` will store, and the status it
    /// moves to (`None`: kept). Approve never moves a status backwards.
    pub fn outcome(&self, now: Status) -> (DecisionKind, Option<Status>) {
        let (kind, to) = match self {
            Verdict::Approve => match now {
                Status::Idea | Status::Assessing | Status::Parked | Status::Rejected => {
                    (DecisionKind::Approved, Some(Status::Decided))
                }
                Status::Decided | Status::InProgress | Status::Done => (DecisionKind::Confirmed, None),
            },
            Verdict::Park => (DecisionKind::Parked, Some(Status::Parked)),
            Verdict::Reject => (DecisionKind::Rejected, Some(Status::Rejected)),
            Verdict::Defer(_) => (DecisionKind::Deferred, None),
            Verdict::Owner(_) => (DecisionKind::OwnerChanged, None),
            Verdict::Noted => (DecisionKind::Noted, None),
        };
        (kind, to.filter(|to| *to != now))
    }
}

/// Why a measure is suggested for a meeting's agenda.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AgendaReason {
    Overdue,
    /// In assessment: the group is to decide.
    AwaitingDecision,
    NewSinceLastMeeting,
    ChangedSinceLastMeeting,
    /// Due before the next meeting (or within four weeks when none is planned).
    DueBeforeNextMeeting,
}

/// `HH:MM`.
pub fn time_text(time: Time) -> String {
    format!("{:02}:{:02}", time.hour(), time.minute())
}

/// The guests as they are typed: `Name (role); Name`.
pub fn guests_text(guests: &[Guest]) -> String {
    guests
        .iter()
        .map(|g| {
            if g.role.is_empty() {
                g.name.clone()
            } else {
                format!("{} ({})", g.name, g.role)
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn put_meeting(patch: &mut Patch, meeting: Meeting) {
    patch.0.push(Change {
        key: Key::Meeting(meeting.id),
        after: Some(Record::Meeting(meeting)),
    });
}

fn unique<T: PartialEq>(items: Vec<T>) -> Vec<T> {
    let mut out: Vec<T> = Vec::new();
    for item in items {
        if !out.contains(&item) {
            out.push(item);
        }
    }
    out
}

/// The start of the day after `day`, in UTC: what a meeting on `day` changed is not news after it.
fn day_after(day: Date) -> Option<Timestamp> {
    day.tomorrow()
        .ok()
        .and_then(|d| d.to_zoned(jiff::tz::TimeZone::UTC).ok())
        .map(|z| z.timestamp())
}

impl Backlog {
    pub fn meeting(&self, id: MeetingId) -> Option<&Meeting> {
        self.meetings
            .binary_search_by_key(&id, |m| m.id)
            .ok()
            .map(|i| &self.meetings[i])
    }

    /// The most recent meeting that took place (not merely planned) before or on `day`.
    pub fn last_meeting_before(&self, day: Date) -> Option<&Meeting> {
        self.meetings
            .iter()
            .filter(|m| m.state != MeetingState::Planned && m.date <= day)
            .max_by_key(|m| (m.date, m.id))
    }

    /// The earliest planned meeting after `day`.
    pub fn next_planned_after(&self, day: Date) -> Option<&Meeting> {
        self.meetings
            .iter()
            .filter(|m| m.state == MeetingState::Planned && m.date > day)
            .min_by_key(|m| (m.date, m.id))
    }

    fn checked_draft(&self, draft: &MeetingDraft) -> Result<(), DomainError> {
        if single_line(&draft.title).is_empty() {
            return Err(DomainError::EmptyTitle);
        }
        if let Some(m) = draft.agenda.iter().find(|m| self.measure(**m).is_none()) {
            return Err(DomainError::UnknownMeasure(*m));
        }
        if let Some(o) = draft.attendees.iter().find(|o| self.owner(**o).is_none()) {
            return Err(DomainError::UnknownOwner(*o));
        }
        if let Some(t) = draft.terms.iter().find(|t| self.term(**t).is_none()) {
            return Err(DomainError::UnknownTerm(*t));
        }
        Ok(())
    }

    /// Owners not among `attendees`: the members recorded as absent.
    fn absent_from(&self, attendees: &[OwnerId]) -> Vec<OwnerId> {
        self.owners
            .iter()
            .map(|o| o.id)
            .filter(|o| !attendees.contains(o))
            .collect()
    }

    /// Writes the draft's fields into `meeting`; a started meeting records who is absent.
    fn fill_meeting(&self, meeting: &mut Meeting, draft: MeetingDraft) {
        meeting.date = draft.date;
        meeting.title = single_line(&draft.title);
        meeting.time = draft.time;
        meeting.place = single_line(&draft.place);
        meeting.minutes_per_item = draft.minutes_per_item;
        meeting.attendees = unique(draft.attendees);
        meeting.guests = draft
            .guests
            .into_iter()
            .filter(|g| !single_line(&g.name).is_empty())
            .map(|g| Guest {
                name: single_line(&g.name),
                role: single_line(&g.role),
            })
            .collect();
        meeting.agenda = unique(draft.agenda);
        meeting.terms = unique(draft.terms);
        meeting.absent = if meeting.state == MeetingState::Planned {
            Vec::new()
        } else {
            self.absent_from(&meeting.attendees)
        };
    }

    /// Creates a meeting with the next free id, planned for later or started now
    /// ([`MeetingState::Running`]). Duplicate agenda items and attendees are dropped.
    pub fn create_meeting(
        &mut self,
        draft: MeetingDraft,
        state: MeetingState,
    ) -> Result<(MeetingId, Edit), DomainError> {
        self.checked_draft(&draft)?;
        let id = Id(super::ops::take_id(&mut self.next_ids.meeting, "meeting")?);
        let mut meeting = Meeting {
            id,
            date: draft.date,
            title: String::new(),
            attendees: Vec::new(),
            agenda: Vec::new(),
            decisions: Vec::new(),
            state,
            time: None,
            place: String::new(),
            minutes_per_item: None,
            absent: Vec::new(),
            guests: Vec::new(),
            time_spent: Vec::new(),
            terms: Vec::new(),
            term_decisions: Vec::new(),
            extra: Default::default(),
        };
        self.fill_meeting(&mut meeting, draft);
        let mut patch = Patch::default();
        put_meeting(&mut patch, meeting);
        Ok((id, self.commit(patch)))
    }

    /// Changes a planned meeting, or starts it (`state` Running). A meeting that took place
    /// keeps what it was.
    pub fn update_planned_meeting(
        &mut self,
        id: MeetingId,
        draft: MeetingDraft,
        state: MeetingState,
    ) -> Result<Edit, DomainError> {
        self.checked_draft(&draft)?;
        let mut meeting = self.meeting(id).ok_or(DomainError::UnknownMeeting(id))?.clone();
        if meeting.state != MeetingState::Planned {
            return Err(DomainError::MeetingHeld(id));
        }
        meeting.state = state;
        self.fill_meeting(&mut meeting, draft);
        let mut patch = Patch::default();
        put_meeting(&mut patch, meeting);
        Ok(self.commit(patch))
    }

    /// Deletes a planned meeting; a meeting that took place is kept as a record.
    pub fn delete_planned_meeting(&mut self, id: MeetingId) -> Result<Edit, DomainError> {
        let meeting = self.meeting(id).ok_or(DomainError::UnknownMeeting(id))?;
        if meeting.state != MeetingState::Planned {
            return Err(DomainError::MeetingHeld(id));
        }
        let patch = Patch(vec![Change {
            key: Key::Meeting(id),
            after: None,
        }]);
        Ok(self.commit(patch))
    }

    /// Books the time spent per item and where the meeting is (running or held).
    pub fn book_meeting(
        &mut self,
        id: MeetingId,
        state: MeetingState,
        time_spent: Vec<ItemTime>,
    ) -> Result<Edit, DomainError> {
        let mut meeting = self.meeting(id).ok_or(DomainError::UnknownMeeting(id))?.clone();
        meeting.state = state;
        meeting.time_spent = time_spent.into_iter().filter(|t| t.secs > 0).collect();
        let mut patch = Patch::default();
        put_meeting(&mut patch, meeting);
        Ok(self.commit(patch))
    }

    fn meeting_and_measure(&self, meeting: MeetingId, measure: MeasureId) -> Result<(Meeting, Measure), DomainError> {
        let found = self.meeting(meeting).ok_or(DomainError::UnknownMeeting(meeting))?;
        let m = self.measure(measure).ok_or(DomainError::UnknownMeasure(measure))?;
        Ok((found.clone(), m.clone()))
    }

    /// Records the group's decision on `measure` in `meeting`: the measure's status, owner or
    /// due date change as the verdict says, its log gets a decision entry (and a status-change
    /// entry) with the meeting id, and the meeting keeps the decision's kind and `text` (the
    /// free text: a rejection's reason).
    pub fn record_decision(
        &mut self,
        meeting: MeetingId,
        measure: MeasureId,
        verdict: Verdict,
        text: &str,
        now: Timestamp,
    ) -> Result<Edit, DomainError> {
        let (mut meeting_record, mut changed) = self.meeting_and_measure(meeting, measure)?;
        let mut text = multi_line(text).trim().to_string();
        if let Verdict::Owner(owner) = verdict {
            text = match owner {
                Some(owner) => self.owner(owner).ok_or(DomainError::UnknownOwner(owner))?.name.clone(),
                None => String::new(),
            };
        }
        let (kind, to) = verdict.outcome(changed.status);
        let due = match verdict {
            Verdict::Defer(due) => Some(due),
            _ => None,
        };
        changed.log.push(LogEntry {
            at: now,
            kind: LogKind::Decision,
            text: text.clone(),
            from: None,
            to: None,
            meeting: Some(meeting),
            decision: Some(kind),
            due,
            author: String::new(),
        });
        if let Some(to) = to {
            changed.log.push(LogEntry {
                at: now,
                kind: LogKind::StatusChange,
                text: String::new(),
                from: Some(changed.status),
                to: Some(to),
                meeting: Some(meeting),
                decision: None,
                due: None,
                author: String::new(),
            });
            changed.status = to;
        }
        match verdict {
            Verdict::Defer(due) => changed.due = Some(due),
            Verdict::Owner(owner) => changed.owner = owner,
            Verdict::Approve | Verdict::Park | Verdict::Reject | Verdict::Noted => {}
        }
        changed.updated = now;
        if !meeting_record.agenda.contains(&measure) {
            meeting_record.agenda.push(measure);
        }
        meeting_record.decisions.push(Decision {
            measure,
            at: now,
            kind: Some(kind),
            text,
            due,
        });
        let mut patch = Patch::default();
        patch.put_measure(changed);
        put_meeting(&mut patch, meeting_record);
        Ok(self.commit(patch))
    }

    /// Adds a note from `meeting` to the measure's log. Line breaks are kept.
    pub fn note_in_meeting(
        &mut self,
        meeting: MeetingId,
        measure: MeasureId,
        text: &str,
        now: Timestamp,
    ) -> Result<Edit, DomainError> {
        self.meeting_and_measure(meeting, measure)?;
        let text = multi_line(text).trim_start().to_string();
        if text.is_empty() {
            return Err(DomainError::EmptyText);
        }
        self.log_to_measure(
            measure,
            LogEntry {
                meeting: Some(meeting),
                ..LogEntry::note(now, text)
            },
        )
    }

    /// The decisions a meeting recorded on `measure`, oldest first.
    pub fn decisions_on<'a>(&'a self, meeting: &'a Meeting, measure: MeasureId) -> impl Iterator<Item = &'a Decision> {
        meeting.decisions.iter().filter(move |d| d.measure == measure)
    }

    /// Notes written about `measure` in `meeting`, oldest first.
    pub fn notes_from(&self, meeting: MeetingId, measure: MeasureId) -> impl Iterator<Item = &LogEntry> {
        self.measure(measure)
            .into_iter()
            .flat_map(|m| m.log.iter())
            .filter(move |e| e.kind == LogKind::Note && e.meeting == Some(meeting))
    }

    /// An agenda item counts as discussed when the meeting decided (noted included) or wrote a
    /// note on it.
    pub fn was_discussed(&self, meeting: &Meeting, measure: MeasureId) -> bool {
        self.decisions_on(meeting, measure).next().is_some() || self.notes_from(meeting.id, measure).next().is_some()
    }

    /// How many agenda items got at least one decision.
    /// Agenda items the meeting decided on: measures with a decision, then glossary terms.
    pub fn decided_count(&self, meeting: &Meeting) -> usize {
        let measures = meeting
            .agenda
            .iter()
            .filter(|m| meeting.decisions.iter().any(|d| d.measure == **m))
            .count();
        let terms = meeting
            .terms
            .iter()
            .filter(|t| meeting.term_decisions.iter().any(|d| d.term == **t))
            .count();
        measures + terms
    }

    /// Why `m` belongs on the next meeting's agenda (empty: it does not). Only active measures
    /// qualify. `since` is when the last meeting's day ended; `horizon` the next meeting's date.
    pub fn agenda_reasons(
        &self,
        m: &Measure,
        today: Date,
        since: Option<Timestamp>,
        horizon: Date,
    ) -> Vec<AgendaReason> {
        let mut reasons = Vec::new();
        if !m.status.is_active() {
            return reasons;
        }
        if m.is_overdue(today) {
            reasons.push(AgendaReason::Overdue);
        }
        if m.status == Status::Assessing {
            reasons.push(AgendaReason::AwaitingDecision);
        }
        if let Some(since) = since {
            if m.created > since {
                reasons.push(AgendaReason::NewSinceLastMeeting);
            } else if m.updated > since {
                reasons.push(AgendaReason::ChangedSinceLastMeeting);
            }
        }
        if m.due.is_some_and(|due| due >= today && due < horizon) {
            reasons.push(AgendaReason::DueBeforeNextMeeting);
        }
        reasons
    }

    /// The window [`Backlog::agenda_reasons`] looks at on `today`: since the last meeting, until
    /// the next planned one (or four weeks ahead).
    pub fn agenda_window(&self, today: Date) -> (Option<Timestamp>, Date) {
        let since = self.last_meeting_before(today).and_then(|m| day_after(m.date));
        let horizon = self
            .next_planned_after(today)
            .map(|m| m.date)
            .or_else(|| today.checked_add(jiff::Span::new().days(28)).ok())
            .unwrap_or(today);
        (since, horizon)
    }

    /// "Neste møte": what the next meeting should look at, each active measure once with why:
    /// overdue first, then awaiting a decision, new, changed since the last meeting, and due
    /// before the next meeting; by id within each group.
    pub fn next_meeting_suggestion(&self, today: Date) -> Vec<(MeasureId, Vec<AgendaReason>)> {
        let (since, horizon) = self.agenda_window(today);
        let mut out: Vec<(MeasureId, Vec<AgendaReason>)> = self
            .measures
            .iter()
            .map(|m| (m.id, self.agenda_reasons(m, today, since, horizon)))
            .filter(|(_, reasons)| !reasons.is_empty())
            .collect();
        out.sort_by_key(|(id, reasons)| (reasons[0] as u8, *id));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{MeasureDraft, OwnerDraft};

    fn now() -> Timestamp {
        "2026-11-30T09:00:00Z".parse().unwrap()
    }

    fn backlog() -> (Backlog, MeasureId, MeasureId, OwnerId) {
        let mut b = Backlog::new("t", &["Oppvekst"]);
        let (owner, _) = b
            .add_owner(OwnerDraft {
                name: "Kari".into(),
                role: String::new(),
                sector: None,
            })
            .unwrap();
        let mut draft = MeasureDraft::titled("Ett");
        draft.status = Status::Assessing;
        let (a, _) = b.add_measure(draft, now()).unwrap();
        let (c, _) = b.add_measure(MeasureDraft::titled("To"), now()).unwrap();
        (b, a, c, owner)
    }

    fn meeting(b: &mut Backlog, agenda: Vec<MeasureId>) -> MeetingId {
        let draft = MeetingDraft::new("Toppledermøte", jiff::civil::date(2026, 11, 30), vec![], agenda);
        b.create_meeting(draft, MeetingState::Running).unwrap().0
    }

    #[test]
    fn meeting_ids_count_up_and_undo_removes_the_meeting() {
        let (mut b, a, _, _) = backlog();
        let before = b.clone();
        let draft = MeetingDraft::new(" Møte ", jiff::civil::date(2026, 11, 30), vec![], vec![a, a]);
        let (id, edit) = b.create_meeting(draft, MeetingState::Running).unwrap();
        assert_eq!(id.to_string(), "M-1");
        assert_eq!(b.meeting(id).unwrap().agenda, vec![a]);
        assert_eq!(b.meeting(id).unwrap().title, "Møte");
        b.apply(&edit.undo);
        assert_eq!(b.meetings, before.meetings);
        assert_eq!(meeting(&mut b, vec![]).to_string(), "M-2", "ids are never reused");
    }

    #[test]
    fn approving_changes_status_logs_with_meeting_and_undo_restores_everything() {
        let (mut b, a, _, _) = backlog();
        let m = meeting(&mut b, vec![a]);
        let before = b.clone();
        let edit = b.record_decision(m, a, Verdict::Approve, "", now()).unwrap();
        let measure = b.measure(a).unwrap();
        assert_eq!(measure.status, Status::Decided);
        let kinds: Vec<_> = measure.log.iter().map(|e| (e.kind, e.meeting, e.decision)).collect();
        assert_eq!(
            kinds,
            vec![
                (LogKind::Decision, Some(m), Some(DecisionKind::Approved)),
                (LogKind::StatusChange, Some(m), None)
            ]
        );
        assert_eq!(b.meeting(m).unwrap().decisions[0].kind, Some(DecisionKind::Approved));
        assert_eq!(b.decided_count(b.meeting(m).unwrap()), 1);
        b.apply(&edit.undo);
        assert_eq!(b, before);
    }

    #[test]
    fn approve_never_moves_a_status_backwards() {
        for status in Status::ALL {
            let (mut b, a, _, _) = backlog();
            let mut draft = MeasureDraft::titled("x");
            draft.status = status;
            b.update_measure(a, draft, now()).unwrap();
            let m = meeting(&mut b, vec![a]);
            let log_before = b.measure(a).unwrap().log.len();
            b.record_decision(m, a, Verdict::Approve, "", now()).unwrap();
            let after = b.measure(a).unwrap();
            let forward = matches!(
                status,
                Status::Idea | Status::Assessing | Status::Parked | Status::Rejected
            );
            let expected = if forward { Status::Decided } else { status };
            assert_eq!(after.status, expected, "approve on {status:?}");
            let kind = if forward {
                DecisionKind::Approved
            } else {
                DecisionKind::Confirmed
            };
            assert_eq!(b.meeting(m).unwrap().decisions[0].kind, Some(kind), "{status:?}");
            let new_entries = after.log.len() - log_before;
            assert_eq!(
                new_entries,
                if forward { 2 } else { 1 },
                "no status entry when kept: {status:?}"
            );
        }
    }

    #[test]
    fn noted_counts_as_discussed_and_changes_nothing() {
        let (mut b, a, c, _) = backlog();
        let m = meeting(&mut b, vec![a, c]);
        let status = b.measure(a).unwrap().status;
        b.record_decision(m, a, Verdict::Noted, "", now()).unwrap();
        let record = b.meeting(m).unwrap().clone();
        assert!(b.was_discussed(&record, a));
        assert!(!b.was_discussed(&record, c));
        assert_eq!(b.measure(a).unwrap().status, status);
        assert_eq!(record.decisions[0].kind, Some(DecisionKind::Noted));
    }

    #[test]
    fn defer_and_owner_change_keep_the_status_and_store_date_and_name() {
        let (mut b, a, _, owner) = backlog();
        let m = meeting(&mut b, vec![a]);
        let due = jiff::civil::date(2027, 3, 31);
        b.record_decision(m, a, Verdict::Defer(due), "", now()).unwrap();
        b.record_decision(m, a, Verdict::Owner(Some(owner)), "", now()).unwrap();
        let measure = b.measure(a).unwrap();
        assert_eq!(
            (measure.status, measure.due, measure.owner),
            (Status::Assessing, Some(due), Some(owner))
        );
        let decisions = &b.meeting(m).unwrap().decisions;
        assert_eq!(
            (decisions[0].kind, decisions[0].due),
            (Some(DecisionKind::Deferred), Some(due))
        );
        assert_eq!(
            (decisions[1].kind, decisions[1].text.as_str()),
            (Some(DecisionKind::OwnerChanged), "Kari")
        );
        assert_eq!(
            b.record_decision(m, a, Verdict::Owner(Some(Id(99))), "x", now()),
            Err(DomainError::UnknownOwner(Id(99)))
        );
    }

    #[test]
    fn notes_are_logged_with_the_meeting_and_count_as_discussed() {
        let (mut b, a, c, _) = backlog();
        let m = meeting(&mut b, vec![a, c]);
        b.note_in_meeting(m, a, "Må se på kostnadene\nog fristen", now())
            .unwrap();
        let record = b.meeting(m).unwrap().clone();
        assert!(b.was_discussed(&record, a));
        assert!(!b.was_discussed(&record, c));
        assert_eq!(
            b.notes_from(m, a).next().unwrap().text,
            "Må se på kostnadene\nog fristen"
        );
        assert_eq!(b.note_in_meeting(m, a, "  ", now()), Err(DomainError::EmptyText));
    }

    #[test]
    fn started_meetings_record_absent_owners_and_planned_ones_can_be_edited_and_deleted() {
        let (mut b, a, _, kari) = backlog();
        let (ola, _) = b
            .add_owner(OwnerDraft {
                name: "Ola".into(),
                role: String::new(),
                sector: None,
            })
            .unwrap();
        let mut draft = MeetingDraft::new("Plan", jiff::civil::date(2026, 12, 14), vec![kari], vec![a]);
        let (planned, _) = b.create_meeting(draft.clone(), MeetingState::Planned).unwrap();
        assert!(
            b.meeting(planned).unwrap().absent.is_empty(),
            "nobody is absent before it starts"
        );
        draft.place = "Rådhuset".into();
        draft.guests = vec![Guest {
            name: " Per ".into(),
            role: "revisor".into(),
        }];
        b.update_planned_meeting(planned, draft.clone(), MeetingState::Running)
            .unwrap();
        let started = b.meeting(planned).unwrap();
        assert_eq!(
            (started.state, started.place.as_str()),
            (MeetingState::Running, "Rådhuset")
        );
        assert_eq!(started.absent, vec![ola]);
        assert_eq!(started.guests[0].name, "Per");
        assert_eq!(
            b.update_planned_meeting(planned, draft.clone(), MeetingState::Planned),
            Err(DomainError::MeetingHeld(planned))
        );
        assert_eq!(
            b.delete_planned_meeting(planned),
            Err(DomainError::MeetingHeld(planned))
        );
        let (other, _) = b.create_meeting(draft, MeetingState::Planned).unwrap();
        b.delete_planned_meeting(other).unwrap();
        assert!(b.meeting(other).is_none());
        b.delete_owner(ola, now()).unwrap();
        assert!(
            b.meeting(planned).unwrap().absent.is_empty(),
            "a deleted owner is unlinked"
        );
        assert!(b.invariant_violations().is_empty());
    }

    #[test]
    fn suggestion_holds_active_measures_only_each_with_its_reasons() {
        let (mut b, a, c, _) = backlog();
        let mut late = MeasureDraft::titled("Sen");
        late.status = Status::InProgress;
        late.due = Some(jiff::civil::date(2026, 1, 1));
        let (overdue, _) = b.add_measure(late, now()).unwrap();
        let mut finished = MeasureDraft::titled("Ferdig");
        finished.status = Status::Done;
        finished.due = Some(jiff::civil::date(2026, 12, 5));
        b.add_measure(finished, now()).unwrap();
        let mut soon = MeasureDraft::titled("Snart");
        soon.status = Status::Decided;
        soon.due = Some(jiff::civil::date(2026, 12, 20));
        let (due_soon, _) = b.add_measure(soon, now()).unwrap();
        let today = jiff::civil::date(2026, 12, 1);
        let ids = |s: Vec<(MeasureId, Vec<AgendaReason>)>| s.into_iter().map(|(id, _)| id).collect::<Vec<_>>();
        assert_eq!(ids(b.next_meeting_suggestion(today)), vec![overdue, a, due_soon]);
        b.create_meeting(
            MeetingDraft::new("M", jiff::civil::date(2026, 11, 1), vec![], vec![]),
            MeetingState::Held,
        )
        .unwrap();
        // Everything was created after the meeting on 1 November: new, unless a stronger reason.
        let suggestion = b.next_meeting_suggestion(today);
        assert_eq!(ids(suggestion.clone()), vec![overdue, a, c, due_soon]);
        assert_eq!(
            suggestion[0].1,
            vec![AgendaReason::Overdue, AgendaReason::NewSinceLastMeeting]
        );
        assert_eq!(
            suggestion[3].1,
            vec![AgendaReason::NewSinceLastMeeting, AgendaReason::DueBeforeNextMeeting]
        );
    }
}
