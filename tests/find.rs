//! Finding and triaging through the real key handling: search, sort, filters, views, marks,
//! quick-assign, palette and undo.

mod common;

use common::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;
use ratatui::style::Modifier;
use tiltak::app::{App, Overlay, Pane};
use tiltak::domain::{Backlog, Id, MeasureDraft, OwnerDraft, PriorityDraft, Status};
use tiltak::i18n::Lang;
use tiltak::search::SortKey;
use tiltak::ui::{self, Theme};

fn titles(app: &App) -> Vec<String> {
    app.measures
        .rows
        .iter()
        .map(|i| app.backlog.measures[*i].title.clone())
        .collect()
}

/// A small backlog for triage: three measures missing different things.
/// The ids of the listed measures, in id order.
fn shown_ids(app: &App) -> Vec<String> {
    let mut ids: Vec<_> = app.measures.rows.iter().map(|i| app.backlog.measures[*i].id).collect();
    ids.sort();
    ids.iter().map(ToString::to_string).collect()
}

fn triage_backlog() -> Backlog {
    let mut b = Backlog::new("Triage", &["Oppvekst skole", "Helse og omsorg", "Økonomi"]);
    for name in ["Kari Åsheim", "Håkon Østby"] {
        b.add_owner(OwnerDraft {
            name: name.into(),
            role: String::new(),
            sector: None,
        })
        .unwrap();
    }
    b.add_priority(PriorityDraft {
        title: "Digitalt førstevalg".into(),
        description: String::new(),
    })
    .unwrap();
    let now = NOW.parse().unwrap();
    for (title, owner) in [
        ("Velferdsteknologi i Østre Bærum", None),
        ("Digital skolestart", None),
        ("Sky-strategi", Some(Id(1))),
    ] {
        let mut d = MeasureDraft::titled(title);
        d.status = Status::Assessing;
        d.sectors = vec![Id(1)];
        d.priorities = vec![Id(1)];
        d.owner = owner;
        b.add_measure(d, now).unwrap();
    }
    b
}

#[test]
fn search_filters_live_folds_norwegian_letters_and_enter_keeps_it_as_a_chip() {
    let (mut app, store) = app_with(triage_backlog(), Lang::En);
    type_text(&mut app, "/");
    assert!(
        screen(&mut app, 100, 30).contains("/ █"),
        "the search line opens above the table"
    );
    type_text(&mut app, "ost");
    assert_eq!(titles(&app)[0], "Velferdsteknologi i Østre Bærum");
    type_text(&mut app, "re b");
    assert_eq!(titles(&app), ["Velferdsteknologi i Østre Bærum"]);
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Backspace);
    type_text(&mut app, " baerum");
    assert_eq!(titles(&app), ["Velferdsteknologi i Østre Bærum"]);
    press(&mut app, KeyCode::Enter);
    assert!(!app.search_open);
    let shown = screen(&mut app, 100, 30);
    assert!(shown.contains("[/ostre baerum]"), "{shown}");
    assert_eq!(titles(&app).len(), 1, "Enter keeps the query as a filter");
    press(&mut app, KeyCode::Esc);
    assert_eq!(titles(&app).len(), 3, "Esc in the list clears it");
    type_text(&mut app, "/SKOLE");
    assert_eq!(titles(&app)[0], "Digital skolestart");
    press(&mut app, KeyCode::Esc);
    assert_eq!(titles(&app).len(), 3, "Esc on the search line clears it");
    assert!(store.saves.borrow().is_empty(), "searching changes nothing");
}

#[test]
fn matched_title_characters_are_highlighted_cell_by_cell() {
    let (mut app, _) = app_with(triage_backlog(), Lang::En);
    type_text(&mut app, "/ostre");
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    terminal
        .draw(|frame| ui::render(frame, &app, Theme::new(true)))
        .unwrap();
    let buffer = terminal.backend().buffer().clone();
    // The first data row: border, search line, header, then the row.
    let y = 4;
    let title: Vec<char> = "Velferdsteknologi i Østre Bærum".chars().collect();
    let x0 = (0..100u16)
        .find(|x| buffer[(*x, y)].symbol() == "V")
        .expect("the title cell of the first row");
    // "Østre" is chars 20..25 of the title: exactly those cells are highlighted.
    for (i, c) in title.iter().enumerate().take(26) {
        let cell = &buffer[(x0 + i as u16, y)];
        assert_eq!(cell.symbol(), c.to_string(), "cell {i}");
        let underlined = cell.modifier.contains(Modifier::UNDERLINED | Modifier::BOLD);
        assert_eq!(underlined, (20..25).contains(&i), "char {i} {c:?} highlighted?");
    }
    insta::assert_snapshot!("search_line_ostre", screen(&mut app, 100, 16));
}

#[test]
fn owners_and_priorities_panes_search_their_names() {
    let (mut app, _) = app_with(demo(), Lang::En);
    type_text(&mut app, "2/hakon");
    let names: Vec<_> = app
        .owners
        .rows
        .iter()
        .map(|i| app.backlog.owners[*i].name.clone())
        .collect();
    assert_eq!(names[0], "Håkon Østby", "best match first");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "3/kompetanse");
    let prios: Vec<_> = app
        .priorities
        .rows
        .iter()
        .map(|i| app.backlog.priorities[*i].title.clone())
        .collect();
    assert_eq!(prios[0], "Digital kompetanse i grunnopplæringen");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.priorities.rows.len(), app.backlog.priorities.len());
    assert_eq!(app.owners.rows.len(), names.len(), "each pane keeps its own query");
}

#[test]
fn o_cycles_the_order_and_the_header_shows_it() {
    let (mut app, _) = app_with(demo(), Lang::En);
    type_text(&mut app, "o");
    assert_eq!(app.sort, SortKey::Score);
    assert!(screen(&mut app, 120, 30).contains("sorted: value ÷ effort"));
    let listed: Vec<_> = app.measures.rows.iter().map(|i| &app.backlog.measures[*i]).collect();
    assert_eq!(listed.len(), 31, "every demo measure is listed");
    let active = listed.iter().take_while(|m| m.status.is_active()).count();
    assert!(active > 0 && active < 31, "the demo has active and finished measures");
    assert!(
        listed[active..].iter().all(|m| !m.status.is_active()),
        "active measures first"
    );
    let mut with_score = 0;
    for part in [&listed[..active], &listed[active..]] {
        let scores: Vec<Option<f64>> = part.iter().map(|m| tiltak::search::sort::score(m)).collect();
        let known: Vec<f64> = scores.iter().map_while(|s| *s).collect();
        assert!(known.windows(2).all(|w| w[0] >= w[1]), "highest first");
        assert!(scores[known.len()..].iter().all(Option::is_none), "missing last");
        with_score += known.len();
    }
    assert_eq!(
        with_score, 27,
        "the 27 measures with value and effort come before the others"
    );
    type_text(&mut app, "o");
    let dues: Vec<_> = app.measures.rows.iter().map(|i| app.backlog.measures[*i].due).collect();
    let set: Vec<_> = dues.iter().map_while(|d| *d).collect();
    assert_eq!(set.len(), 21, "the 21 measures with a due date come first");
    assert!(set.windows(2).all(|w| w[0] <= w[1]), "earliest first");
    assert!(dues[set.len()..].iter().all(Option::is_none), "undated last");
    type_text(&mut app, "ooo");
    assert_eq!(app.sort, SortKey::Title);
    let t = titles(&app);
    assert_eq!(t.len(), 31);
    assert!(
        t.windows(2)
            .all(|w| tiltak::search::sort::compare_titles(&w[0], &w[1]).is_le())
    );
    type_text(&mut app, "o");
    assert_eq!(app.sort, SortKey::Default);
}

#[test]
fn marks_drive_quick_assign_status_and_delete_as_single_undo_steps() {
    let (mut app, store) = app_with(triage_backlog(), Lang::En);
    let start = app.backlog.clone();
    type_text(&mut app, "  ");
    assert_eq!(app.marks.len(), 2);
    assert!(screen(&mut app, 100, 30).contains("● 2 marked"));
    let marked: Vec<_> = app.marks.iter().copied().collect();
    type_text(&mut app, "a");
    assert!(matches!(app.overlay, Overlay::Picker(_)));
    type_text(&mut app, "hakon");
    press(&mut app, KeyCode::Enter);
    for id in &marked {
        assert_eq!(app.backlog.measure(*id).unwrap().owner, Some(Id(2)));
    }
    type_text(&mut app, "s");
    for id in &marked {
        assert_eq!(app.backlog.measure(*id).unwrap().status, Status::Decided);
    }
    type_text(&mut app, "d");
    assert!(screen(&mut app, 100, 30).contains("Delete 2 marked measures?"));
    type_text(&mut app, "y");
    assert_eq!(app.backlog.measures.len(), 1);
    assert!(app.marks.is_empty());
    type_text(&mut app, "uuu");
    assert_eq!(app.backlog, start, "three bulk actions, three undo steps");
    assert_eq!(store.saves.borrow().last(), Some(&start), "the undone state is saved");
    type_text(&mut app, "V");
    assert_eq!(app.marks.len(), 3, "V marks all visible");
    press(&mut app, KeyCode::Esc);
    assert!(app.marks.is_empty(), "Esc clears marks");
}

#[test]
fn value_and_effort_take_a_digit_and_sectors_priorities_multi_select() {
    let (mut app, _) = app_with(triage_backlog(), Lang::Nb);
    let id = app.selected_measure().unwrap();
    type_text(&mut app, "v4E2");
    let m = app.backlog.measure(id).unwrap();
    assert_eq!((m.value, m.effort), (Some(4), Some(2)));
    type_text(&mut app, "c");
    type_text(&mut app, "helse");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.backlog.measure(id).unwrap().sectors, [Id(1)], "Esc changes nothing");
    type_text(&mut app, "c");
    type_text(&mut app, "helse");
    press(&mut app, KeyCode::Tab);
    handle(&mut app, KeyCode::Char('u'), true);
    type_text(&mut app, "oko");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.backlog.measure(id).unwrap().sectors, [Id(1), Id(2), Id(3)]);
    type_text(&mut app, "u");
    assert_eq!(app.backlog.measure(id).unwrap().sectors, [Id(1)], "one undo step");
    assert!(screen(&mut app, 100, 30).contains("Angret: endret sektorer på T-"));
}

fn handle(app: &mut App, code: KeyCode, control: bool) {
    let modifiers = if control {
        ratatui::crossterm::event::KeyModifiers::CONTROL
    } else {
        ratatui::crossterm::event::KeyModifiers::NONE
    };
    tiltak::app::handle_key(app, ratatui::crossterm::event::KeyEvent::new(code, modifiers));
}

#[test]
fn triage_view_moves_to_the_next_untriaged_measure_after_completing_one() {
    let (mut app, _) = app_with(triage_backlog(), Lang::En);
    type_text(&mut app, "T");
    assert_eq!(
        titles(&app),
        ["Velferdsteknologi i Østre Bærum", "Digital skolestart"],
        "only measures missing something"
    );
    assert!(screen(&mut app, 100, 30).contains("[◆ To triage]"));
    type_text(&mut app, "a");
    type_text(&mut app, "kari");
    press(&mut app, KeyCode::Enter);
    assert_eq!(titles(&app), ["Digital skolestart"]);
    assert_eq!(app.selected_measure(), Some(Id(2)), "the cursor is on the next one");
}

#[test]
fn filter_panel_changes_live_esc_restores_enter_keeps_and_f_clears() {
    let (mut app, _) = app_with(demo(), Lang::En);
    let all = app.measures.rows.len();
    type_text(&mut app, "f");
    type_text(&mut app, " "); // status: idea
    let ideas = app.measures.rows.len();
    assert!(ideas < all);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.measures.rows.len(), all, "Esc puts the filter back");
    type_text(&mut app, "fj jjjjjjjjjjjjjl"); // assessing (second row) + cross-sector
    assert!(app.filter.cross_sector && app.filter.statuses == [Status::Assessing]);
    press(&mut app, KeyCode::Enter);
    let shown = screen(&mut app, 120, 30);
    assert!(
        shown.contains("[assessing]") && shown.contains("[cross-sector]"),
        "{shown}"
    );
    // Of the five measures in assessment, two reach more than one sector.
    assert_eq!(shown_ids(&app), ["T-7", "T-25"]);
    type_text(&mut app, "/byggesak");
    press(&mut app, KeyCode::Enter);
    assert_eq!(shown_ids(&app), ["T-7"], "the query narrows within the filter");
    type_text(&mut app, "F");
    assert_eq!(app.measures.rows.len(), all);
    assert!(app.filter.is_empty() && app.query(Pane::Measures).is_empty());
}

#[test]
fn palette_runs_actions_and_saves_and_opens_views_undoably() {
    let (mut app, store) = app_with(demo(), Lang::Nb);
    type_text(&mut app, "o/digital");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, ":lagre vis");
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.overlay, Overlay::SaveView(_)));
    type_text(&mut app, "Digitalt");
    press(&mut app, KeyCode::Enter);
    let saved = store.saves.borrow().last().cloned().unwrap();
    assert_eq!(saved.views.len(), 1);
    assert_eq!(saved.views[0].query, "digital");
    assert_eq!(saved.views[0].sort, SortKey::Score);
    type_text(&mut app, "F");
    handle(&mut app, KeyCode::Char('p'), true);
    type_text(&mut app, "åpne vis");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "digitalt");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.query(Pane::Measures), "digital");
    assert_eq!(app.sort, SortKey::Score);
    assert_eq!(app.view_name.as_deref(), Some("Digitalt"));
    type_text(&mut app, ":angre");
    press(&mut app, KeyCode::Enter);
    assert!(app.backlog.views.is_empty(), "saving a view is one undo step");
    assert!(screen(&mut app, 100, 30).contains("Angret: lagret visningen «Digitalt»"));
}

#[test]
fn undo_reaches_at_least_200_steps_back() {
    let (mut app, _) = app_with(triage_backlog(), Lang::En);
    let start = app.backlog.clone();
    for i in 0..250 {
        type_text(&mut app, &format!("v{}", 1 + i % 5));
    }
    for _ in 0..250 {
        type_text(&mut app, "u");
    }
    assert_eq!(app.backlog, start);
}

mod snapshots {
    use super::*;

    #[test]
    fn palette_picker_and_filter_panel() {
        for lang in [Lang::Nb, Lang::En] {
            let (mut app, _) = app_with(demo(), lang);
            type_text(&mut app, ":sett");
            insta::assert_snapshot!(format!("palette_{lang:?}"), screen(&mut app, 100, 30));
            press(&mut app, KeyCode::Esc);
            type_text(&mut app, " p");
            type_text(&mut app, "digi");
            insta::assert_snapshot!(format!("picker_{lang:?}"), screen(&mut app, 100, 30));
            press(&mut app, KeyCode::Esc);
            type_text(&mut app, "f l jjjjjjjl");
            insta::assert_snapshot!(format!("filter_panel_{lang:?}"), screen(&mut app, 100, 30));
        }
    }
}
