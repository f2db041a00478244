//! The guided start: from an empty file to a first measure in a sector the user added, with
//! key presses on a TestBackend; and the way out for those who skip it.

mod common;

use common::*;
use ratatui::crossterm::event::KeyCode;
use tiltak::app::form::{FieldId, Input};
use tiltak::app::review::Screen;
use tiltak::app::{Overlay, handle_key};
use tiltak::i18n::Lang;

fn clear_field(app: &mut tiltak::app::App) {
    for _ in 0..80 {
        press(app, KeyCode::Backspace);
    }
}

/// Tabs through the open form until `field` has the focus.
fn focus_field(app: &mut tiltak::app::App, field: FieldId) {
    for _ in 0..30 {
        let Overlay::Form(form) = &app.overlay else {
            panic!("no form open")
        };
        if form.focused().id == field {
            return;
        }
        press(app, KeyCode::Tab);
    }
    panic!("the form has no {field:?}");
}

#[test]
fn guided_start_from_an_empty_file_to_a_first_measure_in_a_new_sector() {
    let (mut app, store) = app_with(empty(Lang::En), Lang::En);
    tiltak::app::start::offer(&mut app);
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("Getting started"), "{shown}");
    assert!(shown.contains("▶ 1. Name the backlog"), "{shown}");
    assert!(
        shown.contains("Enter do this step"),
        "the hints say how to go on:\n{shown}"
    );

    // 1. Name.
    press(&mut app, KeyCode::Enter);
    clear_field(&mut app);
    type_text(&mut app, "Ledergruppen i Asker");
    handle_key(&mut app, ctrl('s'));
    assert_eq!(app.backlog.name, "Ledergruppen i Asker");
    let shown = screen(&mut app, 80, 24);
    assert!(
        shown.contains("▶ 2. Check the sectors"),
        "the next step is ready:\n{shown}"
    );

    // 2. Sectors: add one on the Settings screen, then back to the start.
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "n");
    type_text(&mut app, "Digitalisering");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "DIG");
    handle_key(&mut app, ctrl('s'));
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.screen, Screen::Start { cursor: 2 }), "{:?}", app.screen);
    assert!(screen(&mut app, 80, 24).contains("DIG"));

    // 3. Owners, 4. priorities.
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "Kari Nordmann");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.backlog.owners.len(), 1);
    assert!(screen(&mut app, 80, 24).contains("1 added"));
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "Bryte ned siloer");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.backlog.priorities.len(), 1);

    // 5. The first measure, in the new sector.
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.screen, Screen::Main));
    type_text(&mut app, "Felles innbyggerinngang");
    focus_field(&mut app, FieldId::Sectors);
    for _ in 0..20 {
        let Overlay::Form(form) = &app.overlay else { panic!() };
        let Input::Multi { options, cursor, .. } = &form.focused().input else {
            panic!()
        };
        if options[*cursor].0 == "Digitalisering" {
            break;
        }
        press(&mut app, KeyCode::Down);
    }
    type_text(&mut app, " ");
    handle_key(&mut app, ctrl('s'));
    let sector = app
        .backlog
        .sectors
        .iter()
        .find(|s| s.name == "Digitalisering")
        .unwrap()
        .id;
    let saved = store.saves.borrow().last().unwrap().clone();
    let measure = &saved.measures[0];
    assert_eq!(measure.title, "Felles innbyggerinngang");
    assert_eq!(measure.sectors, vec![sector]);
    assert_eq!(saved.name, "Ledergruppen i Asker");
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("Felles innbyggerinngang"), "{shown}");
}

#[test]
fn skipping_the_start_says_where_everything_is_and_the_empty_list_points_to_the_demo() {
    let (mut app, _store) = app_with(empty(Lang::Nb), Lang::Nb);
    tiltak::app::start::offer(&mut app);
    press(&mut app, KeyCode::Esc);
    let shown = screen(&mut app, 100, 30);
    assert!(shown.contains("Trykk n for å legge til det første"), "{shown}");
    assert!(shown.contains("tiltak --demo"), "{shown}");
    assert!(shown.contains(", for innstillinger og sektorer"), "{shown}");
}

#[test]
fn no_start_screen_for_a_backlog_in_use_a_demo_or_a_read_only_window() {
    let (mut app, _store) = app_with(demo(), Lang::En);
    tiltak::app::start::offer(&mut app);
    assert!(matches!(app.screen, Screen::Main));
    let (mut app, _store) = app_with(empty(Lang::En), Lang::En);
    app.read_only = true;
    tiltak::app::start::offer(&mut app);
    assert!(matches!(app.screen, Screen::Main));
}
