//! The focused list: measures, owners or priorities. Rows are built only for the visible slice.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table, TableState, Wrap};

use super::Theme;
use crate::app::{App, ListView, Pane};
use crate::domain::{Backlog, Measure};
use crate::i18n::{Lang, Msg};
use crate::search::Query;

pub fn render(frame: &mut Frame, app: &App, theme: Theme, area: Rect) {
    let lang = app.lang;
    let view = app.list(app.focus);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(true))
        .title(header_left(app, theme))
        .title_top(header_right(app, theme).right_aligned());
    let mut inner = block.inner(area);
    frame.render_widget(block, area);
    if app.search_open && inner.height > 1 {
        let line = Line::from(vec![
            Span::styled("/ ", theme.label()),
            Span::raw(app.query(app.focus).to_string()),
            Span::styled("█", theme.label()),
        ]);
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
        Pane::Owners => owner_table(app, visible),
        Pane::Priorities => priority_table(app, visible),
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
        chip(format!("/{query}"));
    }
    if app.focus == Pane::Measures {
        for text in app.filter.chips(&app.backlog, lang) {
            chip(text);
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
        spans.push(Span::styled(
            lang.fill(Msg::MarkedCount, &[("count", &count)]),
            theme.warn(),
        ));
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

pub fn sector_labels(backlog: &Backlog, measure: &Measure) -> String {
    measure
        .sectors
        .iter()
        .filter_map(|s| backlog.sector(*s))
        .map(|s| s.short_label())
        .collect::<Vec<_>>()
        .join(",")
}

pub fn due_text(lang: Lang, measure: &Measure, today: jiff::civil::Date) -> String {
    match measure.due {
        Some(due) if measure.is_overdue(today) => format!("!{}", lang.date(due)),
        Some(due) => lang.date(due),
        None => String::new(),
    }
}

/// Fixed columns for id, status and due; owner and sectors grow with the width, and the title
/// takes the rest, so it stays readable at 80 columns.
fn measure_widths(width: u16) -> Vec<Constraint> {
    let spare = width.saturating_sub(2 + 2 + 5 + 13 + 11 + 6 + 24);
    let owner = (spare / 2).clamp(10, 22);
    let sectors = (spare / 4).clamp(6, 16);
    vec![
        Constraint::Length(1),
        Constraint::Length(5),
        Constraint::Fill(1),
        Constraint::Length(13),
        Constraint::Length(owner),
        Constraint::Length(sectors),
        Constraint::Length(11),
    ]
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
    let rows = visible
        .iter()
        .filter_map(|i| backlog.measures.get(*i).map(|m| (*i, m)))
        .map(|(i, m)| {
            let due_style = if m.is_overdue(today) {
                theme.error()
            } else {
                Default::default()
            };
            let title = match app.keys.get(i) {
                Some(keys) if !query.is_empty() => highlighted(&m.title, &query.title_highlights(&keys.title), theme),
                _ => Line::raw(m.title.as_str()),
            };
            let mark = if app.marks.contains(&m.id) { "●" } else { " " };
            Row::new(vec![
                Cell::from(Span::styled(mark, theme.warn())),
                Cell::from(m.id.to_string()),
                Cell::from(title),
                Cell::from(Span::styled(lang.status(m.status), theme.status(m.status))),
                Cell::from(owner_name(backlog, m)),
                Cell::from(sector_labels(backlog, m)),
                Cell::from(Span::styled(due_text(lang, m, today), due_style)),
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
    (header, measure_widths(width), rows)
}

fn owner_table<'a>(app: &'a App, visible: &[usize]) -> (Vec<&'static str>, Vec<Constraint>, Vec<Row<'a>>) {
    let lang = app.lang;
    let rows = visible
        .iter()
        .filter_map(|i| app.backlog.owners.get(*i))
        .map(|o| {
            Row::new(vec![
                Cell::from(o.name.as_str()),
                Cell::from(o.role.as_str()),
                Cell::from(format!("{:>6}", app.counts.active_for(o.id))),
            ])
        })
        .collect();
    let header = vec![lang.tr(Msg::ColName), lang.tr(Msg::ColRole), lang.tr(Msg::ColActive)];
    (
        header,
        vec![Constraint::Fill(2), Constraint::Fill(2), Constraint::Length(7)],
        rows,
    )
}

fn priority_table<'a>(app: &'a App, visible: &[usize]) -> (Vec<&'static str>, Vec<Constraint>, Vec<Row<'a>>) {
    let lang = app.lang;
    let rows = visible
        .iter()
        .filter_map(|i| app.backlog.priorities.get(*i))
        .map(|p| {
            Row::new(vec![
                Cell::from(format!("{:>4}", p.rank)),
                Cell::from(p.title.as_str()),
                Cell::from(format!("{:>6}", app.counts.measures_for(p.id))),
            ])
        })
        .collect();
    let header = vec![lang.tr(Msg::ColRank), lang.tr(Msg::ColTitle), lang.tr(Msg::ColMeasures)];
    (
        header,
        vec![Constraint::Length(4), Constraint::Fill(1), Constraint::Length(8)],
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
        Span::raw(m.title.as_str()),
        Span::raw(" "),
        Span::styled(format!("({})", lang.status(m.status)), theme.status(m.status)),
    ])
}
