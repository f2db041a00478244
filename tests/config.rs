//! The user's config file: a good file, each kind of mistake with the line it names, the
//! commented default read back, a remapped key that works and shows in help and footer, the
//! high-contrast theme, and the mouse and clipboard switched off.

mod common;

use common::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;
use ratatui::style::{Color, Modifier};
use tiltak::app::Action;
use tiltak::config::{Config, parse};
use tiltak::i18n::{DateStyle, Lang};
use tiltak::ui::{self, Theme};

/// What a finished command wrote on stdout and stderr.
fn output(assert: assert_cmd::assert::Assert) -> String {
    let out = assert.get_output();
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

fn refused(text: &str) -> (Option<usize>, String) {
    parse(text, Lang::En).expect_err("the file should be refused")
}

#[test]
fn a_good_file_sets_everything_it_names() {
    let text = r##"
language = "nb"
date_format = "iso"
mouse = false
osc52 = false
author = "Kari Nordmann"
theme = "high-contrast"

[colors]
selection = "#ff8800"
warning = "magenta"

[status_colors]
parked = "blue"

[keys.list]
new = ["+", "Ctrl-n"]
quit = "Q"
"##;
    let config = parse(text, Lang::En).unwrap();
    assert_eq!(config.lang, Some(Lang::Nb));
    assert_eq!(config.dates, DateStyle::Iso);
    assert!(!config.mouse);
    assert!(!config.osc52);
    assert_eq!(config.author.as_deref(), Some("Kari Nordmann"));
    assert_eq!(config.palette.selection, Color::Rgb(0xff, 0x88, 0x00));
    assert_eq!(config.palette.warning, Color::Magenta);
    assert_eq!(config.palette.status[5], Color::Blue);
    // The rest of the theme is high-contrast's.
    assert_eq!(config.palette.header, Color::LightYellow);
    // `+` opens the new-owner form in the Owners pane, `Ctrl-n` too; `n` no longer does.
    let (mut app, _) = app_with(demo(), Lang::En);
    app.keymap = config.keymap;
    type_text(&mut app, "2n");
    assert!(matches!(app.overlay, tiltak::app::Overlay::None));
    type_text(&mut app, "+");
    assert!(matches!(app.overlay, tiltak::app::Overlay::Form(_)));
    press(&mut app, KeyCode::Esc);
    tiltak::app::handle_key(&mut app, ctrl('n'));
    assert!(matches!(app.overlay, tiltak::app::Overlay::Form(_)));
}

#[test]
fn a_missing_file_is_the_defaults_and_an_empty_one_too() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("config.toml");
    assert_eq!(tiltak::config::load(&missing, false, Lang::En), Ok(Config::default()));
    // Named on purpose (`--config`), it has to be there.
    let error = tiltak::config::load(&missing, true, Lang::En).unwrap_err();
    assert!(error.message(Lang::En).contains("config.toml"));
    assert_eq!(parse("", Lang::En), Ok(Config::default()));
}

#[test]
fn a_key_bound_twice_in_one_context_is_refused_naming_both() {
    let (line, problem) = refused("mouse = true\n\n[keys.list]\nnew = \"j\"\n");
    assert_eq!(line, Some(4));
    assert_eq!(problem, "key j in [keys.list] is bound to both new and down");
    // Two of the user's own bindings on one key.
    let (line, problem) = refused("[keys.review]\nreview_approve = \"z\"\nreview_park = [\"p\", \"z\"]\n");
    assert_eq!(line, Some(2));
    assert!(
        problem.contains("review_approve") && problem.contains("review_park"),
        "{problem}"
    );
    // A pane's own key over a general one is a clash too when the user makes it.
    let (_, problem) = refused("[keys.list]\nstatus_forward = \"k\"\n");
    assert_eq!(problem, "key k in [keys.list] is bound to both status_forward and up");
    // The same key in different contexts is fine.
    let fine = parse(
        "[keys.help]\ncancel = \"x\"\n[keys.review]\nreview_reject = \"X\"\n",
        Lang::En,
    );
    assert!(fine.is_ok(), "{:?}", fine.err());
}

#[test]
fn an_unknown_action_key_context_or_colour_names_its_line() {
    let (line, problem) = refused("[keys.list]\nnew = \"n\"\nfly = \"f\"\n");
    assert_eq!(line, Some(3));
    assert_eq!(
        problem,
        "unknown action “fly” in [keys.list] (see tiltak config --print-default)"
    );
    let (line, problem) = refused("\n[keys.list]\nnew = \"Hyper-n\"\n");
    assert_eq!(line, Some(3));
    assert!(problem.starts_with("unknown key “Hyper-n”"), "{problem}");
    let (line, problem) = refused("[keys.lists]\nnew = \"n\"\n");
    assert_eq!(line, Some(1));
    assert!(problem.starts_with("unknown key context “lists”"), "{problem}");
    let (line, problem) = refused("theme = \"default\"\n[colors]\nselection = \"sky\"\n");
    assert_eq!(line, Some(3));
    assert_eq!(
        problem,
        "unknown colour “sky” (a name such as red or lightblue, #rrggbb or 0–255)"
    );
    let (line, problem) = refused("[colors]\nshiny = \"red\"\n");
    assert_eq!(line, Some(2));
    assert!(problem.starts_with("unknown colour role “shiny”"), "{problem}");
    let (line, problem) = refused("theme = \"neon\"\n");
    assert_eq!(line, Some(1));
    assert_eq!(problem, "unknown theme “neon” (known: default, light, high-contrast)");
    let (line, _) = refused("mouse = true\nmosue = false\n");
    assert_eq!(line, Some(2), "a misspelt setting is not silently ignored");
    let (line, _) = refused("mouse = true\nosc52 = \n");
    assert_eq!(line, Some(2), "broken TOML names its line");
    let (_, problem) = refused("date_format = \"mm/dd\"\n");
    assert!(problem.contains("dd.mm.yyyy or iso"), "{problem}");
    // In Norwegian too.
    let (_, problem) = parse("theme = \"neon\"\n", Lang::Nb).unwrap_err();
    assert!(problem.starts_with("ukjent tema «neon»"), "{problem}");
}

#[test]
fn print_default_reads_back_and_a_broken_file_stops_the_run_without_touching_data() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("backlog.json");
    let config = dir.path().join("config.toml");
    let printed = cli(&data)
        .args(["config", "--print-default"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(printed).unwrap();
    assert!(text.contains("[keys.list]") && text.contains("new = [\"n\"]"), "{text}");
    assert!(text.contains("theme = \"default\""));
    std::fs::write(&config, &text).unwrap();
    let shown = output(cli(&data).arg("--config").arg(&config).arg("config").assert().success());
    assert!(shown.contains("reads fine"), "{shown}");
    // A command runs with it.
    cli(&data)
        .arg("--config")
        .arg(&config)
        .args(["add", "Chatbot"])
        .assert()
        .success();
    let before = std::fs::read(&data).unwrap();

    std::fs::write(&config, "[keys.list]\nnew = \"j\"\n").unwrap();
    for args in [vec!["add", "Another"], vec!["list"]] {
        let shown = output(cli(&data).env("TILTAK_CONFIG", &config).args(&args).assert().failure());
        assert!(
            shown.contains("config.toml, line 2: key j in [keys.list] is bound to both new and down"),
            "{shown}"
        );
    }
    assert_eq!(std::fs::read(&data).unwrap(), before, "the data file is untouched");
    // `tiltak config` says what is wrong too.
    let shown = output(cli(&data).arg("--config").arg(&config).arg("config").assert().failure());
    assert!(shown.contains("line 2"), "{shown}");
}

#[test]
fn the_config_language_applies_unless_lang_says_otherwise() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("backlog.json");
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "language = \"nb\"\n").unwrap();
    let shown = output(
        cli(&data)
            .arg("--config")
            .arg(&config)
            .args(["add", "Chatbot", "--status", "nowhere"])
            .assert()
            .failure(),
    );
    assert!(shown.contains("Ukjent status"), "{shown}");
    let shown = output(
        cli(&data)
            .arg("--config")
            .arg(&config)
            .args(["--lang", "en", "add", "Chatbot", "--status", "nowhere"])
            .assert()
            .failure(),
    );
    assert!(shown.contains("nknown status"), "{shown}");
}

#[test]
fn a_remapped_key_works_and_shows_in_help_footer_and_palette() {
    let config = parse("[keys.list]\nnew = \"N\"\nhelp = [\"F1\", \"?\"]\n", Lang::En).unwrap();
    let (mut app, _) = app_with(demo(), Lang::En);
    app.keymap = config.keymap;
    let footer = screen(&mut app, 120, 40);
    let status_line = footer.lines().last().unwrap();
    assert!(status_line.contains("N new"), "{status_line}");
    assert!(!status_line.contains("n new"), "{status_line}");
    // The old key does nothing now; the new one opens the form.
    type_text(&mut app, "n");
    assert!(matches!(app.overlay, tiltak::app::Overlay::None));
    type_text(&mut app, "N");
    assert!(matches!(app.overlay, tiltak::app::Overlay::Form(_)));
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::F(1));
    let help = screen(&mut app, 120, 40);
    assert!(help.contains("F1 / ?"), "{help}");
    let new_row = help.lines().find(|l| l.contains("New ")).unwrap();
    assert!(new_row.contains(" N "), "{new_row}");
    press(&mut app, KeyCode::Esc);
    type_text(&mut app, ":");
    let tiltak::app::Overlay::Palette(palette) = &app.overlay else {
        panic!("no palette")
    };
    let entry = palette.entries.iter().find(|e| e.action == Action::New).unwrap();
    assert_eq!(entry.keys, "N");
}

fn buffer(app: &mut tiltak::app::App, theme: Theme) -> ratatui::buffer::Buffer {
    app.viewport = ratatui::layout::Size::new(80, 24);
    app.set_list_height(ui::layout::list_rows(app.viewport));
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|frame| ui::render(frame, app, theme)).unwrap();
    terminal.backend().buffer().clone()
}

#[test]
fn high_contrast_at_80x24() {
    let config = parse("theme = \"high-contrast\"\n", Lang::Nb).unwrap();
    let theme = Theme {
        palette: config.palette,
        ..Theme::new(true)
    };
    for lang in [Lang::Nb, Lang::En] {
        let (mut app, _) = app_with(demo(), lang);
        let shown = buffer(&mut app, theme);
        // The selected row: bright yellow, reversed and bold; no dark grey anywhere.
        let row = (0..24)
            .find(|y| shown[(0u16, *y)].symbol() == "▶" || shown[(1u16, *y)].symbol() == "▶")
            .expect("a selected row");
        let cell = &shown[(5u16, row)];
        assert_eq!(cell.fg, Color::LightYellow);
        assert!(cell.modifier.contains(Modifier::REVERSED | Modifier::BOLD));
        for y in 0..24u16 {
            for x in 0..80u16 {
                assert_ne!(shown[(x, y)].fg, Color::DarkGray, "dark grey at {x},{y}");
            }
        }
        insta::assert_snapshot!(format!("high_contrast_80x24_{lang:?}"), format!("{shown:?}"));
        // The Overview with its shading.
        type_text(&mut app, "5");
        insta::assert_snapshot!(
            format!("high_contrast_overview_80x24_{lang:?}"),
            format!("{:?}", buffer(&mut app, theme))
        );
    }
}

#[test]
fn copying_is_refused_when_the_config_turns_it_off() {
    let (mut app, _) = app_with(demo(), Lang::En);
    type_text(&mut app, "y");
    let text = app.clipboard_request.take().expect("a copy request");
    let selected = app.selected_measure().unwrap();
    assert!(text.starts_with(&format!("{selected} ")), "{text}");
    assert!(app.message.as_ref().unwrap().text.starts_with("copied: "));

    let config = parse("osc52 = false\nmouse = false\n", Lang::En).unwrap();
    app.osc52 = config.osc52;
    type_text(&mut app, "y");
    assert_eq!(app.clipboard_request, None);
    assert!(app.message.as_ref().unwrap().text.contains("osc52 = false"));
}

#[test]
fn dates_show_as_the_config_says_in_lists_forms_and_the_meeting_setup() {
    let (mut app, _) = app_with(demo(), Lang::Nb);
    // T-7 is due 31.03.2027.
    type_text(&mut app, "#7");
    press(&mut app, KeyCode::Enter);
    let shown = screen(&mut app, 120, 40);
    assert!(shown.contains("31.03.2027"), "{shown}");
    type_text(&mut app, "e");
    let form = screen(&mut app, 120, 40);
    assert!(form.contains("31.03.2027"), "the form shows the lists' format:\n{form}");
    press(&mut app, KeyCode::Esc);

    app.dates = parse("date_format = \"iso\"\n", Lang::Nb).unwrap().dates;
    let shown = screen(&mut app, 120, 40);
    assert!(shown.contains("2027-03-31") && !shown.contains("31.03.2027"), "{shown}");
    type_text(&mut app, "e");
    let form = screen(&mut app, 120, 40);
    assert!(form.contains("2027-03-31"), "{form}");
    // Either way of writing is read: a Norwegian date saved from the ISO form.
    let tiltak::app::Overlay::Form(_) = &app.overlay else {
        panic!("no form")
    };
    for _ in 0..8 {
        press(&mut app, KeyCode::Tab);
    }
    tiltak::app::handle_key(&mut app, ctrl('u'));
    type_text(&mut app, "15.04.2027");
    tiltak::app::handle_key(&mut app, ctrl('s'));
    let t7 = app.backlog.measures.iter().find(|m| m.id.to_string() == "T-7").unwrap();
    assert_eq!(t7.due, Some("2027-04-15".parse().unwrap()));

    // The meeting setup's date field too.
    app.dates = tiltak::i18n::DateStyle::Language;
    type_text(&mut app, "R");
    let setup = screen(&mut app, 120, 40);
    assert!(setup.contains("29.11.2026"), "{setup}");
}
