//! A list narrowed and ranked by what is typed: the state the command palette and the
//! quick-assign pickers share.

use crate::search::{Mode, Query, rank_items};

#[derive(Debug, Clone, Default)]
pub struct TypeAhead {
    pub query: String,
    /// Indices into the owner's items that match the query, best first.
    pub shown: Vec<usize>,
    pub cursor: usize,
    /// Nothing matched word for word: `shown` are fuzzy matches.
    pub mode: Mode,
}

impl TypeAhead {
    /// Ranks `folded` (each item's folded text, in item order) against the query; with no query
    /// every item shows in its own order.
    pub fn refilter<'a>(&mut self, folded: impl Iterator<Item = &'a str>) {
        let query = Query::new(&self.query);
        let texts: Vec<&str> = folded.collect();
        (self.shown, self.mode) = rank_items(&query, texts.len(), |i, mode| query.rank_text(texts[i], mode));
        self.cursor = 0;
    }

    pub fn move_by(&mut self, delta: isize) {
        let last = self.shown.len().saturating_sub(1);
        self.cursor = self.cursor.saturating_add_signed(delta).min(last);
    }

    /// The item under the cursor.
    pub fn current(&self) -> Option<usize> {
        self.shown.get(self.cursor).copied()
    }
}
