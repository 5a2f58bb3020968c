//! Errors of the ingest stage.

use accord_core::Format;

/// Why a file could not be turned into a [`accord_core::Document`].
///
/// Every variant except [`Error::InvalidConfig`] is a problem with one input file: the CLI
/// records it as a `failures` row and carries on with the other files
/// ([`Error::is_bad_input`]).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The ingest configuration is unusable.
    #[error("invalid ingest configuration: {message}")]
    InvalidConfig {
        /// What is wrong.
        message: String,
    },
    /// The file could not be read.
    #[error("cannot read {path}")]
    Io {
        /// Path relative to the corpus root.
        path: String,
        /// The I/O error (it names the full path).
        #[source]
        source: std::io::Error,
    },
    /// The file is larger than [`crate::Config::max_file_bytes`].
    #[error("{path}: file is too large ({size} bytes; the limit is {limit} bytes)")]
    TooLarge {
        /// Path relative to the corpus root.
        path: String,
        /// Size of the file in bytes.
        size: u64,
        /// The configured limit in bytes.
        limit: u64,
    },
    /// The input is not a regular file (a FIFO, a device, a socket, a directory): it is
    /// never opened for reading, so it cannot block or stream forever.
    #[error("{path}: not a regular file ({kind}); only regular files are read")]
    NotRegularFile {
        /// Path relative to the corpus root.
        path: String,
        /// What it is, e.g. "FIFO (named pipe)" or "character device".
        kind: &'static str,
    },
    /// The file has no extension that maps to a known format.
    #[error(
        "{path}: unknown file type {extension:?} (expected .txt, .md, .markdown, .html, .htm, .pdf or .docx)"
    )]
    UnknownFormat {
        /// Path relative to the corpus root.
        path: String,
        /// The extension as found, without the dot (empty when there is none).
        extension: String,
    },
    /// The format is recognised but this version cannot read it (no format is refused this
    /// way since PDF and DOCX are read; kept for formats to come).
    #[error("{path}: {} input is not supported yet", format_name(*.format))]
    Unsupported {
        /// Path relative to the corpus root.
        path: String,
        /// The recognised format.
        format: Format,
    },
    /// The file is empty or holds only whitespace.
    #[error("{path}: file is empty (no text to ingest)")]
    Empty {
        /// Path relative to the corpus root.
        path: String,
    },
    /// The file has content, but none of it is text a reader would see: HTML whose text is
    /// all inside an unclosed comment, `<script>`, `<style>` or `<title>` (a browser shows
    /// nothing either), or Markdown that is only markup (raw HTML, images, empty items).
    #[error("{path}: no visible text in {} bytes of {}{}", .bytes, format_name(*.format), hint(*.format))]
    NoVisibleText {
        /// Path relative to the corpus root.
        path: String,
        /// The format it was read as.
        format: Format,
        /// Size of the file in bytes.
        bytes: usize,
    },
    /// The bytes are not text in any encoding ingest accepts.
    #[error("{path}: not a text file ({reason})")]
    Binary {
        /// Path relative to the corpus root.
        path: String,
        /// What gave it away, e.g. "contains NUL bytes".
        reason: String,
    },
    /// The PDF cannot be parsed: not a PDF, truncated beyond repair, or damaged.
    #[error("{path}: cannot read PDF ({reason})")]
    Pdf {
        /// Path relative to the corpus root.
        path: String,
        /// What went wrong, e.g. "no %PDF header" or the parser's message.
        reason: String,
    },
    /// The PDF is encrypted with a password that ingest does not have.
    #[error(
        "{path}: PDF is encrypted and needs a password; decrypt it first (e.g. `qpdf --decrypt`)"
    )]
    Encrypted {
        /// Path relative to the corpus root.
        path: String,
    },
    /// The PDF has pages but no text to extract: a scan without OCR.
    #[error(
        "{path}: no text layer; run OCR first ({}, {}, {} of text)",
        counted(*.pages, "page"),
        counted(*.images, "image"),
        counted(*.chars, "character")
    )]
    NoTextLayer {
        /// Path relative to the corpus root.
        path: String,
        /// Number of pages.
        pages: usize,
        /// Number of images drawn on the pages.
        images: usize,
        /// Non-blank characters found in the text layer.
        chars: usize,
    },
    /// The file is not a readable DOCX (Office Open XML word-processing) package.
    #[error("{path}: cannot read DOCX ({reason})")]
    Docx {
        /// Path relative to the corpus root.
        path: String,
        /// What went wrong, e.g. "not a zip archive".
        reason: String,
    },
    /// Ingesting the file took longer than [`crate::Config::max_seconds_per_document`].
    #[error("{path}: ingest took longer than the time budget of {limit_seconds} s per document")]
    TimedOut {
        /// Path relative to the corpus root.
        path: String,
        /// The configured budget in seconds.
        limit_seconds: u64,
    },
}

impl Error {
    /// True when the error is about one input file (a `failures` row, exit code 1), false when
    /// it is about the configuration (exit code 2).
    pub fn is_bad_input(&self) -> bool {
        !matches!(self, Error::InvalidConfig { .. })
    }

    /// The input path the error is about, when there is one.
    pub fn path(&self) -> Option<&str> {
        match self {
            Error::InvalidConfig { .. } => None,
            Error::Io { path, .. }
            | Error::TooLarge { path, .. }
            | Error::NotRegularFile { path, .. }
            | Error::UnknownFormat { path, .. }
            | Error::Unsupported { path, .. }
            | Error::Empty { path }
            | Error::NoVisibleText { path, .. }
            | Error::Binary { path, .. }
            | Error::Pdf { path, .. }
            | Error::Encrypted { path }
            | Error::NoTextLayer { path, .. }
            | Error::Docx { path, .. }
            | Error::TimedOut { path, .. } => Some(path),
        }
    }
}

/// `1 page`, `2 pages`.
fn counted(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

fn hint(format: Format) -> &'static str {
    match format {
        Format::Html => {
            " (an unclosed comment, <script>, <style> or <title> hides the rest of the page, as it does in a browser)"
        }
        Format::Markdown => " (only markup: raw HTML, images, empty list items, link definitions)",
        _ => "",
    }
}

fn format_name(format: Format) -> &'static str {
    match format {
        Format::Text => "Plain-text",
        Format::Markdown => "Markdown",
        Format::Html => "HTML",
        Format::Pdf => "PDF",
        Format::Docx => "DOCX",
    }
}

/// Result of the ingest stage.
pub type Result<T, E = Error> = std::result::Result<T, E>;
