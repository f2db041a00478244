//! The group's shared vocabulary (begrepsliste): terms with a definition, synonyms, the sector
//! that owns the term and where it stands (proposed, agreed in a meeting, retired).

use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::id::{Id, MeetingId, SectorId, TermId};
use super::model::Backlog;
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

    pub fn delete_term(&mut self, id: TermId) -> Result<Edit, DomainError> {
        self.term(id).ok_or(DomainError::UnknownTerm(id))?;
        Ok(self.commit(Patch(vec![Change {
            key: Key::Term(id),
            after: None,
        }])))
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
}
