//! Modal edit forms: one field per line, text fields backed by ratatui-textarea, pickers for
//! the linked records. A form turns into a domain draft only when every field is valid.

use ratatui::crossterm::event::KeyEvent;
use ratatui::style::{Modifier, Style};
use ratatui_textarea::{CursorMove, TextArea};

use crate::domain::depends::{ids_text, parse_ids};
use crate::domain::links::{links_text, parse_links};
use crate::domain::{
    Backlog, DomainError, Funding, MeasureDraft, MeasureId, OwnerDraft, OwnerId, Political, PriorityDraft, PriorityId,
    SectorId, Status,
};
use crate::human::{parse_amount, parse_date, parse_one_to_five, parse_tags, tags_text};
use crate::i18n::{DateStyle, Lang, Msg};

use super::picker::{PickChoice, Picker, PickerKind};

mod prompts;
// issue 11/16: one setting by key, for the Settings form and `tiltak settings`
pub mod setting;
mod settings;
// issue 16: glossary
mod term;
pub use prompts::{Prompt, SetupValues, parse_time};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormTarget {
    NewMeasure,
    EditMeasure(MeasureId),
    NewOwner,
    EditOwner(OwnerId),
    NewPriority,
    EditPriority(PriorityId),
    SaveElsewhere,
    /// The fields above the agenda when a review is set up (not an overlay).
    MeetingSetup,
    /// One-field prompts during a review.
    Prompt(Prompt),
    NewSector,
    EditSector(SectorId),
    /// The backlog's name and settings.
    Settings,
    // issue 16: glossary
    NewTerm,
    EditTerm(crate::domain::TermId),
    /// A meeting rewrites a term's definition (the review's revise).
    ReviseTerm(crate::domain::TermId),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldId {
    Title,
    Description,
    Status,
    Owner,
    Sectors,
    Priorities,
    Value,
    Effort,
    Due,
    Funding,
    Cost,
    Political,
    CaseNumber,
    Benefits,
    Tags,
    Name,
    Role,
    HomeSector,
    Path,
    MeetingDate,
    Minutes,
    Attendees,
    Answer,
    MeetingTime,
    Place,
    Guests,
    Short,
    Threshold,
    // issue 14: the group's default language
    Language,
    // issue 11: automatic sync; issue 15: the published status page
    SyncAtStart,
    SyncAfterMeeting,
    SyncEvery,
    PublishPage,
    // issue 16: glossary
    Synonyms,
    Agreed,
    // issue 16: dependencies and links
    DependsOn,
    PartOf,
    Links,
    CaseUrlTemplate,
}

/// What a picker option stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    Nothing,
    Status(Status),
    Owner(OwnerId),
    Sector(SectorId),
    Priority(PriorityId),
    Funding(Funding),
    // issue 16: glossary
    TermStatus(crate::domain::TermStatus),
}

#[derive(Debug, Clone)]
pub enum Input {
    Line(TextArea<'static>),
    Lines(TextArea<'static>),
    /// Exactly one of `options` (label, value).
    Pick {
        options: Vec<(String, Choice)>,
        selected: usize,
    },
    /// Any number of `options`.
    Multi {
        options: Vec<(String, Choice)>,
        checked: Vec<bool>,
        cursor: usize,
    },
    Toggle(bool),
}

#[derive(Debug, Clone)]
pub struct Field {
    pub id: FieldId,
    pub label: Msg,
    pub hint: Option<Msg>,
    pub input: Input,
}

#[derive(Debug, Clone)]
pub struct Form {
    pub target: FormTarget,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// The field that failed validation and why, in the user's language.
    pub error: Option<(usize, String)>,
    /// What the fields held when the form opened, to tell whether `Esc` would lose anything.
    initial: Vec<String>,
    /// `Esc` was pressed once with changes: the next `Esc` throws them away.
    pub asked_to_discard: bool,
    // issue 14: one picker everywhere
    /// The picker open on the focused field: what it chooses goes into the field, not the backlog.
    pub picker: Option<Box<Picker>>,
}

fn text_area(text: &str) -> TextArea<'static> {
    let mut area = TextArea::new(text.split('\n').map(str::to_string).collect());
    area.set_cursor_line_style(Style::default());
    area.move_cursor(CursorMove::Bottom);
    area.move_cursor(CursorMove::End);
    area
}

fn line(id: FieldId, label: Msg, text: &str) -> Field {
    Field {
        id,
        label,
        hint: None,
        input: Input::Line(text_area(text)),
    }
}

/// Multi-line text starts with the cursor at the top, so the beginning of the text shows.
fn lines(id: FieldId, label: Msg, text: &str) -> Field {
    let mut area = text_area(text);
    area.move_cursor(CursorMove::Top);
    area.move_cursor(CursorMove::Head);
    Field {
        id,
        label,
        hint: Some(Msg::FormDescriptionHint),
        input: Input::Lines(area),
    }
}

fn pick(id: FieldId, label: Msg, options: Vec<(String, Choice)>, current: Choice) -> Field {
    let selected = options.iter().position(|(_, c)| *c == current).unwrap_or(0);
    Field {
        id,
        label,
        hint: Some(Msg::FormPickHint),
        input: Input::Pick { options, selected },
    }
}

fn multi(id: FieldId, label: Msg, options: Vec<(String, Choice)>, current: &[Choice]) -> Field {
    let checked = options.iter().map(|(_, c)| current.contains(c)).collect();
    Field {
        id,
        label,
        hint: Some(Msg::FormMultiHint),
        input: Input::Multi {
            options,
            checked,
            cursor: 0,
        },
    }
}

fn with_hint(mut field: Field, hint: Msg) -> Field {
    field.hint = Some(hint);
    field
}

fn number_text(n: Option<impl ToString>) -> String {
    n.map(|n| n.to_string()).unwrap_or_default()
}

fn owner_options(backlog: &Backlog, lang: Lang) -> Vec<(String, Choice)> {
    let mut owners: Vec<_> = backlog.owners.iter().collect();
    owners.sort_by_key(|o| o.name.to_lowercase());
    std::iter::once((lang.tr(Msg::None).to_string(), Choice::Nothing))
        .chain(owners.into_iter().map(|o| {
            let label = if o.role.is_empty() {
                o.name.clone()
            } else {
                format!("{} ({})", o.name, o.role)
            };
            (label, Choice::Owner(o.id))
        }))
        .collect()
}

fn sector_options(backlog: &Backlog) -> Vec<(String, Choice)> {
    backlog
        .sectors_in_order()
        .iter()
        .map(|s| (s.name.clone(), Choice::Sector(s.id)))
        .collect()
}

impl Form {
    pub fn new_measure(backlog: &Backlog, lang: Lang) -> Form {
        // A new measure has no due date to show yet.
        Form::measure(
            FormTarget::NewMeasure,
            &MeasureDraft::titled(""),
            backlog,
            lang,
            DateStyle::Language,
        )
    }

    /// The form on measure `id`, its due date shown as the lists show dates.
    pub fn edit_measure(id: MeasureId, backlog: &Backlog, lang: Lang, dates: DateStyle) -> Option<Form> {
        backlog.measure(id).map(|m| {
            Form::measure(
                FormTarget::EditMeasure(id),
                &MeasureDraft::from_measure(m),
                backlog,
                lang,
                dates,
            )
        })
    }

    fn measure(target: FormTarget, d: &MeasureDraft, backlog: &Backlog, lang: Lang, dates: DateStyle) -> Form {
        let statuses = Status::ALL
            .iter()
            .map(|s| (lang.status(*s).to_string(), Choice::Status(*s)))
            .collect();
        let priorities = backlog
            .priorities_by_rank()
            .into_iter()
            .map(|p| (format!("{}. {}", p.rank, p.title), Choice::Priority(p.id)))
            .collect();
        let funding = std::iter::once((lang.tr(Msg::None).to_string(), Choice::Nothing))
            .chain(
                Funding::ALL
                    .iter()
                    .map(|f| (lang.funding(*f).to_string(), Choice::Funding(*f))),
            )
            .collect();
        let sectors: Vec<Choice> = d.sectors.iter().map(|s| Choice::Sector(*s)).collect();
        let prios: Vec<Choice> = d.priorities.iter().map(|p| Choice::Priority(*p)).collect();
        let fields = vec![
            line(FieldId::Title, Msg::FieldTitle, &d.title),
            lines(FieldId::Description, Msg::FieldDescription, &d.description),
            pick(FieldId::Status, Msg::FieldStatus, statuses, Choice::Status(d.status)),
            pick(
                FieldId::Owner,
                Msg::FieldOwner,
                owner_options(backlog, lang),
                d.owner.map_or(Choice::Nothing, Choice::Owner),
            ),
            with_hint(
                multi(FieldId::Sectors, Msg::FieldSectors, sector_options(backlog), &sectors),
                Msg::FormMultiPickHint,
            ),
            with_hint(
                multi(FieldId::Priorities, Msg::FieldPriorities, priorities, &prios),
                Msg::FormMultiPickHint,
            ),
            line(FieldId::Value, Msg::FieldValue, &number_text(d.value)),
            line(FieldId::Effort, Msg::FieldEffort, &number_text(d.effort)),
            with_hint(
                line(
                    FieldId::Due,
                    Msg::FieldDue,
                    &d.due.map(|due| lang.date_as(dates, due)).unwrap_or_default(),
                ),
                Msg::FormDateHint,
            ),
            pick(
                FieldId::Funding,
                Msg::FieldFunding,
                funding,
                d.funding.map_or(Choice::Nothing, Choice::Funding),
            ),
            line(FieldId::Cost, Msg::FieldCost, &number_text(d.cost_estimate)),
            Field {
                id: FieldId::Political,
                label: Msg::FieldPolitical,
                hint: Some(Msg::FormChoiceHint),
                input: Input::Toggle(d.political.needed),
            },
            line(
                FieldId::CaseNumber,
                Msg::FieldCaseNumber,
                d.political.case_number.as_deref().unwrap_or(""),
            ),
            lines(FieldId::Benefits, Msg::FieldBenefits, &d.benefits),
            with_hint(
                line(FieldId::Tags, Msg::FieldTags, &tags_text(&d.tags)),
                Msg::FormTagsHint,
            ),
            // issue 16: dependencies and links
            with_hint(
                line(FieldId::DependsOn, Msg::FieldDependsOn, &ids_text(&d.depends_on)),
                Msg::FormIdsHint,
            ),
            with_hint(
                line(
                    FieldId::PartOf,
                    Msg::FieldPartOf,
                    &d.part_of.map(|p| p.to_string()).unwrap_or_default(),
                ),
                Msg::FormPartOfHint,
            ),
            with_hint(
                lines(FieldId::Links, Msg::FieldLinks, &links_text(&d.links)),
                Msg::FormLinksHint,
            ),
        ];
        Form::with_fields(target, fields)
    }

    pub fn new_owner(backlog: &Backlog, lang: Lang) -> Form {
        Form::owner(
            FormTarget::NewOwner,
            &OwnerDraft {
                name: String::new(),
                role: String::new(),
                sector: None,
            },
            backlog,
            lang,
        )
    }

    pub fn edit_owner(id: OwnerId, backlog: &Backlog, lang: Lang) -> Option<Form> {
        let o = backlog.owner(id)?;
        Some(Form::owner(
            FormTarget::EditOwner(id),
            &OwnerDraft {
                name: o.name.clone(),
                role: o.role.clone(),
                sector: o.sector,
            },
            backlog,
            lang,
        ))
    }

    fn owner(target: FormTarget, d: &OwnerDraft, backlog: &Backlog, lang: Lang) -> Form {
        let sectors = std::iter::once((lang.tr(Msg::None).to_string(), Choice::Nothing))
            .chain(sector_options(backlog))
            .collect();
        Form::with_fields(
            target,
            vec![
                line(FieldId::Name, Msg::FieldName, &d.name),
                line(FieldId::Role, Msg::FieldRole, &d.role),
                pick(
                    FieldId::HomeSector,
                    Msg::FieldHomeSector,
                    sectors,
                    d.sector.map_or(Choice::Nothing, Choice::Sector),
                ),
            ],
        )
    }

    pub fn new_priority() -> Form {
        Form::priority(
            FormTarget::NewPriority,
            &PriorityDraft {
                title: String::new(),
                description: String::new(),
            },
        )
    }

    pub fn edit_priority(id: PriorityId, backlog: &Backlog) -> Option<Form> {
        let p = backlog.priority(id)?;
        Some(Form::priority(
            FormTarget::EditPriority(id),
            &PriorityDraft {
                title: p.title.clone(),
                description: p.description.clone(),
            },
        ))
    }

    fn priority(target: FormTarget, d: &PriorityDraft) -> Form {
        Form::with_fields(
            target,
            vec![
                line(FieldId::Title, Msg::FieldTitle, &d.title),
                lines(FieldId::Description, Msg::FieldDescription, &d.description),
            ],
        )
    }

    /// One line: where to write the backlog when its own file cannot be written.
    pub fn save_elsewhere(default_path: &str) -> Form {
        Form::with_fields(
            FormTarget::SaveElsewhere,
            vec![line(FieldId::Path, Msg::FieldPath, default_path)],
        )
    }

    fn with_fields(target: FormTarget, fields: Vec<Field>) -> Form {
        let mut form = Form {
            target,
            fields,
            focus: 0,
            error: None,
            initial: Vec::new(),
            asked_to_discard: false,
            picker: None,
        };
        form.initial = form.values();
        form.show_cursor_in_focus();
        form
    }

    /// Every field's value as text, for comparing with how the form opened.
    fn values(&self) -> Vec<String> {
        self.fields
            .iter()
            .map(|field| match &field.input {
                Input::Line(area) | Input::Lines(area) => area.lines().join("\n"),
                Input::Pick { selected, .. } => selected.to_string(),
                Input::Multi { checked, .. } => format!("{checked:?}"),
                Input::Toggle(on) => on.to_string(),
            })
            .collect()
    }

    /// Whether anything was typed or chosen since the form opened.
    pub fn is_changed(&self) -> bool {
        self.values() != self.initial
    }

    pub fn title(&self, lang: Lang) -> String {
        match self.target {
            FormTarget::NewMeasure => lang.tr(Msg::FormNewMeasure).to_string(),
            FormTarget::EditMeasure(id) => lang.fill(Msg::FormEditMeasure, &[("id", &id.to_string())]),
            FormTarget::NewOwner => lang.tr(Msg::FormNewOwner).to_string(),
            FormTarget::EditOwner(_) => lang.tr(Msg::FormEditOwner).to_string(),
            FormTarget::NewPriority => lang.tr(Msg::FormNewPriority).to_string(),
            FormTarget::EditPriority(_) => lang.tr(Msg::FormEditPriority).to_string(),
            FormTarget::SaveElsewhere => lang.tr(Msg::FormSaveElsewhere).to_string(),
            FormTarget::MeetingSetup => lang.tr(Msg::SetupTitle).to_string(),
            FormTarget::Prompt(prompt) => prompt.title(lang),
            FormTarget::NewSector => lang.tr(Msg::FormNewSector).to_string(),
            FormTarget::EditSector(_) => lang.tr(Msg::FormEditSector).to_string(),
            FormTarget::Settings => lang.tr(Msg::FormSettings).to_string(),
            FormTarget::NewTerm => lang.tr(Msg::FormNewTerm).to_string(),
            FormTarget::EditTerm(id) => lang.fill(Msg::FormEditTerm, &[("id", &id.to_string())]),
            FormTarget::ReviseTerm(id) => lang.fill(Msg::FormReviseTerm, &[("id", &id.to_string())]),
        }
    }

    pub fn focused(&self) -> &Field {
        &self.fields[self.focus]
    }

    /// Only the focused text field shows a cursor.
    fn show_cursor_in_focus(&mut self) {
        for (index, field) in self.fields.iter_mut().enumerate() {
            if let Input::Line(area) | Input::Lines(area) = &mut field.input {
                let style = if index == self.focus {
                    Style::default().add_modifier(Modifier::REVERSED)
                } else {
                    Style::default()
                };
                area.set_cursor_style(style);
            }
        }
    }

    pub fn move_focus(&mut self, forward: bool) {
        let count = self.fields.len();
        self.focus = if forward {
            (self.focus + 1) % count
        } else {
            (self.focus + count - 1) % count
        };
        self.show_cursor_in_focus();
    }

    /// Moves inside the focused multi-select; returns false when the focused field has no list
    /// to move in (the caller then moves between fields).
    pub fn move_in_list(&mut self, down: bool) -> bool {
        if let Input::Multi { options, cursor, .. } = &mut self.fields[self.focus].input {
            let next = if down { *cursor + 1 } else { cursor.wrapping_sub(1) };
            if next < options.len() {
                *cursor = next;
                return true;
            }
        }
        false
    }

    /// Space/←/→ on a picker. Returns false if the focused field is not a picker.
    pub fn cycle_or_toggle(&mut self, forward: bool) -> bool {
        match &mut self.fields[self.focus].input {
            Input::Pick { options, selected } => {
                let n = options.len().max(1);
                *selected = if forward {
                    (*selected + 1) % n
                } else {
                    (*selected + n - 1) % n
                };
                true
            }
            Input::Multi { checked, cursor, .. } => {
                if let Some(flag) = checked.get_mut(*cursor) {
                    *flag = !*flag;
                }
                true
            }
            Input::Toggle(on) => {
                *on = !*on;
                true
            }
            Input::Line(_) | Input::Lines(_) => false,
        }
    }

    pub fn focused_is_multiline(&self) -> bool {
        matches!(self.focused().input, Input::Lines(_))
    }

    /// The text of the focused field, if it is a text field.
    pub fn focused_text(&self) -> Option<String> {
        match &self.focused().input {
            Input::Line(area) | Input::Lines(area) => Some(area.lines().join("\n")),
            _ => None,
        }
    }

    /// Puts `text` into the focused text field (a single-line field joins the lines).
    pub fn set_focused_text(&mut self, text: &str) {
        let text = text.trim_end_matches('\n');
        match &mut self.fields[self.focus].input {
            Input::Line(area) => *area = text_area(&text.lines().collect::<Vec<_>>().join(" ")),
            Input::Lines(area) => *area = text_area(text),
            _ => return,
        }
        self.show_cursor_in_focus();
    }

    /// Empties the focused text field (`Ctrl-u`); a picker keeps its choice.
    pub fn clear_focused(&mut self) {
        if let Input::Line(area) | Input::Lines(area) = &mut self.fields[self.focus].input {
            *area = text_area("");
            area.set_cursor_style(Style::default().add_modifier(Modifier::REVERSED));
        }
    }

    /// Typing into the focused text field.
    pub fn type_key(&mut self, key: KeyEvent) {
        match &mut self.fields[self.focus].input {
            Input::Line(area) => {
                area.input(key);
                // A pasted or typed newline has no place in a single-line field.
                if area.lines().len() > 1 {
                    let joined = area.lines().join(" ");
                    *area = text_area(&joined);
                    area.set_cursor_style(Style::default().add_modifier(Modifier::REVERSED));
                }
            }
            Input::Lines(area) => {
                area.input(key);
            }
            Input::Pick { .. } | Input::Multi { .. } | Input::Toggle(_) => {}
        }
        if self.error.as_ref().is_some_and(|(index, _)| *index == self.focus) {
            self.error = None;
        }
    }

    pub(crate) fn index_of(&self, id: FieldId) -> usize {
        self.fields.iter().position(|f| f.id == id).unwrap_or(0)
    }

    fn text(&self, id: FieldId) -> String {
        match self.fields.iter().find(|f| f.id == id).map(|f| &f.input) {
            Some(Input::Line(area) | Input::Lines(area)) => area.lines().join("\n"),
            _ => String::new(),
        }
    }

    fn picked(&self, id: FieldId) -> Choice {
        match self.fields.iter().find(|f| f.id == id).map(|f| &f.input) {
            Some(Input::Pick { options, selected }) => options.get(*selected).map_or(Choice::Nothing, |(_, c)| *c),
            _ => Choice::Nothing,
        }
    }

    fn checked(&self, id: FieldId) -> Vec<Choice> {
        match self.fields.iter().find(|f| f.id == id).map(|f| &f.input) {
            Some(Input::Multi { options, checked, .. }) => options
                .iter()
                .zip(checked)
                .filter(|(_, on)| **on)
                .map(|((_, c), _)| *c)
                .collect(),
            _ => Vec::new(),
        }
    }

    pub(super) fn toggled(&self, id: FieldId) -> bool {
        matches!(
            self.fields.iter().find(|f| f.id == id).map(|f| &f.input),
            Some(Input::Toggle(true))
        )
    }

    fn fail(&self, id: FieldId, message: String) -> (usize, String) {
        (self.index_of(id), message)
    }

    fn one_to_five(&self, id: FieldId, lang: Lang) -> Result<Option<u8>, (usize, String)> {
        parse_one_to_five(&self.text(id)).map_err(|_| self.fail(id, lang.tr(Msg::ErrOneToFive).to_string()))
    }

    pub fn measure_draft(&self, lang: Lang) -> Result<MeasureDraft, (usize, String)> {
        let title = self.text(FieldId::Title);
        if title.trim().is_empty() {
            return Err(self.fail(FieldId::Title, lang.tr(Msg::ErrEmptyTitle).to_string()));
        }
        let value = self.one_to_five(FieldId::Value, lang)?;
        let effort = self.one_to_five(FieldId::Effort, lang)?;
        let due_text = self.text(FieldId::Due);
        let due = parse_date(&due_text)
            .map_err(|_| self.fail(FieldId::Due, lang.fill(Msg::ErrBadDate, &[("text", due_text.trim())])))?;
        let cost_estimate = parse_amount(&self.text(FieldId::Cost))
            .map_err(|_| self.fail(FieldId::Cost, lang.tr(Msg::ErrBadNumber).to_string()))?;
        let status = match self.picked(FieldId::Status) {
            Choice::Status(s) => s,
            _ => Status::Idea,
        };
        let owner = match self.picked(FieldId::Owner) {
            Choice::Owner(o) => Some(o),
            _ => None,
        };
        let funding = match self.picked(FieldId::Funding) {
            Choice::Funding(f) => Some(f),
            _ => None,
        };
        let case_number = Some(self.text(FieldId::CaseNumber)).filter(|c| !c.trim().is_empty());
        let bad_id = |id: FieldId, text: String| self.fail(id, lang.fill(Msg::ErrBadMeasureId, &[("text", &text)]));
        let depends_on = parse_ids(&self.text(FieldId::DependsOn)).map_err(|t| bad_id(FieldId::DependsOn, t))?;
        let part_of = match parse_ids(&self.text(FieldId::PartOf)).map_err(|t| bad_id(FieldId::PartOf, t))?[..] {
            [] => None,
            [one] => Some(one),
            _ => return Err(self.fail(FieldId::PartOf, lang.tr(Msg::ErrOneParent).to_string())),
        };
        Ok(MeasureDraft {
            title,
            description: self.text(FieldId::Description),
            status,
            owner,
            sectors: self
                .checked(FieldId::Sectors)
                .into_iter()
                .filter_map(|c| if let Choice::Sector(s) = c { Some(s) } else { None })
                .collect(),
            priorities: self
                .checked(FieldId::Priorities)
                .into_iter()
                .filter_map(|c| if let Choice::Priority(p) = c { Some(p) } else { None })
                .collect(),
            value,
            effort,
            due,
            funding,
            cost_estimate,
            political: Political {
                needed: self.toggled(FieldId::Political),
                case_number,
            },
            benefits: self.text(FieldId::Benefits),
            tags: parse_tags(&self.text(FieldId::Tags)),
            depends_on,
            part_of,
            links: parse_links(&self.text(FieldId::Links)),
        })
    }

    pub fn owner_draft(&self, lang: Lang) -> Result<OwnerDraft, (usize, String)> {
        let name = self.text(FieldId::Name);
        if name.trim().is_empty() {
            return Err(self.fail(FieldId::Name, lang.tr(Msg::ErrEmptyName).to_string()));
        }
        let sector = match self.picked(FieldId::HomeSector) {
            Choice::Sector(s) => Some(s),
            _ => None,
        };
        Ok(OwnerDraft {
            name,
            role: self.text(FieldId::Role),
            sector,
        })
    }

    /// The path typed into the save-elsewhere form, with a leading `~/` meaning the home folder.
    pub fn path(&self, lang: Lang, home: &std::path::Path) -> Result<std::path::PathBuf, (usize, String)> {
        let text = self.text(FieldId::Path);
        let text = text.trim();
        if text.is_empty() {
            return Err(self.fail(FieldId::Path, lang.tr(Msg::ErrEmptyPath).to_string()));
        }
        Ok(match text.strip_prefix("~/") {
            Some(rest) => home.join(rest),
            None => std::path::PathBuf::from(text),
        })
    }

    pub fn priority_draft(&self, lang: Lang) -> Result<PriorityDraft, (usize, String)> {
        let title = self.text(FieldId::Title);
        if title.trim().is_empty() {
            return Err(self.fail(FieldId::Title, lang.tr(Msg::ErrEmptyTitle).to_string()));
        }
        Ok(PriorityDraft {
            title,
            description: self.text(FieldId::Description),
        })
    }

    /// Shows `message` on the field with `index` and moves there.
    pub fn show_error(&mut self, index: usize, message: String) {
        self.focus = index.min(self.fields.len() - 1);
        self.error = Some((self.focus, message));
        self.show_cursor_in_focus();
    }
}

// issue 14: one picker everywhere
impl Form {
    /// Whether `Enter` (or a typed letter) on the focused field opens the picker: a choice, or
    /// the measures a measure depends on or is part of.
    pub fn focused_opens_picker(&self) -> bool {
        let field = self.focused();
        match field.input {
            Input::Pick { .. } | Input::Multi { .. } => true,
            Input::Line(_) => self.names_measures(field.id),
            Input::Lines(_) | Input::Toggle(_) => false,
        }
    }

    /// The focused field names measures by id (typed, or chosen in the picker).
    pub fn focused_names_measures(&self) -> bool {
        self.names_measures(self.focused().id)
    }

    fn names_measures(&self, id: FieldId) -> bool {
        matches!(id, FieldId::DependsOn | FieldId::PartOf)
            && matches!(self.target, FormTarget::NewMeasure | FormTarget::EditMeasure(_))
    }

    fn own_measure(&self) -> Option<MeasureId> {
        match self.target {
            FormTarget::EditMeasure(id) => Some(id),
            _ => None,
        }
    }

    /// Opens the picker on the focused field, its current choice checked (or under the cursor)
    /// and `typed` as the start of the filter. Ids in the field that are not ids are shown as
    /// the field's error instead, so choosing never drops what was typed.
    pub fn open_picker(&mut self, backlog: &Backlog, lang: Lang, typed: Option<char>) {
        let field = self.focused();
        let mut picker = match &field.input {
            Input::Pick { options, selected } => Picker::field(field.label, labels(options), None, *selected),
            Input::Multi { options, checked, .. } => {
                Picker::field(field.label, labels(options), Some(checked.clone()), 0)
            }
            Input::Line(area) if self.names_measures(field.id) => {
                let ids = match parse_ids(&area.lines().join(" ")) {
                    Ok(ids) => ids,
                    Err(text) => {
                        let message = lang.fill(Msg::ErrBadMeasureId, &[("text", &text)]);
                        return self.show_error(self.focus, message);
                    }
                };
                let kind = if field.id == FieldId::DependsOn {
                    PickerKind::DependsOn
                } else {
                    PickerKind::PartOf
                };
                if let Some(message) = self.unpickable(kind, &ids, backlog, lang) {
                    return self.show_error(self.focus, message);
                }
                Picker::measures(kind, self.own_measure(), &ids, backlog, lang)
            }
            _ => return,
        };
        if let Some(c) = typed {
            picker.type_char(c);
        }
        self.picker = Some(Box::new(picker));
    }

    /// Why the ids typed into a *depends on* / *part of* field cannot be shown in the picker
    /// without losing one: an id of no measure, the measure itself, several parents.
    fn unpickable(&self, kind: PickerKind, ids: &[MeasureId], backlog: &Backlog, lang: Lang) -> Option<String> {
        if kind == PickerKind::PartOf && ids.len() > 1 {
            return Some(lang.tr(Msg::ErrOneParent).to_string());
        }
        let own = self.own_measure();
        let odd = *ids
            .iter()
            .find(|id| Some(**id) == own || backlog.measure(**id).is_none())?;
        let error = match kind {
            _ if Some(odd) != own => DomainError::UnknownMeasure(odd),
            PickerKind::DependsOn => DomainError::DependencyCycle(vec![odd, odd]),
            _ => DomainError::PartOfCycle(vec![odd, odd]),
        };
        Some(crate::insight::connections::refusal_text(lang, &error))
    }

    /// Puts the picker's choice into the focused field and closes the picker. A dependency or
    /// parent that would go round in a circle is refused with the circle named; the picker
    /// stays open to choose again.
    pub fn accept_picker(&mut self, backlog: &Backlog, lang: Lang) -> Result<(), String> {
        let Some(mut picker) = self.picker.take() else {
            return Ok(());
        };
        let chosen: Vec<PickChoice> = picker.chosen().into_iter().cloned().collect();
        let measures: Vec<MeasureId> = chosen
            .iter()
            .filter_map(|c| if let PickChoice::Measure(m) = c { Some(*m) } else { None })
            .collect();
        let own = self.own_measure();
        let refusal = match (picker.kind, own) {
            (PickerKind::DependsOn, Some(id)) => backlog
                .dependency_cycle(id, &measures)
                .map(DomainError::DependencyCycle),
            (PickerKind::PartOf, Some(id)) => measures
                .first()
                .and_then(|parent| backlog.part_of_cycle(id, *parent))
                .map(DomainError::PartOfCycle),
            _ => None,
        };
        if let Some(error) = refusal {
            let text = crate::insight::connections::refusal_text(lang, &error);
            self.picker = Some(picker);
            return Err(text);
        }
        match (&mut self.fields[self.focus].input, picker.kind) {
            (Input::Pick { selected, .. }, _) => {
                if let Some(PickChoice::Index(i)) = chosen.first() {
                    *selected = *i;
                }
            }
            (Input::Multi { checked, .. }, _) => {
                for (i, flag) in checked.iter_mut().enumerate() {
                    *flag = chosen.contains(&PickChoice::Index(i));
                }
            }
            (Input::Line(_), PickerKind::DependsOn | PickerKind::PartOf) => self.set_focused_text(&ids_text(&measures)),
            _ => {}
        }
        if self.error.as_ref().is_some_and(|(index, _)| *index == self.focus) {
            self.error = None;
        }
        Ok(())
    }
}

fn labels(options: &[(String, Choice)]) -> Vec<String> {
    options.iter().map(|(label, _)| label.clone()).collect()
}
