//! tiltak: a keyboard-driven backlog of a municipal leadership group's digital-transformation
//! measures.

pub mod domain;
