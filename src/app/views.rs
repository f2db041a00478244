//! The order rows are shown in, and the cursor and scroll offset in each list. Rows are indices
//! into the backlog's collections, so a list of 100 000 measures costs one `Vec<usize>`.

use std::collections::HashMap;

use crate::domain::{Backlog, OwnerId, PriorityId};
use crate::search::Query;
use crate::search::fold::fold;

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
        self.offset = self.offset_for(height);
    }

    /// The scroll offset that keeps the cursor visible in `height` rows (without copying rows,
    /// so render can ask it of a long list every frame).
    pub fn offset_for(&self, height: usize) -> usize {
        let height = height.max(1);
        let mut offset = self.offset;
        if self.cursor < offset {
            offset = self.cursor;
        } else if self.cursor >= offset + height {
            offset = self.cursor + 1 - height;
        }
        offset.min(self.rows.len().saturating_sub(height))
    }
}

/// What the Owners and Priorities tables show per row, counted once per change rather than
/// by scanning every measure for every visible row on every frame.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    pub active_per_owner: HashMap<OwnerId, usize>,
    pub measures_per_priority: HashMap<PriorityId, usize>,
}

impl Counts {
    pub fn of(backlog: &Backlog) -> Counts {
        let mut counts = Counts::default();
        for m in &backlog.measures {
            if let Some(owner) = m.owner.filter(|_| m.status.is_active()) {
                *counts.active_per_owner.entry(owner).or_default() += 1;
            }
            for p in &m.priorities {
                *counts.measures_per_priority.entry(*p).or_default() += 1;
            }
        }
        counts
    }

    pub fn active_for(&self, owner: OwnerId) -> usize {
        self.active_per_owner.get(&owner).copied().unwrap_or(0)
    }

    pub fn measures_for(&self, priority: PriorityId) -> usize {
        self.measures_per_priority.get(&priority).copied().unwrap_or(0)
    }
}

/// `keyed` (sort key, row) ordered by the key; with a query, only matching rows, best first.
fn ranked<K: Ord>(keyed: Vec<(K, usize)>, query: &str, folded_text: impl Fn(usize) -> String) -> Vec<usize> {
    let query = Query::new(query);
    let mut keyed = keyed;
    keyed.sort();
    if query.is_empty() {
        return keyed.into_iter().map(|(_, i)| i).collect();
    }
    let mut hits: Vec<(i64, usize, usize)> = keyed
        .into_iter()
        .enumerate()
        .filter_map(|(position, (_, i))| query.score_text(&folded_text(i)).map(|s| (s, position, i)))
        .collect();
    hits.sort_by_key(|(score, position, _)| (std::cmp::Reverse(*score), *position));
    hits.into_iter().map(|(_, _, i)| i).collect()
}

/// Owners by name, as a person looks them up; with a query, those whose name or role matches.
pub fn owner_rows(backlog: &Backlog, query: &str) -> Vec<usize> {
    let keyed = backlog
        .owners
        .iter()
        .enumerate()
        .map(|(i, o)| (o.name.to_lowercase(), i))
        .collect();
    ranked(keyed, query, |i| {
        backlog
            .owners
            .get(i)
            .map(|o| fold(&format!("{} {}", o.name, o.role)))
            .unwrap_or_default()
    })
}

/// Priorities by rank; with a query, those whose title matches.
pub fn priority_rows(backlog: &Backlog, query: &str) -> Vec<usize> {
    let keyed = backlog
        .priorities
        .iter()
        .enumerate()
        .map(|(i, p)| (p.rank, i))
        .collect();
    ranked(keyed, query, |i| {
        backlog.priorities.get(i).map(|p| fold(&p.title)).unwrap_or_default()
    })
}
