//! The order rows are shown in, and the cursor and scroll offset in each list. Rows are indices
//! into the backlog's collections, so a list of 100 000 measures costs one `Vec<usize>`.

use jiff::civil::Date;

use crate::domain::{Backlog, Measure, Status};
use crate::insight::OwnerLoad;
use crate::search::MeasureFilter;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListView {
    pub rows: Vec<usize>,
    pub cursor: usize,
    pub offset: usize,
}

impl ListView {
    pub fn set_rows(&mut self, rows: Vec<usize>) {
        self.rows = rows;
        self.cursor = self.cursor.min(self.rows.len().saturating_sub(1));
    }

    pub fn selected_row(&self) -> Option<usize> {
        self.rows.get(self.cursor).copied()
    }

    pub fn select_where(&mut self, wanted: impl Fn(usize) -> bool) {
        if let Some(position) = self.rows.iter().position(|i| wanted(*i)) {
            self.cursor = position;
        }
    }

    /// Moves the cursor by `delta` rows, stopping at the ends.
    pub fn move_by(&mut self, delta: isize) {
        let last = self.rows.len().saturating_sub(1);
        self.cursor = self.cursor.saturating_add_signed(delta).min(last);
    }

    pub fn first(&mut self) {
        self.cursor = 0;
    }

    pub fn last(&mut self) {
        self.cursor = self.rows.len().saturating_sub(1);
    }

    pub fn scroll_into_view(&mut self, height: usize) {
        let height = height.max(1);
        if self.cursor < self.offset {
            self.offset = self.cursor;
        } else if self.cursor >= self.offset + height {
            self.offset = self.cursor + 1 - height;
        }
        let max_offset = self.rows.len().saturating_sub(height);
        self.offset = self.offset.min(max_offset);
    }
}

fn lifecycle_position(status: Status) -> usize {
    Status::ALL.iter().position(|s| *s == status).unwrap_or(usize::MAX)
}

fn best_rank(backlog: &Backlog, measure: &Measure) -> u32 {
    measure
        .priorities
        .iter()
        .filter_map(|p| backlog.priority(*p))
        .map(|p| p.rank)
        .min()
        .unwrap_or(u32::MAX)
}

/// The measures `filter` lets through, in the default order: by lifecycle status, then by the
/// best-ranked priority, then by id.
pub fn measure_rows(backlog: &Backlog, filter: &MeasureFilter, today: Date) -> Vec<usize> {
    let mut keyed: Vec<(usize, u32, u32, usize)> = backlog
        .measures
        .iter()
        .enumerate()
        .filter(|(_, m)| filter.matches(m, today))
        .map(|(i, m)| (lifecycle_position(m.status), best_rank(backlog, m), m.id.0, i))
        .collect();
    keyed.sort_unstable();
    keyed.into_iter().map(|(_, _, _, i)| i).collect()
}

/// Owners by name, as a person looks them up; those with nothing active come last. `loads`
/// is in the order of `backlog.owners`.
pub fn owner_rows(backlog: &Backlog, loads: &[OwnerLoad]) -> Vec<usize> {
    let mut keyed: Vec<(bool, String, usize)> = backlog
        .owners
        .iter()
        .enumerate()
        .map(|(i, o)| {
            let idle = loads.get(i).is_none_or(|l| l.active == 0);
            (idle, o.name.to_lowercase(), i)
        })
        .collect();
    keyed.sort();
    keyed.into_iter().map(|(_, _, i)| i).collect()
}

/// Priorities by rank.
pub fn priority_rows(backlog: &Backlog) -> Vec<usize> {
    let mut keyed: Vec<(u32, usize)> = backlog
        .priorities
        .iter()
        .enumerate()
        .map(|(i, p)| (p.rank, i))
        .collect();
    keyed.sort();
    keyed.into_iter().map(|(_, i)| i).collect()
}

/// Meetings, newest first.
pub fn meeting_rows(backlog: &Backlog) -> Vec<usize> {
    let mut keyed: Vec<(std::cmp::Reverse<(Date, u32)>, usize)> = backlog
        .meetings
        .iter()
        .enumerate()
        .map(|(i, m)| (std::cmp::Reverse((m.date, m.id.0)), i))
        .collect();
    keyed.sort();
    keyed.into_iter().map(|(_, i)| i).collect()
}
