//! Random key presses and terminal sizes against the whole app, drawn after every step: no
//! panic in any pane, overlay or form; afterwards the backlog keeps its invariants and survives
//! save → load unchanged, and a read-only window has changed and saved nothing.

mod common;

use proptest::prelude::*;
use proptest::test_runner::{RngAlgorithm, TestCaseError, TestRng, TestRunner};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Size;
use tiltak::app::{SaveState, handle_key};
use tiltak::i18n::Lang;
use tiltak::store::load::parse;
use tiltak::store::save::to_json;
use tiltak::ui::{self, Theme};

/// Parsed once: parsing it again for each of 10,000 cases would dominate the run.
fn demo() -> &'static tiltak::domain::Backlog {
    static DEMO: std::sync::OnceLock<tiltak::domain::Backlog> = std::sync::OnceLock::new();
    DEMO.get_or_init(common::demo)
}

#[derive(Debug, Clone)]
enum Step {
    Key(KeyEvent),
    Resize(u16, u16),
}

/// Keys that do something somewhere, text that is hard to lay out (wide, combining, joined
/// emoji), and a few that do nothing. `q` is rare so sequences get somewhere before quitting.
fn key_code() -> impl Strategy<Value = KeyCode> {
    let chars: Vec<char> = "jkgGnedsSuJK?12345cmwyx hl0/-RXLapro æøåÅa\u{30A}漢字👩\u{200D}🚀é.,/:"
        .chars()
        .collect();
    prop_oneof![
        10 => proptest::sample::select(chars).prop_map(KeyCode::Char),
        1 => Just(KeyCode::Char('q')),
        6 => proptest::sample::select(vec![
            KeyCode::Enter,
            KeyCode::Esc,
            KeyCode::Tab,
            KeyCode::BackTab,
            KeyCode::Up,
            KeyCode::Down,
            KeyCode::Left,
            KeyCode::Right,
            KeyCode::PageUp,
            KeyCode::PageDown,
            KeyCode::Home,
            KeyCode::End,
            KeyCode::Backspace,
            KeyCode::Delete,
            KeyCode::F(1),
        ]),
    ]
}

fn modifiers() -> impl Strategy<Value = KeyModifiers> {
    prop_oneof![
        12 => Just(KeyModifiers::NONE),
        2 => Just(KeyModifiers::CONTROL),
        1 => Just(KeyModifiers::SHIFT),
        1 => Just(KeyModifiers::ALT),
    ]
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        12 => (key_code(), modifiers()).prop_map(|(code, m)| Step::Key(KeyEvent::new(code, m))),
        1 => (0u16..=300, 0u16..=100).prop_map(|(w, h)| Step::Resize(w, h)),
    ]
}

#[test]
fn the_starting_backlogs_round_trip() {
    for backlog in [demo().clone(), common::empty(Lang::En), common::empty(Lang::Nb)] {
        assert_eq!(
            parse(std::path::Path::new("roundtrip"), &to_json(&backlog).unwrap()).unwrap(),
            backlog
        );
    }
}

/// The seed of this run: `FUZZ_SEED` to replay a failed run, else a fresh one.
fn seed() -> u64 {
    match std::env::var("FUZZ_SEED") {
        Ok(text) => text
            .trim()
            .parse()
            .expect("FUZZ_SEED is the number a failed run printed"),
        Err(_) => {
            use std::hash::{BuildHasher, Hasher};
            std::collections::hash_map::RandomState::new().build_hasher().finish()
        }
    }
}

#[test]
fn random_keys_and_sizes_never_break_the_app() {
    let seed = seed();
    eprintln!("fuzz_app seed {seed} (replay with FUZZ_SEED={seed})");
    let mut bytes = [0u8; 32];
    for (i, chunk) in bytes.chunks_mut(8).enumerate() {
        chunk.copy_from_slice(&seed.rotate_left(i as u32 * 16).to_le_bytes());
    }
    let config = ProptestConfig {
        cases: 10_000,
        failure_persistence: None,
        ..ProptestConfig::default()
    };
    let mut runner = TestRunner::new_with_rng(config, TestRng::from_seed(RngAlgorithm::ChaCha, &bytes));
    let cases = (
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        proptest::bool::weighted(0.15),
        prop_oneof![3 => (20u16..=160, 5u16..=50), 1 => (0u16..=300, 0u16..=100)],
        proptest::collection::vec(step(), 10..30),
    );
    let result = runner.run(
        &cases,
        |(with_demo, english, color, read_only, (width, height), steps)| {
            run_case(with_demo, english, color, read_only, (width, height), steps)
        },
    );
    if let Err(failure) = result {
        panic!("{failure}\nreplay this run with FUZZ_SEED={seed} cargo test --test fuzz_app");
    }
}

fn run_case(
    with_demo: bool,
    english: bool,
    color: bool,
    read_only: bool,
    (width, height): (u16, u16),
    steps: Vec<Step>,
) -> Result<(), TestCaseError> {
    let lang = if english { Lang::En } else { Lang::Nb };
    let backlog = if with_demo { demo().clone() } else { common::empty(lang) };
    let unchanged = backlog.clone();
    let (mut app, store) = common::app_with(backlog, lang);
    app.read_only = read_only;
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    for step in steps {
        match step {
            Step::Key(key) => handle_key(&mut app, key),
            Step::Resize(w, h) => terminal.backend_mut().resize(w, h),
        }
        if app.should_quit {
            break;
        }
        let size = terminal.size().unwrap();
        app.set_list_height(tiltak::ui::layout::list_rows(Size::new(size.width, size.height)));
        terminal
            .draw(|frame| ui::render(frame, &app, Theme::new(color)))
            .unwrap();
    }
    prop_assert_eq!(app.backlog.invariant_violations(), Vec::<String>::new());
    if read_only {
        prop_assert_eq!(&app.backlog, &unchanged, "a read-only window changed the backlog");
        prop_assert!(store.saves.borrow().is_empty(), "a read-only window saved");
    }
    // The round trip is what costs here (serde in a debug build); a backlog equal to where it
    // started is covered by `the_starting_backlogs_round_trip`.
    if app.backlog != unchanged {
        let reloaded = parse(std::path::Path::new("roundtrip"), &to_json(&app.backlog).unwrap()).unwrap();
        prop_assert_eq!(&reloaded, &app.backlog);
    }
    if app.save_state == SaveState::Saved
        && let Some(last) = store.saves.borrow().last()
    {
        prop_assert_eq!(last, &app.backlog);
    }
    Ok(())
}
