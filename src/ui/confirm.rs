//! The y/n question before anything is deleted (or lost).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};
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
        Confirm::DeleteTerm(id) => {
            let term = b.term(id).map(|t| t.term.as_str()).unwrap_or_default();
            lang.fill(Msg::ConfirmDeleteTerm, &[("term", term)])
        }
        Confirm::AgreeTerm(id) => {
            let term = b.term(id).map(|t| t.term.as_str()).unwrap_or_default();
            lang.fill(Msg::ConfirmAgreeTerm, &[("term", term)])
        }
        Confirm::RetireTerm(id) => {
            let term = b.term(id).map(|t| t.term.as_str()).unwrap_or_default();
            lang.fill(Msg::ConfirmRetireTerm, &[("term", term)])
        }
        Confirm::EndReview => {
            let (done, total) = match &app.screen {
                crate::app::review::Screen::Review(review) => b.meeting(review.meeting).map_or((0, 0), |m| {
                    (super::meetings::discussed(b, m), super::meetings::agenda_items(m))
                }),
                _ => (0, 0),
            };
            lang.fill(
                Msg::ConfirmEndReview,
                &[("done", &done.to_string()), ("items", &lang.items(total))],
            )
        }
        Confirm::DeleteSector(id) => crate::app::settings::delete_question(app, id),
        Confirm::DeleteMarked(count) => lang.fill(Msg::ConfirmDeleteMarked, &[("count", &count.to_string())]),
        Confirm::Approve(id) => {
            let status = b.measure(id).map_or(crate::domain::Status::Idea, |m| m.status);
            let decision = crate::app::review::approve_preview(lang, status);
            lang.fill(Msg::ConfirmApprove, &[("id", &id.to_string()), ("decision", &decision)])
        }
        Confirm::Park(id) => {
            let from = b.measure(id).map_or("", |m| lang.status(m.status));
            lang.fill(Msg::ConfirmPark, &[("id", &id.to_string()), ("from", from)])
        }
        Confirm::HiddenMarks { marked, hidden, .. } => lang.fill(
            Msg::ConfirmHiddenMarks,
            &[("marked", &marked.to_string()), ("hidden", &hidden.to_string())],
        ),
        Confirm::ResumeMeeting { meeting, item } => lang.fill(
            Msg::ConfirmResume,
            &[("id", &meeting.to_string()), ("n", &(item + 1).to_string())],
        ),
        Confirm::DeleteMeeting(id) => lang.fill(Msg::ConfirmDeleteMeeting, &[("id", &id.to_string())]),
        Confirm::QuitUnsaved => {
            let error = match &app.save_state {
                SaveState::Failed(error) => error.as_str(),
                SaveState::Saved | SaveState::Saving => "",
            };
            lang.fill(Msg::ConfirmQuitUnsaved, &[("error", error)])
        }
    };
    let screen = frame.area();
    let keys = lang.tr(match confirm {
        Confirm::QuitUnsaved => Msg::ConfirmQuitUnsavedKeys,
        Confirm::HiddenMarks { .. } => Msg::ConfirmAllVisibleNo,
        _ => Msg::ConfirmYesNo,
    });
    // Room for the question as it wraps (a long title makes it long), a blank line and the
    // keys; the keys have their own line at the bottom, so they show even when it is cut.
    let width = 64.min(screen.width);
    let text_width = usize::from(width.saturating_sub(2)).max(1);
    let wrapped = |text: &str| unicode_width::UnicodeWidthStr::width(text).div_ceil(text_width).max(1);
    let needed = wrapped(&question) + 1 + wrapped(keys) + 2;
    let height = needed as u16;
    let area = centered(screen, width, height);
    frame.render_widget(Clear, area);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.warn())
        .title(Span::styled(format!(" {} ", lang.tr(Msg::ConfirmTitle)), theme.title()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let keys_height = (wrapped(keys) as u16).min(inner.height);
    let [text, keys_area] = Layout::vertical([Constraint::Fill(1), Constraint::Length(keys_height)]).areas(inner);
    frame.render_widget(Paragraph::new(Line::raw(question)).wrap(Wrap { trim: true }), text);
    frame.render_widget(
        Paragraph::new(Line::styled(keys, theme.label())).wrap(Wrap { trim: true }),
        keys_area,
    );
}
