//! Search keystroke, frame render and undo on generated backlogs of 10k, 100k and 300k measures.
//! Budgets (median, issue 13): a keystroke until its rows are shown ≤ 8 ms at 10k, ≤ 16 ms at
//! 100k, ≤ 50 ms at 300k, for any query; frame ≤ 2 ms at any size. A keystroke is measured
//! three ways: the whole list matched afresh (`full_match`, as `list --query` does with its
//! keys prepared), typing one char until its rows are in the list (`keystroke`), and until the
//! key handler returns (`keystroke_latency`: how long typing waits; the worker matches
//! meanwhile). `first_query` is the first keystroke of a session, which prepares the search
//! keys if the idle app has not yet. `status_step`: `s` until the list shows the new status
//! (budget ≤ 16 ms at 10k and 100k, ≤ 33 ms at 300k).
//!
//! Run: `cargo bench --bench search -- --measurement-time 3 --warm-up-time 1`
//! (one size: append e.g. `/100k`).

use std::path::Path;
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Size;
use tiltak::app::{App, Clock, Pane, handle_key};
use tiltak::domain::Backlog;
use tiltak::i18n::Lang;
use tiltak::search::select;
use tiltak::store::Persist;
use tiltak::ui::{self, Theme};

/// Saving is measured elsewhere; here a change only has to reach memory.
struct NoStore;

impl Persist for NoStore {
    fn save(&mut self, _: &Backlog) -> std::io::Result<()> {
        Ok(())
    }

    fn location(&self) -> &Path {
        Path::new("/dev/null")
    }
}

#[path = "support/mod.rs"]
mod support;

use support::generated;

fn app(count: usize) -> App {
    let mut app = App::new(
        generated(count),
        Lang::Nb,
        Box::new(NoStore),
        Clock::Fixed("2026-11-29T12:00:00Z".parse().unwrap()),
    );
    app.set_list_height(tiltak::ui::layout::list_rows(Size::new(200, 50)));
    app
}

fn press(app: &mut App, c: char) {
    handle_key(app, KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
}

/// Waits, like the event loop, until the search worker's answer is in the list.
fn wait_for_answer(app: &mut App) {
    while app.pending_search().is_some() {
        if !app.poll_search() {
            std::thread::sleep(Duration::from_micros(100));
        }
    }
}

/// The list as it stands after typing `before` (its answer in, the matcher primed with it).
fn typed_up_to(app: &mut App, before: &str) {
    app.queries.insert(Pane::Measures, before.to_string());
    match before.chars().last() {
        Some(last) => {
            handle_key(app, KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE));
            press(app, last);
            wait_for_answer(app);
        }
        None => app.refresh_measures(),
    }
}

/// Times `measured` after `typed_up_to(before)`, which is not timed.
fn keystroke(app: &mut App, before: &str, iters: u64, measured: impl Fn(&mut App)) -> Duration {
    let mut total = Duration::ZERO;
    for _ in 0..iters {
        typed_up_to(app, before);
        let start = Instant::now();
        measured(app);
        total += start.elapsed();
        wait_for_answer(app);
    }
    total
}

fn benches(c: &mut Criterion) {
    for count in [10_000, 100_000, 300_000] {
        let mut app = app(count);
        let label = format!("{}k", count / 1000);
        // Typing a word char by char, an id, a case number, two words, and a typo (the fuzzy
        // fallback: nothing starts with "barnehg").
        let queries = [
            "s",
            "sk",
            "sko",
            "skole",
            "T-4711",
            "2025/07",
            "digital helse",
            "barnehge",
        ];

        // Matching the whole list afresh, as the CLI does (no worker, no narrowing).
        let mut group = c.benchmark_group(format!("full_match/{label}"));
        let keys = app.search_keys();
        for query in queries {
            group.bench_function(BenchmarkId::from_parameter(query), |b| {
                b.iter(|| select(&app.backlog, Some(&keys), &app.filter, query, app.sort, app.today()))
            });
        }
        group.finish();
        drop(keys);

        // One keystroke: the query holds all but the last char and its rows are shown; typing
        // the last char until its rows are in the list (on the worker from 5,000 measures).
        press(&mut app, '/');
        let mut group = c.benchmark_group(format!("keystroke/{label}"));
        for query in queries {
            let (before, last) = query.split_at(query.len() - 1);
            let last = last.chars().next().unwrap();
            group.bench_function(BenchmarkId::from_parameter(query), |b| {
                b.iter_custom(|iters| {
                    keystroke(&mut app, before, iters, |app| {
                        press(app, last);
                        wait_for_answer(app);
                    })
                })
            });
        }
        group.finish();

        // The same keystroke until the key handler returns: how long typing waits.
        let mut group = c.benchmark_group(format!("keystroke_latency/{label}"));
        for query in ["s", "skole"] {
            let (before, last) = query.split_at(query.len() - 1);
            let last = last.chars().next().unwrap();
            group.bench_function(BenchmarkId::from_parameter(query), |b| {
                b.iter_custom(|iters| keystroke(&mut app, before, iters, |app| press(app, last)))
            });
        }
        group.finish();
        handle_key(&mut app, KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));

        // The first keystroke of a session when the keys were not prepared while idle.
        c.bench_function(&format!("first_query/{label}"), |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    app.replaced(); // forgets the keys, as a reload does
                    press(&mut app, '/');
                    let start = Instant::now();
                    press(&mut app, 's');
                    wait_for_answer(&mut app);
                    total += start.elapsed();
                    handle_key(&mut app, KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
                    handle_key(&mut app, KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
                }
                total
            })
        });

        let mut terminal = Terminal::new(TestBackend::new(200, 50)).unwrap();
        c.bench_function(&format!("frame/{label}"), |b| {
            b.iter(|| {
                terminal
                    .draw(|frame| ui::render(frame, &app, Theme::new(true)))
                    .unwrap();
            })
        });
        app.queries.insert(Pane::Measures, "skole".into());
        app.refresh_measures();
        c.bench_function(&format!("frame_with_search/{label}"), |b| {
            b.iter(|| {
                terminal
                    .draw(|frame| ui::render(frame, &app, Theme::new(true)))
                    .unwrap();
            })
        });
        app.queries.clear();
        app.refresh_measures();

        // A status step until the list shows it (`s` → new status on screen; saving is not
        // included): forward and back in turn, so the measure never runs out of steps. Then the
        // same with a query shown, until the search worker's answer is in.
        for (name, query) in [("status_step", ""), ("status_step_searched", "skole")] {
            app.queries.insert(Pane::Measures, query.to_string());
            app.refresh_measures();
            wait_for_answer(&mut app);
            c.bench_function(&format!("{name}/{label}"), |b| {
                b.iter_custom(|iters| {
                    let start = Instant::now();
                    for n in 0..iters {
                        press(&mut app, if n % 2 == 0 { 's' } else { 'S' });
                        wait_for_answer(&mut app);
                    }
                    start.elapsed()
                })
            });
        }
        app.queries.clear();
        app.refresh_measures();

        // One undo of a status step; the step itself is not timed.
        c.bench_function(&format!("undo/{label}"), |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    press(&mut app, 's');
                    let start = Instant::now();
                    press(&mut app, 'u');
                    total += start.elapsed();
                }
                total
            })
        });
    }
}

criterion_group! {
    name = search;
    config = Criterion::default().sample_size(10);
    targets = benches
}
criterion_main!(search);
