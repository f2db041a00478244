//! The orders the measure list can be shown in; `o` cycles through them.

use std::cmp::Ordering;
use std::collections::HashMap;

pub use crate::domain::saved_view::SortKey;
use crate::domain::{Backlog, Measure, OwnerId, Status};
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

pub fn compare_titles(a: &str, b: &str) -> Ordering {
    let key = |s: &str| {
        s.chars()
            .flat_map(char::to_lowercase)
            .map(collation)
            .collect::<Vec<_>>()
    };
    key(a).cmp(&key(b))
}

/// Sorts `rows` (indices into `backlog.measures`) by `key`; ties fall back to the default
/// order, so the result is always the same for the same backlog.
pub fn sort_rows(backlog: &Backlog, rows: &mut [usize], key: SortKey) {
    let measures = &backlog.measures;
    let default_key = |i: usize| {
        let m = &measures[i];
        (lifecycle_position(m.status), best_rank(backlog, m), m.id)
    };
    match key {
        SortKey::Default => rows.sort_by_cached_key(|i| default_key(*i)),
        SortKey::Score => rows.sort_by_cached_key(|i| {
            // Higher first, missing last: negate a fixed-point score.
            let s = score(&measures[*i]).map_or(i64::MAX, |s| -(s * 1000.0) as i64);
            (!measures[*i].status.is_active(), s, default_key(*i))
        }),
        SortKey::Due => rows.sort_by_cached_key(|i| {
            let due = measures[*i].due;
            (due.is_none(), due, default_key(*i))
        }),
        SortKey::Owner => {
            let mut owners: Vec<_> = backlog.owners.iter().collect();
            owners.sort_by(|a, b| compare_titles(&a.name, &b.name));
            let position: HashMap<OwnerId, usize> = owners.iter().enumerate().map(|(p, o)| (o.id, p)).collect();
            rows.sort_by_cached_key(|i| {
                let m = &measures[*i];
                let p = m.owner.and_then(|o| position.get(&o).copied()).unwrap_or(usize::MAX);
                (p, default_key(*i))
            });
        }
        SortKey::Updated => rows.sort_by_cached_key(|i| (std::cmp::Reverse(measures[*i].updated), default_key(*i))),
        SortKey::Title => rows.sort_by(|a, b| {
            compare_titles(&measures[*a].title, &measures[*b].title).then_with(|| default_key(*a).cmp(&default_key(*b)))
        }),
    }
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
