//! The ingest entry points: format detection and dispatch.

use std::path::Path;

use accord_core::{Document, Format};
use sha2::{Digest, Sha256};

use crate::builder::DocBuilder;
use crate::decode::{clean_chars, decode};
use crate::html::HtmlPatterns;
use crate::inline::MarkerPatterns;
use crate::repairs::Repairs;
use crate::text::TextPatterns;
use crate::{Config, Error, Result, html, markdown, text};

/// The ingest stage, built once from a [`Config`] and applied to many files (from many threads:
/// it is `Send + Sync` and holds only compiled patterns).
#[derive(Debug, Clone)]
pub struct Ingester {
    max_file_bytes: u64,
    markers: MarkerPatterns,
    text: TextPatterns,
    html: HtmlPatterns,
}

impl Ingester {
    /// Compiles the patterns ingest uses.
    ///
    /// # Errors
    /// [`Error::InvalidConfig`] when `max_file_bytes` is 0.
    pub fn new(config: &Config) -> Result<Ingester> {
        if config.max_file_bytes == 0 {
            return Err(Error::InvalidConfig {
                message: "max_file_bytes must be above 0".to_owned(),
            });
        }
        let invalid = |e: regex::Error| Error::InvalidConfig {
            message: format!("built-in pattern: {e}"),
        };
        Ok(Ingester {
            max_file_bytes: config.max_file_bytes,
            markers: MarkerPatterns::new().map_err(invalid)?,
            text: TextPatterns::new().map_err(invalid)?,
            html: HtmlPatterns::new().map_err(invalid)?,
        })
    }

    /// Turns the bytes of one file into a [`Document`].
    ///
    /// `rel_path`: path relative to the corpus root, `/`-separated, with extension; the
    /// extension selects the format (`.txt`, `.md`/`.markdown`, `.html`/`.htm`; `.pdf` and
    /// `.docx` are recognised but not supported yet).
    ///
    /// # Errors
    /// Bad input, never a panic: [`Error::UnknownFormat`], [`Error::Unsupported`],
    /// [`Error::TooLarge`], [`Error::Empty`], [`Error::Binary`].
    pub fn ingest_bytes(&self, rel_path: &str, bytes: &[u8]) -> Result<Document> {
        let format = detect_format(rel_path)?;
        let size = bytes.len() as u64;
        if size > self.max_file_bytes {
            return Err(Error::TooLarge {
                path: rel_path.to_owned(),
                size,
                limit: self.max_file_bytes,
            });
        }
        let sha256 = hex(&Sha256::digest(bytes));
        let mut repairs = Repairs::default();
        let decoded = decode(rel_path, bytes, &mut repairs)?;
        let builder = match format {
            Format::Text => {
                let source = clean_chars(&decoded, &mut repairs);
                drop(decoded);
                text::ingest(&source, &self.text, &self.markers, DocBuilder::new(repairs))
            }
            Format::Markdown => markdown::ingest(&decoded, DocBuilder::new(repairs)),
            Format::Html => html::ingest(&decoded, &self.html, DocBuilder::new(repairs)),
            Format::Pdf | Format::Docx => {
                return Err(Error::Unsupported {
                    path: rel_path.to_owned(),
                    format,
                });
            }
        };
        if builder.len() == 0 {
            return Err(Error::Empty {
                path: rel_path.to_owned(),
            });
        }
        let doc = builder.finish(doc_id_for(rel_path), rel_path.to_owned(), format, sha256);
        tracing::debug!(
            path = rel_path,
            blocks = doc.blocks.len(),
            notes = doc.notes.len(),
            warnings = doc.warnings.len(),
            "Ingested document."
        );
        Ok(doc)
    }

    /// Reads `root.join(rel_path)` and calls [`Ingester::ingest_bytes`]. The size limit is
    /// checked before the file is read.
    ///
    /// # Errors
    /// [`Error::Io`] when the file cannot be read, and every error of
    /// [`Ingester::ingest_bytes`].
    pub fn ingest_file(&self, root: &Path, rel_path: &str) -> Result<Document> {
        let format = detect_format(rel_path)?;
        let full = root.join(rel_path);
        let io = |source| Error::Io {
            path: rel_path.to_owned(),
            source,
        };
        let size = fs_err::metadata(&full).map_err(io)?.len();
        if size > self.max_file_bytes {
            return Err(Error::TooLarge {
                path: rel_path.to_owned(),
                size,
                limit: self.max_file_bytes,
            });
        }
        if matches!(format, Format::Pdf | Format::Docx) {
            return Err(Error::Unsupported {
                path: rel_path.to_owned(),
                format,
            });
        }
        let bytes = fs_err::read(&full).map_err(io)?;
        self.ingest_bytes(rel_path, &bytes)
    }
}

/// The `doc_id` of a file: its path relative to the corpus root without the extension,
/// `/`-separated (`reports/crs/merida.txt` → `reports/crs/merida`). Backslashes are read as
/// separators; a leading `./` is dropped.
pub fn doc_id_for(rel_path: &str) -> String {
    let path = rel_path.replace('\\', "/");
    let path = path.trim_start_matches("./");
    let name_start = path.rfind('/').map_or(0, |i| i + 1);
    match path[name_start..].rfind('.') {
        Some(dot) if dot > 0 => path[..name_start + dot].to_owned(),
        _ => path.to_owned(),
    }
}

fn detect_format(rel_path: &str) -> Result<Format> {
    let name = rel_path.rsplit(['/', '\\']).next().unwrap_or(rel_path);
    let extension = match name.rfind('.') {
        Some(dot) if dot > 0 => name[dot + 1..].to_ascii_lowercase(),
        _ => String::new(),
    };
    match extension.as_str() {
        "txt" | "text" => Ok(Format::Text),
        "md" | "markdown" => Ok(Format::Markdown),
        "html" | "htm" | "xhtml" => Ok(Format::Html),
        "pdf" => Ok(Format::Pdf),
        "docx" => Ok(Format::Docx),
        _ => Err(Error::UnknownFormat {
            path: rel_path.to_owned(),
            extension,
        }),
    }
}

fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for &b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 0x0F)]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ingester_is_shared_between_threads() {
        fn send_sync<T: Send + Sync>() {}
        send_sync::<Ingester>();
    }

    #[test]
    fn doc_ids() {
        assert_eq!(
            doc_id_for("seed/hristoulas-2010.txt"),
            "seed/hristoulas-2010"
        );
        assert_eq!(doc_id_for("a/b.c/report.v2.html"), "a/b.c/report.v2");
        assert_eq!(doc_id_for("./notes"), "notes");
        assert_eq!(doc_id_for("dir\\x.md"), "dir/x");
        assert_eq!(doc_id_for(".hidden"), ".hidden");
    }

    #[test]
    fn formats_and_refusals() {
        let ingester = Ingester::new(&Config::default()).unwrap();
        let err = ingester
            .ingest_bytes("a/report.pdf", b"%PDF-1.7")
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "a/report.pdf: PDF input is not supported yet"
        );
        let err = ingester.ingest_bytes("memo.docx", b"PK").unwrap_err();
        assert_eq!(
            err.to_string(),
            "memo.docx: DOCX input is not supported yet"
        );
        let err = ingester.ingest_bytes("data.csv", b"a,b").unwrap_err();
        assert!(matches!(err, Error::UnknownFormat { ref extension, .. } if extension == "csv"));
        assert!(err.to_string().starts_with("data.csv: unknown file type"));
        let small = Ingester::new(&Config { max_file_bytes: 3 }).unwrap();
        let err = small.ingest_bytes("a.txt", b"abcd").unwrap_err();
        assert_eq!(
            err.to_string(),
            "a.txt: file is too large (4 bytes; the limit is 3 bytes)"
        );
        assert!(Ingester::new(&Config { max_file_bytes: 0 }).is_err());
    }

    #[test]
    fn sha256_is_lowercase_hex_of_the_bytes() {
        let ingester = Ingester::new(&Config::default()).unwrap();
        let doc = ingester.ingest_bytes("a.txt", b"abc").unwrap();
        assert_eq!(
            doc.sha256,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn reads_files_and_names_missing_ones() {
        let dir = std::env::temp_dir().join(format!("accord-ingest-{}", std::process::id()));
        fs_err::create_dir_all(dir.join("sub")).unwrap();
        fs_err::write(dir.join("sub/note.txt"), "Title\n\nSome text here.").unwrap();
        let ingester = Ingester::new(&Config::default()).unwrap();
        let doc = ingester.ingest_file(&dir, "sub/note.txt").unwrap();
        assert_eq!(doc.doc_id, "sub/note");
        let err = ingester.ingest_file(&dir, "sub/missing.txt").unwrap_err();
        assert!(err.to_string().contains("sub/missing.txt"));
        let small = Ingester::new(&Config { max_file_bytes: 5 }).unwrap();
        assert!(matches!(
            small.ingest_file(&dir, "sub/note.txt"),
            Err(Error::TooLarge { size: 22, .. })
        ));
        fs_err::remove_dir_all(&dir).unwrap();
    }
}
