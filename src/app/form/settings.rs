//! The forms of the Settings screen: a sector (name, short label) and the backlog's settings.

use super::{FieldId, Form, FormTarget, line, with_hint};
use crate::domain::{Backlog, SectorId, Settings};
use crate::i18n::{Lang, Msg};

/// What the sector form holds: the name and the short label as typed.
pub struct SectorValues {
    pub name: String,
    pub short: String,
}

impl Form {
    pub fn new_sector() -> Form {
        Form::sector(FormTarget::NewSector, "", "")
    }

    pub fn edit_sector(id: SectorId, backlog: &Backlog) -> Option<Form> {
        let s = backlog.sector(id)?;
        Some(Form::sector(
            FormTarget::EditSector(id),
            &s.name,
            s.short.as_deref().unwrap_or(""),
        ))
    }

    fn sector(target: FormTarget, name: &str, short: &str) -> Form {
        Form::with_fields(
            target,
            vec![
                line(FieldId::Name, Msg::FieldName, name),
                with_hint(line(FieldId::Short, Msg::FieldShort, short), Msg::FormShortHint),
            ],
        )
    }

    pub fn sector_values(&self, lang: Lang) -> Result<SectorValues, (usize, String)> {
        let name = self.text(FieldId::Name);
        if name.trim().is_empty() {
            return Err(self.fail(FieldId::Name, lang.tr(Msg::ErrEmptyName).to_string()));
        }
        Ok(SectorValues {
            name,
            short: self.text(FieldId::Short),
        })
    }

    pub fn settings(backlog: &Backlog) -> Form {
        let s = &backlog.settings;
        Form::with_fields(
            FormTarget::Settings,
            vec![
                line(FieldId::Name, Msg::FieldBacklogName, &backlog.name),
                line(
                    FieldId::Threshold,
                    Msg::FieldThreshold,
                    &s.owner_load_threshold.to_string(),
                ),
                line(
                    FieldId::Minutes,
                    Msg::FieldMinutesPerItem,
                    &s.minutes_per_item.to_string(),
                ),
                // issue 16: dependencies and links
                with_hint(
                    line(
                        FieldId::CaseUrlTemplate,
                        Msg::FieldCaseUrlTemplate,
                        s.case_url_template.as_deref().unwrap_or(""),
                    ),
                    Msg::FormCaseUrlHint,
                ),
            ],
        )
    }

    /// The name and settings typed, or every field that is wrong (the first one focused).
    pub fn settings_values(&self, lang: Lang) -> Result<(String, Settings), (usize, String)> {
        let name = self.text(FieldId::Name);
        let mut errors = Vec::new();
        if name.trim().is_empty() {
            errors.push((FieldId::Name, lang.tr(Msg::ErrEmptyName).to_string()));
        }
        let threshold = self
            .text(FieldId::Threshold)
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|n| (1..=99).contains(n));
        if threshold.is_none() {
            errors.push((FieldId::Threshold, lang.tr(Msg::ErrThreshold).to_string()));
        }
        let minutes = self
            .text(FieldId::Minutes)
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|m| super::prompts::MINUTES_RANGE.contains(m));
        if minutes.is_none() {
            errors.push((FieldId::Minutes, lang.tr(Msg::ErrMinutes).to_string()));
        }
        let case_url_template = Some(self.text(FieldId::CaseUrlTemplate).trim().to_string()).filter(|t| !t.is_empty());
        let web = |t: &str| {
            ["http://", "https://"]
                .iter()
                .any(|s| t.to_ascii_lowercase().starts_with(s))
        };
        if case_url_template
            .as_deref()
            .is_some_and(|t| !t.contains(crate::domain::links::CASE_PLACEHOLDER) || !web(t))
        {
            errors.push((FieldId::CaseUrlTemplate, lang.tr(Msg::ErrCaseUrlTemplate).to_string()));
        }
        match (threshold, minutes, errors.first()) {
            (Some(owner_load_threshold), Some(minutes_per_item), None) => Ok((
                name,
                Settings {
                    owner_load_threshold,
                    minutes_per_item,
                    case_url_template,
                },
            )),
            (_, _, first) => {
                let (id, _) = first.cloned().unwrap_or((FieldId::Name, String::new()));
                let all: Vec<String> = errors.into_iter().map(|(_, message)| message).collect();
                Err(self.fail(id, all.join(" · ")))
            }
        }
    }
}
