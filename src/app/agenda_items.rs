//! `a` on the meeting set-up's agenda: one picker offers the measures and the glossary terms
//! not on it yet (terms are agreed in meetings too), and the choice joins the agenda, measures
//! before terms as the review takes them.

use super::picker::{PickChoice, Picker, PickerKind, measure_label};
use super::review::Screen;
use super::update::say;
use super::{App, Overlay};
use crate::domain::TermStatus;
use crate::domain::text::single_line;
use crate::i18n::Msg;

/// Opens the picker over what is not on the set-up's agenda: measures, then terms in use.
pub(super) fn open(app: &mut App) {
    let Screen::Setup(setup) = &app.screen else { return };
    let lang = app.lang;
    let measures = app
        .backlog
        .measures
        .iter()
        .filter(|m| !setup.agenda.contains(&m.id))
        .map(|m| {
            let label = format!("{} ({})", measure_label(m), lang.status(m.status));
            (label, PickChoice::Measure(m.id))
        });
    let terms = app
        .backlog
        .glossary
        .iter()
        .filter(|t| t.status != TermStatus::Retired && !setup.terms.contains(&t.id))
        .map(|t| {
            let kind = lang.fill(Msg::PickerTermOption, &[("status", lang.term_status(t.status))]);
            (
                format!("{} {} ({kind})", t.id, single_line(&t.term)),
                PickChoice::Term(t.id),
            )
        });
    let options: Vec<(String, PickChoice)> = measures.chain(terms).collect();
    if options.is_empty() {
        return say(app, lang.tr(Msg::MsgNothingToAdd).to_string());
    }
    app.overlay = Overlay::Picker(Box::new(Picker::choose_among(PickerKind::AgendaItem, options)));
}

/// `Enter` in the picker: the chosen measure or term joins the agenda, under the cursor.
pub(super) fn chosen(app: &mut App, picker: &Picker) {
    let Screen::Setup(setup) = &mut app.screen else { return };
    let id = match picker.current().map(|o| o.choice.clone()) {
        Some(PickChoice::Measure(id)) => {
            setup.agenda.push(id);
            setup.cursor = setup.agenda.len() - 1;
            id.to_string()
        }
        Some(PickChoice::Term(id)) => {
            setup.terms.push(id);
            setup.cursor = setup.len() - 1;
            id.to_string()
        }
        _ => return,
    };
    setup.on_agenda = true;
    let text = app.lang.fill(Msg::MsgAddedToAgenda, &[("id", &id)]);
    say(app, text);
}
