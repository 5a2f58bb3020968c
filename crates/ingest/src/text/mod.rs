//! Plain text (`.txt`) to blocks.
//!
//! The text is read as paragraphs (runs of non-blank lines). Each paragraph is classified —
//! separator, page furniture, table, title, front matter, footnote, list, heading, caption or
//! body paragraph — then its lines are reflowed into one line ([`hyphen`]), paragraphs split
//! by page breaks are glued back together ([`rejoin`]), and finally markers and emphasis are
//! taken out of each block ([`crate::inline`]).

pub(crate) mod hyphen;
pub(crate) mod rejoin;
mod stub_table;
mod table;

use std::collections::HashMap;

use accord_core::BlockKind;
use regex::Regex;

use crate::builder::DocBuilder;
use crate::inline::{CleanOptions, MarkerPatterns, clean_inline};
use crate::repairs::Repairs;
use hyphen::Lexicon;

/// Line-level patterns of plain text, compiled once.
#[derive(Debug, Clone)]
pub(crate) struct TextPatterns {
    /// A list bullet or item number opening a line; group `glyph` for pure bullets.
    pub(crate) bullet: Regex,
    /// A line that only separates: `---`, `* * *`, `___`, `===`.
    pub(crate) separator: Regex,
    /// A line that is only a page number: `12`, `- 12 -`, `Page 3 of 9`.
    pub(crate) page_number: Regex,
    /// A table or figure caption: `Table 1.`, `Figure 2:`.
    pub(crate) caption: Regex,
    /// A memorandum's header field opening a line: `TO:`, `FROM:`, `MEMORANDUM FOR:`,
    /// `SUBJECT:`, `DATE:` (one to three words in capitals, a colon, then space).
    pub(crate) memo_field: Regex,
}

impl TextPatterns {
    pub(crate) fn new() -> Result<Self, regex::Error> {
        Ok(Self {
            bullet: Regex::new(
                r"^(?:(?P<glyph>[-*•–◦▪‣])\s+|(?:(?:\d{1,3}|[ivxlc]{1,6}|[IVXLC]{1,6})[.)]|[a-z][.)]|[A-Z]\)|\((?:\d{1,3}|[ivxlc]{1,6}|[a-zA-Z])\))\s+)",
            )?,
            separator: Regex::new(r"^(?:[-_=~]{3,}|\*(?:\s*\*){2,}|•(?:\s*•){2,}|-(?:\s+-){2,})$")?,
            page_number: Regex::new(
                r"(?i)^(?:[-–—]\s*)?(?:page\s+|p\.\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?(?:\s*[-–—])?$",
            )?,
            caption: Regex::new(
                r"^(?:Table|Figure|Chart|Exhibit|Map|Box|Graph)\s+[0-9A-Z][0-9.]*[.:]",
            )?,
            memo_field: Regex::new(r"^[A-Z]{2,}(?: [A-Z]{2,}){0,2}:\s")?,
        })
    }
}

/// What a unit of text is, before it becomes a block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Title,
    FrontMatter,
    Heading,
    Paragraph,
    Caption,
    ListItem,
    Footnote,
    Cell(u32, u32),
    Separator,
    PageFurniture,
}

/// A block-to-be: its kind and its reflowed text (markers and emphasis still in).
#[derive(Debug, Clone)]
pub(crate) struct Unit {
    pub(crate) kind: Kind,
    pub(crate) text: String,
    pub(crate) label: Option<String>,
    /// 1-based page the unit starts on, for paged formats.
    pub(crate) page: Option<u32>,
}

impl Unit {
    pub(crate) fn new(kind: Kind, text: String) -> Self {
        Self {
            kind,
            text,
            label: None,
            page: None,
        }
    }
}

/// What the passes share.
pub(crate) struct Ctx<'a> {
    pub(crate) pats: &'a TextPatterns,
    pub(crate) markers: &'a MarkerPatterns,
    pub(crate) lexicon: Lexicon,
    pub(crate) repairs: &'a mut Repairs,
}

/// Where in the document a paragraph falls.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Zone {
    /// Before the title: mastheads.
    Start,
    /// After the title, before the first body paragraph: author, e-mail, affiliation.
    AfterTitle,
    Body,
}

/// Turns a cleaned plain text (LF line ends, NFC) into blocks.
pub(crate) fn ingest(
    source: &str,
    pats: &TextPatterns,
    markers: &MarkerPatterns,
    mut builder: DocBuilder,
) -> DocBuilder {
    let expanded;
    let source = if source.contains('\t') {
        expanded = expand_tabs(source);
        expanded.as_str()
    } else {
        source
    };
    let lines: Vec<&str> = source.split('\n').map(str::trim_end).collect();
    let paragraphs: Vec<&[&str]> = lines
        .split(|l| l.is_empty())
        .filter(|p| !p.is_empty())
        .collect();
    let lexicon = if lines.iter().any(|l| hyphen::ends_with_word_hyphen(l)) {
        Lexicon::build(lines.iter().copied())
    } else {
        Lexicon::default()
    };
    let mut ctx = Ctx {
        pats,
        markers,
        lexicon,
        repairs: &mut builder.repairs,
    };
    let units = classify(&paragraphs, &mut ctx);
    let units = rejoin::rejoin(units, &mut ctx);
    emit(units, markers, &mut builder, true);
    builder
}

/// Pushes units as blocks, taking footnote markers (and, with `emphasis`, Markdown-style
/// emphasis asterisks) out of their text. Separators and page furniture are kept verbatim.
pub(crate) fn emit(
    units: Vec<Unit>,
    markers: &MarkerPatterns,
    builder: &mut DocBuilder,
    emphasis: bool,
) {
    for unit in units {
        let (kind, cell) = match unit.kind {
            Kind::Title | Kind::Heading => (BlockKind::Heading, None),
            Kind::Paragraph | Kind::Caption => (BlockKind::Paragraph, None),
            Kind::ListItem => (BlockKind::ListItem, None),
            Kind::Footnote => (BlockKind::Footnote, None),
            Kind::Cell(r, c) => (BlockKind::TableCell, Some((r, c))),
            Kind::FrontMatter | Kind::Separator | Kind::PageFurniture => {
                (BlockKind::Furniture, None)
            }
        };
        let cleans = !matches!(unit.kind, Kind::Separator | Kind::PageFurniture);
        let options = CleanOptions {
            markers: cleans,
            emphasis: cleans && emphasis,
        };
        let (inline, stats) = clean_inline(&unit.text, markers, options);
        builder.repairs.emphasis_spans += stats.emphasis_spans;
        builder.repairs.unpaired_asterisks += stats.unpaired_asterisks;
        builder.push_on_page(kind, inline, unit.label, cell, unit.page);
    }
}

/// One block of a verbatim text: its kind, its 0-based (row, column) when it is a table
/// cell, and its text.
pub(crate) type VerbatimBlock = (BlockKind, Option<(u32, u32)>, String);

/// The blocks of a verbatim text (a Markdown code block) that holds a fixed-width table:
/// its paragraphs (runs of non-blank lines), each a table's cells when it is laid out as one
/// (with a ruler, in aligned columns, or as a stub table), else one paragraph of its lines
/// joined by spaces. `None` when no paragraph is a table: the text stays one verbatim block.
pub(crate) fn verbatim_tables(source: &str) -> Option<Vec<VerbatimBlock>> {
    let lines: Vec<&str> = source.split('\n').map(str::trim_end).collect();
    let mut out = Vec::new();
    let mut tables = 0;
    for lines in lines
        .split(|l| l.trim().is_empty())
        .filter(|p| !p.is_empty())
    {
        // A caption set above a boxhead table is a paragraph of its own, before the cells.
        let caption = table::caption_lines(lines);
        let found = if lines
            .iter()
            .any(|l| table::is_ruler(l) || table::is_full_ruler(l))
        {
            table::parse(&lines[caption..]).map(|cells| (cells, lines.len()))
        } else {
            None
        };
        if caption > 0 && found.is_some() {
            let words: Vec<&str> = lines[..caption].iter().map(|l| l.trim()).collect();
            out.push((BlockKind::Paragraph, None, words.join(" ")));
        }
        let found = found
            .or_else(|| table::parse_aligned(lines))
            .or_else(|| stub_table::parse(lines));
        let rest = match found {
            Some((cells, used)) => {
                tables += 1;
                out.extend(
                    cells
                        .into_iter()
                        .map(|(r, c, text)| (BlockKind::TableCell, Some((r, c)), text)),
                );
                &lines[used..]
            }
            None => lines,
        };
        if !rest.is_empty() {
            let words: Vec<&str> = rest.iter().map(|l| l.trim()).collect();
            out.push((BlockKind::Paragraph, None, words.join(" ")));
        }
    }
    (tables > 0).then_some(out)
}

/// Classifies the paragraphs and reflows their lines.
fn classify(paragraphs: &[&[&str]], ctx: &mut Ctx<'_>) -> Vec<Unit> {
    let repeated = repeated_lines(paragraphs, ctx);
    let mut units: Vec<Unit> = Vec::new();
    let mut zone = Zone::Start;
    for (i, lines) in paragraphs.iter().enumerate() {
        let first = lines[0].trim();
        if lines.len() == 1 {
            if ctx.pats.separator.is_match(first) {
                ctx.repairs.separators += 1;
                units.push(Unit::new(Kind::Separator, first.to_owned()));
                continue;
            }
            if ctx.pats.page_number.is_match(first) || repeated.get(first).is_some_and(|&n| n >= 3)
            {
                ctx.repairs.page_furniture += 1;
                units.push(Unit::new(Kind::PageFurniture, first.to_owned()));
                continue;
            }
        }
        let caption = table::caption_lines(lines);
        if lines.len() >= 2
            && lines
                .iter()
                .any(|l| table::is_ruler(l) || table::is_full_ruler(l))
            && let Some(cells) = table::parse(&lines[caption..])
        {
            ctx.repairs.text_tables += 1;
            // A caption set above a boxhead table is a paragraph of its own.
            if caption > 0 {
                units.push(Unit::new(Kind::Caption, reflow(&lines[..caption], ctx)));
            }
            units.extend(
                cells
                    .into_iter()
                    .map(|(r, c, text)| Unit::new(Kind::Cell(r, c), text)),
            );
            zone = Zone::Body;
            continue;
        }
        if zone == Zone::Body
            && let Some((cells, used)) =
                table::parse_aligned(lines).or_else(|| stub_table::parse(lines))
        {
            ctx.repairs.text_tables += 1;
            units.extend(
                cells
                    .into_iter()
                    .map(|(r, c, text)| Unit::new(Kind::Cell(r, c), text)),
            );
            if used < lines.len() {
                units.push(Unit::new(Kind::Paragraph, reflow(&lines[used..], ctx)));
            }
            continue;
        }
        match zone {
            Zone::Start => {
                if lines.len() == 1 && first.contains(" | ") {
                    ctx.repairs.front_matter += 1;
                    units.push(Unit::new(Kind::FrontMatter, first.to_owned()));
                    continue;
                }
                zone = Zone::Body;
                if title_like(lines, ctx) {
                    // A title over a second line in another case ("OFFICE OF THE INSPECTOR
                    // GENERAL" over "Department of Labor"): two lines of a letterhead, each its
                    // own block, not one name.
                    let caps = |l: &&str| all_caps(l.trim());
                    let split = lines
                        .iter()
                        .position(|l| caps(l) != caps(&lines[0]))
                        .filter(|_| lines.len() >= 2);
                    if let Some(at) = split {
                        units.push(Unit::new(Kind::Title, reflow(&lines[..at], ctx)));
                        units.push(Unit::new(Kind::Heading, reflow(&lines[at..], ctx)));
                        zone = Zone::AfterTitle;
                        continue;
                    }
                    units.push(Unit::new(Kind::Title, reflow(lines, ctx)));
                    zone = Zone::AfterTitle;
                    continue;
                }
            }
            Zone::AfterTitle => {
                if front_matter_like(lines, ctx) {
                    for line in *lines {
                        ctx.repairs.front_matter += 1;
                        units.push(Unit::new(Kind::FrontMatter, line.trim().to_owned()));
                    }
                    continue;
                }
                zone = Zone::Body;
            }
            Zone::Body => {}
        }
        let next_first = paragraphs.get(i + 1).map(|p| p[0].trim());
        let prev_open = units
            .iter()
            .rev()
            .find(|u| u.kind != Kind::PageFurniture)
            .is_some_and(|u| {
                matches!(u.kind, Kind::Paragraph | Kind::ListItem | Kind::Footnote)
                    && rejoin::is_unterminated(&rejoin::tail(&u.text, ctx))
            });
        body(lines, next_first, prev_open, &mut units, ctx);
    }
    units
}

/// Classifies a paragraph of the body.
fn body(
    lines: &[&str],
    next_first: Option<&str>,
    prev_open: bool,
    units: &mut Vec<Unit>,
    ctx: &mut Ctx<'_>,
) {
    let first = lines[0].trim();
    if ctx.markers.leading(first).is_some() {
        let starts = |line: &str| ctx.markers.leading(line.trim()).is_some();
        for group in split_where(lines, |line, _| starts(line)) {
            let head = group[0].trim();
            let Some((len, _, label)) = ctx.markers.leading(head) else {
                continue;
            };
            let mut owned: Vec<&str> = Vec::with_capacity(group.len());
            owned.push(&head[len..]);
            owned.extend_from_slice(&group[1..]);
            let mut unit = Unit::new(Kind::Footnote, reflow(&owned, ctx));
            unit.label = Some(label);
            units.push(unit);
        }
        return;
    }
    // A memorandum's header ("TO: … / FROM: … / DATE: …" on consecutive lines): each field
    // is a paragraph of its own, so that no name runs from one field into the next.
    let field = |line: &str| ctx.pats.memo_field.is_match(line.trim_start());
    if lines.len() >= 2 && field(first) && lines[1..].iter().any(|l| field(l)) {
        for group in split_where(lines, |line, _| field(line)) {
            units.push(Unit::new(Kind::Paragraph, reflow(group, ctx)));
        }
        return;
    }
    let cleaned = clean_markers(
        &lines.iter().map(|l| l.trim()).collect::<Vec<_>>().join(" "),
        ctx,
    );
    if heading_like(&cleaned, lines.len(), next_first, prev_open, ctx) {
        units.push(Unit::new(Kind::Heading, reflow(lines, ctx)));
        return;
    }
    if ctx.pats.bullet.is_match(first) {
        for group in split_where(lines, |line, _| ctx.pats.bullet.is_match(line.trim())) {
            units.push(list_item(group, ctx));
        }
        return;
    }
    if ctx.pats.caption.is_match(first) {
        units.push(Unit::new(Kind::Caption, reflow(lines, ctx)));
        return;
    }
    // A paragraph may run into a bulleted list after a line ending in a colon.
    let mut in_list = false;
    let groups = split_where(lines, |line, prev| {
        let bullet = ctx
            .pats
            .bullet
            .captures(line.trim())
            .is_some_and(|c| c.name("glyph").is_some());
        let starts = bullet && (in_list || prev.trim_end().ends_with(':'));
        in_list |= starts;
        starts
    });
    for (g, group) in groups.into_iter().enumerate() {
        if g == 0 {
            units.push(Unit::new(Kind::Paragraph, reflow(group, ctx)));
        } else {
            units.push(list_item(group, ctx));
        }
    }
}

/// A list item; a pure bullet glyph (`-`, `*`, `•`) is dropped, a number (`1.`, `(a)`, `II.`)
/// is kept as part of the text.
fn list_item(group: &[&str], ctx: &mut Ctx<'_>) -> Unit {
    let head = group[0].trim();
    let start = ctx
        .pats
        .bullet
        .captures(head)
        .filter(|c| c.name("glyph").is_some())
        .and_then(|c| c.get(0))
        .map_or(0, |m| m.end());
    let mut owned: Vec<&str> = Vec::with_capacity(group.len());
    owned.push(&head[start..]);
    owned.extend_from_slice(&group[1..]);
    Unit::new(Kind::ListItem, reflow(&owned, ctx))
}

/// Splits `lines` before every line (other than the first) for which `starts(line, previous)`
/// holds.
fn split_where<'a, 'b>(
    lines: &'b [&'a str],
    mut starts: impl FnMut(&str, &str) -> bool,
) -> Vec<&'b [&'a str]> {
    let mut groups = Vec::new();
    let mut begin = 0;
    for i in 1..lines.len() {
        if starts(lines[i], lines[i - 1]) {
            groups.push(&lines[begin..i]);
            begin = i;
        }
    }
    groups.push(&lines[begin..]);
    groups
}

/// Joins hard-wrapped lines into one, undoing line-end hyphenation.
pub(crate) fn reflow(lines: &[&str], ctx: &mut Ctx<'_>) -> String {
    let mut out = String::new();
    for line in lines {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if out.is_empty() {
            out.push_str(line);
            continue;
        }
        let how = hyphen::seam(&out, line, &ctx.lexicon);
        ctx.repairs.reflowed_lines += 1;
        match how {
            hyphen::Seam::Dehyphenate => ctx.repairs.dehyphenated += 1,
            hyphen::Seam::Glue if out.ends_with('-') => ctx.repairs.kept_hyphens += 1,
            _ => {}
        }
        hyphen::join_into(&mut out, line, how);
    }
    out
}

fn clean_markers(text: &str, ctx: &Ctx<'_>) -> String {
    let options = CleanOptions {
        markers: true,
        emphasis: true,
    };
    clean_inline(text, ctx.markers, options).0.text
}

/// Single-line paragraphs that occur three or more times: running headers and footers.
fn repeated_lines<'a>(paragraphs: &[&[&'a str]], ctx: &Ctx<'_>) -> HashMap<&'a str, usize> {
    let mut counts = HashMap::new();
    for lines in paragraphs {
        let line = lines[0].trim();
        if lines.len() == 1
            && line.chars().count() <= 100
            && !line.ends_with('.')
            && ctx.markers.leading(line).is_none()
        {
            *counts.entry(line).or_insert(0) += 1;
        }
    }
    counts
}

/// The first paragraph is the title when it is short and does not read as a sentence.
fn title_like(lines: &[&str], ctx: &Ctx<'_>) -> bool {
    if lines.len() > 3 || ctx.markers.leading(lines[0].trim()).is_some() {
        return false;
    }
    let text = clean_markers(
        &lines.iter().map(|l| l.trim()).collect::<Vec<_>>().join(" "),
        ctx,
    );
    let starts_well = text
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "\"“‘'".contains(c));
    starts_well
        && text.chars().count() <= 250
        && text.split_whitespace().count() <= 30
        && !text.ends_with(['.', ',', ';', ':'])
        && (!ctx.pats.bullet.is_match(&text) || all_caps(&text))
}

/// Author, e-mail and affiliation lines: short lines that are not sentences or headings.
fn front_matter_like(lines: &[&str], ctx: &Ctx<'_>) -> bool {
    lines.len() <= 6
        && lines.iter().all(|line| {
            let line = clean_markers(line.trim(), ctx);
            line.chars().count() <= 80
                && line.split_whitespace().count() <= 10
                && !line.ends_with(['.', '!', '?', ':', ';', ','])
                && !ends_with_connective(&line)
                && !all_caps(&line)
                && !ctx.pats.bullet.is_match(&line)
                && ctx.markers.leading(&line).is_none()
        })
}

/// A heading stands alone: short, no final punctuation, followed by a paragraph that does not
/// continue it. A numbered line (`1. …`) is a heading only in capitals or title case; after
/// a paragraph left open by a page break, so is any heading.
fn heading_like(
    text: &str,
    n_lines: usize,
    next_first: Option<&str>,
    prev_open: bool,
    ctx: &Ctx<'_>,
) -> bool {
    let caps = all_caps(text);
    if n_lines > 2 || (n_lines == 2 && !caps) {
        return false;
    }
    let words = text.split_whitespace().count();
    let Some(first) = text.chars().next() else {
        return false;
    };
    let shaped = words <= 14
        && text.chars().count() <= 120
        && (first.is_uppercase() || first.is_ascii_digit())
        && !text.ends_with(['.', ',', ';', ':', '-'])
        && !ends_with_connective(text);
    if !shaped {
        return false;
    }
    if next_first.is_some_and(|n| n.chars().next().is_some_and(char::is_lowercase)) {
        return false;
    }
    let styled = caps || title_case(text);
    if ctx.pats.bullet.is_match(text) && !styled {
        return false;
    }
    !prev_open || styled
}

/// True when the last word is one a title or name never ends with (`the`, `of`, `and`).
fn ends_with_connective(text: &str) -> bool {
    let last = text
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_lowercase();
    [
        "the", "of", "and", "or", "a", "an", "to", "in", "for", "with", "by", "as", "that", "is",
    ]
    .contains(&last.as_str())
}

/// Every cased letter is upper case, and there are at least three letters.
fn all_caps(text: &str) -> bool {
    let mut letters = 0;
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        if c.is_lowercase() {
            return false;
        }
        letters += 1;
    }
    letters >= 3
}

/// Three quarters or more of the words of four letters or more are capitalised.
fn title_case(text: &str) -> bool {
    let long: Vec<&str> = text
        .split_whitespace()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .collect();
    !long.is_empty()
        && long
            .iter()
            .filter(|w| {
                w.chars()
                    .find(|c| c.is_alphabetic())
                    .is_some_and(char::is_uppercase)
            })
            .count()
            * 4
            >= long.len() * 3
}

/// Tabs to spaces with stops every 8 columns, so fixed-width tables line up.
fn expand_tabs(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    let mut col = 0;
    for c in source.chars() {
        match c {
            '\t' => {
                let spaces = 8 - col % 8;
                out.extend(std::iter::repeat_n(' ', spaces));
                col += spaces;
            }
            '\n' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::clean_chars;

    fn blocks(source: &str) -> Vec<String> {
        let markers = MarkerPatterns::new().unwrap();
        let pats = TextPatterns::new().unwrap();
        let mut repairs = Repairs::default();
        let source = clean_chars(source, &mut repairs);
        let builder = ingest(&source, &pats, &markers, DocBuilder::new(repairs));
        let doc = builder.finish(
            "d".into(),
            "d.txt".into(),
            accord_core::Format::Text,
            String::new(),
        );
        doc.blocks
            .iter()
            .map(|b| {
                format!(
                    "{}{}: {}",
                    b.kind,
                    b.label
                        .as_ref()
                        .map(|l| format!("[{l}]"))
                        .unwrap_or_default(),
                    doc.slice(b.span)
                )
            })
            .collect()
    }

    #[test]
    fn title_front_matter_headings_and_paragraphs() {
        let got = blocks(
            "\n\nA Title About Things\n\nJane Doe*\njane@example.org\n\nThe first paragraph starts\nhere and goes on.\n\nA Section Heading\n\nMore text.",
        );
        assert_eq!(
            got,
            [
                "heading: A Title About Things",
                "furniture: Jane Doe*",
                "furniture: jane@example.org",
                "paragraph: The first paragraph starts here and goes on.",
                "heading: A Section Heading",
                "paragraph: More text.",
            ]
        );
    }

    #[test]
    fn memo_header_fields_are_blocks_of_their_own() {
        let got = blocks(
            "MEMORANDUM\n\nTO:      Members, Subcommittee on Transport,\n         Housing and Urban Affairs\nFROM:    Committee Staff\nDATE:    May 2, 2025\n\nThe request follows.",
        );
        assert_eq!(
            got,
            [
                "heading: MEMORANDUM",
                "paragraph: TO: Members, Subcommittee on Transport, Housing and Urban Affairs",
                "paragraph: FROM: Committee Staff",
                "paragraph: DATE: May 2, 2025",
                "paragraph: The request follows.",
            ]
        );
    }

    #[test]
    fn a_letterhead_in_two_cases_is_two_blocks() {
        let got = blocks(
            "          OFFICE OF THE INSPECTOR GENERAL\n              Department of Labor\n\nThe audit found gaps.",
        );
        assert_eq!(
            got,
            [
                "heading: OFFICE OF THE INSPECTOR GENERAL",
                "heading: Department of Labor",
                "paragraph: The audit found gaps.",
            ]
        );
    }

    #[test]
    fn lists_notes_and_separators() {
        let got = blocks(
            "Title\n\nIntro text follows:\n- one item\n  continued\n- two\n\n* * *\n\nI. The enhancement of things.\n\nNOTES\n\n[1] First note\n    continued.\n[2] Ibid.\n\n12",
        );
        assert_eq!(
            got,
            [
                "heading: Title",
                "paragraph: Intro text follows:",
                "list_item: one item continued",
                "list_item: two",
                "furniture: * * *",
                "list_item: I. The enhancement of things.",
                "heading: NOTES",
                "footnote[1]: First note continued.",
                "footnote[2]: Ibid.",
                "furniture: 12",
            ]
        );
    }

    #[test]
    fn page_break_joins_step_over_page_furniture() {
        let got = blocks(
            "Title\n\nThe report was written by the\n\nRunning Head\n\n7\n\ncommittee in 2001.\n\nRunning Head\n\nNext.\n\nRunning Head",
        );
        assert_eq!(
            got,
            [
                "heading: Title",
                "paragraph: The report was written by the committee in 2001.",
                "furniture: Running Head",
                "furniture: 7",
                "furniture: Running Head",
                "paragraph: Next.",
                "furniture: Running Head",
            ]
        );
    }

    #[test]
    fn form_feed_is_a_page_break() {
        let got = blocks("Title\n\nThe report was written by the\u{0C}committee in 2001.\r\n");
        assert_eq!(
            got,
            [
                "heading: Title",
                "paragraph: The report was written by the committee in 2001."
            ]
        );
    }

    #[test]
    fn headings_are_never_glued() {
        let got = blocks(
            "Title\n\nText ends here.\n\n1. THE ADMINISTRATION'S REQUESTS\n\nThe Administration asked.\n\nFinal Thoughts\n\nThe end.",
        );
        assert_eq!(got[2], "heading: 1. THE ADMINISTRATION'S REQUESTS");
        assert_eq!(got[4], "heading: Final Thoughts");
    }
}
