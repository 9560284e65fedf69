//! Compact text encoding of posting lists (sorted document ids), decoded by
//! `decodePostings` in search.js.
//!
//! Hosts serve the shards uncompressed, so the encoding itself must be small and
//! stay plain ASCII inside a JSON string. Each list is written in whichever of two
//! forms is shorter:
//! - gaps: successive `id - previous - 1` (first: `id`) as little-endian base-64
//!   varints, 5 payload bits per char plus a continuation bit (32), so dense lists
//!   of rare words cost about one char per document;
//! - bitmap: `~` then 6 document bits per char (bit `j` of char `k` is document
//!   `6k + j`), so a word present in most documents costs N/6 chars at most.

/// URL-safe base-64 alphabet: needs no escaping in JSON.
pub(crate) const ALPHABET: &[u8; 64] =
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Appends the encoding of `ids` (strictly increasing) to `out`.
pub(crate) fn encode(ids: &[u32], out: &mut Vec<u8>) {
    let Some(&last) = ids.last() else {
        return;
    };
    let bitmap_len = 1 + last as usize / 6 + 1;
    let mut gaps_len = 0;
    let mut prev: i64 = -1;
    for &id in ids {
        gaps_len += varint_len((i64::from(id) - prev - 1) as u64);
        prev = i64::from(id);
        if gaps_len >= bitmap_len {
            break;
        }
    }
    if gaps_len < bitmap_len {
        let mut prev: i64 = -1;
        for &id in ids {
            let mut v = (i64::from(id) - prev - 1) as u64;
            prev = i64::from(id);
            while v >= 32 {
                out.push(ALPHABET[(v & 31) as usize | 32]);
                v >>= 5;
            }
            out.push(ALPHABET[v as usize]);
        }
    } else {
        out.push(b'~');
        let start = out.len();
        out.resize(start + last as usize / 6 + 1, 0);
        for &id in ids {
            out[start + id as usize / 6] |= 1 << (id % 6);
        }
        for b in &mut out[start..] {
            *b = ALPHABET[*b as usize];
        }
    }
}

fn varint_len(mut v: u64) -> usize {
    let mut n = 1;
    while v >= 32 {
        v >>= 5;
        n += 1;
    }
    n
}

/// Decodes a list written by `encode`; the reference for search.js.
#[cfg(test)]
pub(crate) fn decode(s: &str) -> Vec<u32> {
    let val = |c: u8| ALPHABET.iter().position(|&a| a == c).expect("alphabet") as u32;
    let mut out = Vec::new();
    if let Some(bits) = s.strip_prefix('~') {
        for (k, c) in bits.bytes().enumerate() {
            let v = val(c);
            for j in 0..6 {
                if v & (1 << j) != 0 {
                    out.push(k as u32 * 6 + j);
                }
            }
        }
    } else {
        let mut prev: i64 = -1;
        let (mut acc, mut shift) = (0u64, 0);
        for c in s.bytes() {
            let v = u64::from(val(c));
            acc |= (v & 31) << shift;
            if v & 32 != 0 {
                shift += 5;
            } else {
                prev += acc as i64 + 1;
                out.push(prev as u32);
                acc = 0;
                shift = 0;
            }
        }
    }
    out
}
