//! The string catalogue: every user-visible text in Norwegian bokmål and English.
//!
//! Texts with `{name}` placeholders are filled with [`Lang::fill`].

use jiff::civil::Date;

use crate::domain::{Funding, LogKind, Status};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    Nb,
    En,
}

impl Lang {
    /// `--lang` wins; then LC_ALL, LC_MESSAGES, LANG (the POSIX order); nb, nn and no give
    /// Norwegian; anything else English.
    pub fn detect(flag: Option<&str>) -> Lang {
        if let Some(lang) = flag.and_then(Lang::parse) {
            return lang;
        }
        for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let Ok(value) = std::env::var(var) {
                if value.is_empty() {
                    continue;
                }
                return Lang::parse(&value).unwrap_or(Lang::En);
            }
        }
        Lang::En
    }

    /// Reads a language code such as `nb`, `nb_NO.UTF-8`, `en`, `en_US`.
    pub fn parse(code: &str) -> Option<Lang> {
        let base = code.split(['_', '.', '-', '@']).next().unwrap_or("").to_lowercase();
        match base.as_str() {
            "nb" | "nn" | "no" => Some(Lang::Nb),
            "en" | "c" | "posix" => Some(Lang::En),
            _ => None,
        }
    }

    pub fn tr(self, msg: Msg) -> &'static str {
        let (nb, en) = msg.texts();
        match self {
            Lang::Nb => nb,
            Lang::En => en,
        }
    }

    /// The text of `msg` with each `{name}` replaced by its value.
    pub fn fill(self, msg: Msg, values: &[(&str, &str)]) -> String {
        let mut text = self.tr(msg).to_string();
        for (name, value) in values {
            text = text.replace(&format!("{{{name}}}"), value);
        }
        text
    }

    /// `dd.mm.yyyy` in Norwegian, ISO 8601 in English.
    pub fn date(self, date: Date) -> String {
        match self {
            Lang::Nb => format!("{:02}.{:02}.{}", date.day(), date.month(), date.year()),
            Lang::En => date.to_string(),
        }
    }

    pub fn status(self, status: Status) -> &'static str {
        self.tr(match status {
            Status::Idea => Msg::StatusIdea,
            Status::Assessing => Msg::StatusAssessing,
            Status::Decided => Msg::StatusDecided,
            Status::InProgress => Msg::StatusInProgress,
            Status::Done => Msg::StatusDone,
            Status::Parked => Msg::StatusParked,
            Status::Rejected => Msg::StatusRejected,
        })
    }

    pub fn funding(self, funding: Funding) -> &'static str {
        self.tr(match funding {
            Funding::Operating => Msg::FundingOperating,
            Funding::Investment => Msg::FundingInvestment,
            Funding::External => Msg::FundingExternal,
            Funding::Unfunded => Msg::FundingUnfunded,
        })
    }

    pub fn log_kind(self, kind: LogKind) -> &'static str {
        self.tr(match kind {
            LogKind::Decision => Msg::LogDecision,
            LogKind::StatusChange => Msg::LogStatusChange,
            LogKind::Note => Msg::LogNote,
        })
    }

    /// The sectors a new backlog starts with.
    pub fn default_sectors(self) -> Vec<&'static str> {
        self.tr(Msg::DefaultSectors).split('|').collect()
    }
}

macro_rules! catalogue {
    ($($name:ident => ($nb:expr, $en:expr),)*) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Msg { $($name,)* }

        impl Msg {
            pub const ALL: &'static [Msg] = &[$(Msg::$name,)*];

            fn texts(self) -> (&'static str, &'static str) {
                match self { $(Msg::$name => ($nb, $en),)* }
            }
        }
    };
}

catalogue! {
    AppTitle => ("tiltak", "tiltak"),
    DefaultBacklogName => ("Toppledergruppens tiltak", "Leadership group measures"),
    DefaultSectors => (
        "Oppvekst barnehage|Oppvekst skole|Helse og omsorg|Bistand og omsorg|Samfunnsutvikling|Miljø, idrett og kultur|Organisasjon og digitalisering|Økonomi og virksomhetsstyring",
        "Early childhood|Schools|Health and care|Welfare services|Community development|Environment, sports and culture|Organisation and digitalisation|Finance and governance"
    ),

    // Panes and columns
    PaneMeasures => ("Tiltak", "Measures"),
    PaneOwners => ("Eiere", "Owners"),
    PanePriorities => ("Prioriteringer", "Priorities"),
    PaneDetail => ("Detaljer", "Details"),
    ColId => ("Id", "Id"),
    ColTitle => ("Tittel", "Title"),
    ColStatus => ("Status", "Status"),
    ColOwner => ("Eier", "Owner"),
    ColSectors => ("Sektorer", "Sectors"),
    ColDue => ("Frist", "Due"),
    ColName => ("Navn", "Name"),
    ColRole => ("Rolle", "Role"),
    ColActive => ("Aktive", "Active"),
    ColRank => ("Rang", "Rank"),
    ColMeasures => ("Tiltak", "Measures"),
    EmptyMeasures => ("Ingen tiltak ennå. Trykk n for å legge til det første.", "No measures yet. Press n to add the first one."),
    EmptyFiltered => ("Ingen tiltak passer filteret.", "No measures match the filter."),
    EmptyOwners => ("Ingen eiere ennå. Trykk n for å legge til.", "No owners yet. Press n to add one."),
    EmptyPriorities => ("Ingen prioriteringer ennå. Trykk n for å legge til.", "No priorities yet. Press n to add one."),
    NothingSelected => ("Ingenting valgt.", "Nothing selected."),
    None => ("–", "–"),
    Overdue => ("forfalt", "overdue"),
    CrossSector => ("tverrsektorielt", "cross-sector"),

    // Fields (form labels and detail panel)
    FieldTitle => ("Tittel", "Title"),
    FieldDescription => ("Beskrivelse", "Description"),
    FieldStatus => ("Status", "Status"),
    FieldOwner => ("Eier", "Owner"),
    FieldSectors => ("Sektorer", "Sectors"),
    FieldPriorities => ("Prioriteringer", "Priorities"),
    FieldValue => ("Verdi (1–5)", "Value (1–5)"),
    FieldEffort => ("Innsats (1–5)", "Effort (1–5)"),
    FieldValueEffort => ("Verdi / innsats", "Value / effort"),
    FieldDue => ("Frist", "Due date"),
    FieldFunding => ("Finansiering", "Funding"),
    FieldCost => ("Kostnadsanslag (kr)", "Cost estimate (NOK)"),
    FieldPolitical => ("Politisk behandling", "Political handling"),
    FieldCaseNumber => ("Saksnummer", "Case number"),
    FieldBenefits => ("Gevinster", "Benefits"),
    FieldTags => ("Stikkord", "Tags"),
    FieldCreated => ("Opprettet", "Created"),
    FieldUpdated => ("Endret", "Updated"),
    FieldLog => ("Logg", "Log"),
    FieldName => ("Navn", "Name"),
    FieldRole => ("Rolle", "Role"),
    FieldHomeSector => ("Sektor", "Sector"),
    FieldRank => ("Rang", "Rank"),
    FieldMeasures => ("Tiltak", "Measures"),
    FieldActiveMeasures => ("Aktive tiltak", "Active measures"),
    Yes => ("ja", "yes"),
    No => ("nei", "no"),
    NeedsPolitical => ("trenger politisk vedtak", "needs a political decision"),
    NoPolitical => ("ikke nødvendig", "not needed"),
    ScoreLabel => ("verdi/innsats", "value/effort"),
    NoLog => ("Ingen loggføringer.", "No log entries."),
    LogStatusLine => ("{from} → {to}", "{from} → {to}"),
    LogFromMeeting => ("(møte {id})", "(meeting {id})"),

    // Statuses, funding, log kinds
    StatusIdea => ("idé", "idea"),
    StatusAssessing => ("til vurdering", "assessing"),
    StatusDecided => ("vedtatt", "decided"),
    StatusInProgress => ("pågår", "in progress"),
    StatusDone => ("fullført", "done"),
    StatusParked => ("parkert", "parked"),
    StatusRejected => ("avvist", "rejected"),
    FundingOperating => ("drift", "operating budget"),
    FundingInvestment => ("investering", "investment"),
    FundingExternal => ("ekstern", "external"),
    FundingUnfunded => ("ufinansiert", "unfunded"),
    LogDecision => ("vedtak", "decision"),
    LogStatusChange => ("statusendring", "status change"),
    LogNote => ("notat", "note"),

    // Forms
    FormNewMeasure => ("Nytt tiltak", "New measure"),
    FormEditMeasure => ("Rediger {id}", "Edit {id}"),
    FormNewOwner => ("Ny eier", "New owner"),
    FormEditOwner => ("Rediger eier", "Edit owner"),
    FormNewPriority => ("Ny prioritering", "New priority"),
    FormEditPriority => ("Rediger prioritering", "Edit priority"),
    FormHint => (
        "Tab/Shift-Tab: felt · Enter/Ctrl-s: lagre · Esc: avbryt",
        "Tab/Shift-Tab: field · Enter/Ctrl-s: save · Esc: cancel"
    ),
    FormChoiceHint => ("←/→ eller mellomrom: velg", "←/→ or Space: choose"),
    FormMultiHint => ("↑/↓: flytt · mellomrom: merk", "↑/↓: move · Space: toggle"),
    FormDescriptionHint => ("Enter: ny linje · Ctrl-s: lagre", "Enter: new line · Ctrl-s: save"),
    FormDateHint => ("ÅÅÅÅ-MM-DD eller dd.mm.åååå", "YYYY-MM-DD"),
    FormTagsHint => ("skill med komma", "separate with commas"),
    FormErrorAbove => ("Rett feilen over før du lagrer.", "Fix the error above before saving."),
    ErrEmptyTitle => ("Tittelen kan ikke være tom.", "The title cannot be empty."),
    ErrEmptyName => ("Navnet kan ikke være tomt.", "The name cannot be empty."),
    ErrOneToFive => ("Skriv et tall fra 1 til 5.", "Enter a number from 1 to 5."),
    ErrBadDate => ("Ugyldig dato «{text}». Bruk ÅÅÅÅ-MM-DD, f.eks. 2027-03-31.", "Invalid date “{text}”. Use YYYY-MM-DD, e.g. 2027-03-31."),
    ErrBadNumber => ("Skriv et helt tall (kroner), f.eks. 250000.", "Enter a whole number (NOK), e.g. 250000."),
    ErrUnknownLink => ("Valget finnes ikke lenger.", "That choice no longer exists."),

    // Confirmation
    ConfirmDeleteMeasure => ("Slette {id} «{title}»?", "Delete {id} “{title}”?"),
    ConfirmDeleteOwner => ("Slette eieren {name}? {count} tiltak mister eieren sin (tiltakene beholdes).", "Delete owner {name}? {count} measures lose their owner (the measures are kept)."),
    ConfirmDeletePriority => ("Slette prioriteringen «{title}»? Den fjernes fra {count} tiltak (tiltakene beholdes).", "Delete priority “{title}”? It is removed from {count} measures (the measures are kept)."),
    ConfirmYesNo => ("y/j: ja · n/Esc: nei", "y: yes · n/Esc: no"),
    ConfirmQuitUnsaved => ("Endringene er IKKE lagret: {error}. Avslutte likevel og miste dem?", "Changes are NOT saved: {error}. Quit anyway and lose them?"),
    ConfirmTitle => ("Bekreft", "Confirm"),

    // Status bar
    Saved => ("✓ lagret", "✓ saved"),
    Unsaved => ("● ikke lagret", "● not saved"),
    SaveFailed => ("Kunne ikke lagre {path}: {error}", "Could not save {path}: {error}"),
    MsgAdded => ("la til {what}", "added {what}"),
    MsgUpdated => ("endret {what}", "changed {what}"),
    MsgDeleted => ("slettet {what}", "deleted {what}"),
    MsgNoChange => ("Ingen endringer.", "No changes."),
    MsgStatusChanged => ("{id}: {from} → {to}", "{id}: {from} → {to}"),
    MsgNoStepForward => ("{id} har ingen status etter «{status}».", "{id} has no status after “{status}”."),
    MsgNoStepBack => ("{id} har ingen status før «{status}».", "{id} has no status before “{status}”."),
    MsgUndone => ("Angret: {what}", "Undone: {what}"),
    MsgRedone => ("Gjort om igjen: {what}", "Redone: {what}"),
    MsgNothingToUndo => ("Ingenting å angre.", "Nothing to undo."),
    MsgNothingToRedo => ("Ingenting å gjøre om igjen.", "Nothing to redo."),
    MsgOnlyMeasures => ("Status gjelder bare tiltak.", "Status applies to measures only."),
    WhatAddedMeasure => ("{id}", "{id}"),
    WhatStatus => ("status for {id}", "status of {id}"),
    WhatOwner => ("eier {name}", "owner {name}"),
    WhatPriority => ("prioritering «{title}»", "priority “{title}”"),
    TooSmall => ("Terminalen er for liten ({w}×{h}). Gjør den minst {min_w}×{min_h}.", "The terminal is too small ({w}×{h}). Make it at least {min_w}×{min_h}."),
    DemoBanner => ("DEMO", "DEMO"),

    // Filter chips
    ChipOverdue => ("forfalt", "overdue"),
    ChipDueSoon => ("frist innen 30 dager", "due within 30 days"),
    ChipNoDue => ("uten frist", "no due date"),
    ChipAwaitingPolitical => ("venter på politisk vedtak", "awaiting political decision"),
    ChipActive => ("aktive", "active"),
    ChipValue => ("verdi", "value"),
    ChipEffort => ("innsats", "effort"),

    // Help
    HelpTitle => ("Hjelp – taster", "Help – keys"),
    HelpFooter => ("j/k: rull · Esc/?/q: lukk", "j/k: scroll · Esc/?/q: close"),
    HelpSectionLists => ("Lister", "Lists"),
    HelpSectionForm => ("Skjema", "Forms"),
    HelpSectionConfirm => ("Bekreftelse", "Confirmation"),

    // Actions (keymap descriptions)
    ActQuit => ("Avslutt (alt er lagret)", "Quit (everything is saved)"),
    ActHelp => ("Vis hjelp", "Show help"),
    ActNextPane => ("Neste rute", "Next pane"),
    ActPrevPane => ("Forrige rute", "Previous pane"),
    ActMeasures => ("Gå til tiltak", "Go to measures"),
    ActOwners => ("Gå til eiere", "Go to owners"),
    ActPriorities => ("Gå til prioriteringer", "Go to priorities"),
    ActDown => ("Ned", "Down"),
    ActUp => ("Opp", "Up"),
    ActFirst => ("Første", "First"),
    ActLast => ("Siste", "Last"),
    ActPageDown => ("Side ned", "Page down"),
    ActPageUp => ("Side opp", "Page up"),
    ActEdit => ("Rediger valgt", "Edit selection"),
    ActNew => ("Ny", "New"),
    ActDelete => ("Slett valgt (spør først)", "Delete selection (asks first)"),
    ActStatusForward => ("Status ett steg fram", "Status one step forward"),
    ActStatusBack => ("Status ett steg tilbake", "Status one step back"),
    ActUndo => ("Angre", "Undo"),
    ActRedo => ("Gjør om igjen", "Redo"),
    ActDetailDown => ("Rull detaljer ned", "Scroll details down"),
    ActDetailUp => ("Rull detaljer opp", "Scroll details up"),
    ActCancel => ("Lukk / avbryt uten endringer", "Close / cancel without changes"),
    ActConfirmYes => ("Ja, gjør det", "Yes, do it"),
    ActConfirmNo => ("Nei, avbryt", "No, cancel"),
    ActFormNextField => ("Neste felt", "Next field"),
    ActFormPrevField => ("Forrige felt", "Previous field"),
    ActFormDown => ("Ned i listen / neste felt", "Down in the list / next field"),
    ActFormUp => ("Opp i listen / forrige felt", "Up in the list / previous field"),
    ActFormSave => ("Lagre skjemaet", "Save the form"),
    ActFormSaveLine => ("Lagre (i enlinjefelt)", "Save (in a single-line field)"),
    ActFormToggle => ("Velg / merk av", "Choose / toggle"),

    // Short hints for the status bar
    HintQuit => ("avslutt", "quit"),
    HintHelp => ("hjelp", "help"),
    HintNew => ("ny", "new"),
    HintEdit => ("rediger", "edit"),
    HintDelete => ("slett", "delete"),
    HintStatus => ("status", "status"),
    HintPane => ("rute", "pane"),
    HintUndo => ("angre", "undo"),

    // Loading and CLI
    ErrLoadIo => ("Kan ikke lese {path}: {error}", "Cannot read {path}: {error}"),
    ErrLoadParse => ("{path} er ikke en gyldig tiltak-fil (linje {line}, kolonne {column}): {error}", "{path} is not a valid tiltak file (line {line}, column {column}): {error}"),
    ErrLoadNewer => ("{path} er skrevet av en nyere versjon av tiltak (skjemaversjon {found}, denne versjonen kan {supported}). Oppgrader tiltak.", "{path} was written by a newer version of tiltak (schema version {found}, this version supports {supported}). Upgrade tiltak."),
    ErrLoadInvalid => ("{path} har inkonsistente data: {error}", "{path} holds inconsistent data: {error}"),
    ErrLoadUntouched => ("Filen er ikke endret. Rett den eller flytt den bort, og prøv igjen.", "The file was not changed. Fix it or move it away, and try again."),
    ErrSave => ("Kunne ikke lagre {path}: {error}", "Could not save {path}: {error}"),
    ErrNoDataDir => ("Finner ingen datamappe for brukeren; bruk --data STI eller TILTAK_DATA.", "Cannot find a data directory for this user; use --data PATH or TILTAK_DATA."),
    ErrUnknownOwner => ("Ukjent eier «{name}».", "Unknown owner “{name}”."),
    ErrUnknownSector => ("Ukjent sektor «{name}».", "Unknown sector “{name}”."),
    ErrUnknownPriority => ("Ukjent prioritering «{name}».", "Unknown priority “{name}”."),
    ErrClosest => ("Mente du: {names}?", "Did you mean: {names}?"),
    ErrNoneKnown => ("Ingen er registrert ennå.", "None are registered yet."),
    ErrUnknownStatus => ("Ukjent status «{status}». Gyldige: {valid}.", "Unknown status “{status}”. Valid: {valid}."),
    ErrCliBadDate => ("Ugyldig dato «{text}»: bruk ÅÅÅÅ-MM-DD.", "Invalid date “{text}”: use YYYY-MM-DD."),
    ErrCliEmptyTitle => ("Tittelen kan ikke være tom.", "The title cannot be empty."),
    ErrTerminal => ("Terminalfeil: {error}", "Terminal error: {error}"),
    CliNothingWritten => ("Ingenting er skrevet.", "Nothing was written."),
    CliNoMeasures => ("Ingen tiltak.", "No measures."),
    PanicMessage => ("tiltak stoppet på grunn av en intern feil. Dataene dine ligger i {path} (siste lagrede endring er med).", "tiltak stopped because of an internal error. Your data is in {path} (the last saved change is included)."),
    ErrLocked => ("{path} er åpen i et annet tiltak-vindu eller en annen kommando; prøv igjen når den er ferdig.", "{path} is open in another tiltak window or command; try again when it has finished."),
    CliHelpData => ("Datafil (ellers TILTAK_DATA, ellers datamappen)", "Data file (else TILTAK_DATA, else the data directory)"),
    CliHelpLang => ("Språk: nb eller en (ellers LANG)", "Language: nb or en (else LANG)"),
    CliHelpDemo => ("Åpne en demokopi (egen fil, aldri din backlog)", "Open a demo copy (a separate file, never your backlog)"),
    CliHelpPath => ("Skriv ut stien til datafilen", "Print the data file's path"),
    CliHelpAdd => ("Legg til et tiltak og skriv ut id-en", "Add a measure and print its id"),
    CliHelpTitle => ("Tiltakets tittel", "The measure's title"),
    CliHelpOwner => ("Eierens navn", "The owner's name"),
    CliHelpSector => ("Sektor (kan gjentas)", "Sector (repeatable)"),
    CliHelpPriority => ("Prioritering (kan gjentas)", "Priority (repeatable)"),
    CliHelpStatus => ("Status: idea, assessing, decided, in_progress, done, parked, rejected", "Status: idea, assessing, decided, in_progress, done, parked, rejected"),
    CliHelpDue => ("Frist, ÅÅÅÅ-MM-DD", "Due date, YYYY-MM-DD"),
    CliHelpList => ("List tiltak", "List measures"),
    CliHelpFilterStatus => ("Bare tiltak med denne statusen", "Only measures with this status"),
    CliHelpFilterOwner => ("Bare tiltak med denne eieren", "Only measures with this owner"),
    CliHelpJson => ("Skriv JSON i stedet for en tabell", "Print JSON instead of a table"),
    AboutCli => ("Tiltaksbacklog for toppledergruppens digitale transformasjon", "Backlog of the leadership group's digital-transformation measures"),

    // Issue 3: find and triage
    SortDefault => ("standard", "default"),
    SortScore => ("verdi ÷ innsats", "value ÷ effort"),
    SortDue => ("frist", "due date"),
    SortOwner => ("eier", "owner"),
    SortUpdated => ("sist endret", "last updated"),
    SortTitle => ("tittel", "title"),
    SortLabel => ("sortert: {order}", "sorted: {order}"),
    MarkedCount => ("● {count} merket", "● {count} marked"),
    ChipUntriaged => ("til triage", "to triage"),
    ViewTriage => ("Til triage", "To triage"),
    ViewOverdue => ("Forfalt", "Overdue"),
    HelpSectionSearch => ("Søkelinje (/)", "Search line (/)"),
    HelpSectionPalette => ("Kommandopalett (: eller Ctrl-p)", "Command palette (: or Ctrl-p)"),
    HelpSectionPicker => ("Velger (a, c, p, v, E)", "Picker (a, c, p, v, E)"),
    HelpSectionFilter => ("Filterpanel (f)", "Filter panel (f)"),
    HelpSectionPrompt => ("Navn på visning", "View name"),
    HelpSectionPaletteOnly => ("Bare i kommandopaletten", "Only in the command palette"),
    ActSearch => ("Søk (fuzzy; «ost» finner «Østre»)", "Search (fuzzy; “ost” finds “Østre”)"),
    ActFilterPanel => ("Filterpanel", "Filter panel"),
    ActClearFilters => ("Fjern alle filtre og søket", "Clear all filters and the search"),
    ActCycleSort => ("Bytt sortering", "Change the order"),
    ActTriage => ("Vis tiltak til triage", "Show measures to triage"),
    ActAssignOwner => ("Sett eier", "Set owner"),
    ActAssignSectors => ("Velg sektorer", "Choose sectors"),
    ActAssignPriorities => ("Velg prioriteringer", "Choose priorities"),
    ActAssignValue => ("Sett verdi (så 1–5)", "Set value (then 1–5)"),
    ActAssignEffort => ("Sett innsats (så 1–5)", "Set effort (then 1–5)"),
    ActToggleMark => ("Merk / avmerk tiltaket", "Mark / unmark the measure"),
    ActMarkVisible => ("Merk alle synlige (igjen: avmerk)", "Mark all visible (again: unmark)"),
    ActPalette => ("Kommandopalett", "Command palette"),
    ActAccept => ("Bruk / kjør valgt", "Apply / run the selection"),
    ActClearInput => ("Tøm feltet", "Clear the input"),
    ActPickToggle => ("Merk av / fjern merket", "Check / uncheck"),
    ActChoicePrev => ("Forrige valg", "Previous choice"),
    ActChoiceNext => ("Neste valg", "Next choice"),
    ActSaveView => ("Lagre visning (filter, søk, sortering)", "Save view (filter, search, order)"),
    ActOpenView => ("Åpne visning", "Open view"),
    ActDeleteView => ("Slett lagret visning", "Delete saved view"),
    ActClearMarks => ("Fjern alle merker", "Clear all marks"),
    ActShowOverdue => ("Vis forfalte tiltak", "Show overdue measures"),
    HintSearch => ("søk", "search"),
    HintPalette => ("kommandoer", "commands"),
    HintFilter => ("filter", "filter"),
    PickerOpenView => ("Åpne visning", "Open view"),
    PickerDeleteView => ("Slett visning", "Delete view"),
    PickerHint => ("skriv for å filtrere · Enter velg · Esc avbryt", "type to filter · Enter choose · Esc cancel"),
    PickerMultiHint => ("skriv for å filtrere · Tab merk av · Enter bruk · Esc avbryt", "type to filter · Tab check · Enter apply · Esc cancel"),
    PickerNumberHint => ("1–5 setter · 0 fjerner · Esc avbryt", "1–5 sets · 0 clears · Esc cancel"),
    PickerTargets => ("for {what}", "for {what}"),
    PaletteTitle => ("Kommandoer", "Commands"),
    PaletteHint => ("skriv for å filtrere · Enter kjør · Esc lukk", "type to filter · Enter run · Esc close"),
    NoMatches => ("Ingen treff.", "No matches."),
    FilterTitle => ("Filter", "Filter"),
    FilterHint => ("←/→ endre · Mellomrom av/på · Enter behold · Esc angre · F tøm", "←/→ change · Space on/off · Enter keep · Esc undo · F clear"),
    FilterAny => ("alle", "any"),
    FilterSector => ("Sektor", "Sector"),
    FilterPriority => ("Prioritering", "Priority"),
    FilterTag => ("Stikkord", "Tag"),
    FilterDue => ("Frist", "Due"),
    FilterActiveOnly => ("Bare aktive", "Active only"),
    FilterMatching => ("{count} tiltak passer", "{count} measures match"),
    SaveViewTitle => ("Lagre visning", "Save view"),
    SaveViewHint => ("Navn · Enter lagre · Esc avbryt", "Name · Enter save · Esc cancel"),
    CountMeasures => ("{count} tiltak", "{count} measures"),
    ConfirmDeleteMarked => ("Slette {count} merkede tiltak? Angre med u.", "Delete {count} marked measures? Undo with u."),
    MsgFiltersCleared => ("Alle filtre og søket er fjernet.", "All filters and the search are cleared."),
    MsgSortedBy => ("Sortert etter {order}.", "Sorted by {order}."),
    MsgMarked => ("{count} merket.", "{count} marked."),
    MsgNoSavedViews => ("Ingen lagrede visninger ennå.", "No saved views yet."),
    MsgViewOpened => ("Visning «{name}»: {count} tiltak.", "View “{name}”: {count} measures."),
    MsgViewSaved => ("lagret visningen «{name}»", "saved the view “{name}”"),
    MsgViewDeleted => ("slettet visningen «{name}»", "deleted the view “{name}”"),
    MsgAssignedOwner => ("satte eier {value} på {what}", "set owner {value} on {what}"),
    MsgAssignedSectors => ("endret sektorer på {what}", "changed sectors on {what}"),
    MsgAssignedPriorities => ("endret prioriteringer på {what}", "changed priorities on {what}"),
    MsgAssignedValue => ("satte verdi {value} på {what}", "set value {value} on {what}"),
    MsgAssignedEffort => ("satte innsats {value} på {what}", "set effort {value} on {what}"),
    MsgStatusBulk => ("flyttet status på {moved} av {what}", "moved the status of {moved} of {what}"),
    MsgNoStepBulk => ("Ingen av {what} kan flyttes videre.", "None of {what} can move further."),
    CliHelpQuery => ("Fuzzy-søk som / i appen (tittel, eier, stikkord, sektorer, prioriteringer, beskrivelse)", "Fuzzy search like / in the app (title, owner, tags, sectors, priorities, description)"),
    CliHelpFilterSector => ("Bare tiltak i denne sektoren", "Only measures in this sector"),
    CliHelpFilterPriority => ("Bare tiltak under denne prioriteringen", "Only measures under this priority"),
    CliHelpTag => ("Bare tiltak med dette stikkordet", "Only measures with this tag"),
    CliHelpOverdue => ("Bare forfalte tiltak", "Only overdue measures"),
    CliHelpSort => ("Sortering: default, score, due, owner, updated, title", "Order: default, score, due, owner, updated, title"),
    ErrUnknownSort => ("Ukjent sortering «{key}». Gyldige: {valid}.", "Unknown order “{key}”. Valid: {valid}."),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_codes() {
        assert_eq!(Lang::parse("nb_NO.UTF-8"), Some(Lang::Nb));
        assert_eq!(Lang::parse("nn_NO"), Some(Lang::Nb));
        assert_eq!(Lang::parse("no"), Some(Lang::Nb));
        assert_eq!(Lang::parse("en_GB.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::parse("de_DE"), None);
    }

    #[test]
    fn every_text_exists_in_both_languages_with_the_same_placeholders() {
        for msg in Msg::ALL {
            let (nb, en) = msg.texts();
            assert!(!nb.is_empty() && !en.is_empty(), "{msg:?}");
            let holes = |s: &str| {
                let mut v: Vec<String> = s
                    .split('{')
                    .skip(1)
                    .filter_map(|p| p.split_once('}').map(|(n, _)| n.to_string()))
                    .collect();
                v.sort();
                v
            };
            assert_eq!(holes(nb), holes(en), "{msg:?}");
        }
    }

    #[test]
    fn dates_follow_the_language() {
        let d = jiff::civil::date(2027, 3, 9);
        assert_eq!(Lang::Nb.date(d), "09.03.2027");
        assert_eq!(Lang::En.date(d), "2027-03-09");
    }
}
