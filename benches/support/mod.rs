//! Generated backlogs shared by the benchmarks.

use tiltak::domain::{Backlog, Id, LogEntry, LogKind, Measure, OwnerDraft, Political, PriorityDraft, Status};

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

/// A status change, a decision and a note, as a measure collects them over its life.
fn log(rng: &mut Lcg, now: jiff::Timestamp) -> Vec<LogEntry> {
    let mut note = String::new();
    while note.len() < 120 {
        note.push_str(WORDS[rng.next(WORDS.len())]);
        note.push(' ');
    }
    vec![
        LogEntry {
            kind: LogKind::StatusChange,
            from: Some(Status::Idea),
            to: Some(Status::Assessing),
            ..LogEntry::note(now, String::new())
        },
        LogEntry {
            kind: LogKind::Decision,
            ..LogEntry::note(now, "Godkjent i toppledermøtet.".into())
        },
        LogEntry::note(now, note),
    ]
}

/// A realistic Norwegian backlog of `count` measures (~400-character descriptions), the same
/// for every run.
pub fn generated(count: usize) -> Backlog {
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
            political: Political {
                needed: n % 10 == 0,
                case_number: (n % 10 == 0).then(|| format!("20{}/{:04}", 24 + n % 3, n % 10_000)),
            },
            benefits: String::new(),
            tags: vec![WORDS[rng.next(WORDS.len())].to_string()],
            created: now,
            updated: now,
            log: log(&mut rng, now),
            depends_on: Vec::new(),
            part_of: None,
            links: Vec::new(),
            extra: Default::default(),
        });
    }
    b.next_ids.measure = count as u32 + 1;
    b
}
