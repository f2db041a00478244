//! The shared vocabulary of keymap, help, update and tests.

use crate::i18n::Msg;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    Measures,
    Owners,
    Priorities,
    Meetings,
}

impl Pane {
    pub const ALL: [Pane; 4] = [Pane::Measures, Pane::Owners, Pane::Priorities, Pane::Meetings];

    pub fn title(self) -> Msg {
        match self {
            Pane::Measures => Msg::PaneMeasures,
            Pane::Owners => Msg::PaneOwners,
            Pane::Priorities => Msg::PanePriorities,
            Pane::Meetings => Msg::PaneMeetings,
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
    StartReview,
    ExportView,
    ShowLog,
    SetupStart,
    SetupSuggest,
    AgendaMoveUp,
    AgendaMoveDown,
    AgendaDrop,
    ReviewNext,
    ReviewPrev,
    ReviewApprove,
    ReviewPark,
    ReviewReject,
    ReviewDefer,
    ReviewOwner,
    ReviewNote,
    ReviewEnd,
    PlanLeftovers,
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
            Action::Focus(Pane::Meetings) => Msg::ActMeetings,
            Action::StartReview => Msg::ActStartReview,
            Action::ExportView => Msg::ActExportView,
            Action::ShowLog => Msg::ActShowLog,
            Action::SetupStart => Msg::ActSetupStart,
            Action::SetupSuggest => Msg::ActSetupSuggest,
            Action::AgendaMoveUp => Msg::ActAgendaMoveUp,
            Action::AgendaMoveDown => Msg::ActAgendaMoveDown,
            Action::AgendaDrop => Msg::ActAgendaDrop,
            Action::ReviewNext => Msg::ActReviewNext,
            Action::ReviewPrev => Msg::ActReviewPrev,
            Action::ReviewApprove => Msg::ActReviewApprove,
            Action::ReviewPark => Msg::ActReviewPark,
            Action::ReviewReject => Msg::ActReviewReject,
            Action::ReviewDefer => Msg::ActReviewDefer,
            Action::ReviewOwner => Msg::ActReviewOwner,
            Action::ReviewNote => Msg::ActReviewNote,
            Action::ReviewEnd => Msg::ActReviewEnd,
            Action::PlanLeftovers => Msg::ActPlanLeftovers,
        }
    }
}
