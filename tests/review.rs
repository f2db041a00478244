//! The meeting review through key presses: set-up, decisions into logs and statuses, undo,
//! the timebox colours, the summary and minutes, the Meetings pane, the log view and `X`.

mod common;

use common::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;
use ratatui::style::Color;
use tiltak::app::review::Screen;
use tiltak::app::{App, Clock, Overlay, Pane, handle_key};
use tiltak::domain::{DecisionKind, Id, LogKind, MeasureId, Status};
use tiltak::i18n::Lang;
use tiltak::ui::{self, Theme};

fn at(secs: i64) -> Clock {
    let start: jiff::Timestamp = NOW.parse().unwrap();
    Clock::Fixed(start.checked_add(jiff::SignedDuration::from_secs(secs)).unwrap())
}

fn agenda(app: &App) -> Vec<MeasureId> {
    match &app.screen {
        Screen::Review(review) => review.agenda.clone(),
        Screen::Setup(setup) => setup.agenda.clone(),
        _ => panic!("not in a review"),
    }
}

fn current(app: &App) -> MeasureId {
    match &app.screen {
        Screen::Review(review) => review.current().unwrap(),
        _ => panic!("not in a review"),
    }
}

/// A review of the "Next meeting" suggestion on the demo, started at NOW.
fn started(lang: Lang) -> (App, MemoryStore) {
    let (mut app, store) = app_with(demo(), lang);
    type_text(&mut app, "R");
    assert!(matches!(app.screen, Screen::Setup(_)), "R opens the set-up");
    handle_key(&mut app, ctrl('n'));
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.screen, Screen::Review(_)), "Enter starts the meeting");
    (app, store)
}

fn suggestion(app: &App) -> Vec<MeasureId> {
    app.backlog
        .next_meeting_suggestion(app.today())
        .into_iter()
        .map(|(id, _)| id)
        .collect()
}

#[test]
fn setup_without_marks_proposes_active_measures_and_the_agenda_can_be_reordered_and_trimmed() {
    let (mut app, _) = app_with(demo(), Lang::En);
    type_text(&mut app, "R");
    let visible = agenda(&app);
    assert_eq!(visible, suggestion(&app), "nothing marked: the suggestion");
    assert!(visible.len() >= 4);
    assert!(
        visible
            .iter()
            .all(|id| app.backlog.measure(*id).unwrap().status.is_active()),
        "never done, parked or rejected measures"
    );
    let shown = screen(&mut app, 120, 30);
    assert!(
        shown.contains("awaiting decision") && shown.contains("overdue"),
        "each item says why it is there:\n{shown}"
    );
    for _ in 0..7 {
        press(&mut app, KeyCode::Tab);
    }
    type_text(&mut app, "J");
    assert_eq!(agenda(&app)[..2], [visible[1], visible[0]]);
    type_text(&mut app, "jd");
    assert_eq!(agenda(&app).len(), visible.len() - 1);
    assert!(!agenda(&app).contains(&visible[2]), "d drops the item under the cursor");
    handle_key(&mut app, ctrl('n'));
    assert_eq!(agenda(&app), suggestion(&app));
    let meetings = app.backlog.meetings.len();
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.screen, Screen::Main));
    assert_eq!(app.backlog.meetings.len(), meetings, "cancelling creates no meeting");
}

#[test]
fn bad_setup_values_are_shown_and_nothing_is_created() {
    let (mut app, store) = app_with(demo(), Lang::En);
    type_text(&mut app, "R");
    for _ in 0..4 {
        press(&mut app, KeyCode::Tab);
    }
    press(&mut app, KeyCode::Backspace);
    type_text(&mut app, "0");
    press(&mut app, KeyCode::Enter);
    assert!(screen(&mut app, 100, 30).contains("⚠ Enter whole minutes from 1 to 120."));
    assert!(store.saves.borrow().is_empty());
}

#[test]
fn decisions_land_in_log_status_and_meeting_and_undo_restores_them() {
    let (mut app, store) = started(Lang::En);
    let meeting = app.backlog.meetings.last().unwrap().id;
    assert_eq!(app.backlog.meeting(meeting).unwrap().agenda, agenda(&app));
    let before = app.backlog.clone();

    let first = current(&app);
    type_text(&mut app, "a");
    assert!(
        matches!(app.overlay, Overlay::Confirm(_)),
        "a shows the decision before recording it"
    );
    let status = app.backlog.measure(first).unwrap().status;
    assert_eq!(
        status,
        Status::Decided,
        "the demo's first suggestion is decided and overdue"
    );
    let shown = screen(&mut app, 100, 30);
    assert!(
        shown.contains("Confirmed, continue as planned (status decided kept)."),
        "approve on a decided measure says it confirms:\n{shown}"
    );
    assert_eq!(app.backlog, before, "nothing is recorded before the answer");
    type_text(&mut app, "y");
    let m = app.backlog.measure(first).unwrap();
    assert_eq!(m.status, Status::Decided);
    let decision = m.log.last().unwrap();
    assert_eq!(
        (decision.kind, decision.decision, decision.meeting),
        (LogKind::Decision, Some(DecisionKind::Confirmed), Some(meeting)),
        "a decision entry and no status change"
    );

    press(&mut app, KeyCode::Right);
    let second = current(&app);
    type_text(&mut app, "x");
    assert!(matches!(app.overlay, Overlay::Form(_)), "x asks for a reason");
    press(&mut app, KeyCode::Enter);
    assert!(screen(&mut app, 100, 30).contains("⚠ Give a reason for the rejection."));
    type_text(&mut app, "Too expensive this year");
    press(&mut app, KeyCode::Enter);
    let m = app.backlog.measure(second).unwrap();
    assert_eq!(m.status, Status::Rejected);
    let rejected = &app.backlog.meeting(meeting).unwrap().decisions[1];
    assert_eq!(
        (rejected.kind, rejected.text.as_str()),
        (Some(DecisionKind::Rejected), "Too expensive this year")
    );

    type_text(&mut app, " ");
    let third = current(&app);
    type_text(&mut app, "p");
    type_text(&mut app, "n");
    assert_ne!(
        app.backlog.measure(third).unwrap().status,
        Status::Parked,
        "n records nothing"
    );
    type_text(&mut app, "py");
    assert_eq!(app.backlog.measure(third).unwrap().status, Status::Parked);
    assert_eq!(
        store.saves.borrow().last(),
        Some(&app.backlog),
        "every decision is saved"
    );

    type_text(&mut app, "uuu");
    assert_eq!(app.backlog, before, "three undos take the three decisions back");
    type_text(&mut app, "u");
    assert!(
        app.backlog.meeting(meeting).is_some(),
        "undo never removes the meeting itself"
    );
    assert!(screen(&mut app, 100, 30).contains("Nothing from this meeting to undo."));

    type_text(&mut app, "d");
    type_text(&mut app, "2027-06-30");
    press(&mut app, KeyCode::Enter);
    let m = app.backlog.measure(third).unwrap();
    assert_eq!(m.due, Some(jiff::civil::date(2027, 6, 30)));
    assert_eq!(
        m.status,
        before.measure(third).unwrap().status,
        "deferring keeps the status"
    );

    // The owner picker lists owners by name, the current one under the cursor; ↓ moves to the
    // one after it and Enter records it at once.
    let mut by_name: Vec<_> = app.backlog.owners.iter().collect();
    by_name.sort_by_key(|o| o.name.to_lowercase());
    let was = before
        .measure(third)
        .unwrap()
        .owner
        .expect("the third item has an owner");
    let next = by_name[by_name.iter().position(|o| o.id == was).unwrap() + 1].id;
    type_text(&mut app, "o");
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.backlog.measure(third).unwrap().owner, Some(next));

    type_text(&mut app, "n");
    type_text(&mut app, "Ask KS about shared funding");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "- and the county");
    handle_key(&mut app, ctrl('s'));
    let note = app.backlog.measure(third).unwrap().log.last().unwrap().clone();
    assert_eq!((note.kind, note.meeting), (LogKind::Note, Some(meeting)));
    assert_eq!(
        note.text, "Ask KS about shared funding\n- and the county",
        "a note spans lines"
    );

    type_text(&mut app, "h");
    assert_eq!(current(&app), second, "← goes back");
    type_text(&mut app, "q");
    assert!(matches!(app.overlay, Overlay::Confirm(_)), "ending asks first");
    type_text(&mut app, "n");
    assert!(matches!(app.screen, Screen::Review(_)));
    press(&mut app, KeyCode::Esc);
    type_text(&mut app, "y");
    assert!(matches!(app.screen, Screen::Summary(_)));
    let files = store.files.borrow();
    let (path, bytes) = files.last().expect("minutes written");
    assert_eq!(
        path.to_str(),
        Some("/data/minutes/2026-11-29-leadership-group-meeting.md")
    );
    let minutes = String::from_utf8(bytes.clone()).unwrap();
    assert!(
        minutes.contains("- **Notes:**\n    - Ask KS about shared funding\\\n      \\- and the county\n"),
        "one block per note, its second line kept as text:\n{minutes}"
    );
    assert!(minutes.contains("## Not discussed"));
}

#[test]
fn enter_edits_the_measure_in_the_full_form_during_the_review() {
    let (mut app, _) = started(Lang::En);
    let id = current(&app);
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.overlay, Overlay::Form(_)));
    type_text(&mut app, " (v2)");
    handle_key(&mut app, ctrl('s'));
    assert!(app.backlog.measure(id).unwrap().title.ends_with(" (v2)"));
    assert!(
        matches!(app.screen, Screen::Review(_)),
        "back in the review after saving"
    );
    type_text(&mut app, "u");
    assert!(!app.backlog.measure(id).unwrap().title.ends_with(" (v2)"));
}

fn buffer(app: &mut App, width: u16, height: u16, theme: Theme) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| ui::render(frame, app, theme)).unwrap();
    terminal.backend().buffer().clone()
}

/// Colour of the first cell of `needle` on the top row, and the row's text.
fn clock_colour(app: &mut App, needle: &str) -> (Color, String) {
    let buffer = buffer(app, 100, 30, Theme::new(true));
    let text: String = (0..100).map(|x| buffer[(x, 0)].symbol()).collect();
    let mut x = 0u16;
    let mut found = None;
    while x < 100 {
        let rest: String = (x..100).map(|i| buffer[(i, 0)].symbol()).collect();
        if rest.starts_with(needle) {
            found = Some(x);
            break;
        }
        x += 1;
    }
    let x = found.unwrap_or_else(|| panic!("{needle:?} not on the top row: {text}"));
    (buffer[(x, 0)].fg, text)
}

#[test]
fn the_item_and_total_clocks_turn_yellow_at_eighty_percent_and_red_when_over() {
    let (mut app, _) = started(Lang::En);
    app.clock = at(239);
    let (colour, text) = clock_colour(&mut app, "Item 03:59 / 05:00");
    assert_eq!(colour, Color::Green);
    assert!(!text.contains('!'), "{text}");
    app.clock = at(240);
    let (colour, text) = clock_colour(&mut app, "Item 04:00 / 05:00 ! almost up");
    assert_eq!(colour, Color::Yellow, "{text}");
    app.clock = at(301);
    let (colour, _) = clock_colour(&mut app, "Item 05:01 / 05:00 !! over time");
    assert_eq!(colour, Color::Red);
    // The total only counts against the whole timebox (items × 5 min).
    let items = agenda(&app).len() as i64;
    assert!(items >= 4);
    let limit = items * 300;
    let total = |secs: i64| tiltak::app::review::clock_text(secs);
    let (colour, _) = clock_colour(&mut app, &format!("Total 05:01 / {}", total(limit)));
    assert_eq!(colour, Color::Green);
    press(&mut app, KeyCode::Right);
    let (colour, _) = clock_colour(&mut app, "Item 00:00 / 05:00");
    assert_eq!(colour, Color::Green, "the next item starts its own clock");
    app.clock = at(limit * 4 / 5 + 1);
    let (colour, _) = clock_colour(
        &mut app,
        &format!("Total {} / {} ! almost up", total(limit * 4 / 5 + 1), total(limit)),
    );
    assert_eq!(colour, Color::Yellow);
    app.clock = at(limit + 1);
    let (colour, _) = clock_colour(
        &mut app,
        &format!("Total {} / {} !! over time", total(limit + 1), total(limit)),
    );
    assert_eq!(colour, Color::Red);
    // Without colour the text marker alone tells: no cell anywhere on the screen is coloured.
    let plain = buffer(&mut app, 100, 30, Theme::new(false));
    for cell in plain.content() {
        assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset), "{cell:?}");
    }
    let top: String = (0..100).map(|x| plain[(x, 0)].symbol()).collect();
    let over = format!("Total {} / {} !! over time", total(limit + 1), total(limit));
    assert!(top.contains(&over), "{top}");
}

/// The review after a decision and a note, 2½ minutes into the fourth item.
fn mid_review(lang: Lang) -> App {
    let (mut app, _) = started(lang);
    type_text(&mut app, "ay");
    press(&mut app, KeyCode::Right);
    type_text(&mut app, "n");
    type_text(&mut app, "Need a DPIA first");
    handle_key(&mut app, ctrl('s'));
    app.clock = at(200);
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Right);
    app.clock = at(350);
    app
}

#[test]
fn snapshots_of_the_review_and_the_summary() {
    for lang in [Lang::Nb, Lang::En] {
        let mut app = mid_review(lang);
        insta::assert_snapshot!(format!("review_100x30_{lang:?}"), screen(&mut app, 100, 30));
        press(&mut app, KeyCode::Esc);
        type_text(&mut app, "y");
        insta::assert_snapshot!(format!("summary_100x30_{lang:?}"), screen(&mut app, 100, 30));
    }
}

#[test]
fn summary_offers_the_items_not_discussed_for_a_new_meeting() {
    let mut app = mid_review(Lang::En);
    let all = agenda(&app);
    press(&mut app, KeyCode::Esc);
    type_text(&mut app, "y");
    type_text(&mut app, "N");
    assert_eq!(agenda(&app), all[2..].to_vec(), "the two discussed items are left out");
}

#[test]
fn meetings_pane_lists_planned_then_newest_first_and_opens_a_summary() {
    let (mut app, _) = app_with(demo(), Lang::En);
    type_text(&mut app, "4");
    assert_eq!(app.focus, Pane::Meetings);
    let shown = screen(&mut app, 100, 30);
    let m4 = shown.find("M-4").unwrap();
    let m3 = shown.find("M-3").unwrap();
    let m1 = shown.find("M-1").unwrap();
    assert!(m4 < m3 && m3 < m1, "planned first, then newest first:\n{shown}");
    assert!(shown.contains("planned") && shown.contains("held"), "{shown}");
    assert!(
        shown.contains("Invited:"),
        "a planned meeting's people are invited:\n{shown}"
    );
    type_text(&mut app, "j");
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.screen, Screen::Summary(_)));
    assert!(screen(&mut app, 100, 30).contains("Print the minutes again with “tiltak minutes M-3”."));
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.screen, Screen::Main));
}

#[test]
fn l_shows_the_whole_log_with_meeting_ids_and_esc_returns() {
    let (mut app, _) = app_with(demo(), Lang::En);
    let with_meeting = app
        .measures
        .rows
        .iter()
        .position(|i| app.backlog.measures[*i].log.iter().any(|e| e.meeting.is_some()))
        .unwrap();
    app.measures.cursor = with_meeting;
    type_text(&mut app, "L");
    let shown = screen(&mut app, 100, 30);
    assert!(shown.contains("Log of T-"), "{shown}");
    assert!(shown.contains("(meeting M-"), "{shown}");
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.screen, Screen::Main));
}

#[test]
fn x_exports_the_visible_measures_as_csv_beside_the_backlog() {
    let (mut app, store) = app_with(demo(), Lang::Nb);
    type_text(&mut app, "X");
    let files = store.files.borrow();
    let (path, bytes) = files.last().expect("written");
    assert_eq!(path.to_str(), Some("/data/exports/tiltak-2026-11-29.csv"));
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    let mut reader = csv::ReaderBuilder::new().delimiter(b';').from_reader(&bytes[3..]);
    assert_eq!(reader.records().count(), app.measures.rows.len());
    drop(files);
    assert!(screen(&mut app, 120, 30).contains("Eksporterte 31 tiltak til /data/exports/tiltak-2026-11-29.csv"));
}

#[test]
fn w_exports_the_visible_measures_as_a_workbook_that_reads_back_unchanged() {
    let (mut app, store) = app_with(demo(), Lang::En);
    type_text(&mut app, "/skole");
    press(&mut app, KeyCode::Enter);
    let shown = app.measures.rows.len();
    assert!(shown > 0 && shown < app.backlog.measures.len());
    type_text(&mut app, "W");
    let files = store.files.borrow();
    let (path, bytes) = files.last().expect("written");
    assert_eq!(path.to_str(), Some("/data/exports/tiltak-2026-11-29.xlsx"));
    let now = "2026-11-29T12:00:00Z".parse().unwrap();
    let outcome = tiltak::export::xlsx::import(bytes, &app.backlog, Lang::En, now).unwrap();
    assert_eq!((outcome.changes.len(), outcome.unchanged), (0, shown));
}

#[test]
fn marked_measures_make_the_agenda_even_when_a_search_hides_some() {
    let (mut app, _) = app_with(demo(), Lang::En);
    let rows: Vec<MeasureId> = app.measures.rows.iter().map(|i| app.backlog.measures[*i].id).collect();
    // Mark the first and the third visible measure (Space marks and moves down).
    type_text(&mut app, " j ");
    assert_eq!(app.marks.len(), 2);
    type_text(&mut app, "R");
    assert_eq!(agenda(&app), vec![rows[0], rows[2]]);
    press(&mut app, KeyCode::Esc);
    // A search that hides the third measure does not drop it from the agenda.
    let hidden_title = app.backlog.measure(rows[0]).unwrap().title.clone();
    type_text(&mut app, "/");
    type_text(&mut app, &hidden_title);
    press(&mut app, KeyCode::Enter);
    assert!(!app.measures.rows.iter().any(|i| app.backlog.measures[*i].id == rows[2]));
    type_text(&mut app, "R");
    let mut got = agenda(&app);
    got.sort();
    let mut want = vec![rows[0], rows[2]];
    want.sort();
    assert_eq!(got, want);
}

#[test]
fn attendees_start_ticked_as_at_the_last_meeting() {
    let (app, _) = started(Lang::En);
    let set = |ids: &[tiltak::domain::OwnerId]| ids.iter().copied().collect::<std::collections::BTreeSet<_>>();
    let last = set(&app.backlog.meeting(Id(3)).unwrap().attendees);
    // The two latest meetings had different attendees, so "as at the last one" can be told
    // apart from "as at some meeting".
    assert_ne!(last, set(&app.backlog.meeting(Id(2)).unwrap().attendees));
    let new = app.backlog.meetings.last().unwrap();
    assert_eq!(new.id, Id(5), "the demo holds M-1 to M-3 and the planned M-4");
    assert_eq!(set(&new.attendees), last);
}

// issue 11: who did what, automatic sync when a meeting ends
#[test]
fn a_meetings_entries_carry_the_members_name_and_its_end_starts_a_sync_when_asked() {
    for sync_after_meeting in [false, true] {
        let (mut app, _store) = started(Lang::En);
        app.author = "Kari Åsheim".to_string();
        // As if the data folder were shared (the sync itself is tested with real git in share.rs).
        app.shared = true;
        app.backlog.settings.sync_after_meeting = sync_after_meeting;
        let measure = current(&app);
        type_text(&mut app, "n");
        type_text(&mut app, "Ask KS");
        handle_key(&mut app, ctrl('s'));
        let note = app.backlog.measure(measure).unwrap().log.last().unwrap().clone();
        assert_eq!((note.text.as_str(), note.author.as_str()), ("Ask KS", "Kari Åsheim"));
        type_text(&mut app, "q");
        type_text(&mut app, "y");
        assert!(matches!(app.screen, Screen::Summary(_)));
        assert_eq!(
            app.syncing.is_some(),
            sync_after_meeting,
            "the end of the meeting syncs only when the settings ask"
        );
    }
}
