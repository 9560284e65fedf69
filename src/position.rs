//! Finding where a key or list item sits in front-matter text.
//!
//! The YAML parser gives positions only for syntax errors, yet a good
//! message about a *value* ("unknown key `titel`", "31/6 does not exist")
//! must point at its line. These look-ups scan the text for the key as
//! YAML block style writes it; flow style (`{ a: 1 }`) falls back to the
//! parent's line, which is still the right neighbourhood.

/// Line and column (1-based) of a top-level `key:` in `yaml`.
pub fn key(yaml: &str, key: &str) -> Option<(usize, usize)> {
    for (i, line) in yaml.lines().enumerate() {
        if line.starts_with(char::is_whitespace) || line.starts_with('#') {
            continue;
        }
        let name = line.split(':').next().unwrap_or("").trim();
        let name = name.trim_matches(|c| c == '"' || c == '\'');
        if name == key {
            return Some((i + 1, 1));
        }
    }
    None
}

/// Line and column (1-based) of the value of a top-level `key:` (the first
/// character after the colon and spaces), for messages about the value.
pub fn value(yaml: &str, key_name: &str) -> Option<(usize, usize)> {
    let (line, _) = key(yaml, key_name)?;
    let text = yaml.lines().nth(line - 1)?;
    let colon = text.find(':')?;
    let rest = &text[colon + 1..];
    let skipped = rest.len() - rest.trim_start().len();
    let col = text[..colon + 1 + skipped].chars().count() + 1;
    Some((line, col))
}

/// Line and column of item `index` (0-based) of the top-level list `key`.
/// Handles block lists (`- a`) and flow lists on the key's line (`[a, b]`).
pub fn item(yaml: &str, key_name: &str, index: usize) -> Option<(usize, usize)> {
    let (kline, _) = key(yaml, key_name)?;
    let mut seen = 0;
    for (i, line) in yaml.lines().enumerate().skip(kline) {
        if !line.starts_with(char::is_whitespace)
            && !line.starts_with('-')
            && !line.trim().is_empty()
        {
            break;
        }
        let trimmed = line.trim_start();
        if let Some(rest) = trimmed.strip_prefix('-') {
            if rest.is_empty() || rest.starts_with(char::is_whitespace) {
                if seen == index {
                    let col = line.len() - trimmed.len() + 1;
                    return Some((i + 1, col));
                }
                seen += 1;
            }
        }
    }
    Some((kline, 1))
}

/// The closest candidate to `word`, when it is close enough to be a typo.
pub fn suggest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let lower = word.to_lowercase();
    candidates
        .iter()
        .map(|c| (strsim::damerau_levenshtein(&lower, c), *c))
        .filter(|(d, c)| *d <= 2.max(c.len() / 3))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    const FM: &str =
        "title: x\nbasis:\n  - a\n  - { number: b }\n# c\ncampaigns: [x, y]\nnumber: 1\n";

    #[test]
    fn finds_keys_and_items() {
        assert_eq!(key(FM, "title"), Some((1, 1)));
        assert_eq!(key(FM, "number"), Some((7, 1)));
        assert_eq!(key(FM, "nope"), None);
        assert_eq!(value(FM, "number"), Some((7, 9)));
        assert_eq!(item(FM, "basis", 0), Some((3, 3)));
        assert_eq!(item(FM, "basis", 1), Some((4, 3)));
        assert_eq!(item(FM, "campaigns", 1), Some((6, 1)));
    }

    #[test]
    fn suggests_typos_only() {
        let keys = ["title", "number", "issuer", "jurisdiction"];
        assert_eq!(suggest("titel", &keys), Some("title"));
        assert_eq!(suggest("Issuer", &keys), Some("issuer"));
        assert_eq!(suggest("jurisdicton", &keys), Some("jurisdiction"));
        assert_eq!(suggest("colour", &keys), None);
    }
}
