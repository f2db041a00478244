//! The string catalogue: every user-visible text in Norwegian bokmål and English.
//!
//! Texts with `{name}` placeholders are filled with [`Lang::fill`].

use jiff::civil::Date;

use crate::domain::{DecisionKind, Funding, LogEntry, LogKind, Status};

// issue 14: the date display the config file chooses
/// How dates show on screen: `dd.mm.yyyy` or ISO 8601; by default as the language writes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DateStyle {
    #[default]
    Language,
    DayMonthYear,
    Iso,
}

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

    /// The language's code for `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nb => "nb",
            Lang::En => "en",
        }
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

    // issue 14: the date display the config file chooses
    /// `date` as `style` shows it: the language's way unless the config chose one.
    pub fn date_as(self, style: DateStyle, date: Date) -> String {
        match style {
            DateStyle::Language => self.date(date),
            DateStyle::DayMonthYear => Lang::Nb.date(date),
            DateStyle::Iso => Lang::En.date(date),
        }
    }

    /// One decimal, with a decimal comma in Norwegian ("1,5").
    pub fn decimal(self, value: f64) -> String {
        let text = format!("{value:.1}");
        match self {
            Lang::Nb => text.replace('.', ","),
            Lang::En => text,
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

    // issue 16: glossary
    pub fn term_status(self, status: crate::domain::TermStatus) -> &'static str {
        self.tr(match status {
            crate::domain::TermStatus::Proposed => Msg::TermProposed,
            crate::domain::TermStatus::Agreed => Msg::TermAgreed,
            crate::domain::TermStatus::Retired => Msg::TermRetired,
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

    /// "3 saker" / "1 sak".
    pub fn items(self, count: usize) -> String {
        let msg = if count == 1 { Msg::ItemsOne } else { Msg::ItemsMany };
        self.fill(msg, &[("count", &count.to_string())])
    }

    /// "12 min".
    pub fn minutes(self, minutes: u32) -> String {
        self.fill(Msg::MeetItemTime, &[("spent", &minutes.to_string())])
    }

    /// A decision in this language: its kind with the free text (a comment after it, or a
    /// rejection's reason, a new owner's name) and date. A decision from an older file (no kind) is shown as it was written.
    pub fn decision(self, kind: Option<DecisionKind>, text: &str, due: Option<Date>) -> String {
        let Some(kind) = kind else {
            return text.to_string();
        };
        let with_text = |said: String| {
            if text.is_empty() {
                said
            } else {
                format!("{said} {text}")
            }
        };
        match kind {
            DecisionKind::Approved => with_text(self.tr(Msg::DecApproved).to_string()),
            DecisionKind::Confirmed => with_text(self.tr(Msg::DecConfirmed).to_string()),
            DecisionKind::Parked => with_text(self.tr(Msg::DecParked).to_string()),
            DecisionKind::Rejected => self.fill(Msg::DecRejected, &[("reason", text)]),
            DecisionKind::Deferred => {
                let date = due.map(|d| self.date(d)).unwrap_or_default();
                with_text(self.fill(Msg::DecDeferred, &[("date", &date)]))
            }
            DecisionKind::Noted => with_text(self.tr(Msg::DecNoted).to_string()),
            DecisionKind::OwnerChanged if text.is_empty() => self.tr(Msg::DecNoOwner).to_string(),
            DecisionKind::OwnerChanged => self.fill(Msg::DecNewOwner, &[("name", text)]),
        }
    }

    pub fn log_kind(self, kind: LogKind) -> &'static str {
        self.tr(match kind {
            LogKind::Decision => Msg::LogDecision,
            LogKind::StatusChange => Msg::LogStatusChange,
            LogKind::Note => Msg::LogNote,
            LogKind::OwnerChange => Msg::LogOwnerChange,
            LogKind::DueChange => Msg::LogDueChange,
        })
    }

    /// What a log entry says, in this language: a decision by its kind, an owner or due-date
    /// change by its new value, anything else by its text.
    pub fn entry_text(self, entry: &LogEntry) -> String {
        match entry.kind {
            LogKind::Decision => self.decision(entry.decision, &entry.text, entry.due),
            LogKind::OwnerChange if entry.text.is_empty() => self.tr(Msg::None).to_string(),
            LogKind::DueChange => entry
                .due
                .map_or_else(|| self.tr(Msg::None).to_string(), |d| self.date(d)),
            _ => entry.text.clone(),
        }
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
    EmptyMeasures => ("Ingen tiltak ennå. Trykk n for å legge til det første. Et eksempel å se på: start «tiltak --demo» (egen fil, aldri din backlog).", "No measures yet. Press n to add the first one. For an example to look at, start “tiltak --demo” (its own file, never your backlog)."),
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
    FormMultiHint => ("↑/↓: flytt · mellomrom: merk · skriv: finn", "↑/↓: move · Space: toggle · type: find"),
    FormDescriptionHint => ("Enter: ny linje · Ctrl-s: lagre", "Enter: new line · Ctrl-s: save"),
    FormDateHint => ("dd.mm.åååå eller ÅÅÅÅ-MM-DD", "YYYY-MM-DD or dd.mm.yyyy"),
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
    ActFormSaveLine => ("Lagre (i enlinjefelt); på et valg: åpne velgeren", "Save (in a single-line field); on a choice: open the picker"),
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
    ErrCliBadDate => ("Ugyldig dato «{text}»: bruk ÅÅÅÅ-MM-DD eller dd.mm.åååå.", "Invalid date “{text}”: use YYYY-MM-DD or dd.mm.yyyy."),
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
    // Issue 4: exports, import, minutes
    CsvId => ("Id", "Id"),
    CsvTitle => ("Tittel", "Title"),
    CsvStatus => ("Status", "Status"),
    CsvOwner => ("Eier", "Owner"),
    CsvSectors => ("Sektorer", "Sectors"),
    CsvPriorities => ("Prioriteringer", "Priorities"),
    CsvValue => ("Verdi", "Value"),
    CsvEffort => ("Innsats", "Effort"),
    CsvDue => ("Frist", "Due"),
    CsvFunding => ("Finansiering", "Funding"),
    CsvCost => ("Kostnadsanslag", "Cost estimate"),
    CsvPolitical => ("Politisk behandling", "Political handling"),
    CsvCaseNumber => ("Saksnummer", "Case number"),
    CsvBenefits => ("Gevinster", "Benefits"),
    CsvTags => ("Stikkord", "Tags"),
    CsvDescription => ("Beskrivelse", "Description"),
    CsvCreated => ("Opprettet", "Created"),
    CsvUpdated => ("Endret", "Updated"),
    CsvLog => ("Logg", "Log"),
    ImpBadOneToFive => ("«{text}» er ikke et tall fra 1 til 5.", "“{text}” is not a number from 1 to 5."),
    ImpBadFunding => ("Ukjent finansiering «{text}». Gyldige: drift, investering, ekstern, ufinansiert.", "Unknown funding “{text}”. Valid: operating budget, investment, external, unfunded."),
    ImpBadYesNo => ("«{text}» er verken ja eller nei.", "“{text}” is neither yes nor no."),
    ImpNotUtf8 => ("filen er ikke UTF-8-tekst; lagre den som «CSV UTF-8» i Excel.", "the file is not UTF-8 text; save it as “CSV UTF-8” in Excel."),
    ImpEmpty => ("filen er tom; den første linjen skal være overskriftene.", "the file is empty; the first line must hold the column headers."),
    ImpDuplicateColumn => ("kolonnen «{name}» står to ganger.", "the column “{name}” appears twice."),
    ImpColumnCount => ("{found} kolonner, men overskriften har {expected}.", "{found} columns, but the header has {expected}."),
    ImpUnknownId => ("det finnes ikke noe tiltak {id}; la id-en stå tom for å legge til et nytt tiltak.", "there is no measure {id}; leave the id empty to add a new measure."),
    ImpDuplicateId => ("{id} står også på rad {first}.", "{id} also appears on row {first}."),
    ImpBadId => ("«{text}» er ikke en tiltaks-id (som T-12).", "“{text}” is not a measure id (like T-12)."),
    ImpWouldAdd => ("rad {row}: ville lagt til {id} «{title}»", "row {row}: would add {id} “{title}”"),
    ImpAdded => ("rad {row}: la til {id} «{title}»", "row {row}: added {id} “{title}”"),
    ImpWouldChange => ("rad {row}: ville endret {id}:", "row {row}: would change {id}:"),
    ImpChanged => ("rad {row}: endret {id}:", "row {row}: changed {id}:"),
    ImpDryRunTotal => ("Prøvekjøring – ingenting er skrevet: {added} nye, {changed} endret, {unchanged} uendret.", "Dry run – nothing was written: {added} new, {changed} changed, {unchanged} unchanged."),
    ImpTotal => ("Importert: {added} nye, {changed} endret, {unchanged} uendret.", "Imported: {added} new, {changed} changed, {unchanged} unchanged."),
    ImpFailed => ("Ingenting er importert – rett {count} feil og prøv igjen.", "Nothing was imported – fix {count} problems and try again."),
    MdNoOwner => ("uten eier", "no owner"),
    MdDue => ("frist", "due"),
    MdNoMeasures => ("Ingen tiltak.", "No measures."),
    MdReportDate => ("Statusrapport per {date}.", "Status report as of {date}."),
    MdSummary => ("Sammendrag", "Summary"),
    MdCount => ("Antall", "Count"),
    MdTotal => ("Totalt", "Total"),
    MdOverdue => ("Forfalt: {count}", "Overdue: {count}"),
    MdAwaitingPolitical => ("Venter på politisk behandling: {count}", "Awaiting political handling: {count}"),
    MdNoPriority => ("Uten prioritering", "No priority"),
    MinHeading => ("Referat: {title}", "Minutes: {title}"),
    MinDate => ("Dato", "Date"),
    MinMeeting => ("Møte", "Meeting"),
    MinAttendees => ("Til stede", "Attendees"),
    MinAgenda => ("Saker", "Agenda"),
    MinDiscussedOf => ("{done} av {total} behandlet", "{done} of {total} discussed"),
    MinDecision => ("Vedtak", "Decision"),
    MinDecisions => ("Vedtak", "Decisions"),
    MinNoDecision => ("ingen vedtak", "no decision"),
    MinNotes => ("Notater", "Notes"),
    MinNotDiscussed => ("Ikke behandlet", "Not discussed"),
    MinOfferedNext => ("Foreslås satt opp på neste møte:", "Proposed for the next meeting:"),
    CliHelpExport => ("Eksporter backloggen (CSV for Excel, Excel-arbeidsbok, Markdown-statusrapport, JSON eller HTML-statusside)", "Export the backlog (CSV for Excel, an Excel workbook, a Markdown status report, JSON or the HTML status page)"),
    CliHelpExportFormat => ("Format: csv, xlsx, md, json eller html", "Format: csv, xlsx, md, json or html"),
    CliHelpOut => ("Skriv til denne filen i stedet for standard ut", "Write to this file instead of standard output"),
    CliHelpDelimiter => ("Skilletegn i CSV: ; (norsk Excel, standard) eller ,", "CSV separator: ; (Norwegian Excel, default) or ,"),
    CliHelpImport => ("Importer tiltak fra CSV eller arbeidsbok (samme kolonner som eksporten)", "Import measures from CSV or a workbook (the export's columns)"),
    CliHelpImportFormat => ("Format: csv eller xlsx (ellers gjettet fra innholdet)", "Format: csv or xlsx (else guessed from the contents)"),
    CliHelpImportFile => ("Filen som skal leses", "The file to read"),
    CliHelpDryRun => ("Vis hva som ville blitt endret, uten å skrive noe", "Show what would change, without writing anything"),
    CliHelpMinutes => ("Skriv ut referatet fra et møte som Markdown", "Print a meeting's minutes as Markdown"),
    CliHelpMeetingId => ("Møtets id, f.eks. M-3", "The meeting's id, e.g. M-3"),
    ErrUnknownMeeting => ("Det finnes ikke noe møte «{id}». Kjente møter: {known}.", "There is no meeting “{id}”. Known meetings: {known}."),
    ErrReadFile => ("Kan ikke lese {path}: {error}", "Cannot read {path}: {error}"),
    ErrWriteFile => ("Kan ikke skrive {path}: {error}", "Cannot write {path}: {error}"),
    ErrBadDelimiter => ("Skilletegnet må være ; eller , – ikke «{text}».", "The separator must be ; or , – not “{text}”."),
    ErrBadFormat => ("Ukjent format «{text}». Gyldige: {valid}.", "Unknown format “{text}”. Valid: {valid}."),
    CliWrote => ("Skrev {path}", "Wrote {path}"),
    // Issue 4: meetings pane, review, summary, log
    PaneMeetings => ("Møter", "Meetings"),
    MeetColDate => ("Dato", "Date"),
    MeetColItems => ("Saker", "Items"),
    MeetColDecided => ("Vedtak", "Decided"),
    EmptyMeetings => ("Ingen møter ennå. Trykk R i Tiltak (eller n her) for å sette opp en gjennomgang.", "No meetings yet. Press R in Measures (or n here) to set up a review."),
    MeetAttendees => ("Til stede", "Attendees"),
    MeetAgenda => ("Saksliste", "Agenda"),
    NotDiscussed => ("ikke behandlet", "not discussed"),
    SetupTitle => ("Nytt møte – gjennomgang", "New meeting – review"),
    SetupDefaultTitle => ("Toppledermøte", "Leadership group meeting"),
    FieldMeetingDate => ("Dato", "Date"),
    FieldMinutesPerItem => ("Minutter per sak", "Minutes per item"),
    FieldAttendees => ("Til stede", "Attendees"),
    SetupEmptyAgenda => ("Sakslisten er tom. Ctrl-n henter forslaget «Neste møte».", "The agenda is empty. Ctrl-n fetches the “Next meeting” suggestion."),
    ReviewPosition => ("{n} / {total}", "{n} / {total}"),
    ReviewItemClock => ("Sak {elapsed} / {limit}", "Item {elapsed} / {limit}"),
    ReviewTotalClock => ("Totalt {elapsed} / {limit}", "Total {elapsed} / {limit}"),
    TimerWarn => ("! snart tid", "! almost up"),
    TimerOver => ("!! over tiden", "!! over time"),
    ReviewThisMeeting => ("I dette møtet", "In this meeting"),
    ReviewLatestLog => ("Siste i loggen", "Latest in the log"),
    ReviewNothingYet => ("Ingenting registrert ennå.", "Nothing recorded yet."),
    SummaryTitle => ("Oppsummering: {title}", "Summary: {title}"),
    SummaryMinutesAt => ("Referatet er skrevet til {path}", "The minutes were written to {path}"),
    SummaryMinutesFailed => ("Kunne ikke skrive referatet ({error}). Prøv «{command} --out FIL».", "Could not write the minutes ({error}). Try “{command} --out FILE”."),
    SummaryReexport => ("Referatet kan skrives ut igjen med «{command}».", "Print the minutes again with “{command}”."),
    SummaryDiscussed => ("{done} av {items} behandlet", "{done} of {items} discussed"),
    LogTitle => ("Logg for {id} {title}", "Log of {id} {title}"),
    LogMeetingRef => ("møte {id} «{title}»", "meeting {id} “{title}”"),
    ConfirmEndReview => ("Avslutte møtet? {done} av {items} er behandlet. Referatet skrives til datamappen.", "End the meeting? {done} of {items} discussed. The minutes are written to the data folder."),
    MsgDroppedFromAgenda => ("{id} er tatt av sakslisten.", "{id} was dropped from the agenda."),
    MsgSuggestionUsed => ("Sakslisten er byttet ut med forslaget «Neste møte»: {items}.", "The agenda now holds the “Next meeting” suggestion: {items}."),
    MsgMeetingCreated => ("opprettet møte {id}", "created meeting {id}"),
    ErrEmptyAgenda => ("Sakslisten er tom – legg til saker (Ctrl-n: forslag) før møtet starter.", "The agenda is empty – add items (Ctrl-n: suggestion) before the meeting starts."),
    ErrMinutes => ("Skriv et helt antall minutter fra 1 til 120.", "Enter whole minutes from 1 to 120."),
    MsgLastItem => ("Dette er siste sak. Esc avslutter møtet.", "This is the last item. Esc ends the meeting."),
    MsgFirstItem => ("Dette er første sak.", "This is the first item."),
    MsgNothingToUndoInMeeting => ("Ingenting fra dette møtet å angre.", "Nothing from this meeting to undo."),
    MsgDecision => ("{id}: {text}", "{id}: {text}"),
    MsgNoted => ("notat på {id}", "note on {id}"),
    ErrReasonNeeded => ("Skriv en begrunnelse for avvisningen.", "Give a reason for the rejection."),
    ErrEmptyNote => ("Notatet er tomt.", "The note is empty."),
    MsgNoLeftovers => ("Alle saker ble behandlet.", "Every item was discussed."),
    MsgMeetingsKept => ("Møter tas vare på som dokumentasjon og kan ikke slettes.", "Meetings are kept as a record and cannot be deleted."),
    MsgExported => ("Eksporterte {count} tiltak til {path}", "Exported {count} measures to {path}"),
    DecApproved => ("Vedtatt.", "Approved."),
    DecParked => ("Parkert.", "Parked."),
    DecRejected => ("Avvist: {reason}", "Rejected: {reason}"),
    DecDeferred => ("Utsatt, ny frist {date}.", "Deferred, new due date {date}."),
    DecNewOwner => ("Ny eier: {name}.", "New owner: {name}."),
    DecNoOwner => ("Eier fjernet.", "Owner removed."),
    PromptReject => ("Avvis {id} – begrunnelse", "Reject {id} – reason"),
    PromptDefer => ("Utsett {id} – ny frist", "Defer {id} – new due date"),
    PromptOwner => ("Ny eier for {id}", "New owner for {id}"),
    PromptNote => ("Notat på {id}", "Note on {id}"),
    FieldReason => ("Begrunnelse", "Reason"),
    FieldNote => ("Notat", "Note"),
    FieldNewDue => ("Ny frist", "New due date"),
    FieldNewOwner => ("Ny eier", "New owner"),
    HintStart => ("start", "start"),
    HintSuggest => ("forslag", "suggestion"),
    HintCancel => ("avbryt", "cancel"),
    HintMoveDown => ("flytt ned", "move down"),
    HintMoveUp => ("flytt opp", "move up"),
    HintDrop => ("fjern", "drop"),
    HintNext => ("neste", "next"),
    HintPrev => ("forrige", "previous"),
    HintApprove => ("vedta", "approve"),
    HintPark => ("parker", "park"),
    HintReject => ("avvis", "reject"),
    HintDefer => ("utsett", "defer"),
    HintOwner => ("eier", "owner"),
    HintNote => ("notat", "note"),
    HintEnd => ("avslutt", "end"),
    HintLeftovers => ("ubehandlede til nytt møte", "leftovers to a new meeting"),
    HintClose => ("lukk", "close"),
    HelpSectionSetup => ("Møteoppsett", "Meeting set-up"),
    HelpSectionAgenda => ("Saksliste i oppsettet", "Agenda in the set-up"),
    HelpSectionReview => ("Møtegjennomgang", "Meeting review"),
    HelpSectionSummary => ("Oppsummering", "Summary"),
    HelpSectionLog => ("Logg", "Log"),
    ActMeetings => ("Gå til møter", "Go to meetings"),
    ActStartReview => ("Sett opp møtegjennomgang", "Set up a meeting review"),
    ActExportView => ("Eksporter visningen som CSV (datamappen)", "Export the view as CSV (data folder)"),
    ActShowLog => ("Vis hele loggen", "Show the whole log"),
    ActSetupStart => ("Start møtet", "Start the meeting"),
    ActSetupSuggest => ("Bytt sakslisten med forslaget «Neste møte»", "Replace the agenda with the “Next meeting” suggestion"),
    ActAgendaMoveUp => ("Flytt saken opp", "Move the item up"),
    ActAgendaMoveDown => ("Flytt saken ned", "Move the item down"),
    ActAgendaDrop => ("Ta saken av sakslisten", "Drop the item from the agenda"),
    ActReviewNext => ("Neste sak", "Next item"),
    ActReviewPrev => ("Forrige sak", "Previous item"),
    ActReviewApprove => ("Vedta – eller bekreft det som alt er vedtatt (spør først)", "Approve – or confirm what is already decided (asks first)"),
    ActReviewPark => ("Parker (spør først)", "Park (asks first)"),
    ActReviewReject => ("Avvis (spør om begrunnelse)", "Reject (asks for a reason)"),
    ActReviewDefer => ("Utsett (spør om ny frist)", "Defer (asks for a new due date)"),
    ActReviewOwner => ("Bytt eier", "Change owner"),
    ActReviewNote => ("Legg til notat", "Add a note"),
    ActReviewEnd => ("Avslutt møtet (spør først)", "End the meeting (asks first)"),
    ActPlanLeftovers => ("Sett opp ubehandlede saker på et nytt møte", "Put the items not discussed on a new meeting"),

    // Issue 6: data safety
    ErrLoadTryBackups => ("Tidligere kopier: `tiltak backups`; hent en tilbake med `tiltak restore N`.", "Earlier copies: `tiltak backups`; bring one back with `tiltak restore N`."),
    ReadOnlyBanner => ("åpen et annet sted – kun lesing", "open elsewhere — read only"),
    MsgReadOnly => ("Filen er åpen et annet sted, så dette vinduet er kun for lesing. Ingenting er endret.", "The file is open elsewhere, so this window is read only. Nothing was changed."),
    ConfirmQuitUnsavedKeys => ("w: skriv til en annen fil · y/j: avslutt uten å lagre · n/Esc: bli", "w: write to another file · y: quit without saving · n/Esc: stay"),
    ActSaveElsewhere => ("Skriv backloggen til en annen fil", "Write the backlog to another file"),
    FormSaveElsewhere => ("Skriv til en annen fil", "Write to another file"),
    FieldPath => ("Fil", "File"),
    ErrEmptyPath => ("Skriv inn en filsti.", "Enter a file path."),
    MsgSavedElsewhere => ("Backloggen er skrevet til {path}.", "The backlog was written to {path}."),
    CliHelpBackups => ("List sikkerhetskopiene, nyeste først", "List the backups, newest first"),
    CliHelpRestore => ("Hent tilbake en sikkerhetskopi (den nåværende filen kopieres først)", "Restore a backup (the current file is backed up first)"),
    CliHelpWhich => ("Nummer fra `tiltak backups` (1 = nyeste) eller tidsstempel", "Number from `tiltak backups` (1 = newest) or timestamp"),
    CliNoBackups => ("Ingen sikkerhetskopier i {dir}.", "No backups in {dir}."),
    CliBackupMeasures => ("{count} tiltak", "{count} measures"),
    CliBackupUnreadable => ("uleselig", "unreadable"),
    CliBackupBytes => ("{size} byte", "{size} bytes"),
    ErrNoSuchBackup => ("Fant ingen sikkerhetskopi «{which}». Se listen med `tiltak backups`.", "No backup “{which}”. See the list with `tiltak backups`."),
    ErrBadBackup => ("Sikkerhetskopien kan ikke brukes:\n{error}", "The backup cannot be used:\n{error}"),
    CliRestored => ("Hentet tilbake {stamp}. Filen slik den var er lagret som {backup}.", "Restored {stamp}. The file as it was is kept as {backup}."),
    CliRestoredNoPrevious => ("Hentet tilbake {stamp}.", "Restored {stamp}."),
    CliMigrated => ("{path} hadde skjemaversjon {found} og er oppgradert; originalen er lagret som {backup}.", "{path} had schema version {found} and was upgraded; the original is kept as {backup}."),
    // Issue 5: ranking, Overview pane, owners' load, charts, report
    PaneOverview => ("Oversikt", "Overview"),
    ActOverview => ("Gå til oversikt", "Go to overview"),
    ActRankUp => ("Flytt prioriteringen opp i rang", "Move the priority up in rank"),
    ActRankDown => ("Flytt prioriteringen ned i rang", "Move the priority down in rank"),
    ActDrillDown => ("Vis tiltakene for valget; Esc går tilbake", "Show the selection's measures; Esc goes back"),
    ActCellLeft => ("Celle til venstre", "Cell to the left"),
    ActCellRight => ("Celle til høyre", "Cell to the right"),
    ActToggleCharts => ("Vis / skjul diagrammer", "Show / hide charts"),
    ActToggleValueEffort => ("Bytt mellom matrise og verdi/innsats", "Switch between matrix and value/effort"),
    HintRank => ("flytt opp (J ned)", "move up (J down)"),
    HintShowMeasures => ("vis tiltak", "show measures"),
    HintCharts => ("diagrammer", "charts"),
    HintValueEffort => ("verdi/innsats", "value/effort"),
    MsgRankMoved => ("flyttet «{title}» til rang {rank}", "moved “{title}” to rank {rank}"),
    MsgRankAtTop => ("«{title}» er allerede først.", "“{title}” is already first."),
    MsgRankAtBottom => ("«{title}» er allerede sist.", "“{title}” is already last."),
    OverviewMatrixTitle => ("Prioritering × sektor (aktive tiltak)", "Priority × sector (active measures)"),
    OverviewValueEffortTitle => ("Verdi × innsats (aktive tiltak)", "Value × effort (active measures)"),
    OverviewNeedsData => ("Matrisen trenger prioriteringer (rute 3) og sektorer.", "The matrix needs priorities (pane 3) and sectors."),
    ColTotal => ("Sum", "Total"),
    CrossSectorLine => ("{n} av {m} aktive tiltak er tverrsektorielle ({pct} %)", "{n} of {m} active measures are cross-sector ({pct}%)"),
    LegendSilo => ("▲ silo: alle aktive tiltak i én sektor", "▲ silo: all active measures in one sector"),
    LegendEmpty => ("○ tom: ingen aktive tiltak", "○ empty: no active measures"),
    LegendUncovered => ("✕ sektor uten aktive tiltak under noen prioritering", "✕ sector with no active measure under any priority"),
    CellSummary => ("{priority} × {sector}: {n} aktive tiltak", "{priority} × {sector}: {n} active measures"),
    ColumnsShown => ("sektor {from}–{to} av {n}", "sectors {from}–{to} of {n}"),
    AxisValue => ("verdi", "value"),
    AxisEffort => ("innsats →", "effort →"),
    QuickWins => ("★ raske gevinster: høy verdi, lav innsats", "★ quick wins: high value, low effort"),
    Unscored => ("{n} aktive tiltak mangler verdi eller innsats", "{n} active measures lack value or effort"),
    ValueEffortCell => ("verdi {v} × innsats {e}: {n} aktive tiltak", "value {v} × effort {e}: {n} active measures"),
    ChartStatus => ("Tiltak per status", "Measures by status"),
    ChartSectors => ("Aktive tiltak per sektor", "Active measures by sector"),
    ChartDue => ("Frister (aktive tiltak)", "Due dates (active measures)"),
    ChartFunding => ("Finansiering (aktive tiltak)", "Funding (active measures)"),
    QuarterLabel => ("K{q} {year}", "Q{q} {year}"),
    DueLater => ("senere", "later"),
    FundingNotSet => ("ikke satt", "not set"),
    CountAndCost => ("{n} · {cost} kr", "{n} · NOK {cost}"),
    ColOverdue => ("Forfalt", "Overdue"),
    ColAssessing => ("Til vurd.", "Assessing"),
    ColLoad => ("Belastning", "Load"),
    ColDone => ("Fullført", "Done"),
    ColReach => ("Sektorer", "Sectors"),
    OwnerLegend => ("⚠ over terskelen på {n} aktive tiltak", "⚠ above the threshold of {n} active measures"),
    PriorityBarLegend => ("█ fullført ▓ vedtatt/pågår ░ idé/til vurdering", "█ done ▓ decided/in progress ░ idea/assessing"),
    CliHelpReport => ("Skriv en statusrapport", "Print a status report"),
    CliHelpFormat => ("Format: text eller md", "Format: text or md"),
    ErrUnknownFormat => ("Ukjent format «{format}». Gyldige: text, md.", "Unknown format “{format}”. Valid: text, md."),
    ReportTitle => ("Statusrapport: {name}", "Status report: {name}"),
    ReportAsOf => ("Per {date}", "As of {date}"),
    ReportPriorities => ("Prioriteringer", "Priorities"),
    ReportPriorityLine => ("{rank}. {title}: {total} tiltak, {active} aktive, {done} % fullført, sektorer nådd: {sectors}", "{rank}. {title}: {total} measures, {active} active, {done}% done, sectors reached: {sectors}"),
    ReportFlags => ("Siloer og tomme prioriteringer", "Silos and empty priorities"),
    ReportSilo => ("silo i {sector}", "silo in {sector}"),
    ReportEmpty => ("ingen aktive tiltak", "no active measures"),
    ReportUncovered => ("Sektorer uten aktive tiltak under noen prioritering", "Sectors with no active measure under any priority"),
    ReportOwners => ("Eiere over terskelen ({n} aktive tiltak)", "Owners above the threshold ({n} active measures)"),
    ReportOwnerLine => ("{name}: {active} aktive, {overdue} forfalt, {assessing} til vurdering", "{name}: {active} active, {overdue} overdue, {assessing} assessing"),
    ReportOverdue => ("Forfalte tiltak", "Overdue measures"),
    ReportFunding => ("Finansiering (aktive tiltak)", "Funding (active measures)"),
    ReportNone => ("Ingen.", "None."),
    Percent => ("{n} %", "{n}%"),
    // Issue 6: edits from outside
    ErrOutsideUnreadable => ("Filen kan ikke leses etter en endring utenfor appen; den blir verken slått sammen eller skrevet over, og appen prøver igjen. {error}", "The file no longer reads after a change outside the app; it is neither merged nor written over, and the app keeps checking. {error}"),
    OutsideUnreadableShort => ("filen ble uleselig etter en endring utenfor appen", "the file became unreadable after a change outside the app"),
    ErrChangedWhileSaving => ("Filen ble endret utenfor appen mens den lagret; endringene slås sammen om et øyeblikk.", "The file changed outside the app while saving; the changes are merged in a moment."),
    MsgReloaded => ("Lastet inn på nytt: filen er endret av vinduet som skriver til den.", "Reloaded: the file was changed by the window that writes it."),
    MsgMerged => ("Slo sammen endringer gjort utenfor: {measures} tiltak, {others} andre, {conflicts} konflikt(er)", "Merged changes made outside: {measures} measures, {others} other records, {conflicts} conflict(s)"),
    LogChangedElsewhere => ("Endret et annet sted: {field} = {value}", "Changed elsewhere: {field} = {value}"),
    LogReplacedByElsewhere => ("Erstattet med endringen gjort et annet sted; var: {field} = {value}", "Replaced by the change made elsewhere; was: {field} = {value}"),
    MsgKeptOurs => ("Beholdt verdiene herfra; verdiene utenfra står i tiltakenes logg.", "Kept the values from here; the outside values are in the measures' logs."),
    MsgTookTheirs => ("tok verdien utenfra for {count} felt", "took the outside value for {count} field(s)"),
    ErrTakeTheirs => ("Kunne ikke bruke verdien utenfra: {error}", "Could not use the outside value: {error}"),
    NoteDeletedHereChangedThere => ("{record}: slettet her, men endret utenfor – beholdt", "{record}: deleted here but changed outside – kept"),
    NoteDeletedThereChangedHere => ("{record}: slettet utenfor, men endret her – beholdt", "{record}: deleted outside but changed here – kept"),
    NoteRenumbered => ("{from} ble lagt til begge steder; ditt er nå {record}", "{from} was added in both places; yours is now {record}"),
    NoteUnlinked => ("{record}: koblingen til {link} er fjernet (slettet et annet sted)", "{record}: the link to {link} was removed (deleted elsewhere)"),
    NoteKeptOurs => ("{field}: beholdt verdien herfra (utenfra: {value})", "{field}: kept the value from here (outside: {value})"),
    MergeTitle => ("Endringer gjort utenfor", "Changes made outside"),
    MergeColRecord => ("Post", "Record"),
    MergeColField => ("Felt", "Field"),
    MergeColOurs => ("Her", "Here"),
    MergeColTheirs => ("Utenfra", "Outside"),
    MergeNotes => ("Merk:", "Note:"),
    HelpSectionMerge => ("Endringer utenfra", "Changes from outside"),
    ActCheckOutside => ("Se etter endringer utenfra", "Look for changes made outside"),
    ActMergeOurs => ("Behold verdien herfra", "Keep the value from here"),
    ActMergeTheirs => ("Ta verdien utenfra", "Take the outside value"),
    ActMergeToggle => ("Bytt side", "Switch side"),
    ActMergeApply => ("Bruk valgene", "Apply the choices"),
    HintOurs => ("her", "here"),
    HintTheirs => ("utenfra", "outside"),
    HintApply => ("bruk", "apply"),
    HintKeepOurs => ("behold alt herfra", "keep all from here"),

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
    HelpSectionPicker => ("Velger (a c p v E t D P, et valg i skjema, f så Mellomrom)", "Picker (a c p v E t D P, a form's choice, f then Space)"),
    HelpSectionFilter => ("Filterpanel (f)", "Filter panel (f)"),
    HelpSectionPrompt => ("Navn på visning", "View name"),
    HelpSectionPaletteOnly => ("Bare i kommandopaletten", "Only in the command palette"),
    ActSearch => ("Søk (ordstart; «ost» finner «Østre», «t23» finner T-23)", "Search (word starts; “ost” finds “Østre”, “t23” finds T-23)"),
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
    PickerNumberHint => ("1–5 setter · 0 fjerner · Esc avbryt", "1–5 sets · 0 clears · Esc cancel"),
    PickerTargets => ("for {what}", "for {what}"),
    PaletteTitle => ("Kommandoer", "Commands"),
    PaletteHint => ("skriv for å filtrere · Enter kjør · Esc lukk", "type to filter · Enter run · Esc close"),
    NoMatches => ("Ingen treff.", "No matches."),
    FilterTitle => ("Filter", "Filter"),
    FilterHint => ("←/→ endre · Mellomrom velg/av/på · Enter behold · Esc angre · F tøm", "←/→ change · Space pick/on/off · Enter keep · Esc undo · F clear"),
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
    // issue 10: meetings the group can trust
    LogOwnerChange => ("ny eier", "new owner"),
    LogDueChange => ("ny frist", "new due date"),
    DecConfirmed => ("Bekreftet, fortsetter som planlagt.", "Confirmed, continue as planned."),
    DecNoted => ("Tatt til orientering.", "Noted."),
    ItemsOne => ("{count} sak", "{count} item"),
    ItemsMany => ("{count} saker", "{count} items"),
    FieldMeetingTime => ("Klokkeslett", "Time"),
    FieldPlace => ("Sted", "Place"),
    FieldGuests => ("Gjester", "Guests"),
    FormTimeHint => ("TT:MM, f.eks. 09:00", "HH:MM, e.g. 09:00"),
    FormGuestsHint => ("Navn (rolle); Navn (rolle)", "Name (role); Name (role)"),
    ErrBadTime => ("«{text}» er ikke et klokkeslett (TT:MM).", "“{text}” is not a time of day (HH:MM)."),
    SetupEditTitle => ("Planlagt møte {id}", "Planned meeting {id}"),
    SetupAgendaTotal => ("Saksliste: {items} · {minutes} min", "Agenda: {items} · {minutes} min"),
    ActReviewNoted => ("Tatt til orientering (ingen endring)", "Noted (no change)"),
    ActSetupPlan => ("Lagre som planlagt møte (uten å starte)", "Save as a planned meeting (without starting)"),
    ActMeetingAgenda => ("Skriv innkallingen (saksliste) til datamappen", "Write the invitation (agenda) to the data folder"),
    ActOpenMeeting => ("Åpne møtet: planlagt → oppsett og start, avbrutt → fortsett, holdt → oppsummering", "Open the meeting: planned → set-up and start, interrupted → resume, held → summary"),
    ActShowChanges => ("Endringer siden forrige møte", "Changes since the last meeting"),
    ActActOnVisible => ("Bare de synlige", "Only the visible ones"),
    HintNoted => ("orientering", "noted"),
    HintPlan => ("lagre planlagt", "save planned"),
    HintAgenda => ("innkalling", "agenda"),
    HintChanges => ("endringer", "changes"),
    HintDeletePlanned => ("slett planlagt", "delete planned"),
    HintOpenMeeting => ("åpne", "open"),
    ReasonOverdue => ("forfalt", "overdue"),
    ReasonAwaiting => ("venter på vedtak", "awaiting decision"),
    ReasonNew => ("nytt siden forrige møte", "new since the last meeting"),
    ReasonChanged => ("endret siden forrige møte", "changed since the last meeting"),
    ReasonDueSoon => ("frist før neste møte", "due before the next meeting"),
    ReasonChosen => ("valgt til møtet", "chosen for the meeting"),
    ConfirmApprove => ("{id}: {decision} Registrere vedtaket?", "{id}: {decision} Record this decision?"),
    ConfirmPark => ("{id}: Parkert ({from} → parkert). Registrere vedtaket?", "{id}: Parked ({from} → parked). Record this decision?"),
    ApproveWillDecide => ("Vedtatt ({from} → vedtatt).", "Approved ({from} → decided)."),
    ApproveWillConfirm => ("Bekreftet, fortsetter som planlagt (status {status} beholdes).", "Confirmed, continue as planned (status {status} kept)."),
    ReviewApproveWill => ("a: {decision}", "a: {decision}"),
    ConfirmHiddenMarks => ("{marked} merket, {hidden} skjult av filter eller søk – gjelde alle {marked}?", "{marked} marked, {hidden} hidden by the filter or search – act on all {marked}?"),
    ConfirmAllVisibleNo => ("y/j: alle · v: bare synlige · n/Esc: avbryt", "y: all · v: visible only · n/Esc: cancel"),
    MarkedHidden => ("● {count} merket ({hidden} skjult)", "● {count} marked ({hidden} hidden)"),
    MsgNoVisibleMarks => ("Ingen av de merkede tiltakene er synlige.", "None of the marked measures is visible."),
    ConfirmResume => ("Møte {id} ble avbrutt. Fortsette på sak {n}?", "Meeting {id} was interrupted. Resume at item {n}?"),
    ConfirmDeleteMeeting => ("Slette det planlagte møtet {id}? Angre med u.", "Delete the planned meeting {id}? Undo with u."),
    MsgMeetingHeld => ("Møte {id} er holdt og tas vare på som dokumentasjon; det kan ikke slettes eller endres.", "Meeting {id} was held and is kept as a record; it cannot be deleted or changed."),
    MsgMeetingPlanned => ("planla møte {id}", "planned meeting {id}"),
    MsgMeetingUpdated => ("endret møte {id}", "changed meeting {id}"),
    MsgMeetingStarted => ("startet møte {id}", "started meeting {id}"),
    MsgMeetingEnded => ("avsluttet møte {id}", "ended meeting {id}"),
    MsgMeetingDeleted => ("slettet møte {id}", "deleted meeting {id}"),
    MsgAgendaWritten => ("Innkallingen er skrevet til {path}", "The invitation was written to {path}"),
    MeetStatePlanned => ("planlagt", "planned"),
    MeetStateInterrupted => ("avbrutt", "interrupted"),
    MeetStateHeld => ("holdt", "held"),
    MeetColState => ("Status", "State"),
    MeetAbsent => ("Fravær", "Absent"),
    MeetGuests => ("Gjester", "Guests"),
    MeetTimePlace => ("Tid og sted", "Time and place"),
    MeetTimeSpent => ("Tid brukt: {spent} av {limit}", "Time used: {spent} of {limit}"),
    MeetItemTime => ("{spent} min", "{spent} min"),
    HelpSectionChanges => ("Endringer siden forrige møte", "Changes since the last meeting"),
    ChangesTitle => ("Endringer siden {since}", "Changes since {since}"),
    ChangesSinceStart => ("starten", "the start"),
    ChangesNone => ("Ingen endringer.", "No changes."),
    ChangeNew => ("nytt tiltak", "new measure"),
    ChangeStatus => ("status {from} → {to}", "status {from} → {to}"),
    ChangeOwner => ("ny eier: {name}", "new owner: {name}"),
    ChangeDue => ("ny frist: {date}", "new due date: {date}"),
    ChangeOverdue => ("ble forfalt {date}", "became overdue {date}"),
    ChangeNote => ("notat: {text}", "note: {text}"),
    ChangeDecision => ("vedtak: {text}", "decision: {text}"),
    AgHeading => ("Innkalling: {title}", "Invitation: {title}"),
    AgTime => ("Tid", "Time"),
    AgPlace => ("Sted", "Place"),
    AgInvited => ("Innkalt", "Invited"),
    AgItems => ("Saksliste", "Agenda"),
    AgWhy => ("Hvorfor", "Why"),
    AgQuestion => ("Til vedtak", "To decide"),
    AgQuestionAssess => ("Skal tiltaket vedtas?", "Should the measure be approved?"),
    AgQuestionOverdue => ("Ny frist, ny eier eller parkering?", "New due date, new owner or park it?"),
    AgQuestionInfo => ("Til orientering.", "For information."),
    AgQuestionTerm => ("Vedta begrepet, revidere definisjonen eller la det utgå?", "Agree the term, revise its definition or retire it?"),
    AgChanges => ("Endringer siden forrige møte", "Changes since the last meeting"),
    AgTotal => ("Tid: {minutes} min ({per} min per sak)", "Time: {minutes} min ({per} min per item)"),
    MinAbsent => ("Fravær", "Absent"),
    MinGuests => ("Gjester", "Guests"),
    MinTime => ("Tid", "Time"),
    MinTimeOf => ("{spent} av {limit}", "{spent} of {limit}"),
    MinTimeTotal => ("Tid brukt", "Time used"),
    MinInterrupted => ("Møtet ble avbrutt før det var ferdig.", "The meeting was interrupted before it ended."),
    CliHelpAgenda => ("Skriv innkallingen (saksliste) til et møte", "Write a meeting's invitation (agenda)"),
    CliHelpAgendaFormat => ("Format: md eller text", "Format: md or text"),
    CliHelpChanges => ("Vis hva som er endret siden forrige møte", "Show what changed since the last meeting"),
    CliHelpSince => ("Fra møte (M-3) eller dato (ÅÅÅÅ-MM-DD)", "Since a meeting (M-3) or date (YYYY-MM-DD)"),
    ErrBadSince => ("«{text}» er verken et møte (M-3) eller en dato.", "“{text}” is neither a meeting (M-3) nor a date."),
    // issue 12: office exchange (set/show/note/rm, change summaries, xlsx, schema)
    ChangeLine => ("{field}: {old} → {new}", "{field}: {old} → {new}"),
    CliHelpSet => ("Endre felt på et tiltak: tiltak set T-3 status=vedtatt owner=\"Kari Nordmann\" sectors=+Helse", "Change fields of a measure: tiltak set T-3 status=decided owner=\"Kari Nordmann\" sectors=+Health"),
    CliHelpMeasureId => ("Tiltakets id, f.eks. T-3", "The measure's id, e.g. T-3"),
    CliHelpAssignments => ("felt=verdi … Felt: title, status, owner, sectors, priorities, value, effort, due, funding, cost, political, case_number, tags, benefits, description. Sektorer, prioriteringer og stikkord: +navn legger til, -navn fjerner, ellers erstattes lista (skilt med ; – stikkord med ,). Tom verdi tømmer feltet.", "field=value … Fields: title, status, owner, sectors, priorities, value, effort, due, funding, cost, political, case_number, tags, benefits, description. Sectors, priorities and tags: +name adds, -name removes, otherwise the list is replaced (separated by ; – tags by ,). An empty value clears the field."),
    CliHelpShow => ("Vis alle felt og loggen for et tiltak", "Show every field and the log of a measure"),
    CliHelpShowJson => ("Som JSON (samme form som list --json, med logg)", "As JSON (the shape of list --json, with the log)"),
    CliHelpNote => ("Skriv et notat i loggen til et tiltak", "Write a note into a measure's log"),
    CliHelpNoteText => ("Notatet", "The note"),
    CliHelpRm => ("Slett et tiltak (spør først)", "Delete a measure (asks first)"),
    CliHelpYes => ("Ikke spør", "Do not ask"),
    CliHelpLog => ("Ta med loggen til hvert tiltak", "Include each measure's log"),
    CliHelpSchema => ("Skriv ut JSON Schema for datafilen", "Print the JSON Schema of the data file"),
    ErrUnknownMeasureId => ("Det finnes ikke noe tiltak {id}.", "There is no measure {id}."),
    ErrBadMeasureId => ("«{text}» er ikke en tiltaks-id (som T-12).", "“{text}” is not a measure id (like T-12)."),
    ErrBadAssignment => ("«{text}» er ikke felt=verdi. Felt: {valid}.", "“{text}” is not field=value. Fields: {valid}."),
    ErrUnknownField => ("Ukjent felt «{field}». Felt: {valid}.", "Unknown field “{field}”. Fields: {valid}."),
    ErrFieldProblem => ("{field}: {problem}", "{field}: {problem}"),
    ErrBadYesNo => ("Skriv ja eller nei.", "Enter yes or no."),
    ErrBadFundingValue => ("Ukjent finansiering «{text}». Gyldige: {valid}.", "Unknown funding “{text}”. Valid: {valid}."),
    ImpSheet => ("ark {sheet}", "sheet {sheet}"),
    ImpRow => ("rad {row}", "row {row}"),
    ImpColumn => ("kolonne {column} ({name})", "column {column} ({name})"),
    ImpColumnBare => ("kolonne {column}", "column {column}"),
    ImpProblem => ("{place}: {problem}", "{place}: {problem}"),
    ImpIgnoredColumn => ("Merk: kolonnen «{name}» hører ikke til tiltak og er ikke lest.", "Note: the column “{name}” is not one of tiltak's and was not read."),
    ImpNeedIdOrTitle => ("filen har verken kolonnen «{id}» eller «{title}»; minst én av dem trengs.", "the file has neither the column “{id}” nor “{title}”; at least one of them is needed."),
    ImpNewNeedsTitle => ("en rad uten id legger til et tiltak og trenger kolonnen «{title}».", "a row without an id adds a measure and needs the column “{title}”."),
    XlsxSheetMeasures => ("Tiltak", "Measures"),
    XlsxSheetOwners => ("Eiere", "Owners"),
    XlsxSheetPriorities => ("Prioriteringer", "Priorities"),
    XlsxSheetMatrix => ("Prioritering × sektor", "Priority × sector"),
    XlsxSheetMeetings => ("Møter", "Meetings"),
    XlsxOverdue => ("Forfalte", "Overdue"),
    XlsxAssessing => ("Til vurdering", "Assessing"),
    XlsxTotal => ("Tiltak i alt", "Measures in all"),
    XlsxShareDone => ("Andel fullført (%)", "Share done (%)"),
    XlsxSectorsReached => ("Sektorer nådd", "Sectors reached"),
    XlsxPriorityBySector => ("Aktive tiltak: prioritering \\ sektor", "Active measures: priority \\ sector"),
    XlsxMeeting => ("Møte", "Meeting"),
    XlsxMeasure => ("Tiltak", "Measure"),
    XlsxMeasureTitle => ("Tiltakets tittel", "Measure title"),
    XlsxDecision => ("Vedtak", "Decision"),
    XlsxUnreadable => ("Arbeidsboka kan ikke leses: {error}", "The workbook cannot be read: {error}"),
    XlsxNoSheets => ("Arbeidsboka har ingen ark.", "The workbook has no sheets."),
    XlsxEmptySheet => ("arket «{sheet}» er tomt; første rad skal være overskriftene.", "the sheet “{sheet}” is empty; its first row must hold the column headers."),
    XlsxCellError => ("ark {sheet}, rad {row}, kolonne {column}: cellen har feilverdien {error}.", "sheet {sheet}, row {row}, column {column}: the cell holds the error {error}."),
    ActExportWorkbook => ("Eksporter visningen som Excel-fil", "Export the view as an Excel file"),
    ErrXlsxNeedsOut => ("En arbeidsbok skrives ikke til terminalen: bruk --out FIL.xlsx.", "A workbook is not written to the terminal: use --out FILE.xlsx."),
    SetChanged => ("{id} endret:", "{id} changed:"),
    SetUnchanged => ("{id}: ingenting endret.", "{id}: nothing changed."),
    NoteAdded => ("{id}: notat skrevet i loggen.", "{id}: note written to the log."),
    RmAsk => ("Slette {id} «{title}»? [j/N] ", "Delete {id} “{title}”? [y/N] "),
    RmDone => ("Slettet {id} «{title}».", "Deleted {id} “{title}”."),
    RmDeclined => ("Ingenting er slettet.", "Nothing was deleted."),
    // Issue 3: search on a worker thread
    SearchRunning => ("søker …", "searching …"),
    // issue 17: a fixed clock, charts that fit their panel, forms that show what is hidden
    ChartCost => ("{cost} kr", "NOK {cost}"),
    FormFieldsAbove => ("↑ {count} felt over", "↑ {count} more above"),
    FormFieldsBelow => ("↓ {count} felt til", "↓ {count} more below"),
    ErrBadToday => ("TILTAK_TODAY=«{text}» er ikke en dato: bruk ÅÅÅÅ-MM-DD, eller fjern variabelen.", "TILTAK_TODAY=“{text}” is not a date: use YYYY-MM-DD, or unset it."),
    // issue 15: the HTML status page
    PageTitle => ("{name} – status {date}", "{name} – status {date}"),
    PageMadeOn => ("Status per {date}, laget med tiltak", "Status as of {date}, made with tiltak"),
    PagePrintPageOf => ("side {page} av {pages}", "page {page} of {pages}"),
    PageSkipToContent => ("Hopp til innholdet", "Skip to the content"),
    PageContents => ("Innhold", "Contents"),
    PageSummary => ("Sammendrag", "Summary"),
    PageMatrix => ("Prioriteringer og sektorer", "Priorities and sectors"),
    PagePriorities => ("Tiltak per prioritering", "Measures by priority"),
    PageOwners => ("Eiernes belastning", "Owners' load"),
    PageMeetings => ("Møter", "Meetings"),
    PageCharts => ("Diagrammer", "Charts"),
    PageActive => ("aktive tiltak", "active measures"),
    PageDecidedSince => ("vedtatt siden siste møte ({meeting}, {date})", "decided since the last meeting ({meeting}, {date})"),
    PageNoMeetingYet => ("Gruppen har ikke hatt møte ennå.", "The group has not met yet."),
    PageOverdue => ("forfalte tiltak", "overdue measures"),
    PageAwaitingPolitical => ("trenger politisk behandling", "need political handling"),
    PageEstimatedCost => ("Kostnadsanslag", "Estimated cost"),
    PageAmount => ("{amount} kr", "NOK {amount}"),
    PageCostOf => ("(anslag for {n})", "(estimate for {n})"),
    PagePriority => ("Prioritering", "Priority"),
    PageSector => ("Sektor", "Sector"),
    PageMarker => ("Merknad", "Note"),
    PageReached => ("Tiltak i sektoren", "Measures in the sector"),
    PageNotReached => ("ingen aktive tiltak", "no active measures"),
    PageLegendCells => ("Tallet i en celle: aktive tiltak som hører til både prioriteringen og sektoren; mørkere farge betyr flere.", "The number in a cell: active measures that serve both the priority and the sector; a darker shade means more."),
    PageSectorKey => ("Sektorer", "Sectors"),
    PagePriorityStats => ("{total} tiltak, {active} aktive, {done} fullført, sektorer nådd: {sectors}", "{total} measures, {active} active, {done} done, sectors reached: {sectors}"),
    PageAlsoServes => ("Tjener også denne prioriteringen (står under en høyere rangert)", "Also serves this priority (listed under a higher-ranked one)"),
    PageOwnerCaption => ("Aktive tiltak per eier; terskelen er {n}", "Active measures per owner; the threshold is {n}"),
    PageOverThreshold => ("over terskelen på {n}", "above the threshold of {n}"),
    PageLastMeeting => ("Siste møte: {title} ({id}, {date})", "Last meeting: {title} ({id}, {date})"),
    PageNextMeeting => ("Neste møte: {title} ({id}, {date})", "Next meeting: {title} ({id}, {date})"),
    PageNoAgenda => ("Sakslisten er tom.", "The agenda is empty."),
    PageNoNextMeeting => ("Neste møte er ikke planlagt ennå.", "The next meeting is not planned yet."),
    PageMatrixNeedsData => ("Matrisen kommer når backlogen har både prioriteringer og sektorer.", "The matrix appears once the backlog has both priorities and sectors."),
    PageNoDue => ("uten frist", "no due date"),
    ActStatusPage => ("Lag statussiden (HTML, i datamappen)", "Make the status page (HTML, in the data folder)"),
    MsgStatusPageWritten => ("Skrev statussiden til {path}", "Wrote the status page to {path}"),
    // issue 9: nothing harmful goes out, nothing real is lost
    RescuedOnSignal => ("Terminalen ble lukket før endringene kunne lagres; de er skrevet til {path}", "The terminal closed before the changes could be saved; they were written to {path}"),
    ErrLoadEncoding => ("{path} er lagret som {encoding}, ikke UTF-8. Lagre den som UTF-8 (uten å endre innholdet) og prøv igjen.", "{path} is saved as {encoding}, not UTF-8. Save it as UTF-8 (without changing its contents) and try again."),
    ErrIdsExhausted => ("Alle nummer av denne typen er brukt opp (et nummer brukes aldri om igjen); ingen flere kan legges til.", "Every number of this kind has been used (a number is never reused); no more can be added."),
    ReadOnlyFolderBanner => ("mappen kan ikke skrives – kun lesing", "folder not writable — read only"),
    MsgReadOnlyFolder => ("Mappen til {path} kan ikke skrives ({error}), så dette vinduet er kun for lesing. Ingenting er endret.", "The folder of {path} cannot be written ({error}), so this window is read only. Nothing was changed."),
    NowWritableBanner => ("det andre vinduet er lukket – nå kan du endre", "the other window closed — you can edit now"),
    MsgNowWritable => ("Vinduet som hadde filen åpen, er lukket. Dette vinduet kan nå endre backloggen.", "The window that had the file open has closed. This window can now change the backlog."),
    RescueOnSignalFailed => ("Terminalen ble lukket før endringene kunne lagres, og de kunne ikke skrives til {path}: {error}", "The terminal closed before the changes could be saved, and they could not be written to {path}: {error}"),
    // issue 13: precise search
    SearchFuzzy => ("omtrentlige treff", "fuzzy"),
    CliFuzzyMatches => (
        "Ingen tiltak har ord som begynner slik; viser omtrentlige treff.",
        "No measure has words starting like that; showing fuzzy matches."
    ),
    // issue 13: saving never blocks the screen
    Saving => ("… lagrer", "… saving"),
    MsgQuitWhenWritten => ("Avslutter når den siste endringen er skrevet til filen …", "Quitting once the last change is written to the file …"),
    MsgStillWriting => ("Venter på at den siste endringen skrives til filen …", "Waiting for the last change to be written to the file …"),
    // issue 14: settings and sectors in the app, the guided start
    ActOpenSettings => ("Innstillinger og sektorer", "Settings and sectors"),
    ActEditSettings => ("Endre backloggens navn og innstillinger", "Edit the backlog's name and settings"),
    HelpSectionSettings => ("Innstillinger og sektorer", "Settings and sectors"),
    HintNewSector => ("ny sektor", "new sector"),
    HintSettings => ("innstillinger", "settings"),
    SettingsTitle => ("Innstillinger", "Settings"),
    SettingsEditHint => ("s: endre innstillinger", "s: edit settings"),
    SectorsTitle => ("Sektorer", "Sectors"),
    EmptySectors => ("Ingen sektorer ennå. Trykk n for å legge til en.", "No sectors yet. Press n to add one."),
    ColMeasureCount => ("Tiltak", "Measures"),
    FieldShort => ("Kortnavn", "Short label"),
    FormShortHint => ("tomt: lages av navnet", "empty: made from the name"),
    FieldBacklogName => ("Backloggens navn", "Backlog name"),
    FieldThreshold => ("Tiltak per eier før varsel", "Measures per owner before a warning"),
    FormNewSector => ("Ny sektor", "New sector"),
    FormEditSector => ("Endre sektor", "Edit sector"),
    FormSettings => ("Innstillinger", "Settings"),
    ErrThreshold => ("Tiltak per eier må være et tall fra 1 til 99.", "Measures per owner must be a number from 1 to 99."),
    WhatSector => ("sektor {name}", "sector {name}"),
    ConfirmDeleteSector => ("Slette sektoren {name}? {count} tiltak mister koblingen til den (tiltakene beholdes).", "Delete sector {name}? {count} measures lose the link to it (the measures are kept)."),
    MsgSettingsSaved => ("innstillingene er lagret", "settings saved"),
    HelpSectionStart => ("Kom i gang", "Getting started"),
    HintDoStep => ("gjør dette", "do this step"),
    HintSkipStart => ("hopp over", "skip"),
    HintFirstMeasure => ("første tiltak nå", "first measure now"),
    MsgTriageOff => ("Triage-visningen er slått av: alle tiltak vises.", "The triage view is off: every measure shows."),
    StatusReadOnly => ("kun lesing", "read only"),
    ActGoToMeasure => ("Gå til tiltak etter id (23 eller T-23)", "Go to a measure by id (23 or T-23)"),
    HelpSectionGoTo => ("Gå til tiltak", "Go to a measure"),
    ActSelectRow => ("Velg raden det ble klikket på", "Select the clicked row"),
    ActExternalEditor => ("Skriv feltet i din egen editor ($VISUAL / $EDITOR)", "Write the field in your own editor ($VISUAL / $EDITOR)"),
    ActAssignStatus => ("Sett status direkte (også for markerte tiltak)", "Set a status directly (marked measures too)"),
    MsgAssignedStatus => ("satte status {value} på {what}", "set status {value} on {what}"),
    FormHintMultiline => ("Tab/Shift-Tab: felt · Ctrl-e: din editor · Esc: avbryt", "Tab/Shift-Tab: field · Ctrl-e: your editor · Esc: cancel"),
    MsgChartsHideGrid => ("Diagrammene vises: trykk c for rutenettet, og Enter der for å se tiltakene i en rute.", "The charts are shown: press c for the grid, then Enter there to see a cell's measures."),
    TriageLacks => ("Til triage fordi det mangler: {what}", "In triage because it lacks: {what}"),
    LacksOwner => ("eier", "an owner"),
    LacksSector => ("sektor", "a sector"),
    LacksPriority => ("prioritering", "a priority"),
    LacksAssessment => ("vurdering (fortsatt idé)", "assessment (still an idea)"),
    AskDiscardForm => ("Skjemaet har endringer som ikke er lagret: Esc en gang til kaster dem, Ctrl-s lagrer.", "The form has unsaved changes: Esc again throws them away, Ctrl-s saves."),
    EditorOnlyText => ("Bare tekstfelt kan skrives i editoren.", "Only text fields open in the editor."),
    EditorNotSet => ("Verken $VISUAL eller $EDITOR er satt: skriv i feltet her, eller sett for eksempel EDITOR=nano.", "Neither $VISUAL nor $EDITOR is set: type in the field here, or set e.g. EDITOR=nano."),
    EditorFailed => ("Editoren endte med en feil: feltet er uendret.", "The editor ended with an error: the field is unchanged."),
    EditorCouldNotRun => ("Kunne ikke starte editoren: {error}. Feltet er uendret.", "Could not start the editor: {error}. The field is unchanged."),
    GoToTitle => ("Gå til tiltak", "Go to measure"),
    GoToHint => ("23 eller T-23 · Enter gå · Esc avbryt", "23 or T-23 · Enter go · Esc cancel"),
    ErrNoSuchMeasure => ("Fant ikke tiltak «{text}»: skriv et nummer som 23 eller T-23.", "No measure “{text}”: type a number such as 23 or T-23."),
    StartSkipped => ("Alt dette finner du senere: , for innstillinger og sektorer, 2 for eiere, 3 for prioriteringer.", "All of this is there later: , for settings and sectors, 2 for owners, 3 for priorities."),
    StartTitle => ("Kom i gang", "Getting started"),
    StartIntro => ("En ny backlog. Noen korte steg gjør den til gruppens egen; hvert kan hoppes over og gjøres senere.", "A new backlog. A few short steps make it your group's own; each can be skipped and done later."),
    StartStepName => ("Gi backloggen et navn", "Name the backlog"),
    StartStepSectors => ("Sjekk sektorene (et forslag for en kommune; endre, legg til, slett)", "Check the sectors (a suggested municipal set: rename, add, delete)"),
    StartStepOwners => ("Legg til gruppens medlemmer som eiere", "Add the group's members as owners"),
    StartStepPriorities => ("Legg inn de første tverrsektorielle prioriteringene", "Add the first cross-sector priorities"),
    StartStepMeasures => ("Skriv inn det første tiltaket", "Write down the first measure"),
    StartCount => ("{count} lagt til", "{count} added"),
    StartDemo => ("Vil du se et eksempel først? Avslutt med q og start «tiltak --demo» (egen fil, aldri din backlog).", "Want to see an example first? Quit with q and start “tiltak --demo” (its own file, never your backlog)."),
    // issue 11: sharing the backlog through git
    CliHelpMergeFile => ("Git sin flettedriver: fletter backloggen per tiltak og felt (BASE OURS THEIRS, resultatet skrives til OURS)", "Git's merge driver: merges the backlog per measure and field (BASE OURS THEIRS, the result is written to OURS)"),
    CliHelpMergeBase => ("Felles utgangspunkt (git %O)", "Common ancestor (git %O)"),
    CliHelpMergeOurs => ("Vår versjon; får resultatet (git %A)", "Our version; receives the result (git %A)"),
    CliHelpMergeTheirs => ("Deres versjon (git %B)", "Their version (git %B)"),
    CliHelpMergePath => ("Datafilen i lageret (git %P): konfliktene huskes til appen åpner den", "The data file in the repository (git %P): conflicts are remembered until the app opens it"),
    MsgSyncConflicts => ("Flettingen ved synkronisering beholdt din verdi i {conflicts} konflikt(er); velg side nedenfor.", "The merge during sync kept your value in {conflicts} conflict(s); choose a side below."),
    CliHelpShare => ("Del backloggen med gruppen gjennom git", "Share the backlog with the group through git"),
    CliHelpShareInit => ("Gjør datamappen til en delt backlog (første medlem)", "Make the data folder a shared backlog (first member)"),
    CliHelpRemote => ("Fjernlageret gruppen deler (URL eller sti)", "The remote the group shares (URL or path)"),
    CliHelpShareClone => ("Hent en delt backlog til datamappen (de andre medlemmene)", "Fetch a shared backlog into the data folder (the other members)"),
    CliHelpUrl => ("Fjernlageret (URL eller sti)", "The remote (URL or path)"),
    CliHelpSync => ("Send og hent endringer: commit, hent, flett, send", "Send and fetch changes: commit, fetch, merge, push"),
    ErrGitMissing => ("Fant ikke git. Installer git (https://git-scm.com) og prøv igjen. Ingenting er endret.", "git was not found. Install git (https://git-scm.com) and try again. Nothing was changed."),
    ErrGitTooOld => ("{found} er for gammel; tiltak trenger git {needed} eller nyere. Ingenting er endret.", "{found} is too old; tiltak needs git {needed} or newer. Nothing was changed."),
    ErrGitFailed => ("git {args} feilet: {output}", "git {args} failed: {output}"),
    ErrNotShared => ("{path} er ikke delt ennå. Kjør «tiltak share init» (første medlem) eller «tiltak share clone URL» (de andre).", "{path} is not shared yet. Run `tiltak share init` (first member) or `tiltak share clone URL` (the others)."),
    ErrFolderNotEmpty => ("{path} har filer fra før; ingenting er skrevet. Velg en tom mappe med --data.", "{path} already has files; nothing was written. Choose an empty folder with --data."),
    ErrNoRemote => ("ingen fjernlager er satt (tiltak share init --remote URL)", "no remote is set (tiltak share init --remote URL)"),
    ErrMergeStopped => ("git kunne ikke flette, og flettingen er angret: {error}", "git could not merge, and the merge was undone: {error}"),
    ErrMergeSide => ("{side} versjon av backloggen kan ikke leses, så den flettes ikke: {error}", "The {side} version of the backlog does not read, so it is not merged: {error}"),
    SideBase => ("Den felles", "The common"),
    SideOurs => ("Vår", "Our"),
    SideTheirs => ("Deres", "Their"),
    MsgNotSent => ("ikke sendt: {reason}. Endringene er lagret her og sendes ved neste «tiltak sync».", "not sent: {reason}. The changes are kept here and the next `tiltak sync` sends them."),
    MsgSyncedFrom => ("↓ {in} endringer fra {authors}, ↑ {out}", "↓ {in} changes from {authors}, ↑ {out}"),
    MsgSynced => ("↓ {in}, ↑ {out}", "↓ {in}, ↑ {out}"),
    MsgShared => ("{dir} er nå en delt backlog.", "{dir} is now a shared backlog."),
    MsgCloned => ("Hentet til {dir}. Åpne med: tiltak --data {path}", "Cloned into {dir}. Open it with: tiltak --data {path}"),
    CommitAdded => ("{id} lagt til: {title}", "{id} added: {title}"),
    CommitDeleted => ("{id} slettet: {title}", "{id} deleted: {title}"),
    CommitStatus => ("status {from} → {to}", "status {from} → {to}"),
    CommitEdited => ("{id}: {changes}", "{id}: {changes}"),
    CommitOther => ("Backloggen er oppdatert (ingen tiltak endret)", "Backlog updated (no measure changed)"),
    LogRenumbered => ("Fikk nytt nummer (var {from}): samme nummer ble gitt et annet sted samtidig.", "Renumbered (was {from}): the same number was given elsewhere at the same time."),
    MsgMergeFile => ("tiltak flettet {file}: {measures} tiltak og {others} andre poster fra den andre siden, {conflicts} konflikter (vår verdi beholdt, deres i loggen)", "tiltak merged {file}: {measures} measures and {others} other records from the other side, {conflicts} conflicts (ours kept, theirs in the log)"),
    ActSync => ("Synkroniser den delte backloggen: send og hent endringer (git)", "Sync the shared backlog: send and fetch changes (git)"),
    MsgSyncing => ("⇅ synkroniserer …", "⇅ syncing …"),
    MsgSyncRunning => ("⇅ synkroniseringen pågår allerede", "⇅ a sync is already running"),
    ErrSyncUnsaved => ("Siste endring er ikke lagret; synkroniser når lagringen har lyktes.", "The last change is not saved; sync once saving works."),
    ErrSyncLost => ("synkroniseringen stoppet uten svar", "the sync stopped without an answer"),
    MsgRenumberedCli => ("{from} fikk nytt nummer {to}", "{from} was renumbered {to}"),
    // issue 14: the config file (keys, colours, dates, language, mouse, clipboard, author)
    CliHelpConfigFile => ("Konfigurasjonsfil (ellers TILTAK_CONFIG, så ~/.config/tiltak/config.toml)", "Config file (else TILTAK_CONFIG, then ~/.config/tiltak/config.toml)"),
    CliHelpConfig => ("Vis hvor konfigurasjonsfilen er og om den kan leses", "Show where the config file is and whether it reads"),
    CliHelpPrintDefault => ("Skriv en kommentert standardfil (tiltak config --print-default > config.toml)", "Write a commented default file (tiltak config --print-default > config.toml)"),
    ConfigReadsFine => ("{path}: leses uten feil", "{path}: reads fine"),
    ConfigMissing => ("{path} finnes ikke: standardverdiene gjelder (tiltak config --print-default gir en fil å begynne med)", "{path} does not exist: the defaults apply (tiltak config --print-default gives a file to start from)"),
    ActCopyMeasure => ("Kopier valgt tiltaks id og tittel til utklippstavlen", "Copy the selected measure's id and title to the clipboard"),
    MsgCopied => ("kopiert: {text}", "copied: {text}"),
    CopyOff => ("Kopiering er slått av i konfigurasjonsfilen (osc52 = false).", "Copying is off in the config file (osc52 = false)."),
    ActMoveSectorUp => ("Flytt sektoren opp i rekkefølgen (matrisen, skjemaer, filtre)", "Move the sector up the order (matrix, forms, filters)"),
    ActMoveSectorDown => ("Flytt sektoren ned i rekkefølgen", "Move the sector down the order"),
    MsgSectorMoved => ("flyttet {what}", "moved {what}"),
    FieldLanguageDefault => ("Standardspråk", "Default language"),
    FormLanguageHint => ("nb, en eller tomt (hver sin)", "nb, en or empty (each their own)"),
    ErrLanguageDefault => ("Standardspråket må være nb, en eller tomt.", "The default language must be nb, en or empty."),
    LanguageEachOwn => ("– (hver sin: --lang, konfigurasjonsfilen eller LANG)", "– (each their own: --lang, the config file or LANG)"),
    AuthorFromConfig => ("{name} (fra {path})", "{name} (from {path})"),
    AuthorFromElsewhere => ("{name} (fra git eller systemet; endre med author = \"…\" i {path})", "{name} (from git or the system; set author = \"…\" in {path})"),
    AuthorNotSet => ("ikke satt: author = \"…\" i {path}", "not set: author = \"…\" in {path}"),
    ConfigErrLine => ("Konfigurasjonsfilen {path}, linje {line}: {problem}", "Config file {path}, line {line}: {problem}"),
    ConfigErr => ("Konfigurasjonsfilen {path}: {problem}", "Config file {path}: {problem}"),
    ConfigBadLanguage => ("ukjent språk «{value}» (nb eller en)", "unknown language “{value}” (nb or en)"),
    ConfigBadDateFormat => ("ukjent datoformat «{value}» (dd.mm.yyyy eller iso)", "unknown date format “{value}” (dd.mm.yyyy or iso)"),
    ConfigBadTheme => ("ukjent tema «{value}» (kjente: {known})", "unknown theme “{value}” (known: {known})"),
    ConfigBadColour => ("ukjent farge «{value}» (et navn som red eller lightblue, #rrggbb eller 0–255)", "unknown colour “{value}” (a name such as red or lightblue, #rrggbb or 0–255)"),
    ConfigBadRole => ("ukjent fargerolle «{value}» (kjente: {known})", "unknown colour role “{value}” (known: {known})"),
    ConfigBadStatus => ("ukjent status «{value}» (kjente: {known})", "unknown status “{value}” (known: {known})"),
    ConfigBadContext => ("ukjent tastesammenheng «{value}» (kjente: {known})", "unknown key context “{value}” (known: {known})"),
    ConfigBadAction => ("ukjent handling «{value}» i [keys.{context}] (se tiltak config --print-default)", "unknown action “{value}” in [keys.{context}] (see tiltak config --print-default)"),
    ConfigBadKey => ("ukjent tast «{value}» (for eksempel n, G, Ctrl-r, Enter, Esc, Tab, Space, Up, PgDn, F2)", "unknown key “{value}” (for example n, G, Ctrl-r, Enter, Esc, Tab, Space, Up, PgDn, F2)"),
    ConfigClash => ("tasten {key} i [keys.{context}] er bundet både til {first} og {second}", "key {key} in [keys.{context}] is bound to both {first} and {second}"),
    ConfigHeader => ("tiltak: dine egne innstillinger. Filen er din, ikke gruppens backlog.\nLinjer du ikke endrer, kan slettes; det som mangler, har standardverdien.", "tiltak: your own settings. This file is yours, not the group's backlog.\nLines you do not change can be deleted; whatever is missing has its default."),
    ConfigLanguage => ("Språk: nb eller en. Uten: --lang, så LC_ALL / LC_MESSAGES / LANG.", "Language: nb or en. Without it: --lang, then LC_ALL / LC_MESSAGES / LANG."),
    ConfigDateFormat => ("Datoer på skjermen og i skjemaer: \"dd.mm.yyyy\" eller \"iso\". Uten: dd.mm.yyyy på norsk, ISO på engelsk.", "Dates on screen and in forms: \"dd.mm.yyyy\" or \"iso\". Without it: dd.mm.yyyy in Norwegian, ISO in English."),
    ConfigMouse => ("Musen: klikk, dobbeltklikk og hjulet. false lar terminalen beholde musen.", "The mouse: clicks, double-clicks and the wheel. false leaves the mouse to the terminal."),
    ConfigOsc52 => ("y kopierer valgt tiltaks id og tittel til utklippstavlen (OSC 52). false slår det av.", "y copies the selected measure's id and title to the clipboard (OSC 52). false turns it off."),
    ConfigAuthor => ("Navnet loggføringene dine skrives under (ditt eget, ikke gruppens).", "The name your log entries are written under (your own, not the group's)."),
    ConfigTheme => ("Fargetema: default (mørk terminal), light (lys terminal) eller high-contrast (prosjektor).", "Colour theme: default (dark terminal), light (light terminal) or high-contrast (projector)."),
    ConfigColours => ("Farger per rolle over temaet: et navn (red, lightblue …), #rrggbb eller 0–255.", "Colours per role over the theme: a name (red, lightblue …), #rrggbb or 0–255."),
    ConfigKeys => ("Taster per sammenheng: handling = [\"tast\", …]. En tast kan bare ha én handling i en sammenheng.\nTaster: n, G, Ctrl-r, Alt-x, Enter, Esc, Tab, Shift-Tab, Space, Up, Down, Left, Right, Home, End, PgUp, PgDn, F1–F12.", "Keys per context: action = [\"key\", …]. A key can have only one action in a context.\nKeys: n, G, Ctrl-r, Alt-x, Enter, Esc, Tab, Shift-Tab, Space, Up, Down, Left, Right, Home, End, PgUp, PgDn, F1–F12."),
    // issue 11: who did what, automatic sync; issue 15: the status page published with each sync
    LogAuthor => ("– {author}", "– {author}"),
    LogChangedElsewhereBy => ("Endret et annet sted av {theirs}: {field} = {value} ({ours} sin verdi er beholdt)", "Changed elsewhere by {theirs}: {field} = {value} ({ours}'s value kept)"),
    MergeSideBy => ("{value} ({author})", "{value} ({author})"),
    FieldSyncAtStart => ("Synk ved oppstart", "Sync at start"),
    FieldSyncAfterMeeting => ("Synk etter møter", "Sync after a meeting"),
    FieldSyncEvery => ("Synk hvert N. min i ro", "Sync every N min idle"),
    FormSyncEveryHint => ("minutter, 0 = av; bare i en delt mappe", "minutes, 0 = off; only in a shared folder"),
    ErrSyncEvery => ("Minutter mellom synkroniseringer må være et tall fra 0 til 480.", "Minutes between syncs must be a number from 0 to 480."),
    FieldPublishPage => ("Publiser statussiden", "Publish status page"),
    FormPublishPageHint => ("ved hver synk, til site/index.html; uten deling: ingenting", "with each sync, to site/index.html; unshared: nothing"),
    SettingsSync => ("Automatisk synkronisering", "Automatic sync"),
    SettingsSyncAtStart => ("ved oppstart", "at start"),
    SettingsSyncAfterMeeting => ("etter møter", "after meetings"),
    SettingsSyncEvery => ("hvert {minutes}. minutt i ro", "every {minutes} min while idle"),
    SettingsSyncOff => ("av", "off"),
    SettingsPublished => ("publiseres i site/index.html ved synkronisering", "published to site/index.html with each sync"),
    SettingsNotPublished => ("ikke publisert", "not published"),
    SettingsNotShared => ("Mappen er ikke delt: synk og publisering gjør ingenting (tiltak share init).", "The folder is not shared: sync and publishing do nothing (tiltak share init)."),
    SettingsYourName => ("Ditt navn i loggen", "Your name in the log"),
    CommitPage => ("Statussiden er oppdatert", "Status page updated"),
    // issue 16: glossary
    PaneGlossary => ("Begreper", "Glossary"),
    ActGlossary => ("Gå til begrepslisten", "Go to the glossary"),
    ActNextTerm => ("Tiltak: flytt til neste begrep i detaljene (Enter åpner det i begrepslisten)", "Measures: move to the next glossary term in the detail (Enter opens it in the glossary)"),
    EmptyGlossary => ("Ingen begreper ennå. Trykk n for å legge til gruppens første begrep.", "No terms yet. Press n to add the group's first term."),
    FieldTerm => ("Begrep", "Term"),
    FieldDefinition => ("Definisjon", "Definition"),
    FieldSynonyms => ("Synonymer", "Synonyms"),
    FieldTermSector => ("Eies av sektor", "Owning sector"),
    FieldAgreed => ("Vedtatt dato", "Date agreed"),
    FieldAgreedIn => ("Vedtatt i", "Agreed in"),
    FormSynonymsHint => ("skill med komma", "separate with commas"),
    FormNewTerm => ("Nytt begrep", "New term"),
    FormEditTerm => ("Rediger begrep {id}", "Edit term {id}"),
    WhatTerm => ("begrepet «{term}»", "term “{term}”"),
    ConfirmDeleteTerm => ("Slette begrepet «{term}»? (u angrer)", "Delete term “{term}”? (u undoes it)"),
    TermProposed => ("foreslått", "proposed"),
    TermAgreed => ("vedtatt", "agreed"),
    TermRetired => ("utgått", "retired"),
    ColTerm => ("Begrep", "Term"),
    ColSynonyms => ("Synonymer", "Synonyms"),
    HeadingTermsFound => ("Begreper i teksten", "Terms in the text"),
    HintOpenTerm => ("Enter åpner begrepet", "Enter opens the term"),
    MsgNoTermsHere => ("Ingen begreper fra begrepslisten i dette tiltaket.", "No glossary terms in this measure."),
    HeadingUsedIn => ("Brukt i tiltak", "Used in measures"),
    MinTermsAgreed => ("Begreper vedtatt", "Terms agreed"),
    CliHelpGlossary => ("Vis begrepslisten: begrep, status, eier, synonymer og definisjon", "Show the glossary: term, status, owner, synonyms and definition"),
    CliHelpGlossaryJson => ("Skriv begrepene som JSON, slik de er lagret", "Print the terms as JSON, as they are stored"),
    ErrEmptyText => ("Teksten er tom.", "The text is empty."),
    FormReviseTerm => ("Revider definisjonen av {id}", "Revise the definition of {id}"),
    ConfirmAgreeTerm => ("Vedta begrepet «{term}» med denne definisjonen? (j/n)", "Agree the term “{term}” with this definition? (y/n)"),
    ConfirmRetireTerm => ("Erklære begrepet «{term}» utgått? (j/n)", "Retire the term “{term}”? (y/n)"),
    MsgNotForTerm => ("Gjelder tiltak, ikke begreper. For et begrep: a vedta, Enter revidere, x utgått, t orientering.", "For measures, not terms. On a term: a agree, Enter revise, x retire, t noted."),
    TermDecAgreed => ("Vedtatt", "Agreed"),
    TermDecRevised => ("Revidert: {definition}", "Revised: {definition}"),
    TermDecRetired => ("Utgått", "Retired"),
    TermDecNoted => ("Tatt til orientering", "Noted"),
    MsgTermDecision => ("{id}: {text}", "{id}: {text}"),
    ReviewTermHeading => ("Begrep til behandling", "Term for the group"),
    ActTermToMeeting => ("Begreper: sett begrepet på dagsordenen til neste planlagte møte", "Glossary: put the term on the agenda of the next planned meeting"),
    MsgTermOnAgenda => ("{term} står nå på dagsordenen til {meeting} ({date}).", "{term} is now on the agenda of {meeting} ({date})."),
    MsgTermAlreadyOnAgenda => ("{term} står allerede på dagsordenen til {meeting}.", "{term} is already on the agenda of {meeting}."),
    MsgNoPlannedMeeting => ("Ingen planlagte møter. Planlegg et i Møter (4, n) først.", "No planned meeting. Plan one in Meetings (4, n) first."),
    MdAlsoCalled => ("også: {synonyms}", "also: {synonyms}"),
    // issue 16: dependencies and links
    FieldDependsOn => ("Avhenger av", "Depends on"),
    FieldPartOf => ("Del av", "Part of"),
    FieldLinks => ("Lenker", "Links"),
    FieldNeededBy => ("Trengs av", "Needed by"),
    FieldParts => ("Deler", "Parts"),
    FieldCaseUrlTemplate => ("Lenke til saken", "Case link"),
    FormIdsHint => ("tiltaks-id-er, f.eks. T-3, T-7", "measure ids, e.g. T-3, T-7"),
    FormPartOfHint => ("ett tiltak, f.eks. T-5", "one measure, e.g. T-5"),
    FormLinksHint => ("én per linje: navn | adresse · Ctrl-e redigerer", "one per line: label | address · Ctrl-e edits"),
    FormCaseUrlHint => ("adresse der {case} blir saksnummeret", "address where {case} becomes the case number"),
    ErrOneParent => ("Et tiltak kan bare være del av ett annet tiltak.", "A measure can be part of only one other measure."),
    ErrDependencyCycle => ("Avhengighetene ville gått i ring: {cycle}", "The dependencies would go round in a circle: {cycle}"),
    ErrPartOfCycle => ("«Del av» ville gått i ring: {cycle}", "“Part of” would go round in a circle: {cycle}"),
    ErrCaseUrlTemplate => ("Adressen må inneholde {case} og begynne med http:// eller https://.", "The address must hold {case} and start with http:// or https://."),
    BlockedBy => ("blokkert av {list}", "blocked by {list}"),
    BlockerDue => ("{id} ({status}, frist {due})", "{id} ({status}, due {due})"),
    BlockerNoDue => ("{id} ({status})", "{id} ({status})"),
    LegendBlocked => ("⊘ blokkert: venter på et tiltak som ikke er fullført", "⊘ blocked: waits for a measure that is not done"),
    DependencyTreeTitle => ("Avhengigheter i {priority}", "Dependencies in {priority}"),
    TreeRepeated => ("(se over)", "(see above)"),
    MsgNoLinks => ("Tiltaket har ingen lenker.", "The measure has no links."),
    MsgOpened => ("Åpnet {url}", "Opened {url}"),
    ErrOpenRefused => ("Åpner ikke «{url}»: bare http(s)-, mailto- og file-adresser åpnes.", "Not opening “{url}”: only http(s), mailto and file addresses are opened."),
    ErrOpenFailed => ("Kunne ikke åpne {url}: {error}", "Could not open {url}: {error}"),
    MsgNoDependencies => ("Tiltaket avhenger ikke av noe annet tiltak.", "The measure depends on no other measure."),
    PickerOpenLink => ("Åpne lenke", "Open link"),
    PickerFollow => ("Gå til tiltak", "Go to measure"),
    ActAssignDepends => ("Velg hva tiltaket avhenger av", "Choose what the measure depends on"),
    ActAssignPartOf => ("Velg hvilket tiltak det er del av", "Choose which measure it is part of"),
    ActOpenLink => ("Åpne en lenke fra tiltaket", "Open a link of the measure"),
    HintFollow => ("følg", "follow"),
    MsgAssignedDepends => ("endret avhengigheter på {what}", "changed dependencies on {what}"),
    MsgAssignedPartOf => ("{what} er del av {value}", "{what} is part of {value}"),
    ActFollowDependency => ("Følg en avhengighet: vis tiltaket det venter på", "Follow a dependency: show the measure it waits for"),
    // issue 11: authors in the minutes and in `tiltak changes`
    MinRecordedBy => ("Referent", "Recorded by"),
    MinRecordedByOther => ("ført av {author}", "recorded by {author}"),
    // issue 16: the review's key line on a glossary term
    HintAgreeTerm => ("vedta", "agree"),
    HintReviseTerm => ("revider", "revise"),
    HintRetireTerm => ("utgått", "retire"),
    // issue 16: glossary terms on the agenda from the meeting set-up
    ActAgendaAdd => ("Møteoppsett: legg et tiltak eller et begrep til på sakslisten (velg i en liste som filtreres mens du skriver)", "Set-up: add a measure or a glossary term to the agenda (chosen in a list that filters as you type)"),
    HintAgendaAdd => ("legg til", "add"),
    PickerAgendaItem => ("Legg til på sakslisten", "Add to the agenda"),
    PickerTermOption => ("begrep, {status}", "term, {status}"),
    MsgAddedToAgenda => ("{id} er satt på sakslisten.", "{id} is on the agenda now."),
    // issue 11/16: `tiltak settings`
    ErrYesNo => ("Skriv ja eller nei.", "Write yes or no."),
    ErrUnknownSetting => ("Ukjent innstilling «{key}». Kjente: {known}.", "Unknown setting “{key}”. Known: {known}."),
    ErrBadSetting => ("{key}: {error} Ingenting er skrevet.", "{key}: {error} Nothing was written."),
    SettingChanged => ("{label}: «{old}» → «{new}»", "{label}: “{old}” → “{new}”"),
    SettingUnchanged => ("{label} er allerede «{value}».", "{label} is “{value}” already."),
    CliHelpSettings => ("Vis backloggens innstillinger, eller endre én: settings set NØKKEL VERDI", "Show the backlog's settings, or change one: settings set KEY VALUE"),
    CliHelpSettingsSet => ("Endre én innstilling (sjekket som i innstillingsskjemaet)", "Change one setting (checked as in the Settings form)"),
    CliHelpSettingKey => ("Innstillingen, f.eks. owner_load_threshold", "The setting, e.g. owner_load_threshold"),
    CliHelpSettingValue => ("Den nye verdien (tom tømmer språk og lenke)", "The new value (empty clears language and case link)"),
    MsgNothingToAdd => ("Alle tiltak og begreper står allerede på sakslisten.", "Every measure and term is on the agenda already."),
    // issue 14: one picker everywhere
    PickerTypeToFilter => ("skriv for å filtrere", "type to filter"),
    HintChoose => ("velg", "choose"),
    HintCheck => ("merk av", "check"),
    FormHintChoice => ("Enter/skriv: velg i liste · Ctrl-s: lagre · Esc: avbryt", "Enter/type: pick from list · Ctrl-s: save · Esc: cancel"),
    FormHintMeasures => ("Enter: liste · Ctrl-s: lagre · Esc: avbryt", "Enter: list · Ctrl-s: save · Esc: cancel"),
    FormPickHint => ("←/→: bla", "←/→: next"),
    PickerNothingYet => ("Ingenting å velge ennå: legg det til først (Esc).", "Nothing to choose from yet: add some first (Esc)."),
    FormMultiPickHint => ("Mellomrom: merk", "Space: toggle"),
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
    fn decisions_read_in_the_readers_language_and_old_text_stays_as_written() {
        let due = Some(jiff::civil::date(2027, 3, 31));
        assert_eq!(
            Lang::En.decision(Some(DecisionKind::Deferred), "", due),
            "Deferred, new due date 2027-03-31."
        );
        assert_eq!(
            Lang::Nb.decision(Some(DecisionKind::Deferred), "", due),
            "Utsatt, ny frist 31.03.2027."
        );
        assert_eq!(
            Lang::En.decision(Some(DecisionKind::Rejected), "for dyrt", None),
            "Rejected: for dyrt"
        );
        assert_eq!(Lang::En.decision(Some(DecisionKind::Noted), "", None), "Noted.");
        assert_eq!(
            Lang::Nb.decision(Some(DecisionKind::Confirmed), "", None),
            "Bekreftet, fortsetter som planlagt."
        );
        assert_eq!(
            Lang::En.decision(Some(DecisionKind::OwnerChanged), "Kari", None),
            "New owner: Kari."
        );
        assert_eq!(Lang::En.decision(None, "Vedtatt.", None), "Vedtatt.");
        assert_eq!(
            Lang::En.decision(Some(DecisionKind::Noted), "Høring først.", None),
            "Noted. Høring først."
        );
        assert_eq!(
            (Lang::Nb.items(1), Lang::En.items(1), Lang::En.items(3)),
            ("1 sak".into(), "1 item".into(), "3 items".into())
        );
    }

    #[test]
    fn dates_follow_the_language() {
        let d = jiff::civil::date(2027, 3, 9);
        assert_eq!(Lang::Nb.date(d), "09.03.2027");
        assert_eq!(Lang::En.date(d), "2027-03-09");
    }
}
