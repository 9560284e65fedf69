//! `planportal serve` (in progress).
pub fn run(_a: &crate::cli::ServeArgs) -> anyhow::Result<()> {
    anyhow::bail!("serve is not implemented yet")
}
