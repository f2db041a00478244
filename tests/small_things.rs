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
