//! CSV import of 10k and 50k rows: the export of a generated backlog read back into it (every
//! row matched by id), and the same rows without ids added to an empty backlog.
//!
//! Run: `cargo bench --bench import -- --measurement-time 3 --warm-up-time 1`

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use tiltak::i18n::Lang;

#[path = "support/mod.rs"]
mod support;

use support::generated;

fn import(c: &mut Criterion) {
    let now: jiff::Timestamp = "2026-11-30T12:00:00Z".parse().unwrap();
    let mut group = c.benchmark_group("import");
    group.sample_size(10);
    for size in [10_000, 50_000] {
        let backlog = generated(size);
        let csv = tiltak::export::csv::write(&backlog, &backlog.measures, Lang::En, b';').unwrap();
        group.bench_with_input(BenchmarkId::new("update", size), &csv, |b, csv| {
            b.iter(|| tiltak::export::import::import(csv, &backlog, Lang::En, now).unwrap())
        });
        let mut empty = backlog.clone();
        empty.measures.clear();
        let new_rows: String = std::iter::once("Title;Owner;Tags".to_string())
            .chain(backlog.measures.iter().map(|m| {
                let owner = m.owner.and_then(|o| backlog.owner(o)).map_or("", |o| o.name.as_str());
                format!("{};{owner};{}", m.title, m.tags.join(", "))
            }))
            .collect::<Vec<_>>()
            .join("\n");
        group.bench_with_input(BenchmarkId::new("add", size), &new_rows, |b, csv| {
            b.iter(|| tiltak::export::import::import(csv.as_bytes(), &empty, Lang::En, now).unwrap())
        });
    }
    group.finish();
}

criterion_group!(benches, import);
criterion_main!(benches);
