//! Where "now" and "today" come from, for the app and every command alike.
//!
//! `TILTAK_TODAY=YYYY-MM-DD` fixes the date (for tests and demos): overdue marks, reports and
//! the date a meeting starts with then read as on that day, while the time of day keeps running
//! so a meeting's timers still count.

use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{Timestamp, Zoned};

/// The environment variable that fixes today's date.
pub const TODAY_VAR: &str = "TILTAK_TODAY";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    /// The wall clock in the local time zone.
    System,
    /// A fixed instant (tests); today is its date in UTC.
    Fixed(Timestamp),
    /// A fixed date whose time of day runs with the wall clock (`TILTAK_TODAY`).
    Dated(Date),
}

impl Clock {
    /// The wall clock, or the date in `TILTAK_TODAY` when that is set. A value that is not a
    /// date is an error naming it, so a typo never silently falls back to the real date.
    pub fn from_env() -> Result<Clock, String> {
        match std::env::var(TODAY_VAR) {
            Ok(text) if !text.trim().is_empty() => Clock::dated(&text).ok_or(text),
            _ => Ok(Clock::System),
        }
    }

    /// `YYYY-MM-DD` as a fixed date.
    pub fn dated(text: &str) -> Option<Clock> {
        text.trim().parse::<Date>().ok().map(Clock::Dated)
    }

    pub fn now(self) -> Timestamp {
        match self {
            Clock::System => Timestamp::now(),
            Clock::Fixed(t) => t,
            Clock::Dated(date) => {
                let wall = Timestamp::now();
                let time = wall.to_zoned(TimeZone::UTC).time();
                date.to_datetime(time)
                    .to_zoned(TimeZone::UTC)
                    .map_or(wall, |z| z.timestamp())
            }
        }
    }

    pub fn today(self) -> Date {
        match self {
            Clock::System => Zoned::now().date(),
            Clock::Fixed(t) => t.to_zoned(TimeZone::UTC).date(),
            Clock::Dated(date) => date,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fixed_date_is_today_and_now_falls_on_it() {
        let clock = Clock::dated("2027-02-01").unwrap();
        let day = jiff::civil::date(2027, 2, 1);
        assert_eq!(clock.today(), day);
        assert_eq!(clock.now().to_zoned(TimeZone::UTC).date(), day);
    }

    #[test]
    fn a_value_that_is_not_a_date_is_refused() {
        assert_eq!(Clock::dated("01.02.2027"), None);
        assert_eq!(Clock::dated("tomorrow"), None);
        assert_eq!(
            Clock::dated(" 2027-02-01 "),
            Some(Clock::Dated(jiff::civil::date(2027, 2, 1)))
        );
    }
}
