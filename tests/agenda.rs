//! The agenda handout (`tiltak agenda`) and what changed since the last meeting
//! (`tiltak changes`): golden Markdown files checked by eye, rendered by pandoc (installed by
//! .ci/run) to prove that hostile titles and notes stay text, and the CLI.

mod common;
use common::check_golden;

use std::path::Path;
use std::process::Command as Process;

use assert_cmd::Command;
use tiltak::domain::{Backlog, Id, MeasureDraft, MeetingDraft, MeetingState, Status};
use tiltak::export::agenda::{Format, agenda};
use tiltak::i18n::Lang;

const HOSTILE: &str = "Tiltak | med *stjerner* og _streker_ # <b>fet</b> [x](y)";

fn demo() -> Backlog {
    tiltak::store::load::parse(Path::new("demo"), include_bytes!("../assets/demo-backlog.json")).unwrap()
}

fn today() -> jiff::civil::Date {
    jiff::civil::date(2026, 11, 29)
}

/// The demo's planned meeting M-4 with one more item whose title and description hold
/// Markdown specials and line starts.
fn planned() -> Backlog {
    let mut b = demo();
    let mut draft = MeasureDraft::titled(HOSTILE);
    draft.status = Status::Assessing;
    draft.description = "- ikke en liste\n# ikke en overskrift\n1. ikke nummerert".into();
    let at: jiff::Timestamp = "2026-11-25T09:00:00Z".parse().unwrap();
    let (hostile, _) = b.add_measure(draft, at).unwrap();
    let m4 = b.meeting(Id(4)).unwrap().clone();
    assert_eq!(m4.state, MeetingState::Planned);
    let mut agenda = m4.agenda.clone();
    agenda.push(hostile);
    let draft = MeetingDraft {
        title: m4.title.clone(),
        date: m4.date,
        time: m4.time,
        place: m4.place.clone(),
        minutes_per_item: m4.minutes_per_item,
        attendees: m4.attendees.clone(),
        guests: m4.guests.clone(),
        agenda,
        terms: m4.terms.clone(),
    };
    b.update_planned_meeting(m4.id, draft, MeetingState::Planned).unwrap();
    b
}

#[test]
fn agenda_handouts_match_the_reviewed_golden_files() {
    let b = planned();
    let meeting = b.meeting(Id(4)).unwrap();
    for (lang, name) in [(Lang::Nb, "agenda-nb.md"), (Lang::En, "agenda-en.md")] {
        check_golden(name, &agenda(&b, meeting, today(), lang, Format::Markdown));
    }
    let text = agenda(&b, meeting, today(), Lang::En, Format::Text);
    assert!(
        text.starts_with("Invitation: Toppledermøte – desember\n====="),
        "{text}"
    );
    assert!(
        text.contains(&format!("8. T-32 {HOSTILE}")),
        "plain text is not escaped:\n{text}"
    );
    assert!(
        text.contains("Why: awaiting decision, new since the last meeting"),
        "{text}"
    );
}

/// `markdown` rendered by `pandoc -f gfm` to HTML. Fails (never passes silently) without pandoc.
fn pandoc(markdown: &str) -> String {
    let dir = tempfile::TempDir::new().unwrap();
    let input = dir.path().join("in.md");
    std::fs::write(&input, markdown).unwrap();
    let out = Process::new("pandoc")
        .args(["-f", "gfm", "-t", "html", "--wrap=none"])
        .arg(&input)
        .output()
        .expect("pandoc is not installed: .ci/run installs it (apt-get install pandoc); this test needs it");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// What a reader must never see: hostile text turned into markup.
fn assert_no_stray_markup(html: &str) {
    for stray in [
        "<b>",
        "<a href",
        "<table",
        "<em>stjerner",
        "<em>streker",
        "<em>dokumentere",
        "<li>ikke en liste",
        "<h1>ikke",
        "<ol>",
    ] {
        assert!(!html.contains(stray), "{stray} in:\n{html}");
    }
}

#[test]
fn pandoc_renders_agenda_and_minutes_without_stray_lists_or_markup() {
    let b = planned();
    let html = pandoc(&agenda(
        &b,
        b.meeting(Id(4)).unwrap(),
        today(),
        Lang::Nb,
        Format::Markdown,
    ));
    assert_no_stray_markup(&html);
    assert!(
        html.contains("Tiltak | med *stjerner* og _streker_ # &lt;b&gt;fet&lt;/b&gt; [x](y)"),
        "{html}"
    );
    assert!(
        html.contains("- ikke en liste<br />"),
        "the description's lines stay text:\n{html}"
    );
    assert_eq!(
        html.matches("<h3").count(),
        9,
        "one heading per item, the glossary term after the eight measures:\n{html}"
    );
    assert!(html.contains("9. B-15 Kunstig intelligens</h3>"), "{html}");
    assert!(html.contains("Vedta begrepet, revidere definisjonen"), "{html}");

    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/minutes-en.md");
    let html = pandoc(&std::fs::read_to_string(golden).unwrap());
    assert_no_stray_markup(&html);
    assert!(html.contains("- ikke en liste<br />"), "{html}");
    assert!(html.contains("# ikke en overskrift"), "{html}");
    assert!(html.contains("&lt;b&gt;viktig&lt;/b&gt; [x](y)"), "{html}");
}

fn run(path: &Path, lang: &str, args: &[&str]) -> assert_cmd::assert::Assert {
    Command::cargo_bin("tiltak")
        .unwrap()
        .args(["--lang", lang, "--data"])
        .arg(path)
        .args(args)
        // The log's author, the same on every machine (else git's user.name or the OS user).
        .env("TILTAK_AUTHOR", "Ola Nordmann")
        .env("TILTAK_CONFIG", "/dev/null")
        .assert()
}

fn stderr_of(assert: assert_cmd::assert::Assert) -> String {
    String::from_utf8(assert.get_output().stderr.clone()).unwrap()
}

#[test]
fn tiltak_agenda_and_changes_on_the_command_line() {
    let dir = tempfile::TempDir::new().unwrap();
    let path = dir.path().join("backlog.json");
    tiltak::store::save(&planned(), &path).unwrap();

    let out = run(&path, "nb", &["agenda", "m-4"]).success();
    let md = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(md.starts_with("# Innkalling: Toppledermøte – desember\n"), "{md}");
    assert!(
        md.contains("- **Tid:** 09:00\n- **Sted:** Rådhuset, formannskapssalen\n"),
        "{md}"
    );
    assert!(md.contains("### 1. T-15 Modell for tverrsektoriell"), "{md}");
    assert!(md.contains("## Endringer siden forrige møte"), "{md}");

    let file = dir.path().join("innkalling.txt");
    let file_arg = file.to_str().unwrap();
    run(&path, "en", &["agenda", "M-4", "--format", "text", "--out", file_arg]).success();
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("Place: Rådhuset, formannskapssalen"), "{text}");
    let error = stderr_of(run(&path, "en", &["agenda", "M-4", "--format", "pdf"]).code(2));
    assert!(error.contains("Unknown format “pdf”. Valid: md, text."), "{error}");
    let error = stderr_of(run(&path, "en", &["agenda", "M-9"]).code(2));
    assert!(error.contains("There is no meeting “M-9”."), "{error}");

    let out = run(&path, "en", &["changes", "--since", "M-2"]).success();
    let changes = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(
        changes.contains("T-26 Budsjettinnspill 2027: utviklingsmidler i driftsrammene\n    decision: Approved."),
        "decisions of M-3 read in English:\n{changes}"
    );
    assert!(changes.contains("    status assessing → decided\n"), "{changes}");
    assert!(
        changes.contains(&format!("T-32 {HOSTILE}\n    new measure\n")),
        "{changes}"
    );
    let out = run(&path, "en", &["changes", "--since", "2026-11-24"]).success();
    let recent = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(!recent.contains("T-26"), "a date cuts off what came before:\n{recent}");
    assert!(recent.contains("T-32"), "{recent}");
    // Each change names who made it, where the log knows.
    run(&path, "en", &["note", "T-32", "Ring arkivet"]).success();
    let out = run(&path, "en", &["changes", "--since", "2026-11-24"]).success();
    let recent = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(
        recent.contains(&format!(
            "T-32 {HOSTILE}\n    new measure\n    note: Ring arkivet – Ola Nordmann\n"
        )),
        "{recent}"
    );
    let error = stderr_of(run(&path, "en", &["changes", "--since", "last week"]).code(2));
    assert!(
        error.contains("“last week” is neither a meeting (M-3) nor a date."),
        "{error}"
    );
}
