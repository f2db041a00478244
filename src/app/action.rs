//! The shared vocabulary of keymap, help, update and tests.

use crate::i18n::Msg;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    Measures,
    Owners,
    Priorities,
    Overview,
}

impl Pane {
    pub const ALL: [Pane; 4] = [Pane::Measures, Pane::Owners, Pane::Priorities, Pane::Overview];

    pub fn title(self) -> Msg {
        match self {
            Pane::Measures => Msg::PaneMeasures,
            Pane::Owners => Msg::PaneOwners,
            Pane::Priorities => Msg::PanePriorities,
            Pane::Overview => Msg::PaneOverview,
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
    SaveElsewhere,
    RankUp,
    RankDown,
    DrillDown,
    CellLeft,
    CellRight,
    ToggleCharts,
    ToggleValueEffort,
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
            Action::SaveElsewhere => Msg::ActSaveElsewhere,
            Action::Focus(Pane::Overview) => Msg::ActOverview,
            Action::RankUp => Msg::ActRankUp,
            Action::RankDown => Msg::ActRankDown,
            Action::DrillDown => Msg::ActDrillDown,
            Action::CellLeft => Msg::ActCellLeft,
            Action::CellRight => Msg::ActCellRight,
            Action::ToggleCharts => Msg::ActToggleCharts,
            Action::ToggleValueEffort => Msg::ActToggleValueEffort,
        }
    }
}
