//! What changed since the last meeting, read from the measures' logs (and their created and due
//! dates), so the app, the agenda handout and `tiltak changes` tell the same story.

use jiff::Timestamp;
use jiff::civil::Date;

use crate::domain::{Backlog, DecisionKind, LogKind, MeasureId, MeetingId, MeetingState};
use crate::i18n::{Lang, Msg};

/// Where "since" starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Since {
    /// After the day of this meeting (what it decided itself is not news).
    Meeting(MeetingId),
    /// From the start of this day.
    Date(Date),
    /// From the beginning: everything is new.
    Start,
}

/// One change to one measure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    New,
    Status {
        from: crate::domain::Status,
        to: crate::domain::Status,
    },
    /// The new owner's name (empty: no owner).
    Owner(String),
    Due(Option<Date>),
    /// The due date passed while the measure was active.
    BecameOverdue(Date),
    Note(String),
    Decision {
        kind: Option<DecisionKind>,
        text: String,
        due: Option<Date>,
    },
}

impl Change {
    /// The change in words, in `lang`.
    pub fn describe(&self, lang: Lang) -> String {
        let none = || lang.tr(Msg::None).to_string();
        match self {
            Change::New => lang.tr(Msg::ChangeNew).to_string(),
            Change::Status { from, to } => lang.fill(
                Msg::ChangeStatus,
                &[("from", lang.status(*from)), ("to", lang.status(*to))],
            ),
            Change::Owner(name) if name.is_empty() => lang.fill(Msg::ChangeOwner, &[("name", &none())]),
            Change::Owner(name) => lang.fill(Msg::ChangeOwner, &[("name", name)]),
            Change::Due(due) => lang.fill(Msg::ChangeDue, &[("date", &due.map_or_else(none, |d| lang.date(d)))]),
            Change::BecameOverdue(due) => lang.fill(Msg::ChangeOverdue, &[("date", &lang.date(*due))]),
            Change::Note(text) => lang.fill(Msg::ChangeNote, &[("text", &text.replace('\n', " / "))]),
            Change::Decision { kind, text, due } => {
                lang.fill(Msg::ChangeDecision, &[("text", &lang.decision(*kind, text, *due))])
            }
        }
    }
}

// issue 11: who did what
/// A change and the member whose log entry says it (empty: not known, as for a new measure,
/// a due date that passed, or an entry from before authors).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangeBy {
    pub change: Change,
    pub author: String,
}

impl ChangeBy {
    /// The change in words with its author, in `lang`: `status idea → assessing – Kari`.
    pub fn describe(&self, lang: Lang) -> String {
        let text = self.change.describe(lang);
        if self.author.is_empty() {
            return text;
        }
        format!("{text} {}", lang.fill(Msg::LogAuthor, &[("author", &self.author)]))
    }
}

fn unsigned(change: Change) -> ChangeBy {
    ChangeBy {
        change,
        author: String::new(),
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeasureChanges {
    pub measure: MeasureId,
    pub changes: Vec<ChangeBy>,
}

fn start_of(day: Date) -> Option<Timestamp> {
    day.to_zoned(jiff::tz::TimeZone::UTC).ok().map(|z| z.timestamp())
}

/// The last meeting held (or interrupted) on or before `today`: the default "since".
pub fn default_since(backlog: &Backlog, today: Date) -> Since {
    backlog
        .meetings
        .iter()
        .filter(|m| m.state != MeetingState::Planned && m.date <= today)
        .max_by_key(|m| (m.date, m.id))
        .map_or(Since::Start, |m| Since::Meeting(m.id))
}

/// The first instant that counts, and the first day (for "became overdue").
fn window(backlog: &Backlog, since: Since) -> (Option<Timestamp>, Option<Date>) {
    let day = match since {
        Since::Meeting(id) => backlog.meeting(id).and_then(|m| m.date.tomorrow().ok()),
        Since::Date(day) => Some(day),
        Since::Start => None,
    };
    (day.and_then(start_of), day)
}

/// Per measure (by id), what changed since `since` up to `today`. Measures with no change are
/// left out.
pub fn changes_since(backlog: &Backlog, since: Since, today: Date) -> Vec<MeasureChanges> {
    let (from, first_day) = window(backlog, since);
    let counts = |at: Timestamp| from.is_none_or(|from| at >= from);
    let mut out = Vec::new();
    for m in &backlog.measures {
        let mut changes = Vec::new();
        if counts(m.created) {
            changes.push(unsigned(Change::New));
        }
        for entry in m.log.iter().filter(|e| counts(e.at)) {
            let change = match entry.kind {
                LogKind::StatusChange => match (entry.from, entry.to) {
                    (Some(from), Some(to)) => Change::Status { from, to },
                    _ => continue,
                },
                LogKind::OwnerChange => Change::Owner(entry.text.clone()),
                LogKind::DueChange => Change::Due(entry.due),
                LogKind::Note => Change::Note(entry.text.clone()),
                LogKind::Decision => Change::Decision {
                    kind: entry.decision,
                    text: entry.text.clone(),
                    due: entry.due,
                },
            };
            changes.push(ChangeBy {
                change,
                author: entry.author.clone(),
            });
        }
        if let Some(due) = m
            .due
            .filter(|due| m.status.is_active() && *due < today && first_day.is_none_or(|first| *due >= first))
        {
            changes.push(unsigned(Change::BecameOverdue(due)));
        }
        if !changes.is_empty() {
            out.push(MeasureChanges { measure: m.id, changes });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{MeasureDraft, MeetingDraft, OwnerDraft, Status};

    fn at(text: &str) -> Timestamp {
        text.parse().unwrap()
    }

    #[test]
    fn changes_after_the_last_meeting_come_from_the_log() {
        let mut b = Backlog::new("t", &[]);
        let (kari, _) = b
            .add_owner(OwnerDraft {
                name: "Kari".into(),
                role: String::new(),
                sector: None,
            })
            .unwrap();
        let mut old = MeasureDraft::titled("Gammel");
        old.due = Some(jiff::civil::date(2026, 11, 20));
        let (old_id, _) = b.add_measure(old.clone(), at("2026-10-01T09:00:00Z")).unwrap();
        let (quiet, _) = b
            .add_measure(MeasureDraft::titled("Stille"), at("2026-10-01T09:00:00Z"))
            .unwrap();
        b.create_meeting(
            MeetingDraft::new("M", jiff::civil::date(2026, 11, 2), vec![], vec![]),
            MeetingState::Held,
        )
        .unwrap();
        // Changes on the meeting day itself are the meeting's own.
        b.step_status(quiet, true, at("2026-11-02T10:00:00Z")).unwrap();
        let mut edited = old;
        edited.owner = Some(kari);
        edited.status = Status::Assessing;
        let mut edit = b
            .update_measure(old_id, edited, at("2026-11-10T09:00:00Z"))
            .unwrap()
            .unwrap();
        edit.sign(&mut b, "Ola");
        let (new_id, _) = b
            .add_measure(MeasureDraft::titled("Ny"), at("2026-11-15T09:00:00Z"))
            .unwrap();
        let today = jiff::civil::date(2026, 11, 30);
        let since = default_since(&b, today);
        let changes = changes_since(&b, since, today);
        assert_eq!(changes.len(), 2, "{changes:?}");
        assert_eq!(changes[0].measure, old_id);
        let kinds: Vec<&Change> = changes[0].changes.iter().map(|c| &c.change).collect();
        assert_eq!(
            kinds,
            vec![
                &Change::Status {
                    from: Status::Idea,
                    to: Status::Assessing
                },
                &Change::Owner("Kari".into()),
                &Change::BecameOverdue(jiff::civil::date(2026, 11, 20)),
            ]
        );
        let authors: Vec<&str> = changes[0].changes.iter().map(|c| c.author.as_str()).collect();
        assert_eq!(authors, ["Ola", "Ola", ""], "a passed due date has no author");
        assert_eq!(
            changes[0].changes[0].describe(Lang::En),
            "status idea → assessing – Ola"
        );
        assert_eq!(
            changes[1],
            MeasureChanges {
                measure: new_id,
                changes: vec![unsigned(Change::New)]
            }
        );
        assert_eq!(changes_since(&b, Since::Start, today).len(), 3);
    }
}
