//! PDF (text layer) to blocks.
//!
//! lopdf loads the file only to diagnose it (truncated, encrypted, damaged); hayro-interpret
//! runs each page and [`glyphs`] turns its glyphs into word runs in page space; [`layout`]
//! groups them into lines in reading order. This module then classifies the lines of the
//! whole document:
//!
//! - **page furniture**: lines in the top or bottom 12 % of a page that repeat (digits
//!   ignored) on three pages, or on at least half of the pages, and page numbers among the
//!   first or last two lines of a page, and text set on rotated baselines (proof slugs,
//!   stamps in the margin);
//! - **footnotes**: the trailing lines of each column of a page, in the lower half and in a
//!   font at most 95 % of the body size, from the first one that opens with a note label
//!   (`1`, `2.`, `¹`, superscript `1`);
//! - **headings**: short paragraphs (at most three lines, no final `.`, `,`, `;`, `:`) set
//!   at least 15 % larger than the body text, or in bold at body size;
//! - **list items**: lines opening with a bullet glyph, or with a number after a finished
//!   sentence;
//! - **paragraphs**: everything else, split where the baseline gap is wider than the usual
//!   line pitch of that size by 0.3 em, where the size or weight changes, or where an
//!   indented line follows a finished sentence.
//!
//! Lines are then reflowed with the plain-text machinery (lexicon-aware dehyphenation), and
//! a paragraph that ends a page unfinished is rejoined with the first paragraph of the next
//! page, stepping over the footer, the page number, the notes and the next header
//! ([`crate::text::rejoin`]). Superscript note markers become `^{n}` in the line text and
//! are taken out like plain-text markers.

mod failure;
mod glyphs;
mod layout;

use std::collections::HashMap;

use lopdf::Document as PdfDocument;

use crate::builder::DocBuilder;
use crate::deadline::Deadline;
use crate::decode::clean_chars;
use crate::inline::{MarkerPatterns, normalise_label};
use crate::text::hyphen::Lexicon;
use crate::text::{Ctx, Kind, TextPatterns, Unit, emit, reflow, rejoin};
use crate::{Error, Result};
use layout::Line;

/// Fewer non-blank characters than this per page, on pages that hold images, is a scan.
const MIN_CHARS_PER_SCANNED_PAGE: usize = 10;

/// The patterns the PDF reader shares with the plain-text reader.
pub(crate) struct Patterns<'a> {
    pub(crate) text: &'a TextPatterns,
    pub(crate) markers: &'a MarkerPatterns,
}

/// One page after layout.
struct Page {
    number: u32,
    /// `[x0, y0, x1, y1]` of the media box.
    media_box: [f32; 4],
    lines: Vec<Line>,
}

/// Reads a PDF into blocks.
pub(crate) fn ingest(
    path: &str,
    bytes: &[u8],
    pats: &Patterns<'_>,
    deadline: &Deadline<'_>,
    mut builder: DocBuilder,
) -> Result<DocBuilder> {
    let pdf_error = |reason: String| Error::Pdf {
        path: path.to_owned(),
        reason,
    };
    if !bytes.starts_with(b"%PDF-") && !find(&bytes[..bytes.len().min(1024)], b"%PDF-") {
        return Err(pdf_error("no %PDF- header: not a PDF file".to_owned()));
    }
    let no_eof = !find(&bytes[bytes.len().saturating_sub(2048)..], b"%%EOF");
    // A file whose cross-reference data cannot be read (typically cut short) is read again
    // by scanning it for objects; what that recovers is kept, with a warning.
    let doc = PdfDocument::load_mem(bytes)
        .or_else(|first| {
            let options = lopdf::LoadOptions {
                force_reconstruct: true,
                ..lopdf::LoadOptions::default()
            };
            PdfDocument::load_mem_with_options(bytes, options).map_err(|_| first)
        })
        .map_err(|e| {
            pdf_error(if no_eof {
                format!("{e}; the file is truncated: it has no %%EOF marker")
            } else {
                e.to_string()
            })
        })?;
    if doc.is_encrypted() && doc.encryption_state.is_none() {
        return Err(Error::Encrypted {
            path: path.to_owned(),
        });
    }
    deadline.check()?;
    let damaged = no_eof
        || matches!(
            doc.xref_recovery,
            Some(lopdf::xref::XrefRecovery::Reconstructed)
        );
    let reader = glyphs::Reader::new(path, bytes)?;
    if reader.len() == 0 {
        let what = if damaged {
            "no pages could be recovered; the file is truncated or damaged"
        } else {
            "the document has no pages"
        };
        return Err(pdf_error(what.to_owned()));
    }
    let cache = reader.cache();
    let mut pages = Vec::with_capacity(reader.len());
    let (mut images, mut chars, mut undecodable) = (0, 0, 0);
    let mut unmappable_pages = Vec::new();
    for index in 0..reader.len() {
        deadline.check()?;
        let text = reader.page_text(path, index, &cache, deadline)?;
        let number = u32::try_from(index + 1).unwrap_or(u32::MAX);
        images += text.images;
        undecodable += text.undecodable;
        if text.undecodable > text.mapped {
            unmappable_pages.push(number.to_string());
        }
        chars += text
            .runs
            .iter()
            .map(|r| r.text.chars().filter(|c| !c.is_whitespace()).count())
            .sum::<usize>();
        let mut lines = layout::lines(text.runs);
        for line in &mut lines {
            // A soft hyphen that ends a line is the hyphen the break was made at.
            if line.text.ends_with('\u{AD}') {
                line.text.pop();
                line.text.push('-');
            }
            line.text = clean_chars(&line.text, &mut builder.repairs);
        }
        // Text on rotated baselines (margin slugs, stamps) ends the page, as furniture.
        lines.extend(text.rotated.into_iter().map(|r| Line {
            text: clean_chars(&r.text, &mut builder.repairs),
            x0: r.x0,
            x1: r.x1,
            y: r.y,
            size: r.size,
            bold: false,
            rotated: true,
        }));
        lines.retain(|l| !l.text.trim().is_empty());
        pages.push(Page {
            number,
            media_box: text.media_box,
            lines,
        });
    }
    let n_pages = pages.len();
    let scanned = images >= n_pages && chars < MIN_CHARS_PER_SCANNED_PAGE * n_pages;
    if chars == 0 && damaged {
        return Err(pdf_error(
            "no text could be recovered; the file is truncated or damaged".to_owned(),
        ));
    }
    if chars == 0 || scanned {
        let content_error = if chars == 0 {
            failure::first_content_error(&doc)
        } else {
            None
        };
        return Err(failure::no_text_error(
            path,
            n_pages,
            images,
            chars,
            content_error,
        ));
    }
    if damaged {
        builder.repairs.notes.push(
            "The PDF is truncated or damaged (its cross-reference data had to be rebuilt or its end-of-file marker is missing): text may be missing.".to_owned(),
        );
    }
    if undecodable > 0 {
        builder.repairs.notes.push(format!(
            "{undecodable} glyphs have no Unicode mapping in their font and were written as U+FFFD."
        ));
    }
    if !unmappable_pages.is_empty() {
        builder.repairs.notes.push(format!(
            "Most glyphs of page(s) {} have no Unicode mapping: their text is unreadable.",
            unmappable_pages.join(", ")
        ));
    }
    let lexicon = Lexicon::build(
        pages
            .iter()
            .flat_map(|p| p.lines.iter().map(|l| l.text.as_str())),
    );
    let mut ctx = Ctx {
        pats: pats.text,
        markers: pats.markers,
        lexicon,
        repairs: &mut builder.repairs,
    };
    builder.title = reader
        .metadata_title()
        .filter(|t| !generic_title(t))
        .or_else(|| first_page_title(&pages, body_size(&pages)));
    let units = classify(&pages, &mut ctx, deadline)?;
    let units = rejoin::rejoin(units, &mut ctx);
    emit(units, pats.markers, &mut builder, false);
    Ok(builder)
}

/// A metadata title that names no document: empty, one short word (an agency's initials),
/// a file name, or a placeholder.
fn generic_title(title: &str) -> bool {
    let t = title.trim().to_lowercase();
    let words = t.split_whitespace().count();
    let file_name = [
        ".doc", ".docx", ".pdf", ".indd", ".tex", ".dvi", ".rtf", ".odt",
    ]
    .iter()
    .any(|ext| t.ends_with(ext));
    !t.chars().any(char::is_alphabetic)
        || (words == 1 && t.chars().count() <= 6)
        || file_name
        || t.starts_with("untitled")
        || t.starts_with("microsoft word")
}

/// The first page's largest heading: the lines set in the page's largest size (at least
/// 15 % above the body size) that follow each other, skipping runs that make a generic title;
/// at most 300 characters.
fn first_page_title(pages: &[Page], body: f32) -> Option<String> {
    let page = pages.iter().find(|p| !p.lines.is_empty())?;
    let mut groups: Vec<(f32, String)> = Vec::new();
    let mut last: Option<f32> = None;
    for line in page.lines.iter().filter(|l| !l.rotated) {
        let size = line.size;
        if size < 1.15 * body {
            last = None;
            continue;
        }
        match (last, groups.last_mut()) {
            (Some(prev), Some((_, text))) if (prev - size).abs() < 0.5 => {
                text.push(' ');
                text.push_str(line.text.trim());
            }
            _ => groups.push((size, line.text.trim().to_owned())),
        }
        last = Some(size);
    }
    groups
        .into_iter()
        .filter(|(_, text)| !generic_title(text) && text.chars().count() <= 300)
        .max_by(|a, b| a.0.total_cmp(&b.0).then(a.1.len().cmp(&b.1.len())))
        .map(|(_, text)| text)
}

fn find(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Size of most of the document's characters, to the half point.
fn body_size(pages: &[Page]) -> f32 {
    let mut by_size: HashMap<i32, usize> = HashMap::new();
    for line in pages.iter().flat_map(|p| &p.lines) {
        *by_size.entry(half_points(line.size)).or_insert(0) += line.text.chars().count();
    }
    by_size
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .map_or(10.0, |(s, _)| s as f32 / 2.0)
}

fn half_points(size: f32) -> i32 {
    (size * 2.0).round() as i32
}

/// The usual distance between the baselines of two lines of a paragraph, by font size.
fn pitches(pages: &[Page]) -> HashMap<i32, f32> {
    let mut hist: HashMap<i32, HashMap<i32, usize>> = HashMap::new();
    for page in pages {
        for pair in page.lines.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            let pitch = a.y - b.y;
            if (a.size - b.size).abs() < 0.5 && pitch >= 0.9 * a.size && pitch <= 2.0 * a.size {
                *hist
                    .entry(half_points(a.size))
                    .or_default()
                    .entry(half_points(pitch))
                    .or_insert(0) += 1;
            }
        }
    }
    hist.into_iter()
        .filter_map(|(size, counts)| {
            counts
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
                .map(|(p, _)| (size, p as f32 / 2.0))
        })
        .collect()
}

/// Text of a line with digits folded, to recognise running headers and footers.
fn furniture_key(text: &str) -> String {
    let folded: String = text
        .chars()
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .flat_map(char::to_lowercase)
        .collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn in_margin_zone(page: &Page, line: &Line) -> bool {
    let [_, y0, _, y1] = page.media_box;
    let zone = 0.12 * (y1 - y0);
    line.y > y1 - zone || line.y < y0 + zone
}

/// Which lines of each page are running headers, footers or page numbers.
fn furniture(pages: &[Page], pats: &TextPatterns) -> Vec<Vec<bool>> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for page in pages {
        let mut keys: Vec<String> = page
            .lines
            .iter()
            .filter(|l| in_margin_zone(page, l) && !l.text.ends_with('.'))
            .map(|l| furniture_key(&l.text))
            .collect();
        keys.sort_unstable();
        keys.dedup();
        for key in keys {
            *counts.entry(key).or_insert(0) += 1;
        }
    }
    let n_pages = pages.len();
    pages
        .iter()
        .map(|page| {
            let n = page.lines.len();
            page.lines
                .iter()
                .enumerate()
                .map(|(i, line)| {
                    if line.rotated {
                        return true;
                    }
                    if !in_margin_zone(page, line) {
                        return false;
                    }
                    let edge = i < 2 || i + 2 >= n;
                    if edge && pats.page_number.is_match(&line.text) {
                        return true;
                    }
                    let repeats = counts.get(&furniture_key(&line.text)).copied().unwrap_or(0);
                    !line.text.ends_with('.')
                        && (repeats >= 3 || (repeats >= 2 && repeats * 2 >= n_pages))
                })
                .collect()
        })
        .collect()
}

/// The label of a line that opens a note (`1 Text`, `2. Text`, `¹ Text`, `^{3} Text`) and
/// the byte length of label plus the space after it.
fn note_label(text: &str, markers: &MarkerPatterns) -> Option<(String, usize)> {
    if let Some((len, _, label)) = markers.leading(text) {
        return Some((label, len));
    }
    let token = text.split_whitespace().next()?;
    let bare = token.trim_end_matches(['.', ')']);
    let digits = !bare.is_empty() && bare.len() <= 3 && bare.bytes().all(|b| b.is_ascii_digit());
    if !digits || token.len() == text.len() {
        return None;
    }
    let rest = &text[token.len()..];
    let len = token.len() + (rest.len() - rest.trim_start().len());
    Some((normalise_label(bare), len))
}

/// Which lines of a page are footnotes: in each column (a stretch of lines in reading
/// order that ends where the next line stands higher on the page, or at the page's end), the
/// trailing small-print lines in the lower half, from the first one that opens with a note
/// label.
fn note_lines(
    page: &Page,
    is_furniture: &[bool],
    body: f32,
    markers: &MarkerPatterns,
) -> Vec<bool> {
    let n = page.lines.len();
    let mut is_note = vec![false; n];
    let mut end = n;
    while end > 0 {
        // The column ending at `end`: back to the first line below the one before it.
        let mut start = end - 1;
        while start > 0 && {
            let (prev, line) = (&page.lines[start - 1], &page.lines[start]);
            is_furniture[start - 1] || is_furniture[start] || prev.y >= line.y - 0.5 * line.size
        } {
            start -= 1;
        }
        let first = notes_in(page, start, end, is_furniture, body, markers);
        for (i, note) in is_note.iter_mut().enumerate().take(end).skip(first) {
            *note = !is_furniture[i];
        }
        end = start;
    }
    is_note
}

/// Index of the first footnote line among `lines[start..end]` (`end` when there is none):
/// the trailing small-print lines in the lower half, from the first that opens with a label.
fn notes_in(
    page: &Page,
    start: usize,
    end: usize,
    is_furniture: &[bool],
    body: f32,
    markers: &MarkerPatterns,
) -> usize {
    let [_, y0, _, y1] = page.media_box;
    let middle = f32::midpoint(y0, y1);
    let mut first = end;
    for i in (start..end).rev() {
        if is_furniture[i] {
            continue;
        }
        let line = &page.lines[i];
        if line.size > 0.95 * body || line.y > middle {
            break;
        }
        first = i;
    }
    (first..end)
        .find(|&i| !is_furniture[i] && note_label(&page.lines[i].text, markers).is_some())
        .unwrap_or(end)
}

fn ends_sentence(text: &str) -> bool {
    text.trim_end()
        .ends_with(['.', '!', '?', ':', '"', '”', '’', ')'])
}

/// A list bullet glyph opening a line, and the byte length of glyph plus space.
fn bullet_glyph(text: &str, pats: &TextPatterns) -> Option<usize> {
    let caps = pats.bullet.captures(text)?;
    caps.name("glyph")?;
    caps.get(0).map(|m| m.end())
}

/// What a paragraph being assembled is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Open {
    Body,
    List,
}

/// Classifies the lines of every page into units in reading order.
fn classify(pages: &[Page], ctx: &mut Ctx<'_>, deadline: &Deadline<'_>) -> Result<Vec<Unit>> {
    let body = body_size(pages);
    let pitch = pitches(pages);
    let furniture = furniture(pages, ctx.pats);
    let mut units = Vec::new();
    for (page, is_furniture) in pages.iter().zip(&furniture) {
        deadline.check()?;
        let notes = note_lines(page, is_furniture, body, ctx.markers);
        let page_no = Some(page.number);
        let mut para: Vec<&Line> = Vec::new();
        let mut open = Open::Body;
        let mut note: Option<(String, Vec<&str>)> = None;
        for (i, line) in page.lines.iter().enumerate() {
            if is_furniture[i] {
                flush(&mut para, open, body, page_no, &mut units, ctx);
                flush_note(&mut note, page_no, &mut units, ctx);
                ctx.repairs.page_furniture += 1;
                let mut unit = Unit::new(Kind::PageFurniture, line.text.clone());
                unit.page = page_no;
                units.push(unit);
                continue;
            }
            if notes[i] {
                flush(&mut para, open, body, page_no, &mut units, ctx);
                if let Some((label, len)) = note_label(&line.text, ctx.markers) {
                    flush_note(&mut note, page_no, &mut units, ctx);
                    note = Some((label, vec![&line.text[len..]]));
                } else if let Some((_, lines)) = &mut note {
                    lines.push(&line.text);
                }
                continue;
            }
            flush_note(&mut note, page_no, &mut units, ctx);
            if let Some(prev) = para.last() {
                let size = prev.size.max(line.size);
                let usual = pitch
                    .get(&half_points(prev.size))
                    .copied()
                    .unwrap_or(1.2 * prev.size);
                let gap = prev.y - line.y;
                let glyph = bullet_glyph(&line.text, ctx.pats).is_some();
                let numbered = !glyph
                    && ctx.pats.bullet.is_match(&line.text)
                    && (ends_sentence(&prev.text) || open == Open::List);
                let breaks = gap < 0.0
                    || gap > usual + 0.3 * size
                    || (prev.size - line.size).abs() > 0.1 * prev.size
                    || prev.bold != line.bold
                    || glyph
                    || numbered
                    || (line.x0 > prev.x0 + 0.8 * size && ends_sentence(&prev.text));
                if breaks {
                    flush(&mut para, open, body, page_no, &mut units, ctx);
                }
            }
            if para.is_empty() {
                open = if ctx.pats.bullet.is_match(&line.text) && !looks_like_heading(line, body) {
                    Open::List
                } else {
                    Open::Body
                };
            }
            para.push(line);
        }
        flush(&mut para, open, body, page_no, &mut units, ctx);
        flush_note(&mut note, page_no, &mut units, ctx);
    }
    Ok(units)
}

fn looks_like_heading(line: &Line, body: f32) -> bool {
    line.size >= 1.15 * body
}

/// Turns the lines of a finished paragraph into a unit.
fn flush(
    para: &mut Vec<&Line>,
    open: Open,
    body: f32,
    page: Option<u32>,
    units: &mut Vec<Unit>,
    ctx: &mut Ctx<'_>,
) {
    if para.is_empty() {
        return;
    }
    let mut texts: Vec<&str> = para.iter().map(|l| l.text.as_str()).collect();
    let first = para[0];
    let size = first.size;
    let total: usize = texts.iter().map(|t| t.chars().count()).sum();
    let last = texts.last().map_or("", |t| t.trim_end());
    let shaped = para.len() <= 3
        && total <= 200
        && !last.ends_with(['.', ',', ';', ':'])
        && !first.text.starts_with(char::is_lowercase);
    let styled = size >= 1.15 * body || (para.iter().all(|l| l.bold) && size >= 0.95 * body);
    let kind = if shaped && styled {
        Kind::Heading
    } else if open == Open::List {
        if let Some(len) = bullet_glyph(texts[0], ctx.pats) {
            texts[0] = &texts[0][len..];
        }
        Kind::ListItem
    } else {
        Kind::Paragraph
    };
    let mut unit = Unit::new(kind, reflow(&texts, ctx));
    unit.page = page;
    units.push(unit);
    para.clear();
}

fn flush_note(
    note: &mut Option<(String, Vec<&str>)>,
    page: Option<u32>,
    units: &mut Vec<Unit>,
    ctx: &mut Ctx<'_>,
) {
    if let Some((label, lines)) = note.take() {
        let mut unit = Unit::new(Kind::Footnote, reflow(&lines, ctx));
        unit.label = Some(label);
        unit.page = page;
        units.push(unit);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn note_labels() {
        let markers = MarkerPatterns::new().unwrap();
        let label = |t: &str| note_label(t, &markers);
        assert_eq!(label("1 Joint statement"), Some(("1".to_owned(), 2)));
        assert_eq!(label("12. Ibid."), Some(("12".to_owned(), 4)));
        assert_eq!(label("^{3} Ibid."), Some(("3".to_owned(), 5)));
        assert_eq!(label("¹ Ibid."), Some(("1".to_owned(), 3)));
        assert_eq!(label("2005 was the year"), None);
        assert_eq!(label("7"), None);
        assert_eq!(label("The text"), None);
    }

    #[test]
    fn generic_titles() {
        assert!(generic_title("GAO"));
        assert!(generic_title("  "));
        assert!(generic_title("Microsoft Word - draft3.doc"));
        assert!(generic_title("report_final.pdf"));
        assert!(!generic_title("Managing for Results"));
        assert!(!generic_title("Deforestation"));
    }

    #[test]
    fn furniture_keys_fold_digits() {
        assert_eq!(furniture_key("Page 12  of 40"), "page ## of ##");
        assert_eq!(furniture_key("Border Review"), "border review");
    }
}
