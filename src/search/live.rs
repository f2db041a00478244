//! Search as you type: a [`Matcher`] that narrows the last query's hits when the query grows,
//! and a [`Worker`] thread that runs it, so typing in a long list never waits for the match.

use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender, TryRecvError};
use std::time::Duration;

use super::{Candidate, Found, Mode, Query, SearchKeys, in_row_order, matches_or_fuzzy, ranked};

/// What a query is matched against: the prepared keys and the rows the filter lets through in
/// list order ([`super::base_rows`]), also as candidates in row order. Cheap to clone and share
/// with the worker; rebuilt only when the backlog, the filter or the order change.
#[derive(Debug, Clone)]
pub struct Corpus {
    pub keys: Arc<SearchKeys>,
    pub base: Arc<Vec<usize>>,
    pub candidates: Arc<Vec<Candidate>>,
    /// Best match first (the default order) rather than the base order.
    pub by_score: bool,
    /// Different for every corpus an app builds: hits remembered for one stamp are only
    /// reused for the same stamp.
    pub stamp: u64,
}

/// The last query's word-prefix hits, in row order.
#[derive(Debug)]
struct Last {
    stamp: u64,
    query: String,
    hits: Vec<Candidate>,
    /// The hits may be narrowed: they are word-prefix hits and the last word was no id.
    narrowable: bool,
}

/// Matches queries against a corpus, remembering the last query's hits. A query that extends
/// the last one (a char typed at the end) can only match rows the last one matched: every word
/// of the last query is a word, or the start of a word, of the new one, and a longer word
/// starts a word only where its start does. Ids break this (`t2` is T-2 alone, `t23` is T-23),
/// and so does the fuzzy fallback, so those are matched afresh.
#[derive(Debug, Default)]
pub struct Matcher {
    last: Option<Last>,
}

impl Corpus {
    pub fn new(keys: Arc<SearchKeys>, base: Arc<Vec<usize>>, by_score: bool, stamp: u64) -> Corpus {
        Corpus {
            candidates: Arc::new(in_row_order(&base)),
            keys,
            base,
            by_score,
            stamp,
        }
    }
}

impl Matcher {
    /// The rows `query` lets through, in list order — the same as [`super::select`].
    pub fn rows(&mut self, corpus: &Corpus, query: &str) -> Found {
        let parsed = Query::new(query);
        if parsed.is_empty() {
            self.last = None;
            return Found {
                rows: corpus.base.to_vec(),
                mode: Mode::Prefix,
            };
        }
        let candidates = match &self.last {
            Some(last)
                if last.narrowable
                    && !parsed.ends_in_id()
                    && last.stamp == corpus.stamp
                    && query.starts_with(&last.query) =>
            {
                &last.hits
            }
            _ => corpus.candidates.as_ref(),
        };
        let (hits, mode) = matches_or_fuzzy(&parsed, &corpus.keys, candidates, &corpus.candidates);
        self.last = Some(Last {
            stamp: corpus.stamp,
            query: query.to_string(),
            hits: hits.iter().map(|hit| (hit.row(), hit.place())).collect(),
            narrowable: mode == Mode::Prefix && !parsed.ends_in_id(),
        });
        Found {
            rows: ranked(hits, corpus.by_score),
            mode,
        }
    }
}

/// One query to match; `generation` tells answers to old queries from the current one.
#[derive(Debug)]
pub struct Job {
    pub generation: u64,
    pub query: String,
    pub corpus: Corpus,
}

#[derive(Debug, PartialEq, Eq)]
pub struct Answer {
    pub generation: u64,
    pub found: Found,
}

/// What [`Worker::poll`] found.
#[derive(Debug, PartialEq, Eq)]
pub enum Polled {
    Nothing,
    Answer(Answer),
    /// The thread is gone (it only ends if the matcher panicked); match on this thread instead.
    Lost,
}

/// A long-lived thread that matches queries. Only the newest waiting job is run: jobs sent
/// while it works replace each other. It ends when the worker is dropped.
#[derive(Debug)]
pub struct Worker {
    jobs: Sender<Job>,
    answers: Receiver<Answer>,
}

impl Worker {
    pub fn spawn() -> std::io::Result<Worker> {
        let (jobs, job_inbox) = mpsc::channel();
        let (answer_outbox, answers) = mpsc::channel();
        std::thread::Builder::new()
            .name("search".into())
            .spawn(move || serve(&job_inbox, &answer_outbox))?;
        Ok(Worker { jobs, answers })
    }

    /// Hands `job` over without waiting; false when the thread is gone.
    pub fn send(&self, job: Job) -> bool {
        self.jobs.send(job).is_ok()
    }

    /// The newest answer that has arrived, without waiting.
    pub fn poll(&self) -> Polled {
        let mut newest = None;
        loop {
            match self.answers.try_recv() {
                Ok(answer) => newest = Some(answer),
                Err(TryRecvError::Empty) => return newest.map_or(Polled::Nothing, Polled::Answer),
                Err(TryRecvError::Disconnected) => return newest.map_or(Polled::Lost, Polled::Answer),
            }
        }
    }

    /// Like [`Worker::poll`], but when no answer has arrived yet, waits for one up to `at_most`.
    pub fn wait(&self, at_most: Duration) -> Polled {
        match self.answers.recv_timeout(at_most) {
            Ok(answer) => match self.poll() {
                Polled::Answer(newer) => Polled::Answer(newer),
                Polled::Nothing | Polled::Lost => Polled::Answer(answer),
            },
            Err(RecvTimeoutError::Timeout) => Polled::Nothing,
            Err(RecvTimeoutError::Disconnected) => Polled::Lost,
        }
    }
}

fn serve(jobs: &Receiver<Job>, answers: &Sender<Answer>) {
    let mut matcher = Matcher::default();
    while let Ok(mut job) = jobs.recv() {
        while let Ok(newer) = jobs.try_recv() {
            job = newer;
        }
        let found = matcher.rows(&job.corpus, &job.query);
        // Let go of the corpus before answering, so the app can update its keys in place.
        let generation = job.generation;
        drop(job);
        if answers.send(Answer { generation, found }).is_err() {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Backlog, MeasureDraft};
    use crate::search::{MeasureFilter, SortKey, base_rows, select};
    use std::time::{Duration, Instant};

    const TITLES: [&str; 6] = [
        "Digital skolestart",
        "Skytjenester for barnehager",
        "Velferdsteknologi i Østre Bærum",
        "Sensorer i kommunale bygg",
        "Kompetanseløft for ledere",
        "Datadeling mellom sektorene",
    ];

    fn backlog(count: usize) -> Backlog {
        let mut b = Backlog::new("t", &["Oppvekst skole"]);
        let now = "2026-11-29T12:00:00Z".parse().unwrap();
        for n in 0..count {
            let mut draft = MeasureDraft::titled(&format!("{} {n}", TITLES[n % TITLES.len()]));
            draft.description = format!("Gjelder {} i kommunen.", TITLES[(n * 7 + 3) % TITLES.len()]);
            b.add_measure(draft, now).unwrap();
        }
        b
    }

    fn corpus(b: &Backlog, sort: SortKey, stamp: u64) -> Corpus {
        Corpus::new(
            Arc::new(SearchKeys::build(b)),
            Arc::new(base_rows(b, &MeasureFilter::default(), sort, today())),
            sort == SortKey::Default,
            stamp,
        )
    }

    fn today() -> jiff::civil::Date {
        jiff::civil::date(2026, 11, 29)
    }

    #[test]
    fn narrowing_gives_the_same_rows_as_matching_afresh() {
        let b = backlog(300);
        for sort in [SortKey::Default, SortKey::Title] {
            let corpus = corpus(&b, sort, 1);
            let mut matcher = Matcher::default();
            // Word prefixes, ids growing from and into text, and typos (the fuzzy fallback).
            for text in ["skole 1x", "t23 d", "2 sky", "skytjnst"] {
                let mut typed = String::new();
                for c in text.chars() {
                    typed.push(c);
                    let expected = select(&b, Some(&corpus.keys), &MeasureFilter::default(), &typed, sort, today());
                    assert_eq!(matcher.rows(&corpus, &typed), expected, "{typed:?} in {sort:?}");
                }
            }
            // Backspace: the query no longer extends the last one.
            for query in ["skole 1", "sk", "ost", "østre b", ""] {
                let expected = select(&b, Some(&corpus.keys), &MeasureFilter::default(), query, sort, today());
                assert_eq!(matcher.rows(&corpus, query), expected, "{query:?} in {sort:?}");
            }
        }
    }

    #[test]
    fn a_new_corpus_is_never_narrowed_by_the_old_ones_hits() {
        let b = backlog(60);
        let mut matcher = Matcher::default();
        let small = backlog(6);
        let few = matcher.rows(&corpus(&small, SortKey::Default, 1), "sky");
        let bigger = corpus(&b, SortKey::Default, 2);
        let expected = select(
            &b,
            Some(&bigger.keys),
            &MeasureFilter::default(),
            "skyt",
            SortKey::Default,
            today(),
        );
        assert!(expected.rows.len() > few.rows.len());
        assert_eq!(matcher.rows(&bigger, "skyt"), expected);
    }

    fn answer(worker: &Worker, generation: u64) -> Found {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(20) {
            match worker.poll() {
                Polled::Answer(answer) if answer.generation == generation => return answer.found,
                Polled::Lost => panic!("the worker thread ended"),
                _ => std::thread::sleep(Duration::from_millis(2)),
            }
        }
        panic!("no answer for generation {generation}");
    }

    #[test]
    fn the_worker_answers_the_newest_job_with_the_rows_select_gives() {
        let b = backlog(2_000);
        let corpus = corpus(&b, SortKey::Default, 1);
        let worker = Worker::spawn().unwrap();
        let queries = ["s", "sk", "sko", "skole", "skole 1", "bae"];
        for (generation, query) in queries.iter().enumerate() {
            assert!(worker.send(Job {
                generation: generation as u64,
                query: query.to_string(),
                corpus: corpus.clone(),
            }));
        }
        let last = queries.len() as u64 - 1;
        let expected = select(
            &b,
            Some(&corpus.keys),
            &MeasureFilter::default(),
            "bae",
            SortKey::Default,
            today(),
        );
        assert!(!expected.rows.is_empty());
        assert_eq!(answer(&worker, last), expected);
    }
}
