//! The Overview pane's state: which grid is shown, whether the charts take the pane, and a
//! cell cursor per grid.

use crate::insight::Insight;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Grid {
    /// Priority × sector.
    #[default]
    Matrix,
    /// Value × effort, 5 × 5.
    ValueEffort,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cursor {
    pub row: usize,
    pub column: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OverviewState {
    pub grid: Grid,
    /// The charts fill the pane (on a narrow screen they are otherwise hidden).
    pub charts: bool,
    pub matrix: Cursor,
    pub value_effort: Cursor,
}

impl OverviewState {
    fn dimensions(&self, insight: &Insight) -> (usize, usize) {
        match self.grid {
            Grid::Matrix => (insight.matrix.priorities.len(), insight.matrix.sectors.len()),
            Grid::ValueEffort => (5, 5),
        }
    }

    fn cursor_mut(&mut self) -> &mut Cursor {
        match self.grid {
            Grid::Matrix => &mut self.matrix,
            Grid::ValueEffort => &mut self.value_effort,
        }
    }

    /// Moves the cell cursor, stopping at the edges.
    pub fn move_by(&mut self, insight: &Insight, rows: isize, columns: isize) {
        let (height, width) = self.dimensions(insight);
        let cursor = self.cursor_mut();
        cursor.row = cursor.row.saturating_add_signed(rows).min(height.saturating_sub(1));
        cursor.column = cursor
            .column
            .saturating_add_signed(columns)
            .min(width.saturating_sub(1));
    }

    /// Keeps the cursors inside the grids after priorities or sectors were removed.
    pub fn clamp(&mut self, insight: &Insight) {
        let grid = self.grid;
        for g in [Grid::Matrix, Grid::ValueEffort] {
            self.grid = g;
            self.move_by(insight, 0, 0);
        }
        self.grid = grid;
    }
}
