//! The Settings screen: the backlog's settings on top, its sectors below.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table, TableState};

use super::Theme;
use super::layout::fit;
use crate::app::App;
use crate::i18n::Msg;

/// The user's own author name and where it comes from (not part of the shared backlog).
fn author_text(app: &App) -> String {
    let path = app
        .config_path
        .as_ref()
        .map_or_else(|| "config.toml".to_string(), |p| p.display().to_string());
    match &app.config_author {
        Some(name) => app.lang.fill(
            Msg::AuthorFromConfig,
            &[("name", &crate::domain::text::visible(name)), ("path", &path)],
        ),
        None if !app.author.is_empty() => app.lang.fill(
            Msg::AuthorFromElsewhere,
            &[("name", &crate::domain::text::visible(&app.author)), ("path", &path)],
        ),
        None => app.lang.fill(Msg::AuthorNotSet, &[("path", &path)]),
    }
}

pub fn render(frame: &mut Frame, app: &App, theme: Theme, area: Rect, cursor: usize) {
    let lang = app.lang;
    let b = &app.backlog;
    let setting = |label: Msg, value: String| {
        Line::from(vec![
            Span::styled(format!("{}: ", lang.tr(label)), theme.label()),
            Span::raw(value),
        ])
    };
    let mut lines = vec![
        setting(Msg::FieldBacklogName, b.name.clone()),
        setting(Msg::FieldThreshold, b.settings.owner_load_threshold.to_string()),
        setting(Msg::FieldMinutesPerItem, b.settings.minutes_per_item.to_string()),
        setting(
            Msg::FieldLanguageDefault,
            b.settings
                .language
                .clone()
                .unwrap_or_else(|| lang.tr(Msg::LanguageEachOwn).to_string()),
        ),
        sync_line(app, theme),
    ];
    if !app.shared {
        lines.push(Line::styled(lang.tr(Msg::SettingsNotShared), theme.dim()));
    }
    lines.push(setting(Msg::SettingsYourName, author_text(app)));
    let height = lines.len() as u16 + 2;
    let [top, bottom] = Layout::vertical([Constraint::Length(height), Constraint::Fill(1)]).areas(area);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(false))
        .title(Span::styled(
            format!(" {} ", lang.tr(Msg::SettingsTitle)),
            theme.title(),
        ))
        .title_bottom(Span::styled(
            format!(" {} ", lang.tr(Msg::SettingsEditHint)),
            theme.dim(),
        ));
    frame.render_widget(Paragraph::new(lines).block(block), top);

    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(true))
        .title(Span::styled(format!(" {} ", lang.tr(Msg::SectorsTitle)), theme.title()));
    let inner = block.inner(bottom);
    frame.render_widget(block, bottom);
    if b.sectors.is_empty() {
        frame.render_widget(Paragraph::new(lang.tr(Msg::EmptySectors)).style(theme.dim()), inner);
        return;
    }
    let name_width = usize::from(inner.width.saturating_sub(2 + 11 + 10 + 2));
    let rows = b.sectors_in_order().into_iter().map(|s| {
        Row::new(vec![
            Cell::from(fit(&s.name, name_width)),
            Cell::from(s.short_label()),
            Cell::from(b.measure_count_for_sector(s.id).to_string()),
        ])
    });
    let header =
        Row::new([Msg::FieldName, Msg::FieldShort, Msg::ColMeasureCount].map(|m| Cell::from(lang.tr(m).to_string())))
            .style(theme.header());
    let table = Table::new(
        rows,
        [Constraint::Fill(1), Constraint::Length(11), Constraint::Length(10)],
    )
    .header(header)
    .row_highlight_style(theme.selected())
    .highlight_symbol("▶ ")
    .column_spacing(1);
    let mut state = TableState::default().with_selected(Some(cursor));
    frame.render_stateful_widget(table, inner, &mut state);
}

/// issue 11/15: when this backlog syncs by itself, and whether the page is published.
fn sync_line(app: &App, theme: Theme) -> Line<'static> {
    let lang = app.lang;
    let s = &app.backlog.settings;
    let mut when: Vec<String> = Vec::new();
    if s.sync_at_start {
        when.push(lang.tr(Msg::SettingsSyncAtStart).to_string());
    }
    if s.sync_after_meeting {
        when.push(lang.tr(Msg::SettingsSyncAfterMeeting).to_string());
    }
    if s.sync_every_minutes > 0 {
        let minutes = s.sync_every_minutes.to_string();
        when.push(lang.fill(Msg::SettingsSyncEvery, &[("minutes", &minutes)]));
    }
    if when.is_empty() {
        when.push(lang.tr(Msg::SettingsSyncOff).to_string());
    }
    let page = lang.tr(if s.publish_page {
        Msg::SettingsPublished
    } else {
        Msg::SettingsNotPublished
    });
    Line::from(vec![
        Span::styled(format!("{}: ", lang.tr(Msg::SettingsSync)), theme.label()),
        Span::raw(format!("{} · {page}", when.join(", "))),
    ])
}
