//! Typing in a long Measures list: the key returns at once, the match runs on the worker
//! thread, and its answer gives exactly the rows the synchronous search gives.

mod common;
#[path = "../benches/support/mod.rs"]
mod support;

use common::{app_with, press, screen, type_text, wait_for_answer};
use ratatui::crossterm::event::KeyCode;
use tiltak::app::{App, Pane};
use tiltak::i18n::Lang;
use tiltak::search::{Found, SortKey, select};

/// Enough measures for the worker (it takes over from 5,000), small enough for a debug build.
const COUNT: usize = 20_000;

fn expected(app: &App, query: &str) -> Vec<usize> {
    select(&app.backlog, None, &app.filter, query, app.sort, app.today()).rows
}

#[test]
fn typing_never_waits_stale_answers_are_dropped_and_the_answer_equals_select() {
    let (mut app, _) = app_with(support::generated(COUNT), Lang::Nb);
    let all = app.measures.rows.clone();
    press(&mut app, KeyCode::Char('/'));

    type_text(&mut app, "s");
    let first = app.pending_search().expect("a long list is searched on the worker");
    assert_eq!(app.measures.rows, all, "the key returned before any answer was put in");
    assert!(screen(&mut app, 100, 20).contains("/ s█  søker …"));

    type_text(&mut app, "ko");
    let last = app.pending_search().expect("still searching");
    assert!(last > first);
    assert!(
        !app.apply_search_results(first, Found::default()),
        "an answer to an older query is dropped"
    );
    assert_eq!(app.measures.rows, all);

    wait_for_answer(&mut app);
    assert_eq!(app.measures.rows, expected(&app, "sko"));
    assert_eq!(app.measures.cursor, 0, "the best match gets the cursor");
    assert!(!screen(&mut app, 100, 20).contains("søker"));

    // A query that grows is matched against the last hits only; the rows are still the same.
    for (typed, query) in [("l", "skol"), ("e", "skole"), (" 1", "skole 1")] {
        type_text(&mut app, typed);
        wait_for_answer(&mut app);
        assert_eq!(app.measures.rows, expected(&app, query), "{query:?}");
    }

    // In another order the answer keeps that order.
    press(&mut app, KeyCode::Enter);
    app.sort = SortKey::Title;
    app.refresh_measures();
    press(&mut app, KeyCode::Char('/'));
    press(&mut app, KeyCode::Backspace);
    wait_for_answer(&mut app);
    assert_eq!(app.measures.rows, expected(&app, "skole "));
}

#[test]
fn esc_while_searching_shows_the_whole_list_even_when_the_answer_comes_late() {
    let (mut app, _) = app_with(support::generated(COUNT), Lang::En);
    let all = app.measures.rows.clone();
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "velferd");
    let pending = app.pending_search().expect("searching");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.pending_search(), None);
    assert_eq!(app.query(Pane::Measures), "");
    assert_eq!(app.measures.rows, all);
    // The worker's answer to "velferd", whenever it comes, never replaces the list.
    assert!(!app.apply_search_results(pending, Found::default()));
    assert_eq!(app.measures.rows, all);
    // The worker answers in order, so once the next query is answered (waited for, with a
    // bound) the "velferd" answer has come and gone: what is shown is the new query's rows.
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "skole");
    assert!(app.pending_search().is_some_and(|next| next > pending));
    wait_for_answer(&mut app);
    let skole = expected(&app, "skole");
    assert!(!skole.is_empty() && skole.len() < all.len());
    assert_eq!(app.measures.rows, skole);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.measures.rows, all);
}

#[test]
fn moving_while_searching_keeps_the_cursor_on_that_measure() {
    let (mut app, _) = app_with(support::generated(COUNT), Lang::Nb);
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "skole");
    wait_for_answer(&mut app);
    type_text(&mut app, " ");
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    let chosen = app.selected_measure();
    wait_for_answer(&mut app);
    assert_eq!(app.measures.rows, expected(&app, "skole "));
    assert_eq!(app.selected_measure(), chosen);
}

#[test]
fn a_backlog_reloaded_from_the_file_is_searched_afresh() {
    let (mut app, _) = app_with(support::generated(50), Lang::Nb);
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "skole");
    let before = app.measures.rows.clone();
    app.backlog = support::generated(80);
    app.replaced();
    assert_ne!(app.measures.rows, before);
    assert_eq!(app.measures.rows, expected(&app, "skole"));
}
