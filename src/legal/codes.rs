//! The abbreviations inside document numbers: type codes (`KL`, `QĐ`, …) and
//! issuer codes (`TW`, `TTg`, `UBND`, …), their canonical spelling, and which
//! issuer codes are national.
//!
//! Tables are keyed by the folded form (upper case, `Đ`→`D`, `Ư`→`W`), so the
//! OCR spellings `qd`, `QD` and `QÐ` all find `QĐ`.
//!
//! ## Local or national
//! An issuer code is **national** when it names one body for the whole
//! country:
//! - it is in [`NATIONAL`]: the Party's Politburo and Secretariat (`BCT`,
//!   `BBT`), the Prime Minister (`TTg`), the Government (`CP`), the President
//!   (`CTN`), the National Assembly bodies, the supreme court and procuracy,
//!   the State Bank, the State Audit, the ministries and ministry-level bodies
//!   (`BYT`, `BTC`, `BGDĐT`, …), and a few central Party committees that do
//!   not end in `TW` (`ĐUCP`, `ĐUQH`, …);
//! - or it ends in `TW` (`TƯ`), the mark of every central Party body
//!   (`TW`, `VPTW`, `BTGTW`, `UBKTTW`, …), or begins with `TW` (`TWĐTN`);
//! - or it is `QH`/`UBTVQH` followed by a legislature number (`QH15`);
//! - or it ends in `VN` (`TLĐLĐVN`, `HLHPNVN`: national mass organisations).
//!
//! Everything else is **local**: `TU`, `ĐU`, `HU`, `QU`, `UBND`, `HĐND`,
//! `BCĐ`, `MTTQ`, `BCS`, departments (`SYT`, `STC`, …) and every code we do not
//! know. Unknown codes default to local on purpose: a local code read as
//! national would let a plan in one province resolve to another province's
//! document, while a national code read as local only makes the resolver look
//! in the citing jurisdiction and its ancestors, where national documents live.
//! A joint issuer (`BYT-BNV`) is local when any part of it is.

use super::text::fold_code;

/// Type codes: (folded, canonical, Vietnamese type name).
const TYPES: &[(&str, &str, &str)] = &[
    ("KL", "KL", "Kết luận"),
    ("NQ", "NQ", "Nghị quyết"),
    ("NQLT", "NQLT", "Nghị quyết liên tịch"),
    ("QD", "QĐ", "Quyết định"),
    ("QDLT", "QĐLT", "Quyết định liên tịch"),
    ("QDI", "QĐi", "Quy định"),
    ("QYD", "QyĐ", "Quy định"),
    ("KH", "KH", "Kế hoạch"),
    ("KHLT", "KHLT", "Kế hoạch liên tịch"),
    ("CT", "CT", "Chỉ thị"),
    ("CTLT", "CTLT", "Chỉ thị liên tịch"),
    ("TB", "TB", "Thông báo"),
    ("HD", "HD", "Hướng dẫn"),
    ("HDLT", "HDLT", "Hướng dẫn liên tịch"),
    ("ND", "NĐ", "Nghị định"),
    // "TT" is Thông tư in state numbers and Thông tri in Party numbers.
    ("TT", "TT", "Thông tư"),
    ("TTLT", "TTLT", "Thông tư liên tịch"),
    ("CV", "CV", "Công văn"),
    ("BC", "BC", "Báo cáo"),
    ("QC", "QC", "Quy chế"),
    ("QCPH", "QCPH", "Quy chế phối hợp"),
    ("CTR", "CTr", "Chương trình"),
    ("CTRPH", "CTrPH", "Chương trình phối hợp"),
    ("DA", "ĐA", "Đề án"),
    ("PA", "PA", "Phương án"),
    ("TTR", "TTr", "Tờ trình"),
    ("CD", "CĐ", "Công điện"),
    ("TC", "TC", "Thông cáo"),
    ("BB", "BB", "Biên bản"),
    ("GM", "GM", "Giấy mời"),
    ("L", "L", "Lệnh"),
    ("VBHN", "VBHN", "Văn bản hợp nhất"),
];

/// Issuer codes whose canonical spelling is not plain upper case (or that
/// are worth listing): (folded, canonical).
const ISSUERS: &[(&str, &str)] = &[
    ("TTG", "TTg"),
    ("DU", "ĐU"),
    ("DUK", "ĐUK"),
    ("DUCP", "ĐUCP"),
    ("DUQH", "ĐUQH"),
    ("DD", "ĐĐ"),
    ("DDQH", "ĐĐQH"),
    ("HDND", "HĐND"),
    ("BCD", "BCĐ"),
    ("BCDTW", "BCĐTW"),
    ("BCSD", "BCSĐ"),
    ("BCSDCP", "BCSĐCP"),
    ("HDDT", "HĐDT"),
    ("BGDDT", "BGDĐT"),
    ("BKHDT", "BKHĐT"),
    ("BLDTBXH", "BLĐTBXH"),
    ("SGDDT", "SGDĐT"),
    ("SKHDT", "SKHĐT"),
    ("SLDTBXH", "SLĐTBXH"),
    ("PGDDT", "PGDĐT"),
    ("TLDLDVN", "TLĐLĐVN"),
    ("LDLD", "LĐLĐ"),
];

/// National issuer codes, folded (see the module docs for the patterns).
const NATIONAL: &[&str] = &[
    // Party centre
    "TW", "BCT", "BBT", "DUCP", "DUQH", "DDQH", "BCSDCP", // State centre
    "TTG", "CP", "CTN", "VPCTN", "VPCP", "QH", "UBTVQH", "VPQH", "HDDT", "TANDTC", "VKSNDTC",
    "KTNN", "NHNN", "TTCP", "UBDT", // Ministries, old and new names
    "BYT", "BTC", "BGDDT", "BNV", "BCA", "BQP", "BKHDT", "BLDTBXH", "BTP", "BTTTT", "BVHTTDL",
    "BNNPTNT", "BTNMT", "BXD", "BGTVT", "BNG", "BKHCN", "BNNMT", "BDTTG",
];

/// Whether `code` (any case or spelling) is a known type code.
pub(crate) fn is_type_code(code: &str) -> bool {
    let folded = fold_code(code);
    TYPES.iter().any(|&(f, _, _)| f == folded)
}

/// Canonical spelling of a type code; unknown codes are upper-cased.
pub(crate) fn canon_type(code: &str) -> String {
    let folded = fold_code(code);
    match TYPES.iter().find(|&&(f, _, _)| f == folded) {
        Some(&(_, canon, _)) => canon.to_string(),
        None => upper(code),
    }
}

/// The Vietnamese type name of a type code. `party` selects the Party
/// reading where it differs (`TT` is Thông tri there).
pub(crate) fn type_name(code: &str, party: bool) -> Option<&'static str> {
    let folded = fold_code(code);
    if party && folded == "TT" {
        return Some("Thông tri");
    }
    TYPES
        .iter()
        .find(|&&(f, _, _)| f == folded)
        .map(|&(_, _, name)| name)
}

/// Canonical spelling of an issuer (or unit) code; unknown codes are upper-cased.
pub(crate) fn canon_issuer(code: &str) -> String {
    let folded = fold_code(code);
    match ISSUERS.iter().find(|&&(f, _)| f == folded) {
        Some(&(_, canon)) => canon.to_string(),
        None => upper(code),
    }
}

fn upper(code: &str) -> String {
    code.chars()
        .map(|c| match c {
            // "TƯ" is only ever a spelling of "TW" (Trung ương).
            'Ư' | 'ư' => 'W',
            'Ð' | 'ð' | 'Ɖ' | 'ɖ' => 'Đ',
            c => c.to_uppercase().next().unwrap_or(c),
        })
        .collect()
}

/// One issuer code (no `-`), see the module docs.
pub(crate) fn is_national(code: &str) -> bool {
    let f = fold_code(code);
    if NATIONAL.contains(&f.as_str())
        || f.ends_with("TW")
        || f.starts_with("TW")
        || f.ends_with("VN")
    {
        return true;
    }
    let legislature = |prefix: &str| {
        f.strip_prefix(prefix)
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    };
    legislature("QH") || legislature("UBTVQH")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_spellings() {
        assert_eq!(canon_type("qd"), "QĐ");
        assert_eq!(canon_type("QÐ"), "QĐ");
        assert_eq!(canon_type("qđi"), "QĐi");
        assert_eq!(canon_type("CTR"), "CTr");
        assert_eq!(canon_type("xyz"), "XYZ");
        assert_eq!(canon_issuer("ttg"), "TTg");
        assert_eq!(canon_issuer("DU"), "ĐU");
        assert_eq!(canon_issuer("hdnd"), "HĐND");
        assert_eq!(canon_issuer("TƯ"), "TW");
        assert_eq!(canon_issuer("qh15"), "QH15");
        assert_eq!(canon_issuer("ubnd"), "UBND");
    }

    #[test]
    fn national_and_local() {
        for code in [
            "TW", "TƯ", "TTg", "CP", "QH15", "UBTVQH14", "BYT", "BGDĐT", "BGDDT", "BCT",
        ] {
            assert!(is_national(code), "{code} should be national");
        }
        for code in [
            "VPTW",
            "BTGTW",
            "UBKTTW",
            "TWĐTN",
            "TLĐLĐVN",
            "NHNN",
            "VPCP",
            "CTN",
        ] {
            assert!(is_national(code), "{code} should be national");
        }
        for code in [
            "TU", "ĐU", "DU", "HU", "QU", "UBND", "HĐND", "BCĐ", "MTTQ", "SYT", "BCS",
        ] {
            assert!(!is_national(code), "{code} should be local");
        }
        for code in ["QH", "XYZ", "BTGTU", "VPTU", "UBKTTU", "QHX"] {
            // Bare "QH" is in the table (old numbers), the others are local.
            assert_eq!(is_national(code), code == "QH", "{code}");
        }
    }

    #[test]
    fn type_names() {
        assert_eq!(type_name("KL", false), Some("Kết luận"));
        assert_eq!(type_name("qd", false), Some("Quyết định"));
        assert_eq!(type_name("TT", false), Some("Thông tư"));
        assert_eq!(type_name("TT", true), Some("Thông tri"));
        assert_eq!(type_name("ZZ", false), None);
    }
}
