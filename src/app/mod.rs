//! Application state and everything that changes it: key → [`Action`] → [`update`].

pub mod action;
// issue 16: glossary terms on the agenda from the meeting set-up
mod agenda_items;
pub mod clipboard;
// issue 11: automatic sync
pub mod auto_sync;
mod background;
pub mod connections;
pub mod drill;
pub mod editor;
pub mod filter_panel;
mod find;
pub mod form;
pub mod glossary;
mod goto;
pub mod history;
mod insight_job;
pub mod keymap;
// issue 13: needed-by and parts without reading every measure per frame
pub mod linked;
mod live_search;
mod marks;
mod meeting_pane;
pub mod outside;
pub mod overview;
pub mod palette;
pub mod picker;
pub mod rescue;
pub mod review;
mod review_update;
pub mod settings;
pub mod start;
pub mod sync;
// issue 16: the measures using the glossary term on screen
pub mod term_uses;
pub mod typeahead;
pub mod update;
pub mod views;

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use jiff::civil::Date;

pub use action::{Action, Pane};
pub use form::Form;
pub use update::{handle_key, update};
pub use views::ListView;

pub use crate::clock::Clock;
use crate::domain::Patch;
use crate::domain::{Backlog, MeasureId, MeetingId, OwnerId, PriorityId};
use crate::i18n::Lang;
use crate::insight::Insight;
use crate::search::terms::TermMatcher;
use crate::search::{MeasureFilter, SearchKeys, SortKey};
use crate::store::Persist;
pub use filter_panel::FilterPanel;
use history::History;
use keymap::Context;
use overview::OverviewState;
pub use palette::Palette;
pub use picker::Picker;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confirm {
    DeleteMeasure(MeasureId),
    DeleteOwner(OwnerId),
    DeletePriority(PriorityId),
    QuitUnsaved,
    EndReview,
    /// Delete every marked measure (this many).
    DeleteMarked(usize),
    // Issue 10: meetings the group can trust
    /// Record "approve" on the review's current item (its key means "assign" in the lists).
    Approve(MeasureId),
    /// Record "park" on the review's current item (its key means "priorities" in the lists).
    Park(MeasureId),
    /// A bulk action on marks some of which the filter or search hides.
    HiddenMarks {
        action: Action,
        marked: usize,
        hidden: usize,
    },
    ResumeMeeting {
        meeting: MeetingId,
        item: usize,
    },
    DeleteMeeting(MeetingId),
    DeleteSector(crate::domain::SectorId),
    // issue 16: glossary
    DeleteTerm(crate::domain::TermId),
    /// Record "agreed" on the review's current glossary term.
    AgreeTerm(crate::domain::TermId),
    /// Record "retired" on the review's current glossary term.
    RetireTerm(crate::domain::TermId),
}

#[derive(Debug, Clone)]
pub enum Overlay {
    None,
    Help {
        scroll: u16,
    },
    Confirm(Confirm),
    Form(Box<Form>),
    /// What a merge with changes made outside brought in; a side to choose per conflict.
    Merge(Box<outside::MergeView>),
    Palette(Box<Palette>),
    Picker(Box<Picker>),
    Filter(Box<FilterPanel>),
    /// The name to save the current view under.
    SaveView(String),
    /// The id typed to go to a measure.
    GoTo(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    Saved,
    /// The last save failed with this reason; the change lives only in memory.
    Failed(String),
    // issue 13: saving never blocks the screen
    /// The background writer has the change and is writing it.
    Saving,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub is_error: bool,
}

pub struct App {
    pub backlog: Backlog,
    pub lang: Lang,
    pub demo: bool,
    pub focus: Pane,
    pub measures: ListView,
    pub owners: ListView,
    pub priorities: ListView,
    pub overlay: Overlay,
    pub message: Option<Message>,
    pub save_state: SaveState,
    pub history: History,
    pub should_quit: bool,
    pub clock: Clock,
    /// Rows of data a list showed in the last frame: the page for PgUp/PgDn and scrolling.
    /// The event loop sets it from the layout, so update never has to know how drawing works.
    pub list_height: usize,
    /// The terminal's size in the last frame: how much of the help overlay shows.
    pub viewport: ratatui::layout::Size,
    pub detail_scroll: u16,
    /// Another process holds the file's lock: the app shows the backlog but changes nothing.
    pub read_only: bool,
    /// Read only because the lock could not even be created (a read-only folder): why.
    pub unwritable: Option<String>,
    /// This window just took over the lock from one that quit, until the next key.
    pub became_writable: bool,
    /// Narrows the Measures pane; empty shows everything.
    pub filter: MeasureFilter,
    pub meetings: ListView,
    /// A full-screen view (meeting review, summary, log) over the panes, if any.
    pub screen: review::Screen,
    /// Matrix, loads and chart numbers, recomputed after every change.
    pub insight: Insight,
    /// The glossary's names, ready to find in a text; rebuilt when the backlog changes.
    pub terms: TermMatcher,
    pub overview: OverviewState,
    /// Where each drill-down came from, so `Esc` in the Measures pane can go back.
    pub came_from: Vec<drill::CameFrom>,
    pub outside: outside::OutsideState,
    /// Search keys of every measure, prepared when first searched (or when the app is idle
    /// after its first frame) and then kept up to date per change; shared with the search
    /// worker. `None` until then, so launching never waits for them.
    keys: Option<Arc<SearchKeys>>,
    /// The search query of each pane (as typed).
    pub queries: HashMap<Pane, String>,
    /// The search line of the focused pane is open for typing.
    pub search_open: bool,
    pub sort: SortKey,
    /// Measures that bulk actions apply to.
    pub marks: BTreeSet<MeasureId>,
    /// The saved or built-in view shown, until the filter, search or order changes.
    pub view_name: Option<String>,
    /// The user said a bulk action may act on marked measures the list hides (one action).
    pub hidden_marks_ok: bool,
    /// Text the event loop should open in the user's editor (`Ctrl-e` in a form).
    pub editor_request: Option<String>,
    // issue 16: what opens a measure's links
    pub opener: connections::Opener,
    /// A sync with the group running on its thread.
    pub syncing: Option<sync::Running>,
    // issue 11: who did what, automatic sync
    /// The member's name, signed on the log entries this window writes (resolved at start).
    pub author: String,
    /// The data folder is shared through git; automatic sync runs only then.
    pub shared: bool,
    pub auto_sync: auto_sync::AutoSync,
    store: Box<dyn Persist>,
    search: live_search::LiveSearch,
    // issue 14: the user's config file
    /// The key bindings in effect: the keymap table with the user's changes.
    pub keymap: keymap::Keymap,
    /// Mouse capture is on (the config file can turn it off).
    pub mouse: bool,
    /// `y` may copy the selected measure to the clipboard with OSC 52 (off in the config).
    pub osc52: bool,
    /// How dates show on screen and in forms.
    pub dates: crate::i18n::DateStyle,
    /// Text the event loop should put on the clipboard (OSC 52) before the next frame.
    pub clipboard_request: Option<String>,
    /// How far the detail panel can scroll in the last frame (the event loop sets it).
    pub detail_max_scroll: u16,
    /// The author name from the user's config file, and that file (for the Settings screen).
    pub config_author: Option<String>,
    pub config_path: Option<std::path::PathBuf>,
    // issue 16: glossary
    pub glossary: ListView,
    /// The glossary term the detail panel's cursor is on: the measure it belongs to and the
    /// term's place among those found in it (`Enter` opens it in the Glossary pane).
    pub detail_term: Option<(MeasureId, usize)>,
    /// The measures using the glossary term on screen; kept up to date by update, not render.
    pub term_uses: term_uses::TermUses,
    // issue 13: saving never blocks the screen
    /// The user quit while the last change was being written: quit once it is in the file.
    pub quitting: bool,
    /// Insight numbers being computed on a thread (large backlogs).
    insight_job: insight_job::InsightJob,
    /// The measures with a dependency or a parent (the detail panel's "needed by" and "parts").
    pub linked: linked::Linked,
}

/// The list height of a 120×40 terminal, until the first frame tells the real one.
const DEFAULT_LIST_HEIGHT: usize = 18;

/// The list an Overview pane does not have.
static NO_LIST: ListView = ListView {
    rows: Vec::new(),
    cursor: 0,
    offset: 0,
};

impl App {
    pub fn new(backlog: Backlog, lang: Lang, store: Box<dyn Persist>, clock: Clock) -> App {
        let mut app = App {
            backlog,
            lang,
            demo: false,
            focus: Pane::Measures,
            measures: ListView::default(),
            owners: ListView::default(),
            priorities: ListView::default(),
            overlay: Overlay::None,
            message: None,
            save_state: SaveState::Saved,
            history: History::default(),
            should_quit: false,
            clock,
            list_height: DEFAULT_LIST_HEIGHT,
            viewport: ratatui::layout::Size::new(120, 40),
            detail_scroll: 0,
            read_only: false,
            unwritable: None,
            became_writable: false,
            filter: MeasureFilter::default(),
            meetings: ListView::default(),
            screen: review::Screen::Main,
            insight: Insight::default(),
            terms: TermMatcher::default(),
            overview: OverviewState::default(),
            came_from: Vec::new(),
            outside: outside::OutsideState::default(),
            keys: None,
            queries: HashMap::new(),
            search_open: false,
            sort: SortKey::Default,
            marks: BTreeSet::new(),
            view_name: None,
            hidden_marks_ok: false,
            editor_request: None,
            opener: connections::Opener::from_env(),
            syncing: None,
            author: String::new(),
            shared: false,
            auto_sync: auto_sync::AutoSync::new(clock.now()),
            store,
            search: live_search::LiveSearch::default(),
            keymap: keymap::Keymap::default(),
            mouse: true,
            osc52: true,
            dates: crate::i18n::DateStyle::Language,
            clipboard_request: None,
            // No limit until the first frame tells the real one.
            detail_max_scroll: u16::MAX,
            config_author: None,
            config_path: None,
            glossary: ListView::default(),
            detail_term: None,
            term_uses: term_uses::TermUses::default(),
            quitting: false,
            insight_job: insight_job::InsightJob::default(),
            linked: linked::Linked::default(),
        };
        app.linked = linked::Linked::of(&app.backlog);
        if app.backlog.measures.len() >= insight_job::LATER_FROM {
            // The first frame shows the rows; the insight numbers (the Owners, Priorities and
            // Overview panes) follow from a thread a moment later, as after a change.
            app.insight_later();
            app.terms = TermMatcher::new(&app.backlog);
            app.refresh_rows();
        } else {
            app.refresh_views();
        }
        app
    }

    pub fn store_location(&self) -> &std::path::Path {
        self.store.location()
    }

    pub fn today(&self) -> Date {
        self.clock.today()
    }

    /// Which part of the keymap is live.
    pub fn context(&self) -> Context {
        match self.overlay {
            Overlay::None => self.screen_context(),
            Overlay::Help { .. } => Context::Help,
            Overlay::Confirm(_) => Context::Confirm,
            // issue 14: a picker opened from a form or the filter panel takes the keys
            Overlay::Form(ref form) if form.picker.is_some() => Context::Picker,
            Overlay::Filter(ref panel) if panel.picker.is_some() => Context::Picker,
            Overlay::Form(_) => Context::Form,
            Overlay::Merge(_) => Context::Merge,
            Overlay::Palette(_) => Context::Palette,
            Overlay::Picker(_) => Context::Picker,
            Overlay::Filter(_) => Context::Filter,
            Overlay::SaveView(_) => Context::Prompt,
            Overlay::GoTo(_) => Context::GoTo,
        }
    }

    /// The keymap part of the screen under any overlay (help shows its keys first).
    pub fn screen_context(&self) -> Context {
        match &self.screen {
            review::Screen::Main if self.search_open => Context::Search,
            review::Screen::Main => Context::List,
            // issue 14: the attendees' picker
            review::Screen::Setup(setup) if setup.form.picker.is_some() => Context::Picker,
            review::Screen::Setup(setup) if setup.on_agenda => Context::Agenda,
            review::Screen::Setup(_) => Context::Setup,
            review::Screen::Review(_) => Context::Review,
            review::Screen::Summary(_) => Context::Summary,
            review::Screen::Log { .. } | review::Screen::Peek { .. } => Context::Log,
            review::Screen::Changes { .. } => Context::Changes,
            review::Screen::Settings { .. } => Context::Settings,
            review::Screen::Start { .. } => Context::Start,
        }
    }

    /// Marked measures the current filter or search hides from the Measures pane.
    pub fn hidden_marks(&self) -> usize {
        if self.marks.is_empty() {
            return 0;
        }
        let visible = self
            .measures
            .rows
            .iter()
            .filter_map(|i| self.backlog.measures.get(*i))
            .filter(|m| self.marks.contains(&m.id))
            .count();
        self.marks.len() - visible
    }

    pub fn list(&self, pane: Pane) -> &ListView {
        match pane {
            Pane::Measures => &self.measures,
            Pane::Owners => &self.owners,
            Pane::Priorities => &self.priorities,
            Pane::Meetings => &self.meetings,
            Pane::Overview => &NO_LIST,
            Pane::Glossary => &self.glossary,
        }
    }

    fn list_mut(&mut self, pane: Pane) -> Option<&mut ListView> {
        match pane {
            Pane::Meetings => Some(&mut self.meetings),
            Pane::Measures => Some(&mut self.measures),
            Pane::Owners => Some(&mut self.owners),
            Pane::Priorities => Some(&mut self.priorities),
            Pane::Overview => None,
            Pane::Glossary => Some(&mut self.glossary),
        }
    }

    pub fn selected_measure(&self) -> Option<MeasureId> {
        self.measures
            .selected_row()
            .and_then(|i| self.backlog.measures.get(i))
            .map(|m| m.id)
    }

    pub fn selected_owner(&self) -> Option<OwnerId> {
        self.owners
            .selected_row()
            .and_then(|i| self.backlog.owners.get(i))
            .map(|o| o.id)
    }

    pub fn selected_priority(&self) -> Option<PriorityId> {
        self.priorities
            .selected_row()
            .and_then(|i| self.backlog.priorities.get(i))
            .map(|p| p.id)
    }

    // issue 16: glossary
    pub fn selected_term(&self) -> Option<crate::domain::TermId> {
        self.glossary
            .selected_row()
            .and_then(|i| self.backlog.glossary.get(i))
            .map(|t| t.id)
    }

    /// The search query of `pane` ("" when none).
    pub fn query(&self, pane: Pane) -> &str {
        self.queries.get(&pane).map_or("", String::as_str)
    }

    pub fn selected_meeting(&self) -> Option<MeetingId> {
        self.meetings
            .selected_row()
            .and_then(|i| self.backlog.meetings.get(i))
            .map(|m| m.id)
    }

    /// Writes `bytes` to a new file at `relative` beside the backlog; returns where it went.
    pub fn write_beside(&mut self, relative: &std::path::Path, bytes: &[u8]) -> std::io::Result<std::path::PathBuf> {
        self.store.write_beside(relative, bytes)
    }

    /// After the whole backlog was replaced: merged with or reloaded from the file.
    pub fn replaced(&mut self) {
        self.search.forget();
        self.keys = None;
        self.marks.retain(|id| self.backlog.measure(*id).is_some());
        self.linked = linked::Linked::of(&self.backlog);
        self.refresh_views();
    }

    /// Brings search keys, rows and counts up to date after `patch` changed the backlog.
    pub fn changed(&mut self, patch: &Patch) {
        self.linked.changed(&self.backlog, patch);
        if let Some(rows) = self.edited_in_place(patch) {
            return self.measures_changed(patch, &rows);
        }
        // The corpus shares the keys: let go of it first, so they are updated in place.
        self.search.forget();
        if let Some(keys) = &mut self.keys {
            Arc::make_mut(keys).update(&self.backlog, patch);
        }
        self.marks.retain(|id| self.backlog.measure(*id).is_some());
        let only_measures = patch
            .keys()
            .all(|key| matches!(key, crate::domain::patch::Key::Measure(_)));
        if only_measures && self.backlog.measures.len() >= insight_job::LATER_FROM {
            self.insight_later();
            self.refresh_rows();
            self.refresh_term_uses(true);
        } else {
            self.refresh_views();
        }
    }

    /// The places in `backlog.measures` of the measures `patch` changed, when it changed only
    /// measures and all of them are still there (none came or went, if the rows were worked
    /// out for as many measures as there are now; the search checks that).
    fn edited_in_place(&self, patch: &Patch) -> Option<Vec<usize>> {
        patch
            .keys()
            .map(|key| match key {
                crate::domain::patch::Key::Measure(id) => {
                    self.backlog.measures.binary_search_by_key(&id, |m| m.id).ok()
                }
                _ => None,
            })
            .collect()
    }

    /// After an edit to measures that all stayed in their places (a status step, a new owner,
    /// title or note): only their keys and rows are redone, not the whole list's. In a long
    /// list the insight numbers follow on a thread.
    fn measures_changed(&mut self, patch: &Patch, rows: &[usize]) {
        // The corpus shares the keys: let go of it first, so they are updated in place.
        self.search.release_keys();
        if let Some(keys) = &mut self.keys {
            Arc::make_mut(keys).update(&self.backlog, patch);
        }
        self.measures_edited(rows);
        self.refresh_term_uses(true);
        if self.backlog.measures.len() >= insight_job::LATER_FROM {
            self.insight_later();
        } else {
            self.insight_job = insight_job::InsightJob::default();
            self.insight = Insight::compute(&self.backlog, self.today());
            self.refresh_lists();
        }
        self.keep_cursors_visible();
    }

    /// The search keys, prepared now if they were not yet.
    pub fn search_keys(&mut self) -> Arc<SearchKeys> {
        Arc::clone(
            self.keys
                .get_or_insert_with(|| Arc::new(SearchKeys::build(&self.backlog))),
        )
    }

    /// Prepares the search keys ahead of the first query; the event loop calls it when idle.
    /// True when there was something to do.
    pub fn prepare_search(&mut self) -> bool {
        let missing = self.keys.is_none();
        if missing {
            self.search_keys();
        }
        missing
    }

    /// Rebuilds the measure rows (filter, search, order), keeping the cursor on the same
    /// measure; when it left the list, the cursor stays at its place, on the next one.
    pub fn refresh_measures(&mut self) {
        let measure = self.selected_measure();
        let rows = self.measure_rows_now();
        self.measures.set_rows(rows);
        if let Some(id) = measure {
            self.measures
                .select_where(|i| self.backlog.measures.get(i).is_some_and(|m| m.id == id));
        }
    }

    /// Recomputes the insight numbers and rebuilds the row orders after a change.
    pub fn refresh_views(&mut self) {
        // Numbers still being computed from an older backlog would overwrite these.
        self.insight_job = insight_job::InsightJob::default();
        self.insight = Insight::compute(&self.backlog, self.today());
        self.terms = TermMatcher::new(&self.backlog);
        self.refresh_rows();
        self.refresh_term_uses(true);
    }

    /// New insight numbers arrived: the overview cursor and the owners' order follow them (the
    /// measure rows do not depend on them).
    fn insight_changed(&mut self) {
        self.refresh_lists();
        self.keep_cursors_visible();
    }

    /// Rebuilds the row orders, keeping each list's selection on the same record.
    fn refresh_rows(&mut self) {
        self.refresh_measures();
        self.refresh_lists();
        self.keep_cursors_visible();
    }

    /// Rebuilds the rows of the lists other than the measures', keeping each one's selection
    /// on the same record.
    fn refresh_lists(&mut self) {
        let owner = self.selected_owner();
        let priority = self.selected_priority();
        let meeting = self.selected_meeting();
        let term = self.selected_term();
        self.overview.clamp(&self.insight);
        self.owners.set_rows(views::owner_rows(
            &self.backlog,
            &self.insight.owners,
            self.query(Pane::Owners),
        ));
        self.priorities
            .set_rows(views::priority_rows(&self.backlog, self.query(Pane::Priorities)));
        self.meetings
            .set_rows(views::meeting_rows(&self.backlog, self.query(Pane::Meetings)));
        self.glossary
            .set_rows(views::glossary_rows(&self.backlog, self.query(Pane::Glossary)));
        if let Some(id) = term {
            self.glossary
                .select_where(|i| self.backlog.glossary.get(i).is_some_and(|t| t.id == id));
        }
        if let Some(id) = meeting {
            self.meetings
                .select_where(|i| self.backlog.meetings.get(i).is_some_and(|m| m.id == id));
        }
        if let Some(id) = owner {
            self.owners
                .select_where(|i| self.backlog.owners.get(i).is_some_and(|o| o.id == id));
        }
        if let Some(id) = priority {
            self.priorities
                .select_where(|i| self.backlog.priorities.get(i).is_some_and(|p| p.id == id));
        }
    }

    /// Shows only the measures `filter` lets through.
    pub fn set_filter(&mut self, filter: MeasureFilter) {
        self.filter = filter;
        self.view_name = None;
        self.refresh_measures();
    }

    /// The measures an action applies to: the marked ones, else the selected one.
    pub fn targets(&self) -> Vec<MeasureId> {
        if self.marks.is_empty() {
            self.selected_measure().into_iter().collect()
        } else {
            self.marks.iter().copied().collect()
        }
    }

    /// The terminal changed size (or a frame was drawn): lists now show `rows` rows at once.
    pub fn set_list_height(&mut self, rows: usize) {
        self.list_height = rows;
        self.keep_cursors_visible();
    }

    /// Moves each list's scroll offset so its cursor stays on screen.
    pub fn keep_cursors_visible(&mut self) {
        let height = self.list_height;
        for pane in Pane::ALL {
            if let Some(list) = self.list_mut(pane) {
                list.scroll_into_view(height);
            }
        }
    }
}
