//! Statistical tables printed without a ruler, as budget documents and appendices lay them
//! out: a few header lines naming the columns (a fiscal year may be split over two lines,
//! "2025-" over "2026"), then rows whose first chunk is the row's label (the *stub*, in the
//! terms of statistical table design) and whose other chunks are figures, with label-only
//! lines between them (a wrapped label, the agency under a measure).
//!
//! ```text
//!                              2025-   2026-
//!                               2026    2027   Total
//! Border enforcement            45.0   310.5   355.5
//!   Border Services Agency
//! Policing                         -   118.3   118.3
//! Total                         45.0   428.8   473.8
//! ```
//!
//! The columns are those of the row with the most chunks; every line is cut into chunks at
//! runs of two or more spaces ([`super::table::chunks`]) and each chunk goes to the column it
//! overlaps most. Header lines merge into row 0 (a year cut after its hyphen is joined up
//! again: "2025-2026"); each other line is a row. Columns count characters.

use super::table::{Cell, chunks, fill};

/// Fewest rows of figures a stub table has.
const MIN_FIGURE_ROWS: usize = 2;
/// Fewest figures in a row of figures.
const MIN_FIGURES: usize = 2;
/// Most header lines above the first row of figures.
const MAX_HEADER_LINES: usize = 4;

/// True when `chunk` is one figure of a table: a number ("1,770.4", "(12.5)", "45%", a
/// footnote letter glued on: "310.5a") or a dash standing for none ("-", "--", "—").
fn is_figure(chunk: &str) -> bool {
    let t = chunk.trim();
    if !t.is_empty() && t.chars().all(|c| matches!(c, '-' | '–' | '—')) {
        return t.chars().count() <= 3;
    }
    let t = t
        .strip_suffix(|c: char| c.is_ascii_lowercase())
        .unwrap_or(t);
    t.chars().any(|c| c.is_ascii_digit())
        && t.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '$' | '(' | ')' | '%'))
}

/// A row of figures: a label, then at least [`MIN_FIGURES`] figures and nothing else.
fn is_figure_row(line: &str) -> bool {
    let c = chunks(line);
    c.len() > MIN_FIGURES && !is_figure(&c[0].2) && c[1..].iter().all(|x| is_figure(&x.2))
}

/// A label-only line: no chunk is a figure.
fn is_label_line(line: &str) -> bool {
    let c = chunks(line);
    !c.is_empty() && c.iter().all(|x| !is_figure(&x.2))
}

/// Cells of a paragraph that is a stub table, and how many of its lines the table takes
/// (the rest, if any, is prose after it); `None` when it is none. The paragraph must open
/// with at most [`MAX_HEADER_LINES`] header lines, hold at least [`MIN_FIGURE_ROWS`] rows of
/// figures, and every line from the first row of figures to the last must be a row of
/// figures or a label-only line.
pub(super) fn parse(lines: &[&str]) -> Option<(Vec<Cell>, usize)> {
    let first = lines.iter().position(|l| is_figure_row(l))?;
    if first > MAX_HEADER_LINES {
        return None;
    }
    let mut last = first;
    let mut figure_rows = 0;
    for (i, line) in lines.iter().enumerate().skip(first) {
        if is_figure_row(line) {
            figure_rows += 1;
            last = i;
        } else if !is_label_line(line) {
            break;
        }
    }
    if figure_rows < MIN_FIGURE_ROWS {
        return None;
    }
    // Header lines name columns: none of them is prose (a line of one long chunk that
    // runs past the figures' first column).
    let columns: Vec<(usize, usize)> = lines[first..=last]
        .iter()
        .filter(|l| is_figure_row(l))
        .map(|l| chunks(l))
        .max_by_key(|c| (c.len(), c.last().map_or(0, |x| x.1)))
        .map(|c| c.iter().map(|&(a, b, _)| (a, b)).collect())?;
    let figures_from = columns.get(1).map_or(usize::MAX, |c| c.0);
    if lines[..first]
        .iter()
        .any(|l| chunks(l).len() == 1 && chunks(l)[0].1 > figures_from && chunks(l)[0].0 == 0)
    {
        return None;
    }
    let mut rows: Vec<Vec<String>> = Vec::new();
    if first > 0 {
        let mut header = vec![String::new(); columns.len()];
        for line in &lines[..first] {
            fill(&mut header, line, &columns);
        }
        rows.push(header.into_iter().map(|h| h.replace("- ", "-")).collect());
    }
    for line in &lines[first..=last] {
        let mut row = vec![String::new(); columns.len()];
        fill(&mut row, line, &columns);
        rows.push(row);
    }
    let mut cells = Vec::new();
    for (r, row) in rows.into_iter().enumerate() {
        for (c, text) in row.into_iter().enumerate() {
            if !text.is_empty() {
                cells.push((r as u32, c as u32, text));
            }
        }
    }
    Some((cells, last + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(cells: &[Cell], r: u32, c: u32) -> Option<&str> {
        cells
            .iter()
            .find(|x| x.0 == r && x.1 == c)
            .map(|x| x.2.as_str())
    }

    #[test]
    fn a_budget_table_with_split_years_and_label_lines() {
        let lines = [
            "                                   2025-   2026-",
            "                                    2026    2027    Total",
            "Harbour patrols                     12.0    14.5     26.5",
            "  Coast Guard Service",
            "Inspection equipment                   -     9.8      9.8",
            "Total                               12.0    24.3     36.3",
        ];
        let (cells, used) = parse(&lines).expect("a table");
        assert_eq!(used, lines.len());
        assert_eq!(cell(&cells, 0, 1), Some("2025-2026"));
        assert_eq!(cell(&cells, 0, 2), Some("2026-2027"));
        assert_eq!(cell(&cells, 0, 3), Some("Total"));
        assert_eq!(cell(&cells, 1, 0), Some("Harbour patrols"));
        assert_eq!(cell(&cells, 1, 2), Some("14.5"));
        // The label line under a row is a row of its own, with only its label.
        assert_eq!(cell(&cells, 2, 0), Some("Coast Guard Service"));
        assert_eq!(cell(&cells, 2, 1), None);
        assert_eq!(cell(&cells, 3, 1), Some("-"));
        assert_eq!(cell(&cells, 3, 2), Some("9.8"));
        assert_eq!(cell(&cells, 4, 3), Some("36.3"));
    }

    #[test]
    fn prose_after_the_table_is_not_taken() {
        let lines = [
            "Item                 2024     2025",
            "Grants              410.2    398.0",
            "Loans                55.0     61.5",
            "Figures are estimates, 2 decimal places.",
        ];
        let (cells, used) = parse(&lines).expect("a table");
        assert_eq!(used, 3, "the table ends at its last row of figures");
        assert_eq!(cell(&cells, 2, 2), Some("61.5"));
    }

    #[test]
    fn prose_with_numbers_is_no_table() {
        let lines = [
            "The ministry spent 12.0 million in 2024 and 14.5 million in 2025,",
            "while the agency spent 9.8 million.  Totals: 36.3  and 12.0  overall.",
        ];
        assert!(parse(&lines).is_none());
        let one_row = [
            "Grants              410.2    398.0",
            "and then prose follows",
        ];
        assert!(parse(&one_row).is_none(), "one row of figures is no table");
    }

    #[test]
    fn figures_and_dashes() {
        for f in ["1,770.4", "(12.5)", "45%", "310.5a", "-", "--", "—", "$4.0"] {
            assert!(is_figure(f), "{f}");
        }
        for f in ["Total", "2025-", "FY", "a", "----"] {
            assert!(!is_figure(f), "{f}");
        }
    }
}
