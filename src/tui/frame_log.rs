//! `TILTAK_FRAME_LOG=<file>`: how long each key takes to reach the screen, for the end-to-end
//! benchmark (benches/e2e.sh). One line per key, appended: the key, the milliseconds from
//! reading it to the first frame drawn after it, and to the first frame with no search still
//! running (the rows for the query shown).

use std::fs::File;
use std::io::Write;
use std::time::Instant;

use ratatui::crossterm::event::KeyEvent;

pub struct FrameLog {
    file: File,
    /// The key waiting for its frames: when it was read, and when its first frame came.
    waiting: Option<(String, Instant, Option<f64>)>,
}

impl FrameLog {
    /// The log named by the environment, if any (and if it can be opened).
    pub fn from_env() -> Option<FrameLog> {
        let path = std::env::var_os("TILTAK_FRAME_LOG")?;
        let file = File::options().create(true).append(true).open(path).ok()?;
        Some(FrameLog { file, waiting: None })
    }

    pub fn key_read(&mut self, key: &KeyEvent) {
        self.finish();
        self.waiting = Some((key.code.to_string(), Instant::now(), None));
    }

    /// A frame was drawn; `settled` when no search is running.
    pub fn drawn(&mut self, settled: bool) {
        if let Some((_, read, first)) = &mut self.waiting {
            first.get_or_insert(read.elapsed().as_secs_f64() * 1000.0);
            if settled {
                self.finish();
            }
        }
    }

    fn finish(&mut self) {
        if let Some((key, read, first)) = self.waiting.take() {
            let now = read.elapsed().as_secs_f64() * 1000.0;
            let _ = writeln!(self.file, "{key}\t{:.3}\t{now:.3}", first.unwrap_or(now));
        }
    }
}
