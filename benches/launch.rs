//! Launch and `list --json` against the bare cost of reading and parsing the file, on generated
//! backlogs of 10k, 100k and 300k measures (with log entries, ~400-character descriptions).
//! Budgets (issue 13, medians): launch → first rows ≤ 1.2 × `parse`; `list --json` ≤ 1.5 ×
//! `parse`.
//!
//! - `parse`: `std::fs::read` + `serde_json::from_slice` into the backlog type, nothing else.
//!   (Here and in `first_rows` freeing the result is not timed, nor in `first_rows` the
//!   insight numbers' thread that the first frame does not wait for.)
//! - `first_rows`: what the app does before its first frame — open the file (read, parse,
//!   checks), build the app (counts, list rows), draw the first frame (120×40).
//! - `list_json` / `list_rejected`: the real binary, `tiltak list --json` and
//!   `tiltak list --status rejected`, output to /dev/null (process start included).
//! - `parse_process`: `parse` in a process of its own (this bench started again with
//!   `PARSE_ONLY=<file>`), the fair measure for `list`: a new process pays a page fault for
//!   every page the parse fills, which `parse`, reusing the memory of its last round, does not.
//!
//! Run: `cargo bench --bench launch -- --measurement-time 3 --warm-up-time 1`

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, criterion_group};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tiltak::app::{App, Clock};
use tiltak::domain::Backlog;
use tiltak::i18n::Lang;
use tiltak::store::FileStore;
use tiltak::ui::{self, Theme};

#[path = "support/mod.rs"]
mod support;

fn run_list(path: &Path, args: &[&str]) {
    let status = Command::new(env!("CARGO_BIN_EXE_tiltak"))
        .args(["--lang", "nb", "--data"])
        .arg(path)
        .arg("list")
        .args(args)
        .stdout(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
}

fn launch(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let mut group = c.benchmark_group("launch");
    group.sample_size(10);
    for count in [10_000, 100_000, 300_000] {
        let label = format!("{}k", count / 1000);
        let path = dir.path().join(format!("backlog-{label}.json"));
        tiltak::store::save(&support::generated(count), &path).unwrap();
        let size = std::fs::metadata(&path).unwrap().len();
        eprintln!("{label}: {size} bytes, {} bytes per measure", size / count as u64);

        group.bench_function(BenchmarkId::new("parse", &label), |b| {
            b.iter_with_large_drop(|| serde_json::from_slice::<Backlog>(&std::fs::read(&path).unwrap()).unwrap())
        });
        group.bench_function(BenchmarkId::new("first_rows", &label), |b| {
            let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    let start = Instant::now();
                    let (store, loaded) = FileStore::open(path.clone()).unwrap();
                    let backlog = loaded.unwrap().backlog;
                    let mut app = App::new(backlog, Lang::Nb, Box::new(store), Clock::System);
                    // As the event loop before its first frame (from 5,000 measures this starts
                    // the insight numbers on their thread).
                    app.poll_insight();
                    terminal
                        .draw(|frame| ui::render(frame, &app, Theme::new(true)))
                        .unwrap();
                    total += start.elapsed();
                    // Not timed: the insight thread's work, then freeing it all, so the next
                    // launch does not share the cores with this one's leftovers.
                    while app.insight_pending() {
                        app.poll_insight();
                        std::thread::sleep(Duration::from_millis(1));
                    }
                    drop(app);
                }
                total
            })
        });
        group.bench_function(BenchmarkId::new("parse_process", &label), |b| {
            b.iter(|| {
                let status = Command::new(std::env::current_exe().unwrap())
                    .env(PARSE_ONLY, &path)
                    .status()
                    .unwrap();
                assert!(status.success());
            })
        });
        group.bench_function(BenchmarkId::new("list_json", &label), |b| {
            b.iter(|| run_list(&path, &["--json"]))
        });
        group.bench_function(BenchmarkId::new("list_rejected", &label), |b| {
            b.iter(|| run_list(&path, &["--status", "rejected"]))
        });
    }
    group.finish();
}

/// Set to a file: parse it into a backlog and exit (the `parse_process` baseline).
const PARSE_ONLY: &str = "PARSE_ONLY";

criterion_group!(benches, launch);

fn main() {
    if let Some(path) = std::env::var_os(PARSE_ONLY) {
        let backlog: Backlog = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
        // As `list`: the process ends without freeing the backlog.
        std::mem::forget(backlog);
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
