//! What changed since the last meeting, full screen: one block per measure.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::Theme;
use crate::app::App;
use crate::domain::text::visible;
use crate::i18n::Msg;
use crate::insight::changes::{MeasureChanges, Since};

pub fn render(
    frame: &mut Frame,
    app: &App,
    theme: Theme,
    area: Rect,
    scroll: u16,
    since: Since,
    changes: &[MeasureChanges],
) {
    let lang = app.lang;
    let b = &app.backlog;
    let since_text = match since {
        Since::Meeting(id) => b.meeting(id).map_or_else(
            || id.to_string(),
            |m| format!("{} {} ({})", m.id, visible(&m.title), theme.date(lang, m.date)),
        ),
        Since::Date(day) => theme.date(lang, day),
        Since::Start => lang.tr(Msg::ChangesSinceStart).to_string(),
    };
    let mut lines: Vec<Line> = Vec::new();
    for measure in changes {
        let title = b
            .measure(measure.measure)
            .map_or(String::new(), |m| visible(&m.title).into_owned());
        lines.push(Line::from(vec![
            Span::styled(format!("{} ", measure.measure), theme.dim()),
            Span::styled(title, theme.title()),
        ]));
        for change in &measure.changes {
            // The author comes from another member's config or git: shown, never obeyed.
            lines.push(Line::raw(format!("    • {}", visible(&change.describe(lang)))));
        }
    }
    if lines.is_empty() {
        lines.push(Line::styled(lang.tr(Msg::ChangesNone), theme.dim()));
    }
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(true))
        .title(Span::styled(
            format!(" {} ", lang.fill(Msg::ChangesTitle, &[("since", &since_text)])),
            theme.title(),
        ));
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        area,
    );
}
