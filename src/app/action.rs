//! The shared vocabulary of keymap, help, update and tests.

use crate::i18n::Msg;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    Measures,
    Owners,
    Priorities,
}

impl Pane {
    pub const ALL: [Pane; 3] = [Pane::Measures, Pane::Owners, Pane::Priorities];

    pub fn title(self) -> Msg {
        match self {
            Pane::Measures => Msg::PaneMeasures,
            Pane::Owners => Msg::PaneOwners,
            Pane::Priorities => Msg::PanePriorities,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    Quit,
    Help,
    NextPane,
    PrevPane,
    Focus(Pane),
    Down,
    Up,
    First,
    Last,
    PageDown,
    PageUp,
    Edit,
    New,
    Delete,
    StatusForward,
    StatusBack,
    Undo,
    Redo,
    DetailDown,
    DetailUp,
    Cancel,
    ConfirmYes,
    ConfirmNo,
    FormNextField,
    FormPrevField,
    FormDown,
    FormUp,
    FormSave,
    FormSaveLine,
    FormToggle,
    // Issue 3: find and triage
    Search,
    FilterPanel,
    ClearFilters,
    CycleSort,
    Triage,
    AssignOwner,
    AssignSectors,
    AssignPriorities,
    AssignValue,
    AssignEffort,
    ToggleMark,
    MarkVisible,
    Palette,
    Accept,
    ClearInput,
    PickToggle,
    ChoicePrev,
    ChoiceNext,
    SaveView,
    OpenView,
    DeleteView,
    ClearMarks,
    ShowOverdue,
}

impl Action {
    /// What the action does, for help and hints.
    pub fn description(self) -> Msg {
        match self {
            Action::Quit => Msg::ActQuit,
            Action::Help => Msg::ActHelp,
            Action::NextPane => Msg::ActNextPane,
            Action::PrevPane => Msg::ActPrevPane,
            Action::Focus(Pane::Measures) => Msg::ActMeasures,
            Action::Focus(Pane::Owners) => Msg::ActOwners,
            Action::Focus(Pane::Priorities) => Msg::ActPriorities,
            Action::Down => Msg::ActDown,
            Action::Up => Msg::ActUp,
            Action::First => Msg::ActFirst,
            Action::Last => Msg::ActLast,
            Action::PageDown => Msg::ActPageDown,
            Action::PageUp => Msg::ActPageUp,
            Action::Edit => Msg::ActEdit,
            Action::New => Msg::ActNew,
            Action::Delete => Msg::ActDelete,
            Action::StatusForward => Msg::ActStatusForward,
            Action::StatusBack => Msg::ActStatusBack,
            Action::Undo => Msg::ActUndo,
            Action::Redo => Msg::ActRedo,
            Action::DetailDown => Msg::ActDetailDown,
            Action::DetailUp => Msg::ActDetailUp,
            Action::Cancel => Msg::ActCancel,
            Action::ConfirmYes => Msg::ActConfirmYes,
            Action::ConfirmNo => Msg::ActConfirmNo,
            Action::FormNextField => Msg::ActFormNextField,
            Action::FormPrevField => Msg::ActFormPrevField,
            Action::FormDown => Msg::ActFormDown,
            Action::FormUp => Msg::ActFormUp,
            Action::FormSave => Msg::ActFormSave,
            Action::FormSaveLine => Msg::ActFormSaveLine,
            Action::FormToggle => Msg::ActFormToggle,
            Action::Search => Msg::ActSearch,
            Action::FilterPanel => Msg::ActFilterPanel,
            Action::ClearFilters => Msg::ActClearFilters,
            Action::CycleSort => Msg::ActCycleSort,
            Action::Triage => Msg::ActTriage,
            Action::AssignOwner => Msg::ActAssignOwner,
            Action::AssignSectors => Msg::ActAssignSectors,
            Action::AssignPriorities => Msg::ActAssignPriorities,
            Action::AssignValue => Msg::ActAssignValue,
            Action::AssignEffort => Msg::ActAssignEffort,
            Action::ToggleMark => Msg::ActToggleMark,
            Action::MarkVisible => Msg::ActMarkVisible,
            Action::Palette => Msg::ActPalette,
            Action::Accept => Msg::ActAccept,
            Action::ClearInput => Msg::ActClearInput,
            Action::PickToggle => Msg::ActPickToggle,
            Action::ChoicePrev => Msg::ActChoicePrev,
            Action::ChoiceNext => Msg::ActChoiceNext,
            Action::SaveView => Msg::ActSaveView,
            Action::OpenView => Msg::ActOpenView,
            Action::DeleteView => Msg::ActDeleteView,
            Action::ClearMarks => Msg::ActClearMarks,
            Action::ShowOverdue => Msg::ActShowOverdue,
        }
    }
}
