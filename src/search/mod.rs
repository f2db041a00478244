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
// issue 16: glossary terms in text
pub mod terms;

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

/// A measure to match: its row (index into `backlog.measures`) and its place in the list.
/// Candidates are kept in row order, which is the order their keys lie in memory: matching
/// walks the keys front to back instead of jumping around in list order.
pub type Candidate = (usize, u32);

/// A match: how good ([`Rank::bits`]), its place in the list and its row, in one number that
/// sorts best first, then in list order. Sorting 100k of these is several times faster than
/// sorting the parts side by side (it was a third of a keystroke at 100k measures).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Scored(u128);

impl Scored {
    pub fn new(rank: Rank, place: u32, row: usize) -> Scored {
        let row = u32::try_from(row).unwrap_or(u32::MAX);
        Scored(u128::from(rank.bits()) << 64 | u128::from(place) << 32 | u128::from(row))
    }

    /// The place in the list the hit was matched in.
    pub fn place(self) -> u32 {
        (self.0 >> 32) as u32
    }

    /// The row (index into `backlog.measures`, or into whatever items were ranked).
    pub fn row(self) -> usize {
        (self.0 as u32) as usize
    }
}

/// The list's rows (in list order) as candidates in row order.
pub fn in_row_order(list: &[usize]) -> Vec<Candidate> {
    let Some(last) = list.iter().max() else {
        return Vec::new();
    };
    let mut places = vec![u32::MAX; last + 1];
    for (place, row) in list.iter().enumerate() {
        places[*row] = u32::try_from(place).unwrap_or(u32::MAX);
    }
    places
        .into_iter()
        .enumerate()
        .filter(|(_, place)| *place != u32::MAX)
        .collect()
}

/// Every candidate the query matches in `mode`, in the candidates' order; long lists are
/// matched on all cores.
pub fn matches(query: &Query, mode: Mode, keys: &SearchKeys, candidates: &[Candidate]) -> Vec<Scored> {
    let rank_all = |chunk: &[Candidate]| -> Vec<Scored> {
        chunk
            .iter()
            .filter_map(|(row, place)| {
                let rank = query.rank_joined(&keys.joined(*row)?, mode)?;
                Some(Scored::new(rank, *place, *row))
            })
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
    candidates: &[Candidate],
    all: &[Candidate],
) -> (Vec<Scored>, Mode) {
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
    let hits_in = |mode| -> Vec<Scored> {
        (0..count)
            .filter_map(|i| Some(Scored::new(rank(i, mode)?, u32::try_from(i).ok()?, i)))
            .collect()
    };
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

/// The rows of `hits` in list order: best match first when `by_rank`, equal ranks keeping
/// their place in [`base_rows`]; otherwise that place alone. Every order ends in the measure
/// id, so this is the same as sorting the hits afresh.
pub fn ranked(mut hits: Vec<Scored>, by_rank: bool) -> Vec<usize> {
    if by_rank {
        hits.sort_unstable();
    } else {
        hits.sort_unstable_by_key(|hit| hit.place());
    }
    hits.into_iter().map(Scored::row).collect()
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
    let candidates = in_row_order(&base);
    let (hits, mode) = matches_or_fuzzy(&query, keys, &candidates, &candidates);
    Found {
        rows: ranked(hits, sort == SortKey::Default),
        mode,
    }
}
