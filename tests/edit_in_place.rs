//! An edit to one measure (status step, owner, title, note) moves only that measure's row
//! (issue 13: `s` on screen within a frame at 100k). Whatever the order, filter and search,
//! the rows after it are exactly the rows worked out afresh, and the cursor stays on its
//! measure.

mod common;
#[path = "../benches/support/mod.rs"]
mod support;

use std::time::{Duration, Instant};

use common::{app_with, press, type_text, wait_for_answer};
use ratatui::crossterm::event::KeyCode;
use tiltak::app::App;
use tiltak::domain::{LogEntry, MeasureDraft, Status};
use tiltak::i18n::Lang;
use tiltak::search::{MeasureFilter, SortKey, select};

fn expected(app: &App) -> Vec<usize> {
    select(
        &app.backlog,
        None,
        &app.filter,
        app.query(tiltak::app::Pane::Measures),
        app.sort,
        app.today(),
    )
    .rows
}

/// The edits a user makes to the selected measure, each through the domain as the app does.
fn edit(app: &mut App, round: usize) {
    let Some(id) = app.selected_measure() else {
        return;
    };
    let now = app.clock.now();
    let edit = match round % 5 {
        0 => return press(app, KeyCode::Char('s')),
        1 => return press(app, KeyCode::Char('S')),
        2 => {
            let mut draft = MeasureDraft::from_measure(app.backlog.measure(id).unwrap());
            draft.title = format!("Ærlig skolebygg {round}");
            app.backlog.update_measure(id, draft, now).unwrap().unwrap()
        }
        3 => {
            let owner = app.backlog.owners[round % app.backlog.owners.len()].id;
            let mut draft = MeasureDraft::from_measure(app.backlog.measure(id).unwrap());
            draft.owner = Some(owner);
            draft.due = None;
            match app.backlog.update_measure(id, draft, now).unwrap() {
                Some(edit) => edit,
                None => return,
            }
        }
        _ => {
            let entry = LogEntry::note(now, "Notat om skolen".into());
            app.backlog.log_to_measure(id, entry).unwrap()
        }
    };
    app.changed(&edit.redo);
}

#[test]
fn rows_after_edits_equal_rows_worked_out_afresh_in_every_order_filter_and_search() {
    let filters = [
        MeasureFilter::default(),
        MeasureFilter {
            statuses: vec![Status::Idea, Status::Assessing, Status::Decided],
            ..MeasureFilter::default()
        },
        MeasureFilter {
            active_only: true,
            ..MeasureFilter::default()
        },
    ];
    for sort in SortKey::ALL {
        for filter in &filters {
            for query in ["", "skole", "aerlig"] {
                let (mut app, _) = app_with(support::generated(120), Lang::Nb);
                app.sort = sort;
                app.set_filter(filter.clone());
                if !query.is_empty() {
                    press(&mut app, KeyCode::Char('/'));
                    type_text(&mut app, query);
                    press(&mut app, KeyCode::Enter);
                }
                for round in 0..20 {
                    for _ in 0..round % 7 {
                        press(&mut app, KeyCode::Char('j'));
                    }
                    let before = app.selected_measure();
                    edit(&mut app, round);
                    let context = format!("{sort:?}, {filter:?}, {query:?}, round {round}");
                    assert_eq!(app.measures.rows, expected(&app), "{context}");
                    let index = before.and_then(|id| app.backlog.measures.iter().position(|m| m.id == id));
                    if let Some(index) = index.filter(|i| app.measures.rows.contains(i)) {
                        assert_eq!(
                            app.measures.selected_row(),
                            Some(index),
                            "the cursor follows: {context}"
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn a_status_step_in_a_long_searched_list_keeps_the_rows_until_the_worker_answers() {
    let (mut app, _) = app_with(support::generated(20_000), Lang::Nb);
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "skole");
    press(&mut app, KeyCode::Enter);
    wait_for_answer(&mut app);
    press(&mut app, KeyCode::Char('j'));
    let chosen = app.selected_measure().unwrap();
    let status = app.backlog.measure(chosen).unwrap().status;
    let rows = app.measures.rows.clone();

    press(&mut app, KeyCode::Char('s'));
    assert_ne!(app.backlog.measure(chosen).unwrap().status, status);
    if app.pending_search().is_some() {
        assert_eq!(app.measures.rows, rows, "the same measures until the answer comes");
    }
    wait_for_answer(&mut app);
    assert_eq!(app.measures.rows, expected(&app));
    assert_eq!(
        app.selected_measure(),
        Some(chosen),
        "the cursor stays on the stepped measure"
    );

    // Without a query the rows follow at once.
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Esc);
    for _ in 0..3 {
        press(&mut app, KeyCode::Char('s'));
        assert_eq!(app.pending_search(), None);
        assert_eq!(app.measures.rows, expected(&app));
        assert_eq!(app.selected_measure(), Some(chosen));
    }
}

#[test]
fn a_long_backlog_shows_its_rows_at_once_and_its_insight_numbers_a_moment_later() {
    let (mut app, _) = app_with(support::generated(20_000), Lang::Nb);
    assert_eq!(
        app.measures.rows,
        expected(&app),
        "the rows are there for the first frame"
    );
    assert!(app.insight_pending(), "the numbers are left to a thread");
    let start = Instant::now();
    while app.insight_pending() {
        assert!(start.elapsed() < Duration::from_secs(60), "no insight numbers");
        app.poll_insight();
        std::thread::sleep(Duration::from_millis(2));
    }
    assert_eq!(
        app.insight,
        tiltak::insight::Insight::compute(&app.backlog, app.today())
    );
}

#[test]
fn needed_by_and_parts_follow_edits_and_undo_without_reading_every_measure() {
    let (mut app, _) = app_with(support::generated(60), Lang::Nb);
    let ids: Vec<_> = app.backlog.measures.iter().map(|m| m.id).collect();
    let now = app.clock.now();
    let same = |app: &App| {
        ids.iter().all(|id| {
            let linked = (
                app.linked.needed_by(&app.backlog, *id),
                app.linked.parts(&app.backlog, *id),
            );
            linked == (app.backlog.needed_by(*id), app.backlog.parts(*id))
        })
    };
    for (n, (child, parent)) in [(3, 7), (4, 7), (7, 9), (3, 9)].into_iter().enumerate() {
        let mut draft = MeasureDraft::from_measure(app.backlog.measure(ids[child]).unwrap());
        if n % 2 == 0 {
            draft.depends_on.push(ids[parent]);
        } else {
            draft.part_of = Some(ids[parent]);
        }
        let edit = app.backlog.update_measure(ids[child], draft, now).unwrap().unwrap();
        app.changed(&edit.redo);
        assert!(same(&app), "after linking {child} to {parent}");
    }
    assert_eq!(app.linked.needed_by(&app.backlog, ids[7]).len(), 1);
    assert_eq!(app.linked.parts(&app.backlog, ids[7]).len(), 1);
    let undo = app.backlog.update_measure(
        ids[4],
        {
            let mut draft = MeasureDraft::from_measure(app.backlog.measure(ids[4]).unwrap());
            draft.part_of = None;
            draft
        },
        now,
    );
    app.changed(&undo.unwrap().unwrap().redo);
    assert!(same(&app));
    assert!(app.linked.parts(&app.backlog, ids[7]).is_empty());
}
