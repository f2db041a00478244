//! The guided start on an empty backlog: name it, check the sectors, add the group's members
//! and the first priorities. Every step can be skipped, and all of it is reachable later
//! (Settings screen, Owners and Priorities panes).

use super::form::Form;
use super::review::Screen;
use super::update::{quit, say};
use super::{Action, App, Overlay, Pane};
use crate::i18n::Msg;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Name,
    Sectors,
    Owners,
    Priorities,
    Measures,
}

impl Step {
    pub const ALL: [Step; 5] = [
        Step::Name,
        Step::Sectors,
        Step::Owners,
        Step::Priorities,
        Step::Measures,
    ];
}

/// Shows the start screen when the backlog is brand new (nothing but its sectors) and may be
/// written; a demo or a read-only window goes straight to the lists.
pub fn offer(app: &mut App) {
    let b = &app.backlog;
    if !app.demo && !app.read_only && b.measures.is_empty() && b.owners.is_empty() && b.priorities.is_empty() {
        app.screen = Screen::Start { cursor: 0 };
    }
}

pub(super) fn action(app: &mut App, action: Action) {
    let Screen::Start { cursor } = &mut app.screen else {
        return;
    };
    let last = Step::ALL.len() - 1;
    match action {
        Action::Down => *cursor = (*cursor + 1).min(last),
        Action::Up => *cursor = cursor.saturating_sub(1),
        Action::Accept => {
            let step = Step::ALL[(*cursor).min(last)];
            // The next step is ready when this one's form closes.
            if step != Step::Measures {
                *cursor = (*cursor + 1).min(last);
            }
            match step {
                Step::Name => app.overlay = Overlay::Form(Box::new(Form::settings(&app.backlog))),
                Step::Sectors => {
                    app.screen = Screen::Settings {
                        cursor: 0,
                        from_start: true,
                    }
                }
                Step::Owners => app.overlay = Overlay::Form(Box::new(Form::new_owner(&app.backlog, app.lang))),
                Step::Priorities => app.overlay = Overlay::Form(Box::new(Form::new_priority())),
                Step::Measures => first_measure(app),
            }
        }
        Action::New => first_measure(app),
        Action::Cancel => {
            app.screen = Screen::Main;
            app.focus = Pane::Measures;
            say(app, app.lang.tr(Msg::StartSkipped).to_string());
        }
        Action::Help => app.overlay = Overlay::Help { scroll: 0 },
        Action::Quit => quit(app),
        _ => {}
    }
}

/// Leaves the start for the Measures pane with the new-measure form open.
fn first_measure(app: &mut App) {
    app.screen = Screen::Main;
    app.focus = Pane::Measures;
    app.overlay = Overlay::Form(Box::new(Form::new_measure(&app.backlog, app.lang)));
}
