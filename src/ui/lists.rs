//! The focused list: measures, owners or priorities. Rows are built only for the visible slice.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table, TableState, Wrap};

use super::Theme;
use super::layout::{fit, fit_list};
use crate::app::{App, ListView, Pane};
use crate::domain::text;
use crate::domain::{Backlog, Measure, Status};
use crate::i18n::{DateStyle, Lang, Msg};
use crate::insight::PriorityStats;
use crate::search::fold::fold_mapped;
use crate::search::{Mode, Query};

pub fn render(frame: &mut Frame, app: &App, theme: Theme, area: Rect) {
    let lang = app.lang;
    let view = app.list(app.focus);
    let mut block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(true))
        .title(header_left(app, theme))
        .title_top(header_right(app, theme).right_aligned());
    let legend = match app.focus {
        Pane::Owners => Some(lang.fill(
            Msg::OwnerLegend,
            &[("n", &app.backlog.settings.owner_load_threshold.to_string())],
        )),
        Pane::Priorities => Some(lang.tr(Msg::PriorityBarLegend).to_string()),
        // issue 16: the blocked marker is explained where it is seen.
        Pane::Measures if app.insight.blocked > 0 => Some(lang.tr(Msg::LegendBlocked).to_string()),
        _ => None,
    };
    if let Some(legend) = legend {
        block = block.title_bottom(Span::styled(format!(" {legend} "), theme.dim()));
    }
    let mut inner = block.inner(area);
    frame.render_widget(block, area);
    if app.search_open && inner.height > 1 {
        let mut spans = vec![
            Span::styled("/ ", theme.label()),
            Span::raw(app.query(app.focus).to_string()),
            Span::styled("█", theme.label()),
        ];
        if let Some(state) = search_state(app) {
            spans.push(Span::styled(format!("  {}", lang.tr(state)), theme.dim()));
        }
        let line = Line::from(spans);
        frame.render_widget(Paragraph::new(line), Rect::new(inner.x, inner.y, inner.width, 1));
        inner = Rect::new(inner.x, inner.y + 1, inner.width, inner.height - 1);
    }
    if view.rows.is_empty() {
        let empty = match app.focus {
            _ if !app.query(app.focus).is_empty() => Msg::NoMatches,
            Pane::Measures if !app.backlog.measures.is_empty() => Msg::EmptyFiltered,
            Pane::Measures => Msg::EmptyMeasures,
            Pane::Owners => Msg::EmptyOwners,
            Pane::Priorities => Msg::EmptyPriorities,
            Pane::Meetings => Msg::EmptyMeetings,
            Pane::Glossary => Msg::EmptyGlossary,
            Pane::Overview => return,
        };
        frame.render_widget(
            Paragraph::new(lang.tr(empty))
                .style(theme.dim())
                .wrap(Wrap { trim: true }),
            inner,
        );
        return;
    }
    let height = usize::from(inner.height.saturating_sub(1)).max(1);
    let offset = view.offset_for(height);
    let visible = &view.rows[offset..(offset + height).min(view.rows.len())];
    let (header, widths, rows): (Vec<&str>, Vec<Constraint>, Vec<Row>) = match app.focus {
        Pane::Measures => measure_table(app, theme, visible, inner.width),
        Pane::Meetings => super::meetings::meeting_table(app, visible),
        Pane::Owners => owner_table(app, theme, visible),
        Pane::Priorities => priority_table(app, theme, visible),
        Pane::Glossary => super::glossary::glossary_table(app, theme, visible),
        Pane::Overview => return,
    };
    let header = Row::new(header.into_iter().map(|h| Cell::from(h.to_string()))).style(theme.header());
    let table = Table::new(rows, widths)
        .header(header)
        .row_highlight_style(theme.selected())
        .highlight_symbol("▶ ")
        .column_spacing(1);
    let mut state = TableState::default().with_selected(Some(view.cursor - offset));
    frame.render_stateful_widget(table, inner, &mut state);
    render_position(frame, theme, area, view);
}

/// What the search line adds after the query: still searching, or found only fuzzily.
fn search_state(app: &App) -> Option<Msg> {
    if app.focus != Pane::Measures || app.query(Pane::Measures).trim().is_empty() {
        return None;
    }
    if app.pending_search().is_some() {
        Some(Msg::SearchRunning)
    } else {
        (app.measures_found_by() == Mode::Fuzzy).then_some(Msg::SearchFuzzy)
    }
}

/// Pane name, then what narrows the list: view, search and filter chips.
fn header_left<'a>(app: &'a App, theme: Theme) -> Line<'a> {
    let lang = app.lang;
    let mut spans = vec![Span::styled(format!(" {} ", lang.tr(app.focus.title())), theme.title())];
    let mut chip = |text: String| {
        spans.push(Span::styled(format!("[{text}]"), theme.chip()));
        spans.push(Span::raw(" "));
    };
    if app.focus == Pane::Measures
        && let Some(name) = &app.view_name
    {
        chip(format!("◆ {name}"));
    }
    let query = app.query(app.focus);
    if !query.is_empty() && !app.search_open {
        match search_state(app) {
            Some(state) => chip(format!("/{query} {}", lang.tr(state))),
            None => chip(format!("/{query}")),
        }
    }
    if app.focus == Pane::Measures {
        // The triage view's own condition is already named by the view's chip.
        let view = app.view_name.as_deref().map(str::to_lowercase);
        for text in app.filter.chips(&app.backlog, lang) {
            if view.as_deref() != Some(text.to_lowercase().as_str()) {
                chip(text);
            }
        }
    }
    Line::from(spans)
}

/// The order in use and how many measures are marked.
fn header_right<'a>(app: &'a App, theme: Theme) -> Line<'a> {
    let lang = app.lang;
    if app.focus != Pane::Measures {
        return Line::default();
    }
    let mut spans = vec![Span::raw(" ")];
    if !app.marks.is_empty() {
        let count = app.marks.len().to_string();
        let hidden = app.hidden_marks();
        let text = if hidden > 0 {
            lang.fill(Msg::MarkedHidden, &[("count", &count), ("hidden", &hidden.to_string())])
        } else {
            lang.fill(Msg::MarkedCount, &[("count", &count)])
        };
        spans.push(Span::styled(text, theme.warn()));
        spans.push(Span::raw(" · "));
    }
    let order = lang.tr(app.sort.label());
    spans.push(Span::styled(
        lang.fill(Msg::SortLabel, &[("order", order)]),
        theme.dim(),
    ));
    spans.push(Span::raw(" "));
    Line::from(spans)
}

/// "12/31" in the bottom border, so a long list shows where you are.
fn render_position(frame: &mut Frame, theme: Theme, area: Rect, view: &ListView) {
    let text = format!(" {}/{} ", view.cursor + 1, view.rows.len());
    let width = text.chars().count() as u16;
    if area.width > width + 2 && area.height > 0 {
        let spot = Rect::new(area.x + area.width - width - 1, area.y + area.height - 1, width, 1);
        frame.render_widget(Paragraph::new(text).style(theme.dim()), spot);
    }
}

pub fn owner_name(backlog: &Backlog, measure: &Measure) -> String {
    measure
        .owner
        .and_then(|o| backlog.owner(o))
        .map(|o| o.name.clone())
        .unwrap_or_default()
}

pub fn sector_labels(backlog: &Backlog, measure: &Measure) -> Vec<String> {
    measure
        .sectors
        .iter()
        .filter_map(|s| backlog.sector(*s))
        .map(|s| s.short_label())
        .collect()
}

pub fn due_text(lang: Lang, dates: DateStyle, measure: &Measure, today: jiff::civil::Date) -> String {
    match measure.due {
        Some(due) if measure.is_overdue(today) => format!("!{}", lang.date_as(dates, due)),
        Some(due) => lang.date_as(dates, due),
        None => String::new(),
    }
}

/// Fixed columns for id, status and due; owner and sectors grow with the width, and the title
/// takes the rest, so it stays readable at 80 columns.
/// The id column fits the longest id the backlog has handed out ("T-12345"), so ids are never cut.
fn measure_widths(width: u16, id_width: u16) -> Vec<Constraint> {
    let (owner, sectors) = owner_and_sector_widths(width, id_width);
    vec![
        Constraint::Length(1),
        Constraint::Length(id_width),
        Constraint::Fill(1),
        Constraint::Length(13),
        Constraint::Length(owner),
        Constraint::Length(sectors),
        Constraint::Length(11),
    ]
}

fn owner_and_sector_widths(width: u16, id_width: u16) -> (u16, u16) {
    let spare = width.saturating_sub(2 + 2 + id_width + 13 + 11 + 6 + 24);
    ((spare / 2).clamp(10, 22), (spare / 4).clamp(6, 16))
}

/// The title column's width: what the fixed columns, their gaps and the `▶ ` marker leave.
fn title_width(width: u16, id_width: u16) -> usize {
    let (owner, sectors) = owner_and_sector_widths(width, id_width);
    usize::from(width.saturating_sub(2 + 1 + id_width + 13 + owner + sectors + 11 + 6))
}

fn measure_table<'a>(
    app: &'a App,
    theme: Theme,
    visible: &[usize],
    width: u16,
) -> (Vec<&'static str>, Vec<Constraint>, Vec<Row<'a>>) {
    let lang = app.lang;
    let today = app.today();
    let backlog = &app.backlog;
    let query = Query::new(app.query(Pane::Measures));
    let mode = app.measures_found_by();
    let id_width = measure_id_width(backlog);
    let title_width = title_width(width, id_width);
    let sectors_width = owner_and_sector_widths(width, id_width).1;
    let rows = visible
        .iter()
        .filter_map(|i| backlog.measures.get(*i))
        .map(|m| {
            let due_style = if m.is_overdue(today) {
                theme.error()
            } else {
                Default::default()
            };
            let blocked = backlog.is_blocked(m);
            let title_width = if blocked {
                title_width.saturating_sub(2)
            } else {
                title_width
            };
            let mut title = if query.is_empty() {
                Line::raw(fit(&text::visible(&m.title), title_width))
            } else {
                highlighted(&m.title, &query.title_highlights(&fold_mapped(&m.title), mode), theme)
            };
            if blocked {
                title.spans.insert(0, Span::styled(BLOCKED_MARK, theme.warn()));
            }
            // An overdue date's `!` sits in the gap before it, so all dates line up.
            let due = match due_text(lang, theme.dates, m, today) {
                text if text.starts_with('!') => text,
                text => format!(" {text}"),
            };
            let mark = if app.marks.contains(&m.id) { "●" } else { " " };
            Row::new(vec![
                Cell::from(Span::styled(mark, theme.warn())),
                Cell::from(m.id.to_string()),
                Cell::from(title),
                Cell::from(Span::styled(lang.status(m.status), theme.status(m.status))),
                Cell::from(owner_name(backlog, m)),
                Cell::from(fit_list(&sector_labels(backlog, m), usize::from(sectors_width))),
                Cell::from(Span::styled(due, due_style)),
            ])
        })
        .collect();
    let header = vec![
        "",
        lang.tr(Msg::ColId),
        lang.tr(Msg::ColTitle),
        lang.tr(Msg::ColStatus),
        lang.tr(Msg::ColOwner),
        lang.tr(Msg::ColSectors),
        lang.tr(Msg::ColDue),
    ];
    (header, measure_widths(width, id_width), rows)
}

// issue 16: a measure waiting for a dependency that is not done
const BLOCKED_MARK: &str = "⊘ ";

/// Wide enough for the longest id the backlog has handed out ("T-12345"), so ids are never cut.
fn measure_id_width(backlog: &Backlog) -> u16 {
    let last_id: crate::domain::MeasureId = crate::domain::Id(backlog.next_ids.measure.saturating_sub(1).max(1));
    last_id.to_string().chars().count().max(4) as u16
}

const LOAD_BAR_WIDTH: usize = 12;
const STATUS_BAR_WIDTH: usize = 10;

fn right(text: String) -> Cell<'static> {
    Cell::from(Line::from(text).right_aligned())
}

/// Owners with their load, from the counts computed once per change (`App::insight`).
fn owner_table<'a>(
    app: &'a App,
    theme: Theme,
    visible: &[usize],
) -> (Vec<&'static str>, Vec<Constraint>, Vec<Row<'a>>) {
    let lang = app.lang;
    let loads = &app.insight.owners;
    let threshold = app.backlog.settings.owner_load_threshold as usize;
    // One bar cell per measure up to the larger of the threshold and the heaviest load.
    let scale = loads
        .iter()
        .map(|l| l.active)
        .max()
        .unwrap_or(0)
        .max(threshold + 1)
        .max(1);
    let rows = visible
        .iter()
        .filter_map(|i| Some((app.backlog.owners.get(*i)?, loads.get(*i)?)))
        .map(|(o, load)| {
            let filled = (load.active * LOAD_BAR_WIDTH).div_ceil(scale).min(LOAD_BAR_WIDTH);
            let bar_style = if load.overloaded { theme.error() } else { theme.label() };
            let flag = if load.overloaded { "⚠" } else { "" };
            let row = Row::new(vec![
                Cell::from(text::visible(&o.name)),
                Cell::from(o.role.as_str()),
                right(load.active.to_string()),
                right(load.overdue.to_string()),
                right(load.assessing.to_string()),
                Cell::from(Line::from(vec![
                    Span::styled("█".repeat(filled), bar_style),
                    Span::styled("·".repeat(LOAD_BAR_WIDTH - filled), theme.dim()),
                    Span::styled(format!(" {flag}"), theme.error()),
                ])),
            ]);
            if load.active == 0 { row.style(theme.dim()) } else { row }
        })
        .collect();
    let header = vec![
        lang.tr(Msg::ColName),
        lang.tr(Msg::ColRole),
        lang.tr(Msg::ColActive),
        lang.tr(Msg::ColOverdue),
        lang.tr(Msg::ColAssessing),
        lang.tr(Msg::ColLoad),
    ];
    (
        header,
        vec![
            Constraint::Fill(2),
            Constraint::Fill(2),
            Constraint::Length(6),
            Constraint::Length(7),
            Constraint::Length(9),
            Constraint::Length(LOAD_BAR_WIDTH as u16 + 2),
        ],
        rows,
    )
}

/// A stacked bar of a priority's measures: done, decided/in progress, idea/assessing; parked
/// and rejected are left out. Distinct glyphs keep it readable without colour.
fn status_bar(theme: Theme, stats: &PriorityStats) -> Line<'static> {
    let done = stats.count(Status::Done);
    let moving = stats.count(Status::Decided) + stats.count(Status::InProgress);
    let waiting = stats.count(Status::Idea) + stats.count(Status::Assessing);
    let total = done + moving + waiting;
    if total == 0 {
        return Line::styled("·".repeat(STATUS_BAR_WIDTH), theme.dim());
    }
    let cells = |n: usize| (n * STATUS_BAR_WIDTH + total / 2) / total;
    let done_cells = cells(done);
    let moving_cells = cells(moving).min(STATUS_BAR_WIDTH - done_cells);
    let waiting_cells = STATUS_BAR_WIDTH - done_cells - moving_cells;
    Line::from(vec![
        Span::styled("█".repeat(done_cells), theme.status(Status::Done)),
        Span::styled("▓".repeat(moving_cells), theme.status(Status::InProgress)),
        Span::styled("░".repeat(waiting_cells), theme.status(Status::Assessing)),
    ])
}

fn priority_table<'a>(
    app: &'a App,
    theme: Theme,
    visible: &[usize],
) -> (Vec<&'static str>, Vec<Constraint>, Vec<Row<'a>>) {
    let lang = app.lang;
    let rows = visible
        .iter()
        .filter_map(|i| Some((app.backlog.priorities.get(*i)?, app.insight.priorities.get(*i)?)))
        .map(|(p, stats)| {
            let done = stats.percent_done().map_or_else(
                || lang.tr(Msg::None).to_string(),
                |pct| lang.fill(Msg::Percent, &[("n", &pct.to_string())]),
            );
            Row::new(vec![
                right(p.rank.to_string()),
                Cell::from(text::visible(&p.title)),
                right(stats.total().to_string()),
                Cell::from(status_bar(theme, stats)),
                right(done),
                right(stats.sectors.to_string()),
            ])
        })
        .collect();
    let header = vec![
        lang.tr(Msg::ColRank),
        lang.tr(Msg::ColTitle),
        lang.tr(Msg::ColMeasures),
        lang.tr(Msg::ColStatus),
        lang.tr(Msg::ColDone),
        lang.tr(Msg::ColReach),
    ];
    (
        header,
        vec![
            Constraint::Length(4),
            Constraint::Fill(1),
            Constraint::Length(8),
            Constraint::Length(STATUS_BAR_WIDTH as u16),
            Constraint::Length(8),
            Constraint::Length(8),
        ],
        rows,
    )
}

/// `text` with the chars at `indices` (char positions, sorted) in the match style.
pub fn highlighted<'a>(text: &'a str, indices: &[usize], theme: Theme) -> Line<'a> {
    let style = |matched: bool| if matched { theme.matched() } else { Style::default() };
    let mut spans = Vec::new();
    let mut start = 0;
    let mut current: Option<bool> = None;
    let mut next = indices.iter().peekable();
    for (char_index, (byte, _)) in text.char_indices().enumerate() {
        let matched = next.next_if(|i| **i == char_index).is_some();
        if current.is_some_and(|c| c != matched) {
            spans.push(Span::styled(&text[start..byte], style(!matched)));
            start = byte;
        }
        current = Some(matched);
    }
    if let Some(matched) = current {
        spans.push(Span::styled(&text[start..], style(matched)));
    }
    Line::from(spans)
}

/// A one-line "T-3 Title (status)" for lists inside the detail panel.
pub fn measure_line<'a>(lang: Lang, theme: Theme, m: &'a Measure) -> Line<'a> {
    Line::from(vec![
        Span::raw(format!("  {:<5} ", m.id.to_string())),
        Span::raw(text::visible(&m.title)),
        Span::raw(" "),
        Span::styled(format!("({})", lang.status(m.status)), theme.status(m.status)),
    ])
}
