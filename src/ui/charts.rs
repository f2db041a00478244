//! The Overview charts: four horizontal ratatui bar charts (status, sector, due dates,
//! funding), each bar labelled and carrying its number, so they read without colour.

use ratatui::Frame;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, Block, Borders};
use unicode_width::UnicodeWidthStr;

use super::Theme;
use super::detail::group_thousands;
use super::layout::fit;
use crate::app::App;
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
        .map(|(s, n)| bar(lang.status(*s).to_string(), *n, theme.status(*s)))
        .collect();
    draw(frame, theme, status, lang.tr(Msg::ChartStatus), bars);

    let bars: Vec<Item> = charts
        .active_by_sector
        .iter()
        .map(|(id, n)| {
            let label = app.backlog.sector(*id).map(|s| s.short_label()).unwrap_or_default();
            bar(label, *n, theme.label())
        })
        .collect();
    draw(frame, theme, sectors, lang.tr(Msg::ChartSectors), bars);

    let mut bars = vec![bar(
        lang.tr(Msg::Overdue).to_string(),
        charts.due.overdue,
        theme.error(),
    )];
    for (quarter, n) in &charts.due.quarters {
        let label = lang.fill(
            Msg::QuarterLabel,
            &[("q", &quarter.number.to_string()), ("year", &quarter.year.to_string())],
        );
        bars.push(bar(label, *n, theme.label()));
    }
    bars.push(bar(lang.tr(Msg::DueLater).to_string(), charts.due.later, theme.dim()));
    bars.push(bar(lang.tr(Msg::ChipNoDue).to_string(), charts.due.no_due, theme.dim()));
    draw(frame, theme, due, lang.tr(Msg::ChartDue), bars);

    let bars: Vec<Item> = charts
        .funding
        .iter()
        .map(|share| {
            let label = share
                .funding
                .map_or(lang.tr(Msg::FundingNotSet), |f| lang.funding(f))
                .to_string();
            let style = if share.funding.is_none() {
                theme.warn()
            } else {
                theme.ok()
            };
            Item {
                cost: (share.with_cost > 0)
                    .then(|| lang.fill(Msg::ChartCost, &[("cost", &group_thousands(share.cost))])),
                ..bar(label, share.count, style)
            }
        })
        .collect();
    draw(frame, theme, funding, lang.tr(Msg::ChartFunding), bars);
}

/// One bar: its label, its length (also written as its count), an estimated cost, its colour.
struct Item {
    label: String,
    value: usize,
    cost: Option<String>,
    style: Style,
}

fn bar(label: String, value: usize, style: Style) -> Item {
    Item {
        label,
        value,
        cost: None,
        style,
    }
}

/// The text columns of a chart: label, count and (when there is room) cost, each aligned,
/// leaving the bars at least a third of the panel. Labels are cut with `…` when even that
/// does not fit, so text never runs into the border.
fn label_column(items: &[Item], inner: usize) -> Vec<String> {
    let bars = inner / 3;
    let count_width = items.iter().map(|i| i.value.to_string().len()).max().unwrap_or(0);
    let cost_width = items.iter().filter_map(|i| i.cost.as_ref()).map(|c| c.width()).max();
    let label_width = items.iter().map(|i| i.label.width()).max().unwrap_or(0);
    let fixed = 1 + count_width + 1;
    let cost_width = cost_width.filter(|w| label_width + fixed + 3 + w + bars <= inner);
    let label_width = label_width.min(inner.saturating_sub(fixed + bars + cost_width.map_or(0, |w| 3 + w)));
    items
        .iter()
        .map(|item| {
            let label = fit(&item.label, label_width);
            let padding = " ".repeat(label_width - label.width());
            let mut text = format!("{label}{padding} {:>count_width$}", item.value);
            if let Some(width) = cost_width {
                match &item.cost {
                    Some(cost) => text.push_str(&format!(" · {}{cost}", " ".repeat(width - cost.width()))),
                    None => text.push_str(&" ".repeat(3 + width)),
                }
            }
            text
        })
        .collect()
}

fn draw(frame: &mut Frame, theme: Theme, area: Rect, title: &str, items: Vec<Item>) {
    let labels = label_column(&items, usize::from(area.width.saturating_sub(2)));
    let bars: Vec<Bar> = items
        .into_iter()
        .zip(labels)
        .map(|(item, label)| {
            Bar::default()
                .label(Line::from(label))
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

#[cfg(test)]
mod tests {
    use super::*;

    fn item(label: &str, value: usize, cost: Option<&str>) -> Item {
        Item {
            cost: cost.map(str::to_string),
            ..bar(label.to_string(), value, Style::default())
        }
    }

    fn funding() -> Vec<Item> {
        vec![
            item("operating budget", 8, Some("NOK 6 000 000")),
            item("investment", 4, Some("NOK 12 800 000")),
            item("unfunded", 13, None),
        ]
    }

    #[test]
    fn counts_and_costs_line_up_when_there_is_room() {
        assert_eq!(
            label_column(&funding(), 78),
            [
                "operating budget  8 ·  NOK 6 000 000",
                "investment        4 · NOK 12 800 000",
                "unfunded         13                 ",
            ]
        );
    }

    #[test]
    fn a_narrow_panel_drops_the_costs_then_cuts_the_labels_and_keeps_a_third_for_bars() {
        assert_eq!(
            label_column(&funding(), 38),
            ["operating budget  8", "investment        4", "unfunded         13"]
        );
        let narrow = label_column(&funding(), 18);
        assert_eq!(narrow, ["operati…  8", "investm…  4", "unfunded 13"]);
        assert!(narrow.iter().all(|l| l.width() <= 18 - 18 / 3));
    }
}
