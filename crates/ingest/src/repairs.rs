//! Counts of the repairs made to one document, rendered as `Document::warnings`.

/// What ingest changed or noticed in one document. Rendered by [`Repairs::warnings`] as one
/// sentence per kind that occurred, in a fixed order.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Repairs {
    /// Encoding used when it was not UTF-8 (e.g. `windows-1252`, `UTF-16LE`).
    pub(crate) encoding: Option<&'static str>,
    /// Invalid UTF-8 sequences replaced with U+FFFD in text otherwise valid UTF-8.
    pub(crate) invalid_utf8: usize,
    pub(crate) control_chars: usize,
    pub(crate) crlf: usize,
    pub(crate) cr: usize,
    pub(crate) ligatures: usize,
    pub(crate) soft_hyphens: usize,
    pub(crate) reflowed_lines: usize,
    pub(crate) dehyphenated: usize,
    pub(crate) kept_hyphens: usize,
    pub(crate) rejoined: usize,
    pub(crate) markers: usize,
    pub(crate) other_numbering: usize,
    pub(crate) unmatched_markers: usize,
    pub(crate) emphasis_spans: usize,
    pub(crate) unpaired_asterisks: usize,
    pub(crate) front_matter: usize,
    pub(crate) page_furniture: usize,
    pub(crate) separators: usize,
    pub(crate) text_tables: usize,
    pub(crate) html_furniture: usize,
    /// One-off sentences from a format reader (a damaged PDF, undecodable glyphs), rendered
    /// last, in the order they were added.
    pub(crate) notes: Vec<String>,
}

impl Repairs {
    /// One short sentence per repair kind that occurred.
    pub(crate) fn warnings(&self) -> Vec<String> {
        let mut out = Vec::new();
        match self.encoding {
            Some(name) if name == encoding_rs::WINDOWS_1252.name() => out
                .push("Decoded as Windows-1252 because the bytes are not valid UTF-8.".to_owned()),
            Some(name) => out.push(format!("Decoded as {name} (byte-order mark).")),
            None => {}
        }
        let mut counted = |n: usize, one: &str, many: &str| {
            if n == 1 {
                out.push(one.to_owned());
            } else if n > 1 {
                out.push(many.replace("{n}", &n.to_string()));
            }
        };
        counted(
            self.invalid_utf8,
            "Replaced 1 invalid UTF-8 sequence with U+FFFD (the rest of the file is UTF-8).",
            "Replaced {n} invalid UTF-8 sequences with U+FFFD (the rest of the file is UTF-8).",
        );
        counted(
            self.control_chars,
            "Removed 1 control character.",
            "Removed {n} control characters.",
        );
        counted(
            self.crlf,
            "Converted 1 CRLF line ending to LF.",
            "Converted {n} CRLF line endings to LF.",
        );
        counted(
            self.cr,
            "Converted 1 CR line ending to LF.",
            "Converted {n} CR line endings to LF.",
        );
        counted(
            self.ligatures,
            "Spelled out 1 ligature.",
            "Spelled out {n} ligatures.",
        );
        counted(
            self.soft_hyphens,
            "Removed 1 soft hyphen.",
            "Removed {n} soft hyphens.",
        );
        counted(
            self.reflowed_lines,
            "Joined 1 hard-wrapped line to its paragraph.",
            "Joined {n} hard-wrapped lines to their paragraphs.",
        );
        counted(
            self.dehyphenated,
            "Removed the line-end hyphen from 1 split word.",
            "Removed the line-end hyphen from {n} split words.",
        );
        counted(
            self.kept_hyphens,
            "Kept the hyphen in 1 compound split at a line end.",
            "Kept the hyphen in {n} compounds split at a line end.",
        );
        counted(
            self.rejoined,
            "Rejoined 1 paragraph split by a page break.",
            "Rejoined {n} paragraphs split by page breaks.",
        );
        counted(
            self.markers,
            "Removed 1 footnote marker.",
            "Removed {n} footnote markers.",
        );
        counted(
            self.other_numbering,
            "Linked 1 footnote marker to a note numbered in another style (1 = i).",
            "Linked {n} footnote markers to notes numbered in another style (1 = i).",
        );
        counted(
            self.unmatched_markers,
            "1 footnote marker has no matching note.",
            "{n} footnote markers have no matching note.",
        );
        counted(
            self.emphasis_spans,
            "Removed emphasis markers from 1 span.",
            "Removed emphasis markers from {n} spans.",
        );
        counted(
            self.unpaired_asterisks,
            "Left 1 unpaired asterisk in the text.",
            "Left {n} unpaired asterisks in the text.",
        );
        counted(
            self.front_matter,
            "Marked 1 front-matter line as furniture.",
            "Marked {n} front-matter lines as furniture.",
        );
        counted(
            self.page_furniture,
            "Marked 1 page header, footer or page number as furniture.",
            "Marked {n} page headers, footers or page numbers as furniture.",
        );
        counted(
            self.separators,
            "Marked 1 separator line as furniture.",
            "Marked {n} separator lines as furniture.",
        );
        counted(
            self.text_tables,
            "Split 1 fixed-width table into cells.",
            "Split {n} fixed-width tables into cells.",
        );
        counted(
            self.html_furniture,
            "Marked 1 navigation, header, footer or banner block as furniture.",
            "Marked {n} navigation, header, footer or banner blocks as furniture.",
        );
        out.extend(self.notes.iter().cloned());
        out
    }
}
