//! The HTML status page, read back with a real HTML parser (scraper/html5ever): its outline
//! against reviewed golden files, the matrix against `insight`, every measure once, hostile
//! text kept as text, nothing fetched from anywhere, and colours with enough contrast.

mod common;
use common::check_golden;

use std::collections::HashSet;
use std::path::Path;

use assert_cmd::Command;
use jiff::civil::{Date, date};
use ratatui::crossterm::event::KeyCode;
use scraper::{ElementRef, Html, Selector};
use tiltak::app::action::{Action, Pane};
use tiltak::domain::{
    Backlog, Id, LogEntry, LogKind, MeasureDraft, MeetingDraft, MeetingState, OwnerDraft, PriorityDraft, Verdict,
};
use tiltak::export::html::status_page;
use tiltak::i18n::{Lang, Msg};
use tiltak::insight::Insight;
use tiltak::insight::matrix::PriorityFlag;

const TODAY: Date = date(2026, 11, 29);

fn parse(html: &str) -> Html {
    let doc = Html::parse_document(html);
    assert!(
        doc.errors.is_empty(),
        "the page parses without errors: {:?}",
        doc.errors
    );
    doc
}

fn select<'a>(doc: &'a Html, css: &str) -> Vec<ElementRef<'a>> {
    let selector = Selector::parse(css).unwrap();
    doc.select(&selector).collect()
}

fn select_in<'a>(el: ElementRef<'a>, css: &str) -> Vec<ElementRef<'a>> {
    let selector = Selector::parse(css).unwrap();
    el.select(&selector).collect()
}

/// The element's text with its pieces apart and white space collapsed, as a reader sees it.
fn text(el: ElementRef) -> String {
    el.text()
        .collect::<Vec<_>>()
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The page's outline in reading order: headings, captions, summary figures, and each table's
/// number of body rows.
fn outline(doc: &Html) -> String {
    let mut out = format!(
        "html lang={}\n",
        select(doc, "html")[0].value().attr("lang").unwrap_or("?")
    );
    for el in select(doc, "h1, h2, h3, figcaption, li.figure, table") {
        let name = el.value().name();
        let line = match name {
            "table" => {
                let caption = select_in(el, "caption").first().map(|c| text(*c)).unwrap_or_default();
                format!("  table “{caption}”: {} rows", select_in(el, "tbody tr").len())
            }
            "li" => format!("  figure: {}", text(el)),
            "figcaption" => format!("  {name}: {}", text(el)),
            _ => format!("{name} {}", text(el)),
        };
        out.push_str(&line);
        out.push('\n');
    }
    out
}

#[test]
fn the_demo_page_has_the_sections_in_reading_order_in_both_languages() {
    let backlog = common::demo();
    for (lang, golden) in [
        (Lang::Nb, "status-page-outline-nb.txt"),
        (Lang::En, "status-page-outline-en.txt"),
    ] {
        let doc = parse(&status_page(&backlog, lang, TODAY));
        let headings: Vec<String> = select(&doc, "main > section > h2").into_iter().map(text).collect();
        let expected: Vec<&str> = [
            Msg::PageSummary,
            Msg::PageMatrix,
            Msg::PagePriorities,
            Msg::PageOwners,
            Msg::PageMeetings,
            Msg::PageCharts,
            Msg::PaneGlossary,
        ]
        .iter()
        .map(|m| lang.tr(*m))
        .collect();
        assert_eq!(headings, expected);
        assert_eq!(text(select(&doc, "h1")[0]), backlog.name);
        assert_eq!(select(&doc, "title").len(), 1);
        let made = text(select(&doc, "p.made")[0]);
        assert!(made.contains(&lang.date(TODAY)), "{made}");
        // Every table header cell says what it heads.
        for th in select(&doc, "th") {
            assert!(th.value().attr("scope").is_some(), "th without scope: {}", th.html());
        }
        // The table of contents reaches every section.
        let targets: Vec<String> = select(&doc, "nav a")
            .iter()
            .filter_map(|a| a.value().attr("href"))
            .map(str::to_string)
            .collect();
        let sections: Vec<String> = select(&doc, "main > section")
            .iter()
            .map(|s| format!("#{}", s.value().attr("id").unwrap()))
            .collect();
        assert_eq!(targets, sections);
        check_golden(golden, &outline(&doc));
    }
    let nb = parse(&status_page(&backlog, Lang::Nb, TODAY));
    assert_eq!(select(&nb, "html")[0].value().attr("lang"), Some("nb"));
    let en = parse(&status_page(&backlog, Lang::En, TODAY));
    assert_eq!(select(&en, "html")[0].value().attr("lang"), Some("en"));
}

/// The demo with one sector no measure reaches and one priority without measures, so every
/// marker shows.
fn demo_with_every_marker() -> Backlog {
    let mut b = common::demo();
    b.add_sector("Brann og redning").unwrap();
    b.add_priority(PriorityDraft {
        title: "Tom prioritering".into(),
        description: String::new(),
    })
    .unwrap();
    b
}

#[test]
fn matrix_cells_and_markers_match_insight() {
    let b = demo_with_every_marker();
    let insight = Insight::compute(&b, TODAY);
    let m = &insight.matrix;
    let doc = parse(&status_page(&b, Lang::En, TODAY));
    let rows = select(&doc, "table.matrix tbody tr");
    assert_eq!(rows.len(), m.priorities.len());
    let (mut silos, mut empties) = (0, 0);
    for (r, row) in rows.iter().enumerate() {
        let title = text(select_in(*row, "th")[0]);
        let priority = b.priority(m.priorities[r]).unwrap();
        assert_eq!(title, format!("{}. {}", priority.rank, priority.title));
        let cells: Vec<String> = select_in(*row, "td").into_iter().map(text).collect();
        let counts: Vec<String> = m.counts[r].iter().map(|n| n.to_string()).collect();
        assert_eq!(cells[..counts.len()], counts[..], "row {title}");
        assert_eq!(cells[counts.len()], m.row_active[r].to_string());
        let flag = &cells[counts.len() + 1];
        match m.flag(r) {
            Some(PriorityFlag::Silo) => {
                silos += 1;
                assert!(flag.starts_with("▲ silo in "), "{flag}");
            }
            Some(PriorityFlag::Empty) => {
                empties += 1;
                assert_eq!(flag, "○ no active measures");
            }
            None => assert_eq!(flag, ""),
        }
    }
    assert!(
        silos >= 1 && empties == 1,
        "the demo has a silo, the added priority is empty"
    );
    let footer: Vec<String> = select(&doc, "table.matrix tfoot td").into_iter().map(text).collect();
    for (column, cell) in footer.iter().take(m.sectors.len()).enumerate() {
        if m.sector_uncovered(column) {
            assert_eq!(cell, "✕ no active measures", "marker with text, not colour only");
        } else {
            assert_eq!(*cell, m.column_active[column].to_string());
        }
    }
    assert_eq!(footer.iter().filter(|f| f.starts_with('✕')).count(), 1);
    let legend = text(select(&doc, "ul.legend")[0]);
    for msg in [Msg::LegendSilo, Msg::LegendEmpty, Msg::LegendUncovered] {
        assert!(legend.contains(Lang::En.tr(msg)), "{legend}");
    }
    // Column headers name the sector in full for screen readers.
    let header = text(select(&doc, "table.matrix thead th")[m.sectors.len()]);
    assert!(header.ends_with("Brann og redning"), "{header}");
}

#[test]
fn every_measure_appears_once_under_its_first_priority_and_is_named_under_the_others() {
    let b = common::demo();
    let doc = parse(&status_page(&b, Lang::Nb, TODAY));
    let rows = select(&doc, "#priorities tbody tr");
    let ids: Vec<&str> = rows.iter().filter_map(|r| r.value().attr("id")).collect();
    assert_eq!(ids.len(), b.measures.len(), "one row per measure");
    let unique: HashSet<&&str> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "no measure twice");
    for m in &b.measures {
        let anchor = format!("measure-{}", m.id);
        let row = rows.iter().find(|r| r.value().attr("id") == Some(&anchor)).unwrap();
        let cells: Vec<String> = select_in(*row, "th, td").into_iter().map(text).collect();
        assert_eq!(cells[0], m.id.to_string());
        // issue 16: a blocked measure says what it waits for under its title.
        match tiltak::insight::connections::blocked_text(Lang::Nb, &b, m) {
            Some(blocked) => assert_eq!(cells[1], format!("{} ⊘ {blocked}", m.title)),
            None => assert_eq!(cells[1], m.title),
        }
        assert_eq!(cells[2], Lang::Nb.status(m.status));
        assert_eq!(
            m.is_overdue(TODAY),
            cells[5].contains("! forfalt"),
            "{} {:?}",
            m.id,
            cells[5]
        );
        assert_eq!(m.is_overdue(TODAY), row.value().classes().any(|c| c == "late"));
    }
    // Each priority shows all of its measures: rows listed under it plus links to the others.
    let headings = select(&doc, "#priorities h3");
    for p in b.priorities_by_rank() {
        let heading = headings
            .iter()
            .find(|h| text(**h) == format!("{}. {}", p.rank, p.title))
            .unwrap();
        let mut shown: Vec<String> = Vec::new();
        for sibling in heading.next_siblings().filter_map(ElementRef::wrap) {
            if sibling.value().name() == "h3" {
                break;
            }
            shown.extend(
                select_in(sibling, "tbody tr")
                    .iter()
                    .filter_map(|r| r.value().attr("id"))
                    .map(str::to_string),
            );
            if sibling.value().name() == "p" {
                shown.extend(
                    select_in(sibling, "a")
                        .iter()
                        .filter_map(|a| a.value().attr("href"))
                        .map(|h| h[1..].to_string()),
                );
            }
        }
        shown.sort();
        let mut expected: Vec<String> = b
            .measures
            .iter()
            .filter(|m| m.priorities.contains(&p.id))
            .map(|m| format!("measure-{}", m.id))
            .collect();
        expected.sort();
        assert_eq!(shown, expected, "priority {}", p.title);
    }
}

#[test]
fn the_last_meetings_decisions_and_the_next_meetings_agenda_are_shown() {
    let mut b = common::demo();
    let demo = b.clone();
    let doc = parse(&status_page(&demo, Lang::En, TODAY));
    let meetings = text(select(&doc, "#meetings")[0]);
    assert!(
        meetings.contains("Last meeting: Toppledermøte – digital transformasjon (M-3, 2026-11-23)"),
        "{meetings}"
    );
    // Decisions read in the reader's language, whatever language the meeting was held in.
    for decision in &demo.meeting(Id(3)).unwrap().decisions {
        let shown = Lang::En.decision(decision.kind, &decision.text, decision.due);
        assert!(!shown.is_empty());
        assert!(
            meetings.contains(&shown.split_whitespace().collect::<Vec<_>>().join(" ")),
            "{shown}"
        );
    }
    // The demo's planned M-4 is the next meeting, with its agenda.
    let planned_demo = demo.meeting(Id(4)).unwrap();
    assert!(
        meetings.contains("Next meeting: Toppledermøte – desember (M-4, 2026-12-14)"),
        "{meetings}"
    );
    let next: Vec<String> = select(&doc, "#meetings ol li").into_iter().map(text).collect();
    assert_eq!(next.len(), planned_demo.agenda.len());
    assert!(next[0].starts_with("T-15 "), "{next:?}");
    // A meeting planned before it takes its place.
    let (planned, _) = b
        .create_meeting(
            MeetingDraft::new("Desembermøte", date(2026, 12, 7), vec![], vec![Id(7), Id(18)]),
            MeetingState::Planned,
        )
        .unwrap();
    let doc = parse(&status_page(&b, Lang::En, TODAY));
    let next: Vec<String> = select(&doc, "#meetings ol li").into_iter().map(text).collect();
    assert_eq!(planned, Id(5));
    assert_eq!(next.len(), 2);
    assert!(next[0].starts_with("T-7 KI-assistent"), "{next:?}");
    assert!(text(select(&doc, "#meetings")[0]).contains("Next meeting: Desembermøte (M-5, 2026-12-07)"));
    // The summary counts what was decided since the last meeting.
    let figures: Vec<String> = select(&doc, "li.figure").into_iter().map(text).collect();
    assert!(
        figures[1].starts_with("1 decided since the last meeting (M-3, 2026-11-23) T-26"),
        "{figures:?}"
    );
}

const HOSTILE: [&str; 6] = [
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(2)>",
    "javascript:alert(3)",
    "</style><script>alert(4)</script>",
    "<a href=\"https://evil.example/x\" onclick=\"alert(5)\">klikk</a>",
    "url(https://evil.example/track.png) @import 'https://evil.example/x.css';",
];

/// Hostile text in every place the page shows backlog text.
fn hostile_backlog() -> Backlog {
    let mut b = Backlog::new(HOSTILE[3], &[HOSTILE[0], "Helse"]);
    let now = "2026-11-01T10:00:00Z".parse().unwrap();
    let (owner, _) = b
        .add_owner(OwnerDraft {
            name: HOSTILE[1].into(),
            role: HOSTILE[5].into(),
            sector: None,
        })
        .unwrap();
    b.add_priority(PriorityDraft {
        title: HOSTILE[4].into(),
        description: HOSTILE[0].into(),
    })
    .unwrap();
    let mut ids = Vec::new();
    for (i, title) in HOSTILE.iter().enumerate() {
        let mut draft = MeasureDraft::titled(title);
        draft.owner = Some(owner);
        draft.sectors = vec![Id(1)];
        draft.priorities = if i % 2 == 0 { vec![Id(1)] } else { vec![] };
        draft.due = Some(date(2026, 11, 1));
        ids.push(b.add_measure(draft, now).unwrap().0);
    }
    // Loaded from a colleague's file, a title can hold what the form would have cleaned.
    b.measures[0].title = "abc\u{202E}gnp.exe \u{1b}[31mred\u{7}".into();
    let (meeting, _) = b
        .create_meeting(
            MeetingDraft::new(HOSTILE[2], date(2026, 11, 20), vec![owner], ids.clone()),
            MeetingState::Held,
        )
        .unwrap();
    b.record_decision(meeting, ids[1], Verdict::Approve, HOSTILE[1], now)
        .unwrap();
    b.log_to_measure(
        ids[2],
        LogEntry {
            at: now,
            kind: LogKind::Note,
            text: HOSTILE[0].into(),
            from: None,
            to: None,
            meeting: Some(meeting),
            decision: None,
            due: None,
            author: String::new(),
        },
    )
    .unwrap();
    // issue 16: the glossary section escapes terms, synonyms and definitions too
    b.add_term(
        tiltak::domain::TermDraft {
            term: HOSTILE[2].into(),
            definition: HOSTILE[0].into(),
            synonyms: vec![HOSTILE[4].into()],
            sector: Some(Id(1)),
            ..Default::default()
        },
        date(2026, 11, 1),
    )
    .unwrap();
    b
}

#[test]
fn hostile_titles_names_and_notes_show_as_text_and_never_as_markup() {
    let b = hostile_backlog();
    for lang in [Lang::Nb, Lang::En] {
        let html = status_page(&b, lang, TODAY);
        let doc = parse(&html);
        assert!(!html.to_lowercase().contains("<script"), "no script tag in the source");
        for tag in [
            "script", "img", "iframe", "object", "embed", "link", "base", "form", "input",
        ] {
            assert!(select(&doc, tag).is_empty(), "no <{tag}> element");
        }
        for el in select(&doc, "*") {
            for (name, value) in el.value().attrs() {
                assert!(!name.to_lowercase().starts_with("on"), "event handler {name}={value}");
                assert!(
                    !value.trim().to_lowercase().starts_with("javascript:"),
                    "{name}={value}"
                );
            }
        }
        let links: Vec<&str> = select(&doc, "a")
            .iter()
            .filter_map(|a| a.value().attr("href"))
            .collect();
        assert!(
            links.iter().all(|h| h.starts_with('#')),
            "only links inside the page: {links:?}"
        );
        let body = select(&doc, "body")[0].text().collect::<String>();
        for hostile in HOSTILE {
            assert!(body.contains(hostile), "shown verbatim: {hostile}");
        }
        assert!(
            body.contains("abc[U+202E]gnp.exe \u{241b}[31mred\u{2407}"),
            "controls made visible"
        );
        assert!(!body.contains('\u{202E}') && !body.contains('\u{1b}'));
        let glossary = select(&doc, "section#glossary dl.glossary")[0]
            .text()
            .collect::<String>();
        for hostile in [HOSTILE[2], HOSTILE[0], HOSTILE[4]] {
            assert!(glossary.contains(hostile), "the term's text as text: {hostile}");
        }
        assert_eq!(text(select(&doc, "h1")[0]), HOSTILE[3]);
        let style: String = select(&doc, "style")
            .iter()
            .map(|s| s.text().collect::<String>())
            .collect();
        assert!(
            !style.contains('<'),
            "the print footer's backlog name is escaped for CSS"
        );
    }
}

/// Attributes through which a browser would fetch something.
const FETCHING: [&str; 9] = [
    "src",
    "srcset",
    "href",
    "xlink:href",
    "action",
    "formaction",
    "poster",
    "data",
    "background",
];

#[test]
fn the_page_makes_no_external_request() {
    for b in [common::demo(), hostile_backlog()] {
        let html = status_page(&b, Lang::Nb, TODAY);
        let doc = parse(&html);
        for el in select(&doc, "*") {
            for (name, value) in el.value().attrs() {
                if FETCHING.contains(&name) {
                    assert!(value.starts_with('#'), "<{}> {name}={value}", el.value().name());
                }
            }
        }
        let style: String = select(&doc, "style")
            .iter()
            .map(|s| s.text().collect::<String>())
            .collect();
        let style = style.to_lowercase();
        for fetch in ["url(", "@import", "http:", "https:", "//"] {
            assert!(!style.contains(fetch), "CSS fetches nothing: {fetch}");
        }
        // URLs the user typed are shown as text, never as links, sources or styles.
        let outside_text: String = select(&doc, "*")
            .iter()
            .flat_map(|el| el.value().attrs().map(|(_, v)| v.to_string()).collect::<Vec<_>>())
            .collect();
        assert!(
            !outside_text.contains("http"),
            "no URL in any attribute: {outside_text}"
        );
    }
}

fn luminance(hex: &str) -> f64 {
    let channel = |i: usize| {
        let c = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap()) / 255.0;
        if c <= 0.03928 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
}

fn contrast(a: &str, b: &str) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// `--name: #rrggbb` declarations inside the block that starts at `from`.
fn variables(style: &str, from: &str) -> Vec<(String, String)> {
    let start = style.find(from).unwrap_or_else(|| panic!("{from} in the style"));
    let block = &style[start + from.len()..];
    let block = &block[..block.find('}').unwrap()];
    block
        .split(';')
        .filter_map(|d| {
            let (name, value) = d.split_once(':')?;
            let name = name.trim().rsplit(['{', ' ', '\n']).next()?.to_string();
            let value = value.trim();
            (name.starts_with("--") && value.starts_with('#') && value.len() == 7).then(|| (name, value.to_string()))
        })
        .collect()
}

#[test]
fn colours_meet_wcag_aa_in_the_light_dark_and_print_schemes() {
    let html = status_page(&common::demo(), Lang::En, TODAY);
    let doc = parse(&html);
    let style: String = select(&doc, "style")
        .iter()
        .map(|s| s.text().collect::<String>())
        .collect();
    for scheme in [
        ":root {",
        "@media (prefers-color-scheme: dark) {\n  :root {",
        "@media print {\n  :root {",
    ] {
        let vars = variables(&style, scheme);
        assert_eq!(vars.len(), 13, "{scheme}: {vars:?}");
        let colour = |name: &str| vars.iter().find(|(n, _)| n == name).map(|(_, v)| v.clone()).unwrap();
        // Text on its backgrounds: 4.5:1.
        for (fg, bg) in [
            ("--fg", "--bg"),
            ("--fg", "--surface"),
            ("--muted", "--bg"),
            ("--muted", "--surface"),
            ("--accent", "--bg"),
            ("--accent", "--surface"),
            ("--warn", "--bg"),
            ("--warn", "--warn-bg"),
            ("--fg", "--warn-bg"),
            ("--fg", "--heat-1"),
            ("--fg", "--heat-2"),
            ("--fg", "--heat-3"),
            ("--fg", "--heat-4"),
        ] {
            let ratio = contrast(&colour(fg), &colour(bg));
            assert!(ratio >= 4.5, "{scheme} {fg} on {bg}: {ratio:.2}");
        }
        // Bars, table lines and focus rings against the page: 3:1.
        for part in ["--bar", "--line", "--accent"] {
            let ratio = contrast(&colour(part), &colour("--bg"));
            assert!(ratio >= 3.0, "{scheme} {part}: {ratio:.2}");
        }
    }
    assert!(style.contains("a:focus-visible"), "keyboard focus is visible");
    assert!(style.contains("@page"), "print stylesheet");
}

#[test]
fn tiltak_export_writes_the_page_in_the_chosen_language() {
    let dir = tempfile::TempDir::new().unwrap();
    let path = dir.path().join("backlog.json");
    tiltak::store::save(&common::demo(), &path).unwrap();
    let out = dir.path().join("status.html");
    Command::cargo_bin("tiltak")
        .unwrap()
        .args(["--lang", "nb", "--data"])
        .arg(&path)
        .args(["export", "--format", "html", "--out"])
        .arg(&out)
        .assert()
        .success();
    let html = std::fs::read_to_string(&out).unwrap();
    let doc = parse(&html);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert_eq!(select(&doc, "html")[0].value().attr("lang"), Some("nb"));
    assert_eq!(text(select(&doc, "h2")[0]), "Sammendrag");
    let wrong = Command::cargo_bin("tiltak")
        .unwrap()
        .args(["--lang", "en", "--data"])
        .arg(&path)
        .args(["export", "--format", "htm"])
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&wrong.get_output().stderr).to_string();
    assert!(stderr.contains("csv, xlsx, md, json, html"), "{stderr}");
}

#[test]
fn h_in_the_app_writes_the_page_beside_the_backlog_and_is_in_the_palette() {
    let (mut app, store) = common::app_with(common::demo(), Lang::En);
    common::press(&mut app, KeyCode::Char('5'));
    common::press(&mut app, KeyCode::Char('H'));
    let files = store.files.borrow();
    let (path, bytes) = files.last().expect("a file was written");
    assert_eq!(path, Path::new("/data/exports/tiltak-status-2026-11-29.html"));
    let doc = parse(std::str::from_utf8(bytes).unwrap());
    assert_eq!(select(&doc, "html")[0].value().attr("lang"), Some("en"));
    let screen = common::screen(&mut app, 120, 40);
    assert!(
        screen.contains("Wrote the status page to /data/exports/tiltak-status-2026-11-29.html"),
        "{screen}"
    );
    for pane in [Pane::Measures, Pane::Overview] {
        let entries = tiltak::app::palette::entries(&Default::default(), pane, Lang::Nb);
        let entry = entries
            .iter()
            .find(|e| e.action == Action::StatusPage)
            .expect("in the palette");
        assert_eq!(entry.keys, "H");
        assert_eq!(entry.description, "Lag statussiden (HTML, i datamappen)");
    }
}

#[test]
fn an_empty_backlog_gives_a_page_that_says_so_in_every_section() {
    let b = common::empty(Lang::En);
    let doc = parse(&status_page(&b, Lang::En, TODAY));
    let section = |id: &str| text(select(&doc, &format!("#{id}"))[0]);
    assert!(section("summary").contains("0 active measures"));
    assert!(section("summary").contains("The group has not met yet."));
    assert!(section("matrix").contains(Lang::En.tr(Msg::PageMatrixNeedsData)));
    assert!(section("priorities").contains("No measures."));
    assert!(section("owners").contains("None."));
    assert!(section("meetings").contains("The group has not met yet. The next meeting is not planned yet."));
    assert_eq!(select(&doc, "#charts figure").len(), 4, "the charts show their zeroes");
}
