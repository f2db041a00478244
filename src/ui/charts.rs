//! The Overview charts: four horizontal ratatui bar charts (status, sector, due dates,
//! funding), each bar labelled and carrying its number, so they read without colour.

use ratatui::Frame;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, Block, Borders};
use unicode_width::UnicodeWidthStr;

use super::Theme;
use crate::app::App;
use crate::human::group_thousands;
use crate::i18n::Msg;

pub fn render(frame: &mut Frame, app: &App, theme: Theme, area: Rect) {
    let [top, bottom] = Layout::vertical([Constraint::Fill(1), Constraint::Fill(1)]).areas(area);
    let [status, sectors] = Layout::horizontal([Constraint::Fill(1), Constraint::Fill(1)]).areas(top);
    let [due, funding] = Layout::horizontal([Constraint::Fill(1), Constraint::Fill(1)]).areas(bottom);
    let lang = app.lang;
    let charts = &app.insight.charts;

    let bars: Vec<Item> = charts
        .by_status
        .iter()
        .map(|(s, n)| bar(lang.status(*s).to_string(), *n, n.to_string(), theme.status(*s)))
        .collect();
    draw(frame, theme, status, lang.tr(Msg::ChartStatus), bars);

    let bars: Vec<Item> = charts
        .active_by_sector
        .iter()
        .map(|(id, n)| {
            let label = app.backlog.sector(*id).map(|s| s.short_label()).unwrap_or_default();
            bar(label, *n, n.to_string(), theme.label())
        })
        .collect();
    draw(frame, theme, sectors, lang.tr(Msg::ChartSectors), bars);

    let mut bars = vec![bar(
        lang.tr(Msg::Overdue).to_string(),
        charts.due.overdue,
        charts.due.overdue.to_string(),
        theme.error(),
    )];
    for (quarter, n) in &charts.due.quarters {
        let label = lang.fill(
            Msg::QuarterLabel,
            &[("q", &quarter.number.to_string()), ("year", &quarter.year.to_string())],
        );
        bars.push(bar(label, *n, n.to_string(), theme.label()));
    }
    bars.push(bar(
        lang.tr(Msg::DueLater).to_string(),
        charts.due.later,
        charts.due.later.to_string(),
        theme.dim(),
    ));
    bars.push(bar(
        lang.tr(Msg::ChipNoDue).to_string(),
        charts.due.no_due,
        charts.due.no_due.to_string(),
        theme.dim(),
    ));
    draw(frame, theme, due, lang.tr(Msg::ChartDue), bars);

    let bars: Vec<Item> = charts
        .funding
        .iter()
        .map(|share| {
            let label = share
                .funding
                .map_or(lang.tr(Msg::FundingNotSet), |f| lang.funding(f))
                .to_string();
            let value = if share.with_cost > 0 {
                lang.fill(
                    Msg::CountAndCost,
                    &[("n", &share.count.to_string()), ("cost", &group_thousands(share.cost))],
                )
            } else {
                share.count.to_string()
            };
            let style = if share.funding.is_none() {
                theme.warn()
            } else {
                theme.ok()
            };
            bar(label, share.count, value, style)
        })
        .collect();
    draw(frame, theme, funding, lang.tr(Msg::ChartFunding), bars);
}

/// One bar: its label, its length, the number written beside the label, its colour.
struct Item {
    label: String,
    value: usize,
    text: String,
    style: Style,
}

fn bar(label: String, value: usize, text: String, style: Style) -> Item {
    Item {
        label,
        value,
        text,
        style,
    }
}

/// The number goes in the label column (aligned), not on the bar, so it never covers it.
fn draw(frame: &mut Frame, theme: Theme, area: Rect, title: &str, items: Vec<Item>) {
    let label_width = items.iter().map(|i| i.label.width()).max().unwrap_or(0);
    let text_width = items.iter().map(|i| i.text.width()).max().unwrap_or(0);
    let bars: Vec<Bar> = items
        .into_iter()
        .map(|item| {
            let padding = " ".repeat(label_width - item.label.width());
            Bar::default()
                .label(Line::from(format!(
                    "{}{padding} {:>text_width$}",
                    item.label, item.text
                )))
                .value(item.value as u64)
                .text_value(String::new())
                .style(item.style)
        })
        .collect();
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(false))
        .title(Span::styled(format!(" {title} "), theme.title()));
    let chart = BarChart::horizontal(bars)
        .block(block)
        .direction(Direction::Horizontal)
        .bar_width(1)
        .bar_gap(0);
    frame.render_widget(chart, area);
}
