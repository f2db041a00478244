//! The command palette (`:` / Ctrl-p): every action of the focused pane with its keys and
//! description, from the keymap table, filtered fuzzily as you type.

use super::action::{Action, Pane};
use super::keymap::{self, Context};
use super::typeahead::TypeAhead;
use crate::i18n::Lang;
use crate::search::fold::fold;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// All keys of the action ("j / ↓"); empty for palette-only actions.
    pub keys: String,
    pub description: String,
    folded: String,
    pub action: Action,
}

#[derive(Debug, Clone)]
pub struct Palette {
    pub entries: Vec<Entry>,
    pub find: TypeAhead,
}

/// The palette's entries for `pane`: the list bindings live there (all keys of an action on
/// one entry), then the palette-only actions.
pub fn entries(keymap: &keymap::Keymap, pane: Pane, lang: Lang) -> Vec<Entry> {
    let mut entries: Vec<Entry> = Vec::new();
    for binding in keymap.active_bindings(Context::List, pane) {
        if binding.action == Action::Palette {
            continue;
        }
        let label = keymap::key_label(binding, lang);
        match entries.iter_mut().find(|e| e.action == binding.action) {
            Some(entry) => entry.keys = format!("{} / {label}", entry.keys),
            None => {
                let description = lang.tr(binding.action.description()).to_string();
                entries.push(Entry {
                    keys: label,
                    folded: fold(&description),
                    description,
                    action: binding.action,
                });
            }
        }
    }
    for action in keymap::PALETTE_ONLY {
        let description = lang.tr(action.description()).to_string();
        entries.push(Entry {
            keys: String::new(),
            folded: fold(&description),
            description,
            action: *action,
        });
    }
    entries
}

impl Palette {
    pub fn new(keymap: &keymap::Keymap, pane: Pane, lang: Lang) -> Palette {
        let entries = entries(keymap, pane, lang);
        let shown = (0..entries.len()).collect();
        Palette {
            entries,
            find: TypeAhead {
                query: String::new(),
                shown,
                ..TypeAhead::default()
            },
        }
    }

    fn refilter(&mut self) {
        self.find.refilter(self.entries.iter().map(|e| e.folded.as_str()));
    }

    pub fn type_char(&mut self, c: char) {
        self.find.query.push(c);
        self.refilter();
    }

    pub fn backspace(&mut self) {
        self.find.query.pop();
        self.refilter();
    }

    pub fn clear_query(&mut self) {
        self.find.query.clear();
        self.refilter();
    }

    pub fn move_by(&mut self, delta: isize) {
        self.find.move_by(delta);
    }

    pub fn selected(&self) -> Option<&Entry> {
        self.find.shown.get(self.find.cursor).and_then(|i| self.entries.get(*i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_every_action_once_with_all_its_keys_and_palette_only_ones() {
        let entries = entries(&keymap::Keymap::default(), Pane::Measures, Lang::En);
        let down = entries.iter().find(|e| e.action == Action::Down).unwrap();
        assert_eq!(down.keys, "j / ↓");
        assert_eq!(entries.iter().filter(|e| e.action == Action::Down).count(), 1);
        assert!(
            entries
                .iter()
                .any(|e| e.action == Action::SaveView && e.keys.is_empty())
        );
        assert!(entries.iter().all(|e| e.action != Action::Palette));
        // Pane-specific keys only where they work.
        assert!(entries.iter().any(|e| e.action == Action::AssignOwner));
        let owners = super::entries(&keymap::Keymap::default(), Pane::Owners, Lang::En);
        assert!(owners.iter().all(|e| e.action != Action::AssignOwner));
    }

    #[test]
    fn typing_filters_and_ranks_in_the_current_language() {
        let mut p = Palette::new(&keymap::Keymap::default(), Pane::Measures, Lang::Nb);
        for c in "angre".chars() {
            p.type_char(c);
        }
        assert_eq!(p.selected().unwrap().action, Action::Undo);
        p.clear_query();
        for c in "lagre vis".chars() {
            p.type_char(c);
        }
        assert_eq!(p.selected().unwrap().action, Action::SaveView);
        p.clear_query();
        for c in "zzzq".chars() {
            p.type_char(c);
        }
        assert!(p.selected().is_none());
    }
}
