//! The real binary in a real terminal (tmux): add a measure with keys and quit; SIGTERM and
//! SIGHUP mid-session; a forced panic. Each time the terminal is restored (the alternate
//! screen is left, the cursor shown) and the last edit is on disk. SIGKILL mid-typing leaves a
//! whole file. `--demo` never writes over a file, `NO_COLOR` and `TILTAK_TODAY` are read from
//! the environment. .ci/run installs tmux.
//!
//! tmux runs on a server of this test process's own (`-L`, `-f /dev/null`), so neither the
//! user's tmux server nor their configuration can change what the tests see.
#![cfg(unix)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use tempfile::TempDir;

static SESSIONS: AtomicUsize = AtomicUsize::new(0);

/// One tmux session of our own, killed (by its unique name) when dropped.
struct Session {
    name: String,
}

/// `tmux` on this process's private server, without any configuration file.
fn tmux_command() -> Command {
    let mut command = Command::new("tmux");
    command
        .args(["-L", &format!("tiltak-test-{}", std::process::id())])
        .args(["-f", "/dev/null", "-u"]);
    command
}

fn tmux(args: &[&str]) -> String {
    let out = tmux_command()
        .args(args)
        .output()
        .expect("tmux is installed (.ci/run installs it)");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

impl Session {
    /// Runs `tiltak --data <path>` in a 100×30 terminal; when it ends, the shell prints its exit
    /// code and stays, so the screen after the exit can be read.
    fn start(path: &Path, env: &str) -> Session {
        Session::launch(path, env, "", "? help")
    }

    /// As [`Session::start`], with more arguments after `--data <path>`.
    fn start_with(path: &Path, env: &str, args: &str) -> Session {
        Session::launch(path, env, args, "? help")
    }

    /// Like [`Session::start`], waiting for `first` on the screen.
    fn start_showing(path: &Path, env: &str, first: &str) -> Session {
        Session::launch(path, env, "", first)
    }

    /// `tiltak --data <path> <args>` with `env` before it, once `first` is on the screen.
    fn launch(path: &Path, env: &str, args: &str, first: &str) -> Session {
        let name = format!(
            "tiltak-test-{}-{}",
            std::process::id(),
            SESSIONS.fetch_add(1, Ordering::SeqCst)
        );
        let binary = assert_cmd::cargo::cargo_bin("tiltak");
        let command = format!(
            "TILTAK_CONFIG=/dev/null {env} '{}' --lang en --data '{}' {args}; echo EXITED $?; sleep 60",
            binary.display(),
            path.display()
        );
        let status = tmux_command()
            .args([
                "new-session",
                "-d",
                "-s",
                &name,
                "-x",
                "100",
                "-y",
                "30",
                "sh",
                "-c",
                &command,
            ])
            .status()
            .expect("tmux is installed (.ci/run installs it)");
        assert!(status.success());
        let session = Session { name };
        session.wait_for(first);
        session
    }

    fn screen(&self) -> String {
        tmux(&["capture-pane", "-p", "-J", "-t", &self.name])
    }

    /// The screen with its colour and emphasis escapes.
    fn styled_screen(&self) -> String {
        tmux(&["capture-pane", "-p", "-e", "-t", &self.name])
    }

    fn flag(&self, format: &str) -> String {
        tmux(&["display-message", "-p", "-t", &self.name, format])
            .trim()
            .to_string()
    }

    fn keys(&self, keys: &[&str]) {
        for key in keys {
            tmux(&["send-keys", "-t", &self.name, key]);
        }
    }

    fn text(&self, text: &str) {
        tmux(&["send-keys", "-t", &self.name, "-l", text]);
    }

    fn wait_for(&self, text: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            assert!(
                Instant::now() < deadline,
                "waited for {text:?}; the screen shows:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// The pid of tiltak: the only child of the pane's shell.
    fn app_pid(&self) -> String {
        let shell = self.flag("#{pane_pid}");
        let children = std::fs::read_to_string(format!("/proc/{shell}/task/{shell}/children")).unwrap_or_default();
        children
            .split_whitespace()
            .next()
            .expect("tiltak runs under the shell")
            .to_string()
    }

    /// After the app ended: the shell is back, the alternate screen left, the cursor shown.
    fn assert_restored(&self, exit: &str) -> String {
        let screen = self.wait_for(&format!("EXITED {exit}"));
        assert_eq!(
            self.flag("#{alternate_on}"),
            "0",
            "still on the alternate screen:\n{screen}"
        );
        assert_eq!(self.flag("#{cursor_flag}"), "1", "the cursor is hidden");
        assert!(!screen.contains("? help"), "the app's screen is gone:\n{screen}");
        screen
    }

    fn add(&self, title: &str) {
        self.keys(&["n"]);
        self.wait_for("New measure");
        self.text(title);
        self.keys(&["Enter"]);
        self.wait_for("Added T-");
        // Saves run on a writer thread: the edit is on disk once the status bar says so.
        self.wait_for("✓ saved");
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = tmux_command().args(["kill-session", "-t", &self.name]).status();
    }
}

fn titles(path: &Path) -> Vec<String> {
    let backlog = tiltak::store::load(path).unwrap().expect("the file was written");
    backlog.measures.into_iter().map(|m| m.title).collect()
}

fn data(dir: &TempDir) -> PathBuf {
    dir.path().join("backlog.json")
}

#[test]
fn a_measure_typed_in_a_terminal_is_saved_and_quitting_restores_the_terminal() {
    let dir = TempDir::new().unwrap();
    let session = Session::start(&data(&dir), "");
    assert_eq!(session.flag("#{alternate_on}"), "1");
    session.add("Typed in tmux");
    session.keys(&["q"]);
    session.assert_restored("0");
    assert_eq!(titles(&data(&dir)), vec!["Typed in tmux"]);
}

#[test]
fn sigterm_and_sighup_restore_the_terminal_and_keep_the_last_edit() {
    for signal in ["-TERM", "-HUP"] {
        let dir = TempDir::new().unwrap();
        let session = Session::start(&data(&dir), "");
        session.add("Before the signal");
        session.keys(&["s"]);
        session.wait_for("idea → assessing");
        let pid = session.app_pid();
        assert!(Command::new("kill").args([signal, &pid]).status().unwrap().success());
        session.assert_restored("0");
        let backlog = tiltak::store::load(&data(&dir)).unwrap().unwrap();
        assert_eq!(backlog.measures[0].title, "Before the signal", "{signal}");
        assert_eq!(
            backlog.measures[0].status,
            tiltak::domain::Status::Assessing,
            "{signal}: last edit"
        );
    }
}

#[test]
fn a_panic_restores_the_terminal_and_says_where_the_data_is() {
    let dir = TempDir::new().unwrap();
    let session = Session::start(&data(&dir), "TILTAK_TEST_PANIC=1");
    session.keys(&["j"]);
    let screen = session.assert_restored("101");
    assert!(screen.contains("internal error"), "{screen}");
    assert!(screen.contains(&data(&dir).display().to_string()), "{screen}");
}

#[test]
fn a_second_window_is_read_only() {
    let dir = TempDir::new().unwrap();
    let first = Session::start(&data(&dir), "");
    first.add("First window");
    let second = Session::start(&data(&dir), "");
    let screen = second.wait_for("open elsewhere — read only");
    assert!(screen.contains("First window"), "{screen}");
    second.keys(&["n"]);
    second.wait_for("this window is read only");
    second.keys(&["q"]);
    second.assert_restored("0");
    first.keys(&["q"]);
    first.assert_restored("0");
    assert_eq!(titles(&data(&dir)), vec!["First window"]);
}

#[test]
fn a_running_app_picks_up_a_file_written_by_another_program() {
    let dir = TempDir::new().unwrap();
    let path = data(&dir);
    let session = Session::start(&path, "");
    session.add("Typed here");
    // A sync tool does not take our lock: it just writes the file.
    let mut backlog = tiltak::store::load(&path).unwrap().unwrap();
    backlog
        .add_measure(
            tiltak::domain::MeasureDraft::titled("From the sync tool"),
            jiff::Timestamp::now(),
        )
        .unwrap();
    tiltak::store::save(&backlog, &path).unwrap();
    let screen = session.wait_for("From the sync tool");
    assert!(screen.contains("Merged changes made outside: 1 measures"), "{screen}");
    session.add("Typed after");
    session.keys(&["q"]);
    session.assert_restored("0");
    assert_eq!(titles(&path), vec!["Typed here", "From the sync tool", "Typed after"]);
}

#[test]
fn a_read_only_window_follows_what_the_writer_saves() {
    let dir = TempDir::new().unwrap();
    let first = Session::start(&data(&dir), "");
    let second = Session::start(&data(&dir), "");
    second.wait_for("open elsewhere — read only");
    first.add("Saved by the writer");
    let screen = second.wait_for("Saved by the writer");
    assert!(screen.contains("Reloaded"), "{screen}");
}

/// Whether an SGR escape sets a foreground or background colour (30–49, 90–107).
fn has_colour(styled: &str) -> bool {
    styled.split("\x1b[").skip(1).any(|seq| {
        let Some(end) = seq.find('m') else { return false };
        seq[..end].split(';').any(|p| {
            p.parse::<u32>()
                .is_ok_and(|n| (30..=49).contains(&n) && n != 39 && n != 49 || (90..=107).contains(&n))
        })
    })
}

#[test]
fn no_color_from_the_environment_draws_without_colour() {
    let dir = TempDir::new().unwrap();
    let path = data(&dir);
    let coloured = Session::start_with(&path, "", "--demo");
    let styled = coloured.styled_screen();
    assert!(
        has_colour(&styled),
        "without NO_COLOR the demo is coloured:\n{styled:?}"
    );
    coloured.keys(&["q"]);
    coloured.assert_restored("0");
    let plain = Session::start_with(&path, "NO_COLOR=1", "--demo");
    let styled = plain.styled_screen();
    assert!(!has_colour(&styled), "NO_COLOR=1 still draws colour:\n{styled:?}");
    // The selection still shows, by symbol and reverse video.
    assert!(styled.contains('▶') && styled.contains("\x1b[7m"), "{styled:?}");
}

#[test]
fn demo_never_writes_over_an_existing_file() {
    let dir = TempDir::new().unwrap();
    let path = data(&dir);
    // Without a file, --demo writes the demo backlog there.
    let first = Session::start_with(&path, "", "--demo");
    first.wait_for("[DEMO]");
    first.keys(&["q"]);
    first.assert_restored("0");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        include_str!("../assets/demo-backlog.json")
    );
    // A file of one's own at that path is opened as it is.
    let mut own = tiltak::cli::new_backlog(tiltak::i18n::Lang::En);
    own.add_measure(
        tiltak::domain::MeasureDraft::titled("My only measure"),
        jiff::Timestamp::now(),
    )
    .unwrap();
    tiltak::store::save(&own, &path).unwrap();
    let before = std::fs::read(&path).unwrap();
    let second = Session::start_with(&path, "", "--demo");
    let screen = second.wait_for("My only measure");
    assert!(
        screen.contains("1/1"),
        "only the file's own measure is shown:\n{screen}"
    );
    second.keys(&["q"]);
    second.assert_restored("0");
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the file is byte for byte as it was"
    );
}

#[test]
fn the_app_takes_today_from_tiltak_today() {
    let dir = TempDir::new().unwrap();
    let path = data(&dir);
    let mut backlog = tiltak::cli::new_backlog(tiltak::i18n::Lang::En);
    let mut draft = tiltak::domain::MeasureDraft::titled("Due on New Year's Eve");
    draft.status = tiltak::domain::Status::InProgress;
    draft.due = Some(jiff::civil::date(2026, 12, 31));
    backlog.add_measure(draft, jiff::Timestamp::now()).unwrap();
    tiltak::store::save(&backlog, &path).unwrap();
    for (today, shown) in [("2026-12-31", " 2026-12-31"), ("2027-01-01", "!2026-12-31")] {
        let session = Session::start(&path, &format!("TILTAK_TODAY={today}"));
        let screen = session.wait_for("Due on New Year");
        assert!(screen.contains(shown), "{today}: expected {shown:?}:\n{screen}");
        session.keys(&["q"]);
        session.assert_restored("0");
    }
}

#[test]
fn sigkill_of_the_app_mid_typing_leaves_a_whole_file_with_every_confirmed_edit() {
    let dir = TempDir::new().unwrap();
    let path = data(&dir);
    let mut saved: Vec<String> = Vec::new();
    // Fixed delays before each kill (in ms), from at once to after the save must be done.
    for (round, delay) in [0u64, 3, 10, 40].into_iter().enumerate() {
        let session = Session::start(&path, "");
        // The kill before freed the lock: this window may write.
        assert!(!session.screen().contains("read only"), "round {round}");
        let confirmed = format!("Kept {round}");
        session.keys(&["n"]);
        session.wait_for("New measure");
        session.text(&confirmed);
        session.keys(&["Enter"]);
        session.wait_for(&format!("Added T-{}", saved.len() + 1));
        session.wait_for("✓ saved");
        saved.push(confirmed);
        let racing = format!("Racing {round}");
        session.keys(&["n"]);
        session.text(&racing);
        session.keys(&["Enter"]);
        std::thread::sleep(Duration::from_millis(delay));
        let pid = session.app_pid();
        assert!(Command::new("kill").args(["-KILL", &pid]).status().unwrap().success());
        session.wait_for("EXITED 137");
        // Whole, and exactly the confirmed edits plus at most the one in flight.
        let on_disk = titles(&path);
        let in_flight = on_disk
            .split_last()
            .is_some_and(|(last, rest)| *last == racing && rest == saved);
        assert!(
            on_disk == saved || in_flight,
            "round {round}: the file holds {on_disk:?}, the confirmed edits were {saved:?}"
        );
        saved = on_disk;
        let leftovers = std::fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .filter(|e| {
                e.file_name()
                    .to_string_lossy()
                    .ends_with(tiltak::store::save::TEMP_SUFFIX)
            })
            .count();
        assert!(leftovers <= 1, "round {round}: {leftovers} temp files");
    }
    // The next start removes whatever temp file the last kill left.
    let last = Session::start(&path, "");
    last.keys(&["q"]);
    last.assert_restored("0");
    let temp = std::fs::read_dir(dir.path()).unwrap().flatten().any(|e| {
        e.file_name()
            .to_string_lossy()
            .ends_with(tiltak::store::save::TEMP_SUFFIX)
    });
    assert!(!temp, "a temp file survived the next start");
    assert_eq!(titles(&path), saved);
}

#[test]
fn a_hang_up_while_changes_are_not_saved_writes_the_rescue_file() {
    for signal in ["-HUP", "-TERM"] {
        let dir = TempDir::new().unwrap();
        let home = TempDir::new().unwrap();
        let path = data(&dir);
        let session = Session::start(&path, &format!("HOME='{}'", home.path().display()));
        session.add("Saved first");
        // The file turns unreadable (a sync tool half-way): the next change stays in memory.
        std::fs::write(&path, b"{ broken").unwrap();
        session.keys(&["n"]);
        session.wait_for("New measure");
        session.text("Only in memory");
        session.keys(&["Enter"]);
        session.wait_for("not saved");
        let pid = session.app_pid();
        assert!(Command::new("kill").args([signal, &pid]).status().unwrap().success());
        let screen = session.assert_restored("1");
        let rescued: Vec<PathBuf> = std::fs::read_dir(home.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with("tiltak-rescue-"))
            .collect();
        assert_eq!(rescued.len(), 1, "{signal}: one rescue file in HOME:\n{screen}");
        assert_eq!(titles(&rescued[0]), vec!["Saved first", "Only in memory"], "{signal}");
        let name = rescued[0].file_name().unwrap().to_string_lossy().into_owned();
        assert!(screen.contains(&name), "{signal}: says where on stderr:\n{screen}");
        assert_eq!(
            std::fs::read(&path).unwrap(),
            b"{ broken",
            "the unreadable file is not written"
        );
    }
}

#[test]
fn sigint_and_sigquit_from_outside_restore_the_terminal() {
    for (signal, code) in [("-INT", "130"), ("-QUIT", "131")] {
        let dir = TempDir::new().unwrap();
        let session = Session::start(&data(&dir), "");
        session.add("Before the signal");
        let pid = session.app_pid();
        assert!(Command::new("kill").args([signal, &pid]).status().unwrap().success());
        session.assert_restored(code);
        assert_eq!(titles(&data(&dir)), vec!["Before the signal"], "{signal}");
    }
}

#[test]
fn a_folder_where_the_lock_cannot_be_made_opens_read_only() {
    let dir = TempDir::new().unwrap();
    let path = data(&dir);
    tiltak::store::save(&tiltak::cli::new_backlog(tiltak::i18n::Lang::En), &path).unwrap();
    // Running as root, permissions would not stop us: a directory where the lock file should be
    // fails the same way a read-only mount does.
    std::fs::create_dir(dir.path().join("backlog.json.lock")).unwrap();
    let session = Session::start_showing(&path, "", "cannot be written");
    let screen = session.wait_for("folder not writable — read only");
    assert!(!screen.contains("open elsewhere"), "{screen}");
    session.keys(&["n"]);
    session.wait_for("cannot be written");
    session.keys(&["q"]);
    session.assert_restored("0");
}

#[test]
fn a_read_only_window_takes_the_lock_when_the_writer_quits() {
    let dir = TempDir::new().unwrap();
    let first = Session::start(&data(&dir), "");
    first.add("From the first window");
    let second = Session::start(&data(&dir), "");
    second.wait_for("open elsewhere — read only");
    first.keys(&["q"]);
    first.assert_restored("0");
    let screen = second.wait_for("you can edit now");
    assert!(!screen.contains("read only"), "{screen}");
    second.add("From the second window");
    second.keys(&["q"]);
    second.assert_restored("0");
    assert_eq!(
        titles(&data(&dir)),
        vec!["From the first window", "From the second window"]
    );
}

#[test]
fn the_mouse_is_captured_unless_the_config_file_turns_it_off() {
    let dir = TempDir::new().unwrap();
    let path = data(&dir);
    let with = Session::start(&path, "");
    assert_eq!(with.flag("#{mouse_any_flag}"), "1", "the app asks for the mouse");
    with.keys(&["q"]);
    with.assert_restored("0");
    assert_eq!(with.flag("#{mouse_any_flag}"), "0", "and gives it back on quitting");
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "mouse = false\n").unwrap();
    let without = Session::start(&path, &format!("TILTAK_CONFIG='{}'", config.display()));
    assert_eq!(
        without.flag("#{mouse_any_flag}"),
        "0",
        "mouse = false leaves it to the terminal"
    );
    without.keys(&["q"]);
    without.assert_restored("0");
}
