//! The `f` panel: one row per filter condition, changed in place with ←/→ or Space; the list
//! behind it follows at once. Esc puts the filter back as it was, Enter keeps it.

use crate::domain::{Backlog, Funding, Status};
use crate::search::{DueFilter, MeasureFilter};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilterRow {
    Status(Status),
    Owner,
    Sector,
    Priority,
    Tag,
    Due,
    AwaitingPolitical,
    Funding,
    CrossSector,
    ActiveOnly,
    Untriaged,
    Value,
    Effort,
}

pub fn rows() -> Vec<FilterRow> {
    Status::ALL
        .into_iter()
        .map(FilterRow::Status)
        .chain([
            FilterRow::Owner,
            FilterRow::Sector,
            FilterRow::Priority,
            FilterRow::Tag,
            FilterRow::Due,
            FilterRow::AwaitingPolitical,
            FilterRow::Funding,
            FilterRow::CrossSector,
            FilterRow::ActiveOnly,
            FilterRow::Untriaged,
            FilterRow::Value,
            FilterRow::Effort,
        ])
        .collect()
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilterPanel {
    pub cursor: usize,
    /// The filter when the panel opened, for Esc.
    pub original: MeasureFilter,
    /// Every tag in use, for cycling.
    pub tags: Vec<String>,
}

/// The option after (or before) `current` in `none` followed by `options`.
fn cycle<T: PartialEq + Clone>(options: &[T], current: &Option<T>, forward: bool) -> Option<T> {
    let position = current.as_ref().and_then(|c| options.iter().position(|o| o == c));
    let count = options.len() + 1;
    let index = position.map_or(0, |p| p + 1);
    let next = if forward {
        (index + 1) % count
    } else {
        (index + count - 1) % count
    };
    next.checked_sub(1).and_then(|i| options.get(i).cloned())
}

impl FilterPanel {
    pub fn new(filter: &MeasureFilter, backlog: &Backlog) -> FilterPanel {
        let mut tags: Vec<String> = Vec::new();
        for tag in backlog.measures.iter().flat_map(|m| &m.tags) {
            if !tags.iter().any(|t| t.to_lowercase() == tag.to_lowercase()) {
                tags.push(tag.clone());
            }
        }
        tags.sort_by(|a, b| crate::search::sort::compare_titles(a, b));
        FilterPanel {
            cursor: 0,
            original: filter.clone(),
            tags,
        }
    }

    pub fn row(&self) -> FilterRow {
        rows()[self.cursor.min(rows().len() - 1)]
    }

    pub fn move_by(&mut self, delta: isize) {
        self.cursor = self.cursor.saturating_add_signed(delta).min(rows().len() - 1);
    }

    /// Changes the focused condition: the next or previous choice, or on/off.
    pub fn step(&self, filter: &mut MeasureFilter, backlog: &Backlog, forward: bool) {
        match self.row() {
            FilterRow::Status(status) => {
                if let Some(i) = filter.statuses.iter().position(|s| *s == status) {
                    filter.statuses.remove(i);
                } else {
                    filter.statuses.push(status);
                    filter.statuses.sort();
                }
            }
            FilterRow::Owner => {
                let mut owners: Vec<_> = backlog.owners.iter().collect();
                owners.sort_by(|a, b| crate::search::sort::compare_titles(&a.name, &b.name));
                let ids: Vec<_> = owners.iter().map(|o| o.id).collect();
                filter.owner = cycle(&ids, &filter.owner, forward);
            }
            FilterRow::Sector => {
                let ids: Vec<_> = backlog.sectors_in_order().iter().map(|s| s.id).collect();
                filter.sector = cycle(&ids, &filter.sector, forward);
            }
            FilterRow::Priority => {
                let ids: Vec<_> = backlog.priorities_by_rank().iter().map(|p| p.id).collect();
                filter.priority = cycle(&ids, &filter.priority, forward);
            }
            FilterRow::Tag => {
                let current = filter
                    .tag
                    .as_ref()
                    .and_then(|t| self.tags.iter().find(|x| x.to_lowercase() == t.to_lowercase()).cloned());
                filter.tag = cycle(&self.tags, &current, forward);
            }
            FilterRow::Due => {
                let options = [DueFilter::Overdue, DueFilter::Within30Days, DueFilter::NoDue];
                filter.due = cycle(&options, &filter.due, forward);
            }
            FilterRow::Funding => filter.funding = cycle(&Funding::ALL, &filter.funding, forward),
            FilterRow::Value => filter.value = cycle(&[1, 2, 3, 4, 5], &filter.value, forward),
            FilterRow::Effort => filter.effort = cycle(&[1, 2, 3, 4, 5], &filter.effort, forward),
            FilterRow::AwaitingPolitical => filter.awaiting_political = !filter.awaiting_political,
            FilterRow::CrossSector => filter.cross_sector = !filter.cross_sector,
            FilterRow::ActiveOnly => filter.active_only = !filter.active_only,
            FilterRow::Untriaged => filter.untriaged = !filter.untriaged,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Id;

    #[test]
    fn choices_cycle_through_none_both_ways() {
        assert_eq!(cycle(&[1, 2], &None, true), Some(1));
        assert_eq!(cycle(&[1, 2], &Some(2), true), None);
        assert_eq!(cycle(&[1, 2], &None, false), Some(2));
        assert_eq!(cycle::<u8>(&[], &None, true), None);
    }

    #[test]
    fn every_row_changes_its_condition() {
        let b = Backlog::new("t", &["A", "B"]);
        let mut panel = FilterPanel::new(&MeasureFilter::default(), &b);
        let mut filter = MeasureFilter::default();
        for i in 0..rows().len() {
            panel.cursor = i;
            let before = filter.clone();
            panel.step(&mut filter, &b, true);
            let no_options = matches!(panel.row(), FilterRow::Owner | FilterRow::Priority | FilterRow::Tag);
            assert!(no_options || filter != before, "{:?} did nothing", panel.row());
        }
        assert_eq!(filter.statuses, Status::ALL);
        assert_eq!(filter.sector, Some(Id(1)));
        assert!(filter.untriaged && filter.cross_sector && filter.active_only && filter.awaiting_political);
        assert_eq!((filter.value, filter.effort), (Some(1), Some(1)));
    }
}
