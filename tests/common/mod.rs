//! Helpers shared by the TUI tests: an app on a fixed clock with an in-memory store, key
//! presses, and the screen as text.

#![allow(dead_code)]

use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Size;
use tiltak::app::{App, Clock, handle_key};
use tiltak::domain::Backlog;
use tiltak::i18n::Lang;
use tiltak::store::Persist;
use tiltak::ui::{self, Theme};

pub const NOW: &str = "2026-11-29T12:00:00Z";

/// A file the app wrote beside the backlog: where, and what.
pub type WrittenFile = (PathBuf, Vec<u8>);

/// Records every save; can be told to fail.
#[derive(Clone, Default)]
pub struct MemoryStore {
    pub saves: Rc<RefCell<Vec<Backlog>>>,
    pub failing: Rc<RefCell<bool>>,
    /// Files written beside the backlog (minutes, exports): path and contents.
    pub files: Rc<RefCell<Vec<WrittenFile>>>,
    path: PathBuf,
}

impl Persist for MemoryStore {
    fn save(&mut self, backlog: &Backlog) -> std::io::Result<()> {
        if *self.failing.borrow() {
            return Err(std::io::Error::other("disk full"));
        }
        self.saves.borrow_mut().push(backlog.clone());
        Ok(())
    }

    fn location(&self) -> &Path {
        &self.path
    }

    fn write_beside(&mut self, relative: &Path, bytes: &[u8]) -> std::io::Result<PathBuf> {
        let path = Path::new("/data").join(relative);
        self.files.borrow_mut().push((path.clone(), bytes.to_vec()));
        Ok(path)
    }
}

pub fn demo() -> Backlog {
    tiltak::store::load::parse(Path::new("demo"), include_bytes!("../../assets/demo-backlog.json")).unwrap()
}

pub fn empty(lang: Lang) -> Backlog {
    tiltak::cli::new_backlog(lang)
}

pub fn app_with(backlog: Backlog, lang: Lang) -> (App, MemoryStore) {
    let store = MemoryStore {
        path: PathBuf::from("/data/backlog.json"),
        ..Default::default()
    };
    let mut app = App::new(
        backlog,
        lang,
        Box::new(store.clone()),
        Clock::Fixed(NOW.parse().unwrap()),
    );
    app.set_list_height(tiltak::ui::layout::list_rows(Size::new(120, 40)));
    (app, store)
}

pub fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

pub fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

pub fn press(app: &mut App, code: KeyCode) {
    handle_key(app, key(code));
}

/// Each character as a key press (capitals with Shift, as terminals send them).
pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        let modifiers = if c.is_uppercase() {
            KeyModifiers::SHIFT
        } else {
            KeyModifiers::NONE
        };
        handle_key(app, KeyEvent::new(KeyCode::Char(c), modifiers));
    }
}

pub fn screen(app: &mut App, width: u16, height: u16) -> String {
    app.viewport = Size::new(width, height);
    app.set_list_height(tiltak::ui::layout::list_rows(app.viewport));
    app.detail_max_scroll = tiltak::ui::detail::max_scroll(app, tiltak::ui::layout::areas(app.viewport).detail);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| ui::render(frame, app, Theme::new(true))).unwrap();
    let buffer = terminal.backend().buffer().clone();
    let mut out = String::new();
    for y in 0..height {
        let mut line = String::new();
        let mut skip = 0;
        for x in 0..width {
            let symbol = buffer[(x, y)].symbol();
            if skip > 0 {
                skip -= 1;
                continue;
            }
            skip = unicode_width::UnicodeWidthStr::width(symbol).saturating_sub(1);
            line.push_str(symbol);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Compares `actual` with the reviewed file `tests/golden/<name>`; `UPDATE_GOLDEN=1` rewrites
/// it (then review the diff).
pub fn check_golden(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden").join(name);
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    if actual != expected && std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).unwrap();
        panic!("{name} rewritten; review `git diff tests/golden` and rerun without UPDATE_GOLDEN");
    }
    assert_eq!(
        actual, expected,
        "{name} differs; review and rerun with UPDATE_GOLDEN=1"
    );
}

/// The name the commands run by [`cli`] sign their log entries with (the machine's git
/// `user.name` would otherwise make the output differ from machine to machine).
pub const AUTHOR: &str = "Kari Åsheim";

/// The real binary on `data` (`--data`), with a clean English environment.
pub fn cli(data: &Path) -> assert_cmd::Command {
    let mut cmd = assert_cmd::cargo::cargo_bin_cmd!("tiltak");
    cmd.env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("TILTAK_DATA")
        // Never the config file of whoever runs the tests: an empty one.
        .env("TILTAK_CONFIG", "/dev/null")
        .env("TILTAK_AUTHOR", AUTHOR)
        .arg("--data")
        .arg(data)
        .timeout(std::time::Duration::from_secs(30));
    cmd
}

/// Polls like the event loop until the search worker answered the pending search.
pub fn wait_for_answer(app: &mut App) {
    let start = std::time::Instant::now();
    while app.pending_search().is_some() {
        assert!(
            start.elapsed() < std::time::Duration::from_secs(60),
            "no answer from the search worker"
        );
        app.poll_search();
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
}
