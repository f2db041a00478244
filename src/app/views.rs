//! The order rows are shown in, and the cursor and scroll offset in each list. Rows are indices
//! into the backlog's collections, so a list of 100 000 measures costs one `Vec<usize>`. The
//! measure list's filter, search and order live in `search::select`.

use jiff::civil::Date;

use crate::domain::Backlog;
use crate::insight::OwnerLoad;
use crate::search::fold::fold;
use crate::search::query::{Fields, record_id};
use crate::search::{Query, rank_items};

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

/// `keyed` (sort key, row) ordered by the key; with a query, only matching rows, best first.
fn ranked<K: Ord>(keyed: Vec<(K, usize)>, query: &str, folded_text: impl Fn(usize) -> String) -> Vec<usize> {
    let query = Query::new(query);
    let mut keyed = keyed;
    keyed.sort();
    let texts: Vec<String> = keyed.iter().map(|(_, i)| folded_text(*i)).collect();
    let (shown, _) = rank_items(&query, keyed.len(), |k, mode| query.rank_text(&texts[k], mode));
    shown.into_iter().map(|k| keyed[k].1).collect()
}

/// Owners by name, as a person looks them up; those with nothing active come last. `loads`
/// is in the order of `backlog.owners`. With a query, those whose name or role matches.
pub fn owner_rows(backlog: &Backlog, loads: &[OwnerLoad], query: &str) -> Vec<usize> {
    let keyed = backlog
        .owners
        .iter()
        .enumerate()
        .map(|(i, o)| {
            let idle = loads.get(i).is_none_or(|l| l.active == 0);
            ((idle, o.name.to_lowercase()), i)
        })
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

// issue 16: glossary
/// Terms in alphabetical order (æ ø å after z); with a query, those whose id (`B-3`), term,
/// synonyms or definition match, best first (term before synonyms before definition).
pub fn glossary_rows(backlog: &Backlog, query: &str) -> Vec<usize> {
    let mut ordered: Vec<(&str, usize)> = backlog
        .glossary
        .iter()
        .enumerate()
        .map(|(i, t)| (t.term.as_str(), i))
        .collect();
    ordered.sort_by(|a, b| crate::search::sort::compare_titles(a.0, b.0).then(a.1.cmp(&b.1)));
    let query = Query::new(query);
    let texts: Vec<[String; 3]> = ordered
        .iter()
        .map(|(_, i)| {
            backlog
                .glossary
                .get(*i)
                .map(|t| [fold(&t.term), fold(&t.synonyms.join(" ")), fold(&t.definition)])
                .unwrap_or_default()
        })
        .collect();
    let (shown, _) = rank_items(&query, ordered.len(), |k, mode| {
        let id = backlog.glossary.get(ordered[k].1).map(|t| record_id(t.id));
        let [title, facets, description] = &texts[k];
        let fields = Fields {
            id,
            title,
            facets,
            description,
        };
        query.rank(&fields, mode)
    });
    shown.into_iter().map(|k| ordered[k].1).collect()
}

/// Planned meetings first, soonest first; then the others, newest first. With a query, those
/// whose id (`M-3`, `m3`, `3`), title or date match, best first.
pub fn meeting_rows(backlog: &Backlog, query: &str) -> Vec<usize> {
    let mut planned: Vec<(Date, u32, usize)> = Vec::new();
    let mut others: Vec<(std::cmp::Reverse<(Date, u32)>, usize)> = Vec::new();
    for (i, m) in backlog.meetings.iter().enumerate() {
        if m.state == crate::domain::MeetingState::Planned {
            planned.push((m.date, m.id.0, i));
        } else {
            others.push((std::cmp::Reverse((m.date, m.id.0)), i));
        }
    }
    planned.sort();
    others.sort();
    let ordered: Vec<usize> = planned
        .into_iter()
        .map(|(_, _, i)| i)
        .chain(others.into_iter().map(|(_, i)| i))
        .collect();
    let query = Query::new(query);
    let texts: Vec<String> = ordered
        .iter()
        .map(|i| {
            backlog
                .meetings
                .get(*i)
                .map(|m| fold(&format!("{} {}", m.title, m.date)))
                .unwrap_or_default()
        })
        .collect();
    let (shown, _) = rank_items(&query, ordered.len(), |k, mode| {
        let id = backlog.meetings.get(ordered[k]).map(|m| record_id(m.id));
        let fields = Fields {
            id,
            title: &texts[k],
            facets: "",
            description: "",
        };
        query.rank(&fields, mode)
    });
    shown.into_iter().map(|k| ordered[k]).collect()
}
