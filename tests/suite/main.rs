//! Integration suite for planportal: every test builds a small site in a
//! temp folder with the real binary and reads the files the public contract
//! (`docs/content-format.md`, shared as content-format.md) describes.
//!
//! Run with `cargo test --test suite`.

mod support;

mod bad_inputs;
mod build;
mod bundled;
mod calendar;
mod chain;
mod citations;
mod conflicts;
mod controls;
mod data;
mod drafts;
mod errors;
mod escaping;
mod feeds;
mod hygiene;
mod injection;
mod lifecycle;
mod linear;
mod messages;
mod new_site;
mod out_safety;
mod output;
mod pages;
mod places;
mod plan_filters;
mod refs;
mod scale;
mod special_files;
mod template_errors;
