//! The mouse goes through the same `update` as the keys: a click on a tab or a row, a
//! double-click, the wheel over a list, the detail panel and help.

mod common;

use std::time::{Duration, Instant};

use common::*;
use ratatui::crossterm::event::{KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Size;
use tiltak::app::{App, Overlay, Pane, update};
use tiltak::i18n::Lang;
use tiltak::ui::layout;
use tiltak::ui::mouse::{Clicks, actions};

const SIZE: Size = Size::new(120, 40);

fn mouse(app: &mut App, clicks: &mut Clicks, kind: MouseEventKind, column: u16, row: u16, at: Instant) {
    let event = MouseEvent {
        kind,
        column,
        row,
        modifiers: KeyModifiers::NONE,
    };
    for action in actions(app, SIZE, event, clicks, at) {
        update(app, action);
    }
}

fn click(app: &mut App, clicks: &mut Clicks, column: u16, row: u16, at: Instant) {
    mouse(app, clicks, MouseEventKind::Down(MouseButton::Left), column, row, at);
}

#[test]
fn a_click_on_a_tab_switches_pane_and_a_click_on_a_row_selects_it() {
    let (mut app, _store) = app_with(demo(), Lang::En);
    let mut clicks = Clicks::default();
    let shown = screen(&mut app, SIZE.width, SIZE.height);
    let tabs = shown.lines().next().unwrap();
    let owners = tabs.find("2 Owners").unwrap();
    let column = tabs[..owners].chars().count() as u16 + 2;
    let now = Instant::now();
    click(&mut app, &mut clicks, column, 0, now);
    assert_eq!(app.focus, Pane::Owners);

    // The fourth row of the owner list: border, header, then rows.
    let list = layout::areas(SIZE).list;
    click(
        &mut app,
        &mut clicks,
        list.x + 5,
        list.y + 2 + 3,
        now + Duration::from_secs(1),
    );
    assert_eq!(app.owners.cursor, 3);
    let shown = screen(&mut app, SIZE.width, SIZE.height);
    let row = shown.lines().nth(usize::from(list.y + 2 + 3)).unwrap();
    assert!(row.contains('▶'), "the clicked row is marked: {row}");
    assert!(matches!(app.overlay, Overlay::None), "one click only selects");

    // Below the last row: nothing changes.
    click(
        &mut app,
        &mut clicks,
        list.x + 5,
        list.y + list.height - 2,
        now + Duration::from_secs(2),
    );
    assert_eq!(app.owners.cursor, 3);
}

#[test]
fn a_double_click_opens_the_row() {
    let (mut app, _store) = app_with(demo(), Lang::En);
    let mut clicks = Clicks::default();
    screen(&mut app, SIZE.width, SIZE.height);
    let list = layout::areas(SIZE).list;
    let now = Instant::now();
    click(&mut app, &mut clicks, list.x + 10, list.y + 4, now);
    assert!(matches!(app.overlay, Overlay::None));
    click(
        &mut app,
        &mut clicks,
        list.x + 10,
        list.y + 4,
        now + Duration::from_millis(200),
    );
    let Overlay::Form(form) = &app.overlay else {
        panic!("a double-click edits the row")
    };
    let id = app.selected_measure().unwrap();
    assert!(form.title(Lang::En).contains(&id.to_string()));
    assert_eq!(app.measures.cursor, 2);
}

#[test]
fn the_wheel_scrolls_the_list_the_detail_panel_and_help() {
    let (mut app, _store) = app_with(demo(), Lang::En);
    let mut clicks = Clicks::default();
    screen(&mut app, SIZE.width, SIZE.height);
    let areas = layout::areas(SIZE);
    let now = Instant::now();
    mouse(
        &mut app,
        &mut clicks,
        MouseEventKind::ScrollDown,
        areas.list.x + 3,
        areas.list.y + 3,
        now,
    );
    assert_eq!(app.measures.cursor, 3);
    mouse(
        &mut app,
        &mut clicks,
        MouseEventKind::ScrollUp,
        areas.list.x + 3,
        areas.list.y + 3,
        now,
    );
    assert_eq!(app.measures.cursor, 0);
    mouse(
        &mut app,
        &mut clicks,
        MouseEventKind::ScrollDown,
        areas.detail.x + 3,
        areas.detail.y + 3,
        now,
    );
    // Three lines, or to the panel's last line if that comes sooner.
    assert!(app.detail_scroll > 0);
    assert_eq!(app.detail_scroll, app.detail_max_scroll.min(3));
    assert_eq!(
        app.measures.cursor, 0,
        "the wheel over the detail panel leaves the list alone"
    );
    type_text(&mut app, "?");
    mouse(&mut app, &mut clicks, MouseEventKind::ScrollDown, 60, 20, now);
    assert!(matches!(app.overlay, Overlay::Help { scroll: 3 }), "{:?}", app.overlay);
}

#[test]
fn a_click_on_a_matrix_cell_selects_it_and_a_double_click_opens_its_measures() {
    let (mut app, _store) = app_with(demo(), Lang::En);
    let mut clicks = Clicks::default();
    type_text(&mut app, "5");
    let shown = screen(&mut app, SIZE.width, SIZE.height);
    let matrix = app.insight.matrix.clone();
    let short = |i: usize| app.backlog.sector(matrix.sectors[i]).unwrap().short_label();
    let (header_y, header) = shown
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains(&format!(" {}", short(0))) && l.contains(&format!(" {}", short(2))))
        .expect("the matrix header names the sectors");
    let label = short(2);
    let at = header.find(&format!(" {label}")).unwrap() + 1;
    let column = header[..at].chars().count() + label.chars().count() - 1;
    let title = &app.backlog.priority(matrix.priorities[1]).unwrap().title;
    let row_y = shown
        .lines()
        .enumerate()
        .skip(header_y)
        .find(|(_, l)| l.contains(&title.chars().take(10).collect::<String>()))
        .map(|(y, _)| y)
        .expect("the second priority's row");
    let now = Instant::now();
    click(&mut app, &mut clicks, column as u16, row_y as u16, now);
    assert_eq!(
        (app.overview.matrix.row, app.overview.matrix.column),
        (1, 2),
        "clicked at {column},{row_y}"
    );
    click(
        &mut app,
        &mut clicks,
        column as u16,
        row_y as u16,
        now + Duration::from_millis(100),
    );
    assert_eq!(app.focus, Pane::Measures, "a double-click drills down like Enter");
    assert_eq!(app.filter.sector, Some(matrix.sectors[2]));
    assert_eq!(app.filter.priority, Some(matrix.priorities[1]));
}
