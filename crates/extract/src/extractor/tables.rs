//! Table context for the figures in table cells: the caption's unit note (scale and
//! currency), the year of a cell's column, and the currency a row states in a cell of its
//! own.
//!
//! Cells are [`BlockKind::TableCell`] blocks with `cell = Some((row, column))`, row 0 the
//! header; the cells of one table are consecutive blocks in row-major order (as every
//! ingest reader writes them).

use super::{BlockKind, Document, LazyLock, Regex, Span, YEAR};

/// A unit note: "(in millions of U.S. dollars)", "dollars in thousands", "amounts are in
/// millions of the currency shown", "(millions of pesos)", "(USD millions)",
/// "($ thousands)", "(millions, in stated currency)".
static TABLE_UNIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        (?: \b (?: in | are\ in | dollars\ in | amounts\ in | figures\ in ) \s+
          | [(\[] \s* (?: in \s+ )? (?: (?P<code> US\$ | C\$ | CA\$ | \$ | (?-i:[A-Z]{3}) | € ) \s* )? )
        (?P<scale> thousands | millions | billions ) \b
        (?: \s+ of \s+ (?P<unit> [a-z.$\ ]+ ) )?
        \s* (?: [)\]] | $ | \.(?:\s|$) | , | ; )",
    )
    .expect("static regex")
});

/// A unit note that closes a caption without "in", as budget tables print it under the
/// title: "Table 6.1 Border measures millions of dollars", "Table 1. Funding (budget
/// authority, millions of dollars)".
static BARE_TABLE_UNIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        \b (?P<scale> thousands | millions | billions ) \s+ of \s+
        (?P<unit> (?: canadian\ | u\.s\.\ | us\ | american\ | mexican\ )? (?: dollars | pesos | euros ) )
        \s* \)? \s* \.? \s* $",
    )
    .expect("static regex")
});

/// A unit note that puts the currency before the scale with no "in" and no bracket, as
/// fact sheets write it over a table: "Indicative commitments, US$ millions.", "EUR
/// thousands".
static CODE_SCALE_UNIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?: ^ | [\s,;:] )
        (?P<code> US\$ | C\$ | CA\$ | A\$ | NZ\$ | S\$ | € | £ | [A-Z]{3} ) \s*
        (?i: (?P<scale> thousands | millions | billions ) ) \b
        \s* (?: [)\]] | $ | \.(?:\s|$) | , | ; )",
    )
    .expect("static regex")
});

/// The caption or unit note of the table that block `cell` belongs to: the nearest
/// paragraph or heading before the table's first cell.
pub(super) fn table_caption(document: &Document, cell: usize) -> Option<Span> {
    let first = (0..=cell)
        .rev()
        .take_while(|&i| document.blocks[i].kind == BlockKind::TableCell)
        .last()?;
    document.blocks[..first]
        .iter()
        .rev()
        .find(|b| matches!(b.kind, BlockKind::Paragraph | BlockKind::Heading))
        .map(|b| b.span)
}

/// The note printed right under a table ("Commitments in millions of the stated currency."):
/// the first paragraph after the table's last cell, when it is short enough to be a note
/// (at most [`NOTE_MAX_BYTES`]) rather than the next section's prose.
pub(super) fn table_note_after(document: &Document, cell: usize) -> Option<Span> {
    let after =
        (cell..document.blocks.len()).find(|&i| document.blocks[i].kind != BlockKind::TableCell)?;
    document.blocks[after..]
        .iter()
        .find(|b| b.kind != BlockKind::Furniture)
        .filter(|b| b.kind == BlockKind::Paragraph && b.span.len() <= NOTE_MAX_BYTES)
        .map(|b| b.span)
}

/// The longest paragraph under a table that [`table_note_after`] takes for its note.
const NOTE_MAX_BYTES: usize = 300;

/// The currency a column's header opens with: "AUD (Australia)", "EUR contribution" → the
/// ISO 4217 code; `None` when the header's first word is no current code.
pub(super) fn header_currency(header: &str) -> Option<String> {
    let first = header.split_whitespace().next()?;
    crate::money::iso_code(first).map(str::to_owned)
}

/// Table-level scale (a factor: 1e3, 1e6 or 1e9) and ISO 4217 currency of a caption's unit
/// note: "(in millions of U.S. dollars)" → `(Some(1e6), Some("USD"))`; "(millions, in
/// stated currency)" → `(Some(1e6), None)`, the currency then comes from each row
/// ([`row_currency`]) or the document. No unit note → `(None, None)`.
pub(super) fn table_unit(caption: &str) -> (Option<f64>, Option<String>) {
    let Some(c) = TABLE_UNIT
        .captures(caption)
        .or_else(|| BARE_TABLE_UNIT.captures(caption))
        .or_else(|| {
            CODE_SCALE_UNIT.captures(caption).filter(|c| {
                let code = &c["code"];
                !code.bytes().all(|b| b.is_ascii_uppercase())
                    || crate::money::iso_code(code).is_some()
            })
        })
    else {
        // "(dollars)": amounts in units of the document's currency.
        let units = TABLE_CURRENCY
            .captures(caption)
            .filter(|c| c[1].eq_ignore_ascii_case("dollars"))
            .map(|_| 1.0);
        return (units, table_currency(caption));
    };
    let scale = match c["scale"].to_lowercase().as_str() {
        "thousands" => 1e3,
        "millions" => 1e6,
        _ => 1e9,
    };
    let code = c.name("code").map_or("", |m| m.as_str());
    let unit = c
        .name("unit")
        .map_or(String::new(), |u| u.as_str().to_lowercase());
    let currency = match code {
        "US$" | "USD" => Some("USD"),
        "C$" | "CA$" | "CAD" => Some("CAD"),
        "MXN" => Some("MXN"),
        "EUR" | "€" => Some("EUR"),
        "A$" => Some("AUD"),
        "NZ$" => Some("NZD"),
        "S$" => Some("SGD"),
        "£" => Some("GBP"),
        code if crate::money::iso_code(code).is_some() => crate::money::iso_code(code),
        _ if unit.contains("canadian") => Some("CAD"),
        _ if unit.contains("peso") => Some("MXN"),
        _ if unit.contains("euro") => Some("EUR"),
        _ if unit.contains("u.s.") || unit.contains("us ") || unit.contains("american") => {
            Some("USD")
        }
        _ => None,
    };
    (Some(scale), currency.map(str::to_owned))
}

/// A caption's currency note with no scale: "(Canadian dollars)", "(in U.S. dollars)",
/// "(USD)", "(pesos)", "(in euros)" → the ISO 4217 code.
static TABLE_CURRENCY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\(\s*(?:in\s+|amounts\s+in\s+)?(canadian dollars|u\.?s\.? dollars|us dollars|us\$|usd|cad|c\$|mxn|mexican pesos|pesos|euros|eur|dollars)\s*[),;]",
    )
    .expect("static regex")
});

fn table_currency(caption: &str) -> Option<String> {
    let c = TABLE_CURRENCY.captures(caption)?;
    let code = match c[1].to_lowercase().as_str() {
        "canadian dollars" | "cad" | "c$" => "CAD",
        "mxn" | "mexican pesos" | "pesos" => "MXN",
        "euros" | "eur" => "EUR",
        // Bare "dollars": the document's dollars, whichever they are.
        "dollars" => return None,
        _ => "USD",
    };
    Some(code.to_owned())
}

/// The header cell (row 0) of the column of table cell `cell`, when the table has one.
pub(super) fn column_header(document: &Document, cell: usize) -> Option<Span> {
    let (_, col) = document.blocks[cell].cell?;
    let first = (0..=cell)
        .rev()
        .take_while(|&i| document.blocks[i].kind == BlockKind::TableCell)
        .last()?;
    document.blocks[first..=cell]
        .iter()
        .find(|b| b.cell == Some((0, col)))
        .map(|b| b.span)
}

/// A fiscal year written as the two calendar years it spans: "2025-26", "2025-2026",
/// "2025–26", "2025/26".
static FISCAL_SPAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b((?:19|20)\d\d)\s?[-–/]\s?(\d\d(?:\d\d)?)\b").expect("static regex")
});

/// The one year the header cell of a table cell's column names ("FY2008 Supp."); a fiscal
/// year spanning two calendar years ("2025-2026", "2025-26") gives the year it starts in.
pub(super) fn column_year(document: &Document, cell: usize) -> Option<i32> {
    header_year(document.slice(column_header(document, cell)?))
}

/// The one year a header or label names, or the start of the one fiscal year it spans.
fn header_year(header: &str) -> Option<i32> {
    let years: std::collections::BTreeSet<i32> = YEAR
        .captures_iter(header)
        .filter_map(|c| c[1].parse().ok())
        .collect();
    if years.len() == 1 {
        return years.first().copied();
    }
    let spans: Vec<i32> = FISCAL_SPAN
        .captures_iter(header)
        .filter_map(|c| {
            let start: i32 = c[1].parse().ok()?;
            let end: i32 = c[2].parse().ok()?;
            let next = if c[2].len() == 2 {
                (start + 1) % 100
            } else {
                start + 1
            };
            (end == next).then_some(start)
        })
        .collect();
    (years.len() == 2 && spans.len() == 1).then(|| spans[0])
}

/// The one year a table cell's row label names ("2025", "FY2025"), for tables whose rows are
/// years and columns are donors or currencies; a fiscal year spanning two calendar years
/// gives the year it starts in, as in [`column_year`].
pub(super) fn row_year(document: &Document, cell: usize) -> Option<i32> {
    header_year(document.slice(row_label(document, cell)?))
}

/// The label of table cell `cell`'s row: the row's first cell (column 0), when it is not
/// `cell` itself.
pub(super) fn row_label(document: &Document, cell: usize) -> Option<Span> {
    let (row, col) = document.blocks[cell].cell?;
    if col == 0 {
        return None;
    }
    (0..cell)
        .rev()
        .take_while(|&i| {
            let b = &document.blocks[i];
            b.kind == BlockKind::TableCell && b.cell.is_some_and(|(r, _)| r == row)
        })
        .find(|&i| document.blocks[i].cell == Some((row, 0)))
        .map(|i| document.blocks[i].span)
}

/// The ISO 4217 currency a table row states in a cell of its own — a "Currency" column
/// holding "USD", "CAD", "MXN" — for the bare numbers of that row. `None` when no cell of
/// the row is exactly one code the money parser knows (an unknown three-letter cell such as
/// "DOE" is no currency).
pub(super) fn row_currency(document: &Document, cell: usize) -> Option<String> {
    let (row, _) = document.blocks[cell].cell?;
    let same_row = |i: &usize| {
        let b = &document.blocks[*i];
        b.kind == BlockKind::TableCell && b.cell.is_some_and(|(r, _)| r == row)
    };
    let before = (0..cell).rev().take_while(same_row);
    let after = (cell + 1..document.blocks.len()).take_while(same_row);
    before.chain(after).find_map(|i| {
        let t = document.slice(document.blocks[i].span).trim();
        crate::money::iso_code(t).map(str::to_owned)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use accord_core::{Block, Format};

    #[test]
    fn unit_notes_give_scale_and_currency() {
        let cases = [
            (
                "Table 2. Aid (in millions of U.S. dollars)",
                Some(1e6),
                Some("USD"),
            ),
            (
                "Funding, FY2020-FY2022 (dollars in thousands)",
                Some(1e3),
                None,
            ),
            (
                "Allocations, 2025 (millions of pesos)",
                Some(1e6),
                Some("MXN"),
            ),
            ("Grants by year (USD millions)", Some(1e6), Some("USD")),
            ("Grants by year (C$ thousands)", Some(1e3), Some("CAD")),
            ("Contributions ($ millions)", Some(1e6), None),
            (
                "Funding by partner (millions, in stated currency)",
                Some(1e6),
                None,
            ),
            (
                "Amounts are in millions of the currency shown.",
                Some(1e6),
                None,
            ),
            ("Envelope (in billions of euros)", Some(1e9), Some("EUR")),
            // A currency note with no scale prices the table's bare amounts.
            ("New contributions (Canadian dollars)", None, Some("CAD")),
            ("Projects, 2027 (in U.S. dollars)", None, Some("USD")),
            ("Transfers (pesos)", None, Some("MXN")),
            ("Planned spending (dollars)", Some(1.0), None),
            (
                "Summary, 2025 (amounts in US dollars; converted at year-end rates)",
                None,
                Some("USD"),
            ),
            ("[In thousands of dollars]", Some(1e3), None),
            // Prose that counts people is no unit note.
            ("Millions of people crossed the border in 2021.", None, None),
            ("Table 3. Staff by office", None, None),
            // A bare note closing a budget table's caption.
            (
                "Table 6.1 Port security measures millions of dollars",
                Some(1e6),
                None,
            ),
            (
                "Table 4 Grants thousands of Canadian dollars",
                Some(1e3),
                Some("CAD"),
            ),
            (
                "Table 1. Funding, FY2024-FY2026 (budget authority, millions of dollars)",
                Some(1e6),
                None,
            ),
            (
                "Spending grew by millions of dollars in 2020 and 2021",
                None,
                None,
            ),
            // The currency before a bare scale word, no bracket.
            (
                "Pledges by partner, US$ millions. A dash is no pledge.",
                Some(1e6),
                Some("USD"),
            ),
            ("Disbursements: EUR thousands", Some(1e3), Some("EUR")),
            ("Grants, S$ millions", Some(1e6), Some("SGD")),
            // Three capitals that are no currency code are no unit note.
            ("Members of the ABC millions strong", None, None),
        ];
        for (caption, scale, currency) in cases {
            let (s, c) = table_unit(caption);
            assert_eq!((s, c.as_deref()), (scale, currency), "caption {caption:?}");
        }
    }

    /// A document of one paragraph and a table given row by row.
    fn table_doc(rows: &[&[&str]]) -> Document {
        let mut text = String::from("Table 1. Funding (millions)\n");
        let mut blocks = vec![Block::new(
            BlockKind::Paragraph,
            Span::new(0, text.len() - 1),
        )];
        for (r, cells) in rows.iter().enumerate() {
            for (c, cell) in cells.iter().enumerate() {
                let start = text.len();
                text.push_str(cell);
                let mut b = Block::new(BlockKind::TableCell, Span::new(start, text.len()));
                b.cell = Some((
                    u32::try_from(r).expect("small"),
                    u32::try_from(c).expect("small"),
                ));
                blocks.push(b);
                text.push('\t');
            }
        }
        Document {
            doc_id: "t".into(),
            path: "t.html".into(),
            format: Format::Html,
            title: None,
            sha256: String::new(),
            text,
            blocks,
            notes: Vec::new(),
            warnings: Vec::new(),
        }
    }

    #[test]
    fn a_currency_cell_gives_its_row_currency() {
        let doc = table_doc(&[
            &["Component", "Lead", "Currency", "FY2025"],
            &["Grants", "DOE", "USD", "14.0"],
            &["Training", "Centre", "CAD", "6.2"],
            &["Pilot", "Agency", "", "3.0"],
        ]);
        let cell = |row: u32, col: u32| {
            doc.blocks
                .iter()
                .position(|b| b.cell == Some((row, col)))
                .expect("cell")
        };
        assert_eq!(row_currency(&doc, cell(1, 3)).as_deref(), Some("USD"));
        assert_eq!(row_currency(&doc, cell(2, 3)).as_deref(), Some("CAD"));
        // "DOE" and "Agency" are not currencies; the header row names none either.
        assert_eq!(row_currency(&doc, cell(3, 3)), None);
        assert_eq!(row_currency(&doc, cell(0, 3)), None);
        assert_eq!(column_year(&doc, cell(2, 3)), Some(2025));
        assert_eq!(
            row_label(&doc, cell(2, 3)).map(|s| doc.slice(s)),
            Some("Training")
        );
        assert_eq!(row_label(&doc, cell(2, 0)), None, "a label has no label");
    }

    #[test]
    fn a_fiscal_year_header_gives_the_year_it_starts_in() {
        let doc = table_doc(&[
            &[
                "Measure",
                "2025-2026",
                "2026-27",
                "2025-2027",
                "Total",
                "2024 and 2026",
            ],
            &["Patrols", "4.0", "5.0", "9.0", "9.0", "1.0"],
        ]);
        let cell = |col: u32| {
            doc.blocks
                .iter()
                .position(|b| b.cell == Some((1, col)))
                .expect("cell")
        };
        assert_eq!(column_year(&doc, cell(1)), Some(2025));
        assert_eq!(column_year(&doc, cell(2)), Some(2026));
        assert_eq!(
            column_year(&doc, cell(3)),
            None,
            "two years is no fiscal year"
        );
        assert_eq!(column_year(&doc, cell(4)), None);
        assert_eq!(column_year(&doc, cell(5)), None);
        assert_eq!(
            column_header(&doc, cell(4)).map(|h| doc.slice(h)),
            Some("Total")
        );
    }
}
