//! Inputs: a signed plan as `.txt`, `.docx` or `.pdf`, turned into one UTF-8 string.
//!
//! This module owns everything about bytes and file formats so that the rest
//! of `import` only ever sees text. It refuses what it cannot read with a
//! message an officer can act on (empty file, binary file, legacy Vietnamese
//! encodings, a PDF without a text layer) instead of importing mojibake.

use std::io::Read as _;
use std::path::Path;
use std::process::Command;

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, WINDOWS_1252, WINDOWS_1258};
use unicode_normalization::UnicodeNormalization;

/// Why a file could not be read; `message` is the diagnostic, `help` says what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    pub message: String,
    pub help: String,
}

fn fail(message: impl Into<String>, help: impl Into<String>) -> ReadError {
    ReadError {
        message: message.into(),
        help: help.into(),
    }
}

/// What came out of a file, and how its lines should be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub text: String,
    /// True when every line is a whole paragraph (Word files): never rejoin lines.
    pub paragraphs: bool,
    /// A note for the report when the text needed conversion (e.g. "Windows-1258").
    pub encoding_note: Option<String>,
}

/// Reads one input file by its extension.
pub fn read(path: &Path) -> Result<Input, ReadError> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    match ext.as_str() {
        "txt" | "text" | "md" => {
            let bytes = std::fs::read(path)
                .map_err(|e| fail(format!("cannot read the file: {e}"), "check the path"))?;
            let (text, note) = decode_text(&bytes)?;
            Ok(Input {
                text: limit_text(text)?,
                paragraphs: false,
                encoding_note: note,
            })
        }
        "docx" => {
            let file = std::fs::File::open(path)
                .map_err(|e| fail(format!("cannot read the file: {e}"), "check the path"))?;
            let text = docx_text(file)?;
            Ok(Input {
                text: non_empty(text)?,
                paragraphs: true,
                encoding_note: None,
            })
        }
        "pdf" => Ok(Input {
            text: limit_text(pdf_text(path)?)?,
            paragraphs: false,
            encoding_note: None,
        }),
        "doc" => Err(fail(
            "old Word .doc files cannot be read",
            "open it in Word or LibreOffice and save it as .docx, then import the .docx",
        )),
        _ => Err(fail(
            format!("cannot import a `.{ext}` file"),
            "import a .txt (extracted text), .docx or .pdf with a text layer",
        )),
    }
}

fn non_empty(text: String) -> Result<String, ReadError> {
    if text.trim().is_empty() {
        return Err(fail(
            "the file has no text",
            "check that it is the signed plan and not an empty export",
        ));
    }
    Ok(text)
}

/// Decodes a text file: UTF-8 (with or without BOM), UTF-16 with BOM, or
/// Windows-1258; TCVN3 and VNI are recognised and refused with the fix.
pub fn decode_text(bytes: &[u8]) -> Result<(String, Option<String>), ReadError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(fail(
            "the file is empty",
            "export the plan's text again, or import the .docx or .pdf itself",
        ));
    }
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        if enc == UTF_16LE || enc == UTF_16BE {
            let (text, _, _) = enc.decode(&bytes[bom_len..]);
            return Ok((non_empty(text.nfc().collect())?, Some(enc.name().into())));
        }
    }
    if looks_binary(bytes) {
        return Err(fail(
            "this is not a text file (it holds binary data)",
            "import the original .docx or .pdf, or extract its text first",
        ));
    }
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Ok(s) = std::str::from_utf8(body) {
        return Ok((non_empty(s.nfc().collect())?, None));
    }
    match legacy_encoding(body) {
        Some(name) => Err(fail(
            format!("the text is in the old {name} encoding, not Unicode"),
            format!("convert it to Unicode first (UniKey: Công cụ chuyển mã, from {name} to Unicode), save as UTF-8 and import again"),
        )),
        None => {
            let (text, _, had_errors) = WINDOWS_1258.decode(body);
            let text: String = text.nfc().collect();
            if had_errors || vietnamese_score(&text) < 0.02 {
                return Err(fail(
                    "the text is not UTF-8 and does not read as Windows-1258 Vietnamese either",
                    "save the text as UTF-8 (Unicode) and import again",
                ));
            }
            Ok((non_empty(text)?, Some("Windows-1258".into())))
        }
    }
}

/// NUL bytes, or many control characters, mean this is not text at all.
fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    if sample.contains(&0) {
        return true;
    }
    let control = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C))
        .count();
    control * 20 > sample.len()
}

/// Share of letters that only Vietnamese uses (ư, ơ, đ, ă and tone-marked
/// vowels): well above zero for any real Vietnamese prose.
fn vietnamese_score(text: &str) -> f64 {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count().max(1);
    let viet = text
        .chars()
        .filter(|c| {
            let c = c.to_lowercase().next().unwrap_or(*c);
            "ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ".contains(c)
        })
        .count();
    viet as f64 / letters as f64
}

/// Recognises TCVN3 (ABC) and VNI text by the byte pairs they leave in common
/// words: both are 8-bit fonts, so the bytes are valid Windows-1252 but read
/// as nonsense ("c¸c", "®­îc" in TCVN3; "caùc", "ñöôïc" in VNI).
pub fn legacy_encoding(bytes: &[u8]) -> Option<&'static str> {
    let (text, _, _) = WINDOWS_1252.decode(bytes);
    let words = text.split_whitespace().count().max(1) as f64;
    let count = |needles: &[&str]| -> f64 {
        needles
            .iter()
            .map(|n| text.matches(n).count())
            .sum::<usize>() as f64
    };
    // TCVN3: đ is 0xAE (®), ư 0xAD (soft hyphen), á 0xB8 (¸), à 0xB5 (µ), ơ 0xAC (¬).
    let tcvn3 = count(&["®", "\u{AD}", "¸", "µ", "¬"]);
    // VNI: base letter then a tone/shape byte: aø aù aû aõ aï, eâ oâ, ö (ư), ñ (đ).
    let vni = count(&[
        "aø", "aù", "aû", "aõ", "aï", "eâ", "oâ", "öô", "ñ", "ôû", "ieä",
    ]);
    if tcvn3 / words > 0.05 && tcvn3 >= vni {
        Some("TCVN3 (ABC)")
    } else if vni / words > 0.05 {
        Some("VNI")
    } else {
        None
    }
}

/// Paragraph text of a Word file: one line per `w:p`, `w:tab` as a tab,
/// `w:br`/`w:cr` as a line break, table cells as their own paragraphs.
pub fn docx_text<R: std::io::Read + std::io::Seek>(reader: R) -> Result<String, ReadError> {
    docx_text_max(reader, XML_MAX)
}

fn docx_text_max<R: std::io::Read + std::io::Seek>(
    reader: R,
    xml_max: u64,
) -> Result<String, ReadError> {
    let not_docx = |why: String| {
        fail(
            format!("this is not a Word .docx file ({why})"),
            "open it in Word or LibreOffice and save it as .docx, or import its text as .txt",
        )
    };
    let mut zip = zip::ZipArchive::new(reader).map_err(|e| not_docx(e.to_string()))?;
    let entry = zip
        .by_name("word/document.xml")
        .map_err(|_| not_docx("no word/document.xml inside".into()))?;
    // A zip bomb declares (or, lying, decompresses to) gigabytes: stop reading
    // past the limit instead of trusting the declared size alone.
    if entry.size() > xml_max {
        return Err(too_big_xml());
    }
    let mut xml = String::new();
    entry
        .take(xml_max + 1)
        .read_to_string(&mut xml)
        .map_err(|e| not_docx(format!("word/document.xml is unreadable: {e}")))?;
    if xml.len() as u64 > xml_max {
        return Err(too_big_xml());
    }
    let text = paragraphs_from_xml(&xml).map_err(not_docx)?;
    limit_text(text)
}

/// Bytes of `word/document.xml` a .docx may unpack to: a 300-page plan is a
/// few megabytes.
pub const XML_MAX: u64 = 50 << 20;

/// Bytes of text an import may yield, whatever the format: ten times the
/// longest real plan.
pub const TEXT_MAX: usize = 20 << 20;

fn too_big_xml() -> ReadError {
    fail(
        format!(
            "tệp .docx giải nén ra hơn {} MB (word/document.xml): tệp hỏng hoặc là \
             \"bom nén\", không phải một kế hoạch",
            XML_MAX >> 20
        ),
        "mở tệp trong Word hoặc LibreOffice và lưu lại thành .docx, hoặc nhập bản .pdf/.txt",
    )
}

/// Refuses text longer than [`TEXT_MAX`].
fn limit_text(text: String) -> Result<String, ReadError> {
    if text.len() > TEXT_MAX {
        return Err(fail(
            format!(
                "văn bản trích ra dài hơn {} MB: quá dài cho một kế hoạch",
                TEXT_MAX >> 20
            ),
            "tách tệp thành từng kế hoạch rồi nhập từng tệp",
        ));
    }
    Ok(text)
}

fn paragraphs_from_xml(xml: &str) -> Result<String, String> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out = String::new();
    let mut in_text = false;
    loop {
        match reader.read_event().map_err(|e| e.to_string())? {
            Event::Start(e) if e.local_name().as_ref() == b"t" => in_text = true,
            Event::End(e) => match e.local_name().as_ref() {
                b"t" => in_text = false,
                b"p" => out.push('\n'),
                _ => {}
            },
            Event::Empty(e) => match e.local_name().as_ref() {
                b"tab" => out.push('\t'),
                b"br" | b"cr" => out.push('\n'),
                b"p" => out.push('\n'),
                _ => {}
            },
            Event::Text(t) if in_text => {
                out.push_str(&t.unescape().map_err(|e| e.to_string())?);
            }
            Event::CData(t) if in_text => out.push_str(&String::from_utf8_lossy(&t)),
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out.nfc().collect())
}

/// Text of a PDF through poppler's `pdftotext` (reading order, not layout:
/// the two-column header comes out as separate lines, which `header` expects).
fn pdf_text(path: &Path) -> Result<String, ReadError> {
    let output = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(path)
        .arg("-")
        .output();
    let output = match output {
        Ok(o) => o,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(fail(
                "reading a PDF needs poppler's `pdftotext`, which is not installed",
                "install poppler-utils (apt-get install poppler-utils), or save the PDF's text as .txt and import that",
            ))
        }
        Err(e) => return Err(fail(format!("could not run pdftotext: {e}"), "check the poppler installation")),
    };
    if !output.status.success() {
        let why = String::from_utf8_lossy(&output.stderr);
        return Err(fail(
            format!("pdftotext could not read the PDF: {}", why.trim()),
            "check that the file is a complete, unencrypted PDF",
        ));
    }
    let text = String::from_utf8_lossy(&output.stdout);
    if text.trim().is_empty() {
        return Err(fail(
            "the PDF has no text layer (it is a scan): it needs OCR first",
            "run OCR on it (e.g. `ocrmypdf -l vie in.pdf out.pdf`) and import the result",
        ));
    }
    Ok(text.nfc().collect())
}

#[cfg(test)]
mod limit_tests {
    use super::*;

    /// A .docx whose document.xml is `paragraphs` paragraphs of 'a's.
    fn docx(paragraphs: usize) -> Vec<u8> {
        use std::io::Write as _;
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        zip.start_file("word/document.xml", opts).unwrap();
        zip.write_all(b"<w:document><w:body>").unwrap();
        let p = format!("<w:p><w:r><w:t>{}</w:t></w:r></w:p>", "a".repeat(1000));
        for _ in 0..paragraphs {
            zip.write_all(p.as_bytes()).unwrap();
        }
        zip.write_all(b"</w:body></w:document>").unwrap();
        zip.finish().unwrap().into_inner()
    }

    #[test]
    fn a_docx_unpacking_past_the_limit_is_refused() {
        let bomb = docx(2_000); // about 2 MB of XML in a few kilobytes
        assert!(bomb.len() < 100_000, "{} bytes", bomb.len());
        let e = docx_text_max(std::io::Cursor::new(&bomb), 1 << 20).unwrap_err();
        assert!(e.message.contains("giải nén ra hơn"), "{e:?}");
        let ok = docx_text_max(std::io::Cursor::new(&bomb), 4 << 20).unwrap();
        assert_eq!(ok.lines().count(), 2_000);
    }

    #[test]
    fn text_past_the_limit_is_refused() {
        assert!(limit_text("a".repeat(TEXT_MAX)).is_ok());
        let e = limit_text("a".repeat(TEXT_MAX + 1)).unwrap_err();
        assert!(e.message.contains("dài hơn 20 MB"), "{e:?}");
    }
}
