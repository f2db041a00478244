//! Where each part of the screen goes. Pure geometry, shared by render and by the event loop
//! (which tells the app the list height for paging and scrolling).

use ratatui::layout::{Constraint, Layout, Rect, Size};

pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 15;
/// From this width the detail panel sits beside the list instead of below it.
pub const SIDE_BY_SIDE_WIDTH: u16 = 140;

pub struct Areas {
    pub tabs: Rect,
    pub list: Rect,
    pub detail: Rect,
    pub status: Rect,
}

pub fn too_small(size: Size) -> bool {
    size.width < MIN_WIDTH || size.height < MIN_HEIGHT
}

pub fn areas(size: Size) -> Areas {
    let screen = Rect::new(0, 0, size.width, size.height);
    let [tabs, body, status] =
        Layout::vertical([Constraint::Length(1), Constraint::Fill(1), Constraint::Length(1)]).areas(screen);
    let [list, detail] = if size.width >= SIDE_BY_SIDE_WIDTH {
        Layout::horizontal([Constraint::Percentage(62), Constraint::Percentage(38)]).areas(body)
    } else {
        Layout::vertical([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(body)
    };
    Areas {
        tabs,
        list,
        detail,
        status,
    }
}

/// Rows of data a list shows at once: the list's height less its border and header.
pub fn list_rows(size: Size) -> usize {
    usize::from(areas(size).list.height.saturating_sub(3))
}

/// A rectangle of at most `width` × `height`, centred in `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    )
}

/// The longest start of `text` that leaves room for a `…` within `width` columns; `None` when
/// the whole text fits.
fn cut_before(text: &str, width: usize) -> Option<String> {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    if text.width() <= width {
        return None;
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    Some(out)
}

/// `text` cut to `width` columns with `…` when something was cut. An opening quote or bracket
/// left dangling at the cut goes too (`«Min side»` never shows as a lone `«`).
pub fn fit(text: &str, width: usize) -> String {
    match cut_before(text, width) {
        None => text.to_string(),
        Some(_) if width == 0 => String::new(),
        Some(out) => {
            let kept = out.trim_end_matches(|c: char| c.is_whitespace() || "«“‘\"'([{".contains(c));
            format!("{kept}…")
        }
    }
}

/// `text` cut to `width` columns at a word boundary where one is near, ending in `…`.
pub fn shortened(text: &str, width: usize) -> String {
    match cut_before(text, width) {
        None => text.to_string(),
        Some(_) if width == 0 => String::new(),
        Some(mut out) => {
            // Back off to the last space if it keeps most of the room.
            if let Some(space) = out.rfind(' ').filter(|i| *i * 3 >= out.len() * 2) {
                out.truncate(space);
            }
            format!("{}…", out.trim_end())
        }
    }
}

/// Short labels joined with commas, as many whole ones as fit in `width`, then `…`: never a
/// label cut in half or a trailing comma.
pub fn fit_list(labels: &[String], width: usize) -> String {
    use unicode_width::UnicodeWidthStr;
    let all = labels.join(",");
    if all.width() <= width {
        return all;
    }
    let mut out = String::new();
    for label in labels {
        let next = if out.is_empty() {
            label.clone()
        } else {
            format!("{out},{label}")
        };
        if next.width() + 1 > width {
            break;
        }
        out = next;
    }
    format!("{out}…")
}

#[cfg(test)]
mod fit_tests {
    use super::{fit, fit_list};

    #[test]
    fn a_cut_title_ends_in_an_ellipsis_and_no_dangling_quote() {
        assert_eq!(
            fit("Felles innbyggerinngang «Min side»", 25),
            "Felles innbyggerinngang…"
        );
        assert_eq!(
            fit("Felles innbyggerinngang «Min side»", 40),
            "Felles innbyggerinngang «Min side»"
        );
        assert_eq!(fit("abcdef", 4), "abc…");
    }

    #[test]
    fn a_cut_list_keeps_whole_labels() {
        let labels: Vec<String> = ["U&D", "Øko", "Org"].map(String::from).to_vec();
        assert_eq!(fit_list(&labels, 11), "U&D,Øko,Org");
        assert_eq!(fit_list(&labels, 9), "U&D,Øko…");
        assert_eq!(fit_list(&labels, 6), "U&D…");
        assert_eq!(fit_list(&labels, 3), "…");
    }
}
