//! tiltak: a keyboard-driven backlog of a municipal leadership group's digital-transformation
//! measures.

pub mod app;
pub mod cli;
pub mod clock;
pub mod config;
pub mod domain;
pub mod export;
pub mod human;
pub mod i18n;
pub mod insight;
pub mod markup;
pub mod search;
pub mod share;
pub mod store;
pub mod tui;
pub mod ui;
