//! The fields of a measure that people edit, by name and as text: what `tiltak set` takes, what
//! `tiltak show` prints, and what an import or a `set` reports as "old → new".

use super::csv::LIST_SEPARATOR;
use crate::domain::depends::ids_text;
use crate::domain::links::links_text;
use crate::domain::{Backlog, MeasureDraft, OwnerId, PriorityId, SectorId};
use crate::human::{group_thousands, tags_text};
use crate::i18n::{Lang, Msg};

/// The owner's name; empty when there is none.
pub fn owner_name(backlog: &Backlog, owner: Option<OwnerId>) -> String {
    owner
        .and_then(|o| backlog.owner(o))
        .map(|o| o.name.clone())
        .unwrap_or_default()
}

/// Sector names in the measure's order, separated by `; ` (a name may hold a comma).
pub fn sector_names(backlog: &Backlog, sectors: &[SectorId]) -> String {
    let names: Vec<&str> = sectors
        .iter()
        .filter_map(|s| backlog.sector(*s))
        .map(|s| s.name.as_str())
        .collect();
    names.join(LIST_SEPARATOR)
}

/// Priority titles in the measure's order, separated by `; `.
pub fn priority_titles(backlog: &Backlog, priorities: &[PriorityId]) -> String {
    let titles: Vec<&str> = priorities
        .iter()
        .filter_map(|p| backlog.priority(*p))
        .map(|p| p.title.as_str())
        .collect();
    titles.join(LIST_SEPARATOR)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Title,
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
    Tags,
    Benefits,
    Description,
    // issue 16: dependencies and links
    DependsOn,
    PartOf,
    Links,
}

impl Field {
    pub const ALL: [Field; 18] = [
        Field::Title,
        Field::Status,
        Field::Owner,
        Field::Sectors,
        Field::Priorities,
        Field::Value,
        Field::Effort,
        Field::Due,
        Field::Funding,
        Field::Cost,
        Field::Political,
        Field::CaseNumber,
        Field::Tags,
        Field::Benefits,
        Field::Description,
        Field::DependsOn,
        Field::PartOf,
        Field::Links,
    ];

    /// The name scripts use (`tiltak set T-3 case_number=…`).
    pub fn key(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Status => "status",
            Field::Owner => "owner",
            Field::Sectors => "sectors",
            Field::Priorities => "priorities",
            Field::Value => "value",
            Field::Effort => "effort",
            Field::Due => "due",
            Field::Funding => "funding",
            Field::Cost => "cost",
            Field::Political => "political",
            Field::CaseNumber => "case_number",
            Field::Tags => "tags",
            Field::Benefits => "benefits",
            Field::Description => "description",
            Field::DependsOn => "depends_on",
            Field::PartOf => "part_of",
            Field::Links => "links",
        }
    }

    /// Other names a person may type: singular forms and the Norwegian words.
    fn aliases(self) -> &'static [&'static str] {
        match self {
            Field::Title => &["tittel"],
            Field::Status => &[],
            Field::Owner => &["eier"],
            Field::Sectors => &["sector", "sektor", "sektorer"],
            Field::Priorities => &["priority", "prioritering", "prioriteringer"],
            Field::Value => &["verdi"],
            Field::Effort => &["innsats"],
            Field::Due => &["frist"],
            Field::Funding => &["finansiering"],
            Field::Cost => &["cost_estimate", "kostnad", "kostnadsanslag"],
            Field::Political => &["politisk"],
            Field::CaseNumber => &["case", "saksnummer"],
            Field::Tags => &["tag", "stikkord"],
            Field::Benefits => &["gevinster"],
            Field::Description => &["beskrivelse"],
            Field::DependsOn => &["depends", "avhenger", "avhenger_av"],
            Field::PartOf => &["parent", "del_av"],
            Field::Links => &["link", "lenke", "lenker"],
        }
    }

    /// A field by its key or an alias, ignoring case and `-` for `_`.
    pub fn from_name(name: &str) -> Option<Field> {
        let wanted = name.trim().to_lowercase().replace('-', "_");
        Field::ALL
            .into_iter()
            .find(|f| f.key() == wanted || f.aliases().contains(&wanted.as_str()))
    }

    pub fn label(self) -> Msg {
        match self {
            Field::Title => Msg::FieldTitle,
            Field::Status => Msg::FieldStatus,
            Field::Owner => Msg::FieldOwner,
            Field::Sectors => Msg::FieldSectors,
            Field::Priorities => Msg::FieldPriorities,
            Field::Value => Msg::FieldValue,
            Field::Effort => Msg::FieldEffort,
            Field::Due => Msg::FieldDue,
            Field::Funding => Msg::FieldFunding,
            Field::Cost => Msg::FieldCost,
            Field::Political => Msg::FieldPolitical,
            Field::CaseNumber => Msg::FieldCaseNumber,
            Field::Tags => Msg::FieldTags,
            Field::Benefits => Msg::FieldBenefits,
            Field::Description => Msg::FieldDescription,
            Field::DependsOn => Msg::FieldDependsOn,
            Field::PartOf => Msg::FieldPartOf,
            Field::Links => Msg::FieldLinks,
        }
    }

    /// The field's value as a person reads it; empty when not set.
    pub fn text(self, backlog: &Backlog, draft: &MeasureDraft, lang: Lang) -> String {
        match self {
            Field::Title => draft.title.clone(),
            Field::Status => lang.status(draft.status).to_string(),
            Field::Owner => owner_name(backlog, draft.owner),
            Field::Sectors => sector_names(backlog, &draft.sectors),
            Field::Priorities => priority_titles(backlog, &draft.priorities),
            Field::Value => draft.value.map(|v| v.to_string()).unwrap_or_default(),
            Field::Effort => draft.effort.map(|v| v.to_string()).unwrap_or_default(),
            Field::Due => draft.due.map(|d| lang.date(d)).unwrap_or_default(),
            Field::Funding => draft.funding.map(|f| lang.funding(f).to_string()).unwrap_or_default(),
            Field::Cost => draft.cost_estimate.map(group_thousands).unwrap_or_default(),
            Field::Political => lang
                .tr(if draft.political.needed { Msg::Yes } else { Msg::No })
                .to_string(),
            Field::CaseNumber => draft.political.case_number.clone().unwrap_or_default(),
            Field::Tags => tags_text(&draft.tags),
            Field::Benefits => draft.benefits.clone(),
            Field::Description => draft.description.clone(),
            Field::DependsOn => ids_text(&draft.depends_on),
            Field::PartOf => draft.part_of.map(|p| p.to_string()).unwrap_or_default(),
            Field::Links => links_text(&draft.links),
        }
    }
}

/// One field that an edit changes, as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldChange {
    pub field: Field,
    pub old: String,
    pub new: String,
}

/// Every field that differs between `old` and `new`, in the order of [`Field::ALL`].
pub fn changes(backlog: &Backlog, old: &MeasureDraft, new: &MeasureDraft, lang: Lang) -> Vec<FieldChange> {
    Field::ALL
        .into_iter()
        .filter_map(|field| {
            let (old, new) = (field.text(backlog, old, lang), field.text(backlog, new, lang));
            (old != new).then_some(FieldChange { field, old, new })
        })
        .collect()
}

/// Longer than this, a value in a change summary is cut with "…".
const SUMMARY_CHARS: usize = 60;

/// A value on one line for a change summary: line breaks shown as `⏎`, long text cut, and an
/// empty value shown as `–`, in quotes so leading zeros and spaces are seen.
fn summary_value(text: &str, lang: Lang) -> String {
    if text.is_empty() {
        return lang.tr(Msg::None).to_string();
    }
    let one_line = text.replace("\r\n", "\n").replace('\n', " ⏎ ");
    let mut cut: String = one_line.chars().take(SUMMARY_CHARS).collect();
    if one_line.chars().count() > SUMMARY_CHARS {
        cut.push('…');
    }
    format!("«{cut}»")
}

/// "Status: «idé» → «vedtatt»".
pub fn summary_line(change: &FieldChange, lang: Lang) -> String {
    lang.fill(
        Msg::ChangeLine,
        &[
            ("field", lang.tr(change.field.label())),
            ("old", &summary_value(&change.old, lang)),
            ("new", &summary_value(&change.new, lang)),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_has_a_unique_name_and_reads_back() {
        for field in Field::ALL {
            assert_eq!(Field::from_name(field.key()), Some(field));
            assert_eq!(
                Field::from_name(&field.key().to_uppercase().replace('_', "-")),
                Some(field)
            );
            for alias in field.aliases() {
                assert_eq!(Field::from_name(alias), Some(field), "{alias}");
            }
        }
        assert_eq!(Field::from_name("farge"), None);
    }

    #[test]
    fn a_change_shows_old_and_new_with_leading_zeros_visible() {
        let b = Backlog::new("t", &[]);
        let mut old = MeasureDraft::titled("x");
        old.political.case_number = Some("0042".into());
        let mut new = old.clone();
        new.political.case_number = Some("42".into());
        let found = changes(&b, &old, &new, Lang::En);
        assert_eq!(found.len(), 1);
        assert_eq!(summary_line(&found[0], Lang::En), "Case number: «0042» → «42»");
        new.political.case_number = None;
        let found = changes(&b, &old, &new, Lang::Nb);
        assert_eq!(summary_line(&found[0], Lang::Nb), "Saksnummer: «0042» → –");
    }
}
