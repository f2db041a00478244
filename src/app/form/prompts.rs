//! The forms of a meeting review: the set-up fields shown above the agenda, and the one-field
//! prompts behind `x` (reason), `d` (new due date), `o` (new owner) and `n` (note).

use jiff::civil::Date;

use super::{Choice, FieldId, Form, FormTarget, Input, line, multi, owner_options, parse_date, pick, with_hint};
use crate::domain::{Backlog, MeasureId, OwnerId};
use crate::i18n::{Lang, Msg};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prompt {
    Reject(MeasureId),
    Defer(MeasureId),
    Owner(MeasureId),
    Note(MeasureId),
}

impl Prompt {
    pub fn measure(self) -> MeasureId {
        match self {
            Prompt::Reject(id) | Prompt::Defer(id) | Prompt::Owner(id) | Prompt::Note(id) => id,
        }
    }

    pub fn title(self, lang: Lang) -> String {
        let msg = match self {
            Prompt::Reject(_) => Msg::PromptReject,
            Prompt::Defer(_) => Msg::PromptDefer,
            Prompt::Owner(_) => Msg::PromptOwner,
            Prompt::Note(_) => Msg::PromptNote,
        };
        lang.fill(msg, &[("id", &self.measure().to_string())])
    }
}

/// A checked set-up form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetupValues {
    pub title: String,
    pub date: Date,
    pub minutes: u32,
    pub attendees: Vec<OwnerId>,
}

/// Minutes per item a chair may set.
pub const MINUTES_RANGE: std::ops::RangeInclusive<u32> = 1..=120;

impl Form {
    pub fn prompt(prompt: Prompt, backlog: &Backlog, lang: Lang) -> Form {
        let measure = backlog.measure(prompt.measure());
        let field = match prompt {
            Prompt::Reject(_) => line(FieldId::Answer, Msg::FieldReason, ""),
            Prompt::Note(_) => line(FieldId::Answer, Msg::FieldNote, ""),
            Prompt::Defer(_) => with_hint(line(FieldId::Answer, Msg::FieldNewDue, ""), Msg::FormDateHint),
            Prompt::Owner(_) => pick(
                FieldId::Answer,
                Msg::FieldNewOwner,
                owner_options(backlog, lang),
                measure.and_then(|m| m.owner).map_or(Choice::Nothing, Choice::Owner),
            ),
        };
        Form::with_fields(FormTarget::Prompt(prompt), vec![field])
    }

    pub fn answer_text(&self) -> String {
        self.text(FieldId::Answer).trim().to_string()
    }

    pub fn answer_date(&self, lang: Lang) -> Result<Date, (usize, String)> {
        let text = self.text(FieldId::Answer);
        match parse_date(&text) {
            Ok(Some(date)) => Ok(date),
            _ => Err(self.fail(FieldId::Answer, lang.fill(Msg::ErrBadDate, &[("text", text.trim())]))),
        }
    }

    pub fn answer_owner(&self) -> Option<OwnerId> {
        match self.picked(FieldId::Answer) {
            Choice::Owner(o) => Some(o),
            _ => None,
        }
    }

    /// Title, date (today), minutes per item (the backlog's setting) and attendees, ticked as given.
    pub fn meeting_setup(backlog: &Backlog, lang: Lang, today: Date, attendees: &[OwnerId]) -> Form {
        let owners: Vec<(String, Choice)> = owner_options(backlog, lang)
            .into_iter()
            .filter(|(_, c)| *c != Choice::Nothing)
            .collect();
        let ticked: Vec<Choice> = attendees.iter().map(|o| Choice::Owner(*o)).collect();
        Form::with_fields(
            FormTarget::MeetingSetup,
            vec![
                line(FieldId::Title, Msg::FieldTitle, lang.tr(Msg::SetupDefaultTitle)),
                with_hint(
                    line(FieldId::MeetingDate, Msg::FieldMeetingDate, &today.to_string()),
                    Msg::FormDateHint,
                ),
                line(
                    FieldId::Minutes,
                    Msg::FieldMinutesPerItem,
                    &backlog.settings.minutes_per_item.to_string(),
                ),
                multi(FieldId::Attendees, Msg::FieldAttendees, owners, &ticked),
            ],
        )
    }

    pub fn setup_values(&self, lang: Lang) -> Result<SetupValues, (usize, String)> {
        let title = self.text(FieldId::Title).trim().to_string();
        if title.is_empty() {
            return Err(self.fail(FieldId::Title, lang.tr(Msg::ErrEmptyTitle).to_string()));
        }
        let date_text = self.text(FieldId::MeetingDate);
        let date = match parse_date(&date_text) {
            Ok(Some(date)) => date,
            _ => {
                return Err(self.fail(
                    FieldId::MeetingDate,
                    lang.fill(Msg::ErrBadDate, &[("text", date_text.trim())]),
                ));
            }
        };
        let minutes = self
            .text(FieldId::Minutes)
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|m| MINUTES_RANGE.contains(m))
            .ok_or_else(|| self.fail(FieldId::Minutes, lang.tr(Msg::ErrMinutes).to_string()))?;
        let attendees = self
            .checked(FieldId::Attendees)
            .into_iter()
            .filter_map(|c| if let Choice::Owner(o) = c { Some(o) } else { None })
            .collect();
        Ok(SetupValues {
            title,
            date,
            minutes,
            attendees,
        })
    }

    /// True when the focused field is the last one (the agenda comes after it).
    pub fn on_last_field(&self) -> bool {
        self.focus + 1 == self.fields.len()
    }

    pub fn on_first_field(&self) -> bool {
        self.focus == 0
    }

    /// True when the focused field takes typed text.
    pub fn focused_is_text(&self) -> bool {
        matches!(self.focused().input, Input::Line(_) | Input::Lines(_))
    }
}
