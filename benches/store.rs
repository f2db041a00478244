//! Load (read + parse + checks) and save (serialize + atomic write with fsyncs) of generated
//! backlogs of 1k, 10k and 100k measures.
//!
//! Run: `cargo bench --bench store -- --measurement-time 3 --warm-up-time 1`

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

#[path = "support/mod.rs"]
mod support;

use support::generated;

fn load_and_save(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let mut group = c.benchmark_group("store");
    group.sample_size(10);
    for size in [1_000, 10_000, 100_000] {
        let backlog = generated(size);
        let path = dir.path().join(format!("backlog-{size}.json"));
        tiltak::store::save(&backlog, &path).unwrap();
        group.bench_with_input(BenchmarkId::new("load", size), &path, |b, path| {
            b.iter(|| tiltak::store::load(path).unwrap().unwrap())
        });
        group.bench_with_input(BenchmarkId::new("save", size), &backlog, |b, backlog| {
            b.iter(|| tiltak::store::save(backlog, &path).unwrap())
        });
    }
    group.finish();
}

criterion_group!(benches, load_and_save);
criterion_main!(benches);
