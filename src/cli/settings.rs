//! `tiltak settings`: the backlog's name and settings, and `tiltak settings set KEY VALUE`,
//! checked by the same rules as the Settings form.

use std::fmt::Write;
use std::path::Path;

use unicode_width::UnicodeWidthStr;

use crate::app::form::setting::{SettingKey, SettingValues};
use crate::cli::{Failure, lock_for_writing, open, open_for_writing, save_failure, write_stdout};
use crate::domain::text::visible;
use crate::i18n::{Lang, Msg};
use crate::store;

/// One line per setting: its key, its value, and what it is in `lang`.
pub fn show(path: &Path, lang: Lang) -> Result<(), Failure> {
    let (backlog, _) = open(path, lang)?;
    let values = SettingValues::of(&backlog);
    let rows: Vec<(&str, String, &str)> = SettingKey::ALL
        .into_iter()
        .map(|key| {
            (
                key.key(),
                visible(&values.text(key, lang)).into_owned(),
                lang.tr(key.label()),
            )
        })
        .collect();
    let key_width = rows.iter().map(|(key, _, _)| key.width()).max().unwrap_or(0);
    let value_width = rows.iter().map(|(_, value, _)| value.width()).max().unwrap_or(0);
    let mut out = String::new();
    for (key, value, label) in rows {
        let pad = value_width - value.width();
        let _ = writeln!(out, "{key:<key_width$}  {value}{}  ({label})", " ".repeat(pad));
    }
    write_stdout(visible(&out).as_bytes())
}

/// Changes one setting; a value the form would refuse is refused with its message and
/// nothing is written. Waits for the lock like every write (refused while the app has it).
pub fn set(path: &Path, lang: Lang, key: &str, value: &str) -> Result<(), Failure> {
    let Some(key) = SettingKey::parse(key) else {
        let known: Vec<&str> = SettingKey::ALL.iter().map(|k| k.key()).collect();
        return Err(Failure::usage(
            lang.fill(Msg::ErrUnknownSetting, &[("key", key), ("known", &known.join(", "))]),
        ));
    };
    let _lock = lock_for_writing(path, lang)?;
    let mut backlog = open_for_writing(path, lang)?;
    let before = SettingValues::of(&backlog);
    let mut values = before.clone();
    values
        .set(key, value, lang)
        .map_err(|error| Failure::usage(lang.fill(Msg::ErrBadSetting, &[("key", key.key()), ("error", &error)])))?;
    let label = lang.tr(key.label());
    let (old, new) = (before.text(key, lang), values.text(key, lang));
    let edit = backlog
        .update_settings(&values.name, values.settings)
        .map_err(|e| Failure::usage(e.to_string()))?;
    if edit.is_none() {
        println!(
            "{}",
            visible(&lang.fill(Msg::SettingUnchanged, &[("label", label), ("value", &old)]))
        );
        return Ok(());
    }
    store::save(&backlog, path).map_err(|e| save_failure(path, lang, &e))?;
    println!(
        "{}",
        visible(&lang.fill(Msg::SettingChanged, &[("label", label), ("old", &old), ("new", &new)]))
    );
    Ok(())
}
