//! One picker everywhere (issue 14): the form's choices, the measures a measure depends on, the
//! filter panel's rows and the review's owner question all choose in the same type-ahead picker,
//! driven here through the same key handling as the terminal.

mod common;

use common::*;
use ratatui::crossterm::event::KeyCode;
use tiltak::app::form::{FieldId, Form, Input};
use tiltak::app::keymap::Context;
use tiltak::app::{App, Overlay, handle_key};
use tiltak::domain::{Backlog, Id, MeasureDraft, OwnerDraft};
use tiltak::i18n::Lang;

/// Owners with Norwegian letters, three measures; T-2 depends on T-1.
fn backlog() -> Backlog {
    let mut b = Backlog::new("Plukk", &["Oppvekst skole", "Helse og omsorg", "Økonomi"]);
    for name in ["Åse Berg", "Kari Nordmann", "Ola Østby", "Håkon Sørli"] {
        b.add_owner(OwnerDraft {
            name: name.into(),
            role: String::new(),
            sector: None,
        })
        .unwrap();
    }
    let now = NOW.parse().unwrap();
    for title in ["Felles innbyggerdialog", "Digital skolestart", "Sky-strategi"] {
        let mut d = MeasureDraft::titled(title);
        d.sectors = vec![Id(1)];
        if title == "Digital skolestart" {
            d.depends_on = vec![Id(1)];
        }
        b.add_measure(d, now).unwrap();
    }
    b
}

fn form(app: &App) -> &Form {
    match &app.overlay {
        Overlay::Form(form) => form,
        other => panic!("no form open: {other:?}"),
    }
}

fn focus_field(app: &mut App, field: FieldId) {
    for _ in 0..30 {
        if form(app).focused().id == field {
            return;
        }
        press(app, KeyCode::Tab);
    }
    panic!("no field {field:?}");
}

/// The labels of the focused multi-select's checked options.
fn checked(app: &App) -> Vec<String> {
    ticked(form(app))
}

fn ticked(form: &Form) -> Vec<String> {
    match &form.focused().input {
        Input::Multi { options, checked, .. } => options
            .iter()
            .zip(checked)
            .filter(|(_, on)| **on)
            .map(|((label, _), _)| label.clone())
            .collect(),
        other => panic!("not a multi-select: {other:?}"),
    }
}

fn text(app: &App) -> String {
    match &form(app).focused().input {
        Input::Line(area) => area.lines().join("\n"),
        other => panic!("not a text field: {other:?}"),
    }
}

/// Edits measure `row` (0-based, in the list's order) with its form open.
fn edit(app: &mut App, row: usize) {
    for _ in 0..row {
        type_text(app, "j");
    }
    type_text(app, "e");
}

#[test]
fn typing_on_the_owner_field_opens_the_picker_that_folds_norwegian_letters() {
    let (mut app, store) = app_with(backlog(), Lang::En);
    type_text(&mut app, "n");
    type_text(&mut app, "Ny velferdsteknologi");
    focus_field(&mut app, FieldId::Owner);
    type_text(&mut app, "øst");
    assert_eq!(app.context(), Context::Picker, "the typed letter opened the picker");
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("› øst"), "the letters filter the picker:\n{shown}");
    assert!(shown.contains("▶ Ola Østby"), "{shown}");
    assert!(
        shown.contains("Enter choose") && shown.contains("Esc cancel"),
        "{shown}"
    );
    assert!(!shown.contains("Space check"), "one owner: nothing to check:\n{shown}");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.context(), Context::Form, "back in the form");
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("◀ Ola Østby ▶"), "{shown}");
    // "ost" without the ø finds him too, and a space is part of what is typed.
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "ola ost");
    let Overlay::Form(open) = &app.overlay else { panic!() };
    assert_eq!(open.picker.as_ref().unwrap().find.query, "ola ost");
    press(&mut app, KeyCode::Esc);
    handle_key(&mut app, ctrl('s'));
    let saved = store.saves.borrow().last().cloned().expect("saved");
    let measure = saved.measures.last().unwrap();
    assert_eq!(measure.title, "Ny velferdsteknologi");
    assert_eq!(measure.owner, Some(Id(3)), "Ola Østby");
}

#[test]
fn the_sectors_picker_checks_with_space_and_tab_and_esc_leaves_the_form_unchanged() {
    let (mut app, store) = app_with(backlog(), Lang::En);
    edit(&mut app, 0);
    focus_field(&mut app, FieldId::Sectors);
    assert_eq!(checked(&app), ["Oppvekst skole"]);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.context(), Context::Picker);
    let shown = screen(&mut app, 80, 24);
    assert!(
        shown.contains("[x] Oppvekst skole"),
        "the current choice is checked:\n{shown}"
    );
    assert!(shown.contains("Tab/Space check"), "both keys are named:\n{shown}");
    type_text(&mut app, "helse");
    press(&mut app, KeyCode::Char(' '));
    handle_key(&mut app, ctrl('u'));
    type_text(&mut app, "oko");
    press(&mut app, KeyCode::Tab);
    handle_key(&mut app, ctrl('u'));
    let shown = screen(&mut app, 80, 24);
    for sector in ["Oppvekst skole", "Helse og omsorg", "Økonomi"] {
        assert!(shown.contains(&format!("[x] {sector}")), "{sector}:\n{shown}");
    }
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.context(), Context::Form, "Esc goes back to the form");
    assert_eq!(checked(&app), ["Oppvekst skole"], "and changes nothing");
    assert!(!form(&app).is_changed());

    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "helse");
    press(&mut app, KeyCode::Char(' '));
    press(&mut app, KeyCode::Enter);
    assert_eq!(checked(&app), ["Oppvekst skole", "Helse og omsorg"]);
    assert!(store.saves.borrow().is_empty(), "the picker fills the form only");
    handle_key(&mut app, ctrl('s'));
    let saved = store.saves.borrow().last().cloned().unwrap();
    assert_eq!(saved.measure(Id(1)).unwrap().sectors, [Id(1), Id(2)]);
}

#[test]
fn depends_on_is_picked_among_measures_and_a_circle_is_refused_with_its_message() {
    let (mut app, store) = app_with(backlog(), Lang::En);
    // T-1: T-2 already depends on it.
    let row = app
        .measures
        .rows
        .iter()
        .position(|i| app.backlog.measures[*i].id == Id(1))
        .unwrap();
    edit(&mut app, row);
    focus_field(&mut app, FieldId::DependsOn);
    // An id of no measure is never dropped by the picker: it is named, and the picker waits.
    type_text(&mut app, "T-99");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.context(), Context::Form);
    let shown = screen(&mut app, 100, 30);
    assert!(
        shown.contains("There is no measure T-99."),
        "the field says why:\n{shown}"
    );
    handle_key(&mut app, ctrl('u'));
    press(&mut app, KeyCode::Enter);
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("Depends on"), "{shown}");
    assert!(
        shown.contains("T-2 Digital skolestart") && !shown.contains("T-1 Felles"),
        "every measure but this one:\n{shown}"
    );
    type_text(&mut app, "skolestart");
    press(&mut app, KeyCode::Char(' '));
    press(&mut app, KeyCode::Enter);
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("T-1 → T-2 → T-1"), "the circle is named:\n{shown}");
    assert_eq!(app.context(), Context::Picker, "the picker stays to choose again");
    press(&mut app, KeyCode::Esc);
    assert_eq!(text(&app), "", "nothing went into the field");

    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "sky");
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        text(&app),
        "T-3",
        "Enter with nothing checked takes the highlighted one"
    );
    handle_key(&mut app, ctrl('s'));
    let saved = store.saves.borrow().last().cloned().unwrap();
    assert_eq!(saved.measure(Id(1)).unwrap().depends_on, [Id(3)]);
}

#[test]
fn the_filter_panel_chooses_an_owner_in_the_picker_and_the_list_narrows() {
    let mut b = backlog();
    let mut d = MeasureDraft::titled("Kari sitt tiltak");
    d.owner = Some(Id(2));
    b.add_measure(d, NOW.parse().unwrap()).unwrap();
    let (mut app, _store) = app_with(b, Lang::Nb);
    assert_eq!(app.measures.rows.len(), 4);
    type_text(&mut app, "f");
    // The seven status rows, then the owner.
    for _ in 0..7 {
        type_text(&mut app, "j");
    }
    press(&mut app, KeyCode::Char(' '));
    assert_eq!(app.context(), Context::Picker);
    let shown = screen(&mut app, 80, 24);
    assert!(
        shown.contains("▶ alle"),
        "the current choice, any, under the cursor:\n{shown}"
    );
    type_text(&mut app, "kari");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.context(), Context::Filter, "back in the panel");
    assert_eq!(app.filter.owner, Some(Id(2)));
    assert_eq!(app.measures.rows.len(), 1, "the list narrows at once");
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("◀ Kari Nordmann ▶"), "{shown}");
    // Esc in the picker keeps the filter as it was.
    press(&mut app, KeyCode::Char(' '));
    type_text(&mut app, "åse");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.filter.owner, Some(Id(2)));
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.context(), Context::List);
    assert_eq!(app.measures.rows.len(), 1);
}

#[test]
fn snapshots_of_the_sectors_picker_in_the_form_at_80x24() {
    for lang in [Lang::Nb, Lang::En] {
        let (mut app, _store) = app_with(backlog(), lang);
        edit(&mut app, 0);
        focus_field(&mut app, FieldId::Sectors);
        press(&mut app, KeyCode::Enter);
        press(&mut app, KeyCode::Down);
        press(&mut app, KeyCode::Char(' '));
        insta::assert_snapshot!(
            format!("sectors_picker_in_form_80x24_{lang:?}"),
            screen(&mut app, 80, 24)
        );
    }
}

#[test]
fn a_picker_with_nothing_to_choose_says_so_rather_than_no_matches() {
    let (mut app, _store) = app_with(empty(Lang::En), Lang::En);
    type_text(&mut app, "n");
    type_text(&mut app, "Første tiltak");
    focus_field(&mut app, FieldId::Priorities);
    press(&mut app, KeyCode::Enter);
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("Nothing to choose from yet"), "{shown}");
    assert!(!shown.contains("No matches"), "{shown}");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.context(), Context::Form);
}

#[test]
fn the_meeting_set_up_finds_attendees_in_the_picker_by_typing() {
    use tiltak::app::review::Screen;
    let (mut app, _store) = app_with(backlog(), Lang::En);
    type_text(&mut app, "R");
    let setup_form = |app: &App| match &app.screen {
        Screen::Setup(setup) => setup.form.clone(),
        _ => panic!("no meeting set-up"),
    };
    for _ in 0..10 {
        if setup_form(&app).focused().id == FieldId::Attendees {
            break;
        }
        press(&mut app, KeyCode::Tab);
    }
    assert_eq!(setup_form(&app).focused().id, FieldId::Attendees);
    type_text(&mut app, "håk");
    assert_eq!(app.context(), Context::Picker);
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("▶ [ ] Håkon Sørli"), "{shown}");
    press(&mut app, KeyCode::Char(' '));
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.context(), Context::Setup, "back in the set-up");
    assert!(ticked(&setup_form(&app)).contains(&"Håkon Sørli".to_string()));
    // Esc in the picker goes back to the set-up.
    type_text(&mut app, "åse");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.context(), Context::Setup);
}

#[test]
fn long_titles_in_the_picker_and_the_palette_end_in_an_ellipsis_not_at_the_border() {
    let (mut app, _) = app_with(demo(), Lang::En);
    // D: the depends-on picker lists every other measure; at 60 columns T-2's title is too long.
    type_text(&mut app, "D");
    let shown = screen(&mut app, 60, 24);
    let row = shown
        .lines()
        .find(|l| l.contains("T-2 Grunnopplæring"))
        .unwrap_or_else(|| panic!("T-2 is offered:\n{shown}"));
    let inside = row.split('│').find(|cell| cell.contains("T-2")).unwrap().trim_end();
    assert!(inside.ends_with('…'), "cut with …, at a word:\n{shown}");
    assert!(!inside.ends_with(" …"), "{shown}");
    press(&mut app, KeyCode::Esc);

    // The palette's descriptions are cut the same way at 60 columns.
    handle_key(&mut app, ctrl('p'));
    type_text(&mut app, "next glossary term");
    let shown = screen(&mut app, 60, 24);
    assert!(
        shown.contains("▶ Measures: move to the next glossary term in the…"),
        "a long description ends in … at a word:\n{shown}"
    );
}
