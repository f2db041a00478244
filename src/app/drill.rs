//! Drilling from a priority, an owner or an Overview cell into the filtered Measures pane and
//! back again; moving priorities in rank; the Overview's cell cursor.

use super::overview::Grid;
use super::update::{committed, say};
use super::{Action, App, Pane};
use crate::i18n::Msg;
use crate::insight::ValueEffortGrid;
use crate::search::MeasureFilter;

/// Where a drill-down started, restored by `Esc` in the Measures pane.
#[derive(Debug, Clone, PartialEq)]
pub struct CameFrom {
    pub pane: Pane,
    pub filter: MeasureFilter,
    pub measure_cursor: usize,
}

/// The filter `Enter` applies to the Measures pane for the current selection, if any.
pub fn drill_filter(app: &App) -> Option<MeasureFilter> {
    match app.focus {
        Pane::Priorities => app.selected_priority().map(|p| MeasureFilter {
            priority: Some(p),
            ..Default::default()
        }),
        Pane::Glossary => None,
        Pane::Owners => app.selected_owner().map(|o| MeasureFilter {
            owner: Some(o),
            ..Default::default()
        }),
        Pane::Overview => match app.overview.grid {
            Grid::Matrix => {
                let cursor = app.overview.matrix;
                let matrix = &app.insight.matrix;
                let priority = *matrix.priorities.get(cursor.row)?;
                let sector = *matrix.sectors.get(cursor.column)?;
                Some(MeasureFilter {
                    priority: Some(priority),
                    sector: Some(sector),
                    active_only: true,
                    ..Default::default()
                })
            }
            Grid::ValueEffort => {
                let cursor = app.overview.value_effort;
                Some(MeasureFilter {
                    value: Some(ValueEffortGrid::value_of_row(cursor.row)),
                    effort: Some(ValueEffortGrid::effort_of_column(cursor.column)),
                    active_only: true,
                    ..Default::default()
                })
            }
        },
        Pane::Measures | Pane::Meetings => None,
    }
}

pub fn drill_down(app: &mut App) {
    // The charts fill the pane: the grid and its cursor are out of sight.
    if app.focus == Pane::Overview && app.overview.charts {
        return say(app, app.lang.tr(Msg::MsgChartsHideGrid).to_string());
    }
    let Some(filter) = drill_filter(app) else {
        return say(app, app.lang.tr(Msg::NothingSelected).to_string());
    };
    app.came_from.push(CameFrom {
        pane: app.focus,
        filter: app.filter.clone(),
        measure_cursor: app.measures.cursor,
    });
    app.focus = Pane::Measures;
    app.detail_scroll = 0;
    app.measures.cursor = 0;
    app.set_filter(filter);
}

/// `Esc` in the Measures pane after a drill-down: back to where it started, with the filter
/// that was on before. Returns false when there is nowhere to go back to.
pub fn go_back(app: &mut App) -> bool {
    if app.focus != Pane::Measures {
        return false;
    }
    let Some(from) = app.came_from.pop() else {
        return false;
    };
    app.focus = from.pane;
    app.detail_scroll = 0;
    app.set_filter(from.filter);
    app.measures.cursor = from.measure_cursor.min(app.measures.rows.len().saturating_sub(1));
    true
}

pub fn move_rank(app: &mut App, toward_first: bool) {
    let Some(id) = app.selected_priority() else {
        return say(app, app.lang.tr(Msg::NothingSelected).to_string());
    };
    let lang = app.lang;
    let title = app.backlog.priority(id).map(|p| p.title.clone()).unwrap_or_default();
    match app.backlog.move_priority(id, toward_first) {
        Ok(Some(edit)) => {
            let rank = app.backlog.priority(id).map_or(0, |p| p.rank);
            let label = lang.fill(Msg::MsgRankMoved, &[("title", &title), ("rank", &rank.to_string())]);
            committed(app, edit, label);
        }
        Ok(None) => {
            let msg = if toward_first {
                Msg::MsgRankAtTop
            } else {
                Msg::MsgRankAtBottom
            };
            say(app, lang.fill(msg, &[("title", &title)]));
        }
        Err(error) => say(app, error.to_string()),
    }
}

/// The Overview pane's own handling of movement keys; false for actions it leaves alone.
pub fn overview_action(app: &mut App, action: Action) -> bool {
    let (rows, columns): (isize, isize) = match action {
        Action::Down => (1, 0),
        Action::Up => (-1, 0),
        Action::CellLeft => (0, -1),
        Action::CellRight => (0, 1),
        Action::PageDown => (10, 0),
        Action::PageUp => (-10, 0),
        Action::First => (isize::MIN / 2, isize::MIN / 2),
        Action::Last => (isize::MAX / 2, isize::MAX / 2),
        Action::ToggleCharts => {
            app.overview.charts = !app.overview.charts;
            return true;
        }
        Action::ToggleValueEffort => {
            app.overview.grid = match app.overview.grid {
                Grid::Matrix => Grid::ValueEffort,
                Grid::ValueEffort => Grid::Matrix,
            };
            app.overview.charts = false;
            return true;
        }
        _ => return false,
    };
    app.overview.move_by(&app.insight, rows, columns);
    true
}
