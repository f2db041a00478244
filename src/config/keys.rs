//! Key bindings in the config file: the names of contexts, actions and keys, and the keymap
//! table changed by the user's bindings.

use std::collections::HashMap;

use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use crate::app::Action;
use crate::app::keymap::{BINDINGS, Binding, Context, help_sections};

/// A context's name in the config file (`[keys.list]`): the keymap's own name in snake case.
pub fn context_name(context: Context) -> String {
    snake_case(&format!("{context:?}"))
}

/// Every context: the help's sections in its order, and the help itself.
pub fn contexts() -> Vec<Context> {
    let mut all = help_sections(Context::List);
    all.insert(1, Context::Help);
    all
}

/// An action's name in the config file: `new`, `status_forward`, `focus_measures`.
pub fn action_name(action: Action) -> String {
    snake_case(&format!("{action:?}").replace(['(', ')'], ""))
}

fn snake_case(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            out.push('_');
        }
        out.extend(c.to_lowercase());
    }
    out
}

const NAMED: &[(&str, KeyCode)] = &[
    ("Enter", KeyCode::Enter),
    ("Esc", KeyCode::Esc),
    ("Tab", KeyCode::Tab),
    ("Shift-Tab", KeyCode::BackTab),
    ("Space", KeyCode::Char(' ')),
    ("Up", KeyCode::Up),
    ("Down", KeyCode::Down),
    ("Left", KeyCode::Left),
    ("Right", KeyCode::Right),
    ("Home", KeyCode::Home),
    ("End", KeyCode::End),
    ("PgUp", KeyCode::PageUp),
    ("PgDn", KeyCode::PageDown),
    ("Backspace", KeyCode::Backspace),
    ("Delete", KeyCode::Delete),
    ("Insert", KeyCode::Insert),
];

/// How the config file writes a key: `n`, `G`, `Ctrl-r`, `Enter`, `Shift-Tab`, `F2`.
pub fn key_spelling(code: KeyCode, modifiers: KeyModifiers) -> String {
    let name = match code {
        KeyCode::Char(c) if c != ' ' => c.to_string(),
        KeyCode::F(n) => format!("F{n}"),
        other => NAMED
            .iter()
            .find(|(_, named)| *named == other)
            .map_or_else(|| format!("{other:?}"), |(name, _)| (*name).to_string()),
    };
    let mut prefix = String::new();
    if modifiers.contains(KeyModifiers::CONTROL) {
        prefix.push_str("Ctrl-");
    }
    if modifiers.contains(KeyModifiers::ALT) {
        prefix.push_str("Alt-");
    }
    prefix + &name
}

/// Reads a key as the config file writes it; names are read in any case (`ctrl-r`, `esc`).
pub fn parse_key(text: &str) -> Option<(KeyCode, KeyModifiers)> {
    let mut modifiers = KeyModifiers::NONE;
    // The prefixes are ASCII, so they are cut by their own length: lowercasing the whole text
    // could change its length in bytes (`İ`).
    let cut = |text: &str, prefix: &str| {
        text.get(..prefix.len())
            .filter(|head| head.eq_ignore_ascii_case(prefix) && text.len() > prefix.len())
            .map(|_| text[prefix.len()..].to_string())
    };
    let mut rest = text.trim().to_string();
    loop {
        if let Some(tail) = cut(&rest, "ctrl-") {
            modifiers |= KeyModifiers::CONTROL;
            rest = tail;
        } else if let Some(tail) = cut(&rest, "alt-") {
            modifiers |= KeyModifiers::ALT;
            rest = tail;
        } else {
            break;
        }
    }
    let mut chars = rest.chars();
    let code = match (chars.next(), chars.next()) {
        (Some(c), None) if !c.is_control() => KeyCode::Char(c),
        _ => {
            let lower = rest.to_lowercase();
            if let Some(n) = lower.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
                (1..=12).contains(&n).then_some(KeyCode::F(n))?
            } else {
                let aliases = [
                    ("pageup", KeyCode::PageUp),
                    ("pagedown", KeyCode::PageDown),
                    ("backtab", KeyCode::BackTab),
                ];
                NAMED
                    .iter()
                    .chain(aliases.iter())
                    .find(|(name, _)| name.to_lowercase() == lower)
                    .map(|(_, code)| *code)?
            }
        }
    };
    // Ctrl with a capital letter arrives as the small one: Ctrl-R is Ctrl-r.
    let code = match code {
        KeyCode::Char(c) if modifiers.contains(KeyModifiers::CONTROL) => KeyCode::Char(c.to_ascii_lowercase()),
        other => other,
    };
    Some((code, modifiers))
}

/// The user's keys for one action in one context, and the line they were written on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rebinding {
    pub context: Context,
    pub action: Action,
    pub keys: Vec<(KeyCode, KeyModifiers)>,
    pub line: usize,
}

/// Two bindings in one context that a key press could not tell apart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clash {
    pub context: Context,
    pub key: String,
    pub actions: [Action; 2],
    pub line: usize,
}

/// The keymap table with every rebinding applied: an action's keys in a context are replaced
/// by the user's (in each pane its defaults applied in, with its status-bar hint on the first
/// key). A key the user gave that another binding in the same context also answers to (in a
/// pane both apply in) is refused.
pub fn apply(rebindings: &[Rebinding]) -> Result<Vec<Binding>, Clash> {
    let mut bindings: Vec<(Binding, Option<usize>)> = BINDINGS.iter().map(|b| (*b, None)).collect();
    for rebinding in rebindings {
        let (context, action) = (rebinding.context, rebinding.action);
        let Some(at) = bindings
            .iter()
            .position(|(b, _)| b.context == context && b.action == action)
        else {
            continue;
        };
        let defaults: Vec<Binding> = bindings
            .iter()
            .filter(|(b, _)| b.context == context && b.action == action)
            .map(|(b, _)| *b)
            .collect();
        // The keys it has already (as the default file lists them): nothing to change.
        let mut current: Vec<(KeyCode, KeyModifiers)> = Vec::new();
        for b in &defaults {
            if !current.contains(&(b.code, b.modifiers)) {
                current.push((b.code, b.modifiers));
            }
        }
        if current == rebinding.keys {
            continue;
        }
        let mut scopes: Vec<_> = Vec::new();
        for b in &defaults {
            if !scopes.contains(&b.pane) {
                scopes.push(b.pane);
            }
        }
        let mut new: Vec<(Binding, Option<usize>)> = Vec::new();
        for pane in scopes {
            let hint = defaults.iter().filter(|b| b.pane == pane).find_map(|b| b.hint);
            for (i, (code, modifiers)) in rebinding.keys.iter().enumerate() {
                let binding = Binding {
                    context,
                    code: *code,
                    modifiers: *modifiers,
                    action,
                    hint: if i == 0 { hint } else { None },
                    pane,
                };
                new.push((binding, Some(rebinding.line)));
            }
        }
        bindings.retain(|(b, _)| !(b.context == context && b.action == action));
        let at = at.min(bindings.len());
        bindings.splice(at..at, new);
    }
    check_clashes(&bindings)?;
    Ok(bindings.into_iter().map(|(b, _)| b).collect())
}

/// Pairs of bindings in one context on the same key whose panes overlap: a key press in a pane
/// both apply in could mean either (the table itself lets a pane's own key win over a general
/// one on purpose, as `n` starts a review in Meetings).
fn overlapping<T: Copy>(bindings: &[(Binding, T)]) -> Vec<[&(Binding, T); 2]> {
    let normalized = |m: KeyModifiers| m - KeyModifiers::SHIFT;
    type SameKey = (Context, KeyCode, KeyModifiers);
    let mut by_key: HashMap<SameKey, Vec<&(Binding, T)>> = HashMap::new();
    for entry in bindings {
        let (b, _) = entry;
        by_key
            .entry((b.context, b.code, normalized(b.modifiers)))
            .or_default()
            .push(entry);
    }
    let mut pairs = Vec::new();
    for same_key in by_key.values() {
        for (i, first) in same_key.iter().enumerate() {
            for second in &same_key[i + 1..] {
                let (a, b) = (&first.0, &second.0);
                if (a.pane.is_none() || b.pane.is_none() || a.pane == b.pane) && a.action != b.action {
                    pairs.push([*first, *second]);
                }
            }
        }
    }
    pairs
}

fn check_clashes(bindings: &[(Binding, Option<usize>)]) -> Result<(), Clash> {
    let table: Vec<(Binding, ())> = BINDINGS.iter().map(|b| (*b, ())).collect();
    let scope = |b: &Binding| (b.action, b.pane);
    let by_design: Vec<[(Action, Option<crate::app::Pane>); 2]> = overlapping(&table)
        .into_iter()
        .flat_map(|[(a, ()), (b, ())]| [[scope(a), scope(b)], [scope(b), scope(a)]])
        .collect();
    let mut clashes: Vec<Clash> = Vec::new();
    for [(a, a_line), (b, b_line)] in overlapping(bindings) {
        let user_made = a_line.or(*b_line);
        if let Some(line) = user_made.filter(|_| !by_design.contains(&[scope(a), scope(b)])) {
            // The user's binding first: that is the line to change.
            let actions = if a_line.is_some() {
                [a.action, b.action]
            } else {
                [b.action, a.action]
            };
            clashes.push(Clash {
                context: a.context,
                key: key_spelling(a.code, a.modifiers),
                actions,
                line,
            });
        }
    }
    // The first one in the file, so the message is the same every run.
    match clashes.into_iter().min_by_key(|c| (c.line, c.key.clone())) {
        Some(clash) => Err(clash),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_the_keymap() {
        assert_eq!(action_name(Action::StatusForward), "status_forward");
        assert_eq!(action_name(Action::Focus(crate::app::Pane::Measures)), "focus_measures");
        assert_eq!(context_name(Context::GoTo), "go_to");
    }

    #[test]
    fn every_key_of_the_table_spells_and_reads_back() {
        for b in BINDINGS {
            let spelled = key_spelling(b.code, b.modifiers);
            assert_eq!(parse_key(&spelled), Some((b.code, b.modifiers)), "{spelled}");
        }
        assert_eq!(parse_key("ctrl-R"), Some((KeyCode::Char('r'), KeyModifiers::CONTROL)));
        assert_eq!(parse_key("pagedown"), Some((KeyCode::PageDown, KeyModifiers::NONE)));
        assert_eq!(parse_key("Hyper-x"), None);
        assert_eq!(parse_key(""), None);
    }

    #[test]
    fn a_key_whose_lowercase_is_longer_reads_without_a_panic() {
        assert_eq!(parse_key("Ctrl-İ"), Some((KeyCode::Char('İ'), KeyModifiers::CONTROL)));
        assert_eq!(parse_key("İİ-x"), None);
    }
}
