//! The orders the measure list can be shown in; `o` cycles through them.

use std::cmp::Ordering;
use std::collections::HashMap;

pub use crate::domain::saved_view::SortKey;
use jiff::Timestamp;
use jiff::civil::Date;

use crate::domain::{Backlog, Measure, MeasureId, OwnerId, Status};
use crate::i18n::Msg;

impl SortKey {
    pub fn label(self) -> Msg {
        match self {
            SortKey::Default => Msg::SortDefault,
            SortKey::Score => Msg::SortScore,
            SortKey::Due => Msg::SortDue,
            SortKey::Owner => Msg::SortOwner,
            SortKey::Updated => Msg::SortUpdated,
            SortKey::Title => Msg::SortTitle,
        }
    }
}

fn lifecycle_position(status: Status) -> usize {
    Status::ALL.iter().position(|s| *s == status).unwrap_or(usize::MAX)
}

fn best_rank(backlog: &Backlog, measure: &Measure) -> u32 {
    measure
        .priorities
        .iter()
        .filter_map(|p| backlog.priority(*p))
        .map(|p| p.rank)
        .min()
        .unwrap_or(u32::MAX)
}

/// Value ÷ effort, when both are set.
pub fn score(m: &Measure) -> Option<f64> {
    match (m.value, m.effort) {
        (Some(value), Some(effort)) if effort > 0 => Some(f64::from(value) / f64::from(effort)),
        _ => None,
    }
}

/// Norwegian alphabetical position of a lowercase char: æ, ø, å come after z.
fn collation(c: char) -> u32 {
    match c {
        'æ' => 'z' as u32 + 1,
        'ø' => 'z' as u32 + 2,
        'å' => 'z' as u32 + 3,
        other => other as u32,
    }
}

fn title_key(title: &str) -> Vec<u32> {
    title.chars().flat_map(char::to_lowercase).map(collation).collect()
}

pub fn compare_titles(a: &str, b: &str) -> Ordering {
    title_key(a).cmp(&title_key(b))
}

/// Where a measure goes in an order: compared as a whole, it sorts rows the way `o` shows them.
/// Every order ends in the default one, which ends in the measure id, so no two rows compare
/// equal and a row's place can be found by binary search.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum OrderKey {
    Default(DefaultKey),
    Score(bool, i64, DefaultKey),
    Due(bool, Option<Date>, DefaultKey),
    Owner(usize, DefaultKey),
    Updated(std::cmp::Reverse<Timestamp>, DefaultKey),
    Title(Vec<u32>, DefaultKey),
}

/// The default order: lifecycle, then the best priority's rank, then the id.
type DefaultKey = (usize, u32, MeasureId);

/// What one order needs to know of the backlog besides the measure (owners by name).
pub struct RowOrder<'a> {
    backlog: &'a Backlog,
    key: SortKey,
    owner_place: HashMap<OwnerId, usize>,
}

impl RowOrder<'_> {
    pub fn new(backlog: &Backlog, key: SortKey) -> RowOrder<'_> {
        let mut owner_place = HashMap::new();
        if key == SortKey::Owner {
            let mut owners: Vec<_> = backlog.owners.iter().collect();
            owners.sort_by(|a, b| compare_titles(&a.name, &b.name));
            owner_place = owners.iter().enumerate().map(|(p, o)| (o.id, p)).collect();
        }
        RowOrder {
            backlog,
            key,
            owner_place,
        }
    }

    /// The key of the measure at `row` in `backlog.measures`.
    pub fn key(&self, row: usize) -> OrderKey {
        let m = &self.backlog.measures[row];
        let default_key = (lifecycle_position(m.status), best_rank(self.backlog, m), m.id);
        match self.key {
            SortKey::Default => OrderKey::Default(default_key),
            // Higher first, missing last: negate a fixed-point score.
            SortKey::Score => OrderKey::Score(
                !m.status.is_active(),
                score(m).map_or(i64::MAX, |s| -(s * 1000.0) as i64),
                default_key,
            ),
            SortKey::Due => OrderKey::Due(m.due.is_none(), m.due, default_key),
            SortKey::Owner => OrderKey::Owner(
                m.owner
                    .and_then(|o| self.owner_place.get(&o).copied())
                    .unwrap_or(usize::MAX),
                default_key,
            ),
            SortKey::Updated => OrderKey::Updated(std::cmp::Reverse(m.updated), default_key),
            SortKey::Title => OrderKey::Title(title_key(&m.title), default_key),
        }
    }

    /// Where `row` belongs in `rows` (sorted in this order and without `row`).
    pub fn place_in(&self, rows: &[usize], row: usize) -> usize {
        let key = self.key(row);
        rows.partition_point(|r| self.key(*r) < key)
    }
}

/// Sorts `rows` (indices into `backlog.measures`) by `key`; ties fall back to the default
/// order, so the result is always the same for the same backlog.
pub fn sort_rows(backlog: &Backlog, rows: &mut [usize], key: SortKey) {
    let order = RowOrder::new(backlog, key);
    rows.sort_by_cached_key(|i| order.key(*i));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn norwegian_letters_sort_after_z_in_order_ae_oe_aa() {
        let mut titles = vec!["Åpenhet", "Økonomi", "Ærlig", "zebra", "Arkiv", "bredbånd"];
        titles.sort_by(|a, b| compare_titles(a, b));
        assert_eq!(titles, ["Arkiv", "bredbånd", "zebra", "Ærlig", "Økonomi", "Åpenhet"]);
    }

    #[test]
    fn value_per_effort_puts_active_measures_first() {
        use crate::domain::MeasureDraft;
        let now = "2026-11-29T12:00:00Z".parse().unwrap();
        let mut b = Backlog::new("t", &[]);
        for (title, value, status) in [
            ("done, best score", 5, Status::Done),
            ("active, low score", 1, Status::Idea),
            ("rejected", 4, Status::Rejected),
            ("active, high score", 3, Status::InProgress),
        ] {
            let mut draft = MeasureDraft::titled(title);
            draft.value = Some(value);
            draft.effort = Some(1);
            draft.status = status;
            b.add_measure(draft, now).unwrap();
        }
        let mut rows: Vec<usize> = (0..b.measures.len()).collect();
        sort_rows(&b, &mut rows, SortKey::Score);
        let titles: Vec<&str> = rows.iter().map(|i| b.measures[*i].title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "active, high score",
                "active, low score",
                "done, best score",
                "rejected"
            ]
        );
    }

    #[test]
    fn the_order_cycles_through_every_key_and_back() {
        let mut key = SortKey::Default;
        for _ in 0..SortKey::ALL.len() {
            key = key.next();
        }
        assert_eq!(key, SortKey::Default);
        for key in SortKey::ALL {
            assert_eq!(SortKey::from_key(key.key()), Some(key));
        }
    }
}
