//! The forms of the Settings screen: a sector (name, short label) and the backlog's settings.

use super::setting::{SettingKey, SettingValues};
use super::{Field, FieldId, Form, FormTarget, Input, line, with_hint};
use crate::domain::{Backlog, SectorId, Settings};
use crate::i18n::{Lang, Msg};

/// What the sector form holds: the name and the short label as typed.
pub struct SectorValues {
    pub name: String,
    pub short: String,
}

/// The settings typed as text, with the key that reads them.
const TYPED: [(FieldId, SettingKey); 6] = [
    (FieldId::Name, SettingKey::Name),
    (FieldId::Threshold, SettingKey::OwnerLoadThreshold),
    (FieldId::Minutes, SettingKey::MinutesPerItem),
    (FieldId::Language, SettingKey::Language),
    (FieldId::SyncEvery, SettingKey::SyncEveryMinutes),
    (FieldId::CaseUrlTemplate, SettingKey::CaseUrlTemplate),
];

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

    /// The name and settings typed over `base` (the settings now), checked one by one by the
    /// rules `tiltak settings set` uses too; or every field that is wrong (the first focused).
    pub fn settings_values(&self, base: &Settings, lang: Lang) -> Result<(String, Settings), (usize, String)> {
        let mut values = SettingValues {
            name: String::new(),
            settings: base.clone(),
        };
        let mut errors = Vec::new();
        for (field, key) in TYPED {
            if let Err(message) = values.set(key, &self.text(field), lang) {
                errors.push((field, message));
            }
        }
        values.settings.sync_at_start = self.toggled(FieldId::SyncAtStart);
        values.settings.sync_after_meeting = self.toggled(FieldId::SyncAfterMeeting);
        values.settings.publish_page = self.toggled(FieldId::PublishPage);
        match errors.first() {
            None => Ok((values.name, values.settings)),
            Some((id, _)) => {
                let id = *id;
                let all: Vec<String> = errors.into_iter().map(|(_, message)| message).collect();
                Err(self.fail(id, all.join(" · ")))
            }
        }
    }
}
