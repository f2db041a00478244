//! Every Markdown output (the status report `report --format md`, `export --format md` and the
//! minutes) rendered by a CommonMark parser: hostile titles, names and notes come out as the
//! text that was typed — no HTML, no links, no emphasis, no nested lists. The outputs are also
//! kept as reviewed golden files in tests/golden/.

mod common;
use common::check_golden;

use jiff::civil::date;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use tiltak::domain::{
    Backlog, Id, MeasureDraft, MeetingDraft, MeetingState, OwnerDraft, PriorityDraft, Status, Verdict,
};
use tiltak::i18n::Lang;
use tiltak::insight::report::{self, Format};

const OWNER: &str = "<b>Ola</b> *Nord* & Co";
const SECTOR: &str = "1. Skole";
const PRIORITY: &str = "[klikk](http://x.example) <script>alert(1)</script>";
const TITLE: &str = "- *viktig* _kanskje_ ~~nei~~ &amp; `kode` ![bilde](x.png)";
const SECOND: &str = "2) Nummerert # ikke overskrift | pipe";
const DECISION: &str = "Vedtatt.\n- ikke en liste\n> ikke sitat\n<https://auto.example>";

const LINK_LABEL: &str = "[klikk](javascript:alert(1)) *fet* <b>x</b>";

fn hostile() -> Backlog {
    let mut b = Backlog::new("Tiltak <i>kursiv</i>", &[SECTOR, "Helse og omsorg"]);
    let (owner, _) = b
        .add_owner(OwnerDraft {
            name: OWNER.into(),
            role: String::new(),
            sector: None,
        })
        .unwrap();
    let (priority, _) = b
        .add_priority(PriorityDraft {
            title: PRIORITY.into(),
            description: String::new(),
        })
        .unwrap();
    let now = "2026-11-01T10:00:00Z".parse().unwrap();
    let mut draft = MeasureDraft::titled(TITLE);
    draft.owner = Some(owner);
    draft.sectors = vec![Id(1)];
    draft.priorities = vec![priority];
    draft.status = Status::Assessing;
    draft.due = Some(date(2026, 6, 1));
    b.add_measure(draft, now).unwrap();
    let mut second = MeasureDraft::titled(SECOND);
    second.owner = Some(owner);
    second.priorities = vec![priority];
    second.due = Some(date(2026, 7, 1));
    // issue 16: a link whose label and address try to be markup, and a dependency
    second.links = vec![tiltak::domain::Link {
        label: LINK_LABEL.into(),
        url: "javascript:alert(1)".into(),
    }];
    second.depends_on = vec![Id(1)];
    b.add_measure(second, now).unwrap();
    let (meeting, _) = b
        .create_meeting(
            MeetingDraft::new("Møte *1* <u>x</u>", date(2026, 11, 20), vec![owner], vec![Id(1)]),
            MeetingState::Held,
        )
        .unwrap();
    b.record_decision(meeting, Id(1), Verdict::Approve, DECISION, now)
        .unwrap();
    b
}

/// Text of each block (paragraph, list item, heading, table cell) as a reader sees it, and
/// every event that would be markup from user text.
struct Rendered {
    blocks: Vec<String>,
    forbidden: Vec<String>,
    deepest_list: usize,
}

fn render(markdown: &str) -> Rendered {
    let mut blocks = vec![String::new()];
    let mut forbidden = Vec::new();
    let (mut depth, mut deepest_list) = (0, 0);
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH) {
        match event {
            Event::Text(t) | Event::Code(t) => blocks.last_mut().unwrap().push_str(&t),
            Event::SoftBreak | Event::HardBreak => blocks.last_mut().unwrap().push('\n'),
            Event::Html(h) | Event::InlineHtml(h) => forbidden.push(format!("html {h}")),
            Event::Start(Tag::Link { dest_url, .. }) => forbidden.push(format!("link {dest_url}")),
            Event::Start(Tag::Image { dest_url, .. }) => forbidden.push(format!("image {dest_url}")),
            Event::Start(Tag::Emphasis) => forbidden.push("emphasis".into()),
            Event::Start(Tag::Strikethrough) => forbidden.push("strikethrough".into()),
            Event::Start(Tag::CodeBlock(_)) => forbidden.push("code block".into()),
            Event::Start(Tag::BlockQuote(_)) => forbidden.push("quote".into()),
            Event::Start(Tag::List(_)) => {
                depth += 1;
                deepest_list = deepest_list.max(depth);
            }
            Event::End(TagEnd::List(_)) => depth -= 1,
            Event::Start(Tag::Paragraph | Tag::Item | Tag::Heading { .. } | Tag::TableCell) => {
                blocks.push(String::new())
            }
            _ => {}
        }
    }
    Rendered {
        blocks,
        forbidden,
        deepest_list,
    }
}

fn assert_all_text(name: &str, markdown: &str, texts: &[&str]) {
    let rendered = render(markdown);
    assert!(
        rendered.forbidden.is_empty(),
        "{name}: user text became markup: {:?}\n{markdown}",
        rendered.forbidden
    );
    assert_eq!(rendered.deepest_list, 1, "{name}: a list is nested\n{markdown}");
    for text in texts {
        // A line break in a note may be a soft break in the block: compare line by line.
        for line in text.lines() {
            assert!(
                rendered.blocks.iter().any(|b| b.contains(line)),
                "{name}: «{line}» is not shown as typed\n{markdown}\nblocks: {:#?}",
                rendered.blocks
            );
        }
    }
}

#[test]
fn the_status_report_shows_user_text_as_text_and_priority_lines_as_one_list() {
    let b = hostile();
    let md = report::render(&b, Lang::En, date(2026, 11, 29), Format::Markdown);
    assert_all_text(
        "report",
        &md,
        &["Tiltak <i>kursiv</i>", OWNER, PRIORITY, TITLE, SECOND, SECTOR],
    );
    assert!(
        render(&md).blocks.iter().any(|b| b.starts_with("1. [klikk]")),
        "the priority line keeps its rank as text\n{md}"
    );
    check_golden("report-hostile.md", &md);
}

#[test]
fn the_markdown_export_shows_user_text_as_text() {
    let b = hostile();
    let md = tiltak::export::markdown::status_report(&b, Lang::Nb, date(2026, 11, 29));
    assert_all_text(
        "export md",
        &md,
        &["Tiltak <i>kursiv</i>", OWNER, PRIORITY, TITLE, SECOND, LINK_LABEL],
    );
    check_golden("export-hostile.md", &md);
}

#[test]
fn the_minutes_show_user_text_as_text() {
    let b = hostile();
    let meeting = b.meetings[0].clone();
    let md = tiltak::export::minutes::minutes(&b, &meeting, Lang::Nb);
    assert_all_text("minutes", &md, &["Møte *1* <u>x</u>", OWNER, TITLE, DECISION]);
    check_golden("minutes-hostile.md", &md);
}
