//! Issue 5 as a user meets it: the Overview pane, drill-downs and back, ranking priorities,
//! owners' load; snapshots of the matrix, the charts and the value/effort grid.

mod common;

use common::*;
use ratatui::crossterm::event::KeyCode;
use tiltak::app::{App, Pane};
use tiltak::domain::{Backlog, Id, MeasureDraft, OwnerDraft, PriorityDraft, Status};
use tiltak::i18n::Lang;

/// The measures the Measures pane shows, as ids in list order.
fn shown_ids(app: &App) -> Vec<String> {
    app.measures
        .rows
        .iter()
        .map(|i| app.backlog.measures[*i].id.to_string())
        .collect()
}

/// The ids a plain scan of the file gives, sorted like `shown_ids` sorted.
fn expected_ids(backlog: &Backlog, keep: impl Fn(&tiltak::domain::Measure) -> bool) -> Vec<String> {
    let mut ids: Vec<String> = backlog
        .measures
        .iter()
        .filter(|m| keep(m))
        .map(|m| m.id.to_string())
        .collect();
    ids.sort();
    ids
}

fn sorted(mut ids: Vec<String>) -> Vec<String> {
    ids.sort();
    ids
}

/// A backlog with 12 sectors, 15 priorities and measures spread over them in a known pattern.
fn wide() -> Backlog {
    let names: Vec<String> = (1..=12).map(|i| format!("Sektor nummer {i}")).collect();
    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
    let mut b = Backlog::new("Bred", &refs);
    for i in 1..=15 {
        b.add_priority(PriorityDraft {
            title: format!("Prioritering {i}"),
            description: String::new(),
        })
        .unwrap();
    }
    let now = NOW.parse().unwrap();
    for i in 0..60u32 {
        let mut draft = MeasureDraft::titled(&format!("Tiltak {i}"));
        draft.status = Status::ALL[(i % 7) as usize];
        draft.sectors = vec![Id(i % 12 + 1)];
        if i % 3 == 0 {
            draft.sectors.push(Id((i + 5) % 12 + 1));
        }
        // Priority 15 gets nothing; priority 14 only sector 3 (a silo).
        draft.priorities = vec![Id(i % 13 + 1)];
        b.add_measure(draft, now).unwrap();
    }
    let mut silo = MeasureDraft::titled("Silo");
    silo.sectors = vec![Id(3)];
    silo.priorities = vec![Id(14)];
    b.add_measure(silo, now).unwrap();
    b
}

#[test]
fn matrix_cells_match_a_plain_scan_and_enter_drills_into_the_cell() {
    let (mut app, _) = app_with(demo(), Lang::En);
    type_text(&mut app, "5");
    assert_eq!(app.focus, Pane::Overview);
    type_text(&mut app, "jll");
    let matrix = app.insight.matrix.clone();
    let (priority, sector) = (matrix.priorities[1], matrix.sectors[2]);
    let expected = expected_ids(&app.backlog, |m| {
        m.status.is_active() && m.priorities.contains(&priority) && m.sectors.contains(&sector)
    });
    assert!(!expected.is_empty(), "the demo has measures in this cell");
    assert_eq!(matrix.counts[1][2], expected.len());
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.focus, Pane::Measures);
    assert_eq!(sorted(shown_ids(&app)), expected);
    let shown = screen(&mut app, 120, 30);
    let sector_name = &app.backlog.sector(sector).unwrap().name;
    assert!(
        shown.contains("[active]") && shown.contains(&format!("[Sector: {sector_name}]")),
        "{shown}"
    );
    press(&mut app, KeyCode::Esc);
    assert_eq!(
        app.focus,
        Pane::Overview,
        "Esc goes back to where the drill-down started"
    );
    assert!(app.filter.is_empty(), "and restores the filter that was on before");
    assert_eq!((app.overview.matrix.row, app.overview.matrix.column), (1, 2));
}

#[test]
fn every_matrix_cell_of_a_wide_backlog_matches_a_plain_scan() {
    let (app, _) = app_with(wide(), Lang::Nb);
    let m = &app.insight.matrix;
    assert_eq!((m.priorities.len(), m.sectors.len()), (15, 12));
    for (r, p) in m.priorities.iter().enumerate() {
        for (c, s) in m.sectors.iter().enumerate() {
            let n = app
                .backlog
                .measures
                .iter()
                .filter(|x| x.status.is_active() && x.priorities.contains(p) && x.sectors.contains(s))
                .count();
            assert_eq!(m.counts[r][c], n, "cell {r},{c}");
        }
    }
    assert_eq!(m.flag(13), Some(tiltak::insight::PriorityFlag::Silo));
    assert_eq!(m.flag(14), Some(tiltak::insight::PriorityFlag::Empty));
}

#[test]
fn wide_backlogs_scroll_sideways_keeping_the_row_labels() {
    let (mut app, _) = app_with(wide(), Lang::Nb);
    type_text(&mut app, "5");
    let first = screen(&mut app, 80, 24);
    assert!(first.contains(" SN1 ") && !first.contains("SN12"), "{first}");
    assert!(first.contains("▶"), "more columns to the right are marked");
    for _ in 0..11 {
        press(&mut app, KeyCode::Right);
    }
    type_text(&mut app, "G");
    let last = screen(&mut app, 80, 24);
    assert!(last.contains("SN12") && !last.contains("SN1 "), "{last}");
    assert!(
        last.contains("○ 15. Prioritering"),
        "row labels stay, the empty one flagged: {last}"
    );
    insta::assert_snapshot!("overview_wide_scrolled_80x24_Nb", last);
    press(&mut app, KeyCode::Enter);
    assert!(app.measures.rows.is_empty(), "priority 15 has no measures");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.focus, Pane::Overview);
}

#[test]
fn value_effort_cell_drills_into_active_measures_with_that_score() {
    let (mut app, _) = app_with(demo(), Lang::En);
    type_text(&mut app, "5m");
    assert!(screen(&mut app, 80, 24).contains("★ quick wins"));
    type_text(&mut app, "jl");
    let expected = expected_ids(&app.backlog, |m| {
        m.status.is_active() && m.value == Some(4) && m.effort == Some(2)
    });
    assert!(!expected.is_empty());
    assert_eq!(app.insight.charts.value_effort.counts[1][1], expected.len());
    press(&mut app, KeyCode::Enter);
    assert_eq!(sorted(shown_ids(&app)), expected);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.focus, Pane::Overview);
}

#[test]
fn enter_on_a_priority_or_an_owner_filters_the_measures_and_esc_returns() {
    let (mut app, _) = app_with(demo(), Lang::En);
    type_text(&mut app, "3j");
    let priority = app.selected_priority().unwrap();
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.focus, Pane::Measures);
    assert_eq!(
        sorted(shown_ids(&app)),
        expected_ids(&app.backlog, |m| m.priorities.contains(&priority))
    );
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.focus, Pane::Priorities);
    assert_eq!(app.selected_priority(), Some(priority));
    assert_eq!(app.measures.rows.len(), app.backlog.measures.len());

    type_text(&mut app, "2");
    let owner = app.selected_owner().unwrap();
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        sorted(shown_ids(&app)),
        expected_ids(&app.backlog, |m| m.owner == Some(owner))
    );
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.focus, Pane::Owners);
    type_text(&mut app, "e");
    assert!(
        matches!(app.overlay, tiltak::app::Overlay::Form(_)),
        "e still edits an owner"
    );
}

#[test]
fn esc_after_moving_away_by_hand_does_not_jump_back() {
    let (mut app, _) = app_with(demo(), Lang::En);
    type_text(&mut app, "3");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "21");
    press(&mut app, KeyCode::Esc);
    assert_eq!(
        app.focus,
        Pane::Measures,
        "the drill-down trail ends when you change pane yourself"
    );
}

#[test]
fn shift_j_and_k_rerank_priorities_saved_and_undoable() {
    let (mut app, store) = app_with(demo(), Lang::Nb);
    let before = app.backlog.clone();
    type_text(&mut app, "3");
    let first = app.selected_priority().unwrap();
    type_text(&mut app, "J");
    let after_first_move = app.backlog.clone();
    assert_eq!(app.backlog.priority(first).unwrap().rank, 2);
    assert_eq!(
        app.selected_priority(),
        Some(first),
        "the cursor follows the moved priority"
    );
    assert_eq!(store.saves.borrow().last().unwrap().priority(first).unwrap().rank, 2);
    assert!(screen(&mut app, 100, 30).contains("til rang 2"));
    type_text(&mut app, "K");
    type_text(&mut app, "K");
    assert!(screen(&mut app, 100, 30).contains("er allerede først"));
    type_text(&mut app, "J");
    type_text(&mut app, "uu");
    assert_eq!(
        app.backlog, after_first_move,
        "K at the top changed nothing, so two undos go back one move"
    );
    type_text(&mut app, "u");
    assert_eq!(app.backlog, before, "three undos restore the original ranking");
    let ranks: Vec<u32> = app.backlog.priorities_by_rank().iter().map(|p| p.rank).collect();
    assert_eq!(ranks, (1..=6).collect::<Vec<_>>());
}

#[test]
fn owners_pane_flags_the_overloaded_and_lists_the_idle_last() {
    let mut backlog = demo();
    let (idle, _) = backlog
        .add_owner(OwnerDraft {
            name: "Aase Uten Tiltak".into(),
            role: "direktør".into(),
            sector: None,
        })
        .unwrap();
    let (mut app, _) = app_with(backlog, Lang::En);
    type_text(&mut app, "2");
    let idle_flags: Vec<bool> = app
        .owners
        .rows
        .iter()
        .map(|i| app.insight.owners[*i].active == 0)
        .collect();
    let first_idle = idle_flags.iter().position(|idle| *idle).unwrap();
    assert!(
        idle_flags[first_idle..].iter().all(|idle| *idle),
        "owners with nothing active come last"
    );
    let idle_row = app
        .owners
        .rows
        .iter()
        .position(|i| app.backlog.owners[*i].id == idle)
        .unwrap();
    assert!(idle_row >= first_idle, "though “Aase” sorts first by name");
    let shown = screen(&mut app, 120, 40);
    let overloaded: Vec<_> = app.insight.owners.iter().filter(|l| l.overloaded).collect();
    assert_eq!(overloaded.len(), 1, "the demo tells of one owner above the threshold");
    let name = &app.backlog.owner(overloaded[0].owner).unwrap().name;
    let line = shown.lines().find(|l| l.contains(name.as_str())).unwrap();
    assert!(line.contains('⚠') && line.contains(" 7 "), "{line}");
}

mod snapshots {
    use super::*;

    #[test]
    fn overview_matrix_charts_and_value_effort() {
        for lang in [Lang::Nb, Lang::En] {
            let (mut app, _) = app_with(demo(), lang);
            type_text(&mut app, "5jl");
            insta::assert_snapshot!(format!("overview_80x24_{lang:?}"), screen(&mut app, 80, 24));
            insta::assert_snapshot!(format!("overview_160x48_{lang:?}"), screen(&mut app, 160, 48));
            type_text(&mut app, "c");
            insta::assert_snapshot!(format!("charts_80x24_{lang:?}"), screen(&mut app, 80, 24));
            insta::assert_snapshot!(format!("charts_160x48_{lang:?}"), screen(&mut app, 160, 48));
            type_text(&mut app, "m");
            insta::assert_snapshot!(format!("value_effort_80x24_{lang:?}"), screen(&mut app, 80, 24));
            insta::assert_snapshot!(format!("value_effort_160x48_{lang:?}"), screen(&mut app, 160, 48));
        }
    }
}

#[test]
fn report_command_prints_the_same_insight_in_text_and_markdown() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("backlog.json");
    std::fs::write(&path, include_str!("../assets/demo-backlog.json")).unwrap();
    let run = |args: &[&str]| {
        let output = assert_cmd::Command::cargo_bin("tiltak")
            .unwrap()
            .arg("--data")
            .arg(&path)
            .args(args)
            .output()
            .unwrap();
        (
            output.status.code(),
            String::from_utf8_lossy(&output.stdout).to_string(),
            String::from_utf8_lossy(&output.stderr).to_string(),
        )
    };
    let (code, text, _) = run(&["--lang", "en", "report"]);
    assert_eq!(code, Some(0));
    assert!(text.contains("5. Politisk involvering: silo in Økonomi\n"), "{text}");
    assert!(text.contains("Charlotte Kaldager: 7 active"), "{text}");
    assert!(
        text.contains("1. Autonome tverrfaglige team: 7 measures, 6 active"),
        "{text}"
    );
    let (code, md, _) = run(&["--lang", "nb", "report", "--format", "md"]);
    assert_eq!(code, Some(0));
    assert!(
        md.contains("## Eiere over terskelen (6 aktive tiltak)\n\n- Charlotte Kaldager: 7 aktive"),
        "{md}"
    );
    let (code, _, err) = run(&["--lang", "en", "report", "--format", "pdf"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("Unknown format “pdf”"), "{err}");
}
