//! `/sitemap.xml` and `/robots.txt`.
//!
//! The sitemap protocol allows 50,000 URLs in one file; past that,
//! `/sitemap.xml` becomes a sitemap index of `/sitemaps/<n>.xml` parts (the
//! address crawlers and `robots.txt` know never changes). `lastmod` is a date
//! from the content (a document's own date, a list's newest), never the
//! clock, so an unchanged site gives an unchanged sitemap.

use chrono::NaiveDate;

use super::markdown::escape;
use crate::config::Config;

/// URLs per sitemap file, as the protocol allows.
pub const LIMIT: usize = 50_000;

/// One page in the sitemap: its site path and the date it last changed.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Entry {
    pub path: String,
    pub lastmod: Option<NaiveDate>,
}

/// The sitemap files, by output path: `sitemap.xml` alone, or the index and
/// its parts when there are more than `limit` entries.
pub fn files(cfg: &Config, entries: &[Entry], limit: usize) -> Vec<(String, Vec<u8>)> {
    let limit = limit.max(1);
    if entries.len() <= limit {
        return vec![("sitemap.xml".into(), urlset(cfg, entries))];
    }
    let mut out = Vec::new();
    let mut index = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (n, part) in entries.chunks(limit).enumerate() {
        let path = format!("sitemaps/{}.xml", n + 1);
        index.push_str("  <sitemap><loc>");
        index.push_str(&escape(&cfg.absolute(&format!("/{path}"))));
        index.push_str("</loc>");
        push_lastmod(&mut index, part.iter().filter_map(|e| e.lastmod).max());
        index.push_str("</sitemap>\n");
        out.push((path, urlset(cfg, part)));
    }
    index.push_str("</sitemapindex>\n");
    out.insert(0, ("sitemap.xml".into(), index.into_bytes()));
    out
}

fn urlset(cfg: &Config, entries: &[Entry]) -> Vec<u8> {
    let mut s = String::with_capacity(entries.len() * 100 + 200);
    s.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for e in entries {
        s.push_str("  <url><loc>");
        s.push_str(&escape(&cfg.absolute(&e.path)));
        s.push_str("</loc>");
        push_lastmod(&mut s, e.lastmod);
        s.push_str("</url>\n");
    }
    s.push_str("</urlset>\n");
    s.into_bytes()
}

fn push_lastmod(s: &mut String, d: Option<NaiveDate>) {
    if let Some(d) = d {
        s.push_str("<lastmod>");
        s.push_str(&d.to_string());
        s.push_str("</lastmod>");
    }
}

/// `robots.txt`: everything may be crawled; the sitemap is named. A theme's
/// own `static/robots.txt` replaces it.
pub fn robots(cfg: &Config) -> Vec<u8> {
    let mut s = String::from("User-agent: *\nAllow: /\n");
    let url = cfg.absolute("/sitemap.xml");
    if !url.contains("://") {
        s.push_str("# Crawlers need an absolute address: set base_url in site.yaml.\n");
    }
    s.push_str(&format!("Sitemap: {url}\n"));
    s.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cfg() -> Config {
        Config {
            base_url: "https://portal.example/".into(),
            ..Config::default()
        }
    }

    fn entries(n: usize) -> Vec<Entry> {
        (0..n)
            .map(|i| Entry {
                path: format!("/plans/p{i:03}/"),
                lastmod: NaiveDate::from_ymd_opt(2025, 1, 1 + (i % 28) as u32),
            })
            .collect()
    }

    fn text(files: &[(String, Vec<u8>)], path: &str) -> String {
        let (_, b) = files.iter().find(|(p, _)| p == path).expect(path);
        String::from_utf8(b.clone()).unwrap()
    }

    #[test]
    fn up_to_the_limit_one_urlset_with_lastmod() {
        let f = files(&cfg(), &entries(3), 3);
        assert_eq!(f.len(), 1);
        let s = text(&f, "sitemap.xml");
        assert!(s.contains("<urlset"));
        assert!(s.contains(
            "<url><loc>https://portal.example/plans/p001/</loc><lastmod>2025-01-02</lastmod></url>"
        ));
        assert_eq!(s.matches("<url>").count(), 3);
    }

    #[test]
    fn past_the_limit_an_index_of_parts() {
        let f = files(&cfg(), &entries(7), 3);
        let paths: Vec<&str> = f.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(
            paths,
            [
                "sitemap.xml",
                "sitemaps/1.xml",
                "sitemaps/2.xml",
                "sitemaps/3.xml"
            ]
        );
        let index = text(&f, "sitemap.xml");
        assert!(index.contains("<sitemapindex"));
        assert!(!index.contains("<urlset"));
        assert!(index.contains(
            "<sitemap><loc>https://portal.example/sitemaps/2.xml</loc><lastmod>2025-01-06</lastmod></sitemap>"
        ));
        let counts: Vec<usize> = f[1..]
            .iter()
            .map(|(_, b)| String::from_utf8_lossy(b).matches("<url>").count())
            .collect();
        assert_eq!(counts, [3, 3, 1]);
        assert!(text(&f, "sitemaps/3.xml").contains("/plans/p006/"));
    }

    #[test]
    fn the_protocol_limit_is_fifty_thousand() {
        assert_eq!(files(&cfg(), &entries(LIMIT.min(999)), LIMIT).len(), 1);
        assert_eq!(LIMIT, 50_000);
    }

    #[test]
    fn robots_names_the_sitemap() {
        let r = String::from_utf8(robots(&cfg())).unwrap();
        assert!(r.contains("\nSitemap: https://portal.example/sitemap.xml\n"));
        let r = String::from_utf8(robots(&Config::default())).unwrap();
        assert!(r.contains("Sitemap: /sitemap.xml"));
        assert!(r.contains("base_url"));
    }
}
