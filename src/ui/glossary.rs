//! The Glossary pane's table and detail, and glossary terms shown in context: underlined in a
//! measure's title and description, and listed with their definitions below it.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Wrap};

use super::Theme;
use super::lists::measure_line;
use crate::app::App;
use crate::domain::text;
use crate::domain::{Backlog, MeasureId, MeetingId, Term, TermId, TermStatus};
use crate::i18n::{Lang, Msg};
use crate::search::terms::TermMatcher;

/// Text as the screen may show it (control characters made visible), owned.
fn shown(raw: &str) -> String {
    text::visible(raw).into_owned()
}

fn status_style(theme: Theme, status: TermStatus) -> Style {
    match status {
        TermStatus::Agreed => theme.ok(),
        TermStatus::Proposed => Style::default(),
        TermStatus::Retired => theme.dim(),
    }
}

fn sector_label(backlog: &Backlog, term: &Term) -> String {
    term.sector
        .and_then(|s| backlog.sector(s))
        .map(|s| s.short_label())
        .unwrap_or_default()
}

pub fn glossary_table<'a>(
    app: &'a App,
    theme: Theme,
    visible_rows: &[usize],
) -> (Vec<&'static str>, Vec<Constraint>, Vec<Row<'a>>) {
    let lang = app.lang;
    let rows = visible_rows
        .iter()
        .filter_map(|i| app.backlog.glossary.get(*i))
        .map(|t| {
            Row::new(vec![
                Cell::from(t.id.to_string()),
                Cell::from(shown(&t.term)),
                Cell::from(Span::styled(lang.term_status(t.status), status_style(theme, t.status))),
                Cell::from(sector_label(&app.backlog, t)),
                Cell::from(shown(&t.synonyms.join(", "))),
            ])
        })
        .collect();
    let header = vec![
        lang.tr(Msg::ColId),
        lang.tr(Msg::ColTerm),
        lang.tr(Msg::ColStatus),
        lang.tr(Msg::FieldHomeSector),
        lang.tr(Msg::ColSynonyms),
    ];
    let widths = vec![
        Constraint::Length(5),
        Constraint::Fill(2),
        Constraint::Length(10),
        Constraint::Length(6),
        Constraint::Fill(1),
    ];
    (header, widths, rows)
}

fn field<'a>(lang: Lang, theme: Theme, label: Msg, value: String) -> Line<'a> {
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

/// Every field of a term, and the measures whose text uses it.
pub fn term_lines<'a>(
    lang: Lang,
    theme: Theme,
    backlog: &'a Backlog,
    uses: &[MeasureId],
    t: &'a Term,
) -> Vec<Line<'a>> {
    let sector = t
        .sector
        .and_then(|s| backlog.sector(s))
        .map(|s| shown(&s.name))
        .unwrap_or_default();
    let agreed_in = t
        .meeting
        .and_then(|m| backlog.meeting(m))
        .map(|m| format!("{} {}", m.id, shown(&m.title)))
        .unwrap_or_default();
    let mut lines = vec![
        Line::from(vec![
            Span::styled(format!("{} ", t.id), theme.dim()),
            Span::styled(shown(&t.term), theme.title()),
        ]),
        Line::from(vec![
            Span::styled(format!("{}: ", lang.tr(Msg::FieldStatus)), theme.label()),
            Span::styled(lang.term_status(t.status), status_style(theme, t.status)),
        ]),
        field(lang, theme, Msg::FieldSynonyms, shown(&t.synonyms.join(", "))),
        field(lang, theme, Msg::FieldTermSector, sector),
        field(
            lang,
            theme,
            Msg::FieldAgreed,
            t.agreed.map(|d| lang.date(d)).unwrap_or_default(),
        ),
        field(lang, theme, Msg::FieldAgreedIn, agreed_in),
        Line::raw(""),
        Line::styled(lang.tr(Msg::FieldDefinition).to_string(), theme.header()),
    ];
    if t.definition.is_empty() {
        lines.push(Line::styled(lang.tr(Msg::None), theme.dim()));
    }
    lines.extend(t.definition.lines().map(|l| Line::raw(shown(l))));
    let using: Vec<Line> = uses
        .iter()
        .filter_map(|id| backlog.measure(*id))
        .map(|m| measure_line(lang, theme, m))
        .collect();
    if !using.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled(lang.tr(Msg::HeadingUsedIn).to_string(), theme.header()));
        lines.extend(using);
    }
    lines
}

/// `text` as spans, with the glossary terms found in it underlined.
pub fn with_terms_underlined<'a>(matcher: &TermMatcher, text: &str, style: Style) -> Vec<Span<'a>> {
    let chars: Vec<char> = text.chars().collect();
    let mut spans = Vec::new();
    let mut at = 0;
    for hit in matcher.find(text) {
        if hit.chars.start > at {
            spans.push(Span::styled(
                shown(&String::from_iter(&chars[at..hit.chars.start])),
                style,
            ));
        }
        spans.push(Span::styled(
            shown(&String::from_iter(&chars[hit.chars.clone()])),
            style.add_modifier(Modifier::UNDERLINED),
        ));
        at = hit.chars.end;
    }
    if at < chars.len() || spans.is_empty() {
        spans.push(Span::styled(shown(&String::from_iter(&chars[at..])), style));
    }
    spans
}

/// The terms found in a measure, each with its definition; the one under the detail's term
/// cursor (`selected`) is marked with `▶` and reverse video.
pub fn terms_found_lines<'a>(
    lang: Lang,
    theme: Theme,
    backlog: &Backlog,
    found: &[TermId],
    selected: Option<usize>,
) -> Vec<Line<'a>> {
    if found.is_empty() {
        return Vec::new();
    }
    let mut heading = vec![Span::styled(
        lang.tr(Msg::HeadingTermsFound).to_string(),
        theme.header(),
    )];
    if selected.is_some() {
        heading.push(Span::styled(format!("  ({})", lang.tr(Msg::HintOpenTerm)), theme.dim()));
    }
    let mut lines = vec![Line::raw(""), Line::from(heading)];
    for (index, term) in found.iter().filter_map(|id| backlog.term(*id)).enumerate() {
        let chosen = selected == Some(index);
        let (mark, name_style) = if chosen {
            ("▶ ", theme.selected())
        } else {
            ("  ", theme.label())
        };
        let definition = term.definition.lines().next().unwrap_or_default();
        lines.push(Line::from(vec![
            Span::raw(mark),
            Span::styled(shown(&term.term), name_style),
            Span::raw(format!(" ({}): ", lang.term_status(term.status))),
            Span::raw(shown(definition)),
        ]));
    }
    lines
}

/// A glossary term as the review shows it: the term with its definition and where it stands,
/// what this meeting recorded on it, and the measures that use it.
pub fn render_term_item(frame: &mut Frame, app: &App, theme: Theme, area: Rect, meeting: MeetingId, term: &Term) {
    let lang = app.lang;
    let mut lines = vec![Line::styled(
        lang.tr(Msg::ReviewTermHeading).to_string(),
        theme.header(),
    )];
    lines.extend(term_lines(lang, theme, &app.backlog, app.term_uses.of(term.id), term));
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        lang.tr(Msg::ReviewThisMeeting).to_string(),
        theme.header(),
    ));
    let recorded: Vec<Line> = app
        .backlog
        .meeting(meeting)
        .into_iter()
        .flat_map(|m| m.term_decisions.iter().filter(|d| d.term == term.id))
        .map(|d| {
            Line::raw(shown(&crate::app::glossary::decision_text(
                lang,
                d.kind,
                d.definition.as_deref(),
            )))
        })
        .collect();
    if recorded.is_empty() {
        lines.push(Line::styled(lang.tr(Msg::ReviewNothingYet), theme.dim()));
    }
    lines.extend(recorded);
    let block = Block::default().borders(Borders::TOP).border_style(theme.dim());
    frame.render_widget(Paragraph::new(lines).block(block).wrap(Wrap { trim: false }), area);
}
