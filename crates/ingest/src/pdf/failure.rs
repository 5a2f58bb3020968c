//! Why a PDF gave no text: a scan (no text layer) or content that could not be decoded.

use crate::Error;

/// Decompressed size past which a content stream is not read (a Flate bomb), in bytes.
const MAX_STREAM_BYTES: usize = 64 << 20;

/// The first page whose content stream cannot be decompressed within
/// [`MAX_STREAM_BYTES`] or whose operators cannot be parsed, as `(1-based page, reason)`.
///
/// Only called when the text engine read no text at all, to tell a damaged file from a
/// scan; it reads each page's content once more through lopdf.
pub(crate) fn first_content_error(doc: &lopdf::Document) -> Option<(usize, String)> {
    doc.get_pages().into_iter().find_map(|(number, id)| {
        let page = number as usize;
        match doc.get_page_content_with_limit(id, MAX_STREAM_BYTES) {
            Err(e) => Some((
                page,
                format!(
                    "it cannot be decompressed within {} MiB: {e}",
                    MAX_STREAM_BYTES >> 20
                ),
            )),
            Ok(content) => lopdf::content::Content::decode(&content)
                .err()
                .map(|e| (page, format!("its operators cannot be parsed: {e}"))),
        }
    })
}

/// The error for a PDF whose pages gave `chars` non-blank characters (too few to be a
/// text document), given the first content stream that could not be read, as
/// `(1-based page, reason)`.
///
/// A content stream that cannot be decompressed or parsed (a Flate bomb past the stream
/// limit, corrupt operators, nesting past the parser's limits) is reported as such: it is
/// not a scan, and OCR would not help.
pub(crate) fn no_text_error(
    path: &str,
    pages: usize,
    images: usize,
    chars: usize,
    undecodable: Option<(usize, String)>,
) -> Error {
    match undecodable {
        Some((page, reason)) if chars == 0 => Error::Pdf {
            path: path.to_owned(),
            reason: format!(
                "content stream could not be decoded (page {page}: {reason}); no text was read"
            ),
        },
        _ => Error::NoTextLayer {
            path: path.to_owned(),
            pages,
            images,
            chars,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn undecodable_content_is_not_a_missing_text_layer() {
        let err = no_text_error(
            "a.pdf",
            3,
            0,
            0,
            Some((2, "it cannot be decompressed".into())),
        );
        assert_eq!(
            err.to_string(),
            "a.pdf: cannot read PDF (content stream could not be decoded (page 2: it cannot be decompressed); no text was read)"
        );
        let err = no_text_error("a.pdf", 1, 1, 0, None);
        assert!(matches!(err, Error::NoTextLayer { images: 1, .. }), "{err}");
    }
}
