//! The Glossary pane as a user drives it (add, edit, search with synonyms, delete, undo), and
//! glossary terms in a measure's detail: underlined where they appear, inflected forms too,
//! listed with their definitions, and `B` then `Enter` opens one in the Glossary pane.

mod common;

use common::{app_with, ctrl, demo, press, type_text};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;
use ratatui::style::Modifier;
use tiltak::app::{App, Pane};
use tiltak::domain::{Id, TermStatus};
use tiltak::i18n::Lang;
use tiltak::ui::{self, Theme};

fn shown_terms(app: &App) -> Vec<String> {
    app.glossary
        .rows
        .iter()
        .map(|i| app.backlog.glossary[*i].term.clone())
        .collect()
}

fn search(app: &mut App, query: &str) -> Vec<String> {
    press(app, KeyCode::Esc);
    type_text(app, "/");
    type_text(app, query);
    press(app, KeyCode::Enter);
    shown_terms(app)
}

#[test]
fn terms_are_added_edited_searched_and_deleted_in_the_glossary_pane_and_undone() {
    let (mut app, store) = app_with(demo(), Lang::En);
    type_text(&mut app, "6");
    assert_eq!(app.focus, Pane::Glossary);
    assert_eq!(
        shown_terms(&app).first().map(String::as_str),
        Some("Digital kompetanse")
    );
    // At 80 columns every pane keeps a tab: the ones on the right give up their names first.
    let top = common::screen(&mut app, 80, 24).lines().next().unwrap().to_string();
    assert!(
        top.starts_with(" tiltak │ 1 Measures │ 2 Owners │ 3 Priorities │ 4 Meetings │ 5 │ 6 Glossary │"),
        "{top}"
    );

    type_text(&mut app, "n");
    type_text(&mut app, "Innbyggerreise");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "Hele veien en innbygger går gjennom en tjeneste.");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "brukerreise, livshendelse");
    tiltak::app::handle_key(&mut app, ctrl('s'));
    let added = app.backlog.glossary.last().unwrap().clone();
    assert_eq!(added.id.to_string(), "B-17");
    assert_eq!(added.term, "Innbyggerreise");
    assert_eq!(added.synonyms, ["brukerreise", "livshendelse"]);
    assert_eq!(added.status, TermStatus::Proposed);
    assert_eq!(app.selected_term(), Some(added.id), "the cursor lands on the new term");
    assert_eq!(store.saves.borrow().last(), Some(&app.backlog), "saved at once");

    // Synonyms and prefixes are searched with the folding of the measure search.
    assert_eq!(search(&mut app, "livshend"), ["Innbyggerreise"]);
    assert_eq!(search(&mut app, "ki"), ["Kunstig intelligens"]);
    assert_eq!(search(&mut app, "begrepsliste"), ["Felles begrepsapparat"]);
    assert_eq!(search(&mut app, "modenhet digital"), ["Digital modenhet"]);
    assert_eq!(
        search(&mut app, "forst"),
        ["Mennesket først", "Felles begrepsapparat"],
        "ø folds to o; a term's own word ranks before one in another's definition (forstås)"
    );
    assert_eq!(search(&mut app, "B-11"), ["Tjenestedesign"]);
    assert_eq!(
        search(&mut app, "brukerreise"),
        ["Innbyggerreise", "Tjenestedesign"],
        "both carry the synonym"
    );
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.glossary.rows.len(), 17);

    // Edit: agree the term; the date agreed is today's.
    app.glossary.select_where(|i| app.backlog.glossary[i].id == added.id);
    type_text(&mut app, "e");
    for _ in 0..4 {
        press(&mut app, KeyCode::Tab);
    }
    type_text(&mut app, " ");
    tiltak::app::handle_key(&mut app, ctrl('s'));
    let agreed = app.backlog.term(added.id).unwrap();
    assert_eq!(agreed.status, TermStatus::Agreed);
    assert_eq!(agreed.agreed, Some(jiff::civil::date(2026, 11, 29)));

    type_text(&mut app, "dy");
    assert!(app.backlog.term(added.id).is_none());
    type_text(&mut app, "u");
    assert_eq!(app.backlog.term(added.id).unwrap().status, TermStatus::Agreed);
    type_text(&mut app, "u");
    assert_eq!(app.backlog.term(added.id).unwrap().status, TermStatus::Proposed);
    type_text(&mut app, "u");
    assert!(
        app.backlog.term(added.id).is_none(),
        "undo takes the added term away again"
    );
}

/// The screen as text, and the text of every run of underlined cells.
fn draw(app: &mut App, width: u16, height: u16) -> (String, Vec<String>) {
    let text = common::screen(app, width, height);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| ui::render(frame, app, Theme::new(true))).unwrap();
    let buffer = terminal.backend().buffer().clone();
    let mut underlined = Vec::new();
    for y in 0..height {
        let mut run = String::new();
        for x in 0..width {
            let cell = &buffer[(x, y)];
            if cell.modifier.contains(Modifier::UNDERLINED) {
                run.push_str(cell.symbol());
            } else if !run.is_empty() {
                underlined.push(std::mem::take(&mut run));
            }
        }
        if !run.is_empty() {
            underlined.push(run);
        }
    }
    (text, underlined)
}

fn select_measure(app: &mut App, id: u32) {
    type_text(app, "1");
    app.measures.select_where(|i| app.backlog.measures[i].id == Id(id));
}

#[test]
fn a_term_added_in_the_pane_is_found_in_the_measures_at_once() {
    let (mut app, _) = app_with(demo(), Lang::En);
    select_measure(&mut app, 25);
    assert!(!common::screen(&mut app, 160, 60).contains("Fagsystem (proposed)"));
    type_text(&mut app, "6n");
    type_text(&mut app, "Fagsystem");
    tiltak::app::handle_key(&mut app, ctrl('s'));
    // T-25's description speaks of «fagsystemene».
    select_measure(&mut app, 25);
    let shown = common::screen(&mut app, 160, 60);
    assert!(shown.contains("Fagsystem (proposed)"), "{shown}");
}

#[test]
fn terms_in_a_measure_are_underlined_and_listed_with_their_definitions() {
    for lang in [Lang::Nb, Lang::En] {
        let (mut app, _) = app_with(demo(), lang);
        select_measure(&mut app, 4);
        let (text, underlined) = draw(&mut app, 160, 48);
        assert_eq!(
            underlined,
            ["finansieringsmodell", "driftsbudsjettet", "driftsrammene"],
            "{lang:?}: the term and inflected forms of a term and a synonym"
        );
        insta::assert_snapshot!(format!("glossary_terms_in_detail_{lang:?}"), text);
    }
}

#[test]
fn capital_b_moves_onto_a_term_in_the_detail_and_enter_opens_it_in_the_glossary() {
    let (mut app, _) = app_with(demo(), Lang::En);
    select_measure(&mut app, 3);
    let (text, underlined) = draw(&mut app, 160, 48);
    assert_eq!(
        underlined,
        ["begrepsliste", "digital transformasjon", "begrepsliste"],
        "a synonym counts; the longest name wins over a shorter one inside it"
    );
    assert!(!text.contains("▶ Felles"), "no term is chosen yet");

    type_text(&mut app, "B");
    let (text, _) = draw(&mut app, 160, 48);
    assert!(text.contains("▶ Felles begrepsapparat (agreed): Ordene"), "{text}");
    assert!(text.contains("Enter opens the term"));
    type_text(&mut app, "B");
    assert!(common::screen(&mut app, 160, 48).contains("▶ Digital transformasjon (agreed)"));
    type_text(&mut app, "B");
    assert!(
        !common::screen(&mut app, 160, 48).contains("▶ Digital"),
        "past the last term"
    );
    type_text(&mut app, "BB");

    press(&mut app, KeyCode::Enter);
    assert_eq!(app.focus, Pane::Glossary);
    assert_eq!(app.selected_term(), Some(Id(1)));
    assert!(matches!(app.overlay, tiltak::app::Overlay::None), "no edit form opened");

    // Without a term chosen, Enter edits the measure as before.
    select_measure(&mut app, 3);
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.overlay, tiltak::app::Overlay::Form(_)));
}

#[test]
fn a_measure_without_terms_says_so_when_capital_b_is_pressed() {
    let (mut app, _) = app_with(demo(), Lang::En);
    select_measure(&mut app, 13);
    type_text(&mut app, "B");
    assert_eq!(
        app.message.as_ref().map(|m| m.text.as_str()),
        Some("No glossary terms in this measure.")
    );
}

fn select_term(app: &mut App, id: u32) {
    type_text(app, "6");
    app.glossary.select_where(|i| app.backlog.glossary[i].id == Id(id));
}

#[test]
fn a_meeting_agrees_revises_and_retires_terms_and_its_minutes_list_the_terms_agreed() {
    let (mut app, store) = app_with(demo(), Lang::En);
    // Kunstig intelligens (B-15) is on M-4's agenda in the demo; M puts Digitalt tankesett there.
    select_term(&mut app, 14);
    type_text(&mut app, "M");
    assert!(common::screen(&mut app, 120, 40).contains("B-14 is now on the agenda of M-4 (2026-12-14)"));
    assert_eq!(app.backlog.meeting(Id(4)).unwrap().terms, [Id(15), Id(14)]);
    type_text(&mut app, "M");
    assert!(common::screen(&mut app, 120, 40).contains("B-14 is already on the agenda of M-4"));

    type_text(&mut app, "4");
    app.meetings.select_where(|i| app.backlog.meetings[i].id == Id(4));
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    let measures = app.backlog.meeting(Id(4)).unwrap().agenda.len();
    for _ in 0..measures {
        press(&mut app, KeyCode::Right);
    }
    let shown = common::screen(&mut app, 100, 30);
    assert!(
        shown.contains(&format!("{} / {}", measures + 1, measures + 2)),
        "{shown}"
    );
    assert!(shown.contains("Term for the group"), "{shown}");
    assert!(shown.contains("B-15 Kunstig intelligens"));
    assert!(shown.contains("Systemer som løser oppgaver"), "the definition is shown");

    // `a` asks first, then agrees; measure-only keys say what to use instead.
    type_text(&mut app, "a");
    assert!(common::screen(&mut app, 100, 30).contains("Agree the term “Kunstig intelligens”"));
    type_text(&mut app, "y");
    let agreed = app.backlog.term(Id(15)).unwrap();
    assert_eq!(agreed.status, TermStatus::Agreed);
    assert_eq!(
        (agreed.agreed, agreed.meeting),
        (Some(jiff::civil::date(2026, 12, 14)), Some(Id(4)))
    );
    type_text(&mut app, "p");
    assert!(common::screen(&mut app, 100, 30).contains("For measures, not terms"));

    // Enter revises the definition of the next term; x retires (asks); u takes it back.
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Enter);
    tiltak::app::handle_key(&mut app, ctrl('u'));
    type_text(
        &mut app,
        "Å spørre hvordan data og teknologi kan løse oppgaven annerledes.",
    );
    tiltak::app::handle_key(&mut app, ctrl('s'));
    assert_eq!(
        app.backlog.term(Id(14)).unwrap().definition,
        "Å spørre hvordan data og teknologi kan løse oppgaven annerledes."
    );
    assert!(common::screen(&mut app, 100, 30).contains("Revised: Å spørre"));
    type_text(&mut app, "xy");
    assert_eq!(app.backlog.term(Id(14)).unwrap().status, TermStatus::Retired);
    type_text(&mut app, "u");
    assert_eq!(app.backlog.term(Id(14)).unwrap().status, TermStatus::Proposed);

    press(&mut app, KeyCode::Esc);
    type_text(&mut app, "y");
    let files = store.files.borrow();
    let (path, bytes) = files.last().expect("the minutes are written");
    assert!(path.to_string_lossy().contains("minutes/"));
    let minutes = String::from_utf8_lossy(bytes);
    let section = &minutes[minutes.find("## Terms agreed").expect("a section of terms agreed")..];
    assert!(
        section.contains(
            "- **Kunstig intelligens** (B-15; agreed 2026-12-14; Utvikling og digitalisering; also: KI): Systemer"
        ),
        "{minutes}"
    );
    assert!(!section.contains("Digitalt tankesett"), "revised, not agreed");
}

/// The bottom lines of a screen, where the review lists its keys.
fn key_lines(screen: &str, rows: usize) -> String {
    let lines: Vec<&str> = screen.lines().collect();
    lines[lines.len().saturating_sub(rows)..].join("\n")
}

#[test]
fn on_a_glossary_term_the_reviews_key_line_shows_the_term_decisions() {
    for (lang, measure_words, term_words, gone) in [
        (
            Lang::En,
            ["a approve", "p park", "d defer"],
            ["a agree", "Enter revise", "x retire", "t noted"],
            ["p park", "d defer", "o owner", "n note", "b follow"],
        ),
        (
            Lang::Nb,
            ["a vedta", "p parker", "d utsett"],
            ["a vedta", "Enter revider", "x utgått", "t orientering"],
            ["p parker", "d utsett", "o eier", "n notat", "b følg"],
        ),
    ] {
        let (mut app, _) = app_with(demo(), lang);
        type_text(&mut app, "4");
        app.meetings.select_where(|i| app.backlog.meetings[i].id == Id(4));
        press(&mut app, KeyCode::Enter);
        press(&mut app, KeyCode::Enter);
        let on_measure = key_lines(&common::screen(&mut app, 100, 30), 3);
        for word in measure_words {
            assert!(
                on_measure.contains(word),
                "{lang:?}: {word} on a measure:\n{on_measure}"
            );
        }
        let measures = app.backlog.meeting(Id(4)).unwrap().agenda.len();
        for _ in 0..measures {
            press(&mut app, KeyCode::Right);
        }
        let screen = common::screen(&mut app, 100, 30);
        assert!(screen.contains("B-15 Kunstig intelligens"), "{screen}");
        let on_term = key_lines(&screen, 3);
        for word in term_words {
            assert!(on_term.contains(word), "{lang:?}: {word} on a term:\n{on_term}");
        }
        for word in gone {
            assert!(
                !on_term.contains(word),
                "{lang:?}: {word} acts on measures only:\n{on_term}"
            );
        }
        // The hints say what the keys do: `x` on a term asks to retire it.
        type_text(&mut app, "x");
        assert!(matches!(
            app.overlay,
            tiltak::app::Overlay::Confirm(tiltak::app::Confirm::RetireTerm(_))
        ));
    }
}

/// The measures listed under "Used in measures" on the screen.
fn used_in(screen: &str) -> Vec<String> {
    let Some(at) = screen.find("Used in measures") else {
        return Vec::new();
    };
    // The detail panel is the right-most cell of each line; long rows wrap onto a second line.
    screen[at..]
        .lines()
        .skip(1)
        .map(|l| l.split('│').rfind(|cell| !cell.is_empty()).unwrap_or("").trim())
        .take_while(|cell| !cell.is_empty())
        .filter_map(|cell| cell.split_whitespace().next().filter(|id| id.starts_with("T-")))
        .map(str::to_string)
        .collect()
}

#[test]
fn the_used_in_list_follows_an_edit_that_puts_the_term_in_a_measure_and_its_undo() {
    let (mut app, _) = app_with(demo(), Lang::En);
    type_text(&mut app, "6");
    type_text(&mut app, "/kunstig");
    press(&mut app, KeyCode::Enter);
    assert_eq!(used_in(&common::screen(&mut app, 160, 60)), ["T-7", "T-22"]);

    // T-13 gets «KI» (the term's synonym) into its title, from the Measures pane.
    type_text(&mut app, "1#13");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "e");
    tiltak::app::handle_key(&mut app, ctrl('u'));
    type_text(&mut app, "KI-chatbot for spørsmål om kommunale avgifter");
    tiltak::app::handle_key(&mut app, ctrl('s'));
    type_text(&mut app, "6");
    assert_eq!(used_in(&common::screen(&mut app, 160, 60)), ["T-7", "T-13", "T-22"]);

    // Undone and redone with the term still on screen: the list follows the backlog.
    type_text(&mut app, "u");
    assert_eq!(used_in(&common::screen(&mut app, 160, 60)), ["T-7", "T-22"]);
    tiltak::app::handle_key(&mut app, ctrl('r'));
    assert_eq!(used_in(&common::screen(&mut app, 160, 60)), ["T-7", "T-13", "T-22"]);
}

#[test]
fn the_meeting_set_up_adds_glossary_terms_and_measures_to_the_agenda_with_one_picker() {
    let (mut app, _) = app_with(demo(), Lang::En);
    type_text(&mut app, "4n");
    // Shift-Tab from the first field goes to the agenda, where `a` adds an item.
    press(&mut app, KeyCode::BackTab);
    let suggested = match &app.screen {
        tiltak::app::review::Screen::Setup(setup) => setup.agenda.clone(),
        _ => panic!("the set-up is open"),
    };
    assert!(common::screen(&mut app, 120, 40).contains("a add"), "the key is hinted");
    type_text(&mut app, "a");
    type_text(&mut app, "kunstig intelligens (term");
    let picker = common::screen(&mut app, 120, 40);
    assert!(picker.contains("Add to the agenda"), "{picker}");
    assert!(picker.contains("B-15 Kunstig intelligens (term, proposed)"), "{picker}");
    press(&mut app, KeyCode::Enter);
    let shown = common::screen(&mut app, 120, 40);
    assert!(shown.contains("B-15 is on the agenda now."), "{shown}");
    assert!(
        shown.contains(&format!(
            "▶ {:>2}. B-15  Kunstig intelligens  (term, proposed)",
            suggested.len() + 1
        )),
        "the term comes after the measures, under the cursor:\n{shown}"
    );
    // A measure goes before the terms; both kinds leave the picker once on the agenda.
    type_text(&mut app, "a");
    type_text(&mut app, "chatbot for sp");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "a");
    type_text(&mut app, "kunstig intelligens (term");
    assert!(!common::screen(&mut app, 120, 40).contains("B-15 Kunstig intelligens (term"));
    press(&mut app, KeyCode::Esc);

    tiltak::app::handle_key(&mut app, ctrl('s'));
    let meeting = app.backlog.meetings.last().unwrap().clone();
    assert_eq!(meeting.terms, [Id(15)]);
    assert_eq!(meeting.agenda.last(), Some(&Id(13)));
    assert_eq!(meeting.agenda.len(), suggested.len() + 1);

    // Opened again, the set-up keeps the term; started, the review ends on it.
    press(&mut app, KeyCode::Enter);
    let shown = common::screen(&mut app, 120, 40);
    assert!(shown.contains("B-15  Kunstig intelligens"), "{shown}");
    press(&mut app, KeyCode::Enter);
    let items = meeting.agenda.len() + 1;
    for _ in 1..items {
        press(&mut app, KeyCode::Right);
    }
    let review = common::screen(&mut app, 100, 30);
    assert!(review.contains(&format!("{items} / {items}")), "{review}");
    assert!(review.contains("Term for the group"), "{review}");
}
