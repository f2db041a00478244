//! The meeting review: setting it up (agenda, attendees, timebox), stepping through it with a
//! clock per item, and the summary afterwards. Time comes from the app's [`super::Clock`], so
//! tests decide how much of it has passed.

use std::path::PathBuf;

use jiff::Timestamp;

use super::App;
use super::form::Form;
use crate::domain::{DecisionKind, ItemTime, MeasureId, MeetingId, Status, TermId, Verdict};
use crate::i18n::{Lang, Msg};

/// What fills the screen instead of the panes, if anything.
#[derive(Debug, Clone, Default)]
pub enum Screen {
    #[default]
    Main,
    Setup(Box<Setup>),
    Review(Box<Review>),
    Summary(Box<Summary>),
    /// A measure's whole log; closing it returns to `back`.
    Log {
        measure: MeasureId,
        scroll: u16,
        back: Box<Screen>,
    },
    /// What changed since the last meeting, worked out when the view opened (nothing can change
    /// while it is open), so a frame never reads every log.
    Changes {
        scroll: u16,
        since: crate::insight::changes::Since,
        changes: Vec<crate::insight::changes::MeasureChanges>,
    },
    /// The backlog's settings and its sectors; the cursor is on a sector. Closing it returns
    /// to the guided start when it came from there.
    Settings {
        cursor: usize,
        from_start: bool,
    },
    /// The guided start on a new backlog; the cursor is on a step.
    Start {
        cursor: usize,
    },
    // issue 16: following a dependency
    /// A measure's detail full screen (a dependency followed); closing it returns to `back`.
    Peek {
        measure: MeasureId,
        scroll: u16,
        back: Box<Screen>,
    },
}

/// The measures a review starts with: the marked ones if any are marked, else those now visible
/// in the Measures pane; in the pane's order either way.
pub fn agenda_candidates(app: &App) -> Vec<MeasureId> {
    let visible = app
        .measures
        .rows
        .iter()
        .filter_map(|i| app.backlog.measures.get(*i))
        .map(|m| m.id);
    if app.marks.is_empty() {
        return visible.collect();
    }
    let mut agenda: Vec<MeasureId> = visible.filter(|id| app.marks.contains(id)).collect();
    // Marked measures the current search or filter hides still belong on the agenda.
    let hidden: Vec<MeasureId> = app.marks.iter().copied().filter(|id| !agenda.contains(id)).collect();
    agenda.extend(hidden);
    agenda
}

/// What `a` will record on a measure with status `status`, in words: approved with the status
/// step, or confirmed with the status kept.
pub fn approve_preview(lang: Lang, status: Status) -> String {
    match Verdict::Approve.outcome(status) {
        (DecisionKind::Approved, _) => lang.fill(Msg::ApproveWillDecide, &[("from", lang.status(status))]),
        _ => lang.fill(Msg::ApproveWillConfirm, &[("status", lang.status(status))]),
    }
}

#[derive(Debug, Clone)]
pub struct Setup {
    pub form: Form,
    pub agenda: Vec<MeasureId>,
    // issue 16: glossary terms on the agenda, listed (and taken) after the measures
    pub terms: Vec<TermId>,
    /// The item under the cursor: a measure, or past them a term.
    pub cursor: usize,
    /// The agenda list has the focus (rather than one of the form's fields).
    pub on_agenda: bool,
    pub error: Option<String>,
    /// The planned meeting being changed (or started); `None` for a new one.
    pub editing: Option<MeetingId>,
}

impl Setup {
    /// Items on the agenda: measures, then terms.
    pub fn len(&self) -> usize {
        self.agenda.len() + self.terms.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Moves the item under the cursor within its kind (measures stay before terms).
    pub fn move_item(&mut self, down: bool) {
        let measures = self.agenda.len();
        let (items, at, offset) = match self.cursor.checked_sub(measures) {
            Some(term) => (self.terms.len(), term, measures),
            None => (measures, self.cursor, 0),
        };
        let target = if down {
            at + 1
        } else {
            match at.checked_sub(1) {
                Some(t) => t,
                None => return,
            }
        };
        if target < items {
            if offset == 0 {
                self.agenda.swap(at, target);
            } else {
                self.terms.swap(at, target);
            }
            self.cursor = offset + target;
        }
    }

    /// Takes the item under the cursor off the agenda; its id as text.
    pub fn drop_item(&mut self) -> Option<String> {
        let gone = match self.cursor.checked_sub(self.agenda.len()) {
            None => self.agenda.remove(self.cursor).to_string(),
            Some(term) if term < self.terms.len() => self.terms.remove(term).to_string(),
            Some(_) => return None,
        };
        self.cursor = self.cursor.min(self.len().saturating_sub(1));
        Some(gone)
    }

    pub fn move_cursor(&mut self, delta: isize) {
        let last = self.len().saturating_sub(1);
        self.cursor = self.cursor.saturating_add_signed(delta).min(last);
    }
}

/// How close a clock is to its timebox.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimerLevel {
    Fine,
    /// 80 % of the time or more is used.
    Warn,
    /// Over the time.
    Over,
}

pub fn timer_level(elapsed_secs: i64, limit_secs: i64) -> TimerLevel {
    if elapsed_secs > limit_secs {
        TimerLevel::Over
    } else if elapsed_secs * 5 >= limit_secs * 4 {
        TimerLevel::Warn
    } else {
        TimerLevel::Fine
    }
}

/// `mm:ss`, or `h:mm:ss` from an hour.
pub fn clock_text(secs: i64) -> String {
    let secs = secs.max(0);
    if secs >= 3600 {
        format!("{}:{:02}:{:02}", secs / 3600, secs / 60 % 60, secs % 60)
    } else {
        format!("{:02}:{:02}", secs / 60, secs % 60)
    }
}

#[derive(Debug, Clone)]
pub struct Review {
    pub meeting: MeetingId,
    pub agenda: Vec<MeasureId>,
    pub index: usize,
    pub per_item_secs: i64,
    /// Seconds spent on each item before it last became current.
    pub spent: Vec<i64>,
    /// When the current item became current.
    pub since: Timestamp,
    /// How many undo steps existed when the review began; `u` never reaches below them.
    pub history_floor: usize,
    // issue 16: glossary terms on the agenda, taken after the measures
    pub terms: Vec<crate::domain::TermId>,
}

impl Review {
    pub fn new(meeting: MeetingId, agenda: Vec<MeasureId>, minutes: u32, now: Timestamp, floor: usize) -> Review {
        let len = agenda.len();
        Review {
            meeting,
            agenda,
            index: 0,
            per_item_secs: i64::from(minutes) * 60,
            spent: vec![0; len],
            since: now,
            history_floor: floor,
            terms: Vec::new(),
        }
    }

    /// The review with the meeting's glossary terms after its measures.
    pub fn with_terms(mut self, terms: Vec<crate::domain::TermId>) -> Review {
        self.spent.resize(self.agenda.len() + terms.len(), 0);
        self.terms = terms;
        self
    }

    /// Items on the agenda: measures, then terms.
    pub fn len(&self) -> usize {
        self.agenda.len() + self.terms.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The measure under discussion; `None` on a glossary term.
    pub fn current(&self) -> Option<MeasureId> {
        self.agenda.get(self.index).copied()
    }

    /// The glossary term under discussion, once the measures are done.
    pub fn current_term(&self) -> Option<crate::domain::TermId> {
        self.index
            .checked_sub(self.agenda.len())
            .and_then(|i| self.terms.get(i))
            .copied()
    }

    fn running(&self, now: Timestamp) -> i64 {
        now.duration_since(self.since).as_secs().max(0)
    }

    pub fn item_elapsed(&self, now: Timestamp) -> i64 {
        self.spent.get(self.index).copied().unwrap_or(0) + self.running(now)
    }

    pub fn total_elapsed(&self, now: Timestamp) -> i64 {
        self.spent.iter().sum::<i64>() + self.running(now)
    }

    pub fn total_limit(&self) -> i64 {
        self.per_item_secs * self.len() as i64
    }

    /// Seconds spent per item so far, for the meeting record.
    pub fn times(&self, now: Timestamp) -> Vec<ItemTime> {
        self.agenda
            .iter()
            .enumerate()
            .map(|(i, measure)| {
                let mut secs = self.spent.get(i).copied().unwrap_or(0);
                if i == self.index {
                    secs += self.running(now);
                }
                ItemTime {
                    measure: *measure,
                    secs: u32::try_from(secs).unwrap_or(u32::MAX),
                }
            })
            .collect()
    }

    /// Moves to item `to` (clamped), booking the time spent on the current one.
    pub fn go_to(&mut self, to: usize, now: Timestamp) {
        let to = to.min(self.len().saturating_sub(1));
        if to == self.index {
            return;
        }
        let running = self.running(now);
        if let Some(spent) = self.spent.get_mut(self.index) {
            *spent += running;
        }
        self.since = now;
        self.index = to;
    }
}

#[derive(Debug, Clone)]
pub struct Summary {
    pub meeting: MeetingId,
    /// Where the minutes were just written, or why they could not be; `None` when an earlier
    /// meeting is only being looked at.
    pub written: Option<Result<PathBuf, String>>,
    pub scroll: u16,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Id;

    #[test]
    fn levels_turn_at_eighty_percent_and_over_the_limit() {
        assert_eq!(timer_level(239, 300), TimerLevel::Fine);
        assert_eq!(timer_level(240, 300), TimerLevel::Warn);
        assert_eq!(timer_level(300, 300), TimerLevel::Warn);
        assert_eq!(timer_level(301, 300), TimerLevel::Over);
        assert_eq!(clock_text(65), "01:05");
        assert_eq!(clock_text(3725), "1:02:05");
    }

    #[test]
    fn time_is_booked_per_item_when_moving_back_and_forth() {
        let t0: Timestamp = "2026-11-30T09:00:00Z".parse().unwrap();
        let at = |s: i64| t0.checked_add(jiff::SignedDuration::from_secs(s)).unwrap();
        let mut review = Review::new(Id(1), vec![Id(1), Id(2)], 5, t0, 0);
        assert_eq!(review.item_elapsed(at(90)), 90);
        review.go_to(1, at(100));
        assert_eq!(review.item_elapsed(at(130)), 30);
        review.go_to(0, at(130));
        assert_eq!(review.item_elapsed(at(140)), 110);
        assert_eq!(review.total_elapsed(at(140)), 140);
        assert_eq!(review.total_limit(), 600);
    }

    #[test]
    fn agenda_items_move_and_drop() {
        let mut setup = Setup {
            form: Form::new_priority(),
            agenda: vec![Id(1), Id(2), Id(3)],
            terms: vec![Id(7), Id(8)],
            cursor: 0,
            on_agenda: true,
            error: None,
            editing: None,
        };
        setup.move_item(true);
        assert_eq!((setup.agenda.clone(), setup.cursor), (vec![Id(2), Id(1), Id(3)], 1));
        setup.move_item(false);
        setup.move_item(false);
        assert_eq!(setup.agenda, vec![Id(1), Id(2), Id(3)]);
        // Measures and terms keep their places: the last measure does not swap with a term.
        setup.cursor = 2;
        setup.move_item(true);
        assert_eq!((setup.agenda[2], setup.terms[0], setup.cursor), (Id(3), Id(7), 2));
        setup.cursor = 3;
        setup.move_item(true);
        assert_eq!((setup.terms.clone(), setup.cursor), (vec![Id(8), Id(7)], 4));
        setup.move_item(false);
        setup.move_item(false);
        assert_eq!((setup.terms.clone(), setup.cursor), (vec![Id(7), Id(8)], 3));
        setup.cursor = 4;
        assert_eq!(setup.drop_item().as_deref(), Some("B-8"));
        assert_eq!(setup.cursor, 3);
        setup.cursor = 2;
        assert_eq!(setup.drop_item().as_deref(), Some("T-3"));
        assert_eq!((setup.len(), setup.cursor), (3, 2));
    }
}
