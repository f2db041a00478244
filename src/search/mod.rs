//! Narrowing and ordering the measure list: structured filters, fuzzy search over prepared
//! keys, and sort orders. The TUI and the CLI both go through [`select`].

pub mod filter;
pub mod fold;
pub mod fuzzy;
pub mod keys;
pub mod live;
pub mod sort;

use jiff::civil::Date;

pub use filter::{DueFilter, MeasureFilter};
pub use fuzzy::Query;
pub use keys::{MeasureKeys, SearchKeys};
pub use sort::SortKey;

use crate::domain::Backlog;

/// Below this many candidates one thread scores faster than starting more.
const PARALLEL_FROM: usize = 4096;

/// (score, row) of every candidate the query matches, in the candidates' order; long lists are
/// scored on all cores.
pub fn matches(query: &Query, keys: &SearchKeys, candidates: &[usize]) -> Vec<(i64, usize)> {
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

/// The measures `filter` lets through (indices into `backlog.measures`) in `sort` order: the
/// list without a query, and the candidates a query is matched against.
pub fn base_rows(backlog: &Backlog, filter: &MeasureFilter, sort: SortKey, today: Date) -> Vec<usize> {
    let mut rows: Vec<usize> = (0..backlog.measures.len())
        .filter(|i| filter.matches(&backlog.measures[*i], today))
        .collect();
    sort::sort_rows(backlog, &mut rows, sort);
    rows
}

/// The rows of `hits` (found in [`base_rows`] order) in list order: best match first when
/// `by_score`, equal scores keeping the base order; otherwise the base order itself. Every
/// order ends in the measure id, so this is the same as sorting the hits afresh.
pub fn ranked(mut hits: Vec<(i64, usize)>, by_score: bool) -> Vec<usize> {
    if by_score {
        hits.sort_by_key(|(score, _)| std::cmp::Reverse(*score));
    }
    hits.into_iter().map(|(_, i)| i).collect()
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
    let base = base_rows(backlog, filter, sort, today);
    let query = Query::new(query);
    if query.is_empty() {
        return base;
    }
    ranked(matches(&query, keys, &base), sort == SortKey::Default)
}
