//! Issue 16 in the app, by key presses on the demo: dependencies picked and refused when they
//! go round, the blocked marker and the "blocked by" text in the triage view and the review,
//! following a dependency from the review, and links handed to the opener as an argument.

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::*;
use ratatui::crossterm::event::KeyCode;
use tiltak::app::connections::Opener;
use tiltak::app::review::Screen;
use tiltak::app::{App, handle_key};
use tiltak::domain::{Backlog, Id, Link, MeasureDraft};
use tiltak::i18n::Lang;

fn go_to(app: &mut App, id: u32) {
    type_text(app, &format!("#{id}"));
    press(app, KeyCode::Enter);
    assert_eq!(app.selected_measure(), Some(Id(id)));
}

fn depends_on(app: &App, id: u32) -> Vec<u32> {
    app.backlog
        .measure(Id(id))
        .unwrap()
        .depends_on
        .iter()
        .map(|d| d.0)
        .collect()
}

fn edit(backlog: &mut Backlog, id: u32, change: impl FnOnce(&mut MeasureDraft)) {
    let mut draft = MeasureDraft::from_measure(backlog.measure(Id(id)).unwrap());
    change(&mut draft);
    backlog.update_measure(Id(id), draft, NOW.parse().unwrap()).unwrap();
}

#[test]
fn the_form_refuses_a_circle_and_names_it_in_both_languages() {
    for (lang, said) in [
        (
            Lang::En,
            "The dependencies would go round in a circle: T-15 → T-26 → T-4 → T-15",
        ),
        (Lang::Nb, "Avhengighetene ville gått i ring: T-15 → T-26 → T-4 → T-15"),
    ] {
        let (mut app, store) = app_with(demo(), lang);
        go_to(&mut app, 15);
        type_text(&mut app, "e");
        for _ in 0..15 {
            press(&mut app, KeyCode::Tab);
        }
        type_text(&mut app, "T-26");
        handle_key(&mut app, ctrl('s'));
        let shown = screen(&mut app, 120, 40);
        assert!(shown.contains(said), "{shown}");
        assert!(store.saves.borrow().is_empty(), "nothing saved");
        assert!(depends_on(&app, 15).is_empty());
    }
}

#[test]
fn d_picks_dependencies_with_the_picker_and_undo_takes_them_back() {
    let (mut app, _) = app_with(demo(), Lang::En);
    go_to(&mut app, 9);
    assert!(!screen(&mut app, 160, 48).contains("⊘ Biblioteket"));
    type_text(&mut app, "D");
    type_text(&mut app, "grunnoppl");
    press(&mut app, KeyCode::Enter);
    assert_eq!(depends_on(&app, 9), [2]);
    let shown = screen(&mut app, 160, 48);
    assert!(shown.contains("⊘ Biblioteket"), "T-9 now waits for T-2:\n{shown}");
    assert!(
        shown.contains("⊘ blocked by T-2 (in progress, due 2027-06-30)"),
        "{shown}"
    );
    assert!(shown.contains("Depends on"), "{shown}");
    // T-2 says the other way round.
    go_to(&mut app, 2);
    let shown = screen(&mut app, 160, 48);
    assert!(shown.contains("Needed by") && shown.contains("Parts"), "{shown}");
    type_text(&mut app, "u");
    assert!(depends_on(&app, 9).is_empty());
    // T-3 is done: T-22 depends on it without being blocked; a circle through the picker is
    // refused with a message.
    go_to(&mut app, 3);
    type_text(&mut app, "D");
    type_text(&mut app, "T-7 KI");
    press(&mut app, KeyCode::Enter);
    assert!(depends_on(&app, 3).is_empty());
    assert!(
        screen(&mut app, 160, 48).contains("T-3 → T-7 → T-22 → T-3"),
        "the circle is named"
    );
}

#[test]
fn the_triage_view_says_what_blocks_a_measure() {
    let mut backlog = demo();
    edit(&mut backlog, 21, |d| d.depends_on = vec![Id(22)]);
    for (lang, said) in [
        (Lang::En, "⊘ blocked by T-22 (in progress, due 2026-12-15)"),
        (Lang::Nb, "⊘ blokkert av T-22 (pågår, frist 15.12.2026)"),
    ] {
        let (mut app, _) = app_with(backlog.clone(), lang);
        type_text(&mut app, "T");
        go_to(&mut app, 21);
        let shown = screen(&mut app, 120, 40);
        assert!(shown.contains(said), "{shown}");
    }
}

#[test]
fn the_review_says_what_blocks_an_item_and_b_follows_it_and_esc_comes_back() {
    let (mut app, _) = app_with(demo(), Lang::En);
    go_to(&mut app, 26);
    type_text(&mut app, " R");
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.screen, Screen::Review(_)));
    let shown = screen(&mut app, 120, 40);
    // The facts column wraps the text.
    assert!(
        shown.contains("Depends on          ⊘ blocked by T-4 (decided, due") && shown.contains("2026-10-31)"),
        "{shown}"
    );
    type_text(&mut app, "b");
    assert!(matches!(app.screen, Screen::Peek { measure: Id(4), .. }));
    let shown = screen(&mut app, 120, 40);
    assert!(shown.contains("Ny finansieringsmodell"), "{shown}");
    assert!(
        shown.contains("⊘ blocked by T-15 (in progress, due 2026-11-15)"),
        "{shown}"
    );
    type_text(&mut app, "b");
    assert!(matches!(app.screen, Screen::Peek { measure: Id(15), .. }));
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.screen, Screen::Review(_)), "back in the meeting");
}

/// A script that writes each argument it gets on a line of `out`.
fn fake_opener(dir: &Path) -> (String, std::path::PathBuf) {
    use std::os::unix::fs::PermissionsExt;
    let out = dir.join("opened.txt");
    let script = dir.join("opener.sh");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\" >> '{}'; done\n",
            out.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    (script.display().to_string(), out)
}

fn wait_for(path: &Path) -> String {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(10) {
        if let Ok(text) = std::fs::read_to_string(path)
            && text.ends_with('\n')
        {
            return text;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!("the opener was not called");
}

#[test]
fn o_hands_the_link_to_the_opener_as_one_argument_and_refuses_other_schemes() {
    let dir = tempfile::TempDir::new().unwrap();
    let (script, out) = fake_opener(dir.path());
    let mut backlog = demo();
    let hostile = "https://example.no/a b;$(touch pwned)&x=1";
    edit(&mut backlog, 9, |d| {
        d.links = vec![
            Link {
                label: "Rar".into(),
                url: hostile.into(),
            },
            Link {
                label: "Skript".into(),
                url: "javascript:alert(1)".into(),
            },
        ]
    });
    let (mut app, _) = app_with(backlog, Lang::En);
    app.opener = Opener::Program(script);
    // T-4 has its own link and the case link: the picker offers both, Enter opens the first.
    go_to(&mut app, 4);
    type_text(&mut app, "O");
    let shown = screen(&mut app, 120, 40);
    assert!(shown.contains("https://sak.kommune.example/sak/2026/1187"), "{shown}");
    type_text(&mut app, "2026");
    press(&mut app, KeyCode::Enter);
    assert_eq!(wait_for(&out), "https://sak.kommune.example/sak/2026/1187\n");
    std::fs::remove_file(&out).unwrap();

    go_to(&mut app, 9);
    type_text(&mut app, "O");
    press(&mut app, KeyCode::Enter);
    assert_eq!(wait_for(&out), format!("{hostile}\n"), "one argument, as it was");
    assert!(!dir.path().join("pwned").exists() && !Path::new("pwned").exists());
    std::fs::remove_file(&out).unwrap();

    type_text(&mut app, "O");
    type_text(&mut app, "Skript");
    press(&mut app, KeyCode::Enter);
    let shown = screen(&mut app, 120, 40);
    assert!(shown.contains("Not opening “javascript:alert(1)”"), "{shown}");
    std::thread::sleep(Duration::from_millis(200));
    assert!(!out.exists(), "the opener was not called");

    // The detail lists the links; a measure without any says so on O.
    go_to(&mut app, 1);
    type_text(&mut app, "O");
    assert!(screen(&mut app, 120, 40).contains("The measure has no links."));
}
