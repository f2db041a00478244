//! TUI flows driven by key presses through the real update and render code.

mod common;

use common::*;
use ratatui::crossterm::event::KeyCode;
use tiltak::app::{Overlay, Pane, SaveState, handle_key};
use tiltak::domain::{Id, Status};
use tiltak::i18n::Lang;

#[test]
fn adding_a_measure_with_n_title_enter_saves_it_and_selects_it() {
    let (mut app, store) = app_with(empty(Lang::En), Lang::En);
    type_text(&mut app, "n");
    assert!(matches!(app.overlay, Overlay::Form(_)), "n opens the form");
    type_text(&mut app, "Felles innbyggerportal for Østre Bærum");
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.overlay, Overlay::None));
    let saved = store.saves.borrow().last().cloned().expect("saved");
    assert_eq!(saved.measures.len(), 1);
    assert_eq!(saved.measures[0].id, Id(1));
    assert_eq!(saved.measures[0].title, "Felles innbyggerportal for Østre Bærum");
    assert_eq!(saved.measures[0].status, Status::Idea);
    assert_eq!(app.selected_measure(), Some(Id(1)));
    assert!(screen(&mut app, 80, 24).contains("Added T-1"));
}

#[test]
fn empty_title_keeps_the_form_open_with_a_message_and_saves_nothing() {
    let (mut app, store) = app_with(empty(Lang::Nb), Lang::Nb);
    type_text(&mut app, "n");
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.overlay, Overlay::Form(_)));
    assert!(store.saves.borrow().is_empty());
    assert!(screen(&mut app, 80, 24).contains("⚠ Tittelen kan ikke være tom."));
}

fn focus_field(app: &mut tiltak::app::App, tabs: usize) {
    for _ in 0..tabs {
        press(app, KeyCode::Tab);
    }
}

#[test]
fn invalid_value_and_date_are_refused_on_their_field() {
    let (mut app, store) = app_with(demo(), Lang::En);
    let before = app.backlog.clone();
    type_text(&mut app, "e");
    focus_field(&mut app, 6); // value
    type_text(&mut app, "7");
    handle_key(&mut app, ctrl('s'));
    assert!(screen(&mut app, 100, 30).contains("⚠ Enter a number from 1 to 5."));
    press(&mut app, KeyCode::Backspace);
    focus_field(&mut app, 2); // due
    type_text(&mut app, "2027-02-30");
    handle_key(&mut app, ctrl('s'));
    let shown = screen(&mut app, 100, 30);
    assert!(shown.contains("⚠ Invalid date"), "{shown}");
    assert!(store.saves.borrow().is_empty());
    assert_eq!(app.backlog, before, "nothing is saved half-way");
    press(&mut app, KeyCode::Esc);
    assert!(
        matches!(app.overlay, Overlay::Form(_)),
        "the typed changes make Esc ask first"
    );
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.overlay, Overlay::None));
    assert_eq!(app.backlog, before, "Esc changes nothing");
}

#[test]
fn editing_a_measure_changes_only_what_was_typed_and_logs_a_status_change() {
    let (mut app, store) = app_with(demo(), Lang::En);
    let id = app.selected_measure().unwrap();
    let before = app.backlog.measure(id).unwrap().clone();
    type_text(&mut app, "e");
    type_text(&mut app, " (revidert)");
    focus_field(&mut app, 2); // status
    press(&mut app, KeyCode::Right);
    handle_key(&mut app, ctrl('s'));
    let after = app.backlog.measure(id).unwrap();
    assert_eq!(after.title, format!("{} (revidert)", before.title));
    assert_eq!(after.status, before.status.next().unwrap());
    let entry = after.log.last().unwrap();
    assert_eq!((entry.from, entry.to), (Some(before.status), Some(after.status)));
    assert_eq!(after.owner, before.owner);
    assert_eq!(after.sectors, before.sectors);
    assert_eq!(store.saves.borrow().len(), 1);
}

#[test]
fn multi_select_sectors_with_arrows_and_space() {
    let (mut app, _) = app_with(empty(Lang::En), Lang::En);
    type_text(&mut app, "n");
    type_text(&mut app, "Tverrfaglig team");
    focus_field(&mut app, 4); // sectors
    press(&mut app, KeyCode::Char(' '));
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Char(' '));
    // Enter on a choice opens its picker; Ctrl-s saves from any field.
    handle_key(&mut app, ctrl('s'));
    let m = &app.backlog.measures[0];
    assert_eq!(m.sectors, vec![Id(1), Id(3)]);
    assert!(m.is_cross_sector());
}

#[test]
fn delete_asks_first_and_ids_are_never_reused() {
    let (mut app, _) = app_with(demo(), Lang::En);
    let count = app.backlog.measures.len();
    type_text(&mut app, "G");
    let id = app.selected_measure().unwrap();
    type_text(&mut app, "d");
    assert!(screen(&mut app, 80, 24).contains(&format!("Delete {id}")));
    type_text(&mut app, "n");
    assert_eq!(app.backlog.measures.len(), count, "n keeps it");
    type_text(&mut app, "d");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.backlog.measures.len(), count, "Esc keeps it");
    type_text(&mut app, "dy");
    assert_eq!(app.backlog.measures.len(), count - 1);
    assert!(app.backlog.measure(id).is_none());
    let highest = app.backlog.measures.iter().map(|m| m.id.0).max().unwrap();
    type_text(&mut app, "nNytt");
    press(&mut app, KeyCode::Enter);
    let newest = app.backlog.measures.iter().map(|m| m.id.0).max().unwrap();
    assert_eq!(newest, app.backlog.next_ids.measure - 1);
    assert!(newest > highest.max(id.0));
}

#[test]
fn deleting_an_owner_unlinks_but_keeps_their_measures() {
    let (mut app, _) = app_with(demo(), Lang::En);
    type_text(&mut app, "2");
    let owner = app.selected_owner().unwrap();
    let theirs: Vec<_> = app
        .backlog
        .measures
        .iter()
        .filter(|m| m.owner == Some(owner))
        .map(|m| m.id)
        .collect();
    assert!(!theirs.is_empty());
    let count = app.backlog.measures.len();
    type_text(&mut app, "dy");
    assert!(app.backlog.owner(owner).is_none());
    assert_eq!(app.backlog.measures.len(), count);
    for id in theirs {
        assert_eq!(app.backlog.measure(id).unwrap().owner, None);
    }
    assert!(app.backlog.invariant_violations().is_empty());
}

#[test]
fn deleting_a_priority_unlinks_and_closes_the_ranking() {
    let (mut app, _) = app_with(demo(), Lang::En);
    type_text(&mut app, "3");
    let first = app.selected_priority().unwrap();
    type_text(&mut app, "dy");
    assert!(app.backlog.priority(first).is_none());
    let mut ranks: Vec<u32> = app.backlog.priorities.iter().map(|p| p.rank).collect();
    ranks.sort();
    assert_eq!(ranks, (1..=ranks.len() as u32).collect::<Vec<_>>());
    assert!(app.backlog.measures.iter().all(|m| !m.priorities.contains(&first)));
}

#[test]
fn s_and_shift_s_step_the_status_and_log_it() {
    let (mut app, store) = app_with(demo(), Lang::Nb);
    let id = app.selected_measure().unwrap();
    assert_eq!(app.backlog.measure(id).unwrap().status, Status::Idea);
    type_text(&mut app, "s");
    assert_eq!(app.backlog.measure(id).unwrap().status, Status::Assessing);
    assert!(screen(&mut app, 80, 24).contains(&format!("{id}: idé → til vurdering")));
    type_text(&mut app, "S");
    assert_eq!(app.backlog.measure(id).unwrap().status, Status::Idea);
    type_text(&mut app, "S");
    assert!(screen(&mut app, 80, 24).contains("har ingen status før «idé»"));
    let log = &app.backlog.measure(id).unwrap().log;
    assert_eq!(log.len(), 2);
    assert_eq!(store.saves.borrow().len(), 2);
}

#[test]
fn undo_and_redo_restore_the_backlog_and_are_saved() {
    let (mut app, store) = app_with(demo(), Lang::Nb);
    let start = app.backlog.clone();
    type_text(&mut app, "s");
    let stepped = app.backlog.clone();
    type_text(&mut app, "Gdy");
    type_text(&mut app, "u");
    assert_eq!(app.backlog, stepped);
    assert!(screen(&mut app, 100, 30).contains("Angret: slettet"));
    type_text(&mut app, "u");
    assert_eq!(app.backlog, start);
    handle_key(&mut app, ctrl('r'));
    assert_eq!(app.backlog, stepped);
    assert_eq!(store.saves.borrow().last(), Some(&stepped));
}

#[test]
fn navigation_keys_move_through_panes_and_rows() {
    let (mut app, _) = app_with(demo(), Lang::En);
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.focus, Pane::Owners);
    press(&mut app, KeyCode::BackTab);
    press(&mut app, KeyCode::BackTab);
    assert_eq!(app.focus, Pane::Glossary, "Shift-Tab wraps round to the last pane");
    press(&mut app, KeyCode::BackTab);
    assert_eq!(app.focus, Pane::Overview);
    press(&mut app, KeyCode::BackTab);
    assert_eq!(app.focus, Pane::Meetings);
    press(&mut app, KeyCode::BackTab);
    assert_eq!(app.focus, Pane::Priorities);
    type_text(&mut app, "1");
    assert_eq!(app.focus, Pane::Measures);
    type_text(&mut app, "jj");
    assert_eq!(app.measures.cursor, 2);
    press(&mut app, KeyCode::Up);
    assert_eq!(app.measures.cursor, 1);
    type_text(&mut app, "G");
    assert_eq!(app.measures.cursor, app.backlog.measures.len() - 1);
    type_text(&mut app, "g");
    assert_eq!(app.measures.cursor, 0);
    let page = tiltak::ui::layout::list_rows(ratatui::layout::Size::new(80, 24));
    app.set_list_height(page);
    press(&mut app, KeyCode::PageDown);
    assert_eq!(app.measures.cursor, page);
    press(&mut app, KeyCode::PageUp);
    assert_eq!(app.measures.cursor, 0);
}

#[test]
fn quit_keys_and_failed_saves() {
    let (mut app, store) = app_with(demo(), Lang::En);
    type_text(&mut app, "q");
    assert!(app.should_quit);

    let (mut app, _) = app_with(demo(), Lang::En);
    handle_key(&mut app, ctrl('c'));
    assert!(app.should_quit);

    let (mut app, store2) = app_with(demo(), Lang::En);
    *store2.failing.borrow_mut() = true;
    type_text(&mut app, "s");
    assert!(matches!(app.save_state, SaveState::Failed(_)));
    let shown = screen(&mut app, 100, 30);
    assert!(shown.contains("● not saved") && shown.contains("disk full"), "{shown}");
    type_text(&mut app, "q");
    assert!(!app.should_quit, "quitting with unsaved changes asks first");
    assert!(screen(&mut app, 100, 30).contains("Changes are NOT saved"));
    type_text(&mut app, "n");
    *store2.failing.borrow_mut() = false;
    type_text(&mut app, "q");
    assert!(app.should_quit, "the retry on quit succeeded");
    assert_eq!(store2.saves.borrow().len(), 1);
    drop(store);
}

#[test]
fn tiny_terminals_get_a_message_not_a_panic() {
    let (mut app, _) = app_with(demo(), Lang::Nb);
    for (w, h) in [(0, 0), (1, 1), (59, 15), (60, 14), (20, 40)] {
        let shown = screen(&mut app, w, h);
        if w >= 20 && h >= 3 {
            assert!(shown.contains("60×15"), "{w}x{h}: {shown}");
        }
    }
    // 59×15 asks for more room and shows nothing of the app.
    let short = screen(&mut app, 59, 15);
    assert!(!short.contains("Tiltak") && !short.contains('▶'), "{short}");
}

/// 60×15 is the smallest size the app draws itself at: tabs, the list with its selection, the
/// detail and the status bar, each in its place; a form and the help fit too.
#[test]
fn at_60x15_the_whole_layout_fits() {
    let (mut app, _) = app_with(demo(), Lang::En);
    let shown = screen(&mut app, 60, 15);
    let lines: Vec<&str> = shown.lines().collect();
    assert_eq!(lines.len(), 15);
    assert!(!shown.contains("60×15"), "{shown}");
    assert!(lines[0].starts_with(" tiltak │ 1 Measures"), "{shown}");
    assert!(
        lines[1].starts_with("┌ Measures ") && lines[1].ends_with('┐'),
        "{shown}"
    );
    assert!(lines[2].contains("Id") && lines[2].contains("Title"), "{shown}");
    assert!(
        lines[3].starts_with("│▶   T-27"),
        "the selection is the first row:\n{shown}"
    );
    let detail = lines
        .iter()
        .position(|l| l.starts_with("┌ Details "))
        .expect("detail below the list");
    assert!(lines[detail + 1].starts_with("│T-27 Lederopplæring"), "{shown}");
    assert!(lines[13].starts_with('└') && lines[13].ends_with('┘'), "{shown}");
    assert!(
        lines[14].contains("? help") && lines[14].ends_with("✓ saved"),
        "{shown}"
    );
    for line in &lines[1..14] {
        assert_eq!(
            line.chars().count(),
            60,
            "every panel row is drawn full width:\n{shown}"
        );
    }
    type_text(&mut app, "n");
    let form = screen(&mut app, 60, 15);
    assert!(form.contains("New measure") && form.contains("▶ Title"), "{form}");
    press(&mut app, KeyCode::Esc);
    type_text(&mut app, "?");
    let help = screen(&mut app, 60, 15);
    assert!(help.contains("Help – keys"), "{help}");
}

/// The title rows of the bordered panels on `line`.
fn panel_titles(line: &str) -> Vec<String> {
    line.split('┌')
        .skip(1)
        .map(|p| p.trim_matches(|c| c == '─' || c == ' ' || c == '┐').to_string())
        .collect()
}

#[test]
fn from_140_columns_the_detail_sits_beside_the_list() {
    let (mut app, _) = app_with(demo(), Lang::En);
    let narrow = screen(&mut app, 139, 30);
    let first: Vec<&str> = narrow.lines().collect();
    assert_eq!(panel_titles(first[1]).len(), 1, "{narrow}");
    assert!(
        first.iter().skip(2).any(|l| l.starts_with("┌ Details ")),
        "below at 139:\n{narrow}"
    );
    let wide = screen(&mut app, 140, 30);
    let line = wide.lines().nth(1).unwrap();
    let titles = panel_titles(line);
    assert_eq!(titles.len(), 2, "{wide}");
    assert!(titles[0].starts_with("Measures") && titles[1] == "Details", "{wide}");
    assert!(
        wide.lines()
            .nth(2)
            .unwrap()
            .ends_with("││T-27 Lederopplæring i tjenestedesign               │"),
        "{wide}"
    );
}

#[test]
fn from_160_columns_the_charts_sit_beside_the_overview_matrix() {
    let (mut app, _) = app_with(demo(), Lang::En);
    type_text(&mut app, "5");
    let narrow = screen(&mut app, 159, 30);
    assert!(!narrow.contains("Measures by status"), "{narrow}");
    let wide = screen(&mut app, 160, 30);
    let titles = panel_titles(wide.lines().nth(1).unwrap());
    assert_eq!(
        titles,
        [
            "Priority × sector (active measures)",
            "Measures by status",
            "Active measures by sector"
        ],
        "{wide}"
    );
    assert!(
        wide.contains("┌ Due dates (active measures)") && wide.contains("┌ Funding (active measures)"),
        "{wide}"
    );
}

#[test]
fn shift_j_and_k_scroll_the_detail_panel() {
    let (mut app, _) = app_with(demo(), Lang::En);
    type_text(&mut app, "jjjjjjj");
    let detail_first = |app: &mut tiltak::app::App| {
        let shown = screen(app, 80, 24);
        let lines: Vec<String> = shown.lines().map(String::from).collect();
        let at = lines.iter().position(|l| l.starts_with("┌ Details ")).unwrap();
        lines[at + 1].clone()
    };
    assert!(detail_first(&mut app).starts_with("│T-23 Digital timebestilling"));
    type_text(&mut app, "J");
    assert!(
        detail_first(&mut app).starts_with("│Sectors: Helse og omsorg"),
        "three lines down"
    );
    assert!(
        screen(&mut app, 80, 24).contains("│▶   T-23"),
        "the list selection stays"
    );
    type_text(&mut app, "K");
    assert!(
        detail_first(&mut app).starts_with("│T-23 Digital timebestilling"),
        "back up"
    );
    // A new selection starts its detail at the top.
    type_text(&mut app, "Jj");
    assert!(detail_first(&mut app).starts_with("│T-24 "));
}

mod snapshots {
    use super::*;

    fn snap(name: &str, shown: String) {
        insta::assert_snapshot!(name, shown);
    }

    #[test]
    fn measures_pane() {
        for lang in [Lang::Nb, Lang::En] {
            let (mut app, _) = app_with(demo(), lang);
            type_text(&mut app, "jjjjjjj");
            snap(&format!("measures_80x24_{lang:?}"), screen(&mut app, 80, 24));
            snap(&format!("measures_160x48_{lang:?}"), screen(&mut app, 160, 48));
        }
    }

    #[test]
    fn owners_and_priorities_panes() {
        for lang in [Lang::Nb, Lang::En] {
            let (mut app, _) = app_with(demo(), lang);
            type_text(&mut app, "2");
            snap(&format!("owners_{lang:?}"), screen(&mut app, 100, 30));
            type_text(&mut app, "3");
            snap(&format!("priorities_{lang:?}"), screen(&mut app, 100, 30));
        }
    }

    #[test]
    fn form_and_help() {
        for lang in [Lang::Nb, Lang::En] {
            let (mut app, _) = app_with(demo(), lang);
            type_text(&mut app, "e");
            focus_field(&mut app, 4);
            snap(&format!("form_{lang:?}"), screen(&mut app, 100, 30));
            press(&mut app, KeyCode::Esc);
            type_text(&mut app, "?");
            snap(&format!("help_{lang:?}"), screen(&mut app, 100, 40));
        }
    }

    #[test]
    fn empty_backlog_and_confirmation() {
        let (mut app, _) = app_with(empty(Lang::En), Lang::En);
        snap("empty_En", screen(&mut app, 80, 24));
        let (mut app, _) = app_with(demo(), Lang::Nb);
        type_text(&mut app, "d");
        snap("confirm_delete_Nb", screen(&mut app, 80, 24));
    }
}

#[test]
fn a_filter_narrows_the_list_and_shows_as_chips() {
    use tiltak::search::{DueFilter, MeasureFilter};
    let (mut app, _) = app_with(demo(), Lang::En);
    let today = jiff::civil::date(2026, 11, 29);
    app.set_filter(MeasureFilter {
        due: Some(DueFilter::Overdue),
        ..Default::default()
    });
    let expected = app.backlog.measures.iter().filter(|m| m.is_overdue(today)).count();
    assert!(expected > 0);
    assert_eq!(app.measures.rows.len(), expected);
    assert!(screen(&mut app, 100, 30).contains("[overdue]"));
    app.set_filter(MeasureFilter {
        statuses: vec![Status::Done],
        owner: Some(Id(999)),
        ..Default::default()
    });
    assert!(screen(&mut app, 100, 30).contains("No measures match the filter."));
}

#[test]
fn long_ids_are_shown_in_full() {
    let mut backlog = demo();
    backlog.next_ids.measure = 12_345;
    let now = NOW.parse().unwrap();
    let (id, _) = backlog
        .add_measure(tiltak::domain::MeasureDraft::titled("Sist lagt til"), now)
        .unwrap();
    assert_eq!(id.to_string(), "T-12345");
    let (mut app, _) = app_with(backlog, Lang::En);
    assert!(
        screen(&mut app, 80, 24).contains("T-12345 "),
        "the id column fits the longest id"
    );
}

#[test]
fn a_long_form_scrolls_to_the_focused_field_and_says_what_is_out_of_sight() {
    let (mut app, _) = app_with(demo(), Lang::En);
    type_text(&mut app, "e");
    // The open sector list pushes the last fields (Tags … Links) out of a 100×30 screen.
    focus_field(&mut app, 4);
    let top = screen(&mut app, 100, 30);
    assert!(!top.contains("Tags"), "{top}");
    assert!(
        top.contains("↓ 4 more below ┘"),
        "the border says a field follows:\n{top}"
    );
    assert!(
        top.contains("Utvikling og digitalisering  ↓"),
        "the ninth sector is below:\n{top}"
    );
    focus_field(&mut app, 13);
    let bottom = screen(&mut app, 100, 30);
    assert!(bottom.contains("▶ Links"), "{bottom}");
    assert!(
        !bottom.contains("more below") && !bottom.contains("more above"),
        "{bottom}"
    );
    // On a short screen the form scrolls to the focused field and the top border counts the
    // fields above.
    let short = screen(&mut app, 80, 20);
    assert!(short.contains("▶ Links"), "the last field scrolled into view:\n{short}");
    assert!(!short.contains("Title"), "{short}");
    assert!(short.contains("more above ┐"), "{short}");
}
