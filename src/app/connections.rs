//! Issue 16: a measure's connections in the app. `D` and `P` pick what it depends on and what
//! it is part of (with the quick-assign picker), `b` follows a dependency to the measure it
//! waits for (also from the review), `O` opens one of its links with the system's opener.

use std::process::{Command, Stdio};

use super::picker::{PickChoice, Picker, PickerKind, measure_label};
use super::review::Screen;
use super::update::{complain, say};
use super::{App, Overlay};
use crate::domain::MeasureId;
use crate::domain::links::{all_links, may_open};
use crate::i18n::Msg;

/// What opens a link: the system's opener (`xdg-open`, `open`, `start` through the `open`
/// crate), or a program named by `TILTAK_OPENER`. Either gets the address as its one argument;
/// no shell ever sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Opener {
    System,
    Program(String),
}

impl Opener {
    pub fn from_env() -> Opener {
        match std::env::var("TILTAK_OPENER") {
            Ok(program) if !program.trim().is_empty() => Opener::Program(program),
            _ => Opener::System,
        }
    }

    fn open(&self, url: &str) -> Result<(), String> {
        match self {
            Opener::System => open::that_detached(url).map_err(|e| e.to_string()),
            Opener::Program(program) => {
                let mut child = Command::new(program)
                    .arg(url)
                    .stdin(Stdio::null())
                    .stdout(Stdio::null())
                    .stderr(Stdio::null())
                    .spawn()
                    .map_err(|e| e.to_string())?;
                // Reaped in the background, so no finished opener lingers.
                std::thread::spawn(move || child.wait());
                Ok(())
            }
        }
    }
}

/// The measure the keys act on: the review's current item, the one shown full screen, or the
/// one selected in the list.
fn current_measure(app: &App) -> Option<MeasureId> {
    match &app.screen {
        Screen::Review(review) => review.current(),
        Screen::Log { measure, .. } | Screen::Peek { measure, .. } => Some(*measure),
        _ => app.selected_measure(),
    }
}

/// `b`: the measure's dependencies, the ones not done first; one is shown at once, several are
/// offered in a picker.
pub(super) fn follow(app: &mut App) {
    let Some(m) = current_measure(app).and_then(|id| app.backlog.measure(id)) else {
        return say(app, app.lang.tr(Msg::NothingSelected).to_string());
    };
    let mut deps: Vec<_> = m.depends_on.iter().filter_map(|d| app.backlog.measure(*d)).collect();
    deps.sort_by_key(|d| d.status == crate::domain::Status::Done);
    match deps.as_slice() {
        [] => say(app, app.lang.tr(Msg::MsgNoDependencies).to_string()),
        [one] => {
            let id = one.id;
            peek(app, id);
        }
        many => {
            let options = many
                .iter()
                .map(|d| {
                    (
                        format!("{} ({})", measure_label(d), app.lang.status(d.status)),
                        PickChoice::Measure(d.id),
                    )
                })
                .collect();
            let picker = Picker::choose(PickerKind::Follow, m.id, options);
            app.overlay = Overlay::Picker(Box::new(picker));
        }
    }
}

/// The measure full screen with its detail; `Esc` goes back to where it was opened from.
pub(super) fn peek(app: &mut App, measure: MeasureId) {
    let back = Box::new(std::mem::take(&mut app.screen));
    app.screen = Screen::Peek {
        measure,
        scroll: 0,
        back,
    };
}

/// `O`: the measure's one link opened at once, or its links offered in a picker.
pub(super) fn open_link(app: &mut App) {
    let Some(m) = current_measure(app).and_then(|id| app.backlog.measure(id)) else {
        return say(app, app.lang.tr(Msg::NothingSelected).to_string());
    };
    let links = all_links(&app.backlog.settings, m);
    match links.as_slice() {
        [] => say(app, app.lang.tr(Msg::MsgNoLinks).to_string()),
        [one] => {
            let url = one.url.clone();
            open_url(app, &url);
        }
        many => {
            let options = many
                .iter()
                .enumerate()
                .map(|(i, link)| (format!("{} – {}", link.shown(), link.url), PickChoice::Link(i)))
                .collect();
            let picker = Picker::choose(PickerKind::OpenLink, m.id, options);
            app.overlay = Overlay::Picker(Box::new(picker));
        }
    }
}

/// Enter in the link or follow picker.
pub(super) fn chosen(app: &mut App, picker: &Picker) {
    match (picker.kind, picker.current().map(|o| o.choice.clone())) {
        (PickerKind::Follow, Some(PickChoice::Measure(id))) => peek(app, id),
        (PickerKind::OpenLink, Some(PickChoice::Link(index))) => {
            let url = picker
                .targets
                .first()
                .and_then(|id| app.backlog.measure(*id))
                .and_then(|m| all_links(&app.backlog.settings, m).into_iter().nth(index))
                .map(|link| link.url);
            if let Some(url) = url {
                open_url(app, &url);
            }
        }
        _ => {}
    }
}

fn open_url(app: &mut App, url: &str) {
    let shown = crate::domain::text::visible(url).into_owned();
    if !may_open(url) {
        return complain(app, app.lang.fill(Msg::ErrOpenRefused, &[("url", &shown)]));
    }
    match app.opener.open(url.trim()) {
        Ok(()) => say(app, app.lang.fill(Msg::MsgOpened, &[("url", &shown)])),
        Err(error) => complain(
            app,
            app.lang.fill(Msg::ErrOpenFailed, &[("url", &shown), ("error", &error)]),
        ),
    }
}

/// Keys on the full-screen measure: scroll, follow further, open a link, back.
pub(super) fn peek_action(app: &mut App, action: super::Action) {
    use super::Action;
    let Screen::Peek { scroll, back, .. } = &mut app.screen else {
        return;
    };
    if super::update::scrolled(scroll, action) {
        return;
    }
    match action {
        Action::Cancel => app.screen = std::mem::take(back.as_mut()),
        Action::FollowDependency => follow(app),
        Action::OpenLink => open_link(app),
        Action::Quit => super::update::quit(app),
        _ => {}
    }
}
