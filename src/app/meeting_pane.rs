//! What the Meetings pane's keys do: open a meeting by its state (set up and start a planned
//! one, resume an interrupted one, read a held one's summary), change or delete a planned one,
//! write its invitation, and the changes since the last meeting.

use std::path::Path;

use super::review::{Screen, Summary};
use super::review_update::open_setup;
use super::update::{committed, complain, quit, say};
use super::{Action, App, Confirm, Overlay};
use crate::domain::{MeetingId, MeetingState};
use crate::export;
use crate::i18n::Msg;
use crate::insight::changes::{changes_since, default_since};

/// `Enter` in the Meetings pane: a planned meeting opens its set-up (to start it), an
/// interrupted one offers to resume where it stopped, a held one shows its summary.
pub(super) fn open_meeting(app: &mut App) {
    let Some(id) = app.selected_meeting() else {
        return say(app, app.lang.tr(Msg::NothingSelected).to_string());
    };
    let Some(meeting) = app.backlog.meeting(id) else { return };
    match meeting.state {
        MeetingState::Planned => open_setup(app, meeting.agenda.clone(), Some(id)),
        MeetingState::Running => {
            let item = meeting
                .agenda
                .iter()
                .position(|m| !app.backlog.was_discussed(meeting, *m))
                .unwrap_or(meeting.agenda.len().saturating_sub(1));
            app.overlay = Overlay::Confirm(Confirm::ResumeMeeting { meeting: id, item });
        }
        MeetingState::Held => open_summary(app),
    }
}

/// `e` in the Meetings pane: a planned meeting can be changed; a held one is a record.
pub(super) fn edit_meeting(app: &mut App) {
    let Some(id) = app.selected_meeting() else {
        return say(app, app.lang.tr(Msg::NothingSelected).to_string());
    };
    match app.backlog.meeting(id) {
        Some(m) if m.state == MeetingState::Planned => open_setup(app, m.agenda.clone(), Some(id)),
        _ => say(app, app.lang.fill(Msg::MsgMeetingHeld, &[("id", &id.to_string())])),
    }
}

/// `d` in the Meetings pane: a planned meeting can be deleted (asks); a held one cannot.
pub(super) fn ask_delete_meeting(app: &mut App) {
    let Some(id) = app.selected_meeting() else {
        return say(app, app.lang.tr(Msg::NothingSelected).to_string());
    };
    match app.backlog.meeting(id) {
        Some(m) if m.state == MeetingState::Planned => app.overlay = Overlay::Confirm(Confirm::DeleteMeeting(id)),
        _ => say(app, app.lang.fill(Msg::MsgMeetingHeld, &[("id", &id.to_string())])),
    }
}

pub(super) fn delete_meeting(app: &mut App, id: MeetingId) {
    let label = app.lang.fill(Msg::MsgMeetingDeleted, &[("id", &id.to_string())]);
    match app.backlog.delete_planned_meeting(id) {
        Ok(edit) => committed(app, edit, label),
        Err(_) => say(app, app.lang.fill(Msg::MsgMeetingHeld, &[("id", &id.to_string())])),
    }
}

/// Enter on a meeting in the Meetings pane: its summary, read-only.
pub(super) fn open_summary(app: &mut App) {
    match app.selected_meeting() {
        Some(meeting) => {
            app.screen = Screen::Summary(Box::new(Summary {
                meeting,
                written: None,
                scroll: 0,
            }))
        }
        None => say(app, app.lang.tr(Msg::NothingSelected).to_string()),
    }
}

/// `C`: what changed since the last meeting, full screen.
pub(super) fn show_changes(app: &mut App) {
    let today = app.today();
    let since = default_since(&app.backlog, today);
    let changes = changes_since(&app.backlog, since, today);
    app.screen = Screen::Changes {
        scroll: 0,
        since,
        changes,
    };
}

pub(super) fn changes_action(app: &mut App, action: Action) {
    let Screen::Changes { scroll, .. } = &mut app.screen else {
        return;
    };
    if !super::update::scrolled(scroll, action) {
        match action {
            Action::Cancel => app.screen = Screen::Main,
            Action::Help => app.overlay = Overlay::Help { scroll: 0 },
            Action::Quit => quit(app),
            _ => {}
        }
    }
}

/// `A` in the Meetings pane: the selected meeting's invitation as Markdown in the data folder.
pub(super) fn write_agenda(app: &mut App) {
    let lang = app.lang;
    let Some(meeting) = app.selected_meeting().and_then(|id| app.backlog.meeting(id)) else {
        return say(app, lang.tr(Msg::NothingSelected).to_string());
    };
    let text = export::agenda::agenda(
        &app.backlog,
        meeting,
        app.today(),
        lang,
        export::agenda::Format::Markdown,
    );
    let relative = Path::new("agendas").join(export::minutes::file_name(meeting));
    match app.write_beside(&relative, text.as_bytes()) {
        Ok(path) => say(
            app,
            lang.fill(Msg::MsgAgendaWritten, &[("path", &path.display().to_string())]),
        ),
        Err(error) => complain(
            app,
            lang.fill(
                Msg::ErrWriteFile,
                &[("path", &relative.display().to_string()), ("error", &error.to_string())],
            ),
        ),
    }
}
