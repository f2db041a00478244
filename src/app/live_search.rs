//! The Measures pane's search as you type. Short lists are matched at once; in a long list a
//! changed query goes to the search worker thread and the key returns immediately: the list
//! keeps its rows (the search line shows that a search is running) until the answer comes and
//! [`App::poll_search`] puts it in.

use std::sync::Arc;
use std::time::Duration;

use jiff::civil::Date;

use super::{App, Pane};
use crate::domain::Backlog;
use crate::search::live::{Corpus, Job, Matcher, Polled, Worker};
use crate::search::sort::RowOrder;
use crate::search::{Found, MeasureFilter, Mode, Query, SortKey, base_rows};

/// From this many candidates on, a query is matched on the worker thread. Below it a match
/// takes a few milliseconds (and the app stays deterministic for its tests).
pub const WORKER_FROM: usize = 5_000;

/// What a corpus was built for.
#[derive(Debug, Clone, PartialEq)]
struct Basis {
    filter: MeasureFilter,
    sort: SortKey,
    today: Date,
    /// How many measures the backlog had: rows are indices, so they hold only for that many.
    measures: usize,
}

/// Up to this many measures changed in one edit are moved in the rows one by one; more are
/// cheaper to filter and sort afresh.
const MOVE_AT_MOST: usize = 256;

#[derive(Debug, Clone, Copy)]
struct Pending {
    generation: u64,
    /// Put the cursor on the best match when the answer comes (as typing does at once in a
    /// short list), unless the user has moved it meanwhile.
    to_first: bool,
}

#[derive(Debug, Default)]
pub struct LiveSearch {
    /// The rows the filter lets through in order, for the basis they were worked out for, and
    /// the stamp that tells them apart from earlier ones.
    base: Option<(Basis, Arc<Vec<usize>>, u64)>,
    /// The last corpus (base rows with the keys and candidates), while it still holds.
    corpus: Option<(Basis, Corpus)>,
    stamps: u64,
    matcher: Matcher,
    worker: Option<Worker>,
    generation: u64,
    pending: Option<Pending>,
    /// How the rows shown were found (the search line says when it was fuzzy).
    mode: Mode,
}

impl LiveSearch {
    /// Forgets the rows after the backlog changed (and lets go of the keys a corpus shared).
    pub fn forget(&mut self) {
        self.base = None;
        self.corpus = None;
    }

    /// Lets go of the keys the last corpus shared (the base rows stay).
    pub fn release_keys(&mut self) {
        self.corpus = None;
    }

    /// After an edit to the measures at `rows` (indices that still hold: no measure came or
    /// went): each leaves the base rows and goes back where the filter and order now put it,
    /// found by binary search, so a status step costs a few comparisons instead of a sort of
    /// the whole list. False when there were no rows to update (or too many changed); then the
    /// rows are forgotten and worked out afresh when next asked for.
    fn edited(&mut self, backlog: &Backlog, rows: &[usize]) -> bool {
        self.corpus = None;
        let Some((basis, base, stamp)) = &mut self.base else {
            return false;
        };
        if basis.measures != backlog.measures.len() || rows.len() > MOVE_AT_MOST {
            self.base = None;
            return false;
        }
        let mut moved = rows.to_vec();
        moved.sort_unstable();
        moved.dedup();
        let order = RowOrder::new(backlog, basis.sort);
        let base = Arc::make_mut(base);
        base.retain(|row| moved.binary_search(row).is_err());
        for row in moved {
            if basis.filter.matches(&backlog.measures[row], basis.today) {
                let place = order.place_in(base, row);
                base.insert(place, row);
            }
        }
        self.stamps += 1;
        *stamp = self.stamps;
        true
    }

    /// The filtered, ordered rows for `basis`, worked out only when the backlog, filter, order
    /// or day changed.
    fn base(&mut self, backlog: &Backlog, basis: Basis) -> (Arc<Vec<usize>>, u64) {
        if let Some((built_for, base, stamp)) = &self.base
            && *built_for == basis
        {
            return (Arc::clone(base), *stamp);
        }
        self.stamps += 1;
        let base = Arc::new(base_rows(backlog, &basis.filter, basis.sort, basis.today));
        self.base = Some((basis, Arc::clone(&base), self.stamps));
        (base, self.stamps)
    }

    /// Sends `job` to the worker, starting it if needed; false when there is no worker.
    fn send(&mut self, job: Job) -> bool {
        if self.worker.is_none() {
            self.worker = Worker::spawn().ok();
        }
        match &self.worker {
            Some(worker) if worker.send(job) => true,
            _ => {
                self.worker = None;
                false
            }
        }
    }
}

impl App {
    fn search_basis(&self) -> Basis {
        Basis {
            filter: self.filter.clone(),
            sort: self.sort,
            today: self.today(),
            measures: self.backlog.measures.len(),
        }
    }

    /// The Measures rows for the current filter, query and order, matched on this thread. An
    /// answer still on its way from the worker is then out of date and will be ignored.
    pub(super) fn measure_rows_now(&mut self) -> Vec<usize> {
        self.search.pending = None;
        self.search.generation += 1;
        self.search.mode = Mode::Prefix;
        if Query::new(self.query(Pane::Measures)).is_empty() {
            let (base, _) = self.search.base(&self.backlog, self.search_basis());
            return base.to_vec();
        }
        let corpus = self.corpus();
        let query = self.query(Pane::Measures).to_string();
        let found = self.search.matcher.rows(&corpus, &query);
        self.search.mode = found.mode;
        found.rows
    }

    /// What a query is matched against now; prepares the search keys if needed.
    fn corpus(&mut self) -> Corpus {
        let keys = self.search_keys();
        let basis = self.search_basis();
        if let Some((built_for, corpus)) = &self.search.corpus
            && *built_for == basis
            && Arc::ptr_eq(&corpus.keys, &keys)
        {
            return corpus.clone();
        }
        let (base, stamp) = self.search.base(&self.backlog, basis.clone());
        let corpus = Corpus::new(keys, base, self.sort == SortKey::Default, stamp);
        self.search.corpus = Some((basis, corpus.clone()));
        corpus
    }

    /// After the Measures query changed as the user typed: in a long list the match goes to
    /// the worker and this returns at once; otherwise the list is matched now and the best
    /// match gets the cursor.
    pub(super) fn requery_measures(&mut self) {
        if !self.query_on_worker(true) {
            self.refresh_measures();
            self.measures.first();
        }
    }

    /// After an edit to measures that are all still in their places: the rows follow it. In a
    /// long list with a query the match goes to the worker and the list keeps its rows (the
    /// same measures, shown with their new values) until the answer comes; the cursor stays on
    /// its measure either way.
    pub(super) fn measures_edited(&mut self, rows: &[usize]) {
        let updated = self.search.edited(&self.backlog, rows);
        if !(updated && self.query_on_worker(false)) {
            self.refresh_measures();
        }
    }

    /// Hands the Measures query to the worker when the list is long enough to need it; false
    /// when it was not sent (no query, a short list, or no worker).
    fn query_on_worker(&mut self, to_first: bool) -> bool {
        if Query::new(self.query(Pane::Measures)).is_empty() {
            return false;
        }
        let corpus = self.corpus();
        if corpus.base.len() < WORKER_FROM {
            return false;
        }
        let generation = self.search.generation + 1;
        let job = Job {
            generation,
            query: self.query(Pane::Measures).to_string(),
            corpus,
        };
        if !self.search.send(job) {
            return false;
        }
        self.search.generation = generation;
        self.search.pending = Some(Pending { generation, to_first });
        true
    }

    /// How the Measures rows shown were found: word prefixes, or only fuzzily.
    pub fn measures_found_by(&self) -> Mode {
        self.search.mode
    }

    /// The generation of the search running on the worker, if one is: the list shows the rows
    /// of the query before until its answer comes.
    pub fn pending_search(&self) -> Option<u64> {
        self.search.pending.map(|p| p.generation)
    }

    /// The user moved the cursor while a search was running: the answer keeps it on the same
    /// measure instead of jumping to the best match.
    pub(super) fn keep_cursor_when_answered(&mut self) {
        if let Some(pending) = &mut self.search.pending {
            pending.to_first = false;
        }
    }

    /// Puts the worker's answer in the list when one has come; true when the rows changed.
    /// Call it from the event loop (it never waits).
    pub fn poll_search(&mut self) -> bool {
        self.wait_for_search(Duration::ZERO)
    }

    /// Like [`App::poll_search`], but waits up to `at_most` for the answer to come.
    pub fn wait_for_search(&mut self, at_most: Duration) -> bool {
        if self.search.pending.is_none() {
            return false;
        }
        let polled = match &self.search.worker {
            None => Polled::Lost,
            Some(worker) if at_most.is_zero() => worker.poll(),
            Some(worker) => worker.wait(at_most),
        };
        match polled {
            Polled::Nothing => false,
            Polled::Answer(answer) => self.apply_search_results(answer.generation, answer.found),
            Polled::Lost => {
                // Nothing is lost but time: match here, as for a short list.
                self.search.worker = None;
                let to_first = self.search.pending.is_some_and(|p| p.to_first);
                self.refresh_measures();
                if to_first {
                    self.measures.first();
                }
                true
            }
        }
    }

    /// Shows `rows` if they answer the newest query; an answer to an older one is dropped.
    pub fn apply_search_results(&mut self, generation: u64, found: Found) -> bool {
        let Some(pending) = self.search.pending.filter(|p| p.generation == generation) else {
            return false;
        };
        self.search.pending = None;
        let measure = self.selected_measure();
        self.search.mode = found.mode;
        self.measures.set_rows(found.rows);
        match measure {
            Some(id) if !pending.to_first => self
                .measures
                .select_where(|i| self.backlog.measures.get(i).is_some_and(|m| m.id == id)),
            _ => self.measures.first(),
        }
        self.keep_cursors_visible();
        true
    }
}
