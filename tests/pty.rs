//! The real binary in a real terminal (tmux): add a measure with keys and quit; SIGTERM and
//! SIGHUP mid-session; a forced panic. Each time the terminal is restored (the alternate
//! screen is left, the cursor shown) and the last edit is on disk. .ci/run installs tmux.
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

fn tmux(args: &[&str]) -> String {
    let out = Command::new("tmux")
        .arg("-u")
        .args(args)
        .output()
        .expect("tmux is installed (.ci/run installs it)");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

impl Session {
    /// Runs `tiltak --data <path>` in a 100×30 terminal; when it ends, the shell prints its exit
    /// code and stays, so the screen after the exit can be read.
    fn start(path: &Path, env: &str) -> Session {
        Session::start_showing(path, env, "? help")
    }

    /// Like [`Session::start`], waiting for `first` on the screen.
    fn start_showing(path: &Path, env: &str, first: &str) -> Session {
        let name = format!(
            "tiltak-test-{}-{}",
            std::process::id(),
            SESSIONS.fetch_add(1, Ordering::SeqCst)
        );
        let binary = assert_cmd::cargo::cargo_bin("tiltak");
        let command = format!(
            "{env} '{}' --lang en --data '{}'; echo EXITED $?; sleep 60",
            binary.display(),
            path.display()
        );
        let status = Command::new("tmux")
            .args([
                "-u",
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
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = Command::new("tmux").args(["kill-session", "-t", &self.name]).status();
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
