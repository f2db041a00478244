//! Narrowing and ordering the measure list: structured filters, fuzzy search over prepared
//! keys, and sort orders. The TUI and the CLI both go through [`select`].

pub mod filter;
pub mod fold;
pub mod fuzzy;
pub mod keys;
pub mod sort;

use jiff::civil::Date;

pub use filter::{DueFilter, MeasureFilter};
pub use fuzzy::Query;
pub use keys::{MeasureKeys, SearchKeys};
pub use sort::SortKey;

use crate::domain::Backlog;

/// Below this many candidates one thread scores faster than starting more.
const PARALLEL_FROM: usize = 4096;

/// (score, row) of every candidate the query matches, scored on all cores for long lists.
fn scored(query: &Query, keys: &SearchKeys, candidates: &[usize]) -> Vec<(i64, usize)> {
    let score_all = |rows: &[usize]| -> Vec<(i64, usize)> {
        rows.iter()
            .filter_map(|i| keys.get(*i).and_then(|k| query.score(k)).map(|s| (s, *i)))
            .collect()
    };
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(8);
    if threads < 2 || candidates.len() < PARALLEL_FROM {
        return score_all(candidates);
    }
    let chunk = candidates.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let workers: Vec<_> = candidates
            .chunks(chunk)
            .map(|rows| (rows, scope.spawn(move || score_all(rows))))
            .collect();
        workers
            .into_iter()
            // A scoring thread only fails if the matcher panics; then this thread tries again.
            .flat_map(|(rows, worker)| worker.join().unwrap_or_else(|_| score_all(rows)))
            .collect()
    })
}

/// The measures `filter` and `query` let through (indices into `backlog.measures`), in
/// `sort` order. In the default order a query ranks by how well each measure matches.
pub fn select(
    backlog: &Backlog,
    keys: &SearchKeys,
    filter: &MeasureFilter,
    query: &str,
    sort: SortKey,
    today: Date,
) -> Vec<usize> {
    let query = Query::new(query);
    let passes = |i: usize| filter.matches(&backlog.measures[i], today);
    if query.is_empty() {
        let mut rows: Vec<usize> = (0..backlog.measures.len()).filter(|i| passes(*i)).collect();
        sort::sort_rows(backlog, &mut rows, sort);
        return rows;
    }
    let candidates: Vec<usize> = (0..backlog.measures.len()).filter(|i| passes(*i)).collect();
    let mut hits = scored(&query, keys, &candidates);
    if sort == SortKey::Default {
        // Best match first; equal scores keep the default order.
        sort::sort_by_score(backlog, &mut hits);
        hits.into_iter().map(|(_, i)| i).collect()
    } else {
        let mut rows: Vec<usize> = hits.into_iter().map(|(_, i)| i).collect();
        sort::sort_rows(backlog, &mut rows, sort);
        rows
    }
}
