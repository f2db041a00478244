//! The real binary, killed with SIGKILL at random moments while it saves again and again: every
//! kill leaves a whole file equal to the state after some save, never a torn or older one, and
//! no temp file survives the next start. A killed lock holder's lock is freed by the OS.
#![cfg(unix)]

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use tempfile::TempDir;
use tiltak::store::lock::Lock;
use tiltak::store::save::{TEMP_SUFFIX, temp_prefix};

/// Matches `KEEP` in the binary's `--stress-save`.
const KEEP: u32 = 40;
const KILLS: usize = 200;

fn binary() -> PathBuf {
    assert_cmd::cargo::cargo_bin("tiltak")
}

fn stress(path: &Path, saves: u32) -> Child {
    Command::new(binary())
        .args(["--lang", "en", "--data"])
        .arg(path)
        .args(["--stress-save", &saves.to_string()])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the binary starts")
}

/// A small deterministic generator, so a failing run can be repeated.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// The number of saves the file reflects, after checking it is exactly the state after that
/// save: measures `T-(s-KEEP+1)..=T-s`, each titled `stress <n>`.
fn saves_in(path: &Path) -> u32 {
    let bytes = std::fs::read(path).expect("the file exists after every kill");
    let backlog = tiltak::store::load::parse(path, &bytes).expect("the file parses after every kill");
    let saves = backlog.next_ids.measure - 1;
    let first = saves.saturating_sub(KEEP - 1).max(1);
    let ids: Vec<u32> = backlog.measures.iter().map(|m| m.id.0).collect();
    let expected: Vec<u32> = if saves == 0 {
        Vec::new()
    } else {
        (first..=saves).collect()
    };
    assert_eq!(ids, expected, "measures after save {saves}");
    for m in &backlog.measures {
        assert_eq!(m.title, format!("stress {}", m.id.0));
    }
    saves
}

fn temp_files(path: &Path) -> Vec<String> {
    let prefix = temp_prefix(path);
    std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(&prefix) && n.ends_with(TEMP_SUFFIX))
        .collect()
}

#[test]
fn sigkill_during_saves_never_leaves_a_torn_file() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("backlog.json");
    assert!(stress(&path, 1).wait().unwrap().success());
    let mut before = saves_in(&path);
    assert_eq!(before, 1);
    let mut rng = XorShift(0x5eed_0f71_17a4);
    let (mut advanced, mut left_temp) = (0, 0);
    let started = Instant::now();
    for kill in 0..KILLS {
        let mut child = stress(&path, 1_000_000);
        std::thread::sleep(Duration::from_micros(rng.next() % 25_000));
        child.kill().expect("SIGKILL is delivered");
        child.wait().unwrap();
        // After every kill, wherever it landed: a whole file equal to the state after some
        // save, never older than before; at most the one temp file the kill interrupted; the
        // lock free again.
        let after = saves_in(&path);
        assert!(after >= before, "kill {kill} went back from save {before} to {after}");
        let temp = temp_files(&path);
        assert!(temp.len() <= 1, "kill {kill} left {temp:?}");
        assert!(
            Lock::try_acquire(&path).unwrap().is_some(),
            "kill {kill}: the lock is still held"
        );
        advanced += usize::from(after > before);
        left_temp += temp.len();
        before = after;
    }
    // The next start under the lock removes whatever temp file the last kill left.
    assert!(stress(&path, 0).wait().unwrap().success());
    assert_eq!(temp_files(&path), Vec::<String>::new());
    assert_eq!(saves_in(&path), before);
    // Where the kills landed depends on how busy the machine is; it is reported, not required.
    eprintln!(
        "{KILLS} kills in {:?}: {advanced} after progress, {left_temp} mid-save (temp file left), {before} saves",
        started.elapsed()
    );
}

#[test]
fn a_killed_holders_lock_is_freed() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("backlog.json");
    let mut holder = stress(&path, 1_000_000);
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        // Taking the lock first ourselves would make the holder wait; let go and look again.
        match Lock::try_acquire(&path).unwrap() {
            Some(ours) => drop(ours),
            None => break,
        }
        assert!(Instant::now() < deadline, "the binary never took the lock");
        std::thread::sleep(Duration::from_millis(5));
    }
    // A CLI write meanwhile waits, then fails without touching the file.
    let add = Command::new(binary())
        .args(["--lang", "en", "--data"])
        .arg(&path)
        .args(["add", "Blocked"])
        .output()
        .unwrap();
    assert_eq!(add.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&add.stderr).contains("is open in another tiltak window"));
    holder.kill().unwrap();
    holder.wait().unwrap();
    let lock = Lock::try_acquire(&path).unwrap();
    assert!(lock.is_some(), "the OS frees the lock of a killed process");
    drop(lock);
    let add = Command::new(binary())
        .args(["--lang", "en", "--data"])
        .arg(&path)
        .args(["add", "After the kill"])
        .output()
        .unwrap();
    assert!(add.status.success(), "{}", String::from_utf8_lossy(&add.stderr));
}
