//! Meetings the group can trust (issue 10), driven by key presses: decisions in the reader's
//! language, no action on hidden marks, interrupted meetings resumed, planned meetings, the
//! changes view, contextual help, and snapshots at 80×24 and 100×30 in both languages.

mod common;

use common::*;
use ratatui::crossterm::event::KeyCode;
use tiltak::app::review::Screen;
use tiltak::app::{App, Confirm, Overlay, Pane, handle_key};
use tiltak::domain::{Backlog, Id, MeasureId, MeetingState, Status};
use tiltak::i18n::Lang;

fn review_index(app: &App) -> usize {
    match &app.screen {
        Screen::Review(review) => review.index,
        _ => panic!("not in a review"),
    }
}

fn meeting_row(app: &mut App, id: &str) {
    type_text(app, "4");
    type_text(app, "g");
    for _ in 0..app.backlog.meetings.len() {
        if app.selected_meeting().map(|m| m.to_string()).as_deref() == Some(id) {
            return;
        }
        type_text(app, "j");
    }
    panic!("{id} not in the Meetings pane");
}

#[test]
fn a_meeting_held_in_norwegian_reads_in_english_and_old_decisions_show_as_written() {
    let (mut app, _) = app_with(demo(), Lang::En);
    meeting_row(&mut app, "M-3");
    let pane = screen(&mut app, 120, 40);
    let row = pane.lines().find(|l| l.contains("M-3") && l.contains("held")).unwrap();
    let counts: Vec<&str> = row
        .trim_end_matches(['│', ' '])
        .split_whitespace()
        .rev()
        .take(2)
        .collect();
    assert_eq!(
        counts,
        ["7", "8"],
        "eight items (six measures, two terms), seven decided:\n{pane}"
    );
    press(&mut app, KeyCode::Enter);
    let shown = screen(&mut app, 120, 40);
    assert!(shown.contains("→ Approved. Budsjettinnspillet fremmes"), "{shown}");
    assert!(shown.contains("→ Noted. Retningslinjene sendes"), "{shown}");
    assert!(
        shown.contains("→ Godkjent som fullført."),
        "a decision from before kinds existed stays as written:\n{shown}"
    );
    assert!(shown.contains("Absent: Tor Even Sæther"), "{shown}");
    assert!(shown.contains("Guests: Eva Lunde (økonomisjef)"), "{shown}");
    // Six measures and two glossary terms at ten minutes each.
    assert!(shown.contains("Time used: 45 min of 80 min"), "{shown}");
    assert!(
        shown.contains("7 of 8 items discussed"),
        "the noted item and the agreed terms count as treated:\n{shown}"
    );
    assert!(shown.contains(" 7. B-11 Tjenestedesign"), "{shown}");
    assert!(
        shown.contains("B-12 Tverrsektoriell prioritering") && shown.matches("→ Agreed").count() == 2,
        "the terms follow the measures with their decisions:\n{shown}"
    );
    let (mut nb, _) = app_with(demo(), Lang::Nb);
    meeting_row(&mut nb, "M-3");
    press(&mut nb, KeyCode::Enter);
    let shown = screen(&mut nb, 120, 40);
    assert!(
        shown.contains("→ Tatt til orientering. Retningslinjene sendes"),
        "{shown}"
    );
}

fn ids(app: &App) -> Vec<MeasureId> {
    app.measures.rows.iter().map(|i| app.backlog.measures[*i].id).collect()
}

#[test]
fn bulk_actions_ask_before_touching_marks_the_filter_hides() {
    let (mut app, _) = app_with(demo(), Lang::En);
    let rows = ids(&app);
    type_text(&mut app, " j ");
    let (first, third) = (rows[0], rows[2]);
    let before: Vec<Status> = [first, third]
        .iter()
        .map(|id| app.backlog.measure(*id).unwrap().status)
        .collect();
    let title = app.backlog.measure(first).unwrap().title.clone();
    type_text(&mut app, "/");
    type_text(&mut app, &title);
    press(&mut app, KeyCode::Enter);
    assert!(!ids(&app).contains(&third), "the search hides the third");
    assert!(screen(&mut app, 120, 30).contains("● 2 marked (1 hidden)"));

    type_text(&mut app, "s");
    assert!(matches!(
        app.overlay,
        Overlay::Confirm(Confirm::HiddenMarks {
            marked: 2,
            hidden: 1,
            ..
        })
    ));
    assert!(screen(&mut app, 120, 30).contains("2 marked, 1 hidden by the filter or search – act on all 2?"));
    type_text(&mut app, "n");
    assert_eq!(
        app.backlog.measure(first).unwrap().status,
        before[0],
        "no: nothing happens"
    );

    type_text(&mut app, "s");
    type_text(&mut app, "v");
    assert_ne!(
        app.backlog.measure(first).unwrap().status,
        before[0],
        "the visible one moved"
    );
    assert_eq!(
        app.backlog.measure(third).unwrap().status,
        before[1],
        "the hidden one did not"
    );
    assert_eq!(app.marks.len(), 1, "v keeps only the visible marks");

    type_text(&mut app, "u");
    type_text(&mut app, " ");
    assert!(app.marks.is_empty());
    // y: all of them, after the question.
    press(&mut app, KeyCode::Esc);
    type_text(&mut app, "g j j ");
    type_text(&mut app, "/");
    type_text(&mut app, &title);
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "s");
    assert!(matches!(app.overlay, Overlay::Confirm(Confirm::HiddenMarks { .. })));
    type_text(&mut app, "y");
    assert_ne!(
        app.backlog.measure(third).unwrap().status,
        before[1],
        "y acts on the hidden one too"
    );
}

#[test]
fn starting_and_ending_a_meeting_from_marks_leaves_no_marks() {
    let (mut app, _) = app_with(demo(), Lang::En);
    type_text(&mut app, " j ");
    type_text(&mut app, "R");
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.screen, Screen::Review(_)));
    assert!(app.marks.is_empty(), "starting a review from marks clears them");
    press(&mut app, KeyCode::Esc);
    type_text(&mut app, "y");
    assert!(app.marks.is_empty());
}

#[test]
fn ctrl_c_in_a_review_asks_and_a_killed_meeting_can_be_resumed() {
    let (mut app, store) = app_with(demo(), Lang::En);
    type_text(&mut app, "R");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "t");
    press(&mut app, KeyCode::Right);
    type_text(&mut app, "t");
    press(&mut app, KeyCode::Right);
    handle_key(&mut app, ctrl('c'));
    assert!(
        matches!(app.overlay, Overlay::Confirm(Confirm::EndReview)),
        "Ctrl-c asks like Esc"
    );
    type_text(&mut app, "n");
    assert!(matches!(app.screen, Screen::Review(_)) && !app.should_quit);
    // The app is killed here: what was saved is all that is left.
    let saved: Backlog = store.saves.borrow().last().unwrap().clone();
    let id = saved.meetings.iter().max_by_key(|m| m.id).unwrap().id;
    assert_eq!(saved.meeting(id).unwrap().state, MeetingState::Running);
    let minutes = tiltak::export::minutes::minutes(&saved, saved.meeting(id).unwrap(), Lang::En);
    assert!(
        minutes.contains("*The meeting was interrupted before it ended.*") && minutes.contains("## 2. "),
        "the minutes of an interrupted meeting can be written:\n{minutes}"
    );

    let (mut again, _) = app_with(saved, Lang::En);
    meeting_row(&mut again, &id.to_string());
    assert!(screen(&mut again, 120, 30).contains("interrupted"));
    press(&mut again, KeyCode::Enter);
    assert!(
        screen(&mut again, 120, 30).contains(&format!("Meeting {id} was interrupted. Resume at item 3?")),
        "two items were noted"
    );
    type_text(&mut again, "y");
    assert_eq!(review_index(&again), 2);
    press(&mut again, KeyCode::Esc);
    type_text(&mut again, "y");
    assert!(matches!(again.screen, Screen::Summary(_)));
    assert_eq!(again.backlog.meeting(id).unwrap().state, MeetingState::Held);
}

#[test]
fn a_planned_meeting_is_saved_edited_listed_first_started_and_deleted() {
    let (mut app, _) = app_with(demo(), Lang::En);
    type_text(&mut app, "4n");
    handle_key(&mut app, ctrl('s'));
    assert!(
        matches!(app.screen, Screen::Main),
        "Ctrl-s saves it as planned without starting"
    );
    let planned = app.backlog.meetings.last().unwrap().clone();
    assert_eq!(planned.state, MeetingState::Planned);
    assert_eq!(app.selected_meeting(), Some(planned.id));

    // e edits it: a place and a time, saved again as planned.
    type_text(&mut app, "e");
    assert!(matches!(app.screen, Screen::Setup(_)));
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "13:30");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "Kantina");
    handle_key(&mut app, ctrl('s'));
    let edited = app.backlog.meeting(planned.id).unwrap();
    assert_eq!(
        (edited.place.as_str(), edited.state),
        ("Kantina", MeetingState::Planned)
    );
    assert_eq!(edited.time, jiff::civil::Time::new(13, 30, 0, 0).ok());
    assert_eq!(app.backlog.meetings.len(), 5, "edited in place");

    // Planned meetings come first, soonest first, with their date.
    let shown = screen(&mut app, 100, 30);
    let new_row = shown.find(&planned.id.to_string()).unwrap();
    let held_row = shown.find("M-3").unwrap();
    assert!(new_row < held_row, "{shown}");

    // d on a held meeting refuses and says why; on a planned one it asks.
    meeting_row(&mut app, "M-3");
    type_text(&mut app, "d");
    assert!(screen(&mut app, 140, 30).contains("Meeting M-3 was held and is kept as a record"));
    type_text(&mut app, "e");
    assert!(matches!(app.screen, Screen::Main), "e on a held meeting opens nothing");
    meeting_row(&mut app, &planned.id.to_string());
    type_text(&mut app, "d");
    assert!(matches!(app.overlay, Overlay::Confirm(Confirm::DeleteMeeting(_))));
    type_text(&mut app, "y");
    assert!(app.backlog.meeting(planned.id).is_none());
    type_text(&mut app, "u");
    assert!(app.backlog.meeting(planned.id).is_some(), "deleting is undoable");

    // Enter on a planned meeting opens its set-up; Enter there starts it.
    meeting_row(&mut app, "M-4");
    press(&mut app, KeyCode::Enter);
    assert!(matches!(&app.screen, Screen::Setup(s) if s.editing == Some(Id(4))));
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.screen, Screen::Review(_)));
    let started = app.backlog.meeting(Id(4)).unwrap();
    assert_eq!(started.state, MeetingState::Running);
    assert_eq!(started.absent, vec![Id(5)], "members not ticked are recorded as absent");
}

#[test]
fn a_writes_the_invitation_and_c_shows_the_changes() {
    let (mut app, store) = app_with(demo(), Lang::En);
    meeting_row(&mut app, "M-4");
    type_text(&mut app, "A");
    let files = store.files.borrow();
    let (path, bytes) = files.last().expect("written");
    assert_eq!(
        path.to_str(),
        Some("/data/agendas/2026-12-14-toppledermote-desember.md")
    );
    assert!(
        String::from_utf8(bytes.clone())
            .unwrap()
            .starts_with("# Invitation: Toppledermøte – desember")
    );
    drop(files);
    type_text(&mut app, "C");
    assert_eq!(app.focus, Pane::Meetings);
    let shown = screen(&mut app, 100, 30);
    assert!(shown.contains("Changes since M-3"), "{shown}");
    assert!(shown.contains("• new measure"), "{shown}");
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.screen, Screen::Main));
}

#[test]
fn help_in_a_review_shows_the_review_keys_first_and_g_end_move_in_it() {
    let (mut app, _) = app_with(demo(), Lang::En);
    type_text(&mut app, "R");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "?");
    let shown = screen(&mut app, 80, 24);
    let review = shown.find("Meeting review").expect("the review section");
    let lists = shown.find("Lists").unwrap_or(usize::MAX);
    assert!(review < lists, "{shown}");
    assert!(shown.contains("Noted (no change)"), "{shown}");
    press(&mut app, KeyCode::End);
    let bottom = screen(&mut app, 80, 24);
    assert!(
        bottom.contains("Only in the command palette"),
        "End goes to the end:\n{bottom}"
    );
    type_text(&mut app, "k");
    assert_ne!(screen(&mut app, 80, 24), bottom, "k after End moves at once");
    type_text(&mut app, "g");
    assert_eq!(screen(&mut app, 80, 24), shown, "g goes back to the top");
}

#[test]
fn one_item_is_singular_and_the_agenda_total_survives_an_empty_date() {
    let (mut app, _) = app_with(demo(), Lang::Nb);
    type_text(&mut app, " R");
    press(&mut app, KeyCode::Tab);
    for _ in 0..10 {
        press(&mut app, KeyCode::Backspace);
    }
    let shown = screen(&mut app, 100, 30);
    assert!(shown.contains("Saksliste: 1 sak · 5 min"), "{shown}");
}

fn snap(app: &mut App, name: &str) {
    for (w, h) in [(80, 24), (100, 30)] {
        insta::assert_snapshot!(format!("{name}_{w}x{h}_{:?}", app.lang), screen(app, w, h));
    }
}

#[test]
fn snapshots_of_review_summary_planned_meeting_and_changes() {
    for lang in [Lang::Nb, Lang::En] {
        let (mut app, _) = app_with(demo(), lang);
        meeting_row(&mut app, "M-4");
        press(&mut app, KeyCode::Enter);
        snap(&mut app, "planned");
        press(&mut app, KeyCode::Enter);
        app.clock = at(130);
        snap(&mut app, "review");
        press(&mut app, KeyCode::Esc);
        type_text(&mut app, "y");
        press(&mut app, KeyCode::Esc);
        meeting_row(&mut app, "M-3");
        press(&mut app, KeyCode::Enter);
        snap(&mut app, "summary");
        press(&mut app, KeyCode::Esc);
        type_text(&mut app, "C");
        snap(&mut app, "changes");
    }
}

fn at(secs: i64) -> tiltak::app::Clock {
    let start: jiff::Timestamp = NOW.parse().unwrap();
    tiltak::app::Clock::Fixed(start.checked_add(jiff::SignedDuration::from_secs(secs)).unwrap())
}

#[test]
fn a_read_only_window_cannot_start_or_plan_a_meeting() {
    let (mut app, store) = app_with(demo(), Lang::En);
    app.read_only = true;
    let before = app.backlog.clone();
    meeting_row(&mut app, "M-4");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    handle_key(&mut app, ctrl('s'));
    assert_eq!(app.backlog, before);
    assert!(store.saves.borrow().is_empty());
}

#[test]
fn undo_after_a_meeting_ended_reopens_it_as_interrupted() {
    let (mut app, _) = app_with(demo(), Lang::En);
    type_text(&mut app, "R");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "t");
    press(&mut app, KeyCode::Esc);
    type_text(&mut app, "y");
    press(&mut app, KeyCode::Esc);
    let id = app.backlog.meetings.last().unwrap().id;
    assert_eq!(app.backlog.meeting(id).unwrap().state, MeetingState::Held);
    type_text(&mut app, "u");
    assert_eq!(app.backlog.meeting(id).unwrap().state, MeetingState::Running);
    meeting_row(&mut app, &id.to_string());
    assert!(screen(&mut app, 120, 30).contains("interrupted"));
    press(&mut app, KeyCode::Enter);
    assert!(screen(&mut app, 120, 30).contains("Resume at item 2?"));
}

/// A file written before decisions had kinds and meetings had a state: it loads, the meeting
/// counts as held, and its decision reads exactly as it was written, in either language.
#[test]
fn a_file_from_before_decision_kinds_loads_and_shows_its_decisions_as_written() {
    let old = r#"{
  "schema_version": 1,
  "name": "Gammel",
  "next_ids": {"measure": 2, "owner": 1, "priority": 1, "sector": 1, "meeting": 2},
  "measures": [{
    "id": "T-1", "title": "Gammelt tiltak", "status": "decided",
    "created": "2026-01-01T09:00:00Z", "updated": "2026-02-02T12:00:00Z",
    "log": [{"at": "2026-02-02T12:00:00Z", "kind": "decision", "text": "Vedtatt etter drøfting.", "meeting": "M-1"}]
  }],
  "meetings": [{
    "id": "M-1", "date": "2026-02-02", "title": "Ledermøte", "agenda": ["T-1"],
    "decisions": [{"measure": "T-1", "at": "2026-02-02T12:00:00Z", "text": "Vedtatt etter drøfting."}]
  }]
}"#;
    let backlog = tiltak::store::load::parse(std::path::Path::new("old.json"), old.as_bytes()).unwrap();
    let meeting = backlog.meeting(Id(1)).unwrap();
    assert_eq!(meeting.state, MeetingState::Held);
    assert_eq!(meeting.decisions[0].kind, None);
    for lang in [Lang::En, Lang::Nb] {
        let minutes = tiltak::export::minutes::minutes(&backlog, meeting, lang);
        assert!(minutes.contains(":** Vedtatt etter drøfting."), "{minutes}");
        let (mut app, _) = app_with(backlog.clone(), lang);
        type_text(&mut app, "L");
        assert!(screen(&mut app, 100, 20).contains("Vedtatt etter drøfting."));
    }
}
