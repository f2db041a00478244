//! Small things a daily user trips over (issue 14, point 6), each as the user meets it.

mod common;

use common::*;
use ratatui::crossterm::event::KeyCode;
use tiltak::app::handle_key;
use tiltak::i18n::Lang;

#[test]
fn t_toggles_the_triage_view_off_again() {
    let (mut app, _store) = app_with(demo(), Lang::En);
    let all = app.measures.rows.len();
    type_text(&mut app, "T");
    let triage = app.measures.rows.len();
    assert!(triage < all, "the demo has measures that need no triage");
    assert!(screen(&mut app, 120, 40).contains("To triage"));
    type_text(&mut app, "T");
    assert_eq!(app.measures.rows.len(), all);
    assert_eq!(app.view_name, None);
    assert!(screen(&mut app, 120, 40).contains("The triage view is off"));
}

#[test]
fn ctrl_u_clears_the_focused_form_field() {
    let (mut app, _store) = app_with(demo(), Lang::En);
    type_text(&mut app, "e");
    handle_key(&mut app, ctrl('u'));
    type_text(&mut app, "Ny tittel");
    handle_key(&mut app, ctrl('s'));
    let id = app.selected_measure().unwrap();
    assert_eq!(app.backlog.measure(id).unwrap().title, "Ny tittel");
}

#[test]
fn a_read_only_window_never_says_saved() {
    let (mut app, _store) = app_with(demo(), Lang::En);
    assert!(screen(&mut app, 100, 30).contains("✓ saved"));
    app.read_only = true;
    let shown = screen(&mut app, 100, 30);
    assert!(!shown.contains("saved"), "{shown}");
    let status = shown.lines().nth(29).unwrap();
    assert!(status.ends_with("read only"), "{status}");
    press(&mut app, KeyCode::Char('u'));
    assert!(!screen(&mut app, 100, 30).contains("saved"));
}

#[test]
fn hash_goes_to_a_measure_by_id_even_when_the_filter_hides_it() {
    let (mut app, _store) = app_with(demo(), Lang::En);
    type_text(&mut app, "T");
    let hidden = app
        .backlog
        .measures
        .iter()
        .enumerate()
        .find(|(i, _)| !app.measures.rows.contains(i))
        .map(|(_, m)| m.id)
        .expect("the triage view hides some measures");
    type_text(&mut app, "3");
    type_text(&mut app, &format!("#{hidden}"));
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.selected_measure(), Some(hidden));
    assert_eq!(app.focus, tiltak::app::Pane::Measures);
    // Without the prefix too.
    type_text(&mut app, "#1");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.selected_measure().map(|id| id.to_string()), Some("T-1".to_string()));
    // An id that does not exist says so and keeps the prompt for a fix.
    type_text(&mut app, "#T-999");
    press(&mut app, KeyCode::Enter);
    let shown = screen(&mut app, 100, 30);
    assert!(shown.contains("No measure “T-999”"), "{shown}");
    handle_key(&mut app, ctrl('u'));
    type_text(&mut app, "2");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.selected_measure().map(|id| id.to_string()), Some("T-2".to_string()));
}

#[test]
fn esc_on_a_form_with_changes_asks_first_and_an_untouched_form_just_closes() {
    let (mut app, _store) = app_with(demo(), Lang::En);
    let count = app.backlog.measures.len();
    type_text(&mut app, "n");
    press(&mut app, KeyCode::Esc);
    assert!(
        matches!(app.overlay, tiltak::app::Overlay::None),
        "nothing typed: closes at once"
    );

    type_text(&mut app, "nEt nytt tiltak");
    press(&mut app, KeyCode::Esc);
    assert!(
        matches!(app.overlay, tiltak::app::Overlay::Form(_)),
        "the typing is kept"
    );
    assert!(screen(&mut app, 120, 40).contains("unsaved changes: Esc again throws them away"));
    // Another key goes on editing; the question is asked again on the next Esc.
    type_text(&mut app, "!");
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.overlay, tiltak::app::Overlay::Form(_)));
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.overlay, tiltak::app::Overlay::None));
    assert_eq!(app.backlog.measures.len(), count, "thrown away, not saved");
}

#[test]
fn t_sets_any_status_on_the_marked_measures_as_one_undo_step() {
    let (mut app, _store) = app_with(demo(), Lang::En);
    let before = app.backlog.clone();
    type_text(&mut app, " j ");
    let marked: Vec<_> = app.marks.iter().copied().collect();
    assert_eq!(marked.len(), 2);
    type_text(&mut app, "t");
    let shown = screen(&mut app, 120, 40);
    assert!(shown.contains("Status – for 2 measures"), "{shown}");
    assert!(
        shown.contains("in progress") && shown.contains("rejected"),
        "every status is offered:\n{shown}"
    );
    type_text(&mut app, "park");
    press(&mut app, KeyCode::Enter);
    for id in &marked {
        let m = app.backlog.measure(*id).unwrap();
        assert_eq!(m.status, tiltak::domain::Status::Parked);
        let last = m.log.last().unwrap();
        assert_eq!(last.to, Some(tiltak::domain::Status::Parked), "the change is logged");
    }
    type_text(&mut app, "u");
    assert_eq!(app.backlog.measures, before.measures);
}

#[test]
fn the_overview_advertises_no_keys_that_do_nothing_and_keeps_m_at_80_columns() {
    let (mut app, _store) = app_with(demo(), Lang::En);
    type_text(&mut app, "5");
    let shown = screen(&mut app, 80, 24);
    let status = shown.lines().nth(23).unwrap();
    assert!(!status.contains("e edit") && !status.contains("d delete"), "{status}");
    assert!(status.contains("m "), "the grid switch keeps its hint: {status}");
    type_text(&mut app, "4");
    let status = screen(&mut app, 120, 40).lines().nth(39).unwrap().to_string();
    assert!(!status.contains("d delete"), "meetings are never deleted: {status}");
    assert!(status.contains("u undo"), "{status}");
}

#[test]
fn the_delete_question_keeps_its_keys_visible_with_a_long_title() {
    let (mut app, _store) = app_with(demo(), Lang::En);
    type_text(&mut app, "e");
    handle_key(&mut app, ctrl('u'));
    type_text(&mut app, &"Et svært langt tiltak om felles innbyggerinngang ".repeat(5));
    handle_key(&mut app, ctrl('s'));
    type_text(&mut app, "d");
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("y: yes · n/Esc: no"), "{shown}");
}

#[test]
fn the_form_footer_never_says_enter_both_saves_and_makes_a_new_line() {
    let (mut app, _store) = app_with(demo(), Lang::En);
    type_text(&mut app, "e");
    assert!(
        screen(&mut app, 100, 30).contains("Enter/Ctrl-s: save"),
        "a one-line field saves"
    );
    press(&mut app, KeyCode::Tab);
    let shown = screen(&mut app, 100, 30);
    assert!(shown.contains("Enter: new line · Ctrl-s: save"), "{shown}");
    assert!(!shown.contains("Enter/Ctrl-s: save"), "{shown}");
    assert!(shown.contains("Ctrl-e: your editor"), "{shown}");
}

#[test]
fn with_the_charts_on_enter_never_drills_into_the_hidden_grid() {
    let (mut app, _store) = app_with(demo(), Lang::En);
    type_text(&mut app, "5c");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.focus, tiltak::app::Pane::Overview, "still on the charts");
    assert!(screen(&mut app, 100, 30).contains("The charts are shown: press c for the grid"));
    type_text(&mut app, "c");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.focus, tiltak::app::Pane::Measures, "the grid drills down as before");
}

#[test]
fn the_triage_chip_shows_once() {
    let (mut app, _store) = app_with(demo(), Lang::En);
    type_text(&mut app, "T");
    let shown = screen(&mut app, 120, 40);
    let header = shown.lines().nth(1).unwrap().to_lowercase();
    assert_eq!(header.matches("to triage").count(), 1, "{header}");
    // A filter set by hand still shows its chip.
    let (mut app2, _store) = app_with(demo(), Lang::En);
    app2.set_filter(tiltak::search::MeasureFilter {
        untriaged: true,
        ..Default::default()
    });
    let header = screen(&mut app2, 120, 40).lines().nth(1).unwrap().to_lowercase();
    assert_eq!(header.matches("to triage").count(), 1, "{header}");
}

#[test]
fn a_measure_in_the_triage_view_says_what_it_lacks() {
    let (mut app, _store) = app_with(demo(), Lang::En);
    type_text(&mut app, "T");
    let id = app.selected_measure().unwrap();
    let m = app.backlog.measure(id).unwrap().clone();
    let shown = screen(&mut app, 120, 40);
    assert!(shown.contains("In triage because it lacks:"), "{shown}");
    assert_eq!(shown.contains("an owner"), m.owner.is_none(), "{shown}");
    assert_eq!(shown.contains("a sector"), m.sectors.is_empty(), "{shown}");
    assert_eq!(shown.contains("a priority"), m.priorities.is_empty(), "{shown}");
    type_text(&mut app, "T");
    assert!(!screen(&mut app, 120, 40).contains("In triage because"));
}

#[test]
fn the_detail_panel_scrolls_no_further_than_its_last_line() {
    let (mut app, _) = app_with(demo(), Lang::En);
    let top = screen(&mut app, 100, 30);
    for _ in 0..40 {
        type_text(&mut app, "J");
        screen(&mut app, 100, 30);
    }
    let max = app.detail_max_scroll;
    assert!(max > 0 && max < 40 * 3, "max {max}");
    assert_eq!(app.detail_scroll, max);
    let bottom = screen(&mut app, 100, 30);
    assert_ne!(bottom, top);
    // One step back up shows a change at once (no presses lost past the end).
    type_text(&mut app, "K");
    assert_ne!(screen(&mut app, 100, 30), bottom);
}

#[test]
fn the_matrix_row_labels_use_the_width_the_screen_has() {
    let (mut app, _) = app_with(demo(), Lang::Nb);
    type_text(&mut app, "5");
    let wide = screen(&mut app, 120, 40);
    assert!(wide.contains("3. Digital kompetanse i grunnopplæringen "), "{wide}");
    // At 80 columns the sectors come first and the labels are cut with `…`.
    let narrow = screen(&mut app, 80, 24);
    assert!(!narrow.contains("grunnopplæringen"), "{narrow}");
}

#[test]
fn the_value_effort_grid_names_the_measures_of_a_cell_when_they_fit() {
    let (mut app, _) = app_with(demo(), Lang::En);
    type_text(&mut app, "5m");
    // Value 4, effort 3 holds one measure: T-7, with its title when there is room.
    let wide = screen(&mut app, 160, 48);
    assert!(wide.contains("T-7 KI-assis"), "{wide}");
    // Value 4, effort 1 has four measures; at 80×24 two lines of ids hold them all.
    let narrow = screen(&mut app, 80, 24);
    assert!(narrow.contains("T-9 T-20"), "{narrow}");
    assert!(narrow.contains("T-22 T-23"), "{narrow}");
}
