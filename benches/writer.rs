//! The ideas for the background writer (issue 13), measured on generated backlogs of 10k and
//! 100k measures, so only what pays is kept:
//!
//! - `snapshot`: what the screen pays to hand the writer the backlog: a copy of every measure,
//!   against the backlog's clone now that its measures are shared (`Arc`).
//! - `backup`: the session's first backup: a copy of the file, against a hard link to it.
//! - `look`: noticing an outside change while the file's time stamps are too fresh to trust:
//!   read it and compare it with the bytes last written, against read it and compare a hash of
//!   it with the hash of what was last written (no copy of the file kept in memory).
//! - `write`: the whole write as the writer does it (serialize, temp file, fsync, rename).
//!
//! Run: `cargo bench --bench writer -- --measurement-time 3 --warm-up-time 1`

use std::hash::Hasher;
use std::sync::Arc;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

#[path = "support/mod.rs"]
mod support;

fn hash(bytes: &[u8]) -> u64 {
    let mut hasher = std::hash::DefaultHasher::new();
    hasher.write(bytes);
    hasher.finish()
}

fn writer(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let mut group = c.benchmark_group("writer");
    group.sample_size(10);
    for count in [10_000, 100_000] {
        let label = format!("{}k", count / 1000);
        let backlog = support::generated(count);
        let path = dir.path().join(format!("backlog-{label}.json"));
        tiltak::store::save(&backlog, &path).unwrap();
        let written = std::fs::read(&path).unwrap();

        // What a snapshot cost before the measures were shared: a copy of every measure.
        group.bench_function(BenchmarkId::new("snapshot_deep_clone", &label), |b| {
            b.iter_with_large_drop(|| backlog.measures.iter().cloned().collect::<Vec<_>>())
        });
        group.bench_function(BenchmarkId::new("snapshot_arc", &label), |b| {
            b.iter_with_large_drop(|| Arc::new(backlog.clone()))
        });

        let copy = dir.path().join("copy.json");
        group.bench_function(BenchmarkId::new("backup_copy", &label), |b| {
            b.iter(|| {
                let _ = std::fs::remove_file(&copy);
                std::fs::copy(&path, &copy).unwrap();
                std::fs::File::open(&copy).unwrap().sync_all().unwrap();
            })
        });
        group.bench_function(BenchmarkId::new("backup_hard_link", &label), |b| {
            b.iter(|| {
                let _ = std::fs::remove_file(&copy);
                std::fs::hard_link(&path, &copy).unwrap();
            })
        });

        group.bench_function(BenchmarkId::new("look_compare_bytes", &label), |b| {
            b.iter(|| std::fs::read(&path).unwrap() == written)
        });
        let written_hash = (written.len() as u64, hash(&written));
        group.bench_function(BenchmarkId::new("look_compare_hash", &label), |b| {
            b.iter(|| {
                let now = std::fs::read(&path).unwrap();
                (now.len() as u64, hash(&now)) == written_hash
            })
        });

        group.bench_function(BenchmarkId::new("write", &label), |b| {
            b.iter(|| tiltak::store::save(&backlog, &path).unwrap())
        });
    }
    group.finish();
}

criterion_group!(benches, writer);
criterion_main!(benches);
