//! The meeting screens: set-up (fields and agenda), the full-screen review made to be read
//! from the back of a room, and the summary afterwards.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::Theme;
use super::facts::MeasureFacts;
use super::lists::owner_name;
use super::log::log_line;
use super::meetings::{attendees_line, discussed, item_outcome};
use crate::app::App;
use crate::app::form::Input;
use crate::app::review::{Review, Setup, Summary, TimerLevel, clock_text, timer_level};
use crate::domain::Measure;
use crate::domain::text::visible;
use crate::i18n::{Lang, Msg};

const LABEL_WIDTH: u16 = 22;

pub fn render_setup(frame: &mut Frame, app: &App, theme: Theme, area: Rect, setup: &Setup) {
    let lang = app.lang;
    let form = &setup.form;
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(true))
        .title(Span::styled(format!(" {} ", lang.tr(Msg::SetupTitle)), theme.title()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let heights: Vec<u16> = form
        .fields
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let focused = i == form.focus && !setup.on_agenda;
            let body = match &f.input {
                Input::Multi { options, .. } if focused => (options.len() as u16).clamp(1, 6),
                _ => 1,
            };
            body + u16::from(form.error.as_ref().is_some_and(|(e, _)| *e == i))
        })
        .collect();
    let fields_height = heights.iter().sum::<u16>();
    let [fields_area, _, agenda_area] = Layout::vertical([
        Constraint::Length(fields_height),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(inner);
    let mut y = fields_area.y;
    for (index, field) in form.fields.iter().enumerate() {
        let focused = index == form.focus && !setup.on_agenda;
        let height = heights[index];
        if y + height > inner.y + inner.height || inner.width <= LABEL_WIDTH + 2 {
            break;
        }
        let marker = if focused { "▶ " } else { "  " };
        let style = if focused { theme.selected() } else { theme.label() };
        frame.render_widget(
            Paragraph::new(format!("{marker}{}", lang.tr(field.label))).style(style),
            Rect::new(inner.x, y, LABEL_WIDTH, 1),
        );
        let error = form.error.as_ref().filter(|(e, _)| *e == index);
        let input_height = height - u16::from(error.is_some());
        let input = Rect::new(
            inner.x + LABEL_WIDTH + 1,
            y,
            inner.width - LABEL_WIDTH - 1,
            input_height,
        );
        super::form::render_input(frame, app, theme, field, focused, input);
        if let Some((_, message)) = error {
            let spot = Rect::new(input.x, y + input_height, input.width, 1);
            frame.render_widget(Paragraph::new(format!("⚠ {message}")).style(theme.error()), spot);
        }
        y += height;
    }
    render_agenda(frame, app, theme, agenda_area, setup);
}

fn render_agenda(frame: &mut Frame, app: &App, theme: Theme, area: Rect, setup: &Setup) {
    let lang = app.lang;
    let minutes = setup.form.setup_values(lang).map(|v| v.minutes as usize).unwrap_or(0);
    let heading = lang.fill(
        Msg::SetupAgenda,
        &[
            ("count", &setup.agenda.len().to_string()),
            ("minutes", &(minutes * setup.agenda.len()).to_string()),
        ],
    );
    let heading_style = if setup.on_agenda {
        theme.selected()
    } else {
        theme.header()
    };
    let marker = if setup.on_agenda { "▶ " } else { "  " };
    let mut lines = vec![Line::styled(format!("{marker}{heading}"), heading_style)];
    if let Some(error) = &setup.error {
        lines.push(Line::styled(format!("⚠ {error}"), theme.error()));
    }
    if setup.agenda.is_empty() {
        lines.push(Line::styled(lang.tr(Msg::SetupEmptyAgenda), theme.dim()));
    }
    let rows = usize::from(area.height).saturating_sub(lines.len()).max(1);
    let first = setup.cursor.saturating_sub(rows - 1);
    for (index, id) in setup.agenda.iter().enumerate().skip(first).take(rows) {
        let Some(m) = app.backlog.measure(*id) else { continue };
        let selected = setup.on_agenda && index == setup.cursor;
        let text = format!(
            "{}{:>2}. {:<5} {}  ({}, {})",
            if selected { "▶ " } else { "  " },
            index + 1,
            m.id.to_string(),
            visible(&m.title),
            lang.status(m.status),
            non_empty(lang, owner_name(&app.backlog, m))
        );
        lines.push(if selected {
            Line::styled(text, theme.selected())
        } else {
            Line::raw(text)
        });
    }
    frame.render_widget(Paragraph::new(lines), area);
}

fn non_empty(lang: Lang, text: String) -> String {
    if text.is_empty() {
        lang.tr(Msg::None).to_string()
    } else {
        text
    }
}

fn level_style(theme: Theme, level: TimerLevel) -> Style {
    match level {
        TimerLevel::Fine => theme.ok(),
        TimerLevel::Warn => theme.warn(),
        TimerLevel::Over => theme.error(),
    }
}

fn level_marker(lang: Lang, level: TimerLevel) -> String {
    match level {
        TimerLevel::Fine => String::new(),
        TimerLevel::Warn => format!(" {}", lang.tr(Msg::TimerWarn)),
        TimerLevel::Over => format!(" {}", lang.tr(Msg::TimerOver)),
    }
}

/// The meeting on the left; "3 / 12 │ Item 02:30 / 05:00 │ Total 12:30 / 60:00" on the right,
/// each clock coloured and marked. The clocks always fit; the title gives way.
fn render_header(frame: &mut Frame, app: &App, theme: Theme, area: Rect, review: &Review) {
    let lang = app.lang;
    let now = app.clock.now();
    let title = app
        .backlog
        .meeting(review.meeting)
        .map(|m| format!(" {} {} · {} ", m.id, visible(&m.title), lang.date(m.date)))
        .unwrap_or_default();
    let item = review.item_elapsed(now);
    let total = review.total_elapsed(now);
    let item_level = timer_level(item, review.per_item_secs);
    let total_level = timer_level(total, review.total_limit());
    let position = lang.fill(
        Msg::ReviewPosition,
        &[
            ("n", &(review.index + 1).to_string()),
            ("total", &review.agenda.len().to_string()),
        ],
    );
    let item_text = lang.fill(
        Msg::ReviewItemClock,
        &[
            ("elapsed", &clock_text(item)),
            ("limit", &clock_text(review.per_item_secs)),
        ],
    );
    let total_text = lang.fill(
        Msg::ReviewTotalClock,
        &[
            ("elapsed", &clock_text(total)),
            ("limit", &clock_text(review.total_limit())),
        ],
    );
    let clocks = Line::from(vec![
        Span::raw("│ "),
        Span::styled(position, theme.title().add_modifier(Modifier::REVERSED)),
        Span::raw(" │ "),
        Span::styled(
            format!("{item_text}{}", level_marker(lang, item_level)),
            level_style(theme, item_level),
        ),
        Span::raw(" │ "),
        Span::styled(
            format!("{total_text}{}", level_marker(lang, total_level)),
            level_style(theme, total_level),
        ),
        Span::raw(" "),
    ]);
    let clocks_width = (clocks.width() as u16).min(area.width);
    let [left, right] = Layout::horizontal([Constraint::Fill(1), Constraint::Length(clocks_width)]).areas(area);
    frame.render_widget(Paragraph::new(Span::styled(title, theme.title())), left);
    frame.render_widget(Paragraph::new(clocks), right);
}

struct Fact {
    label: Msg,
    value: String,
    style: Style,
}

fn fact(lang: Lang, label: Msg, value: String, style: Style) -> Fact {
    Fact {
        label,
        value: non_empty(lang, value),
        style,
    }
}

/// Lines `text` takes when word-wrapped at `width` columns (words longer than a line are cut).
fn wrapped_height(text: &str, width: u16) -> u16 {
    let width = usize::from(width.max(1));
    let mut lines = 1usize;
    let mut used = 0usize;
    for word in text.split_whitespace() {
        let mut w = word.width();
        let needed = if used == 0 { w } else { used + 1 + w };
        if needed <= width {
            used = needed;
            continue;
        }
        if used > 0 {
            lines += 1;
        }
        while w > width {
            lines += 1;
            w -= width;
        }
        used = w;
    }
    u16::try_from(lines).unwrap_or(u16::MAX)
}

/// Label column and wrapped values beside it, so continuation lines stay in their column.
fn render_facts(frame: &mut Frame, lang: Lang, theme: Theme, area: Rect, facts: &[Fact]) {
    let label_width = facts.iter().map(|f| lang.tr(f.label).width() as u16).max().unwrap_or(0) + 2;
    let value_width = area.width.saturating_sub(label_width + 1);
    let mut y = area.y;
    for f in facts {
        let height = f
            .value
            .lines()
            .map(|l| wrapped_height(l, value_width))
            .sum::<u16>()
            .max(1);
        if y + height > area.y + area.height || value_width == 0 {
            break;
        }
        frame.render_widget(
            Paragraph::new(lang.tr(f.label)).style(theme.label()),
            Rect::new(area.x, y, label_width, 1),
        );
        frame.render_widget(
            Paragraph::new(Text::styled(f.value.as_str(), f.style)).wrap(Wrap { trim: true }),
            Rect::new(area.x + label_width, y, value_width, height),
        );
        y += height;
    }
}

fn facts(app: &App, theme: Theme, m: &Measure) -> Vec<Fact> {
    let lang = app.lang;
    let b = &app.backlog;
    let today = app.today();
    let facts = MeasureFacts::of(lang, b, m, today);
    let due_style = if facts.overdue { theme.error() } else { Style::default() };
    let plain = Style::default();
    vec![
        fact(
            lang,
            Msg::FieldStatus,
            lang.status(m.status).to_string(),
            theme.status(m.status).add_modifier(Modifier::BOLD),
        ),
        fact(lang, Msg::FieldOwner, owner_name(b, m), theme.title()),
        fact(lang, Msg::FieldSectors, facts.sectors, plain),
        fact(lang, Msg::FieldPriorities, facts.priorities.join("\n"), plain),
        fact(lang, Msg::FieldValueEffort, facts.value_effort, plain),
        fact(lang, Msg::FieldDue, facts.due, due_style),
        fact(lang, Msg::FieldFunding, facts.funding, plain),
        fact(lang, Msg::FieldPolitical, facts.political, plain),
    ]
}

pub fn render_review(frame: &mut Frame, app: &App, theme: Theme, area: Rect, review: &Review) {
    let lang = app.lang;
    // On a small terminal the measure's own facts come first; the log panel shrinks.
    let log_rows = if area.height < 29 { 4 } else { 7 };
    let [top, title_area, body, bottom] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(4),
        Constraint::Fill(1),
        Constraint::Length(log_rows),
    ])
    .areas(area);
    render_header(frame, app, theme, top, review);
    let Some(m) = review.current().and_then(|id| app.backlog.measure(id)) else {
        return;
    };
    let title_block = Block::default().borders(Borders::ALL).border_style(theme.border(true));
    let title = Line::from(vec![
        Span::styled(format!("{}  ", m.id), theme.dim().add_modifier(Modifier::BOLD)),
        Span::styled(visible(&m.title), theme.title()),
    ]);
    frame.render_widget(
        Paragraph::new(title).block(title_block).wrap(Wrap { trim: true }),
        title_area,
    );
    let [left, right] = Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(body);
    let divider = Block::default().borders(Borders::RIGHT).border_style(theme.dim());
    let facts_area = divider.inner(left);
    frame.render_widget(divider, left);
    render_facts(frame, lang, theme, facts_area, &facts(app, theme, m));
    let mut text: Vec<Line> = vec![Line::styled(lang.tr(Msg::FieldDescription), theme.header())];
    text.extend(m.description.lines().map(Line::raw));
    if m.description.is_empty() {
        text.push(Line::styled(lang.tr(Msg::None), theme.dim()));
    }
    text.push(Line::raw(""));
    text.push(Line::styled(lang.tr(Msg::FieldBenefits), theme.header()));
    text.extend(m.benefits.lines().map(Line::raw));
    if m.benefits.is_empty() {
        text.push(Line::styled(lang.tr(Msg::None), theme.dim()));
    }
    let right = Rect::new(right.x + 1, right.y, right.width.saturating_sub(1), right.height);
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: false }), right);
    let [here, log] = Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(bottom);
    let block = |title: Msg| {
        Block::default()
            .borders(Borders::TOP)
            .border_style(theme.dim())
            .title(Span::styled(format!(" {} ", lang.tr(title)), theme.header()))
    };
    let mut recorded: Vec<Line> = Vec::new();
    if let Some(meeting) = app.backlog.meeting(review.meeting) {
        recorded = item_outcome(lang, theme, &app.backlog, meeting, m.id, "");
        if !app.backlog.was_discussed(meeting, m.id) {
            recorded = vec![Line::styled(lang.tr(Msg::ReviewNothingYet), theme.dim())];
        }
    }
    frame.render_widget(
        Paragraph::new(recorded)
            .block(block(Msg::ReviewThisMeeting))
            .wrap(Wrap { trim: true }),
        here,
    );
    let mut latest: Vec<Line> = m
        .log
        .iter()
        .rev()
        .take(3)
        .map(|e| log_line(lang, theme, &app.backlog, e))
        .collect();
    if latest.is_empty() {
        latest.push(Line::styled(lang.tr(Msg::NoLog), theme.dim()));
    }
    frame.render_widget(
        Paragraph::new(latest)
            .block(block(Msg::ReviewLatestLog))
            .wrap(Wrap { trim: true }),
        log,
    );
}

pub fn render_summary(frame: &mut Frame, app: &App, theme: Theme, area: Rect, summary: &Summary) {
    let lang = app.lang;
    let b = &app.backlog;
    let Some(m) = b.meeting(summary.meeting) else { return };
    let attendees = b.owner_names(&m.attendees);
    let mut lines = vec![
        Line::from(vec![
            Span::styled(format!("{} · {}", m.id, lang.date(m.date)), theme.dim()),
            Span::raw("  "),
            Span::styled(
                lang.fill(
                    Msg::SummaryDiscussed,
                    &[
                        ("done", &discussed(b, m).to_string()),
                        ("total", &m.agenda.len().to_string()),
                    ],
                ),
                theme.header(),
            ),
        ]),
        attendees_line(lang, theme, &attendees),
    ];
    // The demo's minutes live in the demo's folder: the command must say `--demo` to find them.
    let command = format!("tiltak {}minutes {}", if app.demo { "--demo " } else { "" }, m.id);
    lines.push(match &summary.written {
        Some(Ok(path)) => Line::styled(
            lang.fill(Msg::SummaryMinutesAt, &[("path", &path.display().to_string())]),
            theme.ok(),
        ),
        Some(Err(error)) => Line::styled(
            lang.fill(Msg::SummaryMinutesFailed, &[("error", error), ("command", &command)]),
            theme.error(),
        ),
        None => Line::styled(lang.fill(Msg::SummaryReexport, &[("command", &command)]), theme.dim()),
    });
    lines.push(Line::raw(""));
    for (number, item) in m.agenda.iter().enumerate() {
        let title = visible(b.measure(*item).map(|x| x.title.as_str()).unwrap_or_default());
        let owner = b.measure(*item).map(|x| owner_name(b, x)).unwrap_or_default();
        lines.push(Line::from(vec![
            Span::styled(format!("{:>2}. {item} ", number + 1), theme.title()),
            Span::styled(title, theme.title()),
            Span::styled(format!("  ({})", non_empty(lang, owner)), theme.dim()),
        ]));
        lines.extend(item_outcome(lang, theme, b, m, *item, "      "));
    }
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(true))
        .title(Span::styled(
            format!(" {} ", lang.fill(Msg::SummaryTitle, &[("title", &visible(&m.title))])),
            theme.title(),
        ));
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false })
            .scroll((summary.scroll, 0)),
        area,
    );
}

#[cfg(test)]
mod tests {
    #[test]
    fn wrapped_height_counts_word_wrapped_lines() {
        assert_eq!(super::wrapped_height("Økonomi, Organisasjon og styring", 20), 3);
        assert_eq!(super::wrapped_height("kort", 20), 1);
        assert_eq!(super::wrapped_height("", 20), 1);
        assert_eq!(super::wrapped_height("abcdefghij", 4), 3);
    }
}
