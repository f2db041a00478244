//! Narrowing and ordering the measure list: structured filters, word-prefix search over
//! prepared keys (with a fuzzy fallback), and sort orders. The TUI, the CLI and the pickers all
//! go through [`Query`]; the measure list through [`select`] (or [`live`] as you type).

pub mod filter;
pub mod fold;
pub mod fuzzy;
pub mod keys;
pub mod live;
pub mod query;
pub mod sort;

use jiff::civil::Date;

pub use filter::{DueFilter, MeasureFilter};
pub use keys::SearchKeys;
pub use query::{Mode, Query, Rank};
pub use sort::SortKey;

use crate::domain::Backlog;

/// Below this many candidates one thread scores faster than starting more.
const PARALLEL_FROM: usize = 4096;

/// The measure rows a query found, and whether only the fuzzy fallback found them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Found {
    pub rows: Vec<usize>,
    pub mode: Mode,
}

/// (rank, row) of every candidate the query matches in `mode`, in the candidates' order;
/// long lists are matched on all cores.
pub fn matches(query: &Query, mode: Mode, keys: &SearchKeys, candidates: &[usize]) -> Vec<(Rank, usize)> {
    let rank_all = |rows: &[usize]| -> Vec<(Rank, usize)> {
        rows.iter()
            .filter_map(|i| keys.get(*i).and_then(|k| query.rank(&k, mode)).map(|r| (r, *i)))
            .collect()
    };
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(8);
    if threads < 2 || candidates.len() < PARALLEL_FROM {
        return rank_all(candidates);
    }
    let chunk = candidates.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let workers: Vec<_> = candidates
            .chunks(chunk)
            .map(|rows| (rows, scope.spawn(move || rank_all(rows))))
            .collect();
        workers
            .into_iter()
            // A matching thread only fails if the matcher panics; then this thread tries again.
            .flat_map(|(rows, worker)| worker.join().unwrap_or_else(|_| rank_all(rows)))
            .collect()
    })
}

/// Word-prefix hits among `candidates`; when there are none, fuzzy hits among `all` (which
/// `candidates` narrow), so a typo still finds something.
pub fn matches_or_fuzzy(
    query: &Query,
    keys: &SearchKeys,
    candidates: &[usize],
    all: &[usize],
) -> (Vec<(Rank, usize)>, Mode) {
    let hits = matches(query, Mode::Prefix, keys, candidates);
    if hits.is_empty() && !query.is_empty() {
        return (matches(query, Mode::Fuzzy, keys, all), Mode::Fuzzy);
    }
    (hits, Mode::Prefix)
}

/// Items (in their own order) ranked against `query` by `rank`: word-prefix hits, else fuzzy
/// ones, best first; equal ranks keep the items' order. With no query, every item in order.
pub fn rank_items(query: &Query, count: usize, rank: impl Fn(usize, Mode) -> Option<Rank>) -> (Vec<usize>, Mode) {
    if query.is_empty() {
        return ((0..count).collect(), Mode::Prefix);
    }
    let hits_in = |mode| -> Vec<(Rank, usize)> { (0..count).filter_map(|i| rank(i, mode).map(|r| (r, i))).collect() };
    let mut mode = Mode::Prefix;
    let mut hits = hits_in(mode);
    if hits.is_empty() {
        mode = Mode::Fuzzy;
        hits = hits_in(mode);
    }
    (ranked(hits, true), mode)
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
/// `by_rank`, equal ranks keeping the base order; otherwise the base order itself. Every
/// order ends in the measure id, so this is the same as sorting the hits afresh.
pub fn ranked(mut hits: Vec<(Rank, usize)>, by_rank: bool) -> Vec<usize> {
    if by_rank {
        hits.sort_by_key(|(rank, _)| *rank);
    }
    hits.into_iter().map(|(_, i)| i).collect()
}

/// The measures `filter` and `query` let through (indices into `backlog.measures`), in
/// `sort` order, and how they were found. In the default order a query ranks by how well
/// each measure matches. Search keys are only needed when there is a query: `keys` when the
/// caller has them, else they are prepared here (so a command without a query never pays).
pub fn select(
    backlog: &Backlog,
    keys: Option<&SearchKeys>,
    filter: &MeasureFilter,
    query: &str,
    sort: SortKey,
    today: Date,
) -> Found {
    let base = base_rows(backlog, filter, sort, today);
    let query = Query::new(query);
    if query.is_empty() {
        return Found {
            rows: base,
            mode: Mode::Prefix,
        };
    }
    let prepared;
    let keys = match keys {
        Some(keys) => keys,
        None => {
            prepared = SearchKeys::build(backlog);
            &prepared
        }
    };
    let (hits, mode) = matches_or_fuzzy(&query, keys, &base, &base);
    Found {
        rows: ranked(hits, sort == SortKey::Default),
        mode,
    }
}
