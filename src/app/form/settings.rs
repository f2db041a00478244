//! The forms of the Settings screen: a sector (name, short label) and the backlog's settings.

use super::{Field, FieldId, Form, FormTarget, Input, line, with_hint};
use crate::domain::{Backlog, SectorId, Settings};
use crate::i18n::{Lang, Msg};

/// What the sector form holds: the name and the short label as typed.
pub struct SectorValues {
    pub name: String,
    pub short: String,
}

/// Minutes between automatic syncs while idle: 0 (off) up to a working day.
pub const SYNC_EVERY_RANGE: std::ops::RangeInclusive<u32> = 0..=480;

fn toggle(id: FieldId, label: Msg, on: bool) -> Field {
    Field {
        id,
        label,
        hint: None,
        input: Input::Toggle(on),
    }
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
                with_hint(
                    line(
                        FieldId::Language,
                        Msg::FieldLanguageDefault,
                        s.language.as_deref().unwrap_or(""),
                    ),
                    Msg::FormLanguageHint,
                ),
                toggle(FieldId::SyncAtStart, Msg::FieldSyncAtStart, s.sync_at_start),
                toggle(
                    FieldId::SyncAfterMeeting,
                    Msg::FieldSyncAfterMeeting,
                    s.sync_after_meeting,
                ),
                with_hint(
                    line(
                        FieldId::SyncEvery,
                        Msg::FieldSyncEvery,
                        &s.sync_every_minutes.to_string(),
                    ),
                    Msg::FormSyncEveryHint,
                ),
                with_hint(
                    toggle(FieldId::PublishPage, Msg::FieldPublishPage, s.publish_page),
                    Msg::FormPublishPageHint,
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
        let language_text = self.text(FieldId::Language).trim().to_string();
        let language = (!language_text.is_empty()).then(|| Lang::parse(&language_text).map(|l| l.code().to_string()));
        if language == Some(None) {
            errors.push((FieldId::Language, lang.tr(Msg::ErrLanguageDefault).to_string()));
        }
        let every = self
            .text(FieldId::SyncEvery)
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|m| SYNC_EVERY_RANGE.contains(m));
        if every.is_none() {
            errors.push((FieldId::SyncEvery, lang.tr(Msg::ErrSyncEvery).to_string()));
        }
        let case_url_template = Some(self.text(FieldId::CaseUrlTemplate).trim().to_string()).filter(|t| !t.is_empty());
        if case_url_template
            .as_deref()
            .is_some_and(|t| !crate::domain::links::is_case_template(t))
        {
            errors.push((FieldId::CaseUrlTemplate, lang.tr(Msg::ErrCaseUrlTemplate).to_string()));
        }
        match (threshold, minutes, every, errors.first()) {
            (Some(owner_load_threshold), Some(minutes_per_item), Some(sync_every_minutes), None) => Ok((
                name,
                Settings {
                    owner_load_threshold,
                    minutes_per_item,
                    language: language.flatten(),
                    sync_at_start: self.toggled(FieldId::SyncAtStart),
                    sync_after_meeting: self.toggled(FieldId::SyncAfterMeeting),
                    sync_every_minutes,
                    publish_page: self.toggled(FieldId::PublishPage),
                    case_url_template,
                },
            )),
            (_, _, _, first) => {
                let (id, _) = first.cloned().unwrap_or((FieldId::Name, String::new()));
                let all: Vec<String> = errors.into_iter().map(|(_, message)| message).collect();
                Err(self.fail(id, all.join(" · ")))
            }
        }
    }
}
