//! Limits and odd states: an id counter at its end, a byte-order mark, UTF-16, meetings that
//! name deleted measures, stale temp files among the backups.

use std::fs;
use std::path::Path;

use serde_json::Value;
use tempfile::TempDir;
use tiltak::domain::{MeasureDraft, MeetingDraft, MeetingState};
use tiltak::i18n::Lang;
use tiltak::store::LoadError;

mod common;

use common::cli as tiltak;

#[test]
fn an_id_counter_at_its_end_refuses_to_add_and_never_wraps() {
    let dir = TempDir::new().unwrap();
    let data = dir.path().join("backlog.json");
    tiltak(&data).args(["add", "First"]).assert().success();
    let mut json: Value = serde_json::from_slice(&fs::read(&data).unwrap()).unwrap();
    json["next_ids"]["measure"] = Value::from(u32::MAX - 1);
    fs::write(&data, serde_json::to_vec_pretty(&json).unwrap()).unwrap();

    let last = tiltak(&data).args(["add", "The last one"]).output().unwrap();
    assert!(last.status.success());
    assert_eq!(
        String::from_utf8_lossy(&last.stdout).trim(),
        format!("T-{}", u32::MAX - 1)
    );
    let before = fs::read(&data).unwrap();
    let refused = tiltak(&data).args(["add", "One too many"]).output().unwrap();
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("never reused"));
    assert_eq!(fs::read(&data).unwrap(), before, "nothing written");
    // What was written still loads.
    tiltak(&data).args(["list"]).assert().success();

    let mut backlog = tiltak::store::load(&data).unwrap().unwrap();
    let now = common::NOW.parse().unwrap();
    let refused = backlog.add_measure(MeasureDraft::titled("x"), now);
    assert!(matches!(refused, Err(tiltak::domain::DomainError::IdsExhausted(_))));
    backlog.next_ids.meeting = u32::MAX;
    let draft = MeetingDraft::new("Møte", "2026-11-29".parse().unwrap(), Vec::new(), Vec::new());
    assert!(matches!(
        backlog.create_meeting(draft, MeetingState::Planned),
        Err(tiltak::domain::DomainError::IdsExhausted(_))
    ));
}

#[test]
fn a_byte_order_mark_is_skipped_and_utf16_is_named() {
    let dir = TempDir::new().unwrap();
    let data = dir.path().join("backlog.json");
    tiltak(&data).args(["add", "Med BOM"]).assert().success();
    let plain = fs::read(&data).unwrap();
    let mut with_bom = b"\xEF\xBB\xBF".to_vec();
    with_bom.extend_from_slice(&plain);
    fs::write(&data, &with_bom).unwrap();
    let out = tiltak(&data).args(["list"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Med BOM"));
    tiltak(&data).args(["add", "Etter"]).assert().success();
    assert!(fs::read(&data).unwrap().starts_with(b"{"), "saved without the mark");

    let text = String::from_utf8(plain).unwrap();
    for (bom, units) in [(&b"\xFF\xFE"[..], true), (&b""[..], true), (&b"\xFE\xFF"[..], false)] {
        let mut utf16 = bom.to_vec();
        for unit in text.encode_utf16() {
            let bytes = if units { unit.to_le_bytes() } else { unit.to_be_bytes() };
            utf16.extend_from_slice(&bytes);
        }
        fs::write(&data, &utf16).unwrap();
        let out = tiltak(&data).args(["list"]).output().unwrap();
        assert_eq!(out.status.code(), Some(1));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("is saved as UTF-16"), "{stderr}");
        assert!(!stderr.contains("expected value"), "{stderr}");
        assert_eq!(fs::read(&data).unwrap(), utf16, "the file is left as it was");
    }
}

#[test]
fn meetings_never_name_a_measure_that_does_not_exist() {
    let now = common::NOW.parse().unwrap();
    let mut backlog = common::demo();
    let meeting = backlog.meetings[0].clone();
    let gone = meeting.agenda[0];
    // A file that names a missing measure is refused with its path, like other broken links.
    let mut broken = backlog.clone();
    broken.measures.retain(|m| m.id != gone);
    let bytes = tiltak::store::save::to_json(&broken).unwrap();
    match tiltak::store::load::parse(Path::new("/x/backlog.json"), &bytes) {
        Err(error @ LoadError::Invalid { .. }) => {
            let text = error.message(Lang::En);
            assert!(text.contains("/x/backlog.json"), "{text}");
            assert!(
                text.contains(&format!("meeting {} links to missing measure {gone}", meeting.id)),
                "{text}"
            );
        }
        other => panic!("not refused: {other:?}"),
    }
    // Deleting a measure takes it off agendas and decisions (and undo puts it back).
    let before = backlog.clone();
    let edit = backlog.delete_measures(&[gone]).unwrap();
    assert!(
        backlog.invariant_violations().is_empty(),
        "{:?}",
        backlog.invariant_violations()
    );
    let after = backlog.meeting(meeting.id).unwrap();
    assert!(!after.agenda.contains(&gone));
    assert!(after.decisions.iter().all(|d| d.measure != gone));
    backlog.apply(&edit.undo);
    assert_eq!(backlog, before);
    // A merge where the other side deleted it repairs the meeting and says so.
    let describe = |_: &tiltak::domain::merge::Conflict| String::new();
    let (merged, report) = tiltak::domain::merge::merge(&before, &before, &broken, now, &describe);
    assert!(
        merged.invariant_violations().is_empty(),
        "{:?}",
        merged.invariant_violations()
    );
    assert!(report.notes.iter().any(|n| matches!(
        n,
        tiltak::domain::merge::Note::Unlinked { to: tiltak::domain::patch::Key::Measure(m), .. } if *m == gone
    )));
}

#[test]
fn temp_files_a_killed_save_left_among_the_backups_are_removed_at_the_next_start() {
    let dir = TempDir::new().unwrap();
    let data = dir.path().join("backlog.json");
    tiltak(&data).args(["add", "One"]).assert().success();
    let backups = dir.path().join("backups");
    fs::create_dir_all(&backups).unwrap();
    let stale = backups.join(".backlog-20261129T120000.000Z.json.Ab12Cd.tmp");
    let others = backups.join(".backlog-old-20261129T120000.000Z.json.Ab12Cd.tmp");
    fs::write(&stale, b"half").unwrap();
    fs::write(&others, b"not ours").unwrap();
    tiltak(&data).args(["add", "Two"]).assert().success();
    assert!(!stale.exists(), "our stale temp file is gone");
    assert!(others.exists(), "another data file's is left alone");
}
