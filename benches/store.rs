//! Load (read + parse + checks) and save (serialize + atomic write with fsyncs) of generated
//! backlogs of 1k, 10k and 100k measures.
//!
//! Run: `cargo bench --bench store -- --measurement-time 3 --warm-up-time 1`

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use tiltak::domain::{Backlog, Id, MeasureDraft, OwnerDraft, PriorityDraft, Status};

const TITLES: &[&str] = &[
    "Digital skolestart i Østre Bærum",
    "Velferdsteknologi i hjemmetjenesten",
    "Felles innbyggerportal",
    "Kompetanseløft for ledere",
    "Automatisert saksbehandling av byggesøknader",
    "Datadeling mellom sektorene",
];

fn generated(measures: usize) -> Backlog {
    let mut backlog = Backlog::new(
        "Generert",
        &["Oppvekst", "Helse og omsorg", "Samfunnsutvikling", "Økonomi"],
    );
    for i in 0..15 {
        let draft = OwnerDraft {
            name: format!("Eier {i} Ås"),
            role: "direktør".into(),
            sector: Some(Id(1 + i % 4)),
        };
        backlog.add_owner(draft).unwrap();
    }
    for i in 0..6 {
        let draft = PriorityDraft {
            title: format!("Prioritering {i}"),
            description: "Bryte ned siloer.".into(),
        };
        backlog.add_priority(draft).unwrap();
    }
    let now = "2026-11-29T12:00:00Z".parse().unwrap();
    let description = "Tiltaket skal gi innbyggerne bedre tjenester gjennom samarbeid på tvers av sektorene, \
                       med felles data, tydelig eierskap og gevinster som måles. "
        .repeat(3);
    for i in 0..measures {
        let mut draft = MeasureDraft::titled(&format!("{} {i}", TITLES[i % TITLES.len()]));
        draft.description = description.clone();
        draft.status = Status::ALL[i % Status::ALL.len()];
        draft.owner = Some(Id(1 + (i % 15) as u32));
        draft.sectors = vec![Id(1 + (i % 4) as u32), Id(1 + ((i + 1) % 4) as u32)];
        draft.priorities = vec![Id(1 + (i % 6) as u32)];
        draft.value = Some(1 + (i % 5) as u8);
        draft.effort = Some(1 + (i % 3) as u8);
        draft.tags = vec!["data".into(), "innbyggerdialog".into()];
        backlog.add_measure(draft, now).unwrap();
    }
    backlog
}

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
