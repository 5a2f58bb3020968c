//! PDF layout on PDFs written by the tests themselves (a minimal PDF writer below): columns
//! and reading order, word spaces from glyph gaps, ligatures, glyphs without Unicode,
//! footnotes and margin slugs.

use std::fmt::Write as _;

use accord_core::{BlockKind, Document};
use accord_ingest::{Config, Ingester};

mod common;
use common::check_invariants;

/// Helvetica (one of the 14 standard fonts, not embedded) with `WinAnsiEncoding`.
const HELVETICA: &str =
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";

/// Writes a PDF of US-letter pages, one content stream each, with the fonts `/F1`, `/F2`…
/// given as dictionaries (`{N}` in a font dictionary is replaced by the number of the
/// object after the fonts: `extra` streams are written there in order).
fn pdf(pages: &[String], fonts: &[&str], extra: &[&str]) -> Vec<u8> {
    let n_fonts = fonts.len();
    let first_extra = 3 + n_fonts;
    let first_page = first_extra + extra.len();
    let mut objects: Vec<String> = Vec::new();
    objects.push("<< /Type /Catalog /Pages 2 0 R >>".to_owned());
    let kids: Vec<String> = (0..pages.len())
        .map(|i| format!("{} 0 R", first_page + 2 * i))
        .collect();
    objects.push(format!(
        "<< /Type /Pages /Kids [{}] /Count {} >>",
        kids.join(" "),
        pages.len()
    ));
    for font in fonts {
        objects.push(font.replace("{N}", &first_extra.to_string()));
    }
    for stream in extra {
        objects.push(format!(
            "<< /Length {} >>\nstream\n{stream}\nendstream",
            stream.len() + 1
        ));
    }
    let font_refs: Vec<String> = (0..n_fonts)
        .map(|i| format!("/F{} {} 0 R", i + 1, 3 + i))
        .collect();
    for (i, content) in pages.iter().enumerate() {
        objects.push(format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << {} >> >> /Contents {} 0 R >>",
            font_refs.join(" "),
            first_page + 2 * i + 1
        ));
        objects.push(format!(
            "<< /Length {} >>\nstream\n{content}\nendstream",
            content.len() + 1
        ));
    }
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{body}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for off in offsets {
        out.extend_from_slice(format!("{off:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

/// One line of text at `(x, y)` in font `/F{font}` at `size` points.
fn text(font: usize, size: f32, x: f32, y: f32, s: &str) -> String {
    format!("BT /F{font} {size} Tf {x} {y} Td ({s}) Tj ET\n")
}

fn ingest(bytes: &[u8]) -> Document {
    let doc = Ingester::new(&Config::default())
        .expect("config")
        .ingest_bytes("made.pdf", bytes)
        .expect("ingests");
    check_invariants(&doc);
    doc
}

fn kind_texts(doc: &Document, kind: BlockKind) -> Vec<&str> {
    doc.blocks
        .iter()
        .filter(|b| b.kind == kind)
        .map(|b| doc.slice(b.span))
        .collect()
}

/// Lines `tag line 0 words`, `tag line 1 words`… of a column at `x`, from `top` down.
fn column(tag: &str, x: f32, top: f32, lines: usize, size: f32) -> String {
    (0..lines)
        .map(|i| {
            let y = top - (size * 1.2) * i as f32;
            text(1, size, x, y, &format!("{tag} line {i} words"))
        })
        .collect()
}

fn position(doc: &Document, needle: &str) -> usize {
    doc.text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in {:?}", doc.text))
}

#[test]
fn two_columns_are_read_one_after_the_other_under_a_full_width_title() {
    let mut page = text(
        1,
        18.0,
        72.0,
        730.0,
        "A Title That Runs Across Both Columns",
    );
    page += &column("Left", 72.0, 690.0, 12, 10.0);
    page += &column("Right", 320.0, 690.0, 12, 10.0);
    let doc = ingest(&pdf(&[page], &[HELVETICA], &[]));
    // No information dictionary: the title is the first page's largest heading.
    assert_eq!(
        doc.title.as_deref(),
        Some("A Title That Runs Across Both Columns")
    );
    let title = position(&doc, "A Title That Runs");
    let left_last = position(&doc, "Left line 11 words");
    let right_first = position(&doc, "Right line 0 words");
    assert!(title < position(&doc, "Left line 0 words"));
    assert!(left_last < right_first, "{}", doc.text);
    assert!(
        doc.text.contains("Left line 0 words Left line 1 words"),
        "{}",
        doc.text
    );
    let left = &doc.text[position(&doc, "Left line 0")..left_last];
    assert!(!left.contains("Right"), "columns mixed: {}", doc.text);
}

#[test]
fn three_columns_with_narrow_gutters() {
    // 8-point Helvetica: the longest line of the first column ends at x = 181, of the second
    // at 327. The gutters are 9 points (about one em) wide: narrower than a column split, but
    // no row covers them.
    let mut page = String::new();
    for (tag, x) in [("Alpha", 40.0), ("Beta", 190.0), ("Gamma", 336.0)] {
        for i in 0..30 {
            let y = 700.0 - 10.0 * i as f32;
            page += &text(
                1,
                8.0,
                x,
                y,
                &format!("{tag} {i} aaaa bbbb cccc dddd eeee ffff"),
            );
        }
    }
    let doc = ingest(&pdf(&[page], &[HELVETICA], &[]));
    let a = position(&doc, "Alpha 29");
    let b0 = position(&doc, "Beta 0 ");
    let b = position(&doc, "Beta 29");
    let c0 = position(&doc, "Gamma 0 ");
    assert!(a < b0 && b < c0, "{}", doc.text);
}

#[test]
fn word_spaces_come_from_glyph_gaps() {
    // TeX draws no space characters: words are set apart by kerning in TJ arrays.
    let page =
        "BT /F1 11 Tf 72 700 Td [(is) -333 (available,) -300 (traditional) -20 (ly)] TJ ET\n";
    let doc = ingest(&pdf(&[page.to_owned()], &[HELVETICA], &[]));
    assert!(
        doc.text.contains("is available, traditionally"),
        "{}",
        doc.text
    );
}

#[test]
fn ligatures_expand_to_letters() {
    // Code 1 is the `fi` glyph by name, code 2 maps to `ffl` through a ToUnicode map.
    let named = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [1 /fi] >> >>";
    let cmap = "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Lig def 1 begincodespacerange <00> <FF> endcodespacerange 1 beginbfchar <02> <006600660006C> endbfchar endcmap CMapName currentdict /CMap defineresource pop end end";
    let cmap = cmap.replace("<006600660006C>", "<00660066006C>");
    let mapped = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding /ToUnicode {N} 0 R >>";
    let page = "BT /F1 11 Tf 72 700 Td (the \\001rst page) Tj ET\nBT /F2 11 Tf 72 680 Td (a\\002uent) Tj ET\n";
    let doc = ingest(&pdf(&[page.to_owned()], &[named, mapped], &[&cmap]));
    assert!(doc.text.contains("the first page"), "{}", doc.text);
    assert!(doc.text.contains("affluent"), "{}", doc.text);
    assert!(!doc.text.contains('\u{FB01}'));
}

#[test]
fn glyphs_without_unicode_become_replacement_characters_with_a_warning() {
    // Glyph names outside the Adobe Glyph List and no ToUnicode map: nothing says which
    // letters these are.
    let opaque = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding /Differences [65 /g1 /g2 /g3] >> /FirstChar 65 /LastChar 67 /Widths [600 600 600] >>";
    let readable = text(1, 11.0, 72.0, 700.0, "A readable first page.");
    let unreadable = "BT /F2 11 Tf 72 700 Td (ABC ABC ABC) Tj ET\n".to_owned();
    let doc = ingest(&pdf(&[readable, unreadable], &[HELVETICA, opaque], &[]));
    assert_eq!(doc.text.matches('\u{FFFD}').count(), 9, "{}", doc.text);
    let warnings = doc.warnings.join("\n");
    assert!(
        warnings.contains("9 glyphs have no Unicode mapping"),
        "{warnings}"
    );
    assert!(
        warnings.contains("page(s) 2 have no Unicode mapping"),
        "{warnings}"
    );
}

#[test]
fn footnote_markers_link_to_the_notes_at_the_page_bottom() {
    let mut page = text(1, 11.0, 72.0, 700.0, "The accord was signed in 2005.");
    // The marker: smaller and raised, right after the full stop.
    page += "BT /F1 7 Tf 232 704 Td (1) Tj ET\n";
    page += &text(1, 11.0, 72.0, 686.0, "It was renewed later.");
    page += "BT /F1 6 Tf 72 84 Td (1) Tj ET\n";
    page += &text(1, 9.0, 76.0, 80.0, "Joint statement of the leaders.");
    let doc = ingest(&pdf(&[page], &[HELVETICA], &[]));
    assert_eq!(
        kind_texts(&doc, BlockKind::Footnote),
        ["Joint statement of the leaders."]
    );
    assert_eq!(doc.notes.len(), 1);
    let link = &doc.notes[0];
    assert_eq!(link.label, "1");
    let note = link.note_block.expect("linked");
    assert_eq!(doc.blocks[note].kind, BlockKind::Footnote);
    assert!(
        doc.text.contains("signed in 2005. It was renewed"),
        "{}",
        doc.text
    );
}

#[test]
fn a_proof_slug_in_the_margin_is_furniture() {
    let mut page = text(1, 11.0, 72.0, 700.0, "Body text of the page.");
    // Set upwards along the left edge.
    page += "BT /F1 6 Tf 0 1 -1 0 20 300 Tm (proof slug on margin) Tj ET\n";
    let doc = ingest(&pdf(&[page], &[HELVETICA], &[]));
    assert_eq!(
        kind_texts(&doc, BlockKind::Furniture),
        ["proof slug on margin"]
    );
    assert_eq!(
        kind_texts(&doc, BlockKind::Paragraph),
        ["Body text of the page."]
    );
}

#[test]
fn a_note_at_the_foot_of_a_column_is_linked() {
    // Two columns; the left one ends with its note, the right one runs to the page foot.
    let mut page = text(1, 11.0, 72.0, 700.0, "The accord was signed.");
    page += "BT /F1 7 Tf 187 704 Td (1) Tj ET\n";
    page += &column("Left", 72.0, 686.0, 10, 11.0);
    page += "BT /F1 6 Tf 72 304 Td (1) Tj ET\n";
    page += &text(1, 9.0, 76.0, 300.0, "Joint statement of the leaders.");
    page += &column("Right", 320.0, 700.0, 36, 11.0);
    let doc = ingest(&pdf(&[page], &[HELVETICA], &[]));
    assert_eq!(
        kind_texts(&doc, BlockKind::Footnote),
        ["Joint statement of the leaders."]
    );
    assert_eq!(doc.notes.len(), 1, "{}", doc.text);
    assert!(doc.notes[0].note_block.is_some());
}

#[test]
fn a_ruled_table_becomes_table_cells_row_by_row() {
    let mut page = text(1, 11.0, 72.0, 720.0, "The costs of each action are these.");
    // Rules: the top one stroked, the others as thin filled rectangles (as many producers
    // draw them); one vertical rule between the columns.
    page += "0.5 w 72 700 m 400 700 l S\n";
    for y in [680.0, 655.0, 630.0] {
        writeln!(page, "72 {y} 328 0.6 re f").expect("write to a string");
    }
    page += "236 630 m 236 700 l S\n";
    page += &text(1, 10.0, 80.0, 686.0, "Action");
    page += &text(1, 10.0, 244.0, 686.0, "Cost per product");
    page += &text(1, 10.0, 80.0, 666.0, "Software installation");
    page += &text(1, 10.0, 80.0, 658.0, "and test");
    page += &text(1, 10.0, 244.0, 666.0, "$85");
    page += &text(1, 10.0, 80.0, 638.0, "Wiring change");
    page += &text(1, 10.0, 244.0, 638.0, "$3,790");
    page += &text(
        1,
        11.0,
        72.0,
        600.0,
        "The paragraph after the table goes on.",
    );
    let doc = ingest(&pdf(&[page], &[HELVETICA], &[]));
    let cells: Vec<((u32, u32), &str)> = doc
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::TableCell)
        .map(|b| (b.cell.expect("cell"), doc.slice(b.span)))
        .collect();
    assert_eq!(
        cells,
        [
            ((0, 0), "Action"),
            ((0, 1), "Cost per product"),
            ((1, 0), "Software installation and test"),
            ((1, 1), "$85"),
            ((2, 0), "Wiring change"),
            ((2, 1), "$3,790"),
        ]
    );
    let before = position(&doc, "The costs of each action");
    let after = position(&doc, "The paragraph after the table");
    assert!(before < position(&doc, "Action") && position(&doc, "$3,790") < after);
}

#[test]
fn side_heads_in_the_margin_open_their_sections() {
    // Side heads in 12 points, set a little lower than the first text line beside them
    // (tops aligned), in a margin column a third as wide as the text.
    let body = |tag: &str, top: f32| -> String {
        (0..8)
            .map(|i| {
                let y = top - 12.0 * i as f32;
                let words = format!("{tag} line {i} words of a long line of running report text");
                text(1, 10.0, 220.0, y, &words)
            })
            .collect()
    };
    let mut page = text(1, 12.0, 72.0, 698.0, "Background");
    page += &body("First", 700.0);
    page += &text(1, 12.0, 72.0, 590.0, "Findings");
    page += &body("Second", 592.0);
    let doc = ingest(&pdf(&[page], &[HELVETICA], &[]));
    let background = position(&doc, "Background");
    let findings = position(&doc, "Findings");
    assert!(
        background < position(&doc, "First line 0 words"),
        "{}",
        doc.text
    );
    assert!(position(&doc, "First line 7 words") < findings);
    assert!(
        findings < position(&doc, "Second line 0 words"),
        "{}",
        doc.text
    );
}

#[test]
fn a_sentence_runs_on_into_the_next_column() {
    let mut page = String::new();
    for i in 0..10 {
        let y = 700.0 - 12.0 * i as f32;
        page += &text(
            1,
            10.0,
            72.0,
            y,
            &format!("Left column line {i} of running text"),
        );
    }
    page += &text(1, 10.0, 72.0, 580.0, "and the sentence breaks off with the");
    page += &text(1, 10.0, 320.0, 700.0, "column, running on at the top here.");
    for i in 1..11 {
        let y = 700.0 - 12.0 * i as f32;
        page += &text(
            1,
            10.0,
            320.0,
            y,
            &format!("Right column line {i} of running text"),
        );
    }
    let doc = ingest(&pdf(&[page], &[HELVETICA], &[]));
    let paragraphs = kind_texts(&doc, BlockKind::Paragraph);
    assert!(
        paragraphs
            .iter()
            .any(|p| p.contains("breaks off with the column, running on at the top here.")),
        "{paragraphs:?}"
    );
}

#[test]
fn small_print_opening_with_a_number_mid_passage_is_no_note() {
    // A column set wholly in small print (8-point rule text beside 10-point body text)
    // whose line near the foot opens with a section number: no footnote.
    let mut page = String::new();
    for i in 0..50 {
        let y = 740.0 - 12.0 * i as f32;
        page += &text(
            1,
            10.0,
            72.0,
            y,
            &format!("Body text line {i} set in ten points"),
        );
    }
    for i in 0..40 {
        let y = 560.0 - 9.0 * i as f32;
        let line = if i == 30 {
            "14 CFR 39.19, send your request to the office".to_owned()
        } else {
            format!("Rule text line {i} set in eight points")
        };
        page += &text(1, 8.0, 320.0, y, &line);
    }
    let doc = ingest(&pdf(&[page], &[HELVETICA], &[]));
    assert!(
        kind_texts(&doc, BlockKind::Footnote).is_empty(),
        "{}",
        doc.text
    );
    assert!(doc.text.contains("14 CFR 39.19, send your request"));
}
