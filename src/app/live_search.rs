//! The Measures pane's search as you type. Short lists are matched at once; in a long list a
//! changed query goes to the search worker thread and the key returns immediately: the list
//! keeps its rows (the search line shows that a search is running) until the answer comes and
//! [`App::poll_search`] puts it in.

use std::sync::Arc;

use jiff::civil::Date;

use super::{App, Pane};
use crate::domain::Backlog;
use crate::search::live::{Corpus, Job, Matcher, Polled, Worker};
use crate::search::{MeasureFilter, SearchKeys, SortKey, base_rows};

/// From this many candidates on, a query is matched on the worker thread. Below it a match
/// takes a few milliseconds (and the app stays deterministic for its tests).
pub const WORKER_FROM: usize = 5_000;

/// What a corpus was built for.
#[derive(Debug, Clone, PartialEq)]
struct Basis {
    filter: MeasureFilter,
    sort: SortKey,
    today: Date,
}

#[derive(Debug, Clone, Copy)]
struct Pending {
    generation: u64,
    /// Put the cursor on the best match when the answer comes (as typing does at once in a
    /// short list), unless the user has moved it meanwhile.
    to_first: bool,
}

#[derive(Debug, Default)]
pub struct LiveSearch {
    corpus: Option<(Basis, Corpus)>,
    stamps: u64,
    matcher: Matcher,
    worker: Option<Worker>,
    generation: u64,
    pending: Option<Pending>,
}

impl LiveSearch {
    /// Forgets the corpus after the backlog changed (and lets go of the keys it shares).
    pub fn forget(&mut self) {
        self.corpus = None;
    }

    /// The corpus for `basis`, built only when the backlog, filter, order or day changed.
    fn corpus(&mut self, backlog: &Backlog, keys: &Arc<SearchKeys>, basis: Basis) -> Corpus {
        if let Some((built_for, corpus)) = &self.corpus
            && *built_for == basis
        {
            return corpus.clone();
        }
        self.stamps += 1;
        let corpus = Corpus {
            keys: Arc::clone(keys),
            base: Arc::new(base_rows(backlog, &basis.filter, basis.sort, basis.today)),
            by_score: basis.sort == SortKey::Default,
            stamp: self.stamps,
        };
        self.corpus = Some((basis, corpus.clone()));
        corpus
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
        }
    }

    /// The Measures rows for the current filter, query and order, matched on this thread. An
    /// answer still on its way from the worker is then out of date and will be ignored.
    pub(super) fn measure_rows_now(&mut self) -> Vec<usize> {
        self.search.pending = None;
        self.search.generation += 1;
        let basis = self.search_basis();
        let corpus = self.search.corpus(&self.backlog, &self.keys, basis);
        let query = self.query(Pane::Measures).to_string();
        self.search.matcher.rows(&corpus, &query)
    }

    /// After the Measures query changed as the user typed: in a long list the match goes to
    /// the worker and this returns at once; otherwise the list is matched now and the best
    /// match gets the cursor.
    pub(super) fn requery_measures(&mut self) {
        let basis = self.search_basis();
        let corpus = self.search.corpus(&self.backlog, &self.keys, basis);
        if corpus.base.len() >= WORKER_FROM && !self.query(Pane::Measures).trim().is_empty() {
            let generation = self.search.generation + 1;
            let job = Job {
                generation,
                query: self.query(Pane::Measures).to_string(),
                corpus,
            };
            if self.search.send(job) {
                self.search.generation = generation;
                self.search.pending = Some(Pending {
                    generation,
                    to_first: true,
                });
                return;
            }
        }
        self.refresh_measures();
        self.measures.first();
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
        if self.search.pending.is_none() {
            return false;
        }
        match self.search.worker.as_ref().map_or(Polled::Lost, Worker::poll) {
            Polled::Nothing => false,
            Polled::Answer(answer) => self.apply_search_results(answer.generation, answer.rows),
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
    pub fn apply_search_results(&mut self, generation: u64, rows: Vec<usize>) -> bool {
        let Some(pending) = self.search.pending.filter(|p| p.generation == generation) else {
            return false;
        };
        self.search.pending = None;
        let measure = self.selected_measure();
        self.measures.set_rows(rows);
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
