//! The Overview pane: the priority × sector matrix (or the value × effort grid) with a cell
//! cursor, flags and legend; the charts beside it on wide screens or instead of it with `c`.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table};
use unicode_width::UnicodeWidthStr;

use super::{Theme, charts};
use crate::app::App;
use crate::app::overview::{Cursor, Grid};
use crate::domain::text;
use crate::i18n::Msg;
use crate::insight::{PriorityFlag, ValueEffortGrid};

/// From this width the charts sit beside the grid.
pub const CHARTS_BESIDE_WIDTH: u16 = 160;
const SILO: &str = "▲";
const EMPTY: &str = "○";
const UNCOVERED: &str = "✕";
const QUICK_WIN: &str = "★";

pub fn render(frame: &mut Frame, app: &App, theme: Theme, area: Rect) {
    if app.overview.charts {
        return charts::render(frame, app, theme, area);
    }
    let grid_area = if area.width >= CHARTS_BESIDE_WIDTH {
        let [grid, side] = Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(area);
        charts::render(frame, app, theme, side);
        grid
    } else {
        area
    };
    match app.overview.grid {
        Grid::Matrix => {
            // issue 16: the selected priority's dependencies under the matrix, when it has any
            let priority = app.insight.matrix.priorities.get(app.overview.matrix.row).copied();
            match priority.and_then(|p| Some((p, app.insight.dependencies.get(&p)?))) {
                Some((priority, tree)) if grid_area.height >= 16 => {
                    let height = (tree.len() as u16 + 2).min(grid_area.height / 3);
                    let [matrix, deps] =
                        Layout::vertical([Constraint::Fill(1), Constraint::Length(height)]).areas(grid_area);
                    render_matrix(frame, app, theme, matrix);
                    render_dependencies(frame, app, theme, deps, priority, tree);
                }
                _ => render_matrix(frame, app, theme, grid_area),
            }
        }
        Grid::ValueEffort => render_value_effort(frame, app, theme, grid_area),
    }
}

// issue 16: the dependency view of the selected priority
fn render_dependencies(
    frame: &mut Frame,
    app: &App,
    theme: Theme,
    area: Rect,
    priority: crate::domain::PriorityId,
    tree: &[crate::insight::connections::TreeLine],
) {
    let lang = app.lang;
    let title = app
        .backlog
        .priority(priority)
        .map(|p| p.title.as_str())
        .unwrap_or_default();
    let block = block(
        theme,
        lang.fill(
            Msg::DependencyTreeTitle,
            &[("priority", &crate::domain::text::visible(title))],
        ),
    );
    let lines: Vec<Line> = tree
        .iter()
        .filter_map(|line| Some((line, app.backlog.measure(line.id)?)))
        .map(|(line, m)| {
            let indent = if line.depth == 0 {
                String::new()
            } else {
                format!("{}└ ", "  ".repeat(line.depth - 1))
            };
            let mut spans = vec![
                Span::raw(indent),
                Span::styled(format!("{} ", m.id), theme.dim()),
                Span::raw(crate::domain::text::visible(&m.title).into_owned()),
                Span::styled(format!(" ({})", lang.status(m.status)), theme.status(m.status)),
            ];
            if line.repeated {
                spans.push(Span::styled(format!(" {}", lang.tr(Msg::TreeRepeated)), theme.dim()));
            } else if app.backlog.is_blocked(m) {
                spans.push(Span::styled(" ⊘", theme.warn()));
            }
            Line::from(spans)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

/// Background shading in three steps of the largest count; the number itself carries the
/// meaning without colour.
fn shade(theme: Theme, count: usize, max: usize) -> Style {
    if count == 0 {
        return theme.dim();
    }
    theme.shade((count * 3).div_ceil(max.max(1)))
}

/// The count as shown in a cell: `·` for none, brackets around the cursor's cell.
fn cell_text(count: usize, selected: bool, marker: &str) -> String {
    let number = if count == 0 {
        "·".to_string()
    } else {
        count.to_string()
    };
    if selected {
        format!("{marker}[{number}]")
    } else {
        format!("{marker} {number} ")
    }
}

fn cell<'a>(text: String, style: Style, selected: bool) -> Cell<'a> {
    Cell::from(cell_line(text, style, selected))
}

fn cell_line<'a>(text: String, style: Style, selected: bool) -> Line<'a> {
    let style = if selected {
        style.add_modifier(Modifier::REVERSED | Modifier::BOLD)
    } else {
        style
    };
    Line::from(Span::styled(text, style)).right_aligned()
}

// issue 14: the value × effort grid names its measures when they fit
/// The measures of a value × effort cell in at most `lines` lines of `width` columns: one
/// `T-3 Title` a line when all fit, else their ids side by side, `+n` for those left over.
fn cell_names(app: &App, ids: &[crate::domain::MeasureId], width: usize, lines: usize) -> Vec<String> {
    if lines == 0 || ids.is_empty() {
        return Vec::new();
    }
    if ids.len() <= lines && width >= 10 {
        return ids
            .iter()
            .filter_map(|id| app.backlog.measure(*id))
            .map(|m| super::layout::fit(&format!("{} {}", m.id, text::visible(&m.title)), width))
            .collect();
    }
    let ids: Vec<String> = ids.iter().map(ToString::to_string).collect();
    ids_in_lines(&ids, width, lines)
}

/// As many of `ids` as fit in `lines` lines of `width` columns, the rest counted as `+n`.
fn ids_in_lines(ids: &[String], width: usize, lines: usize) -> Vec<String> {
    (0..=ids.len())
        .rev()
        .find_map(|shown| {
            let more = (shown < ids.len()).then(|| format!("+{}", ids.len() - shown));
            let packed = packed(ids[..shown].iter().chain(more.as_ref()), width);
            (packed.len() <= lines).then_some(packed)
        })
        .unwrap_or_default()
}

/// `words` side by side in lines of at most `width` columns.
fn packed<'a>(words: impl Iterator<Item = &'a String>, width: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for word in words {
        match out.last_mut() {
            Some(line) if line.width() + 1 + word.width() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => out.push(word.clone()),
        }
    }
    out
}

fn block<'a>(theme: Theme, title: String) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(true))
        .title(Span::styled(format!(" {title} "), theme.title()))
}

/// The first row or column to show so that `cursor` is within `visible` of them.
fn offset_for(cursor: usize, visible: usize) -> usize {
    (cursor + 1).saturating_sub(visible.max(1))
}

fn render_matrix(frame: &mut Frame, app: &App, theme: Theme, area: Rect) {
    let lang = app.lang;
    let matrix = &app.insight.matrix;
    let block = block(theme, lang.tr(Msg::OverviewMatrixTitle).to_string());
    if matrix.priorities.is_empty() || matrix.sectors.is_empty() {
        frame.render_widget(
            Paragraph::new(lang.tr(Msg::OverviewNeedsData))
                .style(theme.dim())
                .block(block),
            area,
        );
        return;
    }
    let inner = block.inner(area);
    let Cursor { row, column } = app.overview.matrix;
    let footer_height = 5.min(inner.height.saturating_sub(3));
    let [table_area, footer_area] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(footer_height)]).areas(inner);

    let priorities: Vec<_> = matrix.priorities.iter().map(|id| app.backlog.priority(*id)).collect();
    let labels = matrix_labels(app);
    let MatrixLayout {
        headers,
        widths,
        label_width,
        total_width,
        first,
        last,
        top,
        visible_rows,
    } = matrix_layout(app, table_area, &labels);
    let shown = first..=last;
    let max = matrix.max_count();
    let header = Row::new(
        std::iter::once(Cell::from(""))
            .chain(shown.clone().map(|c| {
                let style = if matrix.sector_uncovered(c) {
                    theme.warn()
                } else {
                    theme.header()
                };
                Cell::from(Line::from(Span::styled(headers[c].clone(), style)).right_aligned())
            }))
            .chain([Cell::from(
                Line::from(Span::styled(lang.tr(Msg::ColTotal), theme.header())).right_aligned(),
            )]),
    );
    let rows: Vec<Row> = (top..matrix.priorities.len().min(top + visible_rows))
        .map(|r| {
            let label_style = match matrix.flag(r) {
                Some(PriorityFlag::Silo) => theme.warn(),
                Some(PriorityFlag::Empty) => theme.dim(),
                None => Style::default(),
            };
            let label_style = if r == row {
                label_style.add_modifier(Modifier::BOLD)
            } else {
                label_style
            };
            let label = super::layout::fit(&labels[r], usize::from(label_width));
            let cells = std::iter::once(Cell::from(Span::styled(label, label_style)))
                .chain(shown.clone().map(|c| {
                    let count = matrix.counts[r][c];
                    let selected = r == row && c == column;
                    cell(cell_text(count, selected, ""), shade(theme, count, max), selected)
                }))
                .chain([Cell::from(
                    Line::from(Span::styled(matrix.row_active[r].to_string(), theme.title())).right_aligned(),
                )]);
            Row::new(cells)
        })
        .collect();
    let constraints: Vec<Constraint> = std::iter::once(Constraint::Length(label_width))
        .chain(shown.clone().map(|c| Constraint::Length(widths[c])))
        .chain([Constraint::Length(total_width)])
        .collect();
    let mut block = block;
    if first > 0 || last + 1 < matrix.sectors.len() {
        let scroll = format!(
            " {}{}{} ",
            if first > 0 { "◀ " } else { "" },
            lang.fill(
                Msg::ColumnsShown,
                &[
                    ("from", &(first + 1).to_string()),
                    ("to", &(last + 1).to_string()),
                    ("n", &matrix.sectors.len().to_string()),
                ],
            ),
            if last + 1 < matrix.sectors.len() { " ▶" } else { "" },
        );
        block = block.title_bottom(Line::from(Span::styled(scroll, theme.dim())).right_aligned());
    }
    frame.render_widget(block, area);
    frame.render_widget(
        Table::new(rows, constraints).header(header).column_spacing(1),
        table_area,
    );

    let selected_priority = priorities.get(row).copied().flatten().map(|p| p.title.clone());
    let sector_name = matrix
        .sectors
        .get(column)
        .and_then(|s| app.backlog.sector(*s))
        .map(|s| s.name.clone());
    let count = matrix.counts.get(row).and_then(|r| r.get(column)).copied().unwrap_or(0);
    let percent = crate::insight::load::rounded_percent(matrix.cross_sector, matrix.active);
    let footer = vec![
        Line::styled(
            lang.fill(
                Msg::CellSummary,
                &[
                    ("priority", &selected_priority.unwrap_or_default()),
                    ("sector", &sector_name.unwrap_or_default()),
                    ("n", &count.to_string()),
                ],
            ),
            theme.label(),
        ),
        Line::raw(lang.fill(
            Msg::CrossSectorLine,
            &[
                ("n", &matrix.cross_sector.to_string()),
                ("m", &matrix.active.to_string()),
                ("pct", &percent.to_string()),
            ],
        )),
        Line::styled(lang.tr(Msg::LegendSilo), theme.warn()),
        Line::styled(lang.tr(Msg::LegendEmpty), theme.dim()),
        Line::styled(lang.tr(Msg::LegendUncovered), theme.warn()),
    ];
    frame.render_widget(Paragraph::new(footer), footer_area);
}

/// Each priority row's label: its flag, rank and title.
fn matrix_labels(app: &App) -> Vec<String> {
    let matrix = &app.insight.matrix;
    matrix
        .priorities
        .iter()
        .enumerate()
        .map(|(i, id)| {
            let flag = match matrix.flag(i) {
                Some(PriorityFlag::Silo) => SILO,
                Some(PriorityFlag::Empty) => EMPTY,
                None => " ",
            };
            app.backlog
                .priority(*id)
                .map_or_else(String::new, |p| format!("{flag} {}. {}", p.rank, p.title))
        })
        .collect()
}

/// Where the matrix's columns and rows go in `table_area`: shared by render and the mouse.
pub(super) struct MatrixLayout {
    pub headers: Vec<String>,
    pub widths: Vec<u16>,
    pub label_width: u16,
    pub total_width: u16,
    /// The sector columns shown, `first..=last`, scrolled so the cursor's column shows.
    pub first: usize,
    pub last: usize,
    /// The first priority row shown, and how many fit.
    pub top: usize,
    pub visible_rows: usize,
}

pub(super) fn matrix_layout(app: &App, table_area: Rect, labels: &[String]) -> MatrixLayout {
    let lang = app.lang;
    let matrix = &app.insight.matrix;
    let Cursor { row, column } = app.overview.matrix;
    let total_width = UnicodeWidthStr::width(lang.tr(Msg::ColTotal)).max(5) as u16;
    let headers: Vec<String> = matrix
        .sectors
        .iter()
        .enumerate()
        .map(|(i, id)| {
            let short = app.backlog.sector(*id).map(|s| s.short_label()).unwrap_or_default();
            if matrix.sector_uncovered(i) {
                format!("{UNCOVERED}{short}")
            } else {
                short
            }
        })
        .collect();
    let widths: Vec<u16> = headers.iter().map(|h| (h.width() as u16).max(4)).collect();
    // Row labels give way (down to 20 columns) before sectors scroll out of sight.
    let all_columns: u16 = widths.iter().map(|w| w + 1).sum();
    let longest = labels.iter().map(|l| l.width()).max().unwrap_or(0) as u16;
    let label_width = table_area
        .width
        .saturating_sub(all_columns + total_width + 2)
        .clamp(20, longest.max(20))
        .min(table_area.width / 2);
    // Columns that fit beside the fixed row labels, scrolled so the cursor's column shows.
    let room = table_area.width.saturating_sub(label_width + total_width + 2);
    let mut first = 0;
    let fits = |first: usize| {
        let mut used = 0u16;
        let mut last = first;
        for (i, w) in widths.iter().enumerate().skip(first) {
            if used + w + 1 > room && i > first {
                break;
            }
            used += w + 1;
            last = i;
        }
        last
    };
    while fits(first) < column && first < column {
        first += 1;
    }
    let last = fits(first);

    let visible_rows = usize::from(table_area.height.saturating_sub(1)).max(1);
    let top = offset_for(row, visible_rows);
    MatrixLayout {
        headers,
        widths,
        label_width,
        total_width,
        first,
        last,
        top,
        visible_rows,
    }
}

/// The matrix cell (row, column) at `at`, when the Overview shows the matrix in `area`.
pub(super) fn matrix_cell_at(app: &App, area: Rect, at: ratatui::layout::Position) -> Option<(usize, usize)> {
    let matrix = &app.insight.matrix;
    if app.overview.charts || matrix.priorities.is_empty() || matrix.sectors.is_empty() {
        return None;
    }
    let grid_area = if area.width >= CHARTS_BESIDE_WIDTH {
        let [grid, _] = Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(area);
        grid
    } else {
        area
    };
    let inner = block(Theme::new(false), String::new()).inner(grid_area);
    let footer_height = 5.min(inner.height.saturating_sub(3));
    let [table_area, _] = Layout::vertical([Constraint::Fill(1), Constraint::Length(footer_height)]).areas(inner);
    let layout = matrix_layout(app, table_area, &matrix_labels(app));
    let body_top = table_area.y + 1;
    if at.y < body_top || !table_area.contains(at) {
        return None;
    }
    let row = layout.top + usize::from(at.y - body_top);
    if row >= matrix.priorities.len() || row >= layout.top + layout.visible_rows {
        return None;
    }
    let mut x = table_area.x + layout.label_width + 1;
    for column in layout.first..=layout.last {
        let width = layout.widths[column];
        if (x..x + width).contains(&at.x) {
            return Some((row, column));
        }
        x += width + 1;
    }
    None
}

fn render_value_effort(frame: &mut Frame, app: &App, theme: Theme, area: Rect) {
    let lang = app.lang;
    let grid = &app.insight.charts.value_effort;
    let block = block(theme, lang.tr(Msg::OverviewValueEffortTitle).to_string());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let footer_height = 3.min(inner.height.saturating_sub(3));
    let [table_area, footer_area] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(footer_height)]).areas(inner);
    let Cursor { row, column } = app.overview.value_effort;
    let max = grid.counts.iter().flatten().copied().max().unwrap_or(0);
    let value_word = lang.tr(Msg::AxisValue);
    let effort_word = lang.tr(Msg::ChipEffort);
    let header = Row::new(
        std::iter::once(Cell::from(Span::styled(lang.tr(Msg::AxisEffort), theme.header()))).chain((0..5).map(|c| {
            Cell::from(
                Line::from(Span::styled(
                    format!("{effort_word} {}", ValueEffortGrid::effort_of_column(c)),
                    theme.header(),
                ))
                .right_aligned(),
            )
        })),
    );
    // Cells share the width and height the screen has: room to name their measures.
    let label_width = 12;
    let column_width =
        (table_area.width.saturating_sub(label_width + 5) / 5).max((effort_word.width() as u16 + 2).max(6));
    let row_height = (table_area.height.saturating_sub(1) / 5).max(1);
    let rows: Vec<Row> = (0..5)
        .map(|r| {
            let label = Cell::from(Span::styled(
                format!("{value_word} {}", ValueEffortGrid::value_of_row(r)),
                theme.header(),
            ));
            let cells = (0..5).map(|c| {
                let count = grid.counts[r][c];
                let selected = r == row && c == column;
                let marker = if ValueEffortGrid::is_quick_win(r, c) {
                    QUICK_WIN
                } else {
                    " "
                };
                let names = cell_names(
                    app,
                    &grid.measures[r][c],
                    usize::from(column_width),
                    usize::from(row_height - 1),
                );
                let mut text = Text::from(cell_line(
                    cell_text(count, selected, marker),
                    shade(theme, count, max),
                    selected,
                ));
                text.extend(names.into_iter().map(Line::raw));
                Cell::from(text)
            });
            Row::new(std::iter::once(label).chain(cells)).height(row_height)
        })
        .collect();
    let constraints: Vec<Constraint> = std::iter::once(Constraint::Length(label_width))
        .chain((0..5).map(|_| Constraint::Length(column_width)))
        .collect();
    frame.render_widget(
        Table::new(rows, constraints).header(header).column_spacing(1),
        table_area,
    );
    let footer = vec![
        Line::styled(
            lang.fill(
                Msg::ValueEffortCell,
                &[
                    ("v", &ValueEffortGrid::value_of_row(row).to_string()),
                    ("e", &ValueEffortGrid::effort_of_column(column).to_string()),
                    ("n", &grid.counts[row.min(4)][column.min(4)].to_string()),
                ],
            ),
            theme.label(),
        ),
        Line::styled(lang.tr(Msg::QuickWins), theme.ok()),
        Line::styled(
            lang.fill(Msg::Unscored, &[("n", &grid.unscored.to_string())]),
            theme.dim(),
        ),
    ];
    frame.render_widget(Paragraph::new(footer), footer_area);
}

#[cfg(test)]
mod tests {
    use super::ids_in_lines;

    #[test]
    fn ids_that_do_not_fit_are_counted() {
        let ids: Vec<String> = ["T-1", "T-22", "T-333", "T-4"].map(String::from).to_vec();
        assert_eq!(ids_in_lines(&ids, 10, 2), ["T-1 T-22", "T-333 T-4"]);
        assert_eq!(ids_in_lines(&ids, 10, 1), ["T-1 +3"]);
        assert_eq!(ids_in_lines(&ids, 12, 2), ["T-1 T-22", "T-333 T-4"]);
        assert_eq!(ids_in_lines(&ids, 5, 1), ["+4"]);
    }
}
