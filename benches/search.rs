//! Search keystroke, frame render and undo on generated backlogs of 1k, 10k and 100k measures.
//! Budgets (median): keystroke ≤ 16 ms at 10k and ≤ 100 ms at 100k; frame ≤ 2 ms at any size.
//!
//! Run: `cargo bench --bench search -- --measurement-time 3 --warm-up-time 1`

use std::path::Path;
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Size;
use tiltak::app::{App, Clock, Pane, handle_key};
use tiltak::domain::{Backlog, Id, Measure, OwnerDraft, Political, PriorityDraft, Status};
use tiltak::i18n::Lang;
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

const SUBJECTS: &[&str] = &[
    "Digital skolestart",
    "Velferdsteknologi i hjemmetjenesten",
    "Felles innbyggerportal",
    "Kompetanseløft for ledere",
    "Automatisert saksbehandling av byggesøknader",
    "Skytjenester for barnehager",
    "Datadeling mellom sektorene",
    "Digital timebestilling på helsestasjonen",
    "Innbyggerdialog om reguleringsplaner",
    "Læringsplattform for grunnskolen",
    "Kunstig intelligens i arkivet",
    "Tverrfaglige team for oppvekst",
    "Ny finansieringsmodell for utvikling",
    "Sensorer i kommunale bygg",
    "Selvbetjening for startlån",
];
const PLACES: &[&str] = &[
    "Østre Bærum",
    "Sandvika",
    "Fornebu",
    "Bekkestua",
    "Stabekk",
    "Lommedalen",
    "Høvik",
];
const WORDS: &[&str] = &[
    "tjenestene",
    "innbyggerne",
    "ansatte",
    "sektorene",
    "prosessen",
    "kvaliteten",
    "økonomien",
    "digitale",
    "løsninger",
    "samarbeid",
    "kommunen",
    "gevinster",
    "ledelse",
    "kompetanse",
    "brukerne",
    "data",
    "skolene",
    "helse",
    "omsorg",
    "arbeidsflyt",
    "vedtak",
    "tiltaket",
    "politisk",
    "forankring",
    "drift",
    "team",
];

/// A small deterministic generator, so every run measures the same backlog.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % below
    }
}

fn generated(count: usize) -> Backlog {
    let mut b = Backlog::new(
        "Generert",
        &[
            "Oppvekst barnehage",
            "Oppvekst skole",
            "Helse og omsorg",
            "Bistand og omsorg",
            "Samfunnsutvikling",
            "Miljø, idrett og kultur",
            "Organisasjon og digitalisering",
            "Økonomi og virksomhetsstyring",
        ],
    );
    for name in [
        "Kari Nordmann",
        "Ola Østby",
        "Åse Berg",
        "Håkon Ødegård",
        "Ingrid Løvås",
        "Mathias Strand",
        "Tor Even Sæther",
        "Charlotte Bø",
        "Nina Aas",
        "Per Hagen",
        "Ragnhild Moe",
        "Sigurd Lie",
        "Tone Dahl",
        "Ulrik Bakke",
        "Vilde Holm",
    ] {
        b.add_owner(OwnerDraft {
            name: name.into(),
            role: "kommunalsjef".into(),
            sector: Some(Id(1)),
        })
        .unwrap();
    }
    for title in [
        "Digitalt førstevalg",
        "Tverrsektorielle team",
        "Data som ressurs",
        "Digital kompetanse i grunnopplæringen",
        "Innbyggeren i sentrum",
        "Bærekraftig finansiering",
    ] {
        b.add_priority(PriorityDraft {
            title: title.into(),
            description: String::new(),
        })
        .unwrap();
    }
    let now: jiff::Timestamp = "2026-11-29T12:00:00Z".parse().unwrap();
    let mut rng = Lcg(7);
    for n in 1..=count {
        let mut description = String::new();
        while description.len() < 400 {
            description.push_str(WORDS[rng.next(WORDS.len())]);
            description.push(' ');
        }
        let title = format!(
            "{} i {}",
            SUBJECTS[rng.next(SUBJECTS.len())],
            PLACES[rng.next(PLACES.len())]
        );
        b.measures.push(Measure {
            id: Id(n as u32),
            title,
            description,
            status: Status::ALL[rng.next(Status::ALL.len())],
            owner: (rng.next(5) > 0).then(|| Id(1 + rng.next(15) as u32)),
            sectors: vec![Id(1 + rng.next(8) as u32)],
            priorities: vec![Id(1 + rng.next(6) as u32)],
            value: Some(1 + rng.next(5) as u8),
            effort: Some(1 + rng.next(5) as u8),
            due: None,
            funding: None,
            cost_estimate: None,
            political: Political::default(),
            benefits: String::new(),
            tags: vec![WORDS[rng.next(WORDS.len())].to_string()],
            created: now,
            updated: now,
            log: Vec::new(),
        });
    }
    b.next_ids.measure = count as u32 + 1;
    b
}

fn app(count: usize) -> App {
    let mut app = App::new(
        generated(count),
        Lang::Nb,
        Box::new(NoStore),
        Clock::Fixed("2026-11-29T12:00:00Z".parse().unwrap()),
    );
    app.viewport = Size::new(200, 50);
    app
}

fn press(app: &mut App, c: char) {
    handle_key(app, KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
}

fn benches(c: &mut Criterion) {
    for count in [1_000, 10_000, 100_000] {
        let mut app = app(count);
        let label = format!("{}k", count / 1000);

        // One keystroke: the query already holds all but the last char; typing it re-filters
        // and re-ranks the list.
        let mut group = c.benchmark_group(format!("keystroke/{label}"));
        press(&mut app, '/');
        for query in ["s", "sk", "sko", "skol", "skole"] {
            let (before, last) = query.split_at(query.len() - 1);
            let last = last.chars().next().unwrap();
            group.bench_function(BenchmarkId::from_parameter(query), |b| {
                b.iter(|| {
                    app.queries.insert(Pane::Measures, before.to_string());
                    press(&mut app, last);
                })
            });
        }
        group.finish();
        handle_key(&mut app, KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));

        let mut terminal = Terminal::new(TestBackend::new(200, 50)).unwrap();
        c.bench_function(&format!("frame/{label}"), |b| {
            b.iter(|| {
                terminal
                    .draw(|frame| ui::render(frame, &app, Theme { color: true }))
                    .unwrap();
            })
        });
        app.queries.insert(Pane::Measures, "skole".into());
        app.refresh_measures();
        c.bench_function(&format!("frame_with_search/{label}"), |b| {
            b.iter(|| {
                terminal
                    .draw(|frame| ui::render(frame, &app, Theme { color: true }))
                    .unwrap();
            })
        });
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
    config = Criterion::default().sample_size(20);
    targets = benches
}
criterion_main!(search);
