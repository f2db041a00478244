//! The interactive session: terminal setup and restore, the event loop, signals.

use std::io::{self, Write};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use ratatui::layout::Size;

use crate::app::outside::CHECK_EVERY;
use crate::app::{Action, App, Message, handle_key, update};
use crate::domain::Backlog;
use crate::i18n::{Lang, Msg};
use crate::store::Lock;
use crate::store::save::remove_stale_temp_files;
use crate::store::writer::Finisher;
use crate::ui::{self, Theme};

mod frame_log;

/// Held while a key is handled (which includes saving the change it makes). A signal waits for
/// it, so the process never ends between a change and its save.
static BUSY: Mutex<()> = Mutex::new(());

/// The background writer's handle for the signal thread, which waits for the last write.
static WRITER: OnceLock<(Finisher, Lang)> = OnceLock::new();

/// How long a signal waits for the last write before saying it waits, and at most.
const WRITE_PATIENCE: Duration = Duration::from_secs(1);
const WRITE_PATIENCE_MAX: Duration = Duration::from_secs(30);

const IDLE_POLL: Duration = Duration::from_millis(250);
/// About one frame at 60 Hz: while a save, a sync or the insight numbers are under way, their
/// news shows up without a visible delay.
const BUSY_POLL: Duration = Duration::from_millis(16);
/// While a search runs on its thread, keys are looked for this often; its answer is drawn the
/// moment it arrives.
const KEY_LOOK: Duration = Duration::from_millis(2);
/// A search that takes longer than this gets a frame meanwhile (saves and sync may have news).
const ANSWER_PATIENCE: Duration = Duration::from_millis(50);

/// Runs the app until the user quits or the process gets a signal. `lock` is the data file's
/// lock if this window holds it; a read-only window takes it over when it comes free.
pub fn run(app: &mut App, theme: Theme, lock: &mut Option<Lock>) -> io::Result<()> {
    if let Some(finisher) = app.writer_finisher() {
        let _ = WRITER.set((finisher, app.lang));
    }
    watch_signals()?;
    let mut terminal = ratatui::try_init()?;
    // ratatui's panic hook restores the screen but knows nothing of the mouse: ours runs first.
    let restore_screen = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = ratatui::crossterm::execute!(io::stdout(), DisableMouseCapture);
        restore_screen(info);
    }));
    if app.mouse {
        ratatui::crossterm::execute!(io::stdout(), EnableMouseCapture)?;
    }
    let result = event_loop(&mut terminal, app, theme, lock);
    restore();
    result
}

/// Leaves raw mode and the alternate screen and shows the cursor again. The cursor is otherwise
/// only shown when the `Terminal` is dropped, which never happens when a signal ends the process.
fn restore() {
    let _ = ratatui::crossterm::execute!(io::stdout(), DisableMouseCapture);
    ratatui::restore();
    let _ = ratatui::crossterm::execute!(io::stdout(), ratatui::crossterm::cursor::Show);
}

/// SIGTERM, SIGHUP, SIGINT and SIGQUIT end the session like `q`: the terminal is restored, the
/// last write is waited for (saying so when it takes long), and the process exits. Changes that
/// could not be saved are written to the rescue file first (where it went is said on stderr,
/// and the exit code is 1). This runs on its own thread because a hung-up terminal can keep
/// the main thread inside the terminal read.
#[cfg(unix)]
fn watch_signals() -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT])?;
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            let _quiet = BUSY.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            restore();
            let unsaved = WRITER.get().and_then(|(writer, lang)| {
                if !writer.wait(WRITE_PATIENCE) {
                    let _ = writeln!(io::stderr(), "tiltak: {}", lang.tr(Msg::MsgStillWriting));
                    writer.wait(WRITE_PATIENCE_MAX);
                }
                writer.unsaved().map(|backlog| (backlog, *lang))
            });
            let code = match unsaved {
                Some((backlog, lang)) => rescue(&backlog, lang),
                // Interrupt and quit say so in the exit code, as a shell expects.
                None if matches!(signal, SIGINT | SIGQUIT) => 128 + signal,
                None => 0,
            };
            std::process::exit(code);
        }
    });
    Ok(())
}

/// Writes `backlog` to a new rescue file and says where (or why not) on stderr; the exit code.
#[cfg(unix)]
fn rescue(backlog: &Backlog, lang: Lang) -> i32 {
    let path = crate::app::rescue::path_at(jiff::Timestamp::now());
    let shown = path.display().to_string();
    let text = match crate::store::save::save(backlog, &path) {
        Ok(()) => lang.fill(Msg::RescuedOnSignal, &[("path", &shown)]),
        Err(error) => lang.fill(
            Msg::RescueOnSignalFailed,
            &[("path", &shown), ("error", &error.to_string())],
        ),
    };
    // A hung-up terminal may take stderr with it: nothing else to do then.
    let _ = writeln!(io::stderr(), "tiltak: {text}");
    1
}

#[cfg(not(unix))]
fn watch_signals() -> io::Result<()> {
    Ok(())
}

/// A read-only window takes the lock once the window that held it has quit, and can write from
/// then on (it has followed every save, so it shows the file as it is).
fn take_free_lock(app: &mut App, lock: &mut Option<Lock>) {
    if !app.read_only || lock.is_some() {
        return;
    }
    let path = app.store_location().to_path_buf();
    if let Ok(Some(taken)) = Lock::try_acquire(&path) {
        *lock = Some(taken);
        remove_stale_temp_files(&path);
        app.read_only = false;
        app.unwritable = None;
        app.became_writable = true;
        app.message = Some(Message {
            text: app.lang.tr(Msg::MsgNowWritable).to_string(),
            is_error: false,
        });
        // Whatever the other window saved last is merged in now.
        update(app, Action::CheckOutside);
    }
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    theme: Theme,
    lock: &mut Option<Lock>,
) -> io::Result<()> {
    // A test-only trigger: proves that a panic restores the terminal and says where the data is.
    let panic_on_key = std::env::var_os("TILTAK_TEST_PANIC").is_some_and(|v| v == "1");
    let mut frame_log = frame_log::FrameLog::from_env();
    let mut looked = Instant::now();
    let mut clicks = ui::mouse::Clicks::default();
    while !app.should_quit {
        // Another program may have changed the file: look every few seconds.
        if looked.elapsed() >= CHECK_EVERY {
            let _busy = BUSY.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            update(app, Action::CheckOutside);
            take_free_lock(app, lock);
            looked = Instant::now();
        }
        // Outside the busy lock: a signal during a long edit ends the session at once.
        if let Some(text) = app.editor_request.take() {
            let outcome = with_terminal_suspended(terminal, app.mouse, || edit_in_editor(&text));
            crate::app::editor::finished(app, outcome.map_err(|e| e.to_string()));
        }
        if let Some(text) = app.clipboard_request.take() {
            copy_to_clipboard(terminal, &text)?;
        }
        app.poll_search();
        {
            let _busy = BUSY.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            app.poll_writer();
        }
        app.poll_insight();
        if app.should_quit {
            break;
        }
        if app.syncing.is_some() {
            let _busy = BUSY.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            crate::app::sync::poll(app);
        }
        let size = terminal.size()?;
        app.viewport = Size::new(size.width, size.height);
        app.set_list_height(ui::layout::list_rows(app.viewport));
        app.detail_max_scroll = ui::detail::max_scroll(app, ui::layout::areas(app.viewport).detail);
        terminal.draw(|frame| ui::render(frame, app, theme))?;
        if let Some(log) = &mut frame_log {
            log.drawn(app.pending_search().is_none());
        }
        let wait = if app.syncing.is_some() || app.writing() || app.insight_pending() {
            BUSY_POLL
        } else {
            IDLE_POLL
        };
        let key_waiting = if app.pending_search().is_some() {
            answer_or_key(app)?
        } else {
            event::poll(wait)?
        };
        if !key_waiting {
            // Nothing typed since the frame: a good moment to prepare the search keys, so
            // launching never waits for them and the first `/` rarely does.
            app.prepare_search();
            crate::app::auto_sync::tick(app);
            continue;
        }
        let event = event::read()?;
        let _busy = BUSY.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        match event {
            Event::Key(_) if panic_on_key => panic!("TILTAK_TEST_PANIC is set"),
            Event::Key(key) => {
                if let Some(log) = &mut frame_log {
                    log.key_read(&key);
                }
                handle_key(app, key);
            }
            Event::Mouse(mouse) => {
                let size = terminal.size()?;
                let size = Size::new(size.width, size.height);
                for action in ui::mouse::actions(app, size, mouse, &mut clicks, Instant::now()) {
                    update(app, action);
                }
            }
            Event::Resize(width, height) => {
                app.viewport = Size::new(width, height);
                app.set_list_height(ui::layout::list_rows(app.viewport));
            }
            _ => {}
        }
    }
    Ok(())
}

/// While a search runs: waits for its answer or a key, whichever comes first, and true when
/// it is a key. The answer is in the list when this returns false (unless the search took
/// longer than [`ANSWER_PATIENCE`]): no frames are drawn while nothing changes.
fn answer_or_key(app: &mut App) -> io::Result<bool> {
    let started = Instant::now();
    while app.pending_search().is_some() && started.elapsed() < ANSWER_PATIENCE {
        if event::poll(Duration::ZERO)? {
            return Ok(true);
        }
        if app.wait_for_search(KEY_LOOK) {
            break;
        }
    }
    Ok(false)
}

/// Leaves the alternate screen, raw mode and the mouse for the time `run` takes, then takes
/// them back and redraws everything, whatever `run` returned.
fn with_terminal_suspended<T>(
    terminal: &mut ratatui::DefaultTerminal,
    mouse: bool,
    run: impl FnOnce() -> io::Result<T>,
) -> io::Result<T> {
    use ratatui::crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode};
    let _ = ratatui::crossterm::execute!(
        io::stdout(),
        DisableMouseCapture,
        LeaveAlternateScreen,
        ratatui::crossterm::cursor::Show
    );
    let _ = disable_raw_mode();
    let result = run();
    enable_raw_mode()?;
    ratatui::crossterm::execute!(io::stdout(), EnterAlternateScreen)?;
    if mouse {
        ratatui::crossterm::execute!(io::stdout(), EnableMouseCapture)?;
    }
    terminal.clear()?;
    result
}

// issue 14: copy with OSC 52
/// Asks the terminal to put `text` on the system clipboard (OSC 52), through the backend
/// between frames, so it works over SSH too; a terminal without OSC 52 ignores it.
fn copy_to_clipboard(terminal: &mut ratatui::DefaultTerminal, text: &str) -> io::Result<()> {
    use std::io::Write;
    let backend = terminal.backend_mut();
    backend.write_all(crate::app::clipboard::osc52(text).as_bytes())?;
    backend.flush()
}

fn edit_in_editor(text: &str) -> io::Result<Option<String>> {
    match crate::app::editor::command_from_env() {
        Some(command) => edit_text(&command, text),
        None => Err(io::Error::other("$VISUAL / $EDITOR")),
    }
}

/// Runs the shell command `command` (e.g. `vim` or `code -w`) on a temp file holding `text`,
/// readable by the user only and removed afterwards. The text the editor left, or `None` when
/// it exited with an error.
pub fn edit_text(command: &str, text: &str) -> io::Result<Option<String>> {
    // tempfile creates the file with mode 0600.
    let mut file = tempfile::Builder::new().prefix("tiltak-").suffix(".txt").tempfile()?;
    file.write_all(text.as_bytes())?;
    file.flush()?;
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("{command} \"$1\""))
        .arg("tiltak-editor")
        .arg(file.path())
        .status()?;
    if !status.success() {
        return Ok(None);
    }
    // Read by path: many editors save by writing a new file and renaming it over the old one.
    std::fs::read_to_string(file.path()).map(Some)
}
