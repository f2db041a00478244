//! The backlog's data types, exactly as they are stored in the JSON file.

use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::id::{MeasureId, MeetingId, OwnerId, PriorityId, SectorId};

/// Major schema version this build reads and writes. A file with a higher major version is
/// refused; fields added by a newer minor version are kept in `extra` and written back.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Backlog {
    pub schema_version: u32,
    pub name: String,
    #[serde(default)]
    pub next_ids: NextIds,
    #[serde(default)]
    pub settings: Settings,
    #[serde(default)]
    pub sectors: Vec<Sector>,
    #[serde(default)]
    pub owners: Vec<Owner>,
    #[serde(default)]
    pub priorities: Vec<Priority>,
    /// Shared (issue 13): a snapshot for the background writer copies pointers, not measures;
    /// change one through `Arc::make_mut`.
    #[serde(default)]
    pub measures: super::measures::Measures,
    #[serde(default)]
    pub meetings: Vec<Meeting>,
    /// Named views of the measure list.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub views: Vec<super::saved_view::SavedView>,
    // issue 16: glossary
    /// The group's shared vocabulary (begrepsliste).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub glossary: Vec<super::glossary::Term>,
    /// Top-level fields written by a newer minor version; carried through untouched.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The next number to hand out per record kind. Numbers only grow, so an id is never reused,
/// not even after a delete followed by an undo.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NextIds {
    pub measure: u32,
    pub owner: u32,
    pub priority: u32,
    pub sector: u32,
    pub meeting: u32,
    // issue 16: glossary
    /// Written only once a term was added, so older files stay byte for byte the same.
    #[serde(default = "first_id", skip_serializing_if = "is_first_id")]
    pub term: u32,
}

fn first_id() -> u32 {
    1
}

fn is_first_id(next: &u32) -> bool {
    *next == first_id()
}

impl Default for NextIds {
    fn default() -> Self {
        NextIds {
            measure: 1,
            owner: 1,
            priority: 1,
            sector: 1,
            meeting: 1,
            term: first_id(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// An owner with more active measures than this is flagged as overloaded.
    #[serde(default = "default_owner_load_threshold")]
    pub owner_load_threshold: u32,
    /// What a new review meeting books per agenda item. Written only when changed, so files
    /// from before this setting stay byte for byte the same.
    #[serde(
        default = "default_minutes_per_item",
        skip_serializing_if = "is_default_minutes_per_item"
    )]
    pub minutes_per_item: u32,
    // issue 14: the group's default language
    /// The language the app speaks for this backlog when neither `--lang` nor the user's
    /// config file says (`nb` or `en`); before the environment's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    // issue 11: automatic sync, and issue 15: the status page published with each sync
    /// Sync when the app starts (only where the folder is shared).
    #[serde(default, skip_serializing_if = "is_false")]
    pub sync_at_start: bool,
    /// Sync when a meeting ends.
    #[serde(default, skip_serializing_if = "is_false")]
    pub sync_after_meeting: bool,
    /// Sync every this many minutes while the app is idle; 0 is off.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub sync_every_minutes: u32,
    /// `sync` also writes the status page to `site/index.html` and commits it.
    #[serde(default, skip_serializing_if = "is_false")]
    pub publish_page: bool,
    // issue 16: dependencies and links
    /// Turns a case number into an address: `{case}` is replaced by the number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case_url_template: Option<String>,
}

fn is_false(on: &bool) -> bool {
    !*on
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

fn default_owner_load_threshold() -> u32 {
    6
}

fn default_minutes_per_item() -> u32 {
    5
}

fn is_default_minutes_per_item(minutes: &u32) -> bool {
    *minutes == default_minutes_per_item()
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            owner_load_threshold: default_owner_load_threshold(),
            minutes_per_item: default_minutes_per_item(),
            language: None,
            sync_at_start: false,
            sync_after_meeting: false,
            sync_every_minutes: 0,
            publish_page: false,
            case_url_template: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sector {
    pub id: SectorId,
    pub name: String,
    /// Short label for narrow columns; derived from the name when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short: Option<String>,
    /// Fields written by a newer minor version; carried through untouched.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
    // issue 14: sectors in the group's own order
    /// Place in the sectors' order (0 first); sectors without one follow, by id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Owner {
    pub id: OwnerId,
    pub name: String,
    #[serde(default)]
    pub role: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sector: Option<SectorId>,
    /// Fields written by a newer minor version; carried through untouched.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Priority {
    pub id: PriorityId,
    pub title: String,
    #[serde(default)]
    pub description: String,
    /// 1 is the group's first priority.
    pub rank: u32,
    /// Fields written by a newer minor version; carried through untouched.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Idea,
    Assessing,
    Decided,
    InProgress,
    Done,
    Parked,
    Rejected,
}

impl Status {
    pub const ALL: [Status; 7] = [
        Status::Idea,
        Status::Assessing,
        Status::Decided,
        Status::InProgress,
        Status::Done,
        Status::Parked,
        Status::Rejected,
    ];

    /// The JSON / CLI key.
    pub fn key(self) -> &'static str {
        match self {
            Status::Idea => "idea",
            Status::Assessing => "assessing",
            Status::Decided => "decided",
            Status::InProgress => "in_progress",
            Status::Done => "done",
            Status::Parked => "parked",
            Status::Rejected => "rejected",
        }
    }

    pub fn from_key(key: &str) -> Option<Status> {
        let wanted = key.trim().to_lowercase().replace('-', "_");
        Status::ALL.into_iter().find(|s| s.key() == wanted)
    }

    /// One step forward along idea → assessing → decided → in_progress → done. A parked or
    /// rejected measure is reopened for assessment.
    pub fn next(self) -> Option<Status> {
        match self {
            Status::Idea => Some(Status::Assessing),
            Status::Assessing => Some(Status::Decided),
            Status::Decided => Some(Status::InProgress),
            Status::InProgress => Some(Status::Done),
            Status::Done => None,
            Status::Parked | Status::Rejected => Some(Status::Assessing),
        }
    }

    /// One step back along the lifecycle; the side exits have no step back.
    pub fn previous(self) -> Option<Status> {
        match self {
            Status::Idea | Status::Parked | Status::Rejected => None,
            Status::Assessing => Some(Status::Idea),
            Status::Decided => Some(Status::Assessing),
            Status::InProgress => Some(Status::Decided),
            Status::Done => Some(Status::InProgress),
        }
    }

    /// Active means still to be carried out: not done, parked or rejected.
    pub fn is_active(self) -> bool {
        !matches!(self, Status::Done | Status::Parked | Status::Rejected)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Funding {
    /// Funded inside the operating budget (drift).
    Operating,
    /// Investment budget (investering).
    Investment,
    /// External grant (ekstern).
    External,
    /// Not funded yet (ufinansiert).
    Unfunded,
}

impl Funding {
    pub const ALL: [Funding; 4] = [
        Funding::Operating,
        Funding::Investment,
        Funding::External,
        Funding::Unfunded,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Funding::Operating => "operating",
            Funding::Investment => "investment",
            Funding::External => "external",
            Funding::Unfunded => "unfunded",
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Political {
    /// The measure needs a political decision.
    pub needed: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case_number: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Measure {
    pub id: MeasureId,
    pub title: String,
    #[serde(default)]
    pub description: String,
    pub status: Status,
    #[serde(default)]
    pub owner: Option<OwnerId>,
    #[serde(default)]
    pub sectors: Vec<SectorId>,
    #[serde(default)]
    pub priorities: Vec<PriorityId>,
    #[serde(default)]
    pub value: Option<u8>,
    #[serde(default)]
    pub effort: Option<u8>,
    #[serde(default)]
    pub due: Option<Date>,
    #[serde(default)]
    pub funding: Option<Funding>,
    /// Estimated cost in NOK, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_estimate: Option<u64>,
    #[serde(default)]
    pub political: Political,
    #[serde(default)]
    pub benefits: String,
    #[serde(default)]
    pub tags: Vec<String>,
    pub created: Timestamp,
    pub updated: Timestamp,
    #[serde(default)]
    pub log: Vec<LogEntry>,
    // issue 16: dependencies and links
    /// Measures that must be done before this one can be carried out.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub depends_on: Vec<MeasureId>,
    /// The larger measure this one is a part of.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_of: Option<MeasureId>,
    /// Where to read more: the case in the archive, a Teams channel, a document.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
    /// Fields written by a newer minor version; carried through untouched.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

// issue 16: dependencies and links
/// A labelled address a measure points to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    #[serde(default)]
    pub label: String,
    pub url: String,
}

impl Link {
    /// The label, or the address when there is no label.
    pub fn shown(&self) -> &str {
        if self.label.trim().is_empty() {
            &self.url
        } else {
            &self.label
        }
    }
}

impl Measure {
    pub fn is_cross_sector(&self) -> bool {
        self.sectors.len() >= 2
    }

    pub fn is_overdue(&self, today: Date) -> bool {
        self.status.is_active() && self.due.is_some_and(|due| due < today)
    }

    /// Needs political handling and the group still carries it (the status report's meaning).
    pub fn awaits_political_handling(&self) -> bool {
        self.political.needed && self.status.is_active()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LogKind {
    Decision,
    StatusChange,
    Note,
    /// A new owner outside a meeting; the text is the new owner's name (empty: none).
    OwnerChange,
    /// A new due date outside a meeting; `due` holds it (none: removed).
    DueChange,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogEntry {
    pub at: Timestamp,
    pub kind: LogKind,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Status>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<Status>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting: Option<MeetingId>,
    /// On a decision entry: what was decided (absent in older files, whose text says it all).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<DecisionKind>,
    /// On a deferral: the new due date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Date>,
    // issue 11: who did what
    /// Who wrote the entry (the member's name, see `share::author`); empty in older files and
    /// not written then, so they stay byte for byte the same.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub author: String,
}

impl LogEntry {
    /// A free-text note at `at`, unsigned and outside any meeting.
    pub fn note(at: Timestamp, text: String) -> LogEntry {
        LogEntry {
            at,
            kind: LogKind::Note,
            text,
            from: None,
            to: None,
            meeting: None,
            decision: None,
            due: None,
            author: String::new(),
        }
    }
}

/// What a meeting decided on an item. Stored as data, so the log, the summary and the minutes
/// can say it in the reader's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DecisionKind {
    /// Vedtatt: the status went to `decided`.
    Approved,
    /// Already decided, in progress or done: confirmed, continue as planned (status kept).
    Confirmed,
    Parked,
    /// Avvist; the reason is the decision's text.
    Rejected,
    /// A new due date (the decision's `due`).
    Deferred,
    /// Tatt til orientering: discussed, nothing changed.
    Noted,
    /// A new owner (the name is the decision's text; empty when the owner was removed).
    OwnerChanged,
}

/// Where a meeting is in its life. Files written before meetings had a state hold only meetings
/// that were held.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeetingState {
    /// Saved ahead with its agenda; not started.
    Planned,
    /// Started and not ended. Found in a file when the app was closed or killed during the
    /// meeting: shown as interrupted and can be resumed.
    Running,
    #[default]
    Held,
}

impl MeetingState {
    fn is_held(&self) -> bool {
        *self == MeetingState::Held
    }
}

/// Someone at the meeting who is not one of the backlog's owners.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Guest {
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub role: String,
}

/// Seconds the meeting spent on one agenda item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemTime {
    pub measure: MeasureId,
    pub secs: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meeting {
    pub id: MeetingId,
    pub date: Date,
    pub title: String,
    #[serde(default)]
    pub attendees: Vec<OwnerId>,
    #[serde(default)]
    pub agenda: Vec<MeasureId>,
    #[serde(default)]
    pub decisions: Vec<Decision>,
    #[serde(default, skip_serializing_if = "MeetingState::is_held")]
    pub state: MeetingState,
    /// Start time of day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<jiff::civil::Time>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub place: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes_per_item: Option<u32>,
    /// Owners not ticked as present when the meeting started.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub absent: Vec<OwnerId>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub guests: Vec<Guest>,
    /// Time spent per item, in agenda order of first visit.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub time_spent: Vec<ItemTime>,
    // issue 16: glossary terms on the agenda, after the measures, and what was decided on them
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub terms: Vec<super::id::TermId>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub term_decisions: Vec<super::glossary::TermDecision>,
    /// Fields written by a newer minor version; carried through untouched.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    pub measure: MeasureId,
    pub at: Timestamp,
    /// What was decided; absent in files written before decisions had kinds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<DecisionKind>,
    /// Free text: a rejection's reason, a new owner's name; in older files the whole decision
    /// as it was written, in the language of that meeting.
    #[serde(default)]
    pub text: String,
    /// A deferral's new due date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Date>,
}

impl Meeting {
    /// Seconds spent on `measure`, if any were booked.
    pub fn secs_on(&self, measure: MeasureId) -> Option<u32> {
        self.time_spent.iter().find(|t| t.measure == measure).map(|t| t.secs)
    }
}

impl Sector {
    /// The `short` label, or one made from the name: initials of a multi-word name ("Helse og
    /// omsorg" → "HO"), the first four letters of a single word ("Samfunnsutvikling" → "Samf").
    pub fn short_label(&self) -> String {
        if let Some(short) = self.short.as_deref().filter(|s| !s.trim().is_empty()) {
            return short.trim().to_string();
        }
        const FILLER: [&str; 5] = ["og", "i", "and", "of", "the"];
        let words: Vec<&str> = self
            .name
            .split(|c: char| c.is_whitespace() || c == ',' || c == '/' || c == '-')
            .filter(|w| !w.is_empty() && !FILLER.contains(&w.to_lowercase().as_str()))
            .collect();
        match words.as_slice() {
            [] => String::new(),
            [word] => word.chars().take(4).collect(),
            // A number is kept whole ("Sone 12" → "S12"), so numbered sectors stay distinct.
            many => many
                .iter()
                .flat_map(|w| {
                    if w.chars().all(|c| c.is_ascii_digit()) {
                        w.chars().collect::<Vec<_>>()
                    } else {
                        w.chars().next().into_iter().flat_map(char::to_uppercase).collect()
                    }
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Id;

    fn sector(name: &str, short: Option<&str>) -> Sector {
        Sector {
            id: Id(1),
            name: name.to_string(),
            short: short.map(str::to_string),
            extra: Default::default(),
            position: None,
        }
    }

    #[test]
    fn short_labels() {
        assert_eq!(sector("Helse og omsorg", None).short_label(), "HO");
        assert_eq!(sector("Miljø, idrett og kultur", None).short_label(), "MIK");
        assert_eq!(sector("Samfunnsutvikling", None).short_label(), "Samf");
        assert_eq!(sector("Økonomi", None).short_label(), "Økon");
        assert_eq!(sector("Helse og omsorg", Some("Helse")).short_label(), "Helse");
        assert_eq!(sector("Sektor nummer 12", None).short_label(), "SN12");
    }

    #[test]
    fn lifecycle_steps() {
        assert_eq!(Status::Idea.next(), Some(Status::Assessing));
        assert_eq!(Status::InProgress.next(), Some(Status::Done));
        assert_eq!(Status::Done.next(), None);
        assert_eq!(Status::Parked.next(), Some(Status::Assessing));
        assert_eq!(Status::Idea.previous(), None);
        assert_eq!(Status::Done.previous(), Some(Status::InProgress));
        assert_eq!(Status::Rejected.previous(), None);
        for status in Status::ALL {
            assert_eq!(Status::from_key(status.key()), Some(status));
        }
        assert_eq!(Status::from_key("In-Progress"), Some(Status::InProgress));
    }
}
