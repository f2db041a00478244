//! How measures hang together, as people read it: "blocked by T-12 (in progress, due
//! 31.03.2027)" for the detail, the triage view and the review, and the dependency tree of a
//! priority's measures for the Overview.

use std::collections::{BTreeMap, BTreeSet};

use crate::domain::depends::cycle_text;
use crate::domain::{Backlog, DomainError, Measure, MeasureId, PriorityId};
use crate::i18n::{Lang, Msg};

/// `T-12 (in progress, due 31.03.2027)`.
pub fn blocker_text(lang: Lang, blocker: &Measure) -> String {
    let status = lang.status(blocker.status);
    match blocker.due {
        Some(due) => lang.fill(
            Msg::BlockerDue,
            &[
                ("id", &blocker.id.to_string()),
                ("status", status),
                ("due", &lang.date(due)),
            ],
        ),
        None => lang.fill(
            Msg::BlockerNoDue,
            &[("id", &blocker.id.to_string()), ("status", status)],
        ),
    }
}

/// "blocked by T-12 (in progress, due 31.03.2027), T-4 (idea)"; `None` when nothing blocks.
pub fn blocked_text(lang: Lang, backlog: &Backlog, measure: &Measure) -> Option<String> {
    let blockers = backlog.blockers(measure);
    if blockers.is_empty() {
        return None;
    }
    let list: Vec<String> = blockers.iter().map(|b| blocker_text(lang, b)).collect();
    Some(lang.fill(Msg::BlockedBy, &[("list", &list.join(", "))]))
}

/// Why the domain refused a change, in the reader's language where the catalogue has words
/// for it (a circle, a measure that does not exist), else as the domain says it.
pub fn refusal_text(lang: Lang, error: &DomainError) -> String {
    match error {
        DomainError::DependencyCycle(cycle) => lang.fill(Msg::ErrDependencyCycle, &[("cycle", &cycle_text(cycle))]),
        DomainError::PartOfCycle(cycle) => lang.fill(Msg::ErrPartOfCycle, &[("cycle", &cycle_text(cycle))]),
        DomainError::UnknownMeasure(id) => lang.fill(Msg::ErrUnknownMeasureId, &[("id", &id.to_string())]),
        other => other.to_string(),
    }
}

/// One line of a dependency tree: how deep it sits and the measure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TreeLine {
    pub depth: usize,
    pub id: MeasureId,
    /// Shown before (so its dependencies are not repeated).
    pub repeated: bool,
}

/// Who is below whom, found in one pass over the backlog: the parts of each parent and the
/// measures some other measure depends on.
struct Links {
    parts: BTreeMap<MeasureId, Vec<MeasureId>>,
    needed: BTreeSet<MeasureId>,
}

impl Links {
    fn of(backlog: &Backlog) -> Links {
        let mut parts: BTreeMap<MeasureId, Vec<MeasureId>> = BTreeMap::new();
        let mut needed = BTreeSet::new();
        for m in &backlog.measures {
            if let Some(parent) = m.part_of {
                parts.entry(parent).or_default().push(m.id);
            }
            needed.extend(m.depends_on.iter().copied());
        }
        Links { parts, needed }
    }

    fn connected(&self, m: &Measure) -> bool {
        !m.depends_on.is_empty() || m.part_of.is_some() || self.parts.contains_key(&m.id) || self.needed.contains(&m.id)
    }

    /// What hangs below `m` in the tree: what it depends on, then its parts.
    fn below(&self, m: &Measure) -> Vec<MeasureId> {
        let mut below = m.depends_on.clone();
        below.extend(self.parts.get(&m.id).into_iter().flatten().copied());
        below
    }
}

/// The dependency tree of every priority that has one, by priority id.
pub fn dependency_trees(backlog: &Backlog) -> BTreeMap<PriorityId, Vec<TreeLine>> {
    if !backlog
        .measures
        .iter()
        .any(|m| !m.depends_on.is_empty() || m.part_of.is_some())
    {
        return BTreeMap::new();
    }
    let links = Links::of(backlog);
    backlog
        .priorities
        .iter()
        .map(|p| (p.id, dependency_tree(backlog, &links, p.id)))
        .filter(|(_, tree)| !tree.is_empty())
        .collect()
}

/// The measures of `priority` as trees: each connected measure that no other measure of the
/// priority depends on or holds as a part is a root, with what it depends on (and its parts)
/// below it. Measures without any connection are left out; a measure met a second time is
/// marked and not expanded again.
fn dependency_tree(backlog: &Backlog, links: &Links, priority: PriorityId) -> Vec<TreeLine> {
    let members: Vec<&Measure> = backlog
        .measures
        .iter()
        .filter(|m| m.priorities.contains(&priority) && links.connected(m))
        .collect();
    let ids: BTreeSet<MeasureId> = members.iter().map(|m| m.id).collect();
    let mut below_another = BTreeSet::new();
    for m in &members {
        below_another.extend(m.depends_on.iter().filter(|d| ids.contains(d)));
        if m.part_of.is_some_and(|p| ids.contains(&p)) {
            below_another.insert(m.id);
        }
    }
    let mut lines = Vec::new();
    let mut shown = BTreeSet::new();
    let roots = members.iter().filter(|m| !below_another.contains(&m.id)).map(|m| m.id);
    // Measures caught in a circle (possible only in a hand-edited file) have no root; they
    // come last, so they are still shown.
    let rest: Vec<MeasureId> = members.iter().map(|m| m.id).collect();
    for root in roots.collect::<Vec<_>>().into_iter().chain(rest) {
        if shown.contains(&root) {
            continue;
        }
        let mut stack = vec![(0usize, root)];
        while let Some((depth, id)) = stack.pop() {
            let repeated = !shown.insert(id);
            lines.push(TreeLine { depth, id, repeated });
            if repeated {
                continue;
            }
            if let Some(m) = backlog.measure(id) {
                stack.extend(links.below(m).into_iter().rev().map(|c| (depth + 1, c)));
            }
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Id, MeasureDraft, PriorityDraft, Status};

    fn backlog() -> Backlog {
        let mut b = Backlog::new("t", &[]);
        let now = "2026-11-29T12:00:00Z".parse().unwrap();
        let (p, _) = b
            .add_priority(PriorityDraft {
                title: "p".into(),
                description: String::new(),
            })
            .unwrap();
        for i in 1..=5 {
            let mut d = MeasureDraft::titled(&format!("m{i}"));
            d.priorities = vec![p];
            b.add_measure(d, now).unwrap();
        }
        let mut edit = |id: u32, f: &dyn Fn(&mut MeasureDraft)| {
            let mut d = MeasureDraft::from_measure(b.measure(Id(id)).unwrap());
            f(&mut d);
            b.update_measure(Id(id), d, now).unwrap();
        };
        edit(3, &|d| d.depends_on = vec![Id(1)]);
        edit(4, &|d| d.depends_on = vec![Id(3), Id(1)]);
        edit(2, &|d| {
            d.status = Status::InProgress;
            d.due = Some(jiff::civil::date(2027, 3, 31));
        });
        edit(1, &|d| d.depends_on = vec![Id(2)]);
        b
    }

    #[test]
    fn blocked_by_names_status_and_due_in_both_languages() {
        let b = backlog();
        let m1 = b.measure(Id(1)).unwrap();
        assert_eq!(
            blocked_text(Lang::En, &b, m1).unwrap(),
            "blocked by T-2 (in progress, due 2027-03-31)"
        );
        assert_eq!(
            blocked_text(Lang::Nb, &b, m1).unwrap(),
            "blokkert av T-2 (pågår, frist 31.03.2027)"
        );
        assert_eq!(blocked_text(Lang::En, &b, b.measure(Id(2)).unwrap()), None);
    }

    #[test]
    fn the_tree_starts_at_what_nothing_else_needs() {
        let b = backlog();
        let trees = dependency_trees(&b);
        let tree: Vec<(usize, u32, bool)> = trees[&Id(1)].iter().map(|l| (l.depth, l.id.0, l.repeated)).collect();
        assert_eq!(
            tree,
            [(0, 4, false), (1, 3, false), (2, 1, false), (3, 2, false), (1, 1, true)]
        );
    }
}
