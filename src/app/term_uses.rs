//! The measures whose text uses the glossary term on screen (the Glossary pane's selection, or
//! the review's term), worked out when that term or the backlog changes, so a frame only reads
//! them instead of scanning every measure.

use super::App;
use super::action::Pane;
use super::review::Screen;
use crate::domain::{MeasureId, TermId};

#[derive(Debug, Default)]
pub struct TermUses {
    term: Option<TermId>,
    measures: Vec<MeasureId>,
}

impl TermUses {
    /// The measures (by id) whose title or description uses `term`; empty when that is not the
    /// term on screen.
    pub fn of(&self, term: TermId) -> &[MeasureId] {
        if self.term == Some(term) { &self.measures } else { &[] }
    }
}

impl App {
    /// The glossary term whose uses the screen shows: the review's current item when it is a
    /// term, else the Glossary pane's selection.
    fn term_on_screen(&self) -> Option<TermId> {
        match &self.screen {
            Screen::Review(review) => review.current_term(),
            _ if self.focus == Pane::Glossary => self.selected_term(),
            _ => None,
        }
    }

    /// Works the uses out again when the term on screen changed, or when the backlog did
    /// (`backlog_changed`).
    pub(super) fn refresh_term_uses(&mut self, backlog_changed: bool) {
        let term = self.term_on_screen();
        if !backlog_changed && term == self.term_uses.term {
            return;
        }
        let measures = term.map_or_else(Vec::new, |term| {
            self.backlog
                .measures
                .iter()
                .filter(|m| self.terms.terms_of(m).contains(&term))
                .map(|m| m.id)
                .collect()
        });
        self.term_uses = TermUses { term, measures };
    }
}
