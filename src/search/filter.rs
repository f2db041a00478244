//! Structured filters on measures: what the stored conditions of a view
//! ([`crate::domain::saved_view`]) mean for a measure. Every condition that is set must hold;
//! an empty filter lets everything through.

use jiff::ToSpan;
use jiff::civil::Date;

pub use crate::domain::saved_view::{DueFilter, MeasureFilter};
use crate::domain::{Backlog, Measure, Status};
use crate::i18n::{Lang, Msg};

impl MeasureFilter {
    pub fn matches(&self, m: &Measure, today: Date) -> bool {
        (self.statuses.is_empty() || self.statuses.contains(&m.status))
            && self.owner.is_none_or(|o| m.owner == Some(o))
            && self.sector.is_none_or(|s| m.sectors.contains(&s))
            && self.priority.is_none_or(|p| m.priorities.contains(&p))
            && self
                .tag
                .as_deref()
                .is_none_or(|t| m.tags.iter().any(|mt| mt.to_lowercase() == t.to_lowercase()))
            && self.due.is_none_or(|d| due_matches(d, m, today))
            && (!self.awaiting_political || awaits_political(m))
            && self.funding.is_none_or(|f| m.funding == Some(f))
            && (!self.cross_sector || m.is_cross_sector())
            && (!self.active_only || m.status.is_active())
            && self.value.is_none_or(|v| m.value == Some(v))
            && self.effort.is_none_or(|e| m.effort == Some(e))
            && (!self.untriaged || needs_triage(m))
    }

    /// One short label per condition, for the chips in the list header.
    pub fn chips(&self, backlog: &Backlog, lang: Lang) -> Vec<String> {
        let mut chips = Vec::new();
        if !self.statuses.is_empty() {
            let names: Vec<&str> = self.statuses.iter().map(|s| lang.status(*s)).collect();
            chips.push(names.join("|"));
        }
        if let Some(owner) = self.owner {
            let name = backlog
                .owner(owner)
                .map_or_else(|| owner.to_string(), |o| o.name.clone());
            chips.push(format!("{}: {name}", lang.tr(Msg::ColOwner)));
        }
        if let Some(sector) = self.sector {
            let name = backlog
                .sector(sector)
                .map_or_else(|| sector.to_string(), |s| s.name.clone());
            chips.push(format!("{}: {name}", lang.tr(Msg::FieldHomeSector)));
        }
        if let Some(priority) = self.priority {
            let title = backlog
                .priority(priority)
                .map_or_else(|| priority.to_string(), |p| p.title.clone());
            chips.push(title);
        }
        if let Some(tag) = &self.tag {
            chips.push(format!("#{tag}"));
        }
        if let Some(due) = self.due {
            chips.push(
                lang.tr(match due {
                    DueFilter::Overdue => Msg::ChipOverdue,
                    DueFilter::Within30Days => Msg::ChipDueSoon,
                    DueFilter::NoDue => Msg::ChipNoDue,
                })
                .to_string(),
            );
        }
        if self.awaiting_political {
            chips.push(lang.tr(Msg::ChipAwaitingPolitical).to_string());
        }
        if let Some(funding) = self.funding {
            chips.push(lang.funding(funding).to_string());
        }
        if self.cross_sector {
            chips.push(lang.tr(Msg::CrossSector).to_string());
        }
        if self.active_only {
            chips.push(lang.tr(Msg::ChipActive).to_string());
        }
        if let Some(value) = self.value {
            chips.push(format!("{} {value}", lang.tr(Msg::ChipValue)));
        }
        if let Some(effort) = self.effort {
            chips.push(format!("{} {effort}", lang.tr(Msg::ChipEffort)));
        }
        if self.untriaged {
            chips.push(lang.tr(Msg::ChipUntriaged).to_string());
        }
        chips
    }
}

fn due_matches(filter: DueFilter, m: &Measure, today: Date) -> bool {
    match (filter, m.due) {
        (DueFilter::Overdue, _) => m.is_overdue(today),
        (DueFilter::Within30Days, Some(due)) => {
            due >= today && today.checked_add(30.days()).is_ok_and(|limit| due <= limit)
        }
        (DueFilter::Within30Days, None) => false,
        (DueFilter::NoDue, due) => due.is_none(),
    }
}

/// Still to be triaged: an active measure without owner, sector or priority, or still an idea.
pub fn needs_triage(m: &Measure) -> bool {
    m.status.is_active()
        && (m.owner.is_none() || m.sectors.is_empty() || m.priorities.is_empty() || m.status == Status::Idea)
}

/// Needs a political decision and is not past the point where one was taken.
pub fn awaits_political(m: &Measure) -> bool {
    m.political.needed && matches!(m.status, Status::Idea | Status::Assessing)
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;
    use crate::domain::{Funding, Id, MeasureDraft, OwnerDraft, Political, PriorityDraft};

    fn backlog() -> Backlog {
        let mut b = Backlog::new("t", &["Skole", "Helse"]);
        let (kari, _) = b
            .add_owner(OwnerDraft {
                name: "Kari".into(),
                role: String::new(),
                sector: None,
            })
            .unwrap();
        b.add_priority(PriorityDraft {
            title: "Digitalt førstevalg".into(),
            description: String::new(),
        })
        .unwrap();
        let now = "2026-11-29T12:00:00Z".parse().unwrap();
        let mut a = MeasureDraft::titled("A");
        a.priorities = vec![Id(1)];
        a.status = Status::Assessing;
        a.owner = Some(kari);
        a.sectors = vec![Id(1), Id(2)];
        a.due = Some(date(2026, 11, 1));
        a.political = Political {
            needed: true,
            case_number: None,
        };
        a.tags = vec!["KI".into()];
        a.value = Some(4);
        let mut b2 = MeasureDraft::titled("B");
        b2.status = Status::Done;
        b2.sectors = vec![Id(2)];
        b2.due = Some(date(2026, 12, 10));
        b2.funding = Some(Funding::Operating);
        b.add_measure(a, now).unwrap();
        b.add_measure(b2, now).unwrap();
        b.add_measure(MeasureDraft::titled("C"), now).unwrap();
        b
    }

    fn titles(filter: &MeasureFilter) -> Vec<String> {
        let b = backlog();
        b.measures
            .iter()
            .filter(|m| filter.matches(m, date(2026, 11, 29)))
            .map(|m| m.title.clone())
            .collect()
    }

    #[test]
    fn each_condition_alone() {
        assert_eq!(titles(&MeasureFilter::default()), ["A", "B", "C"]);
        assert_eq!(
            titles(&MeasureFilter {
                statuses: vec![Status::Done, Status::Idea],
                ..Default::default()
            }),
            ["B", "C"]
        );
        assert_eq!(
            titles(&MeasureFilter {
                owner: Some(Id(1)),
                ..Default::default()
            }),
            ["A"]
        );
        assert_eq!(
            titles(&MeasureFilter {
                sector: Some(Id(2)),
                ..Default::default()
            }),
            ["A", "B"]
        );
        assert_eq!(
            titles(&MeasureFilter {
                tag: Some("ki".into()),
                ..Default::default()
            }),
            ["A"]
        );
        assert_eq!(
            titles(&MeasureFilter {
                due: Some(DueFilter::Overdue),
                ..Default::default()
            }),
            ["A"]
        );
        assert_eq!(
            titles(&MeasureFilter {
                due: Some(DueFilter::Within30Days),
                ..Default::default()
            }),
            ["B"]
        );
        assert_eq!(
            titles(&MeasureFilter {
                due: Some(DueFilter::NoDue),
                ..Default::default()
            }),
            ["C"]
        );
        assert_eq!(
            titles(&MeasureFilter {
                awaiting_political: true,
                ..Default::default()
            }),
            ["A"]
        );
        assert_eq!(
            titles(&MeasureFilter {
                funding: Some(Funding::Operating),
                ..Default::default()
            }),
            ["B"]
        );
        assert_eq!(
            titles(&MeasureFilter {
                cross_sector: true,
                ..Default::default()
            }),
            ["A"]
        );
        assert_eq!(
            titles(&MeasureFilter {
                active_only: true,
                ..Default::default()
            }),
            ["A", "C"]
        );
        assert_eq!(
            titles(&MeasureFilter {
                value: Some(4),
                ..Default::default()
            }),
            ["A"]
        );
        assert_eq!(
            titles(&MeasureFilter {
                effort: Some(4),
                ..Default::default()
            }),
            Vec::<String>::new()
        );
        assert_eq!(
            titles(&MeasureFilter {
                priority: Some(Id(1)),
                ..Default::default()
            }),
            ["A"]
        );
        // A is complete, B is done; C is an idea with nothing set.
        assert_eq!(
            titles(&MeasureFilter {
                untriaged: true,
                ..Default::default()
            }),
            ["C"]
        );
    }

    #[test]
    fn conditions_combine() {
        let f = MeasureFilter {
            sector: Some(Id(2)),
            active_only: true,
            ..Default::default()
        };
        assert_eq!(titles(&f), ["A"]);
        let f = MeasureFilter {
            sector: Some(Id(2)),
            statuses: vec![Status::Idea],
            ..Default::default()
        };
        assert!(titles(&f).is_empty());
    }

    #[test]
    fn chips_name_each_condition() {
        let b = backlog();
        let f = MeasureFilter {
            owner: Some(Id(1)),
            due: Some(DueFilter::Overdue),
            ..Default::default()
        };
        assert_eq!(f.chips(&b, Lang::En), ["Owner: Kari", "overdue"]);
        assert!(MeasureFilter::default().chips(&b, Lang::En).is_empty());
    }
}
