//! Narrowing the measure list: structured filters (and, with issue 3, fuzzy search).

pub mod filter;

pub use filter::{DueFilter, MeasureFilter};
