//! The user's own config file (`~/.config/tiltak/config.toml`): keys, colours, date display,
//! language, mouse, clipboard and the author name. Not part of the shared backlog: each person
//! has their own. A missing file means the defaults; a broken one is refused with the line.

pub mod default_file;
pub mod keys;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use ratatui::style::Color;
use serde::Deserialize;
use toml::Spanned;

use crate::app::keymap::Keymap;
use crate::domain::Status;
use crate::i18n::{DateStyle, Lang, Msg};
use crate::ui::theme::{Palette, THEMES};

/// `TILTAK_CONFIG` names another config file, as `--config` does.
pub const ENV_VAR: &str = "TILTAK_CONFIG";

/// What the config file says, with the defaults for what it leaves out.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    pub lang: Option<Lang>,
    pub dates: DateStyle,
    pub mouse: bool,
    pub osc52: bool,
    /// The name log entries are written under; the caller decides what comes instead.
    pub author: Option<String>,
    pub palette: Palette,
    pub keymap: Keymap,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            lang: None,
            dates: DateStyle::Language,
            mouse: true,
            osc52: true,
            author: None,
            palette: Palette::DEFAULT,
            keymap: Keymap::default(),
        }
    }
}

/// Why a config file was refused: on which line, and what is wrong there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub path: PathBuf,
    pub line: Option<usize>,
    pub problem: String,
}

impl ConfigError {
    pub fn message(&self, lang: Lang) -> String {
        let path = self.path.display().to_string();
        match self.line {
            Some(line) => lang.fill(
                Msg::ConfigErrLine,
                &[("path", &path), ("line", &line.to_string()), ("problem", &self.problem)],
            ),
            None => lang.fill(Msg::ConfigErr, &[("path", &path), ("problem", &self.problem)]),
        }
    }
}

/// The config file to read: `--config`, else `TILTAK_CONFIG`, else `config.toml` in the
/// user's config directory (`~/.config/tiltak/` on Linux).
pub fn path(flag: Option<&Path>) -> Option<PathBuf> {
    if let Some(path) = flag {
        return Some(path.to_path_buf());
    }
    if let Some(env) = std::env::var_os(ENV_VAR).filter(|v| !v.is_empty()) {
        return Some(PathBuf::from(env));
    }
    directories::ProjectDirs::from("no", "tiltak", "tiltak").map(|dirs| dirs.config_dir().join("config.toml"))
}

/// Reads the config at `path`; no file there is the defaults. A file named on purpose
/// (`explicit`) must exist.
pub fn load(path: &Path, explicit: bool, lang: Lang) -> Result<Config, ConfigError> {
    let fail = |problem: String| ConfigError {
        path: path.to_path_buf(),
        line: None,
        problem,
    };
    match std::fs::read_to_string(path) {
        Ok(text) => parse(&text, lang).map_err(|(line, problem)| ConfigError {
            path: path.to_path_buf(),
            line,
            problem,
        }),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound && !explicit => Ok(Config::default()),
        Err(error) => Err(fail(error.to_string())),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    language: Option<Spanned<String>>,
    date_format: Option<Spanned<String>>,
    mouse: Option<bool>,
    osc52: Option<bool>,
    author: Option<String>,
    theme: Option<Spanned<String>>,
    #[serde(default)]
    colors: BTreeMap<Spanned<String>, Spanned<String>>,
    #[serde(default)]
    status_colors: BTreeMap<Spanned<String>, Spanned<String>>,
    #[serde(default)]
    keys: BTreeMap<Spanned<String>, BTreeMap<Spanned<String>, Spanned<KeyList>>>,
}

/// One key (`"n"`) or several (`["n", "Ctrl-n"]`).
struct KeyList(Vec<String>);

impl<'de> Deserialize<'de> for KeyList {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<KeyList, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = KeyList;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a key such as \"n\" or a list of keys such as [\"n\", \"Ctrl-n\"]")
            }
            fn visit_str<E: serde::de::Error>(self, key: &str) -> Result<KeyList, E> {
                Ok(KeyList(vec![key.to_string()]))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<KeyList, A::Error> {
                let mut keys = Vec::new();
                while let Some(key) = seq.next_element::<String>()? {
                    keys.push(key);
                }
                Ok(KeyList(keys))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

/// The line `at` (a byte offset) is on, counted from 1.
fn line_of(text: &str, at: usize) -> usize {
    text.get(..at).unwrap_or(text).matches('\n').count() + 1
}

type Problem = (Option<usize>, String);

/// The configuration `text` describes, or the line and what is wrong there.
pub fn parse(text: &str, lang: Lang) -> Result<Config, Problem> {
    let file: File = toml::from_str(text).map_err(|error| {
        let line = error.span().map(|span| line_of(text, span.start));
        (line, error.message().to_string())
    })?;
    let at = |span: std::ops::Range<usize>| Some(line_of(text, span.start));
    let refuse = |span: std::ops::Range<usize>, msg: Msg, values: &[(&str, &str)]| -> Problem {
        (at(span), lang.fill(msg, values))
    };
    let mut config = Config::default();
    if let Some(language) = &file.language {
        config.lang = Some(Lang::parse(language.get_ref()).ok_or_else(|| {
            refuse(
                language.span(),
                Msg::ConfigBadLanguage,
                &[("value", language.get_ref())],
            )
        })?);
    }
    if let Some(format) = &file.date_format {
        config.dates = match format.get_ref().to_lowercase().as_str() {
            "dd.mm.yyyy" => DateStyle::DayMonthYear,
            "iso" | "yyyy-mm-dd" => DateStyle::Iso,
            _ => {
                return Err(refuse(
                    format.span(),
                    Msg::ConfigBadDateFormat,
                    &[("value", format.get_ref())],
                ));
            }
        };
    }
    config.mouse = file.mouse.unwrap_or(true);
    config.osc52 = file.osc52.unwrap_or(true);
    config.author = file.author.map(|a| a.trim().to_string()).filter(|a| !a.is_empty());
    if let Some(theme) = &file.theme {
        config.palette = Palette::named(theme.get_ref()).ok_or_else(|| {
            refuse(
                theme.span(),
                Msg::ConfigBadTheme,
                &[("value", theme.get_ref()), ("known", &THEMES.join(", "))],
            )
        })?;
    }
    let colour = |value: &Spanned<String>| -> Result<Color, Problem> {
        value
            .get_ref()
            .parse::<Color>()
            .map_err(|_| refuse(value.span(), Msg::ConfigBadColour, &[("value", value.get_ref())]))
    };
    for (role, value) in &file.colors {
        let colour = colour(value)?;
        let palette = &mut config.palette;
        let slot = match role.get_ref().as_str() {
            "selection" => &mut palette.selection,
            "header" => &mut palette.header,
            "focus" => &mut palette.focus,
            "dim" => &mut palette.dim,
            "label" => &mut palette.label,
            "error" => &mut palette.error,
            "ok" => &mut palette.ok,
            "warning" => &mut palette.warning,
            "matched" => &mut palette.matched,
            other => {
                return Err(refuse(
                    role.span(),
                    Msg::ConfigBadRole,
                    &[("value", other), ("known", &COLOUR_ROLES.join(", "))],
                ));
            }
        };
        *slot = colour;
    }
    for (status, value) in &file.status_colors {
        let colour = colour(value)?;
        let at = Status::ALL
            .iter()
            .position(|s| s.key() == status.get_ref())
            .ok_or_else(|| {
                let known: Vec<&str> = Status::ALL.iter().map(|s| s.key()).collect();
                refuse(
                    status.span(),
                    Msg::ConfigBadStatus,
                    &[("value", status.get_ref()), ("known", &known.join(", "))],
                )
            })?;
        config.palette.status[at] = colour;
    }
    let mut rebindings = Vec::new();
    for (context_key, actions) in &file.keys {
        let context = keys::contexts()
            .into_iter()
            .find(|c| keys::context_name(*c) == *context_key.get_ref())
            .ok_or_else(|| {
                let known: Vec<String> = keys::contexts().into_iter().map(keys::context_name).collect();
                refuse(
                    context_key.span(),
                    Msg::ConfigBadContext,
                    &[("value", context_key.get_ref()), ("known", &known.join(", "))],
                )
            })?;
        for (action_key, list) in actions {
            let action = crate::app::keymap::BINDINGS
                .iter()
                .filter(|b| b.context == context)
                .map(|b| b.action)
                .find(|a| keys::action_name(*a) == *action_key.get_ref())
                .ok_or_else(|| {
                    refuse(
                        action_key.span(),
                        Msg::ConfigBadAction,
                        &[("value", action_key.get_ref()), ("context", context_key.get_ref())],
                    )
                })?;
            let mut parsed = Vec::new();
            for key in &list.get_ref().0 {
                parsed.push(
                    keys::parse_key(key).ok_or_else(|| refuse(list.span(), Msg::ConfigBadKey, &[("value", key)]))?,
                );
            }
            rebindings.push(keys::Rebinding {
                context,
                action,
                keys: parsed,
                line: line_of(text, list.span().start),
            });
        }
    }
    let bindings = keys::apply(&rebindings).map_err(|clash| {
        let [first, second] = clash.actions.map(keys::action_name);
        (
            Some(clash.line),
            lang.fill(
                Msg::ConfigClash,
                &[
                    ("key", &clash.key),
                    ("context", &keys::context_name(clash.context)),
                    ("first", &first),
                    ("second", &second),
                ],
            ),
        )
    })?;
    config.keymap = Keymap::from_bindings(bindings);
    Ok(config)
}

/// The roles `[colors]` can set.
pub const COLOUR_ROLES: [&str; 9] = [
    "selection",
    "header",
    "focus",
    "dim",
    "label",
    "error",
    "ok",
    "warning",
    "matched",
];
