//! `tiltak config --print-default`: a commented config file with every setting at its default,
//! the key bindings written out from the keymap table itself, so it never drifts from it.

use std::fmt::Write;

use super::COLOUR_ROLES;
use super::keys::{action_name, context_name, contexts, key_spelling};
use crate::app::Action;
use crate::app::keymap::BINDINGS;
use crate::domain::Status;
use crate::i18n::{Lang, Msg};
use crate::ui::theme::Palette;

/// A colour as the config file writes it (`cyan`, `lightblue`, `#ff8800`).
fn colour_name(colour: ratatui::style::Color) -> String {
    colour.to_string().to_lowercase()
}

/// The commented default config file, its comments in `lang`.
pub fn text(lang: Lang) -> String {
    let mut out = String::new();
    let comment = |out: &mut String, msg: Msg| {
        for line in lang.tr(msg).lines() {
            let _ = writeln!(out, "# {line}");
        }
    };
    comment(&mut out, Msg::ConfigHeader);
    out.push('\n');
    comment(&mut out, Msg::ConfigLanguage);
    out.push_str("# language = \"nb\"\n\n");
    comment(&mut out, Msg::ConfigDateFormat);
    out.push_str("# date_format = \"dd.mm.yyyy\"\n\n");
    comment(&mut out, Msg::ConfigMouse);
    out.push_str("mouse = true\n\n");
    comment(&mut out, Msg::ConfigOsc52);
    out.push_str("osc52 = true\n\n");
    comment(&mut out, Msg::ConfigAuthor);
    out.push_str("# author = \"Kari Nordmann\"\n\n");
    comment(&mut out, Msg::ConfigTheme);
    out.push_str("theme = \"default\"\n\n");
    comment(&mut out, Msg::ConfigColours);
    out.push_str("[colors]\n");
    let palette = Palette::DEFAULT;
    let roles = [
        palette.selection,
        palette.header,
        palette.focus,
        palette.dim,
        palette.label,
        palette.error,
        palette.ok,
        palette.warning,
        palette.matched,
    ];
    for (role, colour) in COLOUR_ROLES.iter().zip(roles) {
        let _ = writeln!(out, "# {role} = \"{}\"", colour_name(colour));
    }
    out.push_str("\n[status_colors]\n");
    for (status, colour) in Status::ALL.iter().zip(palette.status) {
        let _ = writeln!(out, "# {} = \"{}\"", status.key(), colour_name(colour));
    }
    out.push('\n');
    comment(&mut out, Msg::ConfigKeys);
    for context in contexts() {
        let _ = writeln!(out, "\n[keys.{}]", context_name(context));
        let mut actions: Vec<(Action, Vec<String>)> = Vec::new();
        for b in BINDINGS.iter().filter(|b| b.context == context) {
            let key = key_spelling(b.code, b.modifiers);
            match actions.iter_mut().find(|(a, _)| *a == b.action) {
                Some((_, keys)) if keys.contains(&key) => {}
                Some((_, keys)) => keys.push(key),
                None => actions.push((b.action, vec![key])),
            }
        }
        for (action, keys) in actions {
            let keys: Vec<String> = keys.iter().map(|k| format!("{k:?}")).collect();
            let _ = writeln!(
                out,
                "{} = [{}]  # {}",
                action_name(action),
                keys.join(", "),
                lang.tr(action.description())
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{Config, parse};

    #[test]
    fn the_default_file_reads_back_as_the_defaults_in_both_languages() {
        for lang in [Lang::Nb, Lang::En] {
            let text = text(lang);
            assert!(
                parse(&text, lang) == Ok(Config::default()),
                "{:?}",
                parse(&text, lang).err()
            );
            // The colour lines, switched on, name the default theme's colours.
            let on = text
                .lines()
                .map(|l| match l.strip_prefix("# ") {
                    Some(rest)
                        if rest.contains(" = \"")
                            && !rest.starts_with("language")
                            && !rest.starts_with("author")
                            && !rest.starts_with("date") =>
                    {
                        rest
                    }
                    _ => l,
                })
                .collect::<Vec<_>>()
                .join("\n");
            assert_ne!(on, text);
            assert!(
                parse(&on, lang) == Ok(Config::default()),
                "{:?}",
                parse(&on, lang).err()
            );
        }
    }
}
