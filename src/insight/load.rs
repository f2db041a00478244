//! Per-owner load and per-priority progress, each computed in one pass over the measures.

use jiff::civil::Date;

use crate::domain::{Backlog, OwnerId, PriorityId, Status};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OwnerLoad {
    pub owner: OwnerId,
    pub active: usize,
    pub overdue: usize,
    /// Awaiting a decision: status `assessing`.
    pub assessing: usize,
    /// More active measures than the backlog's `owner_load_threshold`.
    pub overloaded: bool,
}

/// One entry per owner, in the order of `backlog.owners`.
pub fn owner_loads(backlog: &Backlog, today: Date) -> Vec<OwnerLoad> {
    let mut loads: Vec<OwnerLoad> = backlog
        .owners
        .iter()
        .map(|o| OwnerLoad {
            owner: o.id,
            active: 0,
            overdue: 0,
            assessing: 0,
            overloaded: false,
        })
        .collect();
    for m in backlog.measures.iter().filter(|m| m.status.is_active()) {
        let Some(index) = m
            .owner
            .and_then(|o| backlog.owners.binary_search_by_key(&o, |x| x.id).ok())
        else {
            continue;
        };
        let load = &mut loads[index];
        load.active += 1;
        load.overdue += usize::from(m.is_overdue(today));
        load.assessing += usize::from(m.status == Status::Assessing);
    }
    let threshold = backlog.settings.owner_load_threshold as usize;
    for load in &mut loads {
        load.overloaded = load.active > threshold;
    }
    loads
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PriorityStats {
    pub priority: PriorityId,
    /// Measures linking the priority, per status in `Status::ALL` order.
    pub by_status: [usize; 7],
    /// Distinct sectors its active measures reach.
    pub sectors: usize,
}

impl PriorityStats {
    pub fn total(&self) -> usize {
        self.by_status.iter().sum()
    }

    pub fn count(&self, status: Status) -> usize {
        Status::ALL
            .iter()
            .position(|s| *s == status)
            .map_or(0, |i| self.by_status[i])
    }

    /// Done out of what the group still means to do (parked and rejected left out), 0–100;
    /// `None` when there is nothing to measure against.
    pub fn percent_done(&self) -> Option<u16> {
        let done = self.count(Status::Done);
        let meant = self.total() - self.count(Status::Parked) - self.count(Status::Rejected);
        (meant > 0).then(|| rounded_percent(done, meant))
    }
}

/// `part` of `whole` in whole percent, rounded; 100 only when all of it, 0 only when none.
pub fn rounded_percent(part: usize, whole: usize) -> u16 {
    let percent = (part * 100 + whole / 2) / whole.max(1);
    let percent = if part < whole { percent.min(99) } else { percent };
    let percent = if part > 0 { percent.max(1) } else { percent };
    percent as u16
}

/// One entry per priority, in the order of `backlog.priorities`.
pub fn priority_stats(backlog: &Backlog) -> Vec<PriorityStats> {
    let mut stats: Vec<PriorityStats> = backlog
        .priorities
        .iter()
        .map(|p| PriorityStats {
            priority: p.id,
            by_status: [0; 7],
            sectors: 0,
        })
        .collect();
    let mut reached: Vec<Vec<bool>> = vec![vec![false; backlog.sectors.len()]; stats.len()];
    let status_index = |s: Status| Status::ALL.iter().position(|x| *x == s).unwrap_or(0);
    for m in &backlog.measures {
        for p in &m.priorities {
            let Ok(index) = backlog.priorities.binary_search_by_key(p, |x| x.id) else {
                continue;
            };
            stats[index].by_status[status_index(m.status)] += 1;
            if m.status.is_active() {
                for s in &m.sectors {
                    if let Ok(column) = backlog.sectors.binary_search_by_key(s, |x| x.id) {
                        reached[index][column] = true;
                    }
                }
            }
        }
    }
    for (stat, reached) in stats.iter_mut().zip(reached) {
        stat.sectors = reached.into_iter().filter(|r| *r).count();
    }
    stats
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;
    use crate::domain::{Id, MeasureDraft};
    use crate::insight::fixtures::*;

    fn owned(b: &mut Backlog, owner: OwnerId, status: Status, due: Option<Date>) {
        let mut draft = MeasureDraft::titled("m");
        draft.owner = Some(owner);
        draft.status = status;
        draft.due = due;
        b.add_measure(draft, now()).unwrap();
    }

    #[test]
    fn empty_backlog_has_no_loads() {
        let b = with_priorities(&[], &[]);
        assert!(owner_loads(&b, date(2026, 11, 29)).is_empty());
        assert!(priority_stats(&b).is_empty());
    }

    #[test]
    fn owner_load_counts_active_overdue_and_assessing_and_flags_above_the_threshold() {
        let mut b = with_priorities(&["A"], &[]);
        let kari = owner(&mut b, "Kari");
        let ola = owner(&mut b, "Ola");
        b.settings.owner_load_threshold = 2;
        owned(&mut b, kari, Status::Assessing, Some(date(2026, 1, 1)));
        owned(&mut b, kari, Status::Assessing, None);
        owned(&mut b, kari, Status::InProgress, Some(date(2027, 1, 1)));
        owned(&mut b, kari, Status::Done, Some(date(2026, 1, 1)));
        owned(&mut b, ola, Status::Idea, None);
        owned(&mut b, ola, Status::Parked, None);
        let loads = owner_loads(&b, date(2026, 11, 29));
        assert_eq!(
            loads[0],
            OwnerLoad {
                owner: kari,
                active: 3,
                overdue: 1,
                assessing: 2,
                overloaded: true
            }
        );
        assert_eq!((loads[1].active, loads[1].overdue, loads[1].overloaded), (1, 0, false));
        b.settings.owner_load_threshold = 3;
        assert!(
            !owner_loads(&b, date(2026, 11, 29))[0].overloaded,
            "at the threshold is not above it"
        );
    }

    #[test]
    fn priority_stats_count_statuses_share_done_and_sectors() {
        let mut b = with_priorities(&["A", "B", "C"], &["P1", "P2", "P3"]);
        measure(&mut b, Status::Done, &[1], &[1, 2]);
        measure(&mut b, Status::InProgress, &[2, 3], &[1, 2]);
        measure(&mut b, Status::Rejected, &[1], &[1]);
        measure(&mut b, Status::Idea, &[], &[1]);
        let stats = priority_stats(&b);
        assert_eq!(stats[0].total(), 4);
        assert_eq!(stats[0].count(Status::Done), 1);
        assert_eq!(
            stats[0].percent_done(),
            Some(33),
            "1 done of 3 meant (rejected left out)"
        );
        assert_eq!(stats[0].sectors, 2, "only active measures reach sectors");
        assert_eq!(stats[1].percent_done(), Some(50));
        assert_eq!(stats[2].total(), 0);
        assert_eq!(stats[2].percent_done(), None);
        assert_eq!(stats[2].priority, Id(3));
    }
}

#[cfg(test)]
mod percent_tests {
    use super::rounded_percent;

    #[test]
    fn percentages_round_but_never_claim_all_or_nothing_wrongly() {
        assert_eq!(rounded_percent(1, 6), 17);
        assert_eq!(rounded_percent(1, 3), 33);
        assert_eq!(rounded_percent(199, 200), 99);
        assert_eq!(rounded_percent(1, 300), 1);
        assert_eq!(rounded_percent(0, 5), 0);
        assert_eq!(rounded_percent(5, 5), 100);
        assert_eq!(rounded_percent(0, 0), 0);
    }
}
