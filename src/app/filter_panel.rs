//! The `f` panel: one row per filter condition, changed in place with ←/→ or Space; the list
//! behind it follows at once. Esc puts the filter back as it was, Enter keeps it.

use super::picker::{PickChoice, Picker};
use crate::domain::{Backlog, Funding, OwnerId, PriorityId, SectorId, Status};
use crate::i18n::{Lang, Msg};
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

impl FilterRow {
    /// The row's name (a status row is named by its status).
    pub fn title(self) -> Option<Msg> {
        Some(match self {
            FilterRow::Status(_) => return None,
            FilterRow::Owner => Msg::FieldOwner,
            FilterRow::Sector => Msg::FilterSector,
            FilterRow::Priority => Msg::FilterPriority,
            FilterRow::Tag => Msg::FilterTag,
            FilterRow::Due => Msg::FilterDue,
            FilterRow::AwaitingPolitical => Msg::ChipAwaitingPolitical,
            FilterRow::Funding => Msg::FieldFunding,
            FilterRow::CrossSector => Msg::CrossSector,
            FilterRow::ActiveOnly => Msg::FilterActiveOnly,
            FilterRow::Untriaged => Msg::ViewTriage,
            FilterRow::Value => Msg::FieldValue,
            FilterRow::Effort => Msg::FieldEffort,
        })
    }
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

#[derive(Debug, Clone)]
pub struct FilterPanel {
    pub cursor: usize,
    /// The filter when the panel opened, for Esc.
    pub original: MeasureFilter,
    /// Every tag in use, for cycling.
    pub tags: Vec<String>,
    // issue 14: one picker everywhere
    /// The picker open on the focused row (`Space` on a row that chooses one of several).
    pub picker: Option<Box<Picker>>,
}

/// One value a row that chooses one of several can take ("any" is the absence of one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowChoice {
    Owner(OwnerId),
    Sector(SectorId),
    Priority(PriorityId),
    Tag(String),
    Due(DueFilter),
    Funding(Funding),
    Value(u8),
    Effort(u8),
}

impl RowChoice {
    /// How the panel and its picker name this value.
    pub fn label(&self, backlog: &Backlog, lang: Lang) -> String {
        match self {
            RowChoice::Owner(o) => backlog.owner(*o).map(|o| o.name.clone()).unwrap_or_default(),
            RowChoice::Sector(s) => backlog.sector(*s).map(|s| s.name.clone()).unwrap_or_default(),
            RowChoice::Priority(p) => backlog.priority(*p).map(|p| p.title.clone()).unwrap_or_default(),
            RowChoice::Tag(t) => format!("#{t}"),
            RowChoice::Due(d) => lang
                .tr(match d {
                    DueFilter::Overdue => Msg::ChipOverdue,
                    DueFilter::Within30Days => Msg::ChipDueSoon,
                    DueFilter::NoDue => Msg::ChipNoDue,
                })
                .to_string(),
            RowChoice::Funding(f) => lang.funding(*f).to_string(),
            RowChoice::Value(v) | RowChoice::Effort(v) => v.to_string(),
        }
    }
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
            picker: None,
        }
    }

    pub fn row(&self) -> FilterRow {
        rows()[self.cursor.min(rows().len() - 1)]
    }

    pub fn move_by(&mut self, delta: isize) {
        self.cursor = self.cursor.saturating_add_signed(delta).min(rows().len() - 1);
    }

    /// The values `row` chooses among, in the order shown; `None` for an on/off row.
    fn choices(&self, row: FilterRow, backlog: &Backlog) -> Option<Vec<RowChoice>> {
        Some(match row {
            FilterRow::Owner => {
                let mut owners: Vec<_> = backlog.owners.iter().collect();
                owners.sort_by(|a, b| crate::search::sort::compare_titles(&a.name, &b.name));
                owners.iter().map(|o| RowChoice::Owner(o.id)).collect()
            }
            FilterRow::Sector => backlog
                .sectors_in_order()
                .iter()
                .map(|s| RowChoice::Sector(s.id))
                .collect(),
            FilterRow::Priority => backlog
                .priorities_by_rank()
                .iter()
                .map(|p| RowChoice::Priority(p.id))
                .collect(),
            FilterRow::Tag => self.tags.iter().cloned().map(RowChoice::Tag).collect(),
            FilterRow::Due => [DueFilter::Overdue, DueFilter::Within30Days, DueFilter::NoDue]
                .map(RowChoice::Due)
                .to_vec(),
            FilterRow::Funding => Funding::ALL.map(RowChoice::Funding).to_vec(),
            FilterRow::Value => (1..=5).map(RowChoice::Value).collect(),
            FilterRow::Effort => (1..=5).map(RowChoice::Effort).collect(),
            FilterRow::Status(_)
            | FilterRow::AwaitingPolitical
            | FilterRow::CrossSector
            | FilterRow::ActiveOnly
            | FilterRow::Untriaged => return None,
        })
    }

    /// What `row` chooses in `filter` now (`None`: any).
    fn chosen(&self, row: FilterRow, filter: &MeasureFilter) -> Option<RowChoice> {
        match row {
            FilterRow::Owner => filter.owner.map(RowChoice::Owner),
            FilterRow::Sector => filter.sector.map(RowChoice::Sector),
            FilterRow::Priority => filter.priority.map(RowChoice::Priority),
            // A tag matches in any case: show it as the measures spell it.
            FilterRow::Tag => filter.tag.as_ref().map(|t| {
                RowChoice::Tag(
                    self.tags
                        .iter()
                        .find(|x| x.to_lowercase() == t.to_lowercase())
                        .cloned()
                        .unwrap_or_else(|| t.clone()),
                )
            }),
            FilterRow::Due => filter.due.map(RowChoice::Due),
            FilterRow::Funding => filter.funding.map(RowChoice::Funding),
            FilterRow::Value => filter.value.map(RowChoice::Value),
            FilterRow::Effort => filter.effort.map(RowChoice::Effort),
            _ => None,
        }
    }

    /// Sets `row`'s condition in `filter` to `choice` (`None`: any).
    fn set(row: FilterRow, filter: &mut MeasureFilter, choice: Option<RowChoice>) {
        match choice {
            Some(RowChoice::Owner(o)) => filter.owner = Some(o),
            Some(RowChoice::Sector(s)) => filter.sector = Some(s),
            Some(RowChoice::Priority(p)) => filter.priority = Some(p),
            Some(RowChoice::Tag(t)) => filter.tag = Some(t),
            Some(RowChoice::Due(d)) => filter.due = Some(d),
            Some(RowChoice::Funding(f)) => filter.funding = Some(f),
            Some(RowChoice::Value(v)) => filter.value = Some(v),
            Some(RowChoice::Effort(v)) => filter.effort = Some(v),
            None => match row {
                FilterRow::Owner => filter.owner = None,
                FilterRow::Sector => filter.sector = None,
                FilterRow::Priority => filter.priority = None,
                FilterRow::Tag => filter.tag = None,
                FilterRow::Due => filter.due = None,
                FilterRow::Funding => filter.funding = None,
                FilterRow::Value => filter.value = None,
                FilterRow::Effort => filter.effort = None,
                _ => {}
            },
        }
    }

    /// What `row` shows: its choice's name, or "any".
    pub fn value_label(&self, row: FilterRow, filter: &MeasureFilter, backlog: &Backlog, lang: Lang) -> String {
        self.chosen(row, filter)
            .map_or_else(|| lang.tr(Msg::FilterAny).to_string(), |c| c.label(backlog, lang))
    }

    /// Changes the focused condition: the next or previous choice, or on/off.
    pub fn step(&self, filter: &mut MeasureFilter, backlog: &Backlog, forward: bool) {
        let row = self.row();
        if let Some(choices) = self.choices(row, backlog) {
            let next = cycle(&choices, &self.chosen(row, filter), forward);
            return FilterPanel::set(row, filter, next);
        }
        match row {
            FilterRow::Status(status) => {
                if let Some(i) = filter.statuses.iter().position(|s| *s == status) {
                    filter.statuses.remove(i);
                } else {
                    filter.statuses.push(status);
                    filter.statuses.sort();
                }
            }
            FilterRow::AwaitingPolitical => filter.awaiting_political = !filter.awaiting_political,
            FilterRow::CrossSector => filter.cross_sector = !filter.cross_sector,
            FilterRow::ActiveOnly => filter.active_only = !filter.active_only,
            FilterRow::Untriaged => filter.untriaged = !filter.untriaged,
            _ => {}
        }
    }

    // issue 14: one picker everywhere
    /// Opens the picker on the focused row when it chooses one of several ("any" first, the
    /// current choice under the cursor). Returns whether it did.
    pub fn open_picker(&mut self, filter: &MeasureFilter, backlog: &Backlog, lang: Lang) -> bool {
        let row = self.row();
        let Some(choices) = self.choices(row, backlog) else {
            return false;
        };
        let chosen = self.chosen(row, filter);
        let current = chosen
            .and_then(|c| choices.iter().position(|o| *o == c))
            .map_or(0, |i| i + 1);
        let labels = std::iter::once(lang.tr(Msg::FilterAny).to_string())
            .chain(choices.iter().map(|c| c.label(backlog, lang)))
            .collect();
        let title = row.title().unwrap_or(Msg::FilterAny);
        self.picker = Some(Box::new(Picker::field(title, labels, None, current)));
        true
    }

    /// `Enter` in the row's picker: the choice goes into `filter`, the picker closes.
    pub fn picker_chosen(&mut self, filter: &mut MeasureFilter, backlog: &Backlog) {
        let Some(mut picker) = self.picker.take() else { return };
        let Some(PickChoice::Index(index)) = picker.chosen().first().copied().cloned() else {
            return;
        };
        let row = self.row();
        let choice = index
            .checked_sub(1)
            .and_then(|i| self.choices(row, backlog).and_then(|c| c.get(i).cloned()));
        FilterPanel::set(row, filter, choice);
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
