//! A document's Markdown body, held in memory or left in its file.
//!
//! Bodies are most of a corpus's bytes (7 KB of a plan's 11 KB in memory), yet
//! only rendering reads them, once each. `build` therefore releases each body
//! right after parsing its file and reads it again just before rendering the
//! page; peak memory then no longer grows with the text of the whole corpus.
//! `serve` and `check` keep bodies: serve re-renders pages from memory.

use std::borrow::Cow;
use std::io::Read;
use std::path::Path;
use std::time::SystemTime;

use anyhow::{bail, Context, Result};

/// The body of one content file.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Body {
    /// None once released.
    text: Option<String>,
    /// Byte offset of the body in its file.
    offset: usize,
    len: usize,
    /// The file as parsed, to notice an edit made while a build runs.
    stamp: Option<Stamp>,
}

/// Length and modification time of a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Stamp {
    pub len: u64,
    pub modified: Option<SystemTime>,
}

impl Stamp {
    pub fn of(meta: &std::fs::Metadata) -> Stamp {
        Stamp {
            len: meta.len(),
            modified: meta.modified().ok(),
        }
    }
}

impl Default for Body {
    /// No text (a stub's body).
    fn default() -> Body {
        Body::new("", 0)
    }
}

impl Body {
    /// A body kept in memory: `text` starts `offset` bytes into its file's
    /// text as [`super::front_matter::normalize`] returns it, and has had
    /// [`super::controls::replace_bad`] applied.
    pub fn new(text: &str, offset: usize) -> Body {
        Body {
            text: Some(text.to_string()),
            offset,
            len: text.len(),
            stamp: None,
        }
    }

    /// Drops the text; [`Body::read`] then reads it from `stamp`'s file.
    pub fn release(&mut self, stamp: Stamp) {
        self.text = None;
        self.stamp = Some(stamp);
    }

    /// The text if it is held in memory.
    pub fn get(&self) -> Option<&str> {
        self.text.as_deref()
    }

    /// The text: borrowed when held, else read from `file` (the document's
    /// path joined to the site root). Fails if the file changed since it was parsed.
    pub fn read(&self, file: &Path) -> Result<Cow<'_, str>> {
        if let Some(t) = &self.text {
            return Ok(Cow::Borrowed(t));
        }
        let changed = || {
            format!(
                "`{}` changed while the site was being built; build again",
                file.display()
            )
        };
        let (bytes, stamp) =
            read_stamped(file).with_context(|| format!("cannot read `{}`", file.display()))?;
        if self.stamp != Some(stamp) {
            bail!(changed());
        }
        let Ok(text) = crate::text::utf8(bytes) else {
            bail!(changed());
        };
        let mut text = match super::front_matter::normalize(&text) {
            Cow::Borrowed(t) if t.len() == text.len() => text,
            t => t.into_owned(),
        };
        // The body runs to the end of the file: cut the front matter off in
        // place; then the same cleaning as parsing (which `len` counts after).
        if text.len() < self.offset || !text.is_char_boundary(self.offset) {
            bail!(changed());
        }
        text.drain(..self.offset);
        if let (Cow::Owned(clean), _) = super::controls::replace_bad(&text) {
            text = clean;
        }
        if text.len() != self.len {
            bail!(changed());
        }
        Ok(Cow::Owned(text))
    }
}

/// A file's bytes and the length and time they had when read (from the open
/// file, so the two always describe the same version). Parsing and the
/// re-read before rendering both use it, so their stamps compare.
pub(super) fn read_stamped(path: &Path) -> std::io::Result<(Vec<u8>, Stamp)> {
    let mut f = std::fs::File::open(path)?;
    let meta = f.metadata()?;
    // Read into a buffer of the size the metadata gave (and a spare byte that
    // only a file grown since fills): `read_to_end` would ask for the metadata
    // and the position again, two more system calls per read.
    let mut bytes = vec![0; meta.len() as usize + 1];
    let mut n = 0;
    loop {
        if n == bytes.len() {
            bytes.resize(n * 2, 0);
        }
        match f.read(&mut bytes[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    bytes.truncate(n);
    Ok((bytes, Stamp::of(&meta)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_released_body_is_read_back_from_its_file() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.md");
        // A BOM and CRLF line ends: offsets count in the normalized text.
        std::fs::write(
            &file,
            "\u{feff}---\r\ntitle: A\r\n---\r\nThân bài có dấu.\r\n",
        )
        .unwrap();
        let text = "---\ntitle: A\n---\nThân bài có dấu.\n";
        let offset = text.find("Thân").unwrap();
        let mut body = Body::new(&text[offset..], offset);
        assert_eq!(body.read(&file).unwrap(), "Thân bài có dấu.\n");
        body.release(Stamp::of(&std::fs::metadata(&file).unwrap()));
        assert_eq!(body.get(), None);
        assert_eq!(body.read(&file).unwrap(), "Thân bài có dấu.\n");
    }

    #[test]
    fn a_released_body_is_cleaned_of_controls_as_parsing_cleaned_it() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.md");
        std::fs::write(&file, "---\ntitle: A\n---\nx\u{1b}y\u{ffff}\n").unwrap();
        let mut body = Body::new("x\u{fffd}y\u{fffd}\n", 17);
        body.release(Stamp::of(&std::fs::metadata(&file).unwrap()));
        assert_eq!(body.read(&file).unwrap(), "x\u{fffd}y\u{fffd}\n");
    }

    #[test]
    fn an_edit_during_the_build_is_an_error_not_a_garbled_page() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.md");
        std::fs::write(&file, "---\ntitle: A\n---\nbody\n").unwrap();
        let mut body = Body::new("body\n", 17);
        body.release(Stamp::of(&std::fs::metadata(&file).unwrap()));
        std::fs::write(&file, "---\ntitle: A longer title\n---\nbody\n").unwrap();
        let err = body.read(&file).unwrap_err().to_string();
        assert!(
            err.contains("changed while the site was being built"),
            "{err}"
        );
        std::fs::remove_file(&file).unwrap();
        assert!(body.read(&file).is_err());
    }
}
