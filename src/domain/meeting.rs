//! Meetings: creating one with its agenda, and recording what the group decides on each item.
//! Every decision is one [`Edit`] touching both the measure (status, owner, due, log) and the
//! meeting (its list of decisions), so a single undo takes the whole decision back.

use jiff::Timestamp;
use jiff::civil::Date;

use super::id::{Id, MeasureId, MeetingId, OwnerId};
use super::model::{Backlog, Decision, LogEntry, LogKind, Measure, Meeting, Status};
use super::ops::DomainError;
use super::patch::{Change, Edit, Key, Patch, Record};
use super::text::{multi_line, single_line};

/// What a person fills in before a meeting starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingDraft {
    pub title: String,
    pub date: Date,
    pub attendees: Vec<OwnerId>,
    pub agenda: Vec<MeasureId>,
}

/// The outcome of one agenda item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Vedtatt: the measure goes to `decided`.
    Approve,
    /// Parkert.
    Park,
    /// Avvist, with the reason in the decision text.
    Reject,
    /// Deferred to a later meeting with a new due date.
    Defer(Date),
    /// A new owner (or none).
    Owner(Option<OwnerId>),
}

impl Verdict {
    fn status(&self) -> Option<Status> {
        match self {
            Verdict::Approve => Some(Status::Decided),
            Verdict::Park => Some(Status::Parked),
            Verdict::Reject => Some(Status::Rejected),
            Verdict::Defer(_) | Verdict::Owner(_) => None,
        }
    }
}

fn put_meeting(patch: &mut Patch, meeting: Meeting) {
    patch.0.push(Change {
        key: Key::Meeting(meeting.id),
        after: Some(Record::Meeting(meeting)),
    });
}

impl Backlog {
    pub fn meeting(&self, id: MeetingId) -> Option<&Meeting> {
        self.meetings
            .binary_search_by_key(&id, |m| m.id)
            .ok()
            .map(|i| &self.meetings[i])
    }

    /// The most recent meeting before or on `day`, if any.
    pub fn last_meeting_before(&self, day: Date) -> Option<&Meeting> {
        self.meetings
            .iter()
            .filter(|m| m.date <= day)
            .max_by_key(|m| (m.date, m.id))
    }

    /// Creates a meeting with the next free id. Duplicate agenda items and attendees are dropped.
    pub fn create_meeting(&mut self, draft: MeetingDraft) -> Result<(MeetingId, Edit), DomainError> {
        if single_line(&draft.title).is_empty() {
            return Err(DomainError::EmptyTitle);
        }
        if let Some(m) = draft.agenda.iter().find(|m| self.measure(**m).is_none()) {
            return Err(DomainError::UnknownMeasure(*m));
        }
        if let Some(o) = draft.attendees.iter().find(|o| self.owner(**o).is_none()) {
            return Err(DomainError::UnknownOwner(*o));
        }
        let id = Id(super::ops::take_id(&mut self.next_ids.meeting, "meeting")?);
        let mut agenda: Vec<MeasureId> = Vec::new();
        for item in draft.agenda {
            if !agenda.contains(&item) {
                agenda.push(item);
            }
        }
        let mut attendees: Vec<OwnerId> = Vec::new();
        for owner in draft.attendees {
            if !attendees.contains(&owner) {
                attendees.push(owner);
            }
        }
        let meeting = Meeting {
            id,
            date: draft.date,
            title: single_line(&draft.title),
            attendees,
            agenda,
            decisions: Vec::new(),
            extra: Default::default(),
        };
        let mut patch = Patch::default();
        put_meeting(&mut patch, meeting);
        Ok((id, self.commit(patch)))
    }

    fn meeting_and_measure(&self, meeting: MeetingId, measure: MeasureId) -> Result<(Meeting, Measure), DomainError> {
        let found = self.meeting(meeting).ok_or(DomainError::UnknownMeeting(meeting))?;
        let m = self.measure(measure).ok_or(DomainError::UnknownMeasure(measure))?;
        Ok((found.clone(), m.clone()))
    }

    /// Records the group's decision on `measure` in `meeting`: the measure's status, owner or
    /// due date change as the verdict says, its log gets a decision entry (and a status-change
    /// entry) with the meeting id, and the meeting keeps the decision text.
    pub fn record_decision(
        &mut self,
        meeting: MeetingId,
        measure: MeasureId,
        verdict: Verdict,
        text: &str,
        now: Timestamp,
    ) -> Result<Edit, DomainError> {
        let (mut meeting_record, mut changed) = self.meeting_and_measure(meeting, measure)?;
        if let Verdict::Owner(Some(owner)) = verdict
            && self.owner(owner).is_none()
        {
            return Err(DomainError::UnknownOwner(owner));
        }
        let text = multi_line(text).trim_start().to_string();
        changed.log.push(LogEntry {
            at: now,
            kind: LogKind::Decision,
            text: text.clone(),
            from: None,
            to: None,
            meeting: Some(meeting),
        });
        if let Some(to) = verdict.status().filter(|to| *to != changed.status) {
            changed.log.push(LogEntry {
                at: now,
                kind: LogKind::StatusChange,
                text: String::new(),
                from: Some(changed.status),
                to: Some(to),
                meeting: Some(meeting),
            });
            changed.status = to;
        }
        match verdict {
            Verdict::Defer(due) => changed.due = Some(due),
            Verdict::Owner(owner) => changed.owner = owner,
            Verdict::Approve | Verdict::Park | Verdict::Reject => {}
        }
        changed.updated = now;
        if !meeting_record.agenda.contains(&measure) {
            meeting_record.agenda.push(measure);
        }
        meeting_record.decisions.push(Decision { measure, at: now, text });
        let mut patch = Patch::default();
        patch.put_measure(changed);
        put_meeting(&mut patch, meeting_record);
        Ok(self.commit(patch))
    }

    /// Adds a note from `meeting` to the measure's log.
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
                at: now,
                kind: LogKind::Note,
                text,
                from: None,
                to: None,
                meeting: Some(meeting),
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

    /// An agenda item counts as discussed when the meeting decided or noted something on it.
    pub fn was_discussed(&self, meeting: &Meeting, measure: MeasureId) -> bool {
        self.decisions_on(meeting, measure).next().is_some() || self.notes_from(meeting.id, measure).next().is_some()
    }

    /// How many agenda items got at least one decision.
    pub fn decided_count(&self, meeting: &Meeting) -> usize {
        meeting
            .agenda
            .iter()
            .filter(|m| meeting.decisions.iter().any(|d| d.measure == **m))
            .count()
    }

    /// "Neste møte": what the next meeting should look at. Decided or in-progress measures that
    /// are overdue, measures awaiting assessment, and measures changed since the last meeting
    /// (all active ones), in that order, each once, by id within each group.
    pub fn next_meeting_suggestion(&self, today: Date) -> Vec<MeasureId> {
        // What the last meeting itself changed is not news: count from the day after it.
        let since = self
            .last_meeting_before(today)
            .and_then(|m| m.date.tomorrow().ok())
            .and_then(|d| d.to_zoned(jiff::tz::TimeZone::UTC).ok())
            .map(|z| z.timestamp());
        let mut out: Vec<MeasureId> = Vec::new();
        let mut push = |id: MeasureId| {
            if !out.contains(&id) {
                out.push(id);
            }
        };
        let measures = || self.measures.iter();
        for m in measures() {
            if matches!(m.status, Status::Decided | Status::InProgress) && m.is_overdue(today) {
                push(m.id);
            }
        }
        for m in measures().filter(|m| m.status == Status::Assessing) {
            push(m.id);
        }
        if let Some(since) = since {
            for m in measures().filter(|m| m.status.is_active() && m.updated > since) {
                push(m.id);
            }
        }
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
        b.create_meeting(MeetingDraft {
            title: "Toppledermøte".into(),
            date: jiff::civil::date(2026, 11, 30),
            attendees: vec![],
            agenda,
        })
        .unwrap()
        .0
    }

    #[test]
    fn meeting_ids_count_up_and_undo_removes_the_meeting() {
        let (mut b, a, _, _) = backlog();
        let before = b.clone();
        let (id, edit) = b
            .create_meeting(MeetingDraft {
                title: " Møte ".into(),
                date: jiff::civil::date(2026, 11, 30),
                attendees: vec![],
                agenda: vec![a, a],
            })
            .unwrap();
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
        let edit = b.record_decision(m, a, Verdict::Approve, "Vedtatt.", now()).unwrap();
        let measure = b.measure(a).unwrap();
        assert_eq!(measure.status, Status::Decided);
        let kinds: Vec<_> = measure.log.iter().map(|e| (e.kind, e.meeting)).collect();
        assert_eq!(
            kinds,
            vec![(LogKind::Decision, Some(m)), (LogKind::StatusChange, Some(m))]
        );
        assert_eq!(b.meeting(m).unwrap().decisions[0].text, "Vedtatt.");
        assert_eq!(b.decided_count(b.meeting(m).unwrap()), 1);
        b.apply(&edit.undo);
        assert_eq!(b, before);
    }

    #[test]
    fn defer_and_owner_change_keep_the_status() {
        let (mut b, a, _, owner) = backlog();
        let m = meeting(&mut b, vec![a]);
        let due = jiff::civil::date(2027, 3, 31);
        b.record_decision(m, a, Verdict::Defer(due), "Utsatt", now()).unwrap();
        b.record_decision(m, a, Verdict::Owner(Some(owner)), "Ny eier", now())
            .unwrap();
        let measure = b.measure(a).unwrap();
        assert_eq!(
            (measure.status, measure.due, measure.owner),
            (Status::Assessing, Some(due), Some(owner))
        );
        assert_eq!(b.meeting(m).unwrap().decisions.len(), 2);
        assert_eq!(
            b.record_decision(m, a, Verdict::Owner(Some(Id(99))), "x", now()),
            Err(DomainError::UnknownOwner(Id(99)))
        );
    }

    #[test]
    fn notes_are_logged_with_the_meeting_and_count_as_discussed() {
        let (mut b, a, c, _) = backlog();
        let m = meeting(&mut b, vec![a, c]);
        b.note_in_meeting(m, a, "Må se på kostnadene", now()).unwrap();
        let record = b.meeting(m).unwrap().clone();
        assert!(b.was_discussed(&record, a));
        assert!(!b.was_discussed(&record, c));
        assert_eq!(b.notes_from(m, a).count(), 1);
        assert_eq!(b.note_in_meeting(m, a, "  ", now()), Err(DomainError::EmptyText));
    }

    #[test]
    fn suggestion_has_overdue_decided_then_assessing_then_changed_since_last_meeting() {
        let (mut b, a, c, _) = backlog();
        let mut late = MeasureDraft::titled("Sen");
        late.status = Status::InProgress;
        late.due = Some(jiff::civil::date(2026, 1, 1));
        let (overdue, _) = b.add_measure(late, now()).unwrap();
        let today = jiff::civil::date(2026, 12, 1);
        assert_eq!(b.next_meeting_suggestion(today), vec![overdue, a]);
        b.create_meeting(MeetingDraft {
            title: "M".into(),
            date: jiff::civil::date(2026, 11, 1),
            attendees: vec![],
            agenda: vec![],
        })
        .unwrap();
        // `c` (an idea) was changed after the meeting on 1 November.
        assert_eq!(b.next_meeting_suggestion(today), vec![overdue, a, c]);
    }
}
