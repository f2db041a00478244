//! Named views of the measure list (filter + search + order), stored in the backlog file.
//! Their conditions and orders are plain data here; what they mean for a measure (matching,
//! sorting, labels) is the search module's business, so the dependency runs one way:
//! `search` uses these types, the domain never uses `search`.

use serde::{Deserialize, Serialize};

use super::id::{OwnerId, PriorityId, SectorId};
use super::model::{Backlog, Funding, Status};
use super::ops::DomainError;
use super::patch::{Change, Edit, Key, Patch, Record};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DueFilter {
    /// Active and past its due date.
    Overdue,
    /// Due today or within the next 30 days.
    Within30Days,
    /// No due date set.
    NoDue,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct MeasureFilter {
    /// Any of these statuses (empty: any status).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub statuses: Vec<Status>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner: Option<OwnerId>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sector: Option<SectorId>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub priority: Option<PriorityId>,
    /// Case-insensitive tag.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tag: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due: Option<DueFilter>,
    /// Needs a political decision that has not been taken yet (still idea or assessing).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub awaiting_political: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub funding: Option<Funding>,
    /// Two or more sectors.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub cross_sector: bool,
    /// Not done, parked or rejected.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub active_only: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub effort: Option<u8>,
    /// Active and still missing an owner, a sector or a priority, or still an idea.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub untriaged: bool,
}

impl MeasureFilter {
    pub fn is_empty(&self) -> bool {
        *self == MeasureFilter::default()
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SortKey {
    /// Lifecycle status, then best priority rank; with a search query, best match first.
    #[default]
    Default,
    /// Value ÷ effort, highest first; measures without both last.
    Score,
    /// Earliest due date first; no date last.
    Due,
    /// Owner name; no owner last.
    Owner,
    /// Most recently updated first.
    Updated,
    /// Title in Norwegian alphabetical order (æ, ø, å after z).
    Title,
}

impl SortKey {
    pub const ALL: [SortKey; 6] = [
        SortKey::Default,
        SortKey::Score,
        SortKey::Due,
        SortKey::Owner,
        SortKey::Updated,
        SortKey::Title,
    ];

    pub fn next(self) -> SortKey {
        let index = SortKey::ALL.iter().position(|k| *k == self).unwrap_or(0);
        SortKey::ALL[(index + 1) % SortKey::ALL.len()]
    }

    /// The CLI and JSON key.
    pub fn key(self) -> &'static str {
        match self {
            SortKey::Default => "default",
            SortKey::Score => "score",
            SortKey::Due => "due",
            SortKey::Owner => "owner",
            SortKey::Updated => "updated",
            SortKey::Title => "title",
        }
    }

    pub fn from_key(key: &str) -> Option<SortKey> {
        let wanted = key.trim().to_lowercase();
        SortKey::ALL.into_iter().find(|k| k.key() == wanted)
    }
}

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
