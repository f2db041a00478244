//! The priority × sector matrix of active measures, and the flags the leadership group looks
//! for: silos, empty priorities, sectors no priority reaches.

use crate::domain::{Backlog, PriorityId, SectorId};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PriorityFlag {
    /// All its active measures are in one and the same sector.
    Silo,
    /// No active measures at all.
    Empty,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Matrix {
    /// Rows: priorities in rank order.
    pub priorities: Vec<PriorityId>,
    /// Columns: sectors in the backlog's order.
    pub sectors: Vec<SectorId>,
    /// `counts[row][column]`: active measures linking that priority and that sector.
    pub counts: Vec<Vec<usize>>,
    /// Per row: active measures linking the priority (each counted once).
    pub row_active: Vec<usize>,
    /// Per row: distinct sectors its active measures reach.
    pub row_sectors: Vec<usize>,
    /// Per column: active measures that link the sector and at least one priority.
    pub column_active: Vec<usize>,
    /// Active measures in the whole backlog.
    pub active: usize,
    /// Active measures with two or more sectors.
    pub cross_sector: usize,
}

impl Matrix {
    pub fn compute(backlog: &Backlog) -> Matrix {
        let priorities: Vec<PriorityId> = backlog.priorities_by_rank().iter().map(|p| p.id).collect();
        let sectors: Vec<SectorId> = backlog.sectors_in_order().iter().map(|s| s.id).collect();
        let row_of = |id: PriorityId| priorities.iter().position(|p| *p == id);
        let column_of = |id: SectorId| sectors.iter().position(|s| *s == id);
        let mut counts = vec![vec![0; sectors.len()]; priorities.len()];
        let mut row_active = vec![0; priorities.len()];
        let mut column_active = vec![0; sectors.len()];
        let (mut active, mut cross_sector) = (0, 0);
        for m in backlog.measures.iter().filter(|m| m.status.is_active()) {
            active += 1;
            if m.is_cross_sector() {
                cross_sector += 1;
            }
            let rows: Vec<usize> = m.priorities.iter().filter_map(|p| row_of(*p)).collect();
            let columns: Vec<usize> = m.sectors.iter().filter_map(|s| column_of(*s)).collect();
            for &row in &rows {
                row_active[row] += 1;
                for &column in &columns {
                    counts[row][column] += 1;
                }
            }
            if !rows.is_empty() {
                for &column in &columns {
                    column_active[column] += 1;
                }
            }
        }
        let row_sectors = counts
            .iter()
            .map(|row| row.iter().filter(|c| **c > 0).count())
            .collect();
        Matrix {
            priorities,
            sectors,
            counts,
            row_active,
            row_sectors,
            column_active,
            active,
            cross_sector,
        }
    }

    pub fn flag(&self, row: usize) -> Option<PriorityFlag> {
        match (self.row_active.get(row)?, self.row_sectors.get(row)?) {
            (0, _) => Some(PriorityFlag::Empty),
            (_, 1) => Some(PriorityFlag::Silo),
            _ => None,
        }
    }

    /// The one sector a silo row's active measures are in.
    pub fn silo_sector(&self, row: usize) -> Option<SectorId> {
        if self.flag(row) != Some(PriorityFlag::Silo) {
            return None;
        }
        let column = self.counts.get(row)?.iter().position(|n| *n > 0)?;
        self.sectors.get(column).copied()
    }

    /// No active measure under any priority reaches this sector.
    pub fn sector_uncovered(&self, column: usize) -> bool {
        self.column_active.get(column) == Some(&0)
    }

    pub fn max_count(&self) -> usize {
        self.counts.iter().flatten().copied().max().unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Status;
    use crate::insight::fixtures::*;

    #[test]
    fn empty_backlog_has_no_rows_and_every_sector_uncovered() {
        let m = Matrix::compute(&with_priorities(&["A", "B"], &[]));
        assert!(m.priorities.is_empty() && m.counts.is_empty());
        assert_eq!(m.sectors.len(), 2);
        assert!(m.sector_uncovered(0) && m.sector_uncovered(1));
        assert_eq!((m.active, m.cross_sector), (0, 0));
        assert_eq!(m.flag(0), None, "no row, no flag");
        let m = Matrix::compute(&with_priorities(&[], &[]));
        assert!(m.sectors.is_empty() && m.max_count() == 0);
    }

    #[test]
    fn one_sector_makes_every_priority_with_measures_a_silo() {
        let mut b = with_priorities(&["Skole"], &["P1", "P2"]);
        measure(&mut b, Status::Idea, &[1], &[1]);
        measure(&mut b, Status::InProgress, &[1], &[1]);
        let m = Matrix::compute(&b);
        assert_eq!(m.counts, vec![vec![2], vec![0]]);
        assert_eq!(m.flag(0), Some(PriorityFlag::Silo));
        assert_eq!(m.silo_sector(0), Some(crate::domain::Id(1)));
        assert_eq!(m.flag(1), Some(PriorityFlag::Empty));
        assert_eq!(m.silo_sector(1), None);
        assert!(!m.sector_uncovered(0));
    }

    #[test]
    fn a_priority_with_only_finished_measures_is_empty() {
        let mut b = with_priorities(&["A", "B"], &["P1"]);
        for status in [Status::Done, Status::Parked, Status::Rejected] {
            measure(&mut b, status, &[1, 2], &[1]);
        }
        let m = Matrix::compute(&b);
        assert_eq!(m.counts, vec![vec![0, 0]]);
        assert_eq!(m.flag(0), Some(PriorityFlag::Empty));
        assert!(m.sector_uncovered(0) && m.sector_uncovered(1));
        assert_eq!(m.active, 0);
    }

    #[test]
    fn measures_without_sector_count_for_the_priority_but_in_no_cell() {
        let mut b = with_priorities(&["A", "B"], &["P1"]);
        measure(&mut b, Status::Idea, &[], &[1]);
        measure(&mut b, Status::Idea, &[], &[]);
        let m = Matrix::compute(&b);
        assert_eq!(m.counts, vec![vec![0, 0]]);
        assert_eq!(m.row_active, vec![1]);
        assert_eq!(m.row_sectors, vec![0]);
        assert_eq!(
            m.flag(0),
            None,
            "has active measures, so not empty; reaches no sector, so no silo"
        );
        assert_eq!(m.active, 2);
        assert!(m.sector_uncovered(0));
    }

    #[test]
    fn a_measure_counts_once_per_priority_and_sector_pair() {
        let mut b = with_priorities(&["A", "B", "C"], &["P1", "P2", "P3"]);
        measure(&mut b, Status::Decided, &[1, 2], &[1, 2]);
        measure(&mut b, Status::Assessing, &[2], &[2]);
        measure(&mut b, Status::Done, &[3], &[3]);
        // A sector without a priority does not cover the sector.
        measure(&mut b, Status::Idea, &[3], &[]);
        let m = Matrix::compute(&b);
        assert_eq!(m.counts, vec![vec![1, 1, 0], vec![1, 2, 0], vec![0, 0, 0]]);
        assert_eq!(m.row_active, vec![1, 2, 0]);
        assert_eq!(m.row_sectors, vec![2, 2, 0]);
        assert_eq!(m.column_active, vec![1, 2, 0]);
        assert_eq!(m.flag(0), None);
        assert_eq!(m.flag(2), Some(PriorityFlag::Empty));
        assert!(m.sector_uncovered(2));
        assert_eq!((m.active, m.cross_sector), (3, 1));
        assert_eq!(m.max_count(), 2);
    }

    #[test]
    fn rows_follow_the_rank_not_the_id() {
        let mut b = with_priorities(&["A"], &["P1", "P2"]);
        b.priorities[0].rank = 2;
        b.priorities[1].rank = 1;
        measure(&mut b, Status::Idea, &[1], &[1]);
        let m = Matrix::compute(&b);
        assert_eq!(m.priorities, vec![crate::domain::Id(2), crate::domain::Id(1)]);
        assert_eq!(m.counts, vec![vec![0], vec![1]]);
    }
}
