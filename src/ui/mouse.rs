//! Where a mouse event landed, as the actions a key press would give: the layout that draws
//! the screen also answers which tab, row or panel is under the pointer.

use std::time::{Duration, Instant};

use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Size};

use super::{Theme, layout, tab_line};
use crate::app::review::Screen;
use crate::app::{Action, App, Overlay, Pane};

/// Two clicks on the same cell within this time are a double-click.
const DOUBLE_CLICK: Duration = Duration::from_millis(400);
/// Rows one notch of the wheel moves.
const WHEEL_ROWS: usize = 3;

/// The last click, to tell a double-click.
#[derive(Debug, Default)]
pub struct Clicks {
    last: Option<(Instant, u16, u16)>,
}

/// The actions `event` stands for on a `size` screen showing `app`; empty when it hit nothing.
pub fn actions(app: &App, size: Size, event: MouseEvent, clicks: &mut Clicks, now: Instant) -> Vec<Action> {
    if layout::too_small(size) {
        return Vec::new();
    }
    let areas = layout::areas(size);
    let at = Position::new(event.column, event.row);
    let main = matches!(app.screen, Screen::Main) && matches!(app.overlay, Overlay::None) && !app.search_open;
    let over_detail = main && app.focus != Pane::Overview && areas.detail.contains(at);
    match event.kind {
        MouseEventKind::ScrollDown if over_detail => vec![Action::DetailDown],
        MouseEventKind::ScrollUp if over_detail => vec![Action::DetailUp],
        MouseEventKind::ScrollDown => vec![Action::Down; WHEEL_ROWS],
        MouseEventKind::ScrollUp => vec![Action::Up; WHEEL_ROWS],
        MouseEventKind::Down(MouseButton::Left) if main => {
            let double = clicks
                .last
                .is_some_and(|(when, x, y)| (x, y) == (at.x, at.y) && now.duration_since(when) <= DOUBLE_CLICK);
            clicks.last = if double { None } else { Some((now, at.x, at.y)) };
            if areas.tabs.contains(at) {
                let (_, tabs) = tab_line(app, Theme::new(false), size.width);
                return tabs
                    .into_iter()
                    .find(|(_, columns)| columns.contains(&at.x))
                    .map(|(pane, _)| vec![Action::Focus(pane)])
                    .unwrap_or_default();
            }
            if app.focus == Pane::Overview {
                return matrix_click(app, areas.list.union(areas.detail), at, double);
            }
            if !areas.list.contains(at) {
                return Vec::new();
            }
            let Some(row) = list_row(app, areas.list, at.y) else {
                return Vec::new();
            };
            if double {
                vec![Action::SelectRow(row), Action::Edit]
            } else {
                vec![Action::SelectRow(row)]
            }
        }
        _ => Vec::new(),
    }
}

/// A click on a matrix cell moves the cell cursor there with the same steps the arrow keys
/// take; a double-click then opens the cell's measures, as `Enter` does.
fn matrix_click(app: &App, area: ratatui::layout::Rect, at: Position, double: bool) -> Vec<Action> {
    use crate::app::overview::Grid;
    if app.overview.grid != Grid::Matrix {
        return Vec::new();
    }
    let Some((row, column)) = super::overview::matrix_cell_at(app, area, at) else {
        return Vec::new();
    };
    let cursor = app.overview.matrix;
    let vertical = if row >= cursor.row { Action::Down } else { Action::Up };
    let horizontal = if column >= cursor.column {
        Action::CellRight
    } else {
        Action::CellLeft
    };
    let mut actions = vec![vertical; row.abs_diff(cursor.row)];
    actions.extend(vec![horizontal; column.abs_diff(cursor.column)]);
    if double {
        actions.push(Action::DrillDown);
    }
    actions
}

/// The list row (index into the pane's rows) drawn on screen line `y` of the list `area`.
fn list_row(app: &App, area: ratatui::layout::Rect, y: u16) -> Option<usize> {
    // Border, then the search line when open, then the header.
    let first_row = area.y + 1 + u16::from(app.search_open) + 1;
    let bottom = area.y + area.height.saturating_sub(1);
    if y < first_row || y >= bottom {
        return None;
    }
    let view = app.list(app.focus);
    let height = usize::from(bottom - first_row).max(1);
    let index = view.offset_for(height) + usize::from(y - first_row);
    (index < view.rows.len()).then_some(index)
}
