//! The detail panel: every field of the selected record, and a measure's log.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::Theme;
use super::facts::MeasureFacts;
use super::glossary::{terms_found_lines, with_terms_underlined};
use super::lists::{measure_line, owner_name};
use super::log::log_line;
use crate::app::{App, Pane};
use crate::domain::links::all_links;
use crate::domain::text::visible;
use crate::domain::{Backlog, Measure, MeasureId, Owner, Priority};
use crate::i18n::{Lang, Msg};
use crate::insight::connections::blocked_text;
use ratatui::style::Style;

pub fn render(frame: &mut Frame, app: &App, theme: Theme, area: Rect) {
    let lang = app.lang;
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(false))
        .title(Span::styled(format!(" {} ", lang.tr(Msg::PaneDetail)), theme.title()));
    let scroll = app.detail_scroll.min(max_scroll(app, area));
    frame.render_widget(
        Paragraph::new(lines(app, theme))
            .block(block)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        area,
    );
}

// issue 14: detail panel scrolling stops at the end
/// How far the detail panel in `area` can scroll: until its last line is at the bottom.
pub fn max_scroll(app: &App, area: Rect) -> u16 {
    let inner_width = area.width.saturating_sub(2);
    let shown = usize::from(area.height.saturating_sub(2));
    let total = Paragraph::new(lines(app, Theme::new(false)))
        .wrap(Wrap { trim: false })
        .line_count(inner_width);
    u16::try_from(total.saturating_sub(shown)).unwrap_or(u16::MAX)
}

fn lines(app: &App, theme: Theme) -> Vec<Line<'_>> {
    let lang = app.lang;
    let lines = match app.focus {
        Pane::Measures => app
            .selected_measure()
            .and_then(|id| app.backlog.measure(id))
            .map(|m| measure_lines(app, theme, m)),
        Pane::Owners => app
            .selected_owner()
            .and_then(|id| app.backlog.owner(id))
            .map(|o| owner_lines(lang, theme, &app.backlog, o)),
        Pane::Priorities => app
            .selected_priority()
            .and_then(|id| app.backlog.priority(id))
            .map(|p| priority_lines(lang, theme, &app.backlog, p)),
        Pane::Meetings => app
            .selected_meeting()
            .and_then(|id| app.backlog.meeting(id))
            .map(|m| super::meetings::meeting_lines(lang, theme, &app.backlog, m)),
        Pane::Glossary => app
            .selected_term()
            .and_then(|id| app.backlog.term(id))
            .map(|t| super::glossary::term_lines(lang, theme, &app.backlog, app.term_uses.of(t.id), t)),
        Pane::Overview => None,
    };
    lines.unwrap_or_else(|| vec![Line::styled(lang.tr(Msg::NothingSelected), theme.dim())])
}

// issue 16: a dependency followed from the review or the list
/// One measure's detail full screen.
pub fn render_peek(frame: &mut Frame, app: &App, theme: Theme, area: Rect, measure: MeasureId, scroll: u16) {
    let Some(m) = app.backlog.measure(measure) else { return };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(true))
        .title(Span::styled(
            format!(" {} ", app.lang.tr(Msg::PaneDetail)),
            theme.title(),
        ));
    frame.render_widget(
        Paragraph::new(measure_lines(app, theme, m))
            .block(block)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        area,
    );
}

fn field<'a>(lang: Lang, theme: Theme, label: Msg, value: impl Into<String>) -> Line<'a> {
    let value = value.into();
    let value = if value.is_empty() {
        lang.tr(Msg::None).to_string()
    } else {
        value
    };
    Line::from(vec![
        Span::styled(format!("{}: ", lang.tr(label)), theme.label()),
        Span::raw(value),
    ])
}

fn heading<'a>(lang: Lang, theme: Theme, label: Msg) -> Line<'a> {
    Line::styled(lang.tr(label).to_string(), theme.header())
}

fn text_block<'a>(text: &str) -> Vec<Line<'a>> {
    text.lines().map(|l| Line::raw(l.to_string())).collect()
}

/// What a measure in the triage view still lacks: owner, sector, priority, a decision.
fn triage_lacks(lang: Lang, m: &Measure) -> String {
    let mut lacks = Vec::new();
    if m.owner.is_none() {
        lacks.push(lang.tr(Msg::LacksOwner));
    }
    if m.sectors.is_empty() {
        lacks.push(lang.tr(Msg::LacksSector));
    }
    if m.priorities.is_empty() {
        lacks.push(lang.tr(Msg::LacksPriority));
    }
    if m.status == crate::domain::Status::Idea {
        lacks.push(lang.tr(Msg::LacksAssessment));
    }
    lang.fill(Msg::TriageLacks, &[("what", &lacks.join(", "))])
}

fn measure_lines<'a>(app: &'a App, theme: Theme, m: &'a Measure) -> Vec<Line<'a>> {
    let lang = app.lang;
    let backlog = &app.backlog;
    let today = app.today();
    let facts = MeasureFacts::of(lang, theme.dates, backlog, m, today);
    let mut value_effort = facts.value_effort.clone();
    if let Some(score) = facts.score {
        value_effort.push_str(&format!("  ({} {})", lang.tr(Msg::ScoreLabel), lang.decimal(score)));
    }
    // issue 16: glossary terms underlined in the title and description, listed below it
    let terms = &app.terms;
    let mut title = vec![Span::styled(format!("{} ", m.id), theme.dim())];
    title.extend(with_terms_underlined(terms, &m.title, theme.title()));
    let mut lines = vec![
        Line::from(title),
        Line::from(vec![
            Span::styled(format!("{}: ", lang.tr(Msg::FieldStatus)), theme.label()),
            Span::styled(lang.status(m.status), theme.status(m.status)),
        ]),
        field(lang, theme, Msg::FieldOwner, owner_name(backlog, m)),
        field(lang, theme, Msg::FieldSectors, facts.sectors),
        field(lang, theme, Msg::FieldPriorities, facts.priorities.join("; ")),
        field(lang, theme, Msg::ColDue, facts.due),
        Line::from(vec![
            Span::styled(format!("{}: ", lang.tr(Msg::FieldValueEffort)), theme.label()),
            Span::raw(value_effort),
        ]),
        field(lang, theme, Msg::FieldFunding, facts.funding),
        field(lang, theme, Msg::FieldPolitical, facts.political),
        field(lang, theme, Msg::FieldTags, m.tags.join(", ")),
        field(
            lang,
            theme,
            Msg::FieldUpdated,
            format!(
                "{}  ({} {})",
                date_of(lang, theme, m.updated),
                lang.tr(Msg::FieldCreated).to_lowercase(),
                date_of(lang, theme, m.created)
            ),
        ),
    ];
    // In the triage view, say first what keeps the measure there.
    if app.filter.untriaged && crate::search::filter::needs_triage(m) {
        lines.insert(1, Line::styled(triage_lacks(lang, m), theme.warn()));
    }
    // issue 16: what the measure waits for comes right under its title.
    if let Some(blocked) = blocked_text(lang, backlog, m) {
        lines.insert(1, Line::styled(format!("⊘ {blocked}"), theme.warn()));
    }
    if !m.description.is_empty() {
        lines.push(Line::raw(""));
        lines.push(heading(lang, theme, Msg::FieldDescription));
        lines.extend(
            m.description
                .lines()
                .map(|l| Line::from(with_terms_underlined(terms, l, Style::default()))),
        );
    }
    lines.extend(terms_found_lines(
        lang,
        theme,
        backlog,
        &terms.terms_of(m),
        crate::app::glossary::detail_term(app),
    ));
    if !m.benefits.is_empty() {
        lines.push(Line::raw(""));
        lines.push(heading(lang, theme, Msg::FieldBenefits));
        lines.extend(text_block(&m.benefits));
    }
    lines.extend(connection_lines(app, theme, m));
    lines.push(Line::raw(""));
    lines.push(heading(lang, theme, Msg::FieldLog));
    if m.log.is_empty() {
        lines.push(Line::styled(lang.tr(Msg::NoLog), theme.dim()));
    }
    lines.extend(m.log.iter().rev().map(|entry| log_line(lang, theme, backlog, entry)));
    lines
}

// issue 16: dependencies and links
/// Depends on, needed by, part of, parts and links; only the ones the measure has.
fn connection_lines<'a>(app: &'a App, theme: Theme, m: &'a Measure) -> Vec<Line<'a>> {
    let (lang, backlog) = (app.lang, &app.backlog);
    let mut lines = Vec::new();
    let depends_on: Vec<&Measure> = m.depends_on.iter().filter_map(|d| backlog.measure(*d)).collect();
    let parent: Vec<&Measure> = m.part_of.and_then(|p| backlog.measure(p)).into_iter().collect();
    let groups = [
        (Msg::FieldDependsOn, depends_on),
        (Msg::FieldNeededBy, app.linked.needed_by(backlog, m.id)),
        (Msg::FieldPartOf, parent),
        (Msg::FieldParts, app.linked.parts(backlog, m.id)),
    ];
    for (label, measures) in groups.into_iter().filter(|(_, ms)| !ms.is_empty()) {
        lines.push(Line::raw(""));
        lines.push(heading(lang, theme, label));
        lines.extend(measures.into_iter().map(|x| measure_line(lang, theme, x)));
    }
    let links = all_links(&backlog.settings, m);
    if !links.is_empty() {
        lines.push(Line::raw(""));
        lines.push(heading(lang, theme, Msg::FieldLinks));
        lines.extend(links.iter().enumerate().map(|(i, link)| {
            Line::from(vec![
                Span::raw(format!("  {} ", i + 1)),
                Span::raw(visible(link.shown()).into_owned()),
                Span::styled(format!("  {}", visible(&link.url)), theme.dim()),
            ])
        }));
    }
    lines
}

/// The local calendar date of a timestamp.
pub fn date_of(lang: Lang, theme: Theme, at: jiff::Timestamp) -> String {
    theme.date(lang, at.to_zoned(jiff::tz::TimeZone::system()).date())
}

fn owner_lines<'a>(lang: Lang, theme: Theme, backlog: &'a Backlog, o: &'a Owner) -> Vec<Line<'a>> {
    let sector = o
        .sector
        .and_then(|s| backlog.sector(s))
        .map(|s| s.name.clone())
        .unwrap_or_default();
    let theirs: Vec<&Measure> = backlog.measures.iter().filter(|m| m.owner == Some(o.id)).collect();
    let active = theirs.iter().filter(|m| m.status.is_active()).count();
    let mut lines = vec![
        Line::styled(visible(&o.name), theme.title()),
        field(lang, theme, Msg::FieldRole, o.role.clone()),
        field(lang, theme, Msg::FieldHomeSector, sector),
        field(lang, theme, Msg::FieldActiveMeasures, active.to_string()),
        Line::raw(""),
        heading(lang, theme, Msg::FieldMeasures),
    ];
    lines.extend(theirs.into_iter().map(|m| measure_line(lang, theme, m)));
    lines
}

fn priority_lines<'a>(lang: Lang, theme: Theme, backlog: &'a Backlog, p: &'a Priority) -> Vec<Line<'a>> {
    let mut lines = vec![
        Line::styled(visible(&p.title), theme.title()),
        field(lang, theme, Msg::FieldRank, p.rank.to_string()),
    ];
    if !p.description.is_empty() {
        lines.push(Line::raw(""));
        lines.extend(text_block(&p.description));
    }
    lines.push(Line::raw(""));
    lines.push(heading(lang, theme, Msg::FieldMeasures));
    lines.extend(
        backlog
            .measures
            .iter()
            .filter(|m| m.priorities.contains(&p.id))
            .map(|m| measure_line(lang, theme, m)),
    );
    lines
}
