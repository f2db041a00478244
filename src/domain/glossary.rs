//! The group's shared vocabulary (begrepsliste): terms with a definition, synonyms, the sector
//! that owns the term and where it stands (proposed, agreed in a meeting, retired).

use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::id::{Id, MeetingId, SectorId, TermId};
use super::model::{Backlog, Meeting, MeetingState};
use super::ops::{DomainError, take_id};
use super::patch::{Change, Edit, Key, Patch, Record};
use super::text::{multi_line, single_line};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TermStatus {
    /// Foreslått: written down, not yet agreed by the group.
    #[default]
    Proposed,
    /// Vedtatt: the group agreed the definition in a meeting.
    Agreed,
    /// Utgått: no longer used.
    Retired,
}

impl TermStatus {
    pub const ALL: [TermStatus; 3] = [TermStatus::Proposed, TermStatus::Agreed, TermStatus::Retired];

    /// The JSON / CLI key.
    pub fn key(self) -> &'static str {
        match self {
            TermStatus::Proposed => "proposed",
            TermStatus::Agreed => "agreed",
            TermStatus::Retired => "retired",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Term {
    pub id: TermId,
    pub term: String,
    #[serde(default)]
    pub definition: String,
    /// Other words for the same thing; found in text and search like the term itself.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub synonyms: Vec<String>,
    /// The sector that owns (answers for) the term.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sector: Option<SectorId>,
    #[serde(default)]
    pub status: TermStatus,
    /// When the group agreed it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agreed: Option<Date>,
    /// The meeting it was agreed in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting: Option<MeetingId>,
    /// Fields written by a newer minor version; carried through untouched.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Term {
    /// The term and its synonyms: every word the term is known by.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.term.as_str()).chain(self.synonyms.iter().map(String::as_str))
    }
}

/// What a meeting decided on a glossary term on its agenda.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TermDecisionKind {
    /// Vedtatt: the group agreed the term with its definition.
    Agreed,
    /// Revidert: the definition was rewritten in the meeting (the decision keeps the new one).
    Revised,
    /// Utgått: the term is no longer used.
    Retired,
    /// Tatt til orientering: discussed, nothing changed.
    Noted,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TermDecision {
    pub term: TermId,
    pub at: Timestamp,
    pub kind: TermDecisionKind,
    /// A revision's new definition.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub definition: Option<String>,
}

/// The fields of a term a person edits. Agreeing happens in a meeting, or by choosing the
/// status here (then the date is today's unless one is given).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TermDraft {
    pub term: String,
    pub definition: String,
    pub synonyms: Vec<String>,
    pub sector: Option<SectorId>,
    pub status: TermStatus,
    pub agreed: Option<Date>,
}

impl TermDraft {
    pub fn from_term(term: &Term) -> Self {
        TermDraft {
            term: term.term.clone(),
            definition: term.definition.clone(),
            synonyms: term.synonyms.clone(),
            sector: term.sector,
            status: term.status,
            agreed: term.agreed,
        }
    }
}

/// Synonyms one line each, without blanks, the term itself or repeats (any case).
fn clean_synonyms(term: &str, synonyms: &[String]) -> Vec<String> {
    let mut seen = vec![term.to_lowercase()];
    let mut out = Vec::new();
    for synonym in synonyms.iter().map(|s| single_line(s)).filter(|s| !s.is_empty()) {
        if !seen.contains(&synonym.to_lowercase()) {
            seen.push(synonym.to_lowercase());
            out.push(synonym);
        }
    }
    out
}

fn put(term: Term) -> Change {
    Change {
        key: Key::Term(term.id),
        after: Some(Record::Term(term)),
    }
}

impl Backlog {
    pub fn term(&self, id: TermId) -> Option<&Term> {
        self.glossary
            .binary_search_by_key(&id, |t| t.id)
            .ok()
            .map(|i| &self.glossary[i])
    }

    fn checked_term(&self, draft: &TermDraft, today: Date, into: &mut Term) -> Result<(), DomainError> {
        let name = single_line(&draft.term);
        if name.is_empty() {
            return Err(DomainError::EmptyName);
        }
        if let Some(sector) = draft.sector.filter(|s| self.sector(*s).is_none()) {
            return Err(DomainError::UnknownSector(sector));
        }
        into.synonyms = clean_synonyms(&name, &draft.synonyms);
        into.term = name;
        into.definition = multi_line(&draft.definition);
        into.sector = draft.sector;
        if draft.status == TermStatus::Agreed && into.status != TermStatus::Agreed {
            into.agreed = Some(draft.agreed.unwrap_or(today));
        } else if draft.status == TermStatus::Agreed {
            into.agreed = draft.agreed.or(into.agreed);
        }
        into.status = draft.status;
        Ok(())
    }

    pub fn add_term(&mut self, draft: TermDraft, today: Date) -> Result<(TermId, Edit), DomainError> {
        let mut term = Term {
            id: Id(0),
            term: String::new(),
            definition: String::new(),
            synonyms: Vec::new(),
            sector: None,
            status: TermStatus::Proposed,
            agreed: None,
            meeting: None,
            extra: Default::default(),
        };
        self.checked_term(&draft, today, &mut term)?;
        term.id = Id(take_id(&mut self.next_ids.term, "term")?);
        let id = term.id;
        Ok((id, self.commit(Patch(vec![put(term)]))))
    }

    /// `None` when nothing changed.
    pub fn update_term(&mut self, id: TermId, draft: TermDraft, today: Date) -> Result<Option<Edit>, DomainError> {
        let old = self.term(id).ok_or(DomainError::UnknownTerm(id))?;
        let mut term = old.clone();
        self.checked_term(&draft, today, &mut term)?;
        if term == *old {
            return Ok(None);
        }
        Ok(Some(self.commit(Patch(vec![put(term)]))))
    }

    /// A meeting agreed the term (with this definition, when it was revised there).
    pub fn agree_term(&mut self, id: TermId, meeting: MeetingId, date: Date) -> Result<Edit, DomainError> {
        let mut term = self.term(id).ok_or(DomainError::UnknownTerm(id))?.clone();
        term.status = TermStatus::Agreed;
        term.agreed = Some(date);
        term.meeting = Some(meeting);
        Ok(self.commit(Patch(vec![put(term)])))
    }

    pub fn retire_term(&mut self, id: TermId) -> Result<Edit, DomainError> {
        let mut term = self.term(id).ok_or(DomainError::UnknownTerm(id))?.clone();
        term.status = TermStatus::Retired;
        Ok(self.commit(Patch(vec![put(term)])))
    }

    /// Deletes a term and takes it off every agenda and out of every meeting's decisions (undo
    /// puts it all back).
    pub fn delete_term(&mut self, id: TermId) -> Result<Edit, DomainError> {
        self.term(id).ok_or(DomainError::UnknownTerm(id))?;
        let mut patch = Patch::default();
        for meeting in self.meetings.iter().filter(|m| m.terms.contains(&id)) {
            let mut changed = meeting.clone();
            changed.terms.retain(|t| *t != id);
            changed.term_decisions.retain(|d| d.term != id);
            patch.0.push(Change {
                key: Key::Meeting(changed.id),
                after: Some(Record::Meeting(changed)),
            });
        }
        patch.0.push(Change {
            key: Key::Term(id),
            after: None,
        });
        Ok(self.commit(patch))
    }

    /// Puts a term on a meeting's agenda (after its measures). A meeting that took place is
    /// kept as a record; `None` when the term is on the agenda already.
    pub fn put_term_on_agenda(&mut self, meeting: MeetingId, term: TermId) -> Result<Option<Edit>, DomainError> {
        self.term(term).ok_or(DomainError::UnknownTerm(term))?;
        let mut changed = self
            .meeting(meeting)
            .ok_or(DomainError::UnknownMeeting(meeting))?
            .clone();
        if changed.state == MeetingState::Held {
            return Err(DomainError::MeetingHeld(meeting));
        }
        if changed.terms.contains(&term) {
            return Ok(None);
        }
        changed.terms.push(term);
        Ok(Some(self.commit(Patch(vec![Change {
            key: Key::Meeting(meeting),
            after: Some(Record::Meeting(changed)),
        }]))))
    }

    /// Records what `meeting` decided on `term`, and changes the term to match: agreed (dated
    /// the meeting's day, naming the meeting), revised (the new definition; the term stays
    /// proposed until it is agreed), retired, or only noted. One undo step.
    pub fn decide_term(
        &mut self,
        meeting: MeetingId,
        term: TermId,
        kind: TermDecisionKind,
        definition: Option<&str>,
        now: Timestamp,
    ) -> Result<Edit, DomainError> {
        let mut changed = self.term(term).ok_or(DomainError::UnknownTerm(term))?.clone();
        let mut record = self
            .meeting(meeting)
            .ok_or(DomainError::UnknownMeeting(meeting))?
            .clone();
        let definition = definition.map(multi_line).map(|d| d.trim().to_string());
        match kind {
            TermDecisionKind::Agreed => {
                changed.status = TermStatus::Agreed;
                changed.agreed = Some(record.date);
                changed.meeting = Some(meeting);
            }
            TermDecisionKind::Revised => {
                let text = definition
                    .clone()
                    .filter(|d| !d.is_empty())
                    .ok_or(DomainError::EmptyText)?;
                changed.definition = text;
            }
            TermDecisionKind::Retired => changed.status = TermStatus::Retired,
            TermDecisionKind::Noted => {}
        }
        if !record.terms.contains(&term) {
            record.terms.push(term);
        }
        record.term_decisions.push(TermDecision {
            term,
            at: now,
            kind,
            definition: definition.filter(|_| kind == TermDecisionKind::Revised),
        });
        Ok(self.commit(Patch(vec![
            put(changed),
            Change {
                key: Key::Meeting(meeting),
                after: Some(Record::Meeting(record)),
            },
        ])))
    }

    /// The terms a meeting agreed, in the order it agreed them.
    pub fn terms_agreed_in(&self, meeting: &Meeting) -> Vec<&Term> {
        let mut out: Vec<&Term> = Vec::new();
        for decision in meeting
            .term_decisions
            .iter()
            .filter(|d| d.kind == TermDecisionKind::Agreed)
        {
            if let Some(term) = self.term(decision.term)
                && !out.iter().any(|t| t.id == term.id)
            {
                out.push(term);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> Date {
        jiff::civil::date(2026, 11, 30)
    }

    fn draft(term: &str, synonyms: &[&str]) -> TermDraft {
        TermDraft {
            term: term.to_string(),
            definition: "Hva ordet betyr".to_string(),
            synonyms: synonyms.iter().map(|s| s.to_string()).collect(),
            ..TermDraft::default()
        }
    }

    #[test]
    fn terms_are_added_edited_and_deleted_each_as_one_undoable_step() {
        let mut backlog = Backlog::new("Test", &["Helse"]);
        let (id, added) = backlog
            .add_term(
                draft(" Tjenestedesign ", &["service design", "", "tjenestedesign"]),
                today(),
            )
            .unwrap();
        assert_eq!(id.to_string(), "B-1");
        let term = backlog.term(id).unwrap();
        assert_eq!(term.term, "Tjenestedesign");
        assert_eq!(
            term.synonyms,
            vec!["service design"],
            "blanks and the term itself are dropped"
        );
        assert_eq!(term.status, TermStatus::Proposed);

        let mut agreed = TermDraft::from_term(term);
        agreed.status = TermStatus::Agreed;
        agreed.sector = Some(Id(1));
        let edit = backlog.update_term(id, agreed, today()).unwrap().unwrap();
        assert_eq!(backlog.term(id).unwrap().agreed, Some(today()));
        backlog.apply(&edit.undo);
        assert_eq!(backlog.term(id).unwrap().status, TermStatus::Proposed);

        let deleted = backlog.delete_term(id).unwrap();
        assert!(backlog.glossary.is_empty());
        backlog.apply(&deleted.undo);
        assert_eq!(backlog.term(id).unwrap().term, "Tjenestedesign");
        backlog.apply(&added.undo);
        assert!(backlog.glossary.is_empty());
        assert_eq!(backlog.next_ids.term, 2, "the id is never handed out again");
    }

    #[test]
    fn a_term_needs_a_name_and_an_existing_sector() {
        let mut backlog = Backlog::new("Test", &["Helse"]);
        assert_eq!(backlog.add_term(draft("  ", &[]), today()), Err(DomainError::EmptyName));
        let mut bad = draft("Digital modenhet", &[]);
        bad.sector = Some(Id(9));
        assert_eq!(backlog.add_term(bad, today()), Err(DomainError::UnknownSector(Id(9))));
        assert!(backlog.glossary.is_empty());
    }

    #[test]
    fn a_meeting_agrees_a_term_with_its_date() {
        let mut backlog = Backlog::new("Test", &[]);
        let (id, _) = backlog.add_term(draft("Digital modenhet", &[]), today()).unwrap();
        let edit = backlog.agree_term(id, Id(3), today()).unwrap();
        let term = backlog.term(id).unwrap();
        assert_eq!(
            (term.status, term.agreed, term.meeting),
            (TermStatus::Agreed, Some(today()), Some(Id(3)))
        );
        backlog.apply(&edit.undo);
        assert_eq!(backlog.term(id).unwrap().meeting, None);
    }

    #[test]
    fn a_meeting_revises_and_agrees_a_term_each_as_one_undoable_step() {
        use crate::domain::{MeetingDraft, MeetingState};
        let now: Timestamp = "2026-12-14T09:00:00Z".parse().unwrap();
        let mut backlog = Backlog::new("Test", &[]);
        let (term, _) = backlog.add_term(draft("Digital modenhet", &[]), today()).unwrap();
        let day = jiff::civil::date(2026, 12, 14);
        let (meeting, _) = backlog
            .create_meeting(MeetingDraft::new("Møte", day, vec![], vec![]), MeetingState::Planned)
            .unwrap();
        backlog.put_term_on_agenda(meeting, term).unwrap().unwrap();
        assert_eq!(backlog.put_term_on_agenda(meeting, term), Ok(None), "once is enough");

        let revised = backlog
            .decide_term(meeting, term, TermDecisionKind::Revised, Some("Ny tekst."), now)
            .unwrap();
        assert_eq!(backlog.term(term).unwrap().definition, "Ny tekst.");
        assert_eq!(backlog.term(term).unwrap().status, TermStatus::Proposed);
        backlog
            .decide_term(meeting, term, TermDecisionKind::Agreed, None, now)
            .unwrap();
        let agreed = backlog.term(term).unwrap();
        assert_eq!(
            (agreed.status, agreed.agreed, agreed.meeting),
            (TermStatus::Agreed, Some(day), Some(meeting))
        );
        let record = backlog.meeting(meeting).unwrap();
        assert_eq!(record.term_decisions.len(), 2);
        assert_eq!(record.term_decisions[0].definition.as_deref(), Some("Ny tekst."));
        assert_eq!(backlog.terms_agreed_in(record).len(), 1);
        assert_eq!(
            backlog.decide_term(meeting, term, TermDecisionKind::Revised, Some("  "), now),
            Err(DomainError::EmptyText)
        );

        let deleted = backlog.delete_term(term).unwrap();
        assert!(
            backlog.meeting(meeting).unwrap().terms.is_empty(),
            "off the agenda with it"
        );
        assert_eq!(backlog.invariant_violations(), Vec::<String>::new());
        backlog.apply(&deleted.undo);
        backlog.apply(&revised.undo.clone());
        assert_eq!(backlog.invariant_violations(), Vec::<String>::new());
    }
}
