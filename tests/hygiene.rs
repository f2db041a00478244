//! Text from a colleague's synced file or a CSV is data, never commands: no output a person
//! reads lets a control character through, and input keeps none.

use std::path::PathBuf;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tempfile::TempDir;
use tiltak::domain::{Backlog, MeasureDraft};
use tiltak::i18n::Lang;

mod common;

/// Sets the terminal title, writes the clipboard, rings the bell, clears the screen (CSI as C1),
/// and turns the rest of the line around.
const HOSTILE: &str =
    "Pwn \u{1b}]0;owned\u{7}\u{1b}]52;c;cm0gLXJmIC8=\u{7}\u{9b}2J\u{1b}[31m \u{202E}evil\u{2066}\u{200B}x";

fn hostile_backlog() -> Backlog {
    let mut backlog = common::demo();
    let meeting = backlog.meetings[0].id;
    let agenda = backlog.meetings[0].agenda.clone();
    for m in &mut backlog.measures {
        if agenda.contains(&m.id) || m.id.0 % 3 == 0 {
            m.title = format!("{HOSTILE} {}", m.id);
            m.description = format!("line one\n{HOSTILE}");
            m.tags.push(HOSTILE.to_string());
            m.political.case_number = Some(HOSTILE.to_string());
            if let Some(entry) = m.log.first_mut() {
                entry.text = HOSTILE.to_string();
            }
        }
    }
    for o in &mut backlog.owners {
        o.name = format!("{HOSTILE} {}", o.id);
    }
    for p in &mut backlog.priorities {
        p.title = format!("{HOSTILE} {}", p.id);
    }
    for m in &mut backlog.meetings {
        m.title = HOSTILE.to_string();
        for d in &mut m.decisions {
            d.text = HOSTILE.to_string();
        }
    }
    backlog.name = HOSTILE.to_string();
    assert!(backlog.meeting(meeting).is_some());
    backlog
}

fn write(dir: &TempDir, backlog: &Backlog) -> PathBuf {
    let path = dir.path().join("backlog.json");
    tiltak::store::save(backlog, &path).unwrap();
    path
}

use common::cli as tiltak;

/// No ESC, BEL or C1 CSI, as a byte or as a character; no bidi override or zero-width space.
fn assert_harmless(what: &str, bytes: &[u8]) {
    for bad in [0x1b_u8, 0x07, 0x9b] {
        assert!(!bytes.contains(&bad), "{what}: byte {bad:#04x} got through");
    }
    let text = String::from_utf8_lossy(bytes);
    for bad in ['\u{9b}', '\u{202E}', '\u{2066}', '\u{200B}'] {
        assert!(!text.contains(bad), "{what}: {bad:?} got through");
    }
}

#[test]
fn list_report_minutes_and_markdown_show_control_characters_visibly() {
    let dir = TempDir::new().unwrap();
    let data = write(&dir, &hostile_backlog());
    let meeting = hostile_backlog().meetings[0].id.to_string();
    let runs: [&[&str]; 11] = [
        &["export"],
        &["list"],
        &["list", "--query", "pwn"],
        &["report"],
        &["report", "--format", "md"],
        &["minutes", &meeting],
        &["export", "--format", "md"],
        &["--lang", "nb", "list"],
        &["agenda", &meeting],
        &["agenda", &meeting, "--format", "text"],
        &["changes", "--since", "2000-01-01"],
    ];
    for args in runs {
        let output = tiltak(&data).args(args).output().unwrap();
        assert!(
            output.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert_harmless(&format!("{args:?} stdout"), &output.stdout);
        assert_harmless(&format!("{args:?} stderr"), &output.stderr);
        let text = String::from_utf8_lossy(&output.stdout);
        assert!(
            text.contains("Pwn ^[") && text.contains("0;owned^G"),
            "{args:?} shows the payload visibly:\n{text}"
        );
    }
    // JSON stays exact: it is escaped, and a program reading it gets the text as stored.
    let output = tiltak(&data).args(["list", "--json"]).output().unwrap();
    assert_harmless("list --json", &output.stdout);
    let items: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert!(items[0]["title"].as_str().unwrap().starts_with(HOSTILE));
}

#[test]
fn error_messages_and_import_reports_show_control_characters_visibly() {
    let dir = TempDir::new().unwrap();
    let data = write(&dir, &hostile_backlog());
    let output = tiltak(&data)
        .args(["add", "x", "--owner", "\u{1b}]0;nobody\u{7}"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_harmless("unknown owner", &output.stderr);
    assert!(String::from_utf8_lossy(&output.stderr).contains("^[]0;nobody^G"));

    let before = std::fs::read(&data).unwrap();
    let output = tiltak(&data).args(["add", "\u{1b}\u{7}\u{202E} "]).output().unwrap();
    assert_eq!(
        output.status.code(),
        Some(2),
        "a title of controls only is an empty title"
    );
    assert!(String::from_utf8_lossy(&output.stderr).contains("empty"));
    assert_eq!(std::fs::read(&data).unwrap(), before);

    let csv = dir.path().join("in.csv");
    std::fs::write(&csv, format!("Title;Owner\n\"New {HOSTILE}\";\"{HOSTILE}\"\n")).unwrap();
    let output = tiltak(&data).args(["import", "--dry-run"]).arg(&csv).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_harmless("import problems", &output.stderr);
    std::fs::write(&csv, format!("Title\n\"New {HOSTILE}\"\n")).unwrap();
    let output = tiltak(&data).args(["import", "--dry-run"]).arg(&csv).output().unwrap();
    assert!(output.status.success());
    assert_harmless("import dry run", &output.stdout);
}

#[test]
fn the_screen_never_gets_a_control_character_and_shows_names_and_titles_visibly() {
    use ratatui::crossterm::event::KeyCode;
    let (mut app, _) = common::app_with(hostile_backlog(), Lang::En);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    // Measures (list and detail), owners, priorities, meetings, a meeting's summary.
    let screens: [&[KeyCode]; 5] = [
        &[],
        &[KeyCode::Char('2')],
        &[KeyCode::Char('3')],
        &[KeyCode::Char('4')],
        &[KeyCode::Enter],
    ];
    for keys in screens {
        for code in keys {
            tiltak::app::handle_key(&mut app, common::key(*code));
        }
        terminal
            .draw(|f| tiltak::ui::render(f, &app, tiltak::ui::Theme::new(false)))
            .unwrap();
        let buffer = terminal.backend().buffer();
        let all: String = buffer.content.iter().map(|c| c.symbol()).collect();
        assert_harmless(&format!("screen after {keys:?}"), all.as_bytes());
        assert!(all.contains("Pwn ^[]0;owned^G"), "{keys:?}: shown visibly:\n{all}");
    }
}

#[test]
fn forms_and_imports_keep_no_control_characters_in_any_text_field() {
    let mut backlog = common::empty(Lang::En);
    let mut draft = MeasureDraft::titled("\u{1b}\u{7}\u{202E}");
    assert!(
        backlog
            .add_measure(draft.clone(), common::NOW.parse().unwrap())
            .is_err()
    );
    draft.title = HOSTILE.to_string();
    draft.description = HOSTILE.to_string();
    draft.benefits = format!("a\r\nb{HOSTILE}");
    draft.tags = vec![HOSTILE.to_string()];
    draft.political.case_number = Some(HOSTILE.to_string());
    let (id, _) = backlog.add_measure(draft, common::NOW.parse().unwrap()).unwrap();
    let m = backlog.measure(id).unwrap();
    for text in [
        &m.title,
        &m.description,
        &m.benefits,
        &m.tags[0],
        m.political.case_number.as_ref().unwrap(),
    ] {
        assert!(!text.chars().any(tiltak::domain::text::is_hidden), "{text:?}");
        assert!(text.contains("]0;owned"), "{text:?}");
    }
    assert_eq!(m.benefits.lines().next(), Some("a"));

    let csv = format!("Title;Description\n\u{1b}\u{7};x\nOk;\"{HOSTILE}\"\n");
    let problems =
        tiltak::export::import::import(csv.as_bytes(), &backlog, Lang::En, common::NOW.parse().unwrap()).unwrap_err();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].row, 2, "the spreadsheet row after the header");
    let csv = format!("Title;Description\nOk;\"{HOSTILE}\"\n");
    let outcome =
        tiltak::export::import::import(csv.as_bytes(), &backlog, Lang::En, common::NOW.parse().unwrap()).unwrap();
    let added = outcome.backlog.measures.last().unwrap();
    assert!(!added.description.chars().any(tiltak::domain::text::is_hidden));
}

#[test]
fn csv_cells_cannot_run_as_formulas_and_read_back_as_they_were() {
    let mut backlog = common::empty(Lang::En);
    let now = common::NOW.parse().unwrap();
    let texts = [
        "=HYPERLINK(\"http://evil\",\"click\")",
        "+47 22 33 44 55",
        "-2 % cost",
        "@SUM(A1:A9)",
        "'=already quoted",
    ];
    for text in texts {
        let mut draft = MeasureDraft::titled(text);
        draft.description = format!("\t{text}");
        draft.benefits = " =leading space kept".to_string();
        draft.tags = vec!["=tag".to_string()];
        backlog.add_measure(draft, now).unwrap();
    }
    let measures = backlog.measures.clone();
    let bytes = tiltak::export::csv::write(&backlog, &measures, Lang::En, b';').unwrap();
    let mut reader = csv::ReaderBuilder::new().delimiter(b';').from_reader(&bytes[3..]);
    let headers = reader.headers().unwrap().clone();
    let column = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    for (row, text) in rows.iter().zip(texts) {
        assert_eq!(&row[column("Title")], format!("'{text}"));
        assert_eq!(&row[column("Description")], format!("'\t{text}"));
        assert_eq!(&row[column("Benefits")], " =leading space kept");
        assert_eq!(&row[column("Tags")], "'=tag");
        assert!(!row[column("Id")].starts_with('\''));
    }
    let outcome = tiltak::export::import::import(&bytes, &backlog, Lang::En, now).unwrap();
    assert!(outcome.changes.is_empty(), "{:?}", outcome.changes);
    assert_eq!(outcome.unchanged, texts.len());
    let csv = "Title;Value\n'=new;\n-12;\n";
    let outcome = tiltak::export::import::import(csv.as_bytes(), &backlog, Lang::En, now).unwrap();
    let titles: Vec<&str> = outcome
        .backlog
        .measures
        .iter()
        .rev()
        .take(2)
        .map(|m| m.title.as_str())
        .collect();
    assert_eq!(titles, ["-12", "=new"]);
}
