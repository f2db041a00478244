//! The minutes of a meeting compared with reviewed golden files (readable as rendered
//! Markdown in tests/golden/), and `tiltak minutes` re-exporting them.

use std::path::Path;

use assert_cmd::Command;
use jiff::Timestamp;
use tiltak::domain::{Backlog, Edit, Guest, Id, ItemTime, MeetingDraft, MeetingState, Verdict};
use tiltak::export::minutes::{file_name, minutes};
use tiltak::i18n::Lang;

mod common;
use common::{check_golden, demo};

/// A meeting with every kind of outcome: approved, rejected with a reason, deferred with a
/// note, a new owner, noted, and one item not reached; with absences, a guest, a place, a time
/// and the time per item. The same meeting reads in either language, since decisions are data.
/// Markdown specials and line starts in a note stay literal.
fn reviewed() -> Backlog {
    let mut b = demo();
    let now: Timestamp = "2026-12-07T09:00:00Z".parse().unwrap();
    let mut draft = MeetingDraft::new(
        "Toppledermøte – desember",
        jiff::civil::date(2026, 12, 7),
        vec![Id(1), Id(2), Id(10)],
        vec![Id(7), Id(23), Id(8), Id(15), Id(24), Id(25)],
    );
    draft.time = jiff::civil::Time::new(9, 0, 0, 0).ok();
    draft.place = "Rådhuset, møterom 3".into();
    draft.minutes_per_item = Some(5);
    draft.guests = vec![Guest {
        name: "Per Hansen".into(),
        role: "revisor".into(),
    }];
    let (m, _) = b.create_meeting(draft, MeetingState::Running).unwrap();
    // Marte (the development lead) records the meeting; Ola, at the screen for a while, writes the note and one decision.
    let marte = |b: &mut Backlog, edit: Result<Edit, _>| edit.unwrap().sign(b, "Marte Kirkerud");
    let ola = |b: &mut Backlog, edit: Result<Edit, _>| edit.unwrap().sign(b, "Ola Nordmann");
    let e = b.record_decision(m, Id(7), Verdict::Approve, "", now);
    marte(&mut b, e);
    let e = b.record_decision(m, Id(23), Verdict::Reject, "løses nasjonalt", now);
    marte(&mut b, e);
    let e = b.record_decision(m, Id(8), Verdict::Defer(jiff::civil::date(2027, 3, 31)), "", now);
    marte(&mut b, e);
    let e = b.note_in_meeting(
        m,
        Id(8),
        "Leverandøren må *dokumentere* fremdrift_plan | <b>viktig</b> [x](y)\n- ikke en liste\n# ikke en overskrift",
        now,
    );
    ola(&mut b, e);
    let e = b.record_decision(m, Id(15), Verdict::Owner(Some(Id(2))), "", now);
    ola(&mut b, e);
    let e = b.record_decision(m, Id(24), Verdict::Noted, "", now);
    marte(&mut b, e);
    let times = [(7, 250), (23, 400), (8, 610), (15, 120), (24, 60)]
        .into_iter()
        .map(|(id, secs)| ItemTime { measure: Id(id), secs })
        .collect();
    b.book_meeting(m, MeetingState::Held, times).unwrap();
    b
}

#[test]
fn minutes_match_the_reviewed_golden_files_in_both_languages() {
    for (lang, name) in [(Lang::Nb, "minutes-nb.md"), (Lang::En, "minutes-en.md")] {
        let b = reviewed();
        let meeting = b.meeting(Id(5)).unwrap();
        assert_eq!(file_name(meeting), "2026-12-07-toppledermote-desember.md");
        check_golden(name, &minutes(&b, meeting, lang));
    }
}

#[test]
fn tiltak_minutes_reexports_and_names_known_meetings_on_a_typo() {
    let dir = tempfile::TempDir::new().unwrap();
    let path = dir.path().join("backlog.json");
    tiltak::store::save(&reviewed(), &path).unwrap();
    let run = Command::cargo_bin("tiltak")
        .unwrap()
        .args(["--lang", "nb", "--data"])
        .arg(&path)
        .args(["minutes", "M-5"])
        .assert()
        .success();
    let expected =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/minutes-nb.md")).unwrap();
    assert_eq!(String::from_utf8(run.get_output().stdout.clone()).unwrap(), expected);
    let out = dir.path().join("referat.md");
    Command::cargo_bin("tiltak")
        .unwrap()
        .args(["--lang", "en", "--data"])
        .arg(&path)
        .args(["minutes", "m-5", "--out"])
        .arg(&out)
        .assert()
        .success();
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .starts_with("# Minutes: Toppledermøte – desember")
    );
    let run = Command::cargo_bin("tiltak")
        .unwrap()
        .args(["--lang", "en", "--data"])
        .arg(&path)
        .args(["minutes", "M-9"])
        .assert()
        .code(2);
    let stderr = String::from_utf8(run.get_output().stderr.clone()).unwrap();
    assert!(
        stderr.contains("There is no meeting “M-9”. Known meetings: M-1, M-2, M-3, M-4, M-5."),
        "{stderr}"
    );
}
