//! Where each part of the screen goes. Pure geometry, shared by render and by update (which
//! needs the list height for paging and scrolling).

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
