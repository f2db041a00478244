//! Colours and emphasis. With NO_COLOR set, only bold, reverse and symbols carry meaning.
//! Every colour on screen comes from the [`Palette`] of a built-in theme, changed per role by
//! the user's config file.

use ratatui::style::{Color, Modifier, Style};

use crate::domain::Status;
use crate::i18n::{DateStyle, Lang};

/// The colour of every role on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    /// The selected row (shown reversed, so this is its background).
    pub selection: Color,
    pub header: Color,
    /// The border of the focused pane.
    pub focus: Color,
    pub dim: Color,
    pub label: Color,
    pub error: Color,
    pub ok: Color,
    pub warning: Color,
    /// Matched characters of a search.
    pub matched: Color,
    /// Text on the warning colour (the triage chip).
    pub on_warning: Color,
    /// The Overview's shading: light, middle and strong background.
    pub shade: [Color; 3],
    /// Text on the middle and strong shading.
    pub on_shade: [Color; 2],
    /// Per status, in [`Status::ALL`] order.
    pub status: [Color; 7],
}

/// The themes that come with the app, by the name the config file uses.
pub const THEMES: [&str; 3] = ["default", "light", "high-contrast"];

impl Palette {
    /// For dark terminals, as the app always looked.
    pub const DEFAULT: Palette = Palette {
        selection: Color::Cyan,
        header: Color::Yellow,
        focus: Color::Cyan,
        dim: Color::DarkGray,
        label: Color::Cyan,
        error: Color::Red,
        ok: Color::Green,
        warning: Color::Yellow,
        matched: Color::LightYellow,
        on_warning: Color::Black,
        shade: [Color::Cyan, Color::Blue, Color::Cyan],
        on_shade: [Color::White, Color::Black],
        status: [
            Color::Gray,
            Color::Yellow,
            Color::LightBlue,
            Color::Cyan,
            Color::Green,
            Color::DarkGray,
            Color::Red,
        ],
    };

    /// For terminals with a light background: no yellow or light colours on white.
    pub const LIGHT: Palette = Palette {
        selection: Color::Blue,
        header: Color::Magenta,
        focus: Color::Blue,
        // Light grey would vanish on white; the terminal's dark grey is a mid grey there.
        dim: Color::DarkGray,
        label: Color::Blue,
        error: Color::Red,
        ok: Color::Green,
        warning: Color::Magenta,
        matched: Color::Red,
        on_warning: Color::White,
        shade: [Color::Blue, Color::LightBlue, Color::Blue],
        on_shade: [Color::Black, Color::White],
        status: [
            Color::Black,
            Color::Magenta,
            Color::Blue,
            Color::Cyan,
            Color::Green,
            Color::DarkGray,
            Color::Red,
        ],
    };

    /// For projectors: bright colours only, nothing grey that fades on a wall.
    pub const HIGH_CONTRAST: Palette = Palette {
        selection: Color::LightYellow,
        header: Color::LightYellow,
        focus: Color::White,
        dim: Color::White,
        label: Color::LightCyan,
        error: Color::LightRed,
        ok: Color::LightGreen,
        warning: Color::LightYellow,
        matched: Color::LightMagenta,
        on_warning: Color::Black,
        shade: [Color::LightCyan, Color::LightBlue, Color::LightYellow],
        on_shade: [Color::Black, Color::Black],
        status: [
            Color::White,
            Color::LightYellow,
            Color::LightBlue,
            Color::LightCyan,
            Color::LightGreen,
            Color::White,
            Color::LightRed,
        ],
    };

    /// A built-in theme by its config name.
    pub fn named(name: &str) -> Option<Palette> {
        match name {
            "default" => Some(Palette::DEFAULT),
            "light" => Some(Palette::LIGHT),
            "high-contrast" => Some(Palette::HIGH_CONTRAST),
            _ => None,
        }
    }
}

/// How the screen shows things: colours, and (set from the app each frame) dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
    pub palette: Palette,
    pub dates: DateStyle,
}

impl Theme {
    /// The default colours, or none at all.
    pub fn new(color: bool) -> Theme {
        Theme {
            color,
            palette: Palette::DEFAULT,
            dates: DateStyle::Language,
        }
    }

    /// Honours the NO_COLOR convention (any non-empty value).
    pub fn from_env(palette: Palette) -> Theme {
        Theme {
            color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
            palette,
            dates: DateStyle::Language,
        }
    }

    /// A date as the user chose to see dates.
    pub fn date(self, lang: Lang, date: jiff::civil::Date) -> String {
        lang.date_as(self.dates, date)
    }

    fn fg(self, color: Color) -> Style {
        if self.color {
            Style::default().fg(color)
        } else {
            Style::default()
        }
    }

    pub fn selected(self) -> Style {
        let style = Style::default().add_modifier(Modifier::BOLD | Modifier::REVERSED);
        if self.color {
            style.fg(self.palette.selection)
        } else {
            style
        }
    }

    pub fn header(self) -> Style {
        self.fg(self.palette.header).add_modifier(Modifier::BOLD)
    }

    pub fn border(self, focused: bool) -> Style {
        if focused {
            self.fg(self.palette.focus).add_modifier(Modifier::BOLD)
        } else {
            self.fg(self.palette.dim)
        }
    }

    pub fn dim(self) -> Style {
        self.fg(self.palette.dim)
    }

    pub fn label(self) -> Style {
        self.fg(self.palette.label)
    }

    pub fn error(self) -> Style {
        self.fg(self.palette.error).add_modifier(Modifier::BOLD)
    }

    pub fn ok(self) -> Style {
        self.fg(self.palette.ok)
    }

    pub fn warn(self) -> Style {
        self.fg(self.palette.warning).add_modifier(Modifier::BOLD)
    }

    pub fn chip(self) -> Style {
        let style = Style::default().add_modifier(Modifier::BOLD);
        if self.color {
            style.fg(self.palette.on_warning).bg(self.palette.warning)
        } else {
            style
        }
    }

    /// Matched characters of a search: underlined and bold, so they show without colour too.
    pub fn matched(self) -> Style {
        self.fg(self.palette.matched)
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }

    pub fn title(self) -> Style {
        Style::default().add_modifier(Modifier::BOLD)
    }

    /// The Overview's shading of a cell at `level` 1 (few) to 3 (most).
    pub fn shade(self, level: usize) -> Style {
        let [light, middle, strong] = self.palette.shade;
        let [on_middle, on_strong] = self.palette.on_shade;
        match (self.color, level) {
            (false, 3) => Style::default().add_modifier(Modifier::BOLD),
            (false, _) => Style::default(),
            (true, 1) => Style::default().fg(light),
            (true, 2) => Style::default().fg(on_middle).bg(middle),
            (true, _) => Style::default().fg(on_strong).bg(strong).add_modifier(Modifier::BOLD),
        }
    }

    pub fn status(self, status: Status) -> Style {
        let at = Status::ALL.iter().position(|s| *s == status).unwrap_or(0);
        self.fg(self.palette.status[at])
    }
}
