//! The ingest entry points: format detection and dispatch.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
use std::time::Duration;

use accord_core::{Document, Format};
use sha2::{Digest, Sha256};

use crate::builder::DocBuilder;
use crate::deadline::Deadline;
use crate::decode::{clean_chars, decode};
use crate::html::HtmlPatterns;
use crate::inline::MarkerPatterns;
use crate::repairs::Repairs;
use crate::text::TextPatterns;
use crate::{Config, Error, Result, docx, html, markdown, pdf, text};

/// The ingest stage, built once from a [`Config`] and applied to many files (from many threads:
/// it is `Send + Sync` and holds only compiled patterns).
#[derive(Debug, Clone)]
pub struct Ingester {
    max_file_bytes: u64,
    time_budget: Duration,
    markers: MarkerPatterns,
    text: TextPatterns,
    html: HtmlPatterns,
}

impl Ingester {
    /// Compiles the patterns ingest uses.
    ///
    /// # Errors
    /// [`Error::InvalidConfig`] when `max_file_bytes` or `max_seconds_per_document` is 0.
    pub fn new(config: &Config) -> Result<Ingester> {
        if config.max_file_bytes == 0 {
            return Err(Error::InvalidConfig {
                message: "max_file_bytes must be above 0".to_owned(),
            });
        }
        if config.max_seconds_per_document == 0 {
            return Err(Error::InvalidConfig {
                message: "max_seconds_per_document must be above 0".to_owned(),
            });
        }
        let invalid = |e: regex::Error| Error::InvalidConfig {
            message: format!("built-in pattern: {e}"),
        };
        Ok(Ingester {
            max_file_bytes: config.max_file_bytes,
            time_budget: Duration::from_secs(config.max_seconds_per_document),
            markers: MarkerPatterns::new().map_err(invalid)?,
            text: TextPatterns::new().map_err(invalid)?,
            html: HtmlPatterns::new().map_err(invalid)?,
        })
    }

    /// Turns the bytes of one file into a [`Document`].
    ///
    /// `rel_path`: path relative to the corpus root, `/`-separated, with extension. The format
    /// is detected from the content and the extension: bytes that open with `%PDF-` are a PDF
    /// and a zip package holding `word/document.xml` is a DOCX whatever the name says (with a
    /// warning when the name says otherwise); anything else goes by the extension (`.txt`,
    /// `.md`/`.markdown`, `.html`/`.htm`, `.pdf`, `.docx`).
    ///
    /// # Errors
    /// Bad input, never a panic: [`Error::UnknownFormat`], [`Error::TooLarge`],
    /// [`Error::Empty`], [`Error::NoVisibleText`], [`Error::Binary`], [`Error::Pdf`], [`Error::Encrypted`],
    /// [`Error::NoTextLayer`], [`Error::Docx`], [`Error::TimedOut`].
    pub fn ingest_bytes(&self, rel_path: &str, bytes: &[u8]) -> Result<Document> {
        let deadline = Deadline::new(rel_path, self.time_budget);
        let size = bytes.len() as u64;
        if size > self.max_file_bytes {
            return Err(Error::TooLarge {
                path: rel_path.to_owned(),
                size,
                limit: self.max_file_bytes,
            });
        }
        let (format, renamed) = detect_format(rel_path, bytes)?;
        let sha256 = hex(&Sha256::digest(bytes));
        let mut repairs = Repairs::default();
        if let Some(named) = renamed {
            repairs.notes.push(format!(
                "Read as {} because of its content, although its name {named}.",
                format.as_str().to_uppercase()
            ));
        }
        let builder = match format {
            Format::Pdf => {
                let pats = pdf::Patterns {
                    text: &self.text,
                    markers: &self.markers,
                };
                guarded(rel_path, "PDF", || {
                    pdf::ingest(rel_path, bytes, &pats, &deadline, DocBuilder::new(repairs))
                })?
            }
            Format::Docx => guarded(rel_path, "DOCX", || {
                docx::ingest(rel_path, bytes, &deadline, DocBuilder::new(repairs))
            })?,
            Format::Text | Format::Markdown | Format::Html => {
                let decoded = decode(rel_path, bytes, &mut repairs)?;
                deadline.check()?;
                let builder = match format {
                    Format::Text => {
                        let source = clean_chars(&decoded, &mut repairs);
                        drop(decoded);
                        deadline.check()?;
                        text::ingest(&source, &self.text, &self.markers, DocBuilder::new(repairs))
                    }
                    Format::Markdown => markdown::ingest(&decoded, DocBuilder::new(repairs)),
                    _ => html::ingest(&decoded, &self.html, DocBuilder::new(repairs)),
                };
                deadline.check()?;
                builder
            }
        };
        if builder.len() == 0 {
            return Err(match format {
                Format::Html | Format::Markdown => Error::NoVisibleText {
                    path: rel_path.to_owned(),
                    format,
                    bytes: bytes.len(),
                },
                _ => Error::Empty {
                    path: rel_path.to_owned(),
                },
            });
        }
        let doc = builder.finish(doc_id_for(rel_path), rel_path.to_owned(), format, sha256);
        deadline.check()?;
        tracing::debug!(
            path = rel_path,
            blocks = doc.blocks.len(),
            notes = doc.notes.len(),
            warnings = doc.warnings.len(),
            "Ingested document."
        );
        Ok(doc)
    }

    /// Reads `root.join(rel_path)` with [`crate::read_input`] (regular files only, the read
    /// capped at the size limit) and calls [`Ingester::ingest_bytes`].
    ///
    /// # Errors
    /// [`Error::Io`] when the file cannot be read, [`Error::NotRegularFile`], and every error of
    /// [`Ingester::ingest_bytes`].
    pub fn ingest_file(&self, root: &Path, rel_path: &str) -> Result<Document> {
        let bytes = crate::read_input(&root.join(rel_path), rel_path, self.max_file_bytes)?;
        self.ingest_bytes(rel_path, &bytes)
    }

    /// The size limit in bytes ([`Config::max_file_bytes`]).
    pub fn max_file_bytes(&self) -> u64 {
        self.max_file_bytes
    }

    /// The same ingester with another time budget (tests of the budget).
    #[cfg(test)]
    pub(crate) fn with_time_budget(mut self, budget: Duration) -> Self {
        self.time_budget = budget;
        self
    }
}

/// Runs a binary-format reader, turning a panic inside it (or inside the parser it calls)
/// into an error about the file: one malformed file must not take the run down.
fn guarded<T>(path: &str, what: &str, read: impl FnOnce() -> Result<T>) -> Result<T> {
    catch_unwind(AssertUnwindSafe(read)).unwrap_or_else(|_| {
        let reason = "the reader failed on malformed content".to_owned();
        Err(if what == "PDF" {
            Error::Pdf {
                path: path.to_owned(),
                reason,
            }
        } else {
            Error::Docx {
                path: path.to_owned(),
                reason,
            }
        })
    })
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

/// Unique `doc_id`s for the inputs `rel_paths` of one run, in the same order: [`doc_id_for`]
/// (the path without its extension), except where two or more inputs share that id
/// (`report.pdf` and `report.docx`): those keep their whole path, extension included
/// (`report.pdf`, `report.docx`), and are flagged `true`.
///
/// Two identical paths still give the same id; the caller refuses the repeat.
pub fn unique_doc_ids(rel_paths: &[&str]) -> Vec<(String, bool)> {
    let stems: Vec<String> = rel_paths.iter().map(|p| doc_id_for(p)).collect();
    let mut count: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for stem in &stems {
        *count.entry(stem.as_str()).or_default() += 1;
    }
    let shared: Vec<bool> = stems.iter().map(|s| count[s.as_str()] > 1).collect();
    rel_paths
        .iter()
        .zip(stems.iter().zip(shared))
        .map(|(path, (stem, shared))| {
            if shared {
                let path = path.replace('\\', "/");
                (path.trim_start_matches("./").to_owned(), true)
            } else {
                (stem.clone(), false)
            }
        })
        .collect()
}

/// The format of a file by content and extension, and the extension's format when the
/// content overrides it (a PDF named `.txt`).
fn detect_format(rel_path: &str, bytes: &[u8]) -> Result<(Format, Option<String>)> {
    let name = rel_path.rsplit(['/', '\\']).next().unwrap_or(rel_path);
    let extension = match name.rfind('.') {
        Some(dot) if dot > 0 => name[dot + 1..].to_ascii_lowercase(),
        _ => String::new(),
    };
    let by_name = match extension.as_str() {
        "txt" | "text" => Some(Format::Text),
        "md" | "markdown" => Some(Format::Markdown),
        "html" | "htm" | "xhtml" => Some(Format::Html),
        "pdf" => Some(Format::Pdf),
        "docx" => Some(Format::Docx),
        _ => None,
    };
    let head = &bytes[..bytes.len().min(1024)];
    let by_content = if head.windows(5).any(|w| w == b"%PDF-") {
        Some(Format::Pdf)
    } else if bytes.starts_with(b"PK\x03\x04")
        && bytes.windows(17).any(|w| w == b"word/document.xml")
    {
        Some(Format::Docx)
    } else if looks_like_html(head) {
        Some(Format::Html)
    } else {
        None
    };
    match (by_content, by_name) {
        (Some(content), Some(named)) if content != named => {
            Ok((content, Some(format!("ends in .{extension}"))))
        }
        (Some(content), None) if extension.is_empty() => {
            Ok((content, Some("has no extension".to_owned())))
        }
        (Some(content), None) => Ok((content, Some(format!("ends in .{extension}")))),
        (Some(format), Some(_)) | (None, Some(format)) => Ok((format, None)),
        (None, None) => Err(Error::UnknownFormat {
            path: rel_path.to_owned(),
            extension,
        }),
    }
}

/// True when a text opens (after white space, a byte-order mark and comments) with an HTML
/// document start: `<!DOCTYPE html`, `<html`, `<head` or `<body`, in any case. A Markdown
/// or text file that merely contains some tags does not qualify.
fn looks_like_html(head: &[u8]) -> bool {
    let mut rest = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    loop {
        rest = rest.trim_ascii_start();
        if rest.starts_with(b"<!--") {
            match rest.windows(3).position(|w| w == b"-->") {
                Some(end) => rest = &rest[end + 3..],
                None => return false,
            }
        } else if rest.starts_with(b"<?xml") {
            match rest.windows(2).position(|w| w == b"?>") {
                Some(end) => rest = &rest[end + 2..],
                None => return false,
            }
        } else {
            break;
        }
    }
    let lower: Vec<u8> = rest.iter().take(14).map(u8::to_ascii_lowercase).collect();
    [&b"<!doctype html"[..], b"<html", b"<head", b"<body"]
        .iter()
        .any(|start| {
            lower.starts_with(start)
                && lower
                    .get(start.len())
                    .is_none_or(|c| !c.is_ascii_alphanumeric())
        })
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
    fn shared_stems_keep_their_extension() {
        let ids = unique_doc_ids(&[
            "a/report.pdf",
            "a/report.docx",
            "a/other.txt",
            "b/report.md",
        ]);
        assert_eq!(
            ids,
            [
                ("a/report.pdf".to_owned(), true),
                ("a/report.docx".to_owned(), true),
                ("a/other".to_owned(), false),
                ("b/report".to_owned(), false),
            ]
        );
    }

    fn config(max_file_bytes: u64) -> Config {
        Config {
            max_file_bytes,
            ..Config::default()
        }
    }

    #[test]
    fn formats_and_refusals() {
        let ingester = Ingester::new(&Config::default()).unwrap();
        let err = ingester
            .ingest_bytes("a/report.pdf", b"%PDF-1.7")
            .unwrap_err();
        assert!(matches!(err, Error::Pdf { .. }), "{err}");
        assert!(err.to_string().starts_with("a/report.pdf: cannot read PDF"));
        let err = ingester
            .ingest_bytes("a/report.pdf", b"Plain text.")
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "a/report.pdf: cannot read PDF (no %PDF- header: not a PDF file)"
        );
        let err = ingester.ingest_bytes("memo.docx", b"PK").unwrap_err();
        assert!(matches!(err, Error::Docx { .. }), "{err}");
        assert!(
            err.to_string()
                .starts_with("memo.docx: cannot read DOCX (not a zip archive")
        );
        let err = ingester.ingest_bytes("data.csv", b"a,b").unwrap_err();
        assert!(matches!(err, Error::UnknownFormat { ref extension, .. } if extension == "csv"));
        assert!(err.to_string().starts_with("data.csv: unknown file type"));
        let small = Ingester::new(&config(3)).unwrap();
        let err = small.ingest_bytes("a.txt", b"abcd").unwrap_err();
        assert_eq!(
            err.to_string(),
            "a.txt: file is too large (4 bytes; the limit is 3 bytes)"
        );
        assert!(Ingester::new(&config(0)).is_err());
        let no_time = Config {
            max_seconds_per_document: 0,
            ..Config::default()
        };
        assert!(Ingester::new(&no_time).is_err());
    }

    #[test]
    fn content_decides_over_the_extension() {
        let pdf = detect_format("notes/report.txt", b"%PDF-1.4\n%...").unwrap();
        assert_eq!(pdf, (Format::Pdf, Some("ends in .txt".to_owned())));
        let pdf = detect_format("report", b"\n%PDF-1.4").unwrap();
        assert_eq!(pdf, (Format::Pdf, Some("has no extension".to_owned())));
        let zip = b"PK\x03\x04....word/document.xml....";
        assert_eq!(detect_format("memo.bin", zip).unwrap().0, Format::Docx);
        assert_eq!(
            detect_format("memo.docx", b"text").unwrap(),
            (Format::Docx, None)
        );
        assert_eq!(
            detect_format("a.txt", b"PK\x03\x04").unwrap(),
            (Format::Text, None)
        );
        let page = b"\xEF\xBB\xBF <!-- saved --> <!DOCTYPE HTML>\n<html><body>x</body></html>";
        assert_eq!(
            detect_format("notes/page.md", page).unwrap(),
            (Format::Html, Some("ends in .md".to_owned()))
        );
        assert_eq!(
            detect_format("a.md", b"<header>x").unwrap(),
            (Format::Markdown, None)
        );
        assert_eq!(
            detect_format("a.md", b"Text with <html> inside").unwrap(),
            (Format::Markdown, None)
        );
    }

    #[test]
    fn a_document_over_the_time_budget_is_an_error() {
        let ingester = Ingester::new(&Config::default())
            .unwrap()
            .with_time_budget(Duration::from_millis(1));
        let text = "Some words of running text, and more.\n".repeat(200_000);
        let err = ingester
            .ingest_bytes("slow.txt", text.as_bytes())
            .unwrap_err();
        assert!(matches!(err, Error::TimedOut { .. }), "{err}");
        assert_eq!(
            err.to_string(),
            "slow.txt: ingest took longer than the time budget of 0 s per document"
        );
    }

    #[test]
    fn html_by_content_and_html_without_visible_text() {
        let ingester = Ingester::new(&Config::default()).unwrap();
        let page = "<!DOCTYPE html><html><body><h1>Head</h1><p>Body text.</p></body></html>";
        let doc = ingester.ingest_bytes("saved.md", page.as_bytes()).unwrap();
        assert_eq!(
            (doc.format, doc.text.as_str()),
            (Format::Html, "Head\n\nBody text.")
        );
        assert_eq!(
            doc.warnings.last().map(String::as_str),
            Some("Read as HTML because of its content, although its name ends in .md.")
        );
        let hidden = "<html><body><!-- never closed <p>The text.</p></body></html>";
        let err = ingester
            .ingest_bytes("a.html", hidden.as_bytes())
            .unwrap_err();
        assert!(
            matches!(
                err,
                Error::NoVisibleText {
                    format: Format::Html,
                    ..
                }
            ),
            "{err}"
        );
        assert!(
            err.to_string()
                .starts_with("a.html: no visible text in 60 bytes of HTML (an unclosed comment"),
            "{err}"
        );
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
        let small = Ingester::new(&config(5)).unwrap();
        assert!(matches!(
            small.ingest_file(&dir, "sub/note.txt"),
            Err(Error::TooLarge { size: 22, .. })
        ));
        fs_err::remove_dir_all(&dir).unwrap();
    }
}
