//! `tiltak --stress-save N` (hidden): N saves in a row, each one measure further, so a test
//! can kill the process at random moments and check that every kill left a whole file.
//!
//! After save number `s` the file holds exactly the measures `T-(s-KEEP+1)` ..= `T-s` (fewer at
//! first), titled `stress <n>`, and `next_ids.measure` is `s + 1`.

use std::path::Path;

use crate::domain::MeasureDraft;
use crate::i18n::Lang;
use crate::store;

use super::Failure;

/// How many measures the file keeps, so saves stay the same size however long the test runs.
pub const KEEP: usize = 40;

pub fn run(path: &Path, lang: Lang, count: u32) -> Result<(), Failure> {
    let _lock = super::lock_for_writing(path, lang)?;
    store::save::remove_stale_temp_files(path);
    let mut backlog = super::open_for_writing(path, lang)?;
    for _ in 0..count {
        if backlog.measures.len() >= KEEP {
            let oldest = backlog.measures[0].id;
            backlog
                .delete_measures(&[oldest])
                .map_err(|e| Failure::usage(e.to_string()))?;
        }
        let title = format!("stress {}", backlog.next_ids.measure);
        backlog
            .add_measure(MeasureDraft::titled(&title), crate::domain::now())
            .map_err(|e| Failure::usage(e.to_string()))?;
        store::save(&backlog, path).map_err(|e| super::save_failure(path, lang, &e))?;
    }
    Ok(())
}
