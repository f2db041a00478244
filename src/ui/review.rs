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
use super::glossary::{terms_found_lines, with_terms_underlined};
use super::layout::shortened;
use super::lists::owner_name;
use super::log::log_line;
use super::meetings::{
    absent_and_guests, agenda_items, attendees_line, discussed, item_outcome, term_items, time_used_line,
};
use crate::app::App;
use crate::app::form::Input;
use crate::app::keymap::Context;
use crate::app::review::{Review, Setup, Summary, TimerLevel, clock_text, timer_level};
use crate::domain::Measure;
use crate::domain::text::visible;
use crate::i18n::{Lang, Msg};
use crate::insight::connections::blocked_text;

const LABEL_WIDTH: u16 = 22;

pub fn render_setup(frame: &mut Frame, app: &App, theme: Theme, area: Rect, setup: &Setup) {
    let lang = app.lang;
    let form = &setup.form;
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(true))
        .title(Span::styled(format!(" {} ", setup_title(lang, setup)), theme.title()));
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

fn setup_title(lang: Lang, setup: &Setup) -> String {
    match setup.editing {
        Some(id) => lang.fill(Msg::SetupEditTitle, &[("id", &id.to_string())]),
        None => lang.tr(Msg::SetupTitle).to_string(),
    }
}

fn render_agenda(frame: &mut Frame, app: &App, theme: Theme, area: Rect, setup: &Setup) {
    let lang = app.lang;
    let minutes = setup.form.minutes_per_item().unwrap_or(0) as usize;
    let heading = lang.fill(
        Msg::SetupAgendaTotal,
        &[
            ("items", &lang.items(setup.len())),
            ("minutes", &(minutes * setup.len()).to_string()),
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
    if setup.is_empty() {
        lines.push(Line::styled(lang.tr(Msg::SetupEmptyAgenda), theme.dim()));
    }
    let rows = usize::from(area.height).saturating_sub(lines.len()).max(1);
    let first = setup.cursor.saturating_sub(rows - 1);
    let today = app.today();
    let width = usize::from(area.width);
    // issue 16: the glossary terms after the measures, as the review takes them
    let items = setup
        .agenda
        .iter()
        .map(|id| {
            app.backlog.measure(*id).map(|m| {
                (
                    m.id.to_string(),
                    visible(&m.title).into_owned(),
                    measure_why(app, m, today),
                )
            })
        })
        .chain(setup.terms.iter().map(|id| {
            app.backlog.term(*id).map(|t| {
                let kind = lang.fill(Msg::PickerTermOption, &[("status", lang.term_status(t.status))]);
                (t.id.to_string(), visible(&t.term).into_owned(), format!("  ({kind})"))
            })
        }));
    for (index, item) in items.enumerate().skip(first).take(rows) {
        let Some((id, title, why)) = item else { continue };
        let selected = setup.on_agenda && index == setup.cursor;
        let lead = format!("{}{:>2}. {id:<5} ", if selected { "▶ " } else { "  " }, index + 1);
        let room = width.saturating_sub(lead.width() + why.width()).max(12);
        let text = format!("{lead}{}{why}", shortened(&title, room));
        lines.push(if selected {
            Line::styled(shortened(&text, width), theme.selected())
        } else {
            Line::raw(shortened(&text, width))
        });
    }
    frame.render_widget(Paragraph::new(lines), area);
}

/// Why a measure is on the agenda: `  (status, owner · reasons)`.
fn measure_why(app: &App, m: &crate::domain::Measure, today: jiff::civil::Date) -> String {
    let lang = app.lang;
    format!(
        "  ({}, {} · {})",
        lang.status(m.status),
        non_empty(lang, owner_name(&app.backlog, m)),
        crate::export::agenda::reasons_line(&app.backlog, lang, m, today)
    )
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
        .map(|m| format!(" {} {} · {} ", m.id, visible(&m.title), theme.date(lang, m.date)))
        .unwrap_or_default();
    let item = review.item_elapsed(now);
    let total = review.total_elapsed(now);
    let item_level = timer_level(item, review.per_item_secs);
    let total_level = timer_level(total, review.total_limit());
    let position = lang.fill(
        Msg::ReviewPosition,
        &[
            ("n", &(review.index + 1).to_string()),
            ("total", &review.len().to_string()),
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
    let title = shortened(&title, usize::from(left.width));
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
/// Label column and values beside it. Roomy: values wrap at word boundaries and continuation
/// lines stay in their column. Compact (a small screen): each value line is one row, shortened
/// with `…` at a word boundary, so every fact fits.
fn render_facts(frame: &mut Frame, lang: Lang, theme: Theme, area: Rect, facts: &[Fact], compact: bool) {
    let label_width = facts.iter().map(|f| lang.tr(f.label).width() as u16).max().unwrap_or(0) + 2;
    let value_width = area.width.saturating_sub(label_width + 1);
    let mut y = area.y;
    for f in facts {
        let value = if compact {
            f.value
                .lines()
                .map(|l| shortened(l, usize::from(value_width)))
                .collect::<Vec<_>>()
                .join("\n")
        } else {
            f.value.clone()
        };
        let height = value
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
            Paragraph::new(Text::styled(value, f.style)).wrap(Wrap { trim: true }),
            Rect::new(area.x + label_width, y, value_width, height),
        );
        y += height;
    }
}

/// The measure's facts; `compact` names sectors by their short labels.
fn facts(app: &App, theme: Theme, m: &Measure, compact: bool) -> Vec<Fact> {
    let lang = app.lang;
    let b = &app.backlog;
    let today = app.today();
    let mut facts = MeasureFacts::of(lang, theme.dates, b, m, today);
    if compact {
        let mut short: Vec<String> = m
            .sectors
            .iter()
            .filter_map(|s| b.sector(*s))
            .map(|s| s.short_label())
            .collect();
        if m.is_cross_sector() {
            short.push(format!("({})", lang.tr(Msg::CrossSector)));
        }
        facts.sectors = short.join(" ");
    }
    let due_style = if facts.overdue { theme.error() } else { Style::default() };
    let plain = Style::default();
    let mut list = vec![
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
    ];
    // issue 16: what the measure waits for, so the meeting sees it before deciding
    if !m.depends_on.is_empty() {
        let (text, style) = match blocked_text(lang, b, m) {
            Some(blocked) => (format!("⊘ {blocked}"), theme.warn()),
            None => (crate::domain::depends::ids_text(&m.depends_on), plain),
        };
        list.push(fact(lang, Msg::FieldDependsOn, text, style));
    }
    list
}

pub fn render_review(frame: &mut Frame, app: &App, theme: Theme, area: Rect, review: &Review) {
    let lang = app.lang;
    // On a small screen (a projector at 80×24) every fact stays visible: the title loses its
    // box, facts take one row each, the log panel shrinks.
    let compact = area.height < 29 || area.width < 100;
    let log_rows = if area.height < 29 {
        area.height.saturating_sub(17).clamp(4, 6)
    } else {
        7
    };
    let keys = review_keys(app, theme, area.width, review.current_term().is_some());
    let [top, title_area, body, bottom, keys_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(if compact { 2 } else { 4 }),
        Constraint::Fill(1),
        Constraint::Length(log_rows),
        Constraint::Length(keys.len() as u16),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(keys), keys_area);
    render_header(frame, app, theme, top, review);
    // issue 16: a glossary term on the agenda
    if let Some(term) = review.current_term().and_then(|t| app.backlog.term(t)) {
        let rest = Rect::new(
            area.x,
            title_area.y,
            area.width,
            keys_area.y.saturating_sub(title_area.y),
        );
        return super::glossary::render_term_item(frame, app, theme, rest, review.meeting, term);
    }
    let Some(m) = review.current().and_then(|id| app.backlog.measure(id)) else {
        return;
    };
    let borders = if compact { Borders::NONE } else { Borders::ALL };
    let title_block = Block::default().borders(borders).border_style(theme.border(true));
    // issue 16: glossary terms underlined, and listed with their definitions under the text
    let terms = &app.terms;
    let mut title = vec![Span::styled(
        format!("{}  ", m.id),
        theme.dim().add_modifier(Modifier::BOLD),
    )];
    title.extend(with_terms_underlined(
        terms,
        &m.title,
        theme.title().add_modifier(Modifier::BOLD),
    ));
    let title = Line::from(title);
    frame.render_widget(
        Paragraph::new(title).block(title_block).wrap(Wrap { trim: true }),
        title_area,
    );
    let facts_share = if compact { 50 } else { 45 };
    let [left, right] = Layout::horizontal([
        Constraint::Percentage(facts_share),
        Constraint::Percentage(100 - facts_share),
    ])
    .areas(body);
    let divider = Block::default().borders(Borders::RIGHT).border_style(theme.dim());
    let facts_area = divider.inner(left);
    frame.render_widget(divider, left);
    render_facts(frame, lang, theme, facts_area, &facts(app, theme, m, compact), compact);
    let mut text: Vec<Line> = vec![Line::styled(lang.tr(Msg::FieldDescription), theme.header())];
    text.extend(
        m.description
            .lines()
            .map(|l| Line::from(with_terms_underlined(terms, l, Style::default()))),
    );
    if m.description.is_empty() {
        text.push(Line::styled(lang.tr(Msg::None), theme.dim()));
    }
    text.push(Line::raw(""));
    text.push(Line::styled(lang.tr(Msg::FieldBenefits), theme.header()));
    text.extend(m.benefits.lines().map(Line::raw));
    if m.benefits.is_empty() {
        text.push(Line::styled(lang.tr(Msg::None), theme.dim()));
    }
    // After the benefits, so a projector at 80×24 still shows those first.
    text.extend(terms_found_lines(lang, theme, &app.backlog, &terms.terms_of(m), None));
    let right = Rect::new(right.x + 1, right.y, right.width.saturating_sub(1), right.height);
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: false }), right);
    let [here, log] = Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)])
        .spacing(1)
        .areas(bottom);
    let block = |title: Msg| {
        Block::default()
            .borders(Borders::TOP)
            .border_style(theme.dim())
            .title(Span::styled(format!(" {} ", lang.tr(title)), theme.header()))
    };
    let mut recorded: Vec<Line> = Vec::new();
    if let Some(meeting) = app.backlog.meeting(review.meeting) {
        recorded = item_outcome(lang, theme, &app.backlog, meeting, m.id, "", None);
        if !app.backlog.was_discussed(meeting, m.id) {
            recorded = vec![Line::styled(lang.tr(Msg::ReviewNothingYet), theme.dim())];
        }
        // What `a` would record here, so nobody is surprised by it.
        recorded.push(Line::styled(
            lang.fill(
                Msg::ReviewApproveWill,
                &[("decision", &crate::app::review::approve_preview(lang, m.status))],
            ),
            theme.dim(),
        ));
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

/// The review's keys, every one of them, wrapped between hints onto as many lines as needed: a
/// projector audience and the chair see what each key records (on a glossary term, what it
/// records on the term).
fn review_keys<'a>(app: &App, theme: Theme, width: u16, on_term: bool) -> Vec<Line<'a>> {
    let width = usize::from(width);
    let mut lines: Vec<Line> = Vec::new();
    let mut spans: Vec<Span> = Vec::new();
    let mut used = 0;
    let hints = if on_term {
        app.keymap.term_review_hints(app.focus, app.lang)
    } else {
        app.keymap.hints(Context::Review, app.focus, app.lang)
    };
    for (key, word) in hints {
        let needed = key.width() + 1 + word.width() + 3;
        if used > 0 && used + needed > width {
            lines.push(Line::from(std::mem::take(&mut spans)));
            used = 0;
        }
        spans.push(Span::raw(if used == 0 { " " } else { " · " }));
        spans.push(Span::styled(key, theme.label()));
        spans.push(Span::raw(format!(" {word}")));
        used += needed;
    }
    if !spans.is_empty() {
        lines.push(Line::from(spans));
    }
    lines
}

pub fn render_summary(frame: &mut Frame, app: &App, theme: Theme, area: Rect, summary: &Summary) {
    let lang = app.lang;
    let b = &app.backlog;
    let Some(m) = b.meeting(summary.meeting) else { return };
    let width = usize::from(area.width.saturating_sub(2));
    let attendees = b.owner_names(&m.attendees);
    let mut lines = vec![
        Line::from(vec![
            Span::styled(format!("{} · {}", m.id, theme.date(lang, m.date)), theme.dim()),
            Span::raw("  "),
            Span::styled(
                lang.fill(
                    Msg::SummaryDiscussed,
                    &[
                        ("done", &discussed(b, m).to_string()),
                        ("items", &lang.items(agenda_items(m))),
                    ],
                ),
                theme.header(),
            ),
        ]),
        attendees_line(lang, theme, m, &attendees),
    ];
    lines.extend(absent_and_guests(lang, theme, b, m));
    lines.extend(time_used_line(lang, theme, m));
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
        let time = m
            .secs_on(*item)
            .map(|secs| format!(" · {}", lang.minutes(secs.div_ceil(60))))
            .unwrap_or_default();
        // One row per item: the title gives way to the owner and the time.
        let lead = format!("{:>2}. {item} ", number + 1);
        let tail = format!("  ({}{time})", non_empty(lang, owner));
        let room = width.saturating_sub(lead.width() + tail.width());
        lines.push(Line::from(vec![
            Span::styled(lead, theme.title()),
            Span::styled(shortened(&title, room), theme.title()),
            Span::styled(tail, theme.dim()),
        ]));
        lines.extend(item_outcome(lang, theme, b, m, *item, "      ", Some(width)));
    }
    lines.extend(term_items(lang, theme, b, m, Some(width)));
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

    #[test]
    fn shortened_text_ends_in_an_ellipsis_at_a_word_boundary() {
        assert_eq!(super::shortened("Toppledermøte desember", 30), "Toppledermøte desember");
        assert_eq!(
            super::shortened("Toppledermøte om digital transformasjon", 24),
            "Toppledermøte om…"
        );
        assert_eq!(super::shortened("Toppledermøte", 6), "Toppl…");
    }
}
