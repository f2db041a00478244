//! Does search find what a person means? Queries on the demo backlog (assets/), each with the
//! measures a person who read the demo would expect. The expectations were written by reading
//! the demo's titles, tags, owners, sectors, priorities, case numbers and descriptions — not by
//! running the search. For each query: every expected measure is found, the first hit is one
//! of the best ones, and at most a few measures nobody asked for follow.

mod common;

use common::{app_with, demo, press, screen, type_text};
use ratatui::crossterm::event::KeyCode;
use tiltak::domain::Backlog;
use tiltak::i18n::Lang;
use tiltak::search::{MeasureFilter, Mode, SortKey, select};

struct Case {
    query: &'static str,
    /// Any of these is a right first hit.
    best: &'static [u32],
    /// Every one of these must be found (the best included).
    expected: &'static [u32],
    /// How many measures outside `expected` may follow.
    unexpected: usize,
    mode: Mode,
}

const fn case(query: &'static str, best: &'static [u32], expected: &'static [u32], unexpected: usize) -> Case {
    Case {
        query,
        best,
        expected,
        unexpected,
        mode: Mode::Prefix,
    }
}

const CASES: &[Case] = &[
    // Inflections and compounds: "skolen", "skolebygg", sector "Oppvekst skole", "skoler".
    case("skole", &[24], &[24, 17, 18, 16], 2),
    // "helse" is a word in T-25's title, the start of "helsestasjonen" (T-23) and of
    // "Helsenorge" (T-9), and the sector Helse og omsorg.
    case("helse", &[25, 23], &[25, 23, 8, 18, 1, 19, 9], 1),
    case("helsestasjon", &[23], &[23, 18], 0),
    // "KI-assistent" in T-7's title, "KI-verktøy" in T-22's description; not every word with
    // k-i in it.
    case("ki", &[7], &[7, 22], 1),
    case("barnehage", &[6], &[6, 18, 16], 1),
    case("finansiering", &[4], &[4, 26, 12, 10, 11, 15, 16, 20], 1),
    // Both words in T-2's title; the priority "Digital kompetanse i grunnopplæringen" for the
    // rest.
    case("digital kompetanse", &[2], &[2, 9, 19, 22, 24, 27, 29], 1),
    case("tjenestedesign", &[27, 28], &[27, 28, 25], 0),
    case("gevinst", &[20], &[20, 15], 1),
    case("innbyggerdialog", &[21], &[21, 6, 9, 13, 23, 28], 0),
    case("sensor", &[17], &[17, 8], 0),
    // "bygg" is a word in T-16's title and starts "byggesaksbehandling" (T-7).
    case("bygg", &[16], &[16, 7], 1),
    case("tiltak", &[5, 15], &[5, 15], 3),
    case("vedtak", &[30], &[30], 2),
    case("hjemmetjeneste", &[8], &[8], 0),
    // Norwegian letters typed or folded: the sector Økonomi, an owner.
    case("økonomi", &[4, 10, 11, 13, 15, 20, 26], &[4, 10, 11, 13, 15, 20, 26], 0),
    case("okonomi", &[4, 10, 11, 13, 15, 20, 26], &[4, 10, 11, 13, 15, 20, 26], 0),
    case("solveig", &[18], &[18], 0),
    case("kari asheim", &[2, 22], &[2, 22], 0),
    case("3d", &[21], &[21], 0),
    case("min side", &[31], &[31], 0),
    case("personvern", &[8, 18, 22, 25], &[8, 18, 22, 25], 0),
    // Ids and case numbers.
    case("T-23", &[23], &[23], 0),
    case("t23", &[23], &[23], 0),
    case("23", &[23], &[23], 2),
    case("2026/1187", &[4], &[4], 0),
    case("2026/11", &[4], &[4], 0),
    case("2026/", &[4, 26, 8], &[4, 26, 8], 2),
    // Typos: nothing starts like that, so the fuzzy fallback finds it, and says so.
    Case {
        query: "barnehge",
        best: &[6],
        expected: &[6, 18],
        unexpected: 2,
        mode: Mode::Fuzzy,
    },
    Case {
        query: "innbygerdialog",
        best: &[21],
        expected: &[21, 6, 9, 13, 23, 28],
        unexpected: 2,
        mode: Mode::Fuzzy,
    },
];

fn found(backlog: &Backlog, query: &str) -> (Vec<u32>, Mode) {
    let today = jiff::civil::date(2026, 11, 29);
    let found = select(backlog, None, &MeasureFilter::default(), query, SortKey::Default, today);
    let ids = found.rows.iter().map(|i| backlog.measures[*i].id.0).collect();
    (ids, found.mode)
}

#[test]
fn every_query_finds_what_a_person_expects_best_first() {
    let backlog = demo();
    let mut failures = Vec::new();
    for case in CASES {
        let (ids, mode) = found(&backlog, case.query);
        let missing: Vec<u32> = case.expected.iter().filter(|id| !ids.contains(id)).copied().collect();
        let unexpected: Vec<u32> = ids.iter().filter(|id| !case.expected.contains(id)).copied().collect();
        let first_ok = ids.first().is_some_and(|first| case.best.contains(first));
        if !missing.is_empty() || !first_ok || unexpected.len() > case.unexpected || mode != case.mode {
            failures.push(format!(
                "{:?}: found {ids:?} ({mode:?}); missing {missing:?}, unexpected {unexpected:?} (at most {}), \
                 first should be one of {:?}, mode {:?}",
                case.query, case.unexpected, case.best, case.mode
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn a_full_id_finds_that_measure_alone() {
    let backlog = demo();
    for query in ["T-7", "t7", "t-7"] {
        assert_eq!(found(&backlog, query).0, [7], "{query}");
    }
    assert_eq!(found(&backlog, "T-99").0, Vec::<u32>::new(), "no such measure");
}

#[test]
fn the_search_line_says_when_the_hits_are_fuzzy() {
    let (mut app, _) = app_with(demo(), Lang::En);
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "barnehge");
    let text = screen(&mut app, 100, 30);
    assert!(text.contains("/ barnehge█  fuzzy"), "{text}");
    assert!(text.contains("Digital søknad om barnehageplass"), "{text}");
    // Typing on to a real prefix leaves the fallback.
    for _ in 0.."barnehge".len() {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "barneh");
    let text = screen(&mut app, 100, 30);
    assert!(!text.contains("fuzzy"), "{text}");

    let (mut app, _) = app_with(demo(), Lang::Nb);
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "barnehge");
    assert!(screen(&mut app, 100, 30).contains("/ barnehge█  omtrentlige treff"));
}

#[test]
fn meetings_are_found_by_their_id_in_the_meetings_pane() {
    let (mut app, _) = app_with(demo(), Lang::En);
    press(&mut app, KeyCode::Char('4'));
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "M-2");
    let rows: Vec<u32> = app
        .meetings
        .rows
        .iter()
        .map(|i| app.backlog.meetings[*i].id.0)
        .collect();
    assert_eq!(rows, [2]);
    let text = screen(&mut app, 100, 30);
    assert!(text.contains("/ M-2█"), "{text}");
    press(&mut app, KeyCode::Esc);
    assert_eq!(
        app.meetings.rows.len(),
        app.backlog.meetings.len(),
        "Esc shows every meeting again"
    );
}
