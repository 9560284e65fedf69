//! Reading Vietnamese legal references the way a clerk does.
//!
//! Pure text functions, no I/O and no knowledge of the site: the content
//! loader, the resolver and `import` all build on them, so a citation is
//! read the same way everywhere.
//!
//! - [`number`]: one document number (số ký hiệu), its canonical spelling, its
//!   matching key and whether its issuer code is local or national;
//! - [`date`]: dates and day/months written the Vietnamese way (day first);
//! - [`cite`]: every citation in running text, with byte spans into the input.
//!
//! The code tables (type codes, issuer codes, the local/national rule) live in
//! the private `codes` module; the Unicode plumbing shared by the three (NFC
//! with an offset map back to the input, whitespace collapsing, ASCII folding)
//! lives in the private `text` module.

pub mod cite;
mod codes;
pub mod date;
pub mod issuer;
pub mod number;
pub mod period;
pub(crate) mod text;
