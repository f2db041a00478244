//! The small overlay behind quick-assign and view choice: a list of options filtered fuzzily as
//! you type, single choice or (sectors, priorities) several checked with Tab.

use super::typeahead::TypeAhead;
use crate::domain::{Assignment, Backlog, MeasureId, OwnerId, PriorityId, SectorId};
use crate::i18n::{Lang, Msg};
use crate::search::fold::fold;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickerKind {
    Owner,
    Sectors,
    Priorities,
    Value,
    Effort,
    OpenView,
    DeleteView,
    Status,
    // issue 16: dependencies and links
    DependsOn,
    PartOf,
    OpenLink,
    Follow,
    // issue 16: glossary terms on the agenda from the meeting set-up
    AgendaItem,
    // issue 14: one picker everywhere
    /// A choice field of a form or a row of the filter panel, titled by its label.
    Field {
        label: Msg,
        multi: bool,
    },
}

impl PickerKind {
    pub fn title(self) -> Msg {
        match self {
            PickerKind::Owner => Msg::FieldOwner,
            PickerKind::Sectors => Msg::FieldSectors,
            PickerKind::Priorities => Msg::FieldPriorities,
            PickerKind::Value => Msg::FieldValue,
            PickerKind::Effort => Msg::FieldEffort,
            PickerKind::Status => Msg::FieldStatus,
            PickerKind::OpenView => Msg::PickerOpenView,
            PickerKind::DeleteView => Msg::PickerDeleteView,
            PickerKind::DependsOn => Msg::FieldDependsOn,
            PickerKind::PartOf => Msg::FieldPartOf,
            PickerKind::OpenLink => Msg::PickerOpenLink,
            PickerKind::Follow => Msg::PickerFollow,
            PickerKind::AgendaItem => Msg::PickerAgendaItem,
            PickerKind::Field { label, .. } => label,
        }
    }

    pub fn is_multi(self) -> bool {
        matches!(
            self,
            PickerKind::Sectors
                | PickerKind::Priorities
                | PickerKind::DependsOn
                | PickerKind::Field { multi: true, .. }
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PickChoice {
    Nothing,
    Owner(OwnerId),
    Sector(SectorId),
    Priority(PriorityId),
    Number(u8),
    Status(crate::domain::Status),
    Triage,
    Overdue,
    Saved(String),
    // issue 16: dependencies and links
    Measure(MeasureId),
    /// The link at this place in the measure's links.
    Link(usize),
    /// A glossary term (the set-up's agenda picker).
    Term(crate::domain::TermId),
    // issue 14: one picker everywhere
    /// The option at this place in the field's (or filter row's) own list.
    Index(usize),
}

#[derive(Debug, Clone)]
pub struct PickOption {
    pub label: String,
    folded: String,
    pub choice: PickChoice,
}

fn option(label: String, choice: PickChoice) -> PickOption {
    PickOption {
        folded: fold(&label),
        label,
        choice,
    }
}

/// "T-3 Title", for choosing among measures.
pub fn measure_label(m: &crate::domain::Measure) -> String {
    format!("{} {}", m.id, crate::domain::text::single_line(&m.title))
}

fn measure_option(m: &crate::domain::Measure) -> PickOption {
    option(measure_label(m), PickChoice::Measure(m.id))
}

#[derive(Debug, Clone)]
pub struct Picker {
    pub kind: PickerKind,
    /// The measures an assignment goes to.
    pub targets: Vec<MeasureId>,
    pub options: Vec<PickOption>,
    /// Multi-select: which options are checked now, and which were when the picker opened.
    pub checked: Vec<bool>,
    initial: Vec<bool>,
    pub find: TypeAhead,
}

impl Picker {
    fn new(kind: PickerKind, targets: Vec<MeasureId>, options: Vec<PickOption>, checked: Vec<bool>) -> Picker {
        let shown = (0..options.len()).collect();
        Picker {
            kind,
            targets,
            options,
            initial: checked.clone(),
            checked,
            find: TypeAhead {
                query: String::new(),
                shown,
                ..TypeAhead::default()
            },
        }
    }

    /// A picker for `kind` over `targets`, pre-set from what the targets have in common.
    pub fn assign(kind: PickerKind, targets: Vec<MeasureId>, backlog: &Backlog, lang: Lang) -> Picker {
        let measures: Vec<_> = targets.iter().filter_map(|id| backlog.measure(*id)).collect();
        let all_have =
            |test: &dyn Fn(&crate::domain::Measure) -> bool| !measures.is_empty() && measures.iter().all(|m| test(m));
        let none = || option(lang.tr(Msg::None).to_string(), PickChoice::Nothing);
        let (options, checked, current) = match kind {
            PickerKind::Owner => {
                let mut owners: Vec<_> = backlog.owners.iter().collect();
                owners.sort_by(|a, b| crate::search::sort::compare_titles(&a.name, &b.name));
                let options: Vec<PickOption> = std::iter::once(none())
                    .chain(owners.into_iter().map(|o| {
                        let label = if o.role.is_empty() {
                            o.name.clone()
                        } else {
                            format!("{} ({})", o.name, o.role)
                        };
                        option(label, PickChoice::Owner(o.id))
                    }))
                    .collect();
                let current = measures
                    .first()
                    .map(|m| m.owner)
                    .filter(|o| all_have(&|m| m.owner == *o));
                let current = current.map(|o| o.map_or(PickChoice::Nothing, PickChoice::Owner));
                (options, Vec::new(), current)
            }
            PickerKind::Sectors => {
                // Checks and options in the same (the group's) order.
                let ordered = backlog.sectors_in_order();
                let checked = ordered
                    .iter()
                    .map(|s| all_have(&|m| m.sectors.contains(&s.id)))
                    .collect();
                let options: Vec<PickOption> = ordered
                    .into_iter()
                    .map(|s| option(s.name.clone(), PickChoice::Sector(s.id)))
                    .collect();
                (options, checked, None)
            }
            PickerKind::Priorities => {
                let ranked = backlog.priorities_by_rank();
                let checked = ranked
                    .iter()
                    .map(|p| all_have(&|m| m.priorities.contains(&p.id)))
                    .collect();
                let options = ranked
                    .into_iter()
                    .map(|p| option(format!("{}. {}", p.rank, p.title), PickChoice::Priority(p.id)))
                    .collect();
                (options, checked, None)
            }
            PickerKind::Value | PickerKind::Effort => {
                let options = (1..=5u8)
                    .map(|n| option(n.to_string(), PickChoice::Number(n)))
                    .chain(std::iter::once(none()))
                    .collect();
                let get = |m: &crate::domain::Measure| if kind == PickerKind::Value { m.value } else { m.effort };
                let current = measures.first().map(|m| get(m)).filter(|v| all_have(&|m| get(m) == *v));
                let current = current.map(|v| v.map_or(PickChoice::Nothing, PickChoice::Number));
                (options, Vec::new(), current)
            }
            PickerKind::Status => {
                let options = crate::domain::Status::ALL
                    .into_iter()
                    .map(|s| option(lang.status(s).to_string(), PickChoice::Status(s)))
                    .collect();
                let current = measures
                    .first()
                    .map(|m| m.status)
                    .filter(|s| all_have(&|m| m.status == *s));
                (options, Vec::new(), current.map(PickChoice::Status))
            }
            // issue 16: any other measure, as "T-3 Title"
            PickerKind::DependsOn => {
                let others: Vec<&crate::domain::Measure> =
                    backlog.measures.iter().filter(|m| !targets.contains(&m.id)).collect();
                let checked = others
                    .iter()
                    .map(|o| all_have(&|m| m.depends_on.contains(&o.id)))
                    .collect();
                let options = others.iter().map(|m| measure_option(m)).collect();
                (options, checked, None)
            }
            PickerKind::PartOf => {
                let options = std::iter::once(none())
                    .chain(
                        backlog
                            .measures
                            .iter()
                            .filter(|m| !targets.contains(&m.id))
                            .map(measure_option),
                    )
                    .collect();
                let current = measures
                    .first()
                    .map(|m| m.part_of)
                    .filter(|p| all_have(&|m| m.part_of == *p));
                let current = current.map(|p| p.map_or(PickChoice::Nothing, PickChoice::Measure));
                (options, Vec::new(), current)
            }
            PickerKind::OpenView
            | PickerKind::DeleteView
            | PickerKind::OpenLink
            | PickerKind::Follow
            | PickerKind::AgendaItem
            | PickerKind::Field { .. } => (Vec::new(), Vec::new(), None),
        };
        let mut picker = Picker::new(kind, targets, options, checked);
        if let Some(current) = current {
            picker.find.cursor = picker.options.iter().position(|o| o.choice == current).unwrap_or(0);
        }
        picker
    }

    // issue 16: dependencies and links
    /// A single choice among `options` (labels and what they stand for) about measure `target`.
    pub fn choose(kind: PickerKind, target: MeasureId, options: Vec<(String, PickChoice)>) -> Picker {
        let options = options
            .into_iter()
            .map(|(label, choice)| option(label, choice))
            .collect();
        Picker::new(kind, vec![target], options, Vec::new())
    }

    // issue 16: glossary terms on the agenda from the meeting set-up
    /// A single choice among `options` that concerns no measure in particular.
    pub fn choose_among(kind: PickerKind, options: Vec<(String, PickChoice)>) -> Picker {
        let options = options
            .into_iter()
            .map(|(label, choice)| option(label, choice))
            .collect();
        Picker::new(kind, Vec::new(), options, Vec::new())
    }

    // issue 14: one picker everywhere
    /// The picker of a form's choice field or a filter row: `labels` in their order, the
    /// `checked` ones ticked (several may be) or, for a single choice, the cursor on `current`.
    pub fn field(label: Msg, labels: Vec<String>, checked: Option<Vec<bool>>, current: usize) -> Picker {
        let options = labels
            .into_iter()
            .enumerate()
            .map(|(i, label)| option(label, PickChoice::Index(i)))
            .collect();
        let multi = checked.is_some();
        let mut picker = Picker::new(
            PickerKind::Field { label, multi },
            Vec::new(),
            options,
            checked.unwrap_or_default(),
        );
        if !multi {
            picker.find.cursor = current;
        }
        picker
    }

    /// The measures a form's *depends on* (several) or *part of* (one, or none) may name: every
    /// measure but the form's own, with `chosen` ticked or under the cursor.
    pub fn measures(
        kind: PickerKind,
        own: Option<MeasureId>,
        chosen: &[MeasureId],
        backlog: &Backlog,
        lang: Lang,
    ) -> Picker {
        let others = backlog.measures.iter().filter(|m| Some(m.id) != own);
        if kind == PickerKind::DependsOn {
            let options: Vec<PickOption> = others.map(measure_option).collect();
            let checked = options
                .iter()
                .map(|o| matches!(o.choice, PickChoice::Measure(m) if chosen.contains(&m)))
                .collect();
            return Picker::new(kind, Vec::new(), options, checked);
        }
        let options: Vec<PickOption> = std::iter::once(option(lang.tr(Msg::None).to_string(), PickChoice::Nothing))
            .chain(others.map(measure_option))
            .collect();
        let current = options
            .iter()
            .position(|o| matches!(o.choice, PickChoice::Measure(m) if chosen.first() == Some(&m)))
            .unwrap_or(0);
        let mut picker = Picker::new(kind, Vec::new(), options, Vec::new());
        picker.find.cursor = current;
        picker
    }

    /// What Enter chooses: the checked options (a multi-select where nothing was toggled takes
    /// the one under the cursor, as [`Picker::assignment`] does), or the one under the cursor.
    pub fn chosen(&mut self) -> Vec<&PickChoice> {
        self.enter_checks_current();
        if self.kind.is_multi() {
            self.options
                .iter()
                .zip(&self.checked)
                .filter(|(_, on)| **on)
                .map(|(o, _)| &o.choice)
                .collect()
        } else {
            self.current().map(|o| &o.choice).into_iter().collect()
        }
    }

    /// The built-in views and the saved ones (to open), or only the saved ones (to delete).
    pub fn views(kind: PickerKind, backlog: &Backlog, lang: Lang) -> Picker {
        let built_in = [
            option(lang.tr(Msg::ViewTriage).to_string(), PickChoice::Triage),
            option(lang.tr(Msg::ViewOverdue).to_string(), PickChoice::Overdue),
        ];
        let saved = backlog
            .views
            .iter()
            .map(|v| option(v.name.clone(), PickChoice::Saved(v.name.clone())));
        let options = if kind == PickerKind::OpenView {
            built_in.into_iter().chain(saved).collect()
        } else {
            saved.collect()
        };
        Picker::new(kind, Vec::new(), options, Vec::new())
    }

    fn refilter(&mut self) {
        self.find.refilter(self.options.iter().map(|o| o.folded.as_str()));
    }

    pub fn type_char(&mut self, c: char) {
        self.find.query.push(c);
        self.refilter();
    }

    pub fn backspace(&mut self) {
        self.find.query.pop();
        self.refilter();
    }

    pub fn clear_query(&mut self) {
        self.find.query.clear();
        self.refilter();
    }

    pub fn move_by(&mut self, delta: isize) {
        self.find.move_by(delta);
    }

    pub fn current(&self) -> Option<&PickOption> {
        self.find.shown.get(self.find.cursor).and_then(|i| self.options.get(*i))
    }

    /// Checks or unchecks the option under the cursor (multi-select only).
    pub fn toggle(&mut self) {
        if let Some(i) = self.find.shown.get(self.find.cursor).copied()
            && let Some(checked) = self.checked.get_mut(i)
        {
            *checked = !*checked;
        }
    }

    /// In a multi-select where nothing was toggled, Enter toggles the option under the cursor.
    fn enter_checks_current(&mut self) {
        if self.kind.is_multi() && self.checked == self.initial {
            self.toggle();
        }
    }

    /// The assignment Enter makes. In a multi-select where nothing was toggled, Enter toggles
    /// the option under the cursor, so "p, type, Enter" adds one priority.
    pub fn assignment(&mut self) -> Option<Assignment> {
        self.enter_checks_current();
        let diff = |pick: fn(&PickChoice) -> Option<u32>| {
            let mut add = Vec::new();
            let mut remove = Vec::new();
            for (i, o) in self.options.iter().enumerate() {
                if let Some(id) = pick(&o.choice) {
                    match (self.initial[i], self.checked[i]) {
                        (false, true) => add.push(id),
                        (true, false) => remove.push(id),
                        _ => {}
                    }
                }
            }
            (add, remove)
        };
        fn ids<const K: char>(numbers: Vec<u32>) -> Vec<crate::domain::Id<K>> {
            numbers.into_iter().map(crate::domain::Id).collect()
        }
        match self.kind {
            PickerKind::Sectors => {
                let (add, remove) = diff(|c| if let PickChoice::Sector(s) = c { Some(s.0) } else { None });
                Some(Assignment::Sectors {
                    add: ids(add),
                    remove: ids(remove),
                })
            }
            PickerKind::Priorities => {
                let (add, remove) = diff(|c| {
                    if let PickChoice::Priority(p) = c {
                        Some(p.0)
                    } else {
                        None
                    }
                });
                Some(Assignment::Priorities {
                    add: ids(add),
                    remove: ids(remove),
                })
            }
            PickerKind::Owner => match self.current()?.choice {
                PickChoice::Owner(o) => Some(Assignment::Owner(Some(o))),
                _ => Some(Assignment::Owner(None)),
            },
            PickerKind::Value | PickerKind::Effort => {
                let number = match self.current()?.choice {
                    PickChoice::Number(n) => Some(n),
                    _ => None,
                };
                Some(self.number_assignment(number))
            }
            PickerKind::Status => match self.current()?.choice {
                PickChoice::Status(s) => Some(Assignment::Status(s)),
                _ => None,
            },
            PickerKind::DependsOn => {
                let (add, remove) = diff(|c| {
                    if let PickChoice::Measure(m) = c {
                        Some(m.0)
                    } else {
                        None
                    }
                });
                Some(Assignment::DependsOn {
                    add: ids(add),
                    remove: ids(remove),
                })
            }
            PickerKind::PartOf => match self.current()?.choice {
                PickChoice::Measure(m) => Some(Assignment::PartOf(Some(m))),
                _ => Some(Assignment::PartOf(None)),
            },
            PickerKind::OpenView
            | PickerKind::DeleteView
            | PickerKind::OpenLink
            | PickerKind::Follow
            | PickerKind::AgendaItem
            | PickerKind::Field { .. } => None,
        }
    }

    pub fn number_assignment(&self, number: Option<u8>) -> Assignment {
        if self.kind == PickerKind::Value {
            Assignment::Value(number)
        } else {
            Assignment::Effort(number)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Id, MeasureDraft, OwnerDraft};

    fn backlog() -> Backlog {
        let mut b = Backlog::new("t", &["Oppvekst skole", "Helse og omsorg", "Økonomi"]);
        for name in ["Åse Berg", "Kari Nordmann", "Ola Østby"] {
            b.add_owner(OwnerDraft {
                name: name.into(),
                role: String::new(),
                sector: None,
            })
            .unwrap();
        }
        let now = "2026-11-29T12:00:00Z".parse().unwrap();
        let mut d = MeasureDraft::titled("x");
        d.sectors = vec![Id(2)];
        b.add_measure(d, now).unwrap();
        b
    }

    #[test]
    fn typing_filters_fuzzily_with_folding() {
        let b = backlog();
        let mut p = Picker::assign(PickerKind::Owner, vec![Id(1)], &b, Lang::En);
        assert_eq!(p.current().unwrap().label, "–", "no owner yet: the cursor is on “none”");
        for c in "ost".chars() {
            p.type_char(c);
        }
        assert_eq!(p.current().unwrap().label, "Ola Østby");
        assert_eq!(p.assignment(), Some(Assignment::Owner(Some(Id(3)))));
        p.clear_query();
        assert_eq!(p.find.shown.len(), 4);
    }

    #[test]
    fn the_sector_checks_follow_the_groups_order_of_sectors() {
        let mut b = backlog();
        b.move_sector(Id(2), true).unwrap();
        let p = Picker::assign(PickerKind::Sectors, vec![Id(1)], &b, Lang::En);
        let labels: Vec<&str> = p.options.iter().map(|o| o.label.as_str()).collect();
        assert_eq!(labels, ["Helse og omsorg", "Oppvekst skole", "Økonomi"]);
        assert_eq!(
            p.checked,
            [true, false, false],
            "the measure's sector is the one checked"
        );
    }

    #[test]
    fn multi_select_enter_toggles_the_current_one_and_tab_checks_several() {
        let b = backlog();
        let mut p = Picker::assign(PickerKind::Sectors, vec![Id(1)], &b, Lang::En);
        assert_eq!(p.checked, [false, true, false]);
        p.type_char('o');
        p.type_char('k');
        assert_eq!(p.current().unwrap().label, "Økonomi");
        assert_eq!(
            p.clone().assignment(),
            Some(Assignment::Sectors {
                add: vec![Id(3)],
                remove: vec![]
            })
        );
        p.toggle();
        p.clear_query();
        p.move_by(1);
        p.toggle(); // uncheck "Helse og omsorg"
        assert_eq!(
            p.assignment(),
            Some(Assignment::Sectors {
                add: vec![Id(3)],
                remove: vec![Id(2)]
            })
        );
    }
}
