//! Citations in running text: "Quyết định số 1745/QĐ-TTg ngày 15/8/2025 của Thủ tướng Chính phủ".

use std::ops::Range;

use chrono::NaiveDate;

use super::number::DocNumber;

/// One reference to a document, as found in text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    /// Byte range of the whole citation in the input (type word through issuer).
    pub span: Range<usize>,
    /// Byte range of the number alone in the input.
    pub number_span: Range<usize>,
    /// The citation as written, whitespace (line breaks included) collapsed to single spaces.
    pub text: String,
    /// Document type, canonical spelling (`Quyết định`); from the type word when written,
    /// else from the number's type code.
    pub type_name: Option<String>,
    pub number: DocNumber,
    /// The issue date when the citation states it ("ngày 15/8/2025").
    pub date: Option<NaiveDate>,
    /// The issuer after "của", trimmed of trailing subject text ("Thủ tướng Chính phủ").
    pub issuer: Option<String>,
}

/// Every citation in `text`, in order of appearance, not overlapping.
pub fn find_all(text: &str) -> Vec<Citation> {
    let _ = text;
    todo!()
}

/// The first citation in `text` (a `basis:` entry: a citation sentence or a bare number).
pub fn parse_one(text: &str) -> Option<Citation> {
    find_all(text).into_iter().next()
}
