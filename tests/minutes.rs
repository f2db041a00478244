//! The minutes of a meeting compared with reviewed golden files (readable as rendered
//! Markdown in tests/golden/), and `tiltak minutes` re-exporting them.

use std::path::Path;

use assert_cmd::Command;
use jiff::Timestamp;
use tiltak::domain::{Backlog, Id, MeetingDraft, Verdict};
use tiltak::export::minutes::{file_name, minutes};
use tiltak::i18n::Lang;

mod common;
use common::{check_golden, demo};

/// A meeting with every kind of outcome: approved, rejected with a reason, deferred with a
/// note, a new owner, and two items not reached. Markdown specials in a note stay literal.
fn reviewed(lang: Lang) -> Backlog {
    let mut b = demo();
    let now: Timestamp = "2026-12-07T09:00:00Z".parse().unwrap();
    let (m, _) = b
        .create_meeting(MeetingDraft {
            title: "Toppledermøte – desember".into(),
            date: jiff::civil::date(2026, 12, 7),
            attendees: vec![Id(1), Id(2), Id(10)],
            agenda: vec![Id(7), Id(23), Id(8), Id(15), Id(24), Id(25)],
        })
        .unwrap();
    let text = |nb: &str, en: &str| {
        if lang == Lang::Nb {
            nb.to_string()
        } else {
            en.to_string()
        }
    };
    b.record_decision(m, Id(7), Verdict::Approve, &text("Vedtatt.", "Approved."), now)
        .unwrap();
    b.record_decision(
        m,
        Id(23),
        Verdict::Reject,
        &text("Avvist: løses nasjonalt", "Rejected: solved nationally"),
        now,
    )
    .unwrap();
    let due = jiff::civil::date(2027, 3, 31);
    b.record_decision(
        m,
        Id(8),
        Verdict::Defer(due),
        &text("Utsatt, ny frist 31.03.2027.", "Deferred, new due date 2027-03-31."),
        now,
    )
    .unwrap();
    b.note_in_meeting(
        m,
        Id(8),
        &text(
            "Leverandøren må *dokumentere* fremdrift_plan",
            "Vendor must *document* progress_plan",
        ),
        now,
    )
    .unwrap();
    b.record_decision(
        m,
        Id(15),
        Verdict::Owner(Some(Id(2))),
        &text("Ny eier: Solveig Brænde.", "New owner: Solveig Brænde."),
        now,
    )
    .unwrap();
    b
}

#[test]
fn minutes_match_the_reviewed_golden_files_in_both_languages() {
    for (lang, name) in [(Lang::Nb, "minutes-nb.md"), (Lang::En, "minutes-en.md")] {
        let b = reviewed(lang);
        let meeting = b.meeting(Id(4)).unwrap();
        assert_eq!(file_name(meeting), "2026-12-07-toppledermote-desember.md");
        check_golden(name, &minutes(&b, meeting, lang));
    }
}

#[test]
fn tiltak_minutes_reexports_and_names_known_meetings_on_a_typo() {
    let dir = tempfile::TempDir::new().unwrap();
    let path = dir.path().join("backlog.json");
    tiltak::store::save(&reviewed(Lang::Nb), &path).unwrap();
    let run = Command::cargo_bin("tiltak")
        .unwrap()
        .args(["--lang", "nb", "--data"])
        .arg(&path)
        .args(["minutes", "M-4"])
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
        .args(["minutes", "m-4", "--out"])
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
        stderr.contains("There is no meeting “M-9”. Known meetings: M-1, M-2, M-3, M-4."),
        "{stderr}"
    );
}
