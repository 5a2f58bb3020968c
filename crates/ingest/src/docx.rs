//! DOCX (Office Open XML word-processing, ECMA-376 Part 1 §17) to blocks.
//!
//! The package is a zip archive; the main part (found through `_rels/.rels`, usually
//! `word/document.xml`) is read as a stream of XML events, so nesting depth costs no stack.
//!
//! - Paragraphs (`w:p`) become paragraphs; a paragraph style named `Title` or `heading N`,
//!   or with an outline level (`w:outlineLvl`, on the paragraph or inherited through
//!   `w:basedOn`), makes a heading; numbering (`w:numPr` on the paragraph or its style)
//!   makes a list item.
//! - Each cell (`w:tc`) of a top-level table (`w:tbl`) becomes a table cell with its 0-based
//!   row and column; tables nested in a cell are read as part of that cell's text.
//! - Footnote and endnote references become [`accord_core::NoteLink`]s; the notes (from
//!   `word/footnotes.xml` and `word/endnotes.xml`) follow the body as footnote blocks,
//!   footnotes numbered `1, 2, …` and endnotes `i, ii, …` in order of first reference (Word's
//!   default numbering formats).
//! - Deleted text of tracked changes (`w:delText`), field instructions (`w:instrText`) and
//!   the fallback copy of alternate content (`mc:Fallback`) are left out; tabs and line
//!   breaks become spaces; a non-breaking hyphen becomes `-`.

use std::collections::{HashMap, HashSet};
use std::io::{Cursor, Read};

use accord_core::BlockKind;
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use crate::builder::DocBuilder;
use crate::deadline::Deadline;
use crate::decode::clean_chars;
use crate::inline::{Inline, Marker, collapse_whitespace, int_to_roman};
use crate::repairs::Repairs;
use crate::{Error, Result};

/// Largest decompressed size of one XML part read.
const MAX_PART_BYTES: u64 = 256 << 20;
/// The clock is checked once per this many XML events.
const EVENTS_PER_CHECK: usize = 4096;

type Archive<'a> = zip::ZipArchive<Cursor<&'a [u8]>>;

/// Reads a DOCX package into blocks.
pub(crate) fn ingest(
    path: &str,
    bytes: &[u8],
    deadline: &Deadline<'_>,
    mut builder: DocBuilder,
) -> Result<DocBuilder> {
    let docx_error = |reason: String| Error::Docx {
        path: path.to_owned(),
        reason,
    };
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| docx_error(format!("not a zip archive: {e}")))?;
    let main = part_target(&mut archive, "_rels/.rels", "/officeDocument", "", path)?
        .unwrap_or_else(|| "word/document.xml".to_owned());
    let Some(document) = read_part(&mut archive, &main, path)? else {
        return Err(docx_error(format!(
            "no main document part ({main}): not a word-processing document"
        )));
    };
    let (dir, file) = main.rsplit_once('/').unwrap_or(("", main.as_str()));
    let rels = if dir.is_empty() {
        format!("_rels/{file}.rels")
    } else {
        format!("{dir}/_rels/{file}.rels")
    };
    let related = |archive: &mut Archive<'_>, kind: &str, default: &str| -> Result<String> {
        Ok(part_target(archive, &rels, kind, dir, path)?.unwrap_or_else(|| default.to_owned()))
    };
    let styles_part = related(&mut archive, "/styles", "word/styles.xml")?;
    let footnotes_part = related(&mut archive, "/footnotes", "word/footnotes.xml")?;
    let endnotes_part = related(&mut archive, "/endnotes", "word/endnotes.xml")?;
    let styles = match read_part(&mut archive, &styles_part, path)? {
        Some(xml) => read_styles(&xml, deadline)?,
        None => Styles::default(),
    };
    let footnotes = match read_part(&mut archive, &footnotes_part, path)? {
        Some(xml) => read_notes(&xml, deadline, &mut builder.repairs)?,
        None => HashMap::new(),
    };
    let endnotes = match read_part(&mut archive, &endnotes_part, path)? {
        Some(xml) => read_notes(&xml, deadline, &mut builder.repairs)?,
        None => HashMap::new(),
    };
    let furniture =
        |kind: &str, archive: &mut Archive<'_>, builder: &mut DocBuilder| -> Result<Vec<String>> {
            let mut texts: Vec<String> = Vec::new();
            for part in part_targets(archive, &rels, kind, dir, path)? {
                if let Some(xml) = read_part(archive, &part, path)? {
                    for text in read_paragraphs(&xml, deadline, &mut builder.repairs)? {
                        if !texts.contains(&text) {
                            texts.push(text);
                        }
                    }
                }
            }
            Ok(texts)
        };
    let headers = furniture("/header", &mut archive, &mut builder)?;
    let footers = furniture("/footer", &mut archive, &mut builder)?;
    deadline.check()?;
    let body = read_body(&document, &styles, deadline, &mut builder.repairs)?;
    if let Some((line, message)) = &body.malformed {
        if body.blocks.is_empty() {
            return Err(docx_error(format!(
                "malformed XML in {main} at line {line}: {message}"
            )));
        }
        builder.repairs.notes.push(format!(
            "The XML of {main} is malformed at line {line} ({message}); text after that point is missing."
        ));
    }
    for text in headers {
        push_furniture(&mut builder, text);
    }
    for block in body.blocks {
        builder.push(
            block.kind,
            collapse_whitespace(block.inline),
            None,
            block.cell,
        );
    }
    for (note_kind, order, notes) in [
        (NoteKind::Foot, &body.footnote_order, &footnotes),
        (NoteKind::End, &body.endnote_order, &endnotes),
    ] {
        let mut ids: Vec<&String> = order.iter().collect();
        // Notes never referenced are kept too, after the others, in id order.
        let referenced: HashSet<&String> = order.iter().collect();
        let mut rest: Vec<&String> = notes.keys().filter(|id| !referenced.contains(id)).collect();
        rest.sort_by_key(|id| (id.parse::<i64>().unwrap_or(i64::MAX), (*id).clone()));
        ids.extend(rest);
        for (n, id) in ids.into_iter().enumerate() {
            let text = notes.get(id).cloned().unwrap_or_default();
            builder.push(
                BlockKind::Footnote,
                collapse_whitespace(Inline::plain(text)),
                Some(note_kind.label(n + 1)),
                None,
            );
        }
    }
    for text in footers {
        push_furniture(&mut builder, text);
    }
    Ok(builder)
}

/// Page headers and footers are furniture: one block per paragraph, counted in the warnings.
fn push_furniture(builder: &mut DocBuilder, text: String) {
    builder.repairs.page_furniture += 1;
    builder.push(
        BlockKind::Furniture,
        collapse_whitespace(Inline::plain(text)),
        None,
        None,
    );
}

/// Reads one part of the package as UTF-8 text; `None` when it is missing.
fn read_part(archive: &mut Archive<'_>, name: &str, path: &str) -> Result<Option<String>> {
    let docx_error = |reason: String| Error::Docx {
        path: path.to_owned(),
        reason,
    };
    let mut file = match archive.by_name(name) {
        Ok(file) => file,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(docx_error(format!("cannot open {name}: {e}"))),
    };
    if file.size() > MAX_PART_BYTES {
        return Err(docx_error(format!(
            "{name} expands to {} bytes (the limit is {MAX_PART_BYTES})",
            file.size()
        )));
    }
    let mut buf = Vec::new();
    (&mut file)
        .take(MAX_PART_BYTES + 1)
        .read_to_end(&mut buf)
        .map_err(|e| docx_error(format!("cannot read {name}: {e}")))?;
    if buf.len() as u64 > MAX_PART_BYTES {
        return Err(docx_error(format!(
            "{name} expands to more than {MAX_PART_BYTES} bytes"
        )));
    }
    let body = buf.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&buf);
    String::from_utf8(body.to_vec())
        .map(Some)
        .map_err(|_| docx_error(format!("{name} is not UTF-8")))
}

/// The targets of the relationships of `rels` whose type ends with `kind`, as paths in the
/// package (relative targets resolved against `base`), in document order.
fn part_targets(
    archive: &mut Archive<'_>,
    rels: &str,
    kind: &str,
    base: &str,
    path: &str,
) -> Result<Vec<String>> {
    let mut out = Vec::new();
    let Some(xml) = read_part(archive, rels, path)? else {
        return Ok(out);
    };
    let mut reader = Reader::from_str(&xml);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == b"Relationship" => {
                let is_kind = attr(&e, b"Type").is_some_and(|t| t.ends_with(kind));
                let external = attr(&e, b"TargetMode").is_some_and(|m| m == "External");
                if let (true, false, Some(target)) = (is_kind, external, attr(&e, b"Target")) {
                    let target = resolve(base, &target);
                    if !out.contains(&target) {
                        out.push(target);
                    }
                }
            }
            Ok(Event::Eof) | Err(_) => return Ok(out),
            _ => {}
        }
    }
}

/// The first of [`part_targets`].
fn part_target(
    archive: &mut Archive<'_>,
    rels: &str,
    kind: &str,
    base: &str,
    path: &str,
) -> Result<Option<String>> {
    Ok(part_targets(archive, rels, kind, base, path)?
        .into_iter()
        .next())
}

/// `target` relative to folder `base` (`..` and `.` resolved; a leading `/` is the root).
fn resolve(base: &str, target: &str) -> String {
    let mut parts: Vec<&str> = if target.starts_with('/') {
        Vec::new()
    } else {
        base.split('/').filter(|p| !p.is_empty()).collect()
    };
    for part in target.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    parts.join("/")
}

/// The value of attribute `name` (matched by local name, so `w:val` is `val`).
fn attr(e: &BytesStart<'_>, name: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| a.unescape_value().ok().map(std::borrow::Cow::into_owned))
}

/// What the styles part says about each paragraph style.
#[derive(Debug, Default)]
struct Styles {
    by_id: HashMap<String, Style>,
}

#[derive(Debug, Default, Clone)]
struct Style {
    /// Lowercase display name (`heading 1`, `title`, `list bullet`).
    name: String,
    based_on: Option<String>,
    outline: bool,
    numbered: bool,
}

impl Styles {
    /// Follows `w:basedOn` (at most 16 steps) and tells whether the style makes a heading
    /// and whether it makes a list item.
    fn role(&self, id: &str) -> (bool, bool) {
        let (mut heading, mut list) = (false, false);
        let mut current = Some(id);
        for _ in 0..16 {
            let Some(style) = current.and_then(|id| self.by_id.get(id)) else {
                break;
            };
            let name = style.name.as_str();
            heading |= style.outline
                || name == "title"
                || name
                    .strip_prefix("heading ")
                    .is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()));
            list |= style.numbered
                || name.starts_with("list bullet")
                || name.starts_with("list number");
            current = style.based_on.as_deref();
        }
        if self.by_id.is_empty() || !self.by_id.contains_key(id) {
            // No styles part: Word's built-in ids.
            let lower = id.to_ascii_lowercase();
            heading |= lower == "title"
                || lower
                    .strip_prefix("heading")
                    .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
        }
        (heading, list)
    }
}

fn read_styles(xml: &str, deadline: &Deadline<'_>) -> Result<Styles> {
    let mut styles = Styles::default();
    let mut reader = Reader::from_str(xml);
    let mut current: Option<(String, Style)> = None;
    let mut events = 0usize;
    loop {
        events += 1;
        if events.is_multiple_of(EVENTS_PER_CHECK) {
            deadline.check()?;
        }
        match reader.read_event() {
            Ok(Event::Start(e)) if e.local_name().as_ref() == b"style" => {
                let paragraph = attr(&e, b"type").is_none_or(|t| t == "paragraph");
                current = match (paragraph, attr(&e, b"styleId")) {
                    (true, Some(id)) => Some((id, Style::default())),
                    _ => None,
                };
            }
            Ok(Event::Start(e) | Event::Empty(e)) => {
                let Some((_, style)) = current.as_mut() else {
                    continue;
                };
                match e.local_name().as_ref() {
                    b"name" => style.name = attr(&e, b"val").unwrap_or_default().to_lowercase(),
                    b"basedOn" => style.based_on = attr(&e, b"val"),
                    b"outlineLvl" => {
                        // Level 9 means body text.
                        style.outline = attr(&e, b"val")
                            .and_then(|v| v.parse::<u32>().ok())
                            .is_some_and(|v| v < 9);
                    }
                    b"numId" => style.numbered = attr(&e, b"val").is_some_and(|v| v != "0"),
                    _ => {}
                }
            }
            Ok(Event::End(e)) if e.local_name().as_ref() == b"style" => {
                if let Some((id, style)) = current.take() {
                    styles.by_id.insert(id, style);
                }
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    Ok(styles)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum NoteKind {
    Foot,
    End,
}

impl NoteKind {
    /// Label of the `n`-th note (1-based): `1, 2, …` for footnotes, `i, ii, …` for endnotes.
    fn label(self, n: usize) -> String {
        match self {
            NoteKind::Foot => n.to_string(),
            NoteKind::End => u32::try_from(n)
                .ok()
                .and_then(int_to_roman)
                .unwrap_or_else(|| format!("e{n}")),
        }
    }
}

/// The text of each note of a footnotes or endnotes part, by id; separators left out.
fn read_notes(
    xml: &str,
    deadline: &Deadline<'_>,
    repairs: &mut Repairs,
) -> Result<HashMap<String, String>> {
    let mut notes = HashMap::new();
    let mut reader = Reader::from_str(xml);
    let mut current: Option<(String, String)> = None;
    let mut text = TextState::default();
    let mut events = 0usize;
    loop {
        events += 1;
        if events.is_multiple_of(EVENTS_PER_CHECK) {
            deadline.check()?;
        }
        let event = match reader.read_event() {
            Ok(Event::Eof) | Err(_) => break,
            Ok(event) => event,
        };
        match &event {
            Event::Start(e) if matches!(e.local_name().as_ref(), b"footnote" | b"endnote") => {
                let kind = attr(e, b"type").unwrap_or_default();
                current = match (kind.as_str(), attr(e, b"id")) {
                    ("" | "normal", Some(id)) => Some((id, String::new())),
                    _ => None,
                };
                text = TextState::default();
                continue;
            }
            Event::End(e) if matches!(e.local_name().as_ref(), b"footnote" | b"endnote") => {
                if let Some((id, body)) = current.take() {
                    notes.insert(id, body);
                }
                continue;
            }
            _ => {}
        }
        if let Some((_, body)) = current.as_mut() {
            match text.feed(&event, repairs) {
                Some(Piece::Text(t)) => body.push_str(&t),
                Some(Piece::Space | Piece::ParagraphEnd) => body.push(' '),
                Some(Piece::Marker(..)) | None => {}
            }
        }
    }
    Ok(notes)
}

/// The text of each non-empty paragraph of a part (a header or footer).
fn read_paragraphs(
    xml: &str,
    deadline: &Deadline<'_>,
    repairs: &mut Repairs,
) -> Result<Vec<String>> {
    let mut out = Vec::new();
    let mut reader = Reader::from_str(xml);
    let mut text = TextState::default();
    let mut current = String::new();
    let mut events = 0usize;
    loop {
        events += 1;
        if events.is_multiple_of(EVENTS_PER_CHECK) {
            deadline.check()?;
        }
        match reader.read_event() {
            Ok(Event::Eof) | Err(_) => break,
            Ok(event) => match text.feed(&event, repairs) {
                Some(Piece::Text(t)) => current.push_str(&t),
                Some(Piece::Space) => current.push(' '),
                Some(Piece::ParagraphEnd) => {
                    let paragraph = current.split_whitespace().collect::<Vec<_>>().join(" ");
                    if !paragraph.is_empty() {
                        out.push(paragraph);
                    }
                    current.clear();
                }
                Some(Piece::Marker(..)) | None => {}
            },
        }
    }
    Ok(out)
}

/// What one XML event contributes to the text of a paragraph.
#[derive(Debug)]
enum Piece {
    Text(String),
    Space,
    ParagraphEnd,
    /// A note reference: which kind, and the note's id.
    Marker(NoteKind, String),
}

/// Tracks the elements whose text is skipped or kept while reading runs.
#[derive(Debug, Default)]
struct TextState {
    /// Inside `w:t`.
    in_text: bool,
    /// Depth inside elements whose content is skipped (`w:delText`, `w:instrText`,
    /// `mc:Fallback`).
    skip: usize,
}

impl TextState {
    fn feed(&mut self, event: &Event<'_>, repairs: &mut Repairs) -> Option<Piece> {
        match event {
            Event::Start(e) => match e.local_name().as_ref() {
                b"t" => {
                    self.in_text = true;
                    None
                }
                b"delText" | b"instrText" | b"Fallback" => {
                    self.skip += 1;
                    None
                }
                _ if self.skip > 0 => None,
                _ => empty_piece(e),
            },
            Event::Empty(e) if self.skip == 0 => empty_piece(e),
            Event::End(e) => match e.local_name().as_ref() {
                b"t" => {
                    self.in_text = false;
                    None
                }
                b"delText" | b"instrText" | b"Fallback" => {
                    self.skip = self.skip.saturating_sub(1);
                    None
                }
                b"p" if self.skip == 0 => Some(Piece::ParagraphEnd),
                _ => None,
            },
            Event::Text(t) if self.in_text && self.skip == 0 => {
                let raw = t.xml_content().ok()?;
                Some(Piece::Text(clean_chars(&raw, repairs)))
            }
            Event::CData(t) if self.in_text && self.skip == 0 => {
                let raw = t.decode().ok()?;
                Some(Piece::Text(clean_chars(&raw, repairs)))
            }
            Event::GeneralRef(r) if self.in_text && self.skip == 0 => {
                if let Ok(Some(c)) = r.resolve_char_ref() {
                    return Some(Piece::Text(clean_chars(&c.to_string(), repairs)));
                }
                let name = r.decode().ok()?;
                quick_xml::escape::resolve_predefined_entity(&name)
                    .map(|s| Piece::Text(s.to_owned()))
            }
            _ => None,
        }
    }
}

/// Elements that stand for text or a note reference on their own.
fn empty_piece(e: &BytesStart<'_>) -> Option<Piece> {
    match e.local_name().as_ref() {
        b"tab" | b"br" | b"cr" | b"ptab" => Some(Piece::Space),
        b"noBreakHyphen" => Some(Piece::Text("-".to_owned())),
        b"footnoteReference" => attr(e, b"id").map(|id| Piece::Marker(NoteKind::Foot, id)),
        b"endnoteReference" => attr(e, b"id").map(|id| Piece::Marker(NoteKind::End, id)),
        _ => None,
    }
}

/// A block of the body before it is pushed.
#[derive(Debug)]
struct BodyBlock {
    kind: BlockKind,
    inline: Inline,
    cell: Option<(u32, u32)>,
}

#[derive(Debug, Default)]
struct Body {
    blocks: Vec<BodyBlock>,
    /// Note ids in order of first reference.
    footnote_order: Vec<String>,
    endnote_order: Vec<String>,
    /// 1-based number of each note id, by kind.
    numbers: HashMap<(NoteKind, String), usize>,
    /// Where the XML stopped being well-formed: 1-based line and the parser's message.
    malformed: Option<(usize, String)>,
}

/// One paragraph being read.
#[derive(Debug, Default)]
struct Para {
    inline: Inline,
    style: Option<String>,
    numbered: bool,
    outline: bool,
}

/// One top-level table being read.
#[derive(Debug, Default)]
struct Table {
    row: Option<u32>,
    col: Option<u32>,
    cell: Option<Inline>,
}

fn read_body(
    xml: &str,
    styles: &Styles,
    deadline: &Deadline<'_>,
    repairs: &mut Repairs,
) -> Result<Body> {
    let mut body = Body::default();
    let mut reader = Reader::from_str(xml);
    let mut text = TextState::default();
    // Paragraph nesting (text boxes hold paragraphs inside a paragraph): only the outermost
    // paragraph makes a block, nested ones add to it.
    let mut para_depth = 0usize;
    let mut para = Para::default();
    let mut table_depth = 0usize;
    let mut table = Table::default();
    let mut in_ppr = false;
    let mut events = 0usize;
    loop {
        events += 1;
        if events.is_multiple_of(EVENTS_PER_CHECK) {
            deadline.check()?;
        }
        let event = match reader.read_event() {
            Ok(Event::Eof) => break,
            Err(e) => {
                let at = usize::try_from(reader.error_position())
                    .unwrap_or(0)
                    .min(xml.len());
                let line = xml.as_bytes()[..at].split(|&b| b == b'\n').count();
                body.malformed = Some((line, e.to_string()));
                break;
            }
            Ok(event) => event,
        };
        match &event {
            Event::Start(e) | Event::Empty(e) if text.skip == 0 => {
                let empty = matches!(event, Event::Empty(_));
                match e.local_name().as_ref() {
                    b"p" if !empty => {
                        para_depth += 1;
                        if para_depth == 1 {
                            para = Para::default();
                        } else {
                            para.inline.text.push(' ');
                        }
                    }
                    b"pPr" if !empty && para_depth == 1 => in_ppr = true,
                    b"pStyle" if in_ppr => para.style = attr(e, b"val"),
                    b"numId" if in_ppr => para.numbered = attr(e, b"val").is_some_and(|v| v != "0"),
                    b"outlineLvl" if in_ppr => {
                        para.outline = attr(e, b"val")
                            .and_then(|v| v.parse::<u32>().ok())
                            .is_some_and(|v| v < 9);
                    }
                    b"tbl" if !empty => {
                        table_depth += 1;
                        if table_depth == 1 {
                            table = Table::default();
                        }
                    }
                    b"tr" if !empty && table_depth == 1 => {
                        table.row = Some(table.row.map_or(0, |r| r + 1));
                        table.col = None;
                    }
                    b"tc" if !empty && table_depth == 1 => {
                        table.col = Some(table.col.map_or(0, |c| c + 1));
                        table.cell = Some(Inline::default());
                    }
                    _ => {}
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                b"pPr" => in_ppr = false,
                b"p" if text.skip == 0 && para_depth > 0 => {
                    para_depth -= 1;
                    if para_depth == 0 {
                        finish_paragraph(std::mem::take(&mut para), styles, &mut table, &mut body);
                    }
                }
                b"tbl" if text.skip == 0 => {
                    table_depth = table_depth.saturating_sub(1);
                }
                b"tc" if text.skip == 0 && table_depth == 1 => {
                    if let (Some(cell), Some(row), Some(col)) =
                        (table.cell.take(), table.row, table.col)
                    {
                        body.blocks.push(BodyBlock {
                            kind: BlockKind::TableCell,
                            inline: cell,
                            cell: Some((row, col)),
                        });
                    }
                }
                _ => {}
            },
            _ => {}
        }
        if para_depth == 0 {
            // Keep the skip depth and `w:t` state in step outside paragraphs too.
            let _ = text.feed(&event, repairs);
            continue;
        }
        match text.feed(&event, repairs) {
            Some(Piece::Text(t)) => para.inline.text.push_str(&t),
            Some(Piece::Space) => para.inline.text.push(' '),
            Some(Piece::Marker(kind, id)) => {
                let order = match kind {
                    NoteKind::Foot => &mut body.footnote_order,
                    NoteKind::End => &mut body.endnote_order,
                };
                let n = *body.numbers.entry((kind, id.clone())).or_insert_with(|| {
                    order.push(id);
                    order.len()
                });
                let label = kind.label(n);
                para.inline.markers.push(Marker {
                    at: para.inline.text.len(),
                    written: label.clone(),
                    label,
                });
            }
            Some(Piece::ParagraphEnd) | None => {}
        }
    }
    Ok(body)
}

fn finish_paragraph(para: Para, styles: &Styles, table: &mut Table, body: &mut Body) {
    let Para {
        inline,
        style,
        numbered,
        outline,
    } = para;
    if let Some(cell) = table.cell.as_mut() {
        // A cell's paragraphs are one block: joined with a space.
        let offset = cell.text.len() + usize::from(!cell.text.is_empty());
        if !cell.text.is_empty() {
            cell.text.push(' ');
        }
        cell.text.push_str(&inline.text);
        cell.markers.extend(inline.markers.into_iter().map(|mut m| {
            m.at += offset;
            m
        }));
        return;
    }
    let (style_heading, style_list) = style.as_deref().map_or((false, false), |s| styles.role(s));
    let kind = if outline || style_heading {
        BlockKind::Heading
    } else if numbered || style_list {
        BlockKind::ListItem
    } else {
        BlockKind::Paragraph
    };
    body.blocks.push(BodyBlock {
        kind,
        inline,
        cell: None,
    });
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    fn body(xml: &str) -> Vec<(BlockKind, String)> {
        let deadline = Deadline::new("t.docx", Duration::from_mins(1));
        let mut repairs = Repairs::default();
        let doc =
            format!(r#"<w:document xmlns:w="w" xmlns:mc="mc"><w:body>{xml}</w:body></w:document>"#);
        read_body(&doc, &Styles::default(), &deadline, &mut repairs)
            .unwrap()
            .blocks
            .into_iter()
            .map(|b| (b.kind, collapse_whitespace(b.inline).text))
            .collect()
    }

    #[test]
    fn malformed_xml_is_located() {
        let deadline = Deadline::new("t.docx", Duration::from_mins(1));
        let mut repairs = Repairs::default();
        let doc = "<w:document xmlns:w=\"w\"><w:body>\n<w:p><w:r><w:t>Kept.</w:t></w:r></w:p>\n<w:p><w:r></w:p></w:body></w:document>";
        let body = read_body(doc, &Styles::default(), &deadline, &mut repairs).unwrap();
        assert_eq!(body.blocks.len(), 1);
        let (line, message) = body.malformed.unwrap();
        assert_eq!(line, 3);
        assert!(message.contains("w:r"), "{message}");
    }

    #[test]
    fn paths_resolve_against_their_folder() {
        assert_eq!(resolve("word", "footnotes.xml"), "word/footnotes.xml");
        assert_eq!(resolve("word", "../customXml/a.xml"), "customXml/a.xml");
        assert_eq!(resolve("word", "/word/document.xml"), "word/document.xml");
        assert_eq!(resolve("", "word/document.xml"), "word/document.xml");
    }

    #[test]
    fn deleted_text_fields_and_fallbacks_are_left_out() {
        let got = body(
            r#"<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>Title</w:t></w:r></w:p>
            <w:p><w:r><w:t xml:space="preserve">Kept </w:t></w:r><w:del><w:r><w:delText>gone</w:delText></w:r></w:del>
            <w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:t>text&amp;more</w:t><w:tab/><w:t>A</w:t><w:noBreakHyphen/><w:t>B</w:t></w:r>
            <mc:AlternateContent><mc:Choice><w:txbxContent><w:p><w:r><w:t>boxed</w:t></w:r></w:p></w:txbxContent></mc:Choice>
            <mc:Fallback><w:txbxContent><w:p><w:r><w:t>boxed</w:t></w:r></w:p></w:txbxContent></mc:Fallback></mc:AlternateContent></w:p>
            <w:p><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t>item</w:t></w:r></w:p>"#,
        );
        assert_eq!(
            got,
            [
                (BlockKind::Heading, "Title".to_owned()),
                (BlockKind::Paragraph, "Kept text&more A-B boxed".to_owned()),
                (BlockKind::ListItem, "item".to_owned()),
            ]
        );
    }

    #[test]
    fn nested_tables_stay_in_their_cell() {
        let got = body(
            "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>a</w:t></w:r></w:p>\
             <w:tbl><w:tr><w:tc><w:p><w:r><w:t>inner</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc>\
             <w:tc><w:p><w:r><w:t>b</w:t></w:r></w:p><w:p><w:r><w:t>c</w:t></w:r></w:p></w:tc></w:tr></w:tbl>",
        );
        assert_eq!(
            got,
            [
                (BlockKind::TableCell, "a inner".to_owned()),
                (BlockKind::TableCell, "b c".to_owned()),
            ]
        );
    }
}
