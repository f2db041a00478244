//! The overlay after a merge with changes made outside: each conflict side by side with the
//! side that will be kept marked, then what else the merge decided.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Clear, Paragraph, Row, Table, TableState, Wrap};

use super::Theme;
use super::layout::centered;
use crate::app::App;
use crate::app::keymap::Context;
use crate::app::outside::{MergeView, field_label, note_text, record_label, value_text};
use crate::i18n::Msg;

pub fn render(frame: &mut Frame, app: &App, theme: Theme, view: &MergeView) {
    let lang = app.lang;
    let screen = frame.area();
    let wanted = (view.conflicts.len() + view.notes.len() * 2 + 5) as u16;
    let area = centered(
        screen,
        // Wide enough for both values with their authors where the terminal allows.
        140.min(screen.width.saturating_sub(2)),
        wanted.min(screen.height.saturating_sub(2)),
    );
    frame.render_widget(Clear, area);
    let keys: Vec<String> = app
        .keymap
        .hints(Context::Merge, app.focus, lang)
        .into_iter()
        .map(|(key, word)| format!("{key} {word}"))
        .collect();
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.warn())
        .title(Span::styled(format!(" {} ", lang.tr(Msg::MergeTitle)), theme.title()))
        .title_bottom(Span::styled(format!(" {} ", keys.join(" · ")), theme.dim()));
    let inner = block.inner(area);
    frame.render_widget(block, area);

    let table_height = if view.conflicts.is_empty() {
        0
    } else {
        view.conflicts.len() as u16 + 2
    };
    let [table_area, notes_area] = Layout::vertical([Constraint::Max(table_height), Constraint::Fill(1)]).areas(inner);
    let side = |text: String, kept: bool| {
        if kept {
            Cell::from(Span::styled(format!("● {text}"), theme.label()))
        } else {
            Cell::from(Span::styled(format!("○ {text}"), theme.dim()))
        }
    };
    let by = |value: String, author: Option<&String>| match author.filter(|a| !a.is_empty()) {
        Some(author) => lang.fill(Msg::MergeSideBy, &[("value", &value), ("author", author)]),
        None => value,
    };
    let rows = view
        .conflicts
        .iter()
        .zip(&view.take_theirs)
        .enumerate()
        .map(|(i, (c, theirs))| {
            let sides = view.sides.get(i);
            Row::new(vec![
                Cell::from(record_label(&app.backlog, c.key)),
                Cell::from(field_label(&c.field, lang)),
                side(by(value_text(&c.field, &c.ours, lang), sides.map(|s| &s.ours)), !theirs),
                side(
                    by(value_text(&c.field, &c.theirs, lang), sides.map(|s| &s.theirs)),
                    *theirs,
                ),
            ])
        });
    let header = Row::new(
        [
            Msg::MergeColRecord,
            Msg::MergeColField,
            Msg::MergeColOurs,
            Msg::MergeColTheirs,
        ]
        .map(|m| lang.tr(m)),
    )
    .style(theme.header());
    // Field names are short; the two values (with their authors) get the room.
    let widths = [
        Constraint::Fill(2),
        Constraint::Length(14),
        Constraint::Fill(3),
        Constraint::Fill(3),
    ];
    let table = Table::new(rows, widths)
        .header(header)
        .row_highlight_style(theme.selected())
        .highlight_symbol("▶ ");
    let mut state = TableState::default().with_selected(Some(view.cursor));
    frame.render_stateful_widget(table, table_area, &mut state);

    if !view.notes.is_empty() {
        let mut lines = vec![Line::styled(lang.tr(Msg::MergeNotes), theme.header())];
        lines.extend(
            view.notes
                .iter()
                .map(|note| Line::raw(format!("• {}", note_text(&app.backlog, note, lang)))),
        );
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), notes_area);
    }
}
