//! Every key binding, as data. Help, status-bar hints and key handling are all read from
//! this one table, so they cannot drift apart.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use unicode_width::UnicodeWidthStr;

use super::action::{Action, Pane};
use crate::i18n::{Lang, Msg};

/// Where a binding applies: the top-most thing open decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Context {
    List,
    Help,
    Confirm,
    Form,
    Setup,
    Agenda,
    Review,
    Summary,
    Log,
    Merge,
    Search,
    Palette,
    Picker,
    Filter,
    Prompt,
    Changes,
    Settings,
    Start,
    GoTo,
}

impl Context {
    pub fn title(self) -> Msg {
        match self {
            Context::List => Msg::HelpSectionLists,
            Context::Help => Msg::HelpTitle,
            Context::Confirm => Msg::HelpSectionConfirm,
            Context::Form => Msg::HelpSectionForm,
            Context::Setup => Msg::HelpSectionSetup,
            Context::Agenda => Msg::HelpSectionAgenda,
            Context::Review => Msg::HelpSectionReview,
            Context::Summary => Msg::HelpSectionSummary,
            Context::Log => Msg::HelpSectionLog,
            Context::Merge => Msg::HelpSectionMerge,
            Context::Search => Msg::HelpSectionSearch,
            Context::Palette => Msg::HelpSectionPalette,
            Context::Picker => Msg::HelpSectionPicker,
            Context::Filter => Msg::HelpSectionFilter,
            Context::Prompt => Msg::HelpSectionPrompt,
            Context::Changes => Msg::HelpSectionChanges,
            Context::Settings => Msg::HelpSectionSettings,
            Context::Start => Msg::HelpSectionStart,
            Context::GoTo => Msg::HelpSectionGoTo,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Binding {
    pub context: Context,
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
    pub action: Action,
    /// A short word for the status bar; only the bindings worth a hint have one.
    pub hint: Option<Msg>,
    /// Only in this pane; such a binding wins over a general one for the same key.
    pub pane: Option<Pane>,
}

const fn key(context: Context, code: KeyCode, action: Action) -> Binding {
    Binding {
        context,
        code,
        modifiers: KeyModifiers::NONE,
        action,
        hint: None,
        pane: None,
    }
}

const fn ctrl(context: Context, c: char, action: Action) -> Binding {
    Binding {
        context,
        code: KeyCode::Char(c),
        modifiers: KeyModifiers::CONTROL,
        action,
        hint: None,
        pane: None,
    }
}

/// A binding that applies only while `pane` is focused.
const fn only_in(pane: Pane, binding: Binding) -> Binding {
    Binding {
        pane: Some(pane),
        ..binding
    }
}

const fn hinted(binding: Binding, hint: Msg) -> Binding {
    Binding {
        hint: Some(hint),
        ..binding
    }
}

use Context::{
    Agenda, Changes, Confirm, Filter, Form, Help, List, Log, Merge, Palette, Picker, Prompt, Review, Search, Setup,
    Summary,
};
use KeyCode::{BackTab, Char, Down, End, Enter, Esc, Home, Left, PageDown, PageUp, Right, Tab, Up};

pub static BINDINGS: &[Binding] = &[
    hinted(key(List, Char('n'), Action::New), Msg::HintNew),
    hinted(key(List, Char('e'), Action::Edit), Msg::HintEdit),
    key(List, Enter, Action::Edit),
    hinted(key(List, Char('d'), Action::Delete), Msg::HintDelete),
    hinted(
        only_in(Pane::Measures, key(List, Char('s'), Action::StatusForward)),
        Msg::HintStatus,
    ),
    only_in(Pane::Measures, key(List, Char('S'), Action::StatusBack)),
    key(List, Char('j'), Action::Down),
    key(List, Down, Action::Down),
    key(List, Char('k'), Action::Up),
    key(List, Up, Action::Up),
    key(List, Char('g'), Action::First),
    key(List, Home, Action::First),
    key(List, Char('G'), Action::Last),
    key(List, End, Action::Last),
    key(List, PageDown, Action::PageDown),
    key(List, PageUp, Action::PageUp),
    key(List, Char('J'), Action::DetailDown),
    key(List, Char('K'), Action::DetailUp),
    hinted(key(List, Tab, Action::NextPane), Msg::HintPane),
    key(List, BackTab, Action::PrevPane),
    key(List, Char('1'), Action::Focus(Pane::Measures)),
    key(List, Char('2'), Action::Focus(Pane::Owners)),
    key(List, Char('3'), Action::Focus(Pane::Priorities)),
    hinted(key(List, Char('u'), Action::Undo), Msg::HintUndo),
    ctrl(List, 'r', Action::Redo),
    hinted(key(List, Char('?'), Action::Help), Msg::HintHelp),
    key(List, Esc, Action::Cancel),
    hinted(key(List, Char('q'), Action::Quit), Msg::HintQuit),
    ctrl(List, 'c', Action::Quit),
    key(Help, Char('j'), Action::Down),
    key(Help, Down, Action::Down),
    key(Help, Char('k'), Action::Up),
    key(Help, Up, Action::Up),
    key(Help, PageDown, Action::PageDown),
    key(Help, PageUp, Action::PageUp),
    key(Help, Esc, Action::Cancel),
    key(Help, Char('?'), Action::Cancel),
    key(Help, Char('q'), Action::Cancel),
    ctrl(Help, 'c', Action::Quit),
    key(Confirm, Char('y'), Action::ConfirmYes),
    key(Confirm, Char('j'), Action::ConfirmYes),
    key(Confirm, Char('n'), Action::ConfirmNo),
    key(Confirm, Esc, Action::ConfirmNo),
    ctrl(Confirm, 'c', Action::Quit),
    key(Form, Tab, Action::FormNextField),
    key(Form, BackTab, Action::FormPrevField),
    key(Form, Down, Action::FormDown),
    key(Form, Up, Action::FormUp),
    ctrl(Form, 's', Action::FormSave),
    key(Form, Enter, Action::FormSaveLine),
    key(Form, Char(' '), Action::FormToggle),
    key(Form, Esc, Action::Cancel),
    ctrl(Form, 'c', Action::Quit),
    // Issue 6
    key(Confirm, Char('w'), Action::SaveElsewhere),
    // Issue 4: meetings, review, exports, log
    key(List, Char('4'), Action::Focus(Pane::Meetings)),
    only_in(Pane::Measures, key(List, Char('R'), Action::StartReview)),
    only_in(Pane::Measures, key(List, Char('X'), Action::ExportView)),
    only_in(Pane::Measures, key(List, Char('W'), Action::ExportWorkbook)),
    only_in(Pane::Measures, key(List, Char('L'), Action::ShowLog)),
    only_in(Pane::Meetings, key(List, Char('n'), Action::StartReview)),
    key(Setup, Tab, Action::FormNextField),
    key(Setup, BackTab, Action::FormPrevField),
    key(Setup, Down, Action::FormDown),
    key(Setup, Up, Action::FormUp),
    key(Setup, Char(' '), Action::FormToggle),
    hinted(key(Setup, Enter, Action::SetupStart), Msg::HintStart),
    hinted(ctrl(Setup, 's', Action::SetupPlan), Msg::HintPlan),
    hinted(ctrl(Setup, 'n', Action::SetupSuggest), Msg::HintSuggest),
    hinted(key(Setup, Esc, Action::Cancel), Msg::HintCancel),
    ctrl(Setup, 'c', Action::Quit),
    key(Agenda, Char('j'), Action::Down),
    key(Agenda, Down, Action::Down),
    key(Agenda, Char('k'), Action::Up),
    key(Agenda, Up, Action::Up),
    hinted(key(Agenda, Char('J'), Action::AgendaMoveDown), Msg::HintMoveDown),
    hinted(key(Agenda, Char('K'), Action::AgendaMoveUp), Msg::HintMoveUp),
    hinted(key(Agenda, Char('d'), Action::AgendaDrop), Msg::HintDrop),
    key(Agenda, Tab, Action::FormNextField),
    key(Agenda, BackTab, Action::FormPrevField),
    hinted(key(Agenda, Enter, Action::SetupStart), Msg::HintStart),
    hinted(ctrl(Agenda, 's', Action::SetupPlan), Msg::HintPlan),
    hinted(ctrl(Agenda, 'n', Action::SetupSuggest), Msg::HintSuggest),
    hinted(key(Agenda, Esc, Action::Cancel), Msg::HintCancel),
    ctrl(Agenda, 'c', Action::Quit),
    hinted(key(Review, Right, Action::ReviewNext), Msg::HintNext),
    key(Review, Char('l'), Action::ReviewNext),
    key(Review, Char(' '), Action::ReviewNext),
    hinted(key(Review, Left, Action::ReviewPrev), Msg::HintPrev),
    key(Review, Char('h'), Action::ReviewPrev),
    hinted(key(Review, Char('a'), Action::ReviewApprove), Msg::HintApprove),
    hinted(key(Review, Char('p'), Action::ReviewPark), Msg::HintPark),
    hinted(key(Review, Char('t'), Action::ReviewNoted), Msg::HintNoted),
    hinted(key(Review, Char('x'), Action::ReviewReject), Msg::HintReject),
    hinted(key(Review, Char('d'), Action::ReviewDefer), Msg::HintDefer),
    hinted(key(Review, Char('o'), Action::ReviewOwner), Msg::HintOwner),
    hinted(key(Review, Char('n'), Action::ReviewNote), Msg::HintNote),
    hinted(key(Review, Enter, Action::Edit), Msg::HintEdit),
    hinted(key(Review, Char('u'), Action::Undo), Msg::HintUndo),
    key(Review, Char('L'), Action::ShowLog),
    hinted(key(Review, Char('?'), Action::Help), Msg::HintHelp),
    hinted(key(Review, Esc, Action::ReviewEnd), Msg::HintEnd),
    key(Review, Char('q'), Action::ReviewEnd),
    ctrl(Review, 'c', Action::ReviewEnd),
    key(Summary, Char('j'), Action::Down),
    key(Summary, Down, Action::Down),
    key(Summary, Char('k'), Action::Up),
    key(Summary, Up, Action::Up),
    key(Summary, PageDown, Action::PageDown),
    key(Summary, PageUp, Action::PageUp),
    hinted(key(Summary, Char('N'), Action::PlanLeftovers), Msg::HintLeftovers),
    hinted(key(Summary, Esc, Action::Cancel), Msg::HintClose),
    key(Summary, Char('q'), Action::Cancel),
    key(Summary, Enter, Action::Cancel),
    ctrl(Summary, 'c', Action::Quit),
    key(Log, Char('j'), Action::Down),
    key(Log, Down, Action::Down),
    key(Log, Char('k'), Action::Up),
    key(Log, Up, Action::Up),
    key(Log, PageDown, Action::PageDown),
    key(Log, PageUp, Action::PageUp),
    hinted(key(Log, Esc, Action::Cancel), Msg::HintClose),
    key(Log, Char('q'), Action::Cancel),
    key(Log, Char('L'), Action::Cancel),
    ctrl(Log, 'c', Action::Quit),
    // Issue 5: ranking, drill-downs, the Overview pane
    key(List, Char('5'), Action::Focus(Pane::Overview)),
    hinted(
        only_in(Pane::Priorities, key(List, Char('K'), Action::RankUp)),
        Msg::HintRank,
    ),
    only_in(Pane::Priorities, key(List, Char('J'), Action::RankDown)),
    hinted(
        only_in(Pane::Priorities, key(List, Enter, Action::DrillDown)),
        Msg::HintShowMeasures,
    ),
    hinted(
        only_in(Pane::Owners, key(List, Enter, Action::DrillDown)),
        Msg::HintShowMeasures,
    ),
    hinted(
        only_in(Pane::Overview, key(List, Enter, Action::DrillDown)),
        Msg::HintShowMeasures,
    ),
    only_in(Pane::Overview, key(List, Char('h'), Action::CellLeft)),
    only_in(Pane::Overview, key(List, Left, Action::CellLeft)),
    only_in(Pane::Overview, key(List, Char('l'), Action::CellRight)),
    only_in(Pane::Overview, key(List, Right, Action::CellRight)),
    hinted(
        only_in(Pane::Overview, key(List, Char('c'), Action::ToggleCharts)),
        Msg::HintCharts,
    ),
    hinted(
        only_in(Pane::Overview, key(List, Char('m'), Action::ToggleValueEffort)),
        Msg::HintValueEffort,
    ),
    // Issue 6: choosing a side for each conflict after a merge with changes made outside
    key(Merge, Char('j'), Action::Down),
    key(Merge, Down, Action::Down),
    key(Merge, Char('k'), Action::Up),
    key(Merge, Up, Action::Up),
    hinted(key(Merge, Left, Action::MergeOurs), Msg::HintOurs),
    key(Merge, Char('h'), Action::MergeOurs),
    hinted(key(Merge, Right, Action::MergeTheirs), Msg::HintTheirs),
    key(Merge, Char('l'), Action::MergeTheirs),
    key(Merge, Char(' '), Action::MergeToggle),
    hinted(key(Merge, Enter, Action::MergeApply), Msg::HintApply),
    hinted(key(Merge, Esc, Action::Cancel), Msg::HintKeepOurs),
    ctrl(Merge, 'c', Action::Quit),
    // Issue 3: find and triage
    hinted(
        only_in(Pane::Measures, key(List, Char('/'), Action::Search)),
        Msg::HintSearch,
    ),
    hinted(
        only_in(Pane::Owners, key(List, Char('/'), Action::Search)),
        Msg::HintSearch,
    ),
    hinted(
        only_in(Pane::Priorities, key(List, Char('/'), Action::Search)),
        Msg::HintSearch,
    ),
    hinted(
        only_in(Pane::Meetings, key(List, Char('/'), Action::Search)),
        Msg::HintSearch,
    ),
    hinted(key(List, Char(':'), Action::Palette), Msg::HintPalette),
    ctrl(List, 'p', Action::Palette),
    hinted(
        only_in(Pane::Measures, key(List, Char('f'), Action::FilterPanel)),
        Msg::HintFilter,
    ),
    only_in(Pane::Measures, key(List, Char('F'), Action::ClearFilters)),
    only_in(Pane::Measures, key(List, Char('o'), Action::CycleSort)),
    key(List, Char('T'), Action::Triage),
    only_in(Pane::Measures, key(List, Char('a'), Action::AssignOwner)),
    only_in(Pane::Measures, key(List, Char('c'), Action::AssignSectors)),
    only_in(Pane::Measures, key(List, Char('p'), Action::AssignPriorities)),
    only_in(Pane::Measures, key(List, Char('v'), Action::AssignValue)),
    only_in(Pane::Measures, key(List, Char('E'), Action::AssignEffort)),
    only_in(Pane::Measures, key(List, Char(' '), Action::ToggleMark)),
    only_in(Pane::Measures, key(List, Char('V'), Action::MarkVisible)),
    // Issue 15: the HTML status page
    key(List, Char('H'), Action::StatusPage),
    // Issue 11: sync the shared backlog
    key(List, Char('Y'), Action::Sync),
    key(Search, Enter, Action::Accept),
    key(Search, Esc, Action::Cancel),
    key(Search, Down, Action::Down),
    key(Search, Up, Action::Up),
    ctrl(Search, 'n', Action::Down),
    ctrl(Search, 'p', Action::Up),
    ctrl(Search, 'u', Action::ClearInput),
    ctrl(Search, 'c', Action::Quit),
    key(Palette, Enter, Action::Accept),
    key(Palette, Esc, Action::Cancel),
    key(Palette, Down, Action::Down),
    key(Palette, Up, Action::Up),
    ctrl(Palette, 'n', Action::Down),
    ctrl(Palette, 'p', Action::Up),
    ctrl(Palette, 'u', Action::ClearInput),
    ctrl(Palette, 'c', Action::Quit),
    hinted(key(Picker, Enter, Action::Accept), Msg::HintChoose),
    hinted(key(Picker, Tab, Action::PickToggle), Msg::HintCheck),
    hinted(key(Picker, Esc, Action::Cancel), Msg::HintCancel),
    key(Picker, Down, Action::Down),
    key(Picker, Up, Action::Up),
    ctrl(Picker, 'n', Action::Down),
    ctrl(Picker, 'p', Action::Up),
    ctrl(Picker, 'u', Action::ClearInput),
    ctrl(Picker, 'c', Action::Quit),
    key(Filter, Char('j'), Action::Down),
    key(Filter, Down, Action::Down),
    key(Filter, Char('k'), Action::Up),
    key(Filter, Up, Action::Up),
    key(Filter, Char('h'), Action::ChoicePrev),
    key(Filter, Left, Action::ChoicePrev),
    key(Filter, Char('l'), Action::ChoiceNext),
    key(Filter, Right, Action::ChoiceNext),
    key(Filter, Char(' '), Action::PickToggle),
    key(Filter, Char('F'), Action::ClearFilters),
    key(Filter, Enter, Action::Accept),
    key(Filter, Char('f'), Action::Accept),
    key(Filter, Esc, Action::Cancel),
    ctrl(Filter, 'c', Action::Quit),
    key(Prompt, Enter, Action::Accept),
    key(Prompt, Esc, Action::Cancel),
    ctrl(Prompt, 'u', Action::ClearInput),
    ctrl(Prompt, 'c', Action::Quit),
    // Issue 10: meetings the group can trust
    hinted(
        only_in(Pane::Meetings, key(List, Enter, Action::OpenMeeting)),
        Msg::HintOpenMeeting,
    ),
    hinted(
        only_in(Pane::Meetings, key(List, Char('d'), Action::Delete)),
        Msg::HintDeletePlanned,
    ),
    hinted(
        only_in(Pane::Meetings, key(List, Char('A'), Action::MeetingAgenda)),
        Msg::HintAgenda,
    ),
    hinted(
        only_in(Pane::Meetings, key(List, Char('C'), Action::ShowChanges)),
        Msg::HintChanges,
    ),
    only_in(Pane::Measures, key(List, Char('C'), Action::ShowChanges)),
    key(Confirm, Char('v'), Action::ActOnVisible),
    key(Help, Char('g'), Action::First),
    key(Help, Home, Action::First),
    key(Help, Char('G'), Action::Last),
    key(Help, End, Action::Last),
    key(Changes, Char('j'), Action::Down),
    key(Changes, Down, Action::Down),
    key(Changes, Char('k'), Action::Up),
    key(Changes, Up, Action::Up),
    key(Changes, PageDown, Action::PageDown),
    key(Changes, PageUp, Action::PageUp),
    hinted(key(Changes, Esc, Action::Cancel), Msg::HintClose),
    key(Changes, Char('q'), Action::Cancel),
    key(Changes, Char('C'), Action::Cancel),
    key(Changes, Char('?'), Action::Help),
    ctrl(Changes, 'c', Action::Quit),
    // Issue 14: the Settings screen (backlog settings and sectors)
    ctrl(Form, 'u', Action::ClearInput),
    ctrl(Form, 'e', Action::ExternalEditor),
    key(List, Char(','), Action::OpenSettings),
    key(Context::Settings, Char('j'), Action::Down),
    key(Context::Settings, Down, Action::Down),
    key(Context::Settings, Char('k'), Action::Up),
    key(Context::Settings, Up, Action::Up),
    key(Context::Settings, Char('g'), Action::First),
    key(Context::Settings, Char('G'), Action::Last),
    hinted(key(Context::Settings, Char('n'), Action::New), Msg::HintNewSector),
    hinted(key(Context::Settings, Char('e'), Action::Edit), Msg::HintEdit),
    key(Context::Settings, Enter, Action::Edit),
    hinted(key(Context::Settings, Char('d'), Action::Delete), Msg::HintDelete),
    hinted(
        key(Context::Settings, Char('s'), Action::EditSettings),
        Msg::HintSettings,
    ),
    hinted(key(Context::Settings, Char('u'), Action::Undo), Msg::HintUndo),
    ctrl(Context::Settings, 'r', Action::Redo),
    key(Context::Settings, Char('?'), Action::Help),
    hinted(key(Context::Settings, Esc, Action::Cancel), Msg::HintClose),
    key(Context::Settings, Char('q'), Action::Cancel),
    key(Context::Settings, Char(','), Action::Cancel),
    ctrl(Context::Settings, 'c', Action::Quit),
    // Issue 14: the guided start on a new backlog
    key(Context::Start, Char('j'), Action::Down),
    key(Context::Start, Down, Action::Down),
    key(Context::Start, Char('k'), Action::Up),
    key(Context::Start, Up, Action::Up),
    hinted(key(Context::Start, Enter, Action::Accept), Msg::HintDoStep),
    hinted(key(Context::Start, Esc, Action::Cancel), Msg::HintSkipStart),
    hinted(key(Context::Start, Char('n'), Action::New), Msg::HintFirstMeasure),
    hinted(key(Context::Start, Char('?'), Action::Help), Msg::HintHelp),
    key(Context::Start, Char('q'), Action::Quit),
    ctrl(Context::Start, 'c', Action::Quit),
    // Issue 14: go to a measure by id
    key(List, Char('#'), Action::GoToMeasure),
    key(Context::GoTo, Enter, Action::Accept),
    key(Context::GoTo, Esc, Action::Cancel),
    ctrl(Context::GoTo, 'u', Action::ClearInput),
    ctrl(Context::GoTo, 'c', Action::Quit),
    // Issue 14: any status at once, also for the marked measures
    only_in(Pane::Measures, key(List, Char('t'), Action::AssignStatus)),
    // issue 14: sectors in the group's own order
    hinted(key(Context::Settings, Char('K'), Action::MoveSectorUp), Msg::HintMoveUp),
    hinted(
        key(Context::Settings, Char('J'), Action::MoveSectorDown),
        Msg::HintMoveDown,
    ),
    // issue 14: copy the selected measure (OSC 52)
    only_in(Pane::Measures, key(List, Char('y'), Action::CopyMeasure)),
    // issue 16: glossary
    key(List, Char('6'), Action::Focus(Pane::Glossary)),
    hinted(
        only_in(Pane::Glossary, key(List, Char('/'), Action::Search)),
        Msg::HintSearch,
    ),
    only_in(Pane::Measures, key(List, Char('B'), Action::NextTerm)),
    only_in(Pane::Glossary, key(List, Char('M'), Action::TermToMeeting)),
    // issue 16: dependencies and links
    only_in(Pane::Measures, key(List, Char('D'), Action::AssignDepends)),
    only_in(Pane::Measures, key(List, Char('P'), Action::AssignPartOf)),
    only_in(Pane::Measures, key(List, Char('b'), Action::FollowDependency)),
    only_in(Pane::Measures, key(List, Char('O'), Action::OpenLink)),
    hinted(key(Review, Char('b'), Action::FollowDependency), Msg::HintFollow),
    key(Review, Char('O'), Action::OpenLink),
    key(Log, Char('b'), Action::FollowDependency),
    key(Log, Char('O'), Action::OpenLink),
    // issue 16: glossary terms on the agenda from the meeting set-up
    hinted(key(Agenda, Char('a'), Action::AgendaAdd), Msg::HintAgendaAdd),
    // issue 14: one picker everywhere; Space checks as Tab does
    hinted(key(Picker, Char(' '), Action::PickToggle), Msg::HintCheck),
];

/// Actions without a key of their own, run from the command palette (and listed in help).
pub static PALETTE_ONLY: &[Action] = &[
    Action::SaveView,
    Action::OpenView,
    Action::DeleteView,
    Action::ShowOverdue,
    Action::ClearMarks,
];

/// The help overlay's sections, the keys of `first` (what is open under the help) on top.
pub fn help_sections(first: Context) -> Vec<Context> {
    let mut sections = vec![first];
    for context in [
        List,
        Search,
        Palette,
        Picker,
        Filter,
        Form,
        Confirm,
        Setup,
        Agenda,
        Review,
        Summary,
        Log,
        Changes,
        Merge,
        Context::Settings,
        Context::Start,
        Context::GoTo,
    ] {
        if context != first {
            sections.push(context);
        }
    }
    sections
}

/// The help overlay's width, borders included.
pub const HELP_WIDTH: u16 = 72;

/// Width of the help's key column, indent included.
const HELP_KEYS: usize = 20;

/// One help row laid out in `width` columns: the padded keys, the indent of the description,
/// and the description broken between words so a long one is never cut at the border.
pub fn help_row(keys: &str, description: &str, width: usize) -> (String, usize, Vec<String>) {
    let keys = format!("  {keys:<18}");
    let indent = keys.width().max(HELP_KEYS);
    (keys, indent, wrap(description, width.saturating_sub(indent).max(10)))
}

/// `text` in lines of at most `width` columns, broken between words (a word longer than a
/// line gets a line of its own).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        if !line.is_empty() && line.width() + 1 + word.width() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    lines.push(line);
    lines
}

/// Shift only matters through the character it produces (`G`, `?`), and Shift-Tab arrives as
/// BackTab with Shift held; compare without it.
fn normalized(modifiers: KeyModifiers) -> KeyModifiers {
    modifiers - KeyModifiers::SHIFT
}

/// How a key is written in help and hints.
pub fn key_label(binding: &Binding, lang: Lang) -> String {
    let name = match binding.code {
        Char(' ') => match lang {
            Lang::Nb => "Mellomrom".to_string(),
            Lang::En => "Space".to_string(),
        },
        Char(c) => c.to_string(),
        Enter => "Enter".to_string(),
        Esc => "Esc".to_string(),
        Tab => "Tab".to_string(),
        BackTab => "Shift-Tab".to_string(),
        Down => "↓".to_string(),
        Up => "↑".to_string(),
        Left => "←".to_string(),
        Right => "→".to_string(),
        Home => "Home".to_string(),
        End => "End".to_string(),
        PageDown => "PgDn".to_string(),
        PageUp => "PgUp".to_string(),
        other => format!("{other}"),
    };
    if binding.modifiers.contains(KeyModifiers::CONTROL) {
        format!("Ctrl-{name}")
    } else {
        name
    }
}

/// General list keys that do nothing in `pane` (the Overview has nothing to edit or delete;
/// meetings are kept for good): their hints would only mislead.
fn idle_in(action: Action, pane: Pane) -> bool {
    matches!(
        (action, pane),
        (Action::Edit | Action::Delete, Pane::Overview) | (Action::Delete, Pane::Meetings)
    )
}

/// The bindings in effect: the table above, changed by the user's config file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Keymap {
        Keymap {
            bindings: BINDINGS.to_vec(),
        }
    }
}

impl Keymap {
    pub fn from_bindings(bindings: Vec<Binding>) -> Keymap {
        Keymap { bindings }
    }

    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }

    /// Lines the help overlay holds on a screen `screen_width` wide when `first` is on top: a
    /// title and the (wrapped) rows per section, blank lines between, then the palette-only
    /// actions.
    pub fn help_len(&self, first: Context, lang: Lang, screen_width: u16) -> usize {
        let width = usize::from(HELP_WIDTH.min(screen_width).saturating_sub(2));
        let rows = |rows: &mut dyn Iterator<Item = (String, String)>| -> usize {
            rows.map(|(keys, description)| help_row(&keys, &description, width).2.len())
                .sum()
        };
        let sections: usize = help_sections(first)
            .into_iter()
            .map(|c| rows(&mut self.help_rows(c, lang).into_iter()) + 2)
            .sum();
        let palette_only = rows(
            &mut PALETTE_ONLY
                .iter()
                .map(|a| (":".to_string(), lang.tr(a.description()).to_string())),
        );
        sections + 1 + palette_only
    }

    pub fn lookup(&self, context: Context, pane: Pane, event: KeyEvent) -> Option<Action> {
        let matching = |b: &&Binding| {
            b.context == context && b.code == event.code && normalized(b.modifiers) == normalized(event.modifiers)
        };
        let specific = self.bindings.iter().filter(matching).find(|b| b.pane == Some(pane));
        specific
            .or_else(|| self.bindings.iter().filter(matching).find(|b| b.pane.is_none()))
            .map(|b| b.action)
    }

    pub fn bindings_in(&self, context: Context) -> impl Iterator<Item = &Binding> {
        self.bindings.iter().filter(move |b| b.context == context)
    }

    /// The bindings live in `pane`: its own, and the general ones it does not override.
    pub fn active_bindings(&self, context: Context, pane: Pane) -> impl Iterator<Item = &Binding> {
        self.bindings_in(context).filter(move |b| match b.pane {
            Some(only) => only == pane,
            None => !self
                .bindings_in(context)
                .any(|o| o.pane == Some(pane) && o.code == b.code && o.modifiers == b.modifiers),
        })
    }

    /// The help overlay's rows for one context: all keys of an action on one line, in table order.
    /// Pane-specific bindings name their pane; one action on the same keys in several panes is one
    /// row naming them all.
    pub fn help_rows(&self, context: Context, lang: Lang) -> Vec<(String, String)> {
        type Row = ((Action, Option<Pane>), Vec<String>);
        let mut rows: Vec<Row> = Vec::new();
        for binding in self.bindings_in(context) {
            let label = key_label(binding, lang);
            let id = (binding.action, binding.pane);
            match rows.iter_mut().find(|(row, _)| *row == id) {
                Some((_, keys)) => keys.push(label),
                None => rows.push((id, vec![label])),
            }
        }
        let mut merged: Vec<(Action, Vec<String>, Vec<Pane>)> = Vec::new();
        for ((action, pane), keys) in rows {
            match merged
                .iter_mut()
                .find(|(a, k, panes)| *a == action && *k == keys && !panes.is_empty() && pane.is_some())
            {
                Some((_, _, panes)) => panes.extend(pane),
                None => merged.push((action, keys, pane.into_iter().collect())),
            }
        }
        merged
            .into_iter()
            .map(|(action, keys, panes)| {
                let mut description = lang.tr(action.description()).to_string();
                if !panes.is_empty() {
                    let names: Vec<&str> = panes.iter().map(|p| lang.tr(p.title())).collect();
                    description = format!("{description} ({})", names.join(", "));
                }
                (keys.join(" / "), description)
            })
            .collect()
    }

    /// Status-bar hints for what is focused, e.g. `n ny`.
    /// The pane's own keys first, help and quit last: the status bar drops hints from just before
    /// help and quit when space runs out, so the general ones go first.
    pub fn hints(&self, context: Context, pane: Pane, lang: Lang) -> Vec<(String, &'static str)> {
        self.hinted(context, pane)
            .into_iter()
            .filter_map(|b| b.hint.map(|hint| (key_label(b, lang), lang.tr(hint))))
            .collect()
    }

    /// The bindings with a hint in `context`, in the order [`Keymap::hints`] shows them.
    fn hinted(&self, context: Context, pane: Pane) -> Vec<&Binding> {
        let mut hinted: Vec<&Binding> = self
            .active_bindings(context, pane)
            .filter(|b| b.hint.is_some() && !(context == List && idle_in(b.action, pane)))
            .collect();
        hinted.sort_by_key(|b| match b.hint {
            Some(Msg::HintHelp | Msg::HintQuit) => 2,
            _ if b.pane.is_some() => 0,
            _ => 1,
        });
        hinted
    }
}

// issue 16: what the review's keys do while it is on a glossary term
/// What a review key does on a glossary term instead of a measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnTerm {
    Agree,
    Revise,
    Retire,
    Noted,
    /// Acts on measures only; on a term it says so and records nothing.
    MeasuresOnly,
    /// The same on a term as on a measure (move, undo, help, end).
    Same,
}

/// The one table of a review key's meaning on a glossary term: the review's update and its key
/// line both read it.
pub fn on_term(action: Action) -> OnTerm {
    match action {
        Action::ReviewApprove => OnTerm::Agree,
        Action::Edit => OnTerm::Revise,
        Action::ReviewReject => OnTerm::Retire,
        Action::ReviewNoted => OnTerm::Noted,
        Action::ReviewPark
        | Action::ReviewDefer
        | Action::ReviewOwner
        | Action::ReviewNote
        | Action::ShowLog
        | Action::FollowDependency
        | Action::OpenLink => OnTerm::MeasuresOnly,
        _ => OnTerm::Same,
    }
}

impl Keymap {
    /// The review's key hints while it is on a glossary term: the term decisions' words on
    /// their keys, the keys that act on measures only left out.
    pub fn term_review_hints(&self, pane: Pane, lang: Lang) -> Vec<(String, &'static str)> {
        self.hinted(Context::Review, pane)
            .into_iter()
            .filter_map(|b| {
                let word = match on_term(b.action) {
                    OnTerm::Agree => Msg::HintAgreeTerm,
                    OnTerm::Revise => Msg::HintReviseTerm,
                    OnTerm::Retire => Msg::HintRetireTerm,
                    OnTerm::Noted | OnTerm::Same => b.hint?,
                    OnTerm::MeasuresOnly => return None,
                };
                Some((key_label(b, lang), lang.tr(word)))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    #[test]
    fn long_help_descriptions_wrap_between_words() {
        assert_eq!(
            wrap("Show the selection's measures; Esc goes back (Priorities)", 50),
            ["Show the selection's measures; Esc goes back", "(Priorities)"]
        );
        assert_eq!(wrap("Down", 50), ["Down"]);
    }

    #[test]
    fn the_help_is_longer_on_a_narrow_screen_where_rows_wrap() {
        let wide = Keymap::default().help_len(Context::List, Lang::En, 200);
        assert!(Keymap::default().help_len(Context::List, Lang::En, 40) > wide);
        assert_eq!(
            Keymap::default().help_len(Context::List, Lang::En, 72),
            wide,
            "72 columns is the overlay's full width"
        );
    }

    /// Every action there is (`Focus` once per pane), listed by the compiler, not by hand.
    fn every_action() -> Vec<Action> {
        use strum::IntoEnumIterator;
        Action::iter()
            .flat_map(|action| match action {
                Action::Focus(_) => Pane::ALL.map(Action::Focus).to_vec(),
                other => vec![other],
            })
            .collect()
    }

    /// Sent by the program itself or the mouse, never by a key or the palette.
    const NOT_FROM_THE_USER: &[Action] = &[Action::CheckOutside, Action::SelectRow(0)];

    #[test]
    fn every_action_has_a_key_or_is_palette_only_by_design() {
        let all = every_action();
        assert!(all.len() > 80, "{} actions", all.len());
        for action in all {
            let bound = BINDINGS.iter().any(|b| b.action == action);
            let palette = PALETTE_ONLY.contains(&action);
            let internal = NOT_FROM_THE_USER.contains(&action);
            assert_eq!(
                usize::from(bound) + usize::from(palette) + usize::from(internal),
                1,
                "{action:?}: bound {bound}, palette-only {palette}, internal {internal}"
            );
        }
    }

    /// Two bindings clash when a key in one context would be looked up to both: the same pane
    /// scope twice, or (the pane-specific one wins) never. Modifiers compare as `lookup` does.
    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        let mut seen = HashSet::new();
        for b in BINDINGS {
            assert!(
                seen.insert((b.context, b.pane, b.code, normalized(b.modifiers))),
                "clash: {:?} {:?} in {:?} ({:?})",
                b.code,
                b.modifiers,
                b.context,
                b.pane
            );
        }
        // Every binding is what lookup finds for its key in each pane it applies to.
        for b in BINDINGS {
            let panes: Vec<Pane> = b.pane.map_or(Pane::ALL.to_vec(), |p| vec![p]);
            for pane in panes {
                let shadowed = b.pane.is_none()
                    && BINDINGS.iter().any(|o| {
                        o.context == b.context
                            && o.pane == Some(pane)
                            && o.code == b.code
                            && normalized(o.modifiers) == normalized(b.modifiers)
                    });
                if !shadowed {
                    let event = KeyEvent::new(b.code, b.modifiers);
                    assert_eq!(
                        Keymap::default().lookup(b.context, pane, event),
                        Some(b.action),
                        "{b:?} in {pane:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn shift_tab_and_capitals_match_with_shift_held() {
        let back = KeyEvent::new(BackTab, KeyModifiers::SHIFT);
        assert_eq!(
            Keymap::default().lookup(List, Pane::Measures, back),
            Some(Action::PrevPane)
        );
        let big_g = KeyEvent::new(Char('G'), KeyModifiers::SHIFT);
        assert_eq!(
            Keymap::default().lookup(List, Pane::Measures, big_g),
            Some(Action::Last)
        );
        let ctrl_c = KeyEvent::new(Char('c'), KeyModifiers::CONTROL);
        assert_eq!(
            Keymap::default().lookup(List, Pane::Measures, ctrl_c),
            Some(Action::Quit)
        );
        assert_eq!(
            Keymap::default().lookup(List, Pane::Owners, KeyEvent::new(Char('c'), KeyModifiers::NONE)),
            None
        );
        assert_eq!(
            Keymap::default().lookup(List, Pane::Measures, KeyEvent::new(Char('c'), KeyModifiers::NONE)),
            Some(Action::AssignSectors)
        );
    }

    #[test]
    fn help_lists_every_list_action_with_all_its_keys() {
        let rows = Keymap::default().help_rows(List, Lang::En);
        let down = rows.iter().find(|(_, d)| *d == "Down").unwrap();
        assert_eq!(down.0, "j / ↓");
        let quit = rows.iter().find(|(_, d)| d.starts_with("Quit")).unwrap();
        assert_eq!(quit.0, "q / Ctrl-c");
    }
}
