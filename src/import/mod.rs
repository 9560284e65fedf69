//! `planportal import` (in progress).
pub fn run(_a: &crate::cli::ImportArgs) -> (crate::diag::Diagnostics, bool) {
    let mut d = crate::diag::Diagnostics::default();
    d.push(crate::diag::Diagnostic::error(
        "import is not implemented yet",
    ));
    (d, false)
}
