//! The backlog's name and settings one at a time, by key and as text: read and checked once,
//! for the Settings form (`,` then `s`) and for `tiltak settings set KEY VALUE` alike.

use super::prompts::MINUTES_RANGE;
use crate::domain::{Backlog, Settings};
use crate::human::parse_yes_no;
use crate::i18n::{Lang, Msg};

/// Minutes between automatic syncs while idle: 0 (off) up to a working day.
pub const SYNC_EVERY_RANGE: std::ops::RangeInclusive<u32> = 0..=480;

/// One setting, named as in the data file (`settings.owner_load_threshold`; `name` is the
/// backlog's own).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SettingKey {
    Name,
    OwnerLoadThreshold,
    MinutesPerItem,
    Language,
    SyncAtStart,
    SyncAfterMeeting,
    SyncEveryMinutes,
    PublishPage,
    CaseUrlTemplate,
}

impl SettingKey {
    /// In the Settings form's order.
    pub const ALL: [SettingKey; 9] = [
        SettingKey::Name,
        SettingKey::OwnerLoadThreshold,
        SettingKey::MinutesPerItem,
        SettingKey::Language,
        SettingKey::SyncAtStart,
        SettingKey::SyncAfterMeeting,
        SettingKey::SyncEveryMinutes,
        SettingKey::PublishPage,
        SettingKey::CaseUrlTemplate,
    ];

    pub fn key(self) -> &'static str {
        match self {
            SettingKey::Name => "name",
            SettingKey::OwnerLoadThreshold => "owner_load_threshold",
            SettingKey::MinutesPerItem => "minutes_per_item",
            SettingKey::Language => "language",
            SettingKey::SyncAtStart => "sync_at_start",
            SettingKey::SyncAfterMeeting => "sync_after_meeting",
            SettingKey::SyncEveryMinutes => "sync_every_minutes",
            SettingKey::PublishPage => "publish_page",
            SettingKey::CaseUrlTemplate => "case_url_template",
        }
    }

    /// The Settings form's label for it.
    pub fn label(self) -> Msg {
        match self {
            SettingKey::Name => Msg::FieldBacklogName,
            SettingKey::OwnerLoadThreshold => Msg::FieldThreshold,
            SettingKey::MinutesPerItem => Msg::FieldMinutesPerItem,
            SettingKey::Language => Msg::FieldLanguageDefault,
            SettingKey::SyncAtStart => Msg::FieldSyncAtStart,
            SettingKey::SyncAfterMeeting => Msg::FieldSyncAfterMeeting,
            SettingKey::SyncEveryMinutes => Msg::FieldSyncEvery,
            SettingKey::PublishPage => Msg::FieldPublishPage,
            SettingKey::CaseUrlTemplate => Msg::FieldCaseUrlTemplate,
        }
    }

    /// The key as typed: any case, `-` for `_`.
    pub fn parse(text: &str) -> Option<SettingKey> {
        let text = text.trim().to_lowercase().replace('-', "_");
        SettingKey::ALL.into_iter().find(|k| k.key() == text)
    }
}

/// A whole number in `range`, or `None`.
fn number_in(text: &str, range: std::ops::RangeInclusive<u32>) -> Option<u32> {
    text.trim().parse::<u32>().ok().filter(|n| range.contains(n))
}

/// The backlog's name and settings while they are being changed.
#[derive(Debug, Clone, PartialEq)]
pub struct SettingValues {
    pub name: String,
    pub settings: Settings,
}

impl SettingValues {
    pub fn of(backlog: &Backlog) -> SettingValues {
        SettingValues {
            name: backlog.name.clone(),
            settings: backlog.settings.clone(),
        }
    }

    /// The value of `key` as text, as [`SettingValues::set`] reads it back (on and off in `lang`).
    pub fn text(&self, key: SettingKey, lang: Lang) -> String {
        let s = &self.settings;
        let yes_no = |on: bool| lang.tr(if on { Msg::Yes } else { Msg::No }).to_string();
        match key {
            SettingKey::Name => self.name.clone(),
            SettingKey::OwnerLoadThreshold => s.owner_load_threshold.to_string(),
            SettingKey::MinutesPerItem => s.minutes_per_item.to_string(),
            SettingKey::Language => s.language.clone().unwrap_or_default(),
            SettingKey::SyncAtStart => yes_no(s.sync_at_start),
            SettingKey::SyncAfterMeeting => yes_no(s.sync_after_meeting),
            SettingKey::SyncEveryMinutes => s.sync_every_minutes.to_string(),
            SettingKey::PublishPage => yes_no(s.publish_page),
            SettingKey::CaseUrlTemplate => s.case_url_template.clone().unwrap_or_default(),
        }
    }

    /// Sets `key` from `text` after the Settings form's checks; what is wrong otherwise, in
    /// `lang`, with nothing changed.
    pub fn set(&mut self, key: SettingKey, text: &str, lang: Lang) -> Result<(), String> {
        let wrong = |msg: Msg| lang.tr(msg).to_string();
        let s = &mut self.settings;
        let toggle = |text: &str| parse_yes_no(text).ok_or_else(|| wrong(Msg::ErrYesNo));
        match key {
            SettingKey::Name if text.trim().is_empty() => return Err(wrong(Msg::ErrEmptyName)),
            SettingKey::Name => self.name = text.to_string(),
            SettingKey::OwnerLoadThreshold => {
                s.owner_load_threshold = number_in(text, 1..=99).ok_or_else(|| wrong(Msg::ErrThreshold))?;
            }
            SettingKey::MinutesPerItem => {
                s.minutes_per_item = number_in(text, MINUTES_RANGE).ok_or_else(|| wrong(Msg::ErrMinutes))?;
            }
            SettingKey::Language => {
                let text = text.trim();
                s.language = match Lang::parse(text) {
                    _ if text.is_empty() => None,
                    Some(language) => Some(language.code().to_string()),
                    None => return Err(wrong(Msg::ErrLanguageDefault)),
                };
            }
            SettingKey::SyncAtStart => s.sync_at_start = toggle(text)?,
            SettingKey::SyncAfterMeeting => s.sync_after_meeting = toggle(text)?,
            SettingKey::SyncEveryMinutes => {
                s.sync_every_minutes = number_in(text, SYNC_EVERY_RANGE).ok_or_else(|| wrong(Msg::ErrSyncEvery))?;
            }
            SettingKey::PublishPage => s.publish_page = toggle(text)?,
            SettingKey::CaseUrlTemplate => {
                let text = text.trim();
                if !text.is_empty() && !crate::domain::links::is_case_template(text) {
                    return Err(wrong(Msg::ErrCaseUrlTemplate));
                }
                s.case_url_template = Some(text.to_string()).filter(|t| !t.is_empty());
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_setting_reads_back_what_it_shows_and_refuses_what_the_form_refuses() {
        let backlog = Backlog::new("Ledergruppen", &[]);
        let mut values = SettingValues::of(&backlog);
        for key in SettingKey::ALL {
            assert_eq!(
                SettingKey::parse(&key.key().replace('_', "-").to_uppercase()),
                Some(key)
            );
            let shown = values.text(key, Lang::Nb);
            values.set(key, &shown, Lang::Nb).unwrap();
        }
        assert_eq!(values, SettingValues::of(&backlog), "nothing changed by reading back");
        for (key, bad) in [
            (SettingKey::Name, " "),
            (SettingKey::OwnerLoadThreshold, "0"),
            (SettingKey::OwnerLoadThreshold, "100"),
            (SettingKey::MinutesPerItem, "121"),
            (SettingKey::Language, "de"),
            (SettingKey::SyncEveryMinutes, "481"),
            (SettingKey::SyncAtStart, "kanskje"),
            (SettingKey::CaseUrlTemplate, "javascript:alert({case})"),
        ] {
            assert!(values.set(key, bad, Lang::En).is_err(), "{key:?} = {bad:?}");
        }
        assert_eq!(values, SettingValues::of(&backlog), "a refused value changes nothing");
        values.set(SettingKey::Language, "nb_NO", Lang::En).unwrap();
        values.set(SettingKey::PublishPage, "ja", Lang::En).unwrap();
        values
            .set(SettingKey::CaseUrlTemplate, " https://sak.example/{case} ", Lang::En)
            .unwrap();
        let s = &values.settings;
        assert_eq!(
            (s.language.as_deref(), s.publish_page, s.case_url_template.as_deref()),
            (Some("nb"), true, Some("https://sak.example/{case}"))
        );
        values.set(SettingKey::Language, "", Lang::En).unwrap();
        assert_eq!(values.settings.language, None);
    }
}
