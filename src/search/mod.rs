//! Client-side full-text search for static hosting: this module builds the index
//! files, `themes/default/static/search.js` reads them.
//!
//! Citizens search on phones, on slow links, mostly typing without diacritics, and
//! the host serves plain files (often without gzip). So the index is split so that
//! one query downloads little, and all matching happens on folded text
//! (see [`fold`]) while the exact spelling is kept for ranking.
//!
//! Layout under `search/index/` (documents are numbered newest first, so "newer
//! first" is "lower id first"):
//! - `manifest.json`: `{"format","build","docs","chunk","shards":[first token of each shard]}`.
//!   `build` is a hash of every other file; search.js appends it as `?v=` so a
//!   browser never mixes shards of two builds.
//! - `s/{i}.json`: shard `i` of the inverted index, tokens in code point order, cut
//!   at about 16 KB. A token is looked up in the last shard whose first token is
//!   `<=` it; a prefix `p` also takes the following shards whose first token starts
//!   with `p`. Entry: `"token":[{"spelling":"postings",…},"title","number"]`, one
//!   posting list per lower-cased spelling (`""` = the folded token itself) so that
//!   exact-diacritic matches can rank first; title and number lists mark which
//!   documents have the token in those fields. Posting format: `postings.rs`.
//! - `d/{k}.json`: metadata of documents `16k…16k+15`, each
//!   `[url,title,number,kind,issuer,date,parts]`.
//! - `t/{id/1000}/{id}-{part}.txt`: the body text, whitespace collapsed, in parts of
//!   at most 6 KB, fetched only for the results shown (the second part only when
//!   the first holds no query word), to cut snippets from.
//!
//! Measured at 10,000 synthetic plans of 3–10 KB: the query "dan so" fetches about
//! 113 KB (manifest, 3 shards, 5 chunks, 10 text parts) of a 68 MB index
//! (`dan_so_query_budget`, ignored in debug builds for its run time).
//!
//! Tokens: words of letters and digits, folded; document numbers are also indexed
//! joined (see `tokens.rs`). Query rules (AND of tokens, prefix on the word being
//! typed, ranking) live in search.js; `tests.rs` has a reader that mirrors them.

mod folding;
mod index;
mod postings;
mod tokens;

#[cfg(test)]
mod tests;

/// Folds text for matching: NFD, strip combining marks, đ/Đ → d, lower case.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    folding::fold_into(s, &mut out);
    out
}

/// One searchable document.
#[derive(Debug, Clone, serde::Serialize)]
pub struct SearchDoc {
    pub url: String, // site-relative URL, e.g. "/plans/lao-cai-2026/"
    pub title: String,
    pub number: Option<String>, // "12/KH-UBND"
    pub kind: String,           // "Kế hoạch"
    pub issuer: Option<String>,
    pub jurisdiction: Option<String>,
    pub date: Option<String>,      // display date "15/01/2026"
    pub sort_date: Option<String>, // ISO "2026-01-15" for ranking newer first
    pub text: String,              // plain body text (no HTML)
}

/// The index files to write, as (path relative to the output root, bytes), e.g. ("search/index/manifest.json", …).
/// Deterministic: same input → byte-identical files, in a stable order.
pub fn build_index(docs: &[SearchDoc]) -> Vec<(String, Vec<u8>)> {
    index::build(docs)
}

/// Builds the index a batch at a time: hand over documents in search order
/// (newest first, undated last, then by URL), one batch after another; each
/// batch's body-text parts go to the sink in one call, made while the batch is
/// still being indexed on other threads, and its text can be dropped.
/// The result is byte-identical to [`build_index`] over all documents.
pub struct IndexWriter(index::Writer);

impl IndexWriter {
    pub fn new() -> Self {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
        IndexWriter(index::Writer::new(threads, index::MIN_DOCS_PER_THREAD))
    }

    pub fn add(&mut self, docs: &[&SearchDoc], sink: &mut dyn FnMut(Vec<(String, Vec<u8>)>)) {
        self.0.add(docs, sink)
    }

    /// The remaining files: shards, metadata chunks and the manifest.
    pub fn finish(self) -> Vec<(String, Vec<u8>)> {
        self.0.finish()
    }
}

impl Default for IndexWriter {
    fn default() -> Self {
        Self::new()
    }
}

/// As [`build_index`], but the body-text parts (the bulk of the index) go to
/// `sink` as they are made; the returned files are the rest. Same bytes.
pub fn build_index_streaming(
    docs: &[SearchDoc],
    sink: &mut dyn FnMut(String, Vec<u8>),
) -> Vec<(String, Vec<u8>)> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
    index::build_streaming(docs, threads, index::MIN_DOCS_PER_THREAD, sink)
}
