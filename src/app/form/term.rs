//! The glossary term form: the term, its definition, synonyms, owning sector, status and the
//! date it was agreed.

use super::{Choice, FieldId, Form, FormTarget, line, lines, pick, sector_options, with_hint};
use crate::domain::{Backlog, TermDraft, TermId, TermStatus};
use crate::human::parse_date;
use crate::i18n::{Lang, Msg};

impl Form {
    pub fn new_term(backlog: &Backlog, lang: Lang) -> Form {
        Form::term(FormTarget::NewTerm, &TermDraft::default(), backlog, lang)
    }

    pub fn edit_term(id: TermId, backlog: &Backlog, lang: Lang) -> Option<Form> {
        let term = backlog.term(id)?;
        Some(Form::term(
            FormTarget::EditTerm(id),
            &TermDraft::from_term(term),
            backlog,
            lang,
        ))
    }

    /// The definition alone, for a meeting to rewrite.
    pub fn revise_term(id: TermId, backlog: &Backlog) -> Option<Form> {
        let term = backlog.term(id)?;
        Some(Form::with_fields(
            FormTarget::ReviseTerm(id),
            vec![lines(FieldId::Description, Msg::FieldDefinition, &term.definition)],
        ))
    }

    /// The definition typed into the revise form.
    pub fn revised_definition(&self, lang: Lang) -> Result<String, (usize, String)> {
        let text = self.text(FieldId::Description);
        if text.trim().is_empty() {
            return Err(self.fail(FieldId::Description, lang.tr(Msg::ErrEmptyText).to_string()));
        }
        Ok(text)
    }

    fn term(target: FormTarget, d: &TermDraft, backlog: &Backlog, lang: Lang) -> Form {
        let sectors = std::iter::once((lang.tr(Msg::None).to_string(), Choice::Nothing))
            .chain(sector_options(backlog))
            .collect();
        let statuses = TermStatus::ALL
            .iter()
            .map(|s| (lang.term_status(*s).to_string(), Choice::TermStatus(*s)))
            .collect();
        Form::with_fields(
            target,
            vec![
                line(FieldId::Name, Msg::FieldTerm, &d.term),
                lines(FieldId::Description, Msg::FieldDefinition, &d.definition),
                with_hint(
                    line(FieldId::Synonyms, Msg::FieldSynonyms, &d.synonyms.join(", ")),
                    Msg::FormSynonymsHint,
                ),
                pick(
                    FieldId::HomeSector,
                    Msg::FieldTermSector,
                    sectors,
                    d.sector.map_or(Choice::Nothing, Choice::Sector),
                ),
                pick(
                    FieldId::Status,
                    Msg::FieldStatus,
                    statuses,
                    Choice::TermStatus(d.status),
                ),
                with_hint(
                    line(
                        FieldId::Agreed,
                        Msg::FieldAgreed,
                        &d.agreed.map(|a| a.to_string()).unwrap_or_default(),
                    ),
                    Msg::FormDateHint,
                ),
            ],
        )
    }

    pub fn term_draft(&self, lang: Lang) -> Result<TermDraft, (usize, String)> {
        let term = self.text(FieldId::Name);
        if term.trim().is_empty() {
            return Err(self.fail(FieldId::Name, lang.tr(Msg::ErrEmptyName).to_string()));
        }
        let agreed_text = self.text(FieldId::Agreed);
        let agreed = parse_date(&agreed_text).map_err(|_| {
            self.fail(
                FieldId::Agreed,
                lang.fill(Msg::ErrBadDate, &[("text", agreed_text.trim())]),
            )
        })?;
        Ok(TermDraft {
            term,
            definition: self.text(FieldId::Description),
            synonyms: self
                .text(FieldId::Synonyms)
                .split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect(),
            sector: match self.picked(FieldId::HomeSector) {
                Choice::Sector(s) => Some(s),
                _ => None,
            },
            status: match self.picked(FieldId::Status) {
                Choice::TermStatus(s) => s,
                _ => TermStatus::Proposed,
            },
            agreed,
        })
    }
}
