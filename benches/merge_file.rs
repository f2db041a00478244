//! `tiltak merge-file` (git's merge driver) on a 10k-measure backlog with 100 changes on each
//! side: read and parse three files, merge per record and field, write the result. Goal: < 1 s.
//!
//! Run: `cargo bench --bench merge_file -- --measurement-time 3 --warm-up-time 1`

use criterion::{Criterion, criterion_group, criterion_main};
use tiltak::share::merge_file::{Sides, Wording, merge_files};

#[path = "support/mod.rs"]
mod support;

use support::generated;

fn merge_10k(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let base = generated(10_000);
    let mut ours = base.clone();
    let mut theirs = base.clone();
    // 100 changes a side: different measures, and 10 of them the same field of the same measure.
    for i in 0..100 {
        ours.measures[i * 50].title = format!("Ours {i}");
        theirs.measures[i * 50 + 25].description = format!("Theirs {i}");
    }
    for i in 0..10 {
        theirs.measures[i * 50].title = format!("Theirs {i}");
    }
    let write = |name: &str, backlog| {
        let path = dir.path().join(name);
        tiltak::store::save(backlog, &path).unwrap();
        path
    };
    let (base, theirs) = (write("base.json", &base), write("theirs.json", &theirs));
    let ours_bytes = tiltak::store::save::to_json(&ours).unwrap();
    let ours = dir.path().join("ours.json");
    let conflict = |_: &tiltak::domain::merge::Conflict| "changed elsewhere".to_string();
    let renumbered = |_, _| "renumbered".to_string();
    let wording = Wording {
        conflict: &conflict,
        renumbered: &renumbered,
    };
    let now = jiff::Timestamp::now();
    let mut group = c.benchmark_group("merge_file");
    group.sample_size(10);
    group.bench_function("10k measures, 100 changes a side", |b| {
        b.iter(|| {
            std::fs::write(&ours, &ours_bytes).unwrap();
            let report = merge_files(&base, &ours, &theirs, now, &wording, &Sides::default()).unwrap();
            assert_eq!(report.conflicts.len(), 10);
        })
    });
    group.finish();
}

criterion_group!(benches, merge_10k);
criterion_main!(benches);
