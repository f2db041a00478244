//! Automatic sync, as the backlog's settings ask: when the app starts, when a meeting ends, and
//! every N minutes while nobody types. Only where the data folder is shared; it runs the same
//! sync as `Y`, on the same worker, and reports in the status bar the same way. The app's clock
//! decides what "N minutes" means, so tests move a fixed clock instead of waiting.

use jiff::{SignedDuration, Timestamp};

use super::review::Screen;
use super::{App, Overlay, SaveState};

/// How long nobody must have typed before an interval sync starts.
pub const QUIET: SignedDuration = SignedDuration::from_secs(30);

#[derive(Debug, Clone, Copy)]
pub struct AutoSync {
    /// When the last sync started (by hand or automatically), or when the app started.
    last_sync: Timestamp,
    /// The last key press.
    last_key: Option<Timestamp>,
}

impl AutoSync {
    pub fn new(now: Timestamp) -> AutoSync {
        AutoSync {
            last_sync: now,
            last_key: None,
        }
    }

    pub fn key_pressed(&mut self, now: Timestamp) {
        self.last_key = Some(now);
    }

    pub fn sync_started(&mut self, now: Timestamp) {
        self.last_sync = now;
    }
}

/// Whether an automatic sync may start now: shared, writable, saved, none running.
fn may_sync(app: &App) -> bool {
    app.shared && !app.read_only && app.save_state == SaveState::Saved && app.syncing.is_none()
}

/// Right after the app opened.
pub fn at_start(app: &mut App) {
    if app.backlog.settings.sync_at_start && may_sync(app) {
        super::sync::start(app);
    }
}

/// Right after a meeting ended (its time booked and the minutes written).
pub(super) fn meeting_ended(app: &mut App) {
    if app.backlog.settings.sync_after_meeting && may_sync(app) {
        super::sync::start(app);
    }
}

/// Whether the interval sync is due: it is on, N minutes passed since the last sync, nobody
/// typed for [`QUIET`], and nothing is open that a refreshed list could disturb (a form, an
/// overlay, a meeting being run or set up).
pub fn due(app: &App, now: Timestamp) -> bool {
    let minutes = app.backlog.settings.sync_every_minutes;
    if minutes == 0 || !may_sync(app) {
        return false;
    }
    let every = SignedDuration::from_mins(i64::from(minutes));
    let quiet = app
        .auto_sync
        .last_key
        .is_none_or(|key| now.duration_since(key) >= QUIET);
    let calm = matches!(app.overlay, Overlay::None) && !matches!(app.screen, Screen::Review(_) | Screen::Setup(_));
    quiet && calm && now.duration_since(app.auto_sync.last_sync) >= every
}

/// An idle moment of the event loop (no key since the last frame): starts the interval sync
/// when it is due.
pub fn tick(app: &mut App) {
    if due(app, app.clock.now()) {
        super::sync::start(app);
    }
}
