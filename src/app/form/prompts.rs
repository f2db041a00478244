//! The forms of a meeting review: the set-up fields shown above the agenda, and the one-field
//! prompts behind `x` (reason), `d` (new due date), `o` (new owner) and `n` (note, several
//! lines).

use jiff::civil::{Date, Time};

use super::{Choice, FieldId, Form, FormTarget, Input, line, lines, multi, owner_options, pick, with_hint};
use crate::domain::meeting::{guests_text, time_text};
use crate::domain::{Backlog, Guest, MeasureId, Meeting, MeetingDraft, OwnerId};
use crate::human::{BadDate, parse_date};
use crate::i18n::{DateStyle, Lang, Msg};

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
    pub time: Option<Time>,
    pub place: String,
    pub minutes: u32,
    pub attendees: Vec<OwnerId>,
    pub guests: Vec<Guest>,
}

impl SetupValues {
    pub fn draft(self, agenda: Vec<MeasureId>) -> MeetingDraft {
        MeetingDraft {
            title: self.title,
            date: self.date,
            time: self.time,
            place: self.place,
            minutes_per_item: Some(self.minutes),
            attendees: self.attendees,
            guests: self.guests,
            agenda,
            terms: Vec::new(),
        }
    }
}

/// `09:00`, `9:00`, `9.00` or `0900`; empty means no time.
pub fn parse_time(text: &str) -> Result<Option<Time>, BadDate> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let (h, m) = match text.split_once([':', '.']) {
        Some((h, m)) => (h, m),
        None if text.len() == 4 && text.is_ascii() => text.split_at(2),
        None => return Err(BadDate),
    };
    match (h.parse::<i8>(), m.parse::<i8>()) {
        (Ok(h), Ok(m)) => Time::new(h, m, 0, 0).map(Some).map_err(|_| BadDate),
        _ => Err(BadDate),
    }
}

/// "Per Hansen (revisor); Kari Lie" → guests with their roles.
pub fn parse_guests(text: &str) -> Vec<Guest> {
    text.split([';', '\n'])
        .map(str::trim)
        .filter(|g| !g.is_empty())
        .map(|g| match g.strip_suffix(')').and_then(|g| g.split_once('(')) {
            Some((name, role)) => Guest {
                name: name.trim().to_string(),
                role: role.trim().to_string(),
            },
            None => Guest {
                name: g.to_string(),
                role: String::new(),
            },
        })
        .collect()
}

/// Minutes per item a chair may set.
pub const MINUTES_RANGE: std::ops::RangeInclusive<u32> = 1..=120;

impl Form {
    pub fn prompt(prompt: Prompt, backlog: &Backlog, lang: Lang) -> Form {
        let measure = backlog.measure(prompt.measure());
        let field = match prompt {
            Prompt::Reject(_) => line(FieldId::Answer, Msg::FieldReason, ""),
            Prompt::Note(_) => lines(FieldId::Answer, Msg::FieldNote, ""),
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

    /// The typed answer; a note keeps its line breaks.
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

    /// Title, date (today), time, place, minutes per item (the backlog's setting), attendees ticked as given, and
    /// guests; or the fields of a planned `meeting` being edited.
    pub fn meeting_setup(
        backlog: &Backlog,
        lang: Lang,
        today: Date,
        attendees: &[OwnerId],
        meeting: Option<&Meeting>,
        dates: DateStyle,
    ) -> Form {
        let owners: Vec<(String, Choice)> = owner_options(backlog, lang)
            .into_iter()
            .filter(|(_, c)| *c != Choice::Nothing)
            .collect();
        let attendees = meeting.map_or(attendees, |m| m.attendees.as_slice());
        let ticked: Vec<Choice> = attendees.iter().map(|o| Choice::Owner(*o)).collect();
        let title = meeting.map_or(lang.tr(Msg::SetupDefaultTitle), |m| m.title.as_str());
        let date = lang.date_as(dates, meeting.map_or(today, |m| m.date));
        let time = meeting.and_then(|m| m.time).map(time_text).unwrap_or_default();
        let place = meeting.map_or("", |m| m.place.as_str());
        let minutes = meeting
            .and_then(|m| m.minutes_per_item)
            .unwrap_or(backlog.settings.minutes_per_item)
            .to_string();
        let guests = meeting.map(|m| guests_text(&m.guests)).unwrap_or_default();
        Form::with_fields(
            FormTarget::MeetingSetup,
            vec![
                line(FieldId::Title, Msg::FieldTitle, title),
                with_hint(
                    line(FieldId::MeetingDate, Msg::FieldMeetingDate, &date),
                    Msg::FormDateHint,
                ),
                with_hint(
                    line(FieldId::MeetingTime, Msg::FieldMeetingTime, &time),
                    Msg::FormTimeHint,
                ),
                line(FieldId::Place, Msg::FieldPlace, place),
                line(FieldId::Minutes, Msg::FieldMinutesPerItem, &minutes),
                multi(FieldId::Attendees, Msg::FieldAttendees, owners, &ticked),
                with_hint(line(FieldId::Guests, Msg::FieldGuests, &guests), Msg::FormGuestsHint),
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
            .minutes_per_item()
            .ok_or_else(|| self.fail(FieldId::Minutes, lang.tr(Msg::ErrMinutes).to_string()))?;
        let time_text = self.text(FieldId::MeetingTime);
        let time = parse_time(&time_text).map_err(|_| {
            self.fail(
                FieldId::MeetingTime,
                lang.fill(Msg::ErrBadTime, &[("text", time_text.trim())]),
            )
        })?;
        let attendees = self
            .checked(FieldId::Attendees)
            .into_iter()
            .filter_map(|c| if let Choice::Owner(o) = c { Some(o) } else { None })
            .collect();
        Ok(SetupValues {
            title,
            date,
            time,
            place: self.text(FieldId::Place).trim().to_string(),
            minutes,
            attendees,
            guests: parse_guests(&self.text(FieldId::Guests)),
        })
    }

    /// The minutes-per-item field, when it holds a valid number (the agenda's total uses it
    /// even while another field is still wrong).
    pub fn minutes_per_item(&self) -> Option<u32> {
        self.text(FieldId::Minutes)
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|m| MINUTES_RANGE.contains(m))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_and_guests_read_as_people_write_them() {
        let nine = Time::new(9, 0, 0, 0).ok();
        assert_eq!(parse_time("09:00"), Ok(nine));
        assert_eq!(parse_time("9.00"), Ok(nine));
        assert_eq!(parse_time("0900"), Ok(nine));
        assert_eq!(parse_time(""), Ok(None));
        assert!(parse_time("25:00").is_err());
        assert!(parse_time("kl ni").is_err());
        // Four bytes that are not four digits (a wide letter) are refused, never split mid-letter.
        assert!(parse_time("a漢").is_err());
        assert!(parse_time("æø").is_err());
        let guests = parse_guests("Per Hansen (revisor); Kari Lie ;");
        assert_eq!(guests.len(), 2);
        assert_eq!(
            (guests[0].name.as_str(), guests[0].role.as_str()),
            ("Per Hansen", "revisor")
        );
        assert_eq!(guests_text(&guests), "Per Hansen (revisor); Kari Lie");
    }
}
