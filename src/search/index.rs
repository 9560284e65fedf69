//! Builds the static search index: the file layout is described in `mod.rs`.
//!
//! One pass over the documents interns every distinct raw word once (later
//! occurrences are a single hash lookup on a borrowed slice, no allocation), then
//! appends the document id to the posting list of its lower-cased spelling
//! ("variant"). Documents are visited in id order, so lists come out sorted and a
//! repeat within a document is caught by comparing with the list's last id. The
//! output phase sorts the folded vocabulary and cuts it into size-bounded shards.

use super::folding::fold_into;
use super::postings;
use super::tokens::for_each_word;
use super::SearchDoc;
use std::collections::HashMap;
use std::hash::{BuildHasher, Hasher};
use unicode_normalization::UnicodeNormalization;

/// Where the index lives below the output root.
pub(crate) const ROOT: &str = "search/index/";
/// A shard is closed before it would exceed this many bytes (a single token larger
/// than this gets a shard of its own). Small enough that a two-word query touches
/// well under the 300 KB budget, large enough to keep the manifest short.
pub(crate) const SHARD_BYTES: usize = 16 * 1024;
/// Documents per metadata chunk: ten scattered results fetch at most ten chunks of
/// about 4 KB each.
pub(crate) const CHUNK_DOCS: usize = 16;
/// Body text is stored in parts of at most this many bytes for snippets; most
/// plans fit in one part, and a snippet rarely needs more than the first.
pub(crate) const PART_BYTES: usize = 6 * 1024;
/// Bumped whenever the file format changes; search.js checks it.
pub(crate) const FORMAT: u32 = 1;

#[derive(Clone, Copy, PartialEq)]
enum Field {
    Title,
    Number,
    Other,
}

/// FxHash: the vocabulary maps are hit once per word of every body, and SipHash's
/// DoS resistance buys nothing for our own build-time input.
#[derive(Default, Clone, Copy)]
struct FxBuild;

struct Fx(u64);

impl BuildHasher for FxBuild {
    type Hasher = Fx;
    fn build_hasher(&self) -> Fx {
        Fx(0)
    }
}

impl Fx {
    #[inline]
    fn add(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for Fx {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(w) ^ ((rest.len() as u64) << 56));
        }
    }
    #[inline]
    fn write_u8(&mut self, b: u8) {
        self.add(u64::from(b));
    }
    fn finish(&self) -> u64 {
        // The multiply leaves the low bits depending only on the first bytes of a
        // word, and hashbrown picks buckets by the low bits: mix the high bits down.
        let h = self.0 ^ (self.0 >> 32);
        h.wrapping_mul(0xff51_afd7_ed55_8ccd) ^ (h >> 29)
    }
}

type Map = HashMap<Box<str>, u32, FxBuild>;

#[derive(Default)]
struct Builder {
    /// Raw word as written → variant id; the hot path.
    raw: Map,
    /// Lower-cased NFC spelling → variant id.
    variants: Map,
    /// Folded token → folded id.
    folded: Map,
    var_folded: Vec<u32>,
    var_docs: Vec<Vec<u32>>,
    fold_text: Vec<Box<str>>,
    fold_digit: Vec<bool>,
    title_docs: Vec<Vec<u32>>,
    number_docs: Vec<Vec<u32>>,
    /// Folded ids of the current `-`/`/` group of two or more words.
    group: Vec<u32>,
    scratch: String,
}

#[inline]
fn add(list: &mut Vec<u32>, doc: u32) {
    if list.last() != Some(&doc) {
        list.push(doc);
    }
}

impl Builder {
    fn doc(&mut self, id: u32, d: &SearchDoc) {
        self.field(id, &d.title, Field::Title);
        if let Some(n) = &d.number {
            self.field(id, n, Field::Number);
        }
        self.field(id, &d.kind, Field::Other);
        for f in [&d.issuer, &d.jurisdiction].into_iter().flatten() {
            self.field(id, f, Field::Other);
        }
        // The raw body splits into the same words as the collapsed stored text:
        // whitespace is never part of a word nor of a `-`/`/` join.
        self.field(id, &d.text, Field::Other);
    }

    fn field(&mut self, doc: u32, text: &str, field: Field) {
        let mut prev: Option<u32> = None;
        for_each_word(text, |w, joined| {
            if !joined && !self.group.is_empty() {
                self.finish_group(doc, field);
            }
            let Some(vid) = self.word(w) else { return };
            let fid = self.var_folded[vid as usize];
            add(&mut self.var_docs[vid as usize], doc);
            self.mark(fid, doc, field);
            // Most words are not part of a number: start a group only on a join.
            if joined {
                if let (true, Some(p)) = (self.group.is_empty(), prev) {
                    self.group.push(p);
                }
                self.group.push(fid);
            }
            prev = Some(fid);
        });
        if !self.group.is_empty() {
            self.finish_group(doc, field);
        }
    }

    /// Indexes the joined form of a document number (see tokens.rs); the number
    /// field is always joined, other text only when the group has a digit.
    fn finish_group(&mut self, doc: u32, field: Field) {
        let digit = self.group.iter().any(|&f| self.fold_digit[f as usize]);
        if self.group.len() >= 2 && (digit || field == Field::Number) {
            let mut joined = std::mem::take(&mut self.scratch);
            joined.clear();
            for &fid in &self.group {
                joined.push_str(&self.fold_text[fid as usize]);
            }
            self.joined(doc, &joined, field);
            self.scratch = joined;
        }
        self.group.clear();
    }

    #[inline]
    fn mark(&mut self, fid: u32, doc: u32, field: Field) {
        match field {
            Field::Title => add(&mut self.title_docs[fid as usize], doc),
            Field::Number => add(&mut self.number_docs[fid as usize], doc),
            Field::Other => {}
        }
    }

    /// A joined number token: its only spelling is the folded one.
    fn joined(&mut self, doc: u32, joined: &str, field: Field) {
        let vid = match self.variants.get(joined) {
            Some(&v) => v,
            None => {
                let fid = self.folded_id(joined);
                self.new_variant(joined, fid)
            }
        };
        let fid = self.var_folded[vid as usize];
        add(&mut self.var_docs[vid as usize], doc);
        self.mark(fid, doc, field);
    }

    /// Variant id of a raw word, interning it on first sight; None when the word
    /// folds to nothing (a stray combining mark).
    #[inline]
    fn word(&mut self, raw: &str) -> Option<u32> {
        if let Some(&v) = self.raw.get(raw) {
            return (v != u32::MAX).then_some(v);
        }
        let vid = self.intern(raw);
        self.raw.insert(raw.into(), vid.unwrap_or(u32::MAX));
        vid
    }

    fn intern(&mut self, raw: &str) -> Option<u32> {
        let variant: String = if raw.is_ascii() {
            raw.to_ascii_lowercase()
        } else {
            raw.to_lowercase().nfc().collect()
        };
        if let Some(&v) = self.variants.get(variant.as_str()) {
            return Some(v);
        }
        self.scratch.clear();
        fold_into(raw, &mut self.scratch);
        if self.scratch.is_empty() {
            return None;
        }
        let folded = std::mem::take(&mut self.scratch);
        let fid = self.folded_id(&folded);
        self.scratch = folded;
        Some(self.new_variant(&variant, fid))
    }

    fn folded_id(&mut self, folded: &str) -> u32 {
        if let Some(&f) = self.folded.get(folded) {
            return f;
        }
        let fid = self.fold_text.len() as u32;
        self.folded.insert(folded.into(), fid);
        self.fold_text.push(folded.into());
        self.fold_digit
            .push(folded.bytes().any(|b| b.is_ascii_digit()));
        self.title_docs.push(Vec::new());
        self.number_docs.push(Vec::new());
        fid
    }

    fn new_variant(&mut self, variant: &str, fid: u32) -> u32 {
        let vid = self.var_folded.len() as u32;
        self.variants.insert(variant.into(), vid);
        self.var_folded.push(fid);
        self.var_docs.push(Vec::new());
        vid
    }
}

/// Splits text into parts of at most `PART_BYTES`, at a space where one is near.
fn split_parts(s: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut rest = s;
    while rest.len() > PART_BYTES {
        let mut cut = PART_BYTES;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        if let Some(sp) = rest[..cut].rfind(' ') {
            if sp >= PART_BYTES * 3 / 4 {
                cut = sp;
            }
        }
        parts.push(&rest[..cut]);
        rest = rest[cut..].trim_start_matches(' ');
    }
    if !rest.is_empty() {
        parts.push(rest);
    }
    parts
}

/// Appends the lists of a later worker (higher ids) to `self`.
fn merge(parts: Vec<Builder>) -> Builder {
    let mut parts = parts.into_iter();
    let mut g = parts.next().unwrap_or_default();
    for mut p in parts {
        let fmap: Vec<u32> = p.fold_text.iter().map(|t| g.folded_id(t)).collect();
        for (fid, list) in p.title_docs.iter().enumerate() {
            union_sorted(&mut g.title_docs[fmap[fid] as usize], list);
        }
        for (fid, list) in p.number_docs.iter().enumerate() {
            union_sorted(&mut g.number_docs[fmap[fid] as usize], list);
        }
        for (spelling, vid) in std::mem::take(&mut p.variants) {
            let list = std::mem::take(&mut p.var_docs[vid as usize]);
            let gv = match g.variants.get(&*spelling) {
                Some(&v) => v,
                None => g.new_variant(&spelling, fmap[p.var_folded[vid as usize] as usize]),
            };
            let target = &mut g.var_docs[gv as usize];
            if target.is_empty() {
                *target = list;
            } else {
                union_sorted(target, &list);
            }
        }
    }
    g
}

/// Merges two sorted lists of distinct document ids into `a`. A worker's
/// builder sees every batch's share of ids, so lists of two workers
/// interleave (batch by batch) rather than follow each other.
fn union_sorted(a: &mut Vec<u32>, b: &[u32]) {
    match (a.last(), b.first()) {
        (_, None) => {}
        (None, _) => a.extend_from_slice(b),
        (Some(&last), Some(&first)) if last < first => a.extend_from_slice(b),
        _ => {
            let mut out = Vec::with_capacity(a.len() + b.len());
            let (mut i, mut j) = (0, 0);
            while i < a.len() && j < b.len() {
                if a[i] < b[j] {
                    out.push(a[i]);
                    i += 1;
                } else {
                    out.push(b[j]);
                    j += 1;
                }
            }
            out.extend_from_slice(&a[i..]);
            out.extend_from_slice(&b[j..]);
            *a = out;
        }
    }
}

/// Output files as (path, bytes).
type Files = Vec<(String, Vec<u8>)>;

/// Writes the metadata chunks and the text parts, in id order, across calls.
#[derive(Default)]
struct DocFiles {
    files: Files,
    chunk: Vec<u8>,
    next: usize,
}

impl DocFiles {
    fn push(&mut self, d: &SearchDoc, texts: &mut dyn FnMut(String, Vec<u8>)) {
        let id = self.next;
        self.next += 1;
        let text = crate::text::collapse_ws_cow(&d.text);
        let parts = split_parts(&text);
        for (p, part) in parts.iter().enumerate() {
            texts(text_path(id, p), part.as_bytes().to_vec());
        }
        self.chunk.push(if id.is_multiple_of(CHUNK_DOCS) {
            b'['
        } else {
            b','
        });
        let meta = (
            &d.url,
            &d.title,
            &d.number,
            &d.kind,
            &d.issuer,
            &d.date,
            parts.len(),
        );
        // Serializing strings, options and integers into a Vec cannot fail.
        serde_json::to_writer(&mut self.chunk, &meta).expect("serialize metadata");
        if id % CHUNK_DOCS == CHUNK_DOCS - 1 {
            self.close_chunk(id);
        }
    }

    fn close_chunk(&mut self, id: usize) {
        self.chunk.push(b']');
        let path = format!("{ROOT}d/{}.json", id / CHUNK_DOCS);
        self.files.push((path, std::mem::take(&mut self.chunk)));
    }

    fn finish(mut self) -> Files {
        if !self.chunk.is_empty() {
            self.close_chunk(self.next - 1);
        }
        self.files
    }
}

pub(crate) fn text_path(id: usize, part: usize) -> String {
    format!("{ROOT}t/{}/{id}-{part}.txt", id / 1000)
}

/// Below this many documents per worker, threads cost more than they save.
pub(crate) const MIN_DOCS_PER_THREAD: usize = 512;

pub(crate) fn build(docs: &[SearchDoc]) -> Files {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
    build_with(docs, threads, MIN_DOCS_PER_THREAD)
}

/// Indexes contiguous id ranges on `threads` workers while this thread writes the
/// metadata and text files, then merges the vocabularies. The output does not
/// depend on `threads` (tested).
pub(crate) fn build_with(docs: &[SearchDoc], threads: usize, min_per_thread: usize) -> Files {
    let mut texts: Files = Vec::new();
    let mut out = build_streaming(docs, threads, min_per_thread, &mut |p, b| {
        texts.push((p, b))
    });
    out.extend(texts);
    out
}

/// The search order: newest first, so "newer first" ranking is "lower id
/// first" in the browser; then by URL, then input position.
pub(crate) fn order(docs: &[SearchDoc]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..docs.len()).collect();
    order.sort_by(|&a, &b| {
        let (da, db) = (&docs[a], &docs[b]);
        match (&da.sort_date, &db.sort_date) {
            (Some(x), Some(y)) => y.cmp(x),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        }
        .then_with(|| da.url.cmp(&db.url))
        .then(a.cmp(&b))
    });
    order
}

/// Documents whose text parts [`build_streaming`] holds at once.
const STREAM_BATCH: usize = 4096;

/// As [`build_with`], but hands the body-text parts to `sink` a batch at a time
/// instead of returning them: the text parts are as large as the corpus,
/// and a national portal should not hold them all at once.
pub(crate) fn build_streaming(
    docs: &[SearchDoc],
    threads: usize,
    min_per_thread: usize,
    sink: &mut dyn FnMut(String, Vec<u8>),
) -> Files {
    let sorted: Vec<&SearchDoc> = order(docs).into_iter().map(|i| &docs[i]).collect();
    let mut w = Writer::new(threads, min_per_thread);
    for batch in sorted.chunks(STREAM_BATCH) {
        w.add(batch, &mut |texts| {
            for (path, bytes) in texts {
                sink(path, bytes);
            }
        });
    }
    w.finish()
}

/// Builds the index from documents handed over in id order, a batch at a
/// time, so a caller can render, index and drop one batch before the next.
/// Same bytes as one call with all documents (tested).
pub(crate) struct Writer {
    parts: Vec<Builder>,
    doc_files: DocFiles,
    text_hash: Fx,
    threads: usize,
    min_per_thread: usize,
}

impl Writer {
    pub(crate) fn new(threads: usize, min_per_thread: usize) -> Writer {
        Writer {
            parts: Vec::new(),
            doc_files: DocFiles::default(),
            text_hash: Fx(0),
            threads: threads.max(1),
            min_per_thread: min_per_thread.max(1),
        }
    }

    /// Indexes `docs`, which continue the ids of earlier batches in search
    /// order. Their body-text parts go to `sink` in one call while the workers
    /// still index, so that the caller can write them on other cores (written
    /// one by one here, they were the tail of a build).
    pub(crate) fn add(&mut self, docs: &[&SearchDoc], sink: &mut dyn FnMut(Files)) {
        let first = self.doc_files.next;
        let per = docs
            .len()
            .div_ceil(self.threads)
            .max(self.min_per_thread)
            .max(1);
        let chunks: Vec<&[&SearchDoc]> = docs.chunks(per).collect();
        // One builder per worker for the writer's whole life: a word is
        // interned once per worker, not once per batch.
        while self.parts.len() < chunks.len() {
            self.parts.push(Builder::default());
        }
        let Writer {
            parts,
            doc_files,
            text_hash,
            ..
        } = self;
        std::thread::scope(|s| {
            let workers: Vec<_> = parts
                .iter_mut()
                .zip(chunks)
                .enumerate()
                .map(|(k, (b, batch))| {
                    s.spawn(move || {
                        for (j, d) in batch.iter().enumerate() {
                            b.doc((first + k * per + j) as u32, d);
                        }
                    })
                })
                .collect();
            let mut texts: Files = Vec::new();
            for d in docs {
                doc_files.push(d, &mut |path, bytes| {
                    text_hash.write(path.as_bytes());
                    text_hash.write_usize(bytes.len());
                    text_hash.write(&bytes);
                    texts.push((path, bytes));
                });
            }
            sink(texts);
            for w in workers {
                w.join().unwrap_or_else(|e| std::panic::resume_unwind(e));
            }
        });
    }

    /// The shards, metadata chunks and manifest (text parts went to the sinks).
    pub(crate) fn finish(self) -> Files {
        let docs = self.doc_files.next;
        let files = self.doc_files.finish();
        let b = merge(self.parts);
        let text_hash = self.text_hash;
        let (shard_files, firsts) = shards(&b);
        let mut out: Files = Vec::with_capacity(1 + shard_files.len() + files.len());
        out.push((String::new(), Vec::new()));
        out.extend(shard_files);
        out.extend(files);

        let mut hash = Fx(0);
        for (path, bytes) in &out[1..] {
            hash.write(path.as_bytes());
            hash.write_usize(bytes.len());
            hash.write(bytes);
        }
        hash.write_u64(text_hash.finish());
        let hash = hash.finish();
        // A struct, not `json!`, so field order cannot depend on serde_json features.
        #[derive(serde::Serialize)]
        struct Manifest<'a> {
            format: u32,
            build: String,
            docs: usize,
            chunk: usize,
            shards: Vec<&'a str>,
        }
        let manifest = Manifest {
            format: FORMAT,
            build: format!("{hash:016x}"),
            docs,
            chunk: CHUNK_DOCS,
            shards: firsts,
        };
        // Serializing plain fields into a Vec cannot fail.
        let manifest = serde_json::to_vec(&manifest).expect("serialize manifest");
        out[0] = (format!("{ROOT}manifest.json"), manifest);
        out
    }
}

/// Writes the token entries in folded order, cutting shards at `SHARD_BYTES`.
/// Entry: `"token":[{"spelling":"postings",…},"title postings","number postings"]`,
/// the spelling `""` standing for the folded token itself, trailing empty lists
/// omitted.
fn shards(b: &Builder) -> (Files, Vec<&str>) {
    let mut by_fold: Vec<Vec<(&str, u32)>> = vec![Vec::new(); b.fold_text.len()];
    for (spelling, &vid) in &b.variants {
        by_fold[b.var_folded[vid as usize] as usize].push((spelling, vid));
    }
    let mut fids: Vec<u32> = (0..b.fold_text.len() as u32).collect();
    fids.sort_unstable_by(|&x, &y| b.fold_text[x as usize].cmp(&b.fold_text[y as usize]));

    let mut files = Vec::new();
    let mut firsts: Vec<&str> = Vec::new();
    let mut shard: Vec<u8> = Vec::new();
    let mut entry: Vec<u8> = Vec::new();
    fn flush(shard: &mut Vec<u8>, files: &mut Files) {
        shard.push(b'}');
        files.push((
            format!("{ROOT}s/{}.json", files.len()),
            std::mem::take(shard),
        ));
    }
    for fid in fids {
        let token: &str = &b.fold_text[fid as usize];
        let vars = &mut by_fold[fid as usize];
        vars.sort_unstable();
        entry.clear();
        // Writing into a Vec cannot fail.
        serde_json::to_writer(&mut entry, token).expect("serialize token");
        entry.extend_from_slice(b":[{");
        for (k, &(spelling, vid)) in vars.iter().enumerate() {
            if k > 0 {
                entry.push(b',');
            }
            let key = if spelling == token { "" } else { spelling };
            serde_json::to_writer(&mut entry, key).expect("serialize spelling");
            entry.extend_from_slice(b":\"");
            postings::encode(&b.var_docs[vid as usize], &mut entry);
            entry.push(b'"');
        }
        entry.push(b'}');
        let (t, n) = (&b.title_docs[fid as usize], &b.number_docs[fid as usize]);
        if !t.is_empty() || !n.is_empty() {
            entry.extend_from_slice(b",\"");
            postings::encode(t, &mut entry);
            entry.push(b'"');
        }
        if !n.is_empty() {
            entry.extend_from_slice(b",\"");
            postings::encode(n, &mut entry);
            entry.push(b'"');
        }
        entry.push(b']');

        if !shard.is_empty() && shard.len() + entry.len() + 1 > SHARD_BYTES {
            flush(&mut shard, &mut files);
        }
        if shard.is_empty() {
            shard.push(b'{');
            firsts.push(token);
        } else {
            shard.push(b',');
        }
        shard.extend_from_slice(&entry);
    }
    if !shard.is_empty() {
        flush(&mut shard, &mut files);
    }
    (files, firsts)
}
