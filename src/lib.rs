//! planportal: a static site generator for public plan portals.
//!
//! Data flows one way: [`content`] parses files into documents, [`graph`]
//! resolves their references, [`render`] turns the graph into pages, and an
//! [`output::Output`] receives the files. [`pipeline`] ties the stages
//! together for `build` and `check`; [`serve`] reuses them for live preview.

pub mod cli;
pub mod config;
pub mod content;
pub mod diag;
pub mod epoch;
pub mod fsx;
pub mod graph;
pub mod import;
pub mod legal;
pub mod output;
pub mod pipeline;
pub mod position;
pub mod render;
pub mod scaffold;
pub mod search;
pub mod serve;
pub mod text;
pub mod timing;
pub mod yaml;
