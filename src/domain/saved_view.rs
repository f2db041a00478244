//! Named views of the measure list (filter + search + order), stored in the backlog file.

use serde::{Deserialize, Serialize};

use super::model::Backlog;
use super::ops::DomainError;
use super::patch::{Change, Edit, Key, Patch, Record};
use crate::search::{MeasureFilter, SortKey};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedView {
    pub name: String,
    #[serde(default)]
    pub filter: MeasureFilter,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub query: String,
    #[serde(default)]
    pub sort: SortKey,
}

impl Backlog {
    pub fn view(&self, name: &str) -> Option<&SavedView> {
        let wanted = name.trim().to_lowercase();
        self.views.iter().find(|v| v.name.to_lowercase() == wanted)
    }

    fn replace_views(&mut self, views: Vec<SavedView>) -> Edit {
        self.commit(Patch(vec![Change {
            key: Key::Views,
            after: Some(Record::Views(views)),
        }]))
    }

    /// Saves `view`, replacing a view of the same name (ignoring case). Views are kept in
    /// name order.
    pub fn save_view(&mut self, mut view: SavedView) -> Result<Edit, DomainError> {
        view.name = super::text::single_line(&view.name);
        if view.name.is_empty() {
            return Err(DomainError::EmptyName);
        }
        let mut views = self.views.clone();
        views.retain(|v| v.name.to_lowercase() != view.name.to_lowercase());
        views.push(view);
        views.sort_by_key(|v| v.name.to_lowercase());
        Ok(self.replace_views(views))
    }

    /// Deletes the view called `name`; `None` when there is none.
    pub fn delete_view(&mut self, name: &str) -> Option<Edit> {
        self.view(name)?;
        let wanted = name.trim().to_lowercase();
        let views = self
            .views
            .iter()
            .filter(|v| v.name.to_lowercase() != wanted)
            .cloned()
            .collect();
        Some(self.replace_views(views))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saving_replaces_by_name_and_undo_restores() {
        let mut b = Backlog::new("t", &[]);
        let view = |name: &str, query: &str| SavedView {
            name: name.into(),
            filter: MeasureFilter::default(),
            query: query.into(),
            sort: SortKey::Due,
        };
        b.save_view(view("Skole", "skole")).unwrap();
        b.save_view(view("Alle", "")).unwrap();
        let before = b.clone();
        let edit = b.save_view(view(" skole ", "skolestart")).unwrap();
        assert_eq!(b.views.len(), 2);
        assert_eq!(b.view("SKOLE").unwrap().query, "skolestart");
        assert_eq!(b.views[0].name, "Alle");
        b.apply(&edit.undo);
        assert_eq!(b, before);
        assert!(b.save_view(view("  ", "")).is_err());
        let deleted = b.delete_view("alle").unwrap();
        assert!(b.view("Alle").is_none());
        b.apply(&deleted.undo);
        assert_eq!(b, before);
    }
}
