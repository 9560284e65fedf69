//! A seeded OCR-noise generator: turns a clean plan text into what a scan
//! run through OCR gives back, and logs every change it made so a test can
//! tell a right correction from a wrong one.
//!
//! What it does, each with its own switch:
//! - letter confusions of Vietnamese OCR (ữ/tr, ỵ/y, ầ/à, đ/d, ư/u, ơ/o) in the
//!   words a citation and a header are made of, and (`free_text`) in any word
//!   of the body after its first heading;
//! - punctuation noise: ";" as ";';", "(" as "{", lone "•" lines, page numbers;
//! - the header's two columns scrambled (right column first, or both columns
//!   printed on one line);
//! - the signature block reordered (name first), capacity words in odd case
//!   ("T/M", "Tm", "kt."), the name's diacritics stripped.

#![allow(dead_code)]

use unicode_normalization::UnicodeNormalization;

/// Words the generator may confuse anywhere (its own list, independent of
/// the importer's vocabulary: a word missing there is a miss to measure).
const CITATION_WORDS: &[&str] = &[
    "Quyết",
    "định",
    "Nghị",
    "quyết",
    "Kết",
    "luận",
    "Kế",
    "hoạch",
    "Chính",
    "trị",
    "phủ",
    "Thủ",
    "tướng",
    "Ban",
    "Thường",
    "vụ",
    "Tỉnh",
    "ủy",
    "uỷ",
    "Đảng",
    "Trung",
    "ương",
    "Lào",
    "Cai",
    "Lai",
    "Châu",
    "ngày",
    "của",
    "về",
    "Nơi",
    "nhận",
    "UBND",
    "Hội",
    "đồng",
    "nhân",
    "dân",
    "Ủy",
    "Uỷ",
    "ban",
    "Chấp",
    "hành",
    "Bộ",
    "Y",
    "tế",
    "Sở",
    "tỉnh",
    "Hà",
    "Nội",
    "CỘNG",
    "HÒA",
    "ĐẢNG",
    "ỦY",
    "UỶ",
    "TỈNH",
    "NHÂN",
    "DÂN",
    "CHÂU",
    "LÀO",
    "CAI",
    "Độc",
    "lập",
    "Tự",
    "do",
    "Hạnh",
    "phúc",
    "Chủ",
    "tịch",
    "CHỦ",
    "TỊCH",
    "nghị",
    "Quốc",
    "hội",
];

/// Clean spelling → what OCR prints instead.
const CONFUSIONS: &[(&str, &str)] = &[
    ("tr", "ữ"),
    ("Tr", "Ữ"),
    ("TR", "Ữ"),
    ("y", "ỵ"),
    ("à", "ầ"),
    ("À", "Ầ"),
    ("đ", "d"),
    ("Đ", "D"),
    ("ư", "u"),
    ("ừ", "ù"),
    ("ứ", "ú"),
    ("ử", "ủ"),
    ("ơ", "o"),
    ("ờ", "ò"),
    ("ớ", "ó"),
    ("ở", "ỏ"),
    ("ợ", "ọ"),
    ("Ơ", "O"),
];

/// Which kinds of noise to apply.
#[derive(Debug, Clone, Copy)]
pub struct Noise {
    /// Chance that a citation word is misread.
    pub words: f64,
    /// Chance that any other word of the body is misread.
    pub free_text: f64,
    pub punctuation: bool,
    pub junk_lines: bool,
    pub header: bool,
    pub signature: bool,
}

impl Noise {
    pub fn all() -> Self {
        Noise {
            words: 0.25,
            free_text: 0.05,
            punctuation: true,
            junk_lines: true,
            header: true,
            signature: true,
        }
    }
    /// In-line noise only: lines stay where they were (for line-numbered fixtures).
    pub fn in_line() -> Self {
        Noise {
            words: 0.3,
            free_text: 0.0,
            punctuation: true,
            junk_lines: false,
            header: false,
            signature: false,
        }
    }
}

/// The noisy text and what was changed: `(noisy, clean)` pairs.
pub struct Noised {
    pub text: String,
    pub changes: Vec<(String, String)>,
}

/// xorshift64*: small, seeded, the same on every machine.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
    pub fn pick(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Applies the noise to `clean` with `seed`.
pub fn noise(clean: &str, seed: u64, n: Noise) -> Noised {
    let mut rng = Rng::new(seed);
    let clean: String = clean.nfc().collect();
    let mut changes = Vec::new();
    let mut lines: Vec<String> = clean.split('\n').map(str::to_string).collect();
    let title_at = lines
        .iter()
        .position(|l| l.trim() == "KẾ HOẠCH" || l.trim().trim_matches('*') == "KẾ HOẠCH");
    let body_at = lines
        .iter()
        .position(|l| l.trim_start().starts_with("I. "))
        .unwrap_or(lines.len());
    let tail_at = lines
        .iter()
        .rposition(|l| l.trim_start().starts_with("Nơi nhận"))
        .unwrap_or(lines.len());
    for (i, line) in lines.iter_mut().enumerate() {
        let free = if i > body_at && i < tail_at {
            n.free_text
        } else {
            0.0
        };
        *line = words(line, n.words, free, &mut rng, &mut changes);
        if n.punctuation {
            *line = punctuation(line, &mut rng, &mut changes);
        }
    }
    if n.signature {
        signature(&mut lines, tail_at, &mut rng, &mut changes);
    }
    if n.header {
        if let Some(t) = title_at {
            header(&mut lines, t, &mut rng);
        }
    }
    if n.junk_lines {
        let mut out = Vec::new();
        for (i, l) in lines.into_iter().enumerate() {
            let blank = l.trim().is_empty();
            out.push(l);
            if blank && i > 5 && rng.chance(0.03) {
                out.push(if rng.chance(0.5) {
                    "•".into()
                } else {
                    " • ".into()
                });
            }
        }
        lines = out;
    }
    Noised {
        text: lines.join("\n"),
        changes,
    }
}

fn words(
    line: &str,
    p_cite: f64,
    p_free: f64,
    rng: &mut Rng,
    changes: &mut Vec<(String, String)>,
) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String, rng: &mut Rng, ch: &mut Vec<_>| {
        if word.is_empty() {
            return;
        }
        let p = if CITATION_WORDS.contains(&word.as_str()) {
            p_cite
        } else {
            p_free
        };
        if p > 0.0 && rng.chance(p) {
            let options: Vec<(usize, &str, &str)> = CONFUSIONS
                .iter()
                .flat_map(|(c, o)| word.match_indices(c).map(move |(at, _)| (at, *c, *o)))
                .collect();
            if !options.is_empty() {
                let (at, c, o) = options[rng.pick(options.len())];
                let noisy = format!("{}{o}{}", &word[..at], &word[at + c.len()..]);
                ch.push((noisy.clone(), word.clone()));
                *word = noisy;
            }
        }
        out.push_str(word);
        word.clear();
    };
    for c in line.chars() {
        if c.is_alphabetic() {
            word.push(c);
        } else {
            flush(&mut word, &mut out, rng, changes);
            out.push(c);
        }
    }
    flush(&mut word, &mut out, rng, changes);
    out
}

fn punctuation(line: &str, rng: &mut Rng, changes: &mut Vec<(String, String)>) -> String {
    let mut l = line.to_string();
    if l.trim_end().ends_with(';') && rng.chance(0.2) {
        let t = l.trim_end().len();
        l.replace_range(t - 1..t, ";';");
        changes.push((";';".into(), ";".into()));
    }
    if let Some(at) = l.find('(') {
        if l[at..].contains(')') && !l[at..].contains('}') && rng.chance(0.3) {
            l.replace_range(at..at + 1, "{");
            changes.push(("{".into(), "(".into()));
        }
    }
    l
}

/// Right column first, or both columns on one line (single space, as OCR
/// prints a two-column header it did not see as columns).
fn header(lines: &mut Vec<String>, title_at: usize, rng: &mut Rng) {
    let head: Vec<String> = lines[..title_at]
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.trim().to_string())
        .collect();
    if head.is_empty() {
        return;
    }
    let right = |l: &str| {
        let k = fold(l);
        k.starts_with("cong hoa")
            || k.starts_with("doc lap")
            || k.starts_with("dang cong san")
            || l.contains(", ngày")
    };
    let (r, l): (Vec<String>, Vec<String>) = head.into_iter().partition(|x| right(x));
    let new: Vec<String> = match rng.pick(3) {
        0 => r.iter().chain(&l).cloned().collect(),
        1 => (0..l.len().max(r.len()))
            .map(|i| {
                let a = l.get(i).map_or("", String::as_str);
                let b = r.get(i).map_or("", String::as_str);
                format!("{a} {b}").trim().to_string()
            })
            .collect(),
        _ => {
            let mut v = Vec::new();
            for i in 0..l.len().max(r.len()) {
                v.extend(r.get(i).cloned());
                v.extend(l.get(i).cloned());
            }
            v
        }
    };
    let mut out = new;
    out.push(String::new());
    out.extend(lines[title_at..].iter().cloned());
    *lines = out;
}

/// Name first or last, capacity words in odd case, diacritics stripped.
fn signature(
    lines: &mut Vec<String>,
    tail_at: usize,
    rng: &mut Rng,
    _changes: &mut Vec<(String, String)>,
) {
    let Some(role_at) = (tail_at..lines.len()).find(|&i| {
        let t = lines[i].trim().trim_start_matches('*');
        t.starts_with("TM.") || t.starts_with("KT.")
    }) else {
        return;
    };
    let block: Vec<String> = lines[role_at..]
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.trim().trim_matches('*').to_string())
        .collect();
    let Some((name, roles)) = block.split_last() else {
        return;
    };
    let roles: Vec<String> = roles
        .iter()
        .map(|r| {
            let odd = ["T/M", "Tm", "t/m", "TM"];
            let odd_kt = ["K/T", "kt.", "Kt.", "KT"];
            if let Some(rest) = r.strip_prefix("TM.") {
                format!("{}{rest}", odd[rng.pick(odd.len())])
            } else if let Some(rest) = r.strip_prefix("KT.") {
                format!("{}{rest}", odd_kt[rng.pick(odd_kt.len())])
            } else {
                r.clone()
            }
        })
        .collect();
    let name = match rng.pick(3) {
        0 => strip(name),
        1 => strip(name).to_uppercase(),
        _ => name.clone(),
    };
    let mut new: Vec<String> = Vec::new();
    if rng.chance(0.5) {
        new.push(name);
        new.extend(roles);
    } else {
        new.extend(roles);
        new.push(String::new());
        new.push(name);
    }
    lines.truncate(role_at);
    lines.extend(new);
}

/// "Tống Thanh Hải" → "Tong Thanh Hai".
pub fn strip(s: &str) -> String {
    s.nfd()
        .filter(|c| !('\u{300}'..='\u{36F}').contains(c))
        .map(|c| match c {
            'đ' => 'd',
            'Đ' => 'D',
            c => c,
        })
        .collect()
}

fn fold(s: &str) -> String {
    strip(s).to_lowercase()
}
