//! The y/n question before anything is deleted (or lost).

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::Theme;
use super::layout::centered;
use crate::app::{App, Confirm, SaveState};
use crate::i18n::Msg;

pub fn render(frame: &mut Frame, app: &App, theme: Theme, confirm: Confirm) {
    let lang = app.lang;
    let b = &app.backlog;
    let question = match confirm {
        Confirm::DeleteMeasure(id) => {
            let title = b.measure(id).map(|m| m.title.as_str()).unwrap_or_default();
            lang.fill(Msg::ConfirmDeleteMeasure, &[("id", &id.to_string()), ("title", title)])
        }
        Confirm::DeleteOwner(id) => {
            let name = b.owner(id).map(|o| o.name.as_str()).unwrap_or_default();
            let count = b.measures.iter().filter(|m| m.owner == Some(id)).count();
            lang.fill(
                Msg::ConfirmDeleteOwner,
                &[("name", name), ("count", &count.to_string())],
            )
        }
        Confirm::DeletePriority(id) => {
            let title = b.priority(id).map(|p| p.title.as_str()).unwrap_or_default();
            lang.fill(
                Msg::ConfirmDeletePriority,
                &[
                    ("title", title),
                    ("count", &b.measure_count_for_priority(id).to_string()),
                ],
            )
        }
        Confirm::EndReview => {
            let (done, total) = match &app.screen {
                crate::app::review::Screen::Review(review) => b
                    .meeting(review.meeting)
                    .map_or((0, 0), |m| (super::meetings::discussed(b, m), m.agenda.len())),
                _ => (0, 0),
            };
            lang.fill(
                Msg::ConfirmEndReview,
                &[("done", &done.to_string()), ("total", &total.to_string())],
            )
        }
        Confirm::DeleteSector(id) => crate::app::settings::delete_question(app, id),
        Confirm::DeleteMarked(count) => lang.fill(Msg::ConfirmDeleteMarked, &[("count", &count.to_string())]),
        Confirm::QuitUnsaved => {
            let error = match &app.save_state {
                SaveState::Failed(error) => error.as_str(),
                SaveState::Saved => "",
            };
            lang.fill(Msg::ConfirmQuitUnsaved, &[("error", error)])
        }
    };
    let screen = frame.area();
    // The unsaved-quit question carries the error and three choices, so it gets more room.
    let height = if confirm == Confirm::QuitUnsaved { 10 } else { 7 };
    let area = centered(screen, 64, height);
    frame.render_widget(Clear, area);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.warn())
        .title(Span::styled(format!(" {} ", lang.tr(Msg::ConfirmTitle)), theme.title()));
    let lines = vec![
        Line::raw(question),
        Line::raw(""),
        Line::styled(
            lang.tr(if confirm == Confirm::QuitUnsaved {
                Msg::ConfirmQuitUnsavedKeys
            } else {
                Msg::ConfirmYesNo
            }),
            theme.label(),
        ),
    ];
    frame.render_widget(Paragraph::new(lines).block(block).wrap(Wrap { trim: true }), area);
}
