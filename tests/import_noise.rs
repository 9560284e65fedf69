//! `import` on scanned copies of the three source plans: the same front
//! matter as from the clean text, whatever the OCR noise (tests/noise/).
//!
//! Prints, for the record, per plan and variant: the fields right, the
//! references found against the clean parse, and every correction of the
//! OCR-noise layer that did not restore what the generator changed.

mod noise;

use planportal::import::draft::{draft, Draft};
use planportal::import::ocr;
use planportal::legal::cite;
use unicode_normalization::UnicodeNormalization;

const PLANS: [(&str, &str); 3] = [
    (
        "000_9c05351126cb82f9.txt",
        include_str!("fixtures/import/source-plans/000_9c05351126cb82f9.txt"),
    ),
    (
        "002_88539dc2305d8e22.txt",
        include_str!("fixtures/import/source-plans/002_88539dc2305d8e22.txt"),
    ),
    (
        "003_a490ef5cca20fb50.txt",
        include_str!("fixtures/import/source-plans/003_a490ef5cca20fb50.txt"),
    ),
];

const VARIANTS: u64 = 10;

fn fields(d: &Draft) -> Vec<(&'static str, String)> {
    let f = &d.front;
    vec![
        ("title", f.title.clone()),
        ("number", format!("{:?}", f.number)),
        ("issuer", format!("{:?}", f.issuer)),
        ("jurisdiction", format!("{:?}", f.jurisdiction)),
        ("date", format!("{:?}", f.date)),
        ("signer", format!("{:?}", f.signer)),
        ("basis", f.basis.join(" | ")),
        ("campaigns", f.campaigns.join(" | ")),
    ]
}

/// Corrections that do not undo one of the generator's changes.
fn wrong_corrections(d: &Draft, changes: &[(String, String)]) -> Vec<String> {
    let mut left: Vec<(String, String)> = changes.to_vec();
    let mut wrong = Vec::new();
    for c in &d.corrections {
        let to = if c.to.is_empty() { "" } else { c.to.as_str() };
        match left
            .iter()
            .position(|(noisy, clean)| *noisy == c.from && clean == to)
        {
            Some(i) => {
                left.swap_remove(i);
            }
            // A lone "•" inside a line is noise the generator adds as a line of its own.
            None if c.from == "•" && c.to.is_empty() => {}
            None => wrong.push(format!("line {}: {:?} → {:?}", c.line, c.from, c.to)),
        }
    }
    wrong
}

#[test]
fn noised_plans_give_the_clean_front_matter() {
    let mut failures = Vec::new();
    for (pi, (name, text)) in PLANS.iter().enumerate() {
        let clean = draft(text, false, None);
        let want = fields(&clean);
        let want_refs = clean.refs_in_body + clean.refs_in_title;
        assert!(
            clean.corrections.is_empty(),
            "{name}: {:?}",
            clean.corrections
        );
        println!(
            "{name} clean: {} fields, {want_refs} references",
            want.len()
        );
        for v in 1..=VARIANTS {
            let seed = 1000 * (pi as u64 + 1) + v;
            let n = noise::noise(text, seed, noise::Noise::all());
            let d = draft(&n.text, false, None);
            let got = fields(&d);
            let right = got.iter().zip(&want).filter(|(g, w)| g == w).count();
            let refs = d.refs_in_body + d.refs_in_title;
            let wrong = wrong_corrections(&d, &n.changes);
            println!(
                "{name} variant {v} (seed {seed}): fields {right}/{}, references {refs}/{want_refs}, \
                 noise {} changes, {} corrections, {} wrong{}",
                want.len(),
                n.changes.len(),
                d.corrections.len(),
                wrong.len(),
                if wrong.is_empty() {
                    String::new()
                } else {
                    format!(": {}", wrong.join("; "))
                }
            );
            for (g, w) in got.iter().zip(&want) {
                if g != w {
                    failures.push(format!(
                        "{name} seed {seed}: {}: got {:?}, clean {:?}",
                        g.0, g.1, w.1
                    ));
                }
            }
            if refs != want_refs {
                failures.push(format!(
                    "{name} seed {seed}: {refs} references, clean {want_refs}"
                ));
            }
            for w in wrong {
                failures.push(format!("{name} seed {seed}: wrong correction {w}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The citation parser's fixture (src/legal/testdata/source-plan-refs.tsv),
/// on OCR-noised copies of its texts after the noise layer: the same parse.
#[test]
fn noised_fixture_references_parse_the_same() {
    let fixture = include_str!("../src/legal/testdata/source-plan-refs.tsv");
    let sources = [
        (
            "000_9c05351126cb82f9.txt",
            include_str!("../src/legal/testdata/000_9c05351126cb82f9.txt"),
        ),
        (
            "002_88539dc2305d8e22.txt",
            include_str!("../src/legal/testdata/002_88539dc2305d8e22.txt"),
        ),
        (
            "003_a490ef5cca20fb50.txt",
            include_str!("../src/legal/testdata/003_a490ef5cca20fb50.txt"),
        ),
    ];
    let mut total = 0;
    let mut noised_refs = 0;
    for (name, text) in sources {
        let want: Vec<String> = fixture
            .lines()
            .filter(|l| l.starts_with(name))
            .map(|l| l.split('\t').skip(1).collect::<Vec<_>>().join("\t"))
            .collect();
        for seed in 1..=VARIANTS {
            let n = noise::noise(text, seed, noise::Noise::in_line());
            let fixed = ocr::correct(&n.text.nfc().collect::<String>());
            let t = &fixed.text;
            let got: Vec<String> = cite::find_all(t)
                .iter()
                .map(|c| {
                    let line = t[..c.number_span.start].matches('\n').count() + 1;
                    format!(
                        "{line}\t{}\t{}\t{}\t{}",
                        c.number.display,
                        c.date.map(|d| d.to_string()).unwrap_or_default(),
                        c.type_name.as_deref().unwrap_or(""),
                        c.issuer.as_deref().unwrap_or(""),
                    )
                })
                .collect();
            // The noise did reach the references: otherwise the test proves nothing.
            let raw: Vec<String> = cite::find_all(&n.text)
                .iter()
                .map(|c| format!("{:?}{:?}{:?}", c.number.display, c.date, c.issuer))
                .collect();
            let clean: Vec<String> = cite::find_all(&text.nfc().collect::<String>())
                .iter()
                .map(|c| format!("{:?}{:?}{:?}", c.number.display, c.date, c.issuer))
                .collect();
            noised_refs += raw.iter().zip(&clean).filter(|(a, b)| a != b).count()
                + raw.len().abs_diff(clean.len());
            for (i, (g, w)) in got.iter().zip(&want).enumerate() {
                assert_eq!(g, w, "{name} seed {seed}: reference #{} differs", i + 1);
            }
            assert_eq!(got.len(), want.len(), "{name} seed {seed}");
            total += got.len();
        }
    }
    println!("{total} noised references parsed as the fixture says; {noised_refs} of them parse differently without the noise layer");
    assert!(noised_refs > 0, "the noise never touched a reference");
}
