//! Hard text on screen: wide (CJK, emoji with ZWJ) and combining characters (decomposed «å»)
//! stay inside their cells, so no border moves; with NO_COLOR nothing is coloured and the
//! selection is still visible.

mod common;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::Size;
use ratatui::style::{Color, Modifier};
use tiltak::app::App;
use tiltak::domain::{Backlog, MeasureDraft, OwnerDraft};
use tiltak::i18n::Lang;
use tiltak::ui::{self, Theme};

use common::{app_with, empty, press};

const HARD: [&str; 5] = [
    "Tjenester på tvers: æøå ÆØÅ",
    "Ga\u{30A}rdsbruk og a\u{30A}pne data",
    "デジタル化の推進と漢字の表示テスト長いタイトル",
    "Familie 👩\u{200D}👩\u{200D}👧 og rakett 🚀 i tittelen",
    "Plain ASCII title for comparison",
];

fn backlog(titles: &[&str]) -> Backlog {
    let mut b = empty(Lang::Nb);
    let (owner, _) = b
        .add_owner(OwnerDraft {
            name: "Åse 漢字 👩\u{200D}💻".into(),
            role: "utviklingsleder".into(),
            sector: None,
        })
        .unwrap();
    for title in titles {
        let mut draft = MeasureDraft::titled(title);
        draft.owner = Some(owner);
        draft.description = format!("{title}\n{title} {title}");
        b.add_measure(draft, common::NOW.parse().unwrap()).unwrap();
    }
    b
}

fn draw(app: &mut App, width: u16, height: u16, theme: Theme) -> Buffer {
    app.set_list_height(tiltak::ui::layout::list_rows(Size::new(width, height)));
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| ui::render(frame, app, theme)).unwrap();
    terminal.backend().buffer().clone()
}

fn vertical_borders(buffer: &Buffer) -> Vec<(u16, u16)> {
    let area = buffer.area;
    let mut found = Vec::new();
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            if matches!(buffer[(x, y)].symbol(), "│" | "┐" | "┘" | "┌" | "└") {
                found.push((x, y));
            }
        }
    }
    found
}

#[test]
fn wide_and_combining_text_keeps_every_border_in_place() {
    let plain: Vec<&str> = HARD.iter().map(|_| "Plain ASCII title for comparison").collect();
    for (width, height) in [(80, 24), (120, 40), (200, 60)] {
        for row in 0..HARD.len() {
            let (mut hard_app, _) = app_with(backlog(&HARD), Lang::Nb);
            let (mut plain_app, _) = app_with(backlog(&plain), Lang::Nb);
            for _ in 0..row {
                press(&mut hard_app, KeyCode::Down);
                press(&mut plain_app, KeyCode::Down);
            }
            let hard = draw(&mut hard_app, width, height, Theme::new(true));
            let reference = draw(&mut plain_app, width, height, Theme::new(true));
            let expected = vertical_borders(&reference);
            assert!(!expected.is_empty());
            for (x, y) in &expected {
                assert_eq!(
                    hard[(*x, *y)].symbol(),
                    reference[(*x, *y)].symbol(),
                    "{width}×{height}, row {row}: border at ({x},{y}) moved:\n{}",
                    common::screen(&mut hard_app, width, height)
                );
            }
            let text = common::screen(&mut hard_app, width, height);
            assert!(
                text.contains("æøå") && text.contains("a\u{30A}") && text.contains("デジタル"),
                "{text}"
            );
        }
    }
}

#[test]
fn no_color_draws_no_colour_and_the_selection_still_shows() {
    let (mut app, _) = app_with(common::demo(), Lang::En);
    press(&mut app, KeyCode::Down);
    let screens: Vec<(&str, Vec<KeyCode>)> = vec![
        ("measures", vec![]),
        ("owners", vec![KeyCode::Char('2'), KeyCode::Down]),
        ("priorities", vec![KeyCode::Char('3')]),
        ("help", vec![KeyCode::Char('?')]),
        ("form", vec![KeyCode::Esc, KeyCode::Char('1'), KeyCode::Char('e')]),
        ("confirm", vec![KeyCode::Esc, KeyCode::Char('d')]),
    ];
    for (name, keys) in screens {
        for key in keys {
            press(&mut app, key);
        }
        let buffer = draw(&mut app, 120, 40, Theme::new(false));
        for cell in buffer.content() {
            assert_eq!(cell.fg, Color::Reset, "{name}: coloured text {:?}", cell.symbol());
            assert_eq!(cell.bg, Color::Reset, "{name}: coloured background {:?}", cell.symbol());
        }
        if ["measures", "owners", "priorities"].contains(&name) {
            let marked: Vec<u16> = (0..40)
                .filter(|y| (0..120).any(|x| buffer[(x, *y)].symbol() == "▶"))
                .collect();
            assert_eq!(marked.len(), 1, "{name}: one selected row");
            let y = marked[0];
            let emphasised = (0..120).any(|x| {
                let m = buffer[(x, y)].modifier;
                m.contains(Modifier::REVERSED) || m.contains(Modifier::BOLD)
            });
            assert!(emphasised, "{name}: the selected row is bold or reversed");
        }
    }
}
