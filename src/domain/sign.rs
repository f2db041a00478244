//! Who did what: the log entries a change writes carry the name of the member who made it.
//! Operations write their entries unsigned; the one place that records a change (the app's
//! commit, a CLI command before it saves) signs them, so no operation needs to know the name.

use super::model::{Backlog, Measure};
use super::patch::{Edit, Record};

/// Signs the entries of `new`'s log that `old` did not have and that carry no author yet.
pub fn sign_measure(old: Option<&Measure>, new: &mut Measure, author: &str) {
    if author.is_empty() {
        return;
    }
    for entry in &mut new.log {
        if entry.author.is_empty() && old.is_none_or(|old| !old.log.contains(entry)) {
            entry.author = author.to_string();
        }
    }
}

impl Edit {
    /// Signs the log entries this edit wrote, in the edit (so a redo writes them signed) and in
    /// `backlog`, which the edit was just applied to.
    pub fn sign(&mut self, backlog: &mut Backlog, author: &str) {
        if author.is_empty() {
            return;
        }
        let Edit { undo, redo } = self;
        for change in &mut redo.0 {
            let Some(Record::Measure(new)) = &mut change.after else {
                continue;
            };
            let old = undo.0.iter().find_map(|c| match &c.after {
                Some(Record::Measure(m)) if m.id == new.id => Some(&**m),
                _ => None,
            });
            sign_measure(old, new, author);
            if let Ok(index) = backlog.measures.binary_search_by_key(&new.id, |m| m.id) {
                sign_measure(old, &mut backlog.measures[index], author);
            }
        }
    }
}

impl Backlog {
    /// Signs the log entries written since `before` (an import, which changes many measures at
    /// once without an edit).
    pub fn sign_since(&mut self, before: &Backlog, author: &str) {
        if author.is_empty() {
            return;
        }
        for measure in &mut self.measures {
            let old = before.measure(measure.id);
            if old != Some(measure) {
                sign_measure(old, measure, author);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Id, MeasureDraft};
    use jiff::Timestamp;

    fn at(text: &str) -> Timestamp {
        text.parse().unwrap()
    }

    #[test]
    fn only_the_entries_an_edit_wrote_are_signed_in_the_backlog_and_for_redo() {
        let mut b = Backlog::new("t", &["Skole"]);
        let (id, _) = b
            .add_measure(MeasureDraft::titled("Chatbot"), at("2026-11-01T00:00:00Z"))
            .unwrap();
        b.step_status(id, true, at("2026-11-02T00:00:00Z")).unwrap();
        let mut edit = b.step_status(id, true, at("2026-11-03T00:00:00Z")).unwrap();
        edit.sign(&mut b, "Kari Åsheim");
        let authors: Vec<&str> = b.measure(id).unwrap().log.iter().map(|e| e.author.as_str()).collect();
        assert_eq!(authors, ["", "Kari Åsheim"], "the earlier entry is not this edit's");
        let signed = b.clone();
        b.apply(&edit.undo);
        b.apply(&edit.redo);
        assert_eq!(b, signed, "redo writes the signed entry");
        assert_eq!(b.measure(Id(id.0)).unwrap().log[1].author, "Kari Åsheim");
    }

    #[test]
    fn an_import_signs_what_it_wrote_and_nothing_else() {
        let mut before = Backlog::new("t", &["Skole"]);
        let day = at("2026-11-01T00:00:00Z");
        let (a, _) = before.add_measure(MeasureDraft::titled("A"), day).unwrap();
        let (b, _) = before.add_measure(MeasureDraft::titled("B"), day).unwrap();
        before.step_status(a, true, day).unwrap();
        let mut after = before.clone();
        after.step_status(b, true, day).unwrap();
        after.sign_since(&before, "Ola");
        assert_eq!(after.measure(a).unwrap().log[0].author, "", "untouched by the import");
        assert_eq!(after.measure(b).unwrap().log[0].author, "Ola");
        let mut unsigned = before.clone();
        unsigned.sign_since(&before, "");
        assert_eq!(unsigned, before);
    }
}
