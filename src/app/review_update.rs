//! What the review keys do: setting up the agenda, recording decisions with the clock running,
//! ending with minutes and a summary; also `X` (export the view), `H` (the HTML status page)
//! and `L` (the full log).

use std::path::Path;

use jiff::Timestamp;
use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::form::{Form, Prompt};
use super::review::{Review, Screen, Setup, Summary, agenda_candidates};
use super::update::{committed, complain, persist, quit, say, undo};
use super::{Action, App, Confirm, Overlay, Pane};
use crate::domain::{Backlog, Edit, MeasureId, MeetingId, MeetingState, Verdict};
use crate::export;
use crate::i18n::{Lang, Msg};

/// Opens the set-up screen with `agenda`; attendees start as those of the last meeting. With
/// `editing`, the fields are those of that planned meeting.
pub(super) fn open_setup(app: &mut App, agenda: Vec<MeasureId>, editing: Option<MeetingId>) {
    let today = app.today();
    let attendees = app
        .backlog
        .last_meeting_before(today)
        .map(|m| m.attendees.clone())
        .unwrap_or_default();
    let planned = editing.and_then(|id| app.backlog.meeting(id));
    let form = Form::meeting_setup(&app.backlog, app.lang, today, &attendees, planned, app.dates);
    let terms = planned.map(|m| m.terms.clone()).unwrap_or_default();
    app.screen = Screen::Setup(Box::new(Setup {
        form,
        agenda,
        terms,
        cursor: 0,
        on_agenda: false,
        error: None,
        editing,
    }));
}

fn suggested_agenda(app: &App) -> Vec<MeasureId> {
    app.backlog
        .next_meeting_suggestion(app.today())
        .into_iter()
        .map(|(id, _)| id)
        .collect()
}

/// `R` in the Measures pane takes the marked measures, or else the suggestion (active measures
/// only, each with its reason); `n` in the Meetings pane starts from the suggestion.
pub(super) fn start_review_setup(app: &mut App) {
    let agenda = if app.focus == Pane::Measures && !app.marks.is_empty() {
        agenda_candidates(app)
    } else {
        suggested_agenda(app)
    };
    open_setup(app, agenda, None);
}

pub(super) fn action(app: &mut App, action: Action) {
    match &app.screen {
        Screen::Main => {}
        Screen::Setup(_) => setup_action(app, action),
        Screen::Review(_) => review_action(app, action),
        Screen::Summary(_) => summary_action(app, action),
        Screen::Log { .. } => log_action(app, action),
        Screen::Changes { .. } => super::meeting_pane::changes_action(app, action),
        Screen::Settings { .. } => super::settings::action(app, action),
        Screen::Start { .. } => super::start::action(app, action),
        Screen::Peek { .. } => super::connections::peek_action(app, action),
    }
}

/// Keys the set-up keymap does not bind are typed into the focused field.
pub(super) fn setup_key(app: &mut App, key: KeyEvent) {
    if let Screen::Setup(setup) = &mut app.screen
        && !setup.on_agenda
        && !super::update::typed_opens_picker(&mut setup.form, key, &app.backlog, app.lang)
    {
        super::update::form_key_into(&mut setup.form, key);
    }
}

fn setup_action(app: &mut App, action: Action) {
    let lang = app.lang;
    let today = app.today();
    let Screen::Setup(setup) = &mut app.screen else { return };
    setup.error = None;
    match action {
        Action::FormNextField if setup.on_agenda => {
            setup.on_agenda = false;
            setup.form.focus = setup.form.fields.len() - 1;
            setup.form.move_focus(true);
        }
        Action::FormNextField if setup.form.on_last_field() => setup.on_agenda = true,
        Action::FormNextField => setup.form.move_focus(true),
        Action::FormPrevField if setup.on_agenda => setup.on_agenda = false,
        Action::FormPrevField if setup.form.on_first_field() => setup.on_agenda = true,
        Action::FormPrevField => setup.form.move_focus(false),
        Action::FormDown if !setup.form.move_in_list(true) => {
            if setup.form.on_last_field() {
                setup.on_agenda = true;
            } else {
                setup.form.move_focus(true);
            }
        }
        Action::FormUp if !setup.form.move_in_list(false) && !setup.form.on_first_field() => {
            setup.form.move_focus(false)
        }
        Action::FormToggle if !setup.form.cycle_or_toggle(true) => {
            setup.form.type_key(KeyEvent::from(KeyCode::Char(' ')));
        }
        Action::Down => setup.move_cursor(1),
        Action::Up => setup.move_cursor(-1),
        Action::AgendaMoveDown => setup.move_item(true),
        Action::AgendaMoveUp => setup.move_item(false),
        Action::AgendaDrop => {
            if let Some(gone) = setup.drop_item() {
                let text = lang.fill(Msg::MsgDroppedFromAgenda, &[("id", &gone)]);
                say(app, text);
            }
        }
        Action::AgendaAdd => super::agenda_items::open(app),
        Action::SetupSuggest => {
            let suggestion: Vec<MeasureId> = app
                .backlog
                .next_meeting_suggestion(today)
                .into_iter()
                .map(|(id, _)| id)
                .collect();
            let items = lang.items(suggestion.len());
            setup.agenda = suggestion;
            setup.cursor = 0;
            say(app, lang.fill(Msg::MsgSuggestionUsed, &[("items", &items)]));
        }
        Action::SetupStart => save_setup(app, MeetingState::Running),
        Action::SetupPlan => save_setup(app, MeetingState::Planned),
        Action::Cancel => app.screen = Screen::Main,
        Action::Quit => quit(app),
        _ => {}
    }
}

/// Checks the set-up and saves the meeting: planned for later, or started now with the clock
/// on the first item. Starting clears the marks the agenda may have come from.
fn save_setup(app: &mut App, state: MeetingState) {
    let lang = app.lang;
    if app.read_only {
        return complain(app, lang.tr(Msg::MsgReadOnly).to_string());
    }
    let Screen::Setup(setup) = &mut app.screen else { return };
    let values = match setup.form.setup_values(lang) {
        Ok(values) => values,
        Err((index, message)) => {
            setup.on_agenda = false;
            setup.form.show_error(index, message);
            return;
        }
    };
    if setup.is_empty() && state == MeetingState::Running {
        setup.error = Some(lang.tr(Msg::ErrEmptyAgenda).to_string());
        return;
    }
    let minutes = values.minutes;
    let mut draft = values.draft(setup.agenda.clone());
    draft.terms = setup.terms.clone();
    let result = match setup.editing {
        Some(id) => app.backlog.update_planned_meeting(id, draft, state).map(|edit| {
            let msg = if state == MeetingState::Planned {
                Msg::MsgMeetingUpdated
            } else {
                Msg::MsgMeetingStarted
            };
            (id, edit, msg)
        }),
        None => app.backlog.create_meeting(draft, state).map(|(id, edit)| {
            let msg = if state == MeetingState::Planned {
                Msg::MsgMeetingPlanned
            } else {
                Msg::MsgMeetingCreated
            };
            (id, edit, msg)
        }),
    };
    let (id, edit, msg) = match result {
        Ok(done) => done,
        Err(error) => return complain(app, error.to_string()),
    };
    committed(app, edit, lang.fill(msg, &[("id", &id.to_string())]));
    if state == MeetingState::Planned {
        app.screen = Screen::Main;
        app.focus = Pane::Meetings;
        select_meeting(app, id);
        return;
    }
    app.marks.clear();
    let agenda = app.backlog.meeting(id).map(|m| m.agenda.clone()).unwrap_or_default();
    let floor = app.history.undo_len();
    let now = app.clock.now();
    let terms = app.backlog.meeting(id).map(|m| m.terms.clone()).unwrap_or_default();
    app.screen = Screen::Review(Box::new(Review::new(id, agenda, minutes, now, floor).with_terms(terms)));
}

pub(super) fn select_meeting(app: &mut App, id: MeetingId) {
    app.meetings
        .select_where(|i| app.backlog.meetings.get(i).is_some_and(|m| m.id == id));
}

/// Writes the time spent per item (and the state) into the meeting without an undo step, so a
/// meeting cut short by a closed or killed app keeps its times.
fn book_quietly(app: &mut App) {
    if app.read_only {
        return;
    }
    let now = app.clock.now();
    let Screen::Review(review) = &app.screen else { return };
    let (id, times) = (review.meeting, review.times(now));
    if app.backlog.meeting(id).is_some_and(|m| m.time_spent == times) {
        return;
    }
    if let Ok(edit) = app.backlog.book_meeting(id, MeetingState::Running, times) {
        app.changed(&edit.redo);
        persist(app);
    }
}

fn review_action(app: &mut App, action: Action) {
    let now = app.clock.now();
    let Screen::Review(review) = &mut app.screen else {
        return;
    };
    let current = review.current();
    let floor = review.history_floor;
    if let Some(term) = review.current_term()
        && super::glossary::review_term_action(app, term, action)
    {
        return;
    }
    let Screen::Review(review) = &mut app.screen else {
        return;
    };
    match action {
        Action::ReviewNext => {
            if review.index + 1 >= review.len() {
                say(app, app.lang.tr(Msg::MsgLastItem).to_string());
            } else {
                review.go_to(review.index + 1, now);
                book_quietly(app);
            }
        }
        Action::ReviewPrev => {
            if review.index == 0 {
                say(app, app.lang.tr(Msg::MsgFirstItem).to_string());
            } else {
                review.go_to(review.index - 1, now);
                book_quietly(app);
            }
        }
        // `a` and `p` mean assign and priorities in the lists: the decision is shown and
        // confirmed before it is recorded, so a habit from triage records nothing by mistake.
        Action::ReviewApprove => {
            if let Some(id) = current {
                app.overlay = Overlay::Confirm(Confirm::Approve(id));
            }
        }
        Action::ReviewPark => {
            if let Some(id) = current {
                app.overlay = Overlay::Confirm(Confirm::Park(id));
            }
        }
        Action::ReviewNoted => decide(app, Verdict::Noted, String::new()),
        Action::ReviewReject => open_prompt(app, current.map(Prompt::Reject)),
        Action::ReviewDefer => open_prompt(app, current.map(Prompt::Defer)),
        Action::ReviewOwner => open_prompt(app, current.map(Prompt::Owner)),
        Action::ReviewNote => open_prompt(app, current.map(Prompt::Note)),
        Action::Edit => {
            let form = current.and_then(|id| Form::edit_measure(id, &app.backlog, app.lang, app.dates));
            if let Some(form) = form {
                app.overlay = Overlay::Form(Box::new(form));
            }
        }
        Action::Undo if app.history.undo_len() > floor => undo(app),
        Action::Undo => say(app, app.lang.tr(Msg::MsgNothingToUndoInMeeting).to_string()),
        Action::ShowLog => {
            if let Some(measure) = current {
                let back = Box::new(std::mem::take(&mut app.screen));
                app.screen = Screen::Log {
                    measure,
                    scroll: 0,
                    back,
                };
            }
        }
        Action::Help => app.overlay = Overlay::Help { scroll: 0 },
        Action::ReviewEnd => app.overlay = Overlay::Confirm(Confirm::EndReview),
        // issue 16: dependencies and links
        Action::FollowDependency => super::connections::follow(app),
        Action::OpenLink => super::connections::open_link(app),
        _ => {}
    }
}

fn open_prompt(app: &mut App, prompt: Option<Prompt>) {
    if let Some(prompt) = prompt {
        let mut form = Form::prompt(prompt, &app.backlog, app.lang);
        // issue 14: the new owner is chosen in the picker at once (Enter records it).
        if matches!(prompt, Prompt::Owner(_)) {
            form.open_picker(&app.backlog, app.lang, None);
        }
        app.overlay = Overlay::Form(Box::new(form));
    }
}

fn record(
    backlog: &mut Backlog,
    screen: &Screen,
    lang: Lang,
    verdict: Verdict,
    extra: &str,
    now: Timestamp,
) -> Option<Result<(Edit, String), String>> {
    let Screen::Review(review) = screen else { return None };
    let measure = review.current()?;
    let meeting = review.meeting;
    let result = backlog.record_decision(meeting, measure, verdict, extra, now);
    Some(
        result
            .map(|edit| {
                let text = backlog
                    .meeting(meeting)
                    .and_then(|m| m.decisions.last())
                    .map(|d| lang.decision(d.kind, &d.text, d.due))
                    .unwrap_or_default();
                let label = lang.fill(Msg::MsgDecision, &[("id", &measure.to_string()), ("text", &text)]);
                (edit, label)
            })
            .map_err(|e| e.to_string()),
    )
}

/// Records `verdict` on the review's current item (after its confirmation, if it needs one).
pub(super) fn decide(app: &mut App, verdict: Verdict, extra: String) {
    let now = app.clock.now();
    match record(&mut app.backlog, &app.screen, app.lang, verdict, &extra, now) {
        Some(Ok((edit, label))) => committed(app, edit, label),
        Some(Err(error)) => complain(app, error),
        None => {}
    }
}

/// The answer to a review prompt, as the form submission expects it.
pub(super) fn prompt_outcome(
    backlog: &mut Backlog,
    screen: &Screen,
    form: &Form,
    prompt: Prompt,
    lang: Lang,
    now: Timestamp,
) -> Result<Option<(Edit, String)>, (usize, String)> {
    let (verdict, extra) = match prompt {
        Prompt::Reject(_) => {
            let reason = form.answer_text();
            if reason.is_empty() {
                return Err((0, lang.tr(Msg::ErrReasonNeeded).to_string()));
            }
            (Verdict::Reject, reason)
        }
        Prompt::Defer(_) => (Verdict::Defer(form.answer_date(lang)?), String::new()),
        Prompt::Owner(_) => (Verdict::Owner(form.answer_owner()), String::new()),
        Prompt::Note(id) => {
            let text = form.answer_text();
            if text.is_empty() {
                return Err((0, lang.tr(Msg::ErrEmptyNote).to_string()));
            }
            let Screen::Review(review) = screen else {
                return Ok(None);
            };
            return backlog
                .note_in_meeting(review.meeting, id, &text, now)
                .map(|edit| Some((edit, lang.fill(Msg::MsgNoted, &[("id", &id.to_string())]))))
                .map_err(|e| (0, e.to_string()));
        }
    };
    match record(backlog, screen, lang, verdict, &extra, now) {
        Some(result) => result.map(Some).map_err(|e| (0, e)),
        None => Ok(None),
    }
}

/// After "yes, end the meeting": book the time (an undo step: undoing it reopens the meeting
/// as interrupted), write the minutes, show the summary. No marks are left behind.
pub(super) fn end_review(app: &mut App) {
    let now = app.clock.now();
    let Screen::Review(review) = &app.screen else { return };
    let id = review.meeting;
    let times = review.times(now);
    app.marks.clear();
    if let Ok(edit) = app.backlog.book_meeting(id, MeetingState::Held, times) {
        let label = app.lang.fill(Msg::MsgMeetingEnded, &[("id", &id.to_string())]);
        committed(app, edit, label);
    }
    let Some(meeting) = app.backlog.meeting(id) else {
        app.screen = Screen::Main;
        return;
    };
    let text = export::minutes::minutes(&app.backlog, meeting, app.lang);
    let relative = Path::new("minutes").join(export::minutes::file_name(meeting));
    let written = app
        .write_beside(&relative, text.as_bytes())
        .map_err(|e| format!("{}: {e}", relative.display()));
    app.screen = Screen::Summary(Box::new(Summary {
        meeting: id,
        written: Some(written),
        scroll: 0,
    }));
    super::auto_sync::meeting_ended(app);
}

/// Resumes an interrupted meeting at `item` with the time it had booked.
pub(super) fn resume(app: &mut App, id: MeetingId, item: usize) {
    let Some(meeting) = app.backlog.meeting(id) else { return };
    let minutes = meeting.minutes_per_item.unwrap_or(5);
    let agenda = meeting.agenda.clone();
    let spent: Vec<i64> = agenda
        .iter()
        .map(|m| i64::from(meeting.secs_on(*m).unwrap_or(0)))
        .collect();
    let floor = app.history.undo_len();
    let terms = meeting.terms.clone();
    let mut review = Review::new(id, agenda, minutes, app.clock.now(), floor);
    review.spent = spent;
    let mut review = review.with_terms(terms);
    review.index = item.min(review.len().saturating_sub(1));
    app.screen = Screen::Review(Box::new(review));
}

fn summary_action(app: &mut App, action: Action) {
    let Screen::Summary(summary) = &mut app.screen else {
        return;
    };
    let meeting = summary.meeting;
    match action {
        Action::Down => summary.scroll = summary.scroll.saturating_add(1),
        Action::Up => summary.scroll = summary.scroll.saturating_sub(1),
        Action::PageDown => summary.scroll = summary.scroll.saturating_add(10),
        Action::PageUp => summary.scroll = summary.scroll.saturating_sub(10),
        Action::PlanLeftovers => {
            let leftovers: Vec<_> = app
                .backlog
                .meeting(meeting)
                .map(|m| {
                    m.agenda
                        .iter()
                        .copied()
                        .filter(|id| !app.backlog.was_discussed(m, *id))
                        .collect()
                })
                .unwrap_or_default();
            if leftovers.is_empty() {
                say(app, app.lang.tr(Msg::MsgNoLeftovers).to_string());
            } else {
                open_setup(app, leftovers, None);
            }
        }
        Action::Cancel => {
            app.screen = Screen::Main;
            app.focus = Pane::Meetings;
            select_meeting(app, meeting);
        }
        Action::Quit => quit(app),
        _ => {}
    }
}

/// `L`: the selected measure's whole log, full screen.
pub(super) fn show_log(app: &mut App) {
    match app.selected_measure() {
        Some(measure) => {
            app.screen = Screen::Log {
                measure,
                scroll: 0,
                back: Box::new(Screen::Main),
            }
        }
        None => say(app, app.lang.tr(Msg::NothingSelected).to_string()),
    }
}

fn log_action(app: &mut App, action: Action) {
    let Screen::Log { scroll, back, .. } = &mut app.screen else {
        return;
    };
    if !super::update::scrolled(scroll, action) {
        match action {
            Action::Cancel => app.screen = std::mem::take(back.as_mut()),
            Action::Quit => quit(app),
            // issue 16: dependencies and links
            Action::FollowDependency => super::connections::follow(app),
            Action::OpenLink => super::connections::open_link(app),
            _ => {}
        }
    }
}

/// What `X` and `W` write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Csv,
    Workbook,
}

/// `X` / `W`: the measures now in the Measures pane, as CSV or an Excel workbook in the data
/// directory.
pub(super) fn export_view(app: &mut App, format: ExportFormat) {
    let lang = app.lang;
    let ids = agenda_candidates(app);
    let measures = ids.iter().filter_map(|id| app.backlog.measure(*id));
    let (written, extension) = match format {
        ExportFormat::Csv => (
            export::csv::write(&app.backlog, measures, lang, b';').map_err(|e| e.to_string()),
            "csv",
        ),
        ExportFormat::Workbook => (
            export::xlsx::write(&app.backlog, measures, lang, app.today()).map_err(|e| e.to_string()),
            "xlsx",
        ),
    };
    let bytes = match written {
        Ok(bytes) => bytes,
        Err(error) => return complain(app, error),
    };
    let relative = Path::new("exports").join(format!("tiltak-{}.{extension}", app.today()));
    write_export(app, &relative, &bytes, |path| {
        lang.fill(Msg::MsgExported, &[("count", &ids.len().to_string()), ("path", path)])
    });
}

/// `H`: the status page for the directors, as HTML in the data directory's exports.
pub(super) fn export_status_page(app: &mut App) {
    let lang = app.lang;
    let html = export::html::status_page(&app.backlog, lang, app.today());
    let relative = Path::new("exports").join(format!("tiltak-status-{}.html", app.today()));
    write_export(app, &relative, html.as_bytes(), |path| {
        lang.fill(Msg::MsgStatusPageWritten, &[("path", path)])
    });
}

/// Writes an export beside the backlog and says where (`done` words it), or why it failed.
fn write_export(app: &mut App, relative: &Path, bytes: &[u8], done: impl FnOnce(&str) -> String) {
    match app.write_beside(relative, bytes) {
        Ok(path) => {
            let text = done(&path.display().to_string());
            say(app, text);
        }
        Err(error) => complain(
            app,
            app.lang.fill(
                Msg::ErrWriteFile,
                &[("path", &relative.display().to_string()), ("error", &error.to_string())],
            ),
        ),
    }
}
