//! Fixed-width plain-text tables: columns taken from a dashed ruler line.
//!
//! ```text
//! Recipient          FY2008 Supp.    Total
//!                    P.L. 110-252
//! -----------------  --------------  -------
//! Mexico (a)                  400.0  1,120.0
//! ```
//!
//! Without a ruler, a run of at least three leading lines of a paragraph that each split
//! into the same number (two or more) of chunks, with numbers in most cells past the first
//! column, is read as a table too ([`parse_aligned`]), its first line the header row; the
//! widest line's chunks give the columns.
//!
//! The ruler's dash groups give the columns. Each other line is cut into chunks at runs of two
//! or more spaces, and each chunk goes to the column it overlaps most (the nearest one when it
//! overlaps none). Lines above the first ruler merge into one header row (row 0); every other
//! non-ruler line is a row of its own.

/// One cell: 0-based row and column, and its text.
pub(super) type Cell = (u32, u32, String);

/// True when `line` is a ruler: two or more groups of at least three `-` or `=`.
pub(super) fn is_ruler(line: &str) -> bool {
    let groups: Vec<&str> = line.split_whitespace().collect();
    groups.len() >= 2
        && groups
            .iter()
            .all(|g| g.len() >= 3 && (g.bytes().all(|b| b == b'-') || g.bytes().all(|b| b == b'=')))
}

/// True when `line` is one unbroken rule of at least ten `-` or `=` under a table's header
/// (the column layout then comes from the rows).
pub(super) fn is_full_ruler(line: &str) -> bool {
    let t = line.trim();
    t.chars().count() >= 10 && (t.bytes().all(|b| b == b'-') || t.bytes().all(|b| b == b'='))
}

/// Columns of a table under a full-width rule: those of the body row with the most
/// chunks. `None` unless two or more rows split into two or more chunks and two thirds of
/// their cells past the first column hold a digit (a rule under prose is no table).
fn columns_from_rows(rows: &[&str]) -> Option<Vec<(usize, usize)>> {
    let split: Vec<Vec<(usize, usize, String)>> = rows
        .iter()
        .filter(|l| !is_full_ruler(l) && !l.trim().is_empty())
        .map(|l| chunks(l))
        .filter(|c| c.len() >= 2)
        .collect();
    if split.len() < 2 {
        return None;
    }
    let values: Vec<&String> = split
        .iter()
        .flat_map(|r| r[1..].iter().map(|c| &c.2))
        .collect();
    let numeric = values
        .iter()
        .filter(|v| v.chars().any(|c| c.is_ascii_digit()))
        .count();
    if numeric * 3 < values.len() * 2 {
        return None;
    }
    split
        .iter()
        .max_by_key(|c| (c.len(), c.last().map_or(0, |last| last.1)))
        .map(|c| c.iter().map(|&(a, b, _)| (a, b)).collect())
}

/// Most lines of column heads between the two rules of a boxhead.
const MAX_BOXHEAD_LINES: usize = 4;

fn is_any_ruler(line: &str) -> bool {
    is_ruler(line) || is_full_ruler(line)
}

/// The second rule of a boxhead that opens at the full-width rule `first`: another
/// full-width rule after one to [`MAX_BOXHEAD_LINES`] lines of column heads. (Rules cut
/// into column groups, "-----  -----", sit under a header and above totals instead.)
fn boxhead_end(lines: &[&str], first: usize) -> Option<usize> {
    if !is_full_ruler(lines[first]) {
        return None;
    }
    lines
        .iter()
        .enumerate()
        .skip(first + 1)
        .take(MAX_BOXHEAD_LINES + 1)
        .find(|(_, l)| is_any_ruler(l))
        .map(|(i, _)| i)
        .filter(|&i| {
            i > first + 1 && is_full_ruler(lines[i]) && lines[first + 1..i].iter().all(|l| heads(l))
        })
}

/// A line of column heads, not a row of figures: fewer than two of its chunks are amounts
/// (years such as "2026" or "FY2027" are heads).
fn heads(line: &str) -> bool {
    let amount = |chunk: &str| {
        let t = chunk.trim_start_matches("FY");
        let year = t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit());
        !year
            && t.bytes().any(|b| b.is_ascii_digit())
            && t.bytes()
                .all(|b| b.is_ascii_digit() || matches!(b, b',' | b'.' | b'$' | b'-' | b'(' | b')'))
    };
    chunks(line).iter().filter(|c| amount(&c.2)).count() < 2
}

/// How many leading lines of a paragraph are the caption of a boxhead table under them:
/// the lines above a rule, column heads and a second rule, as the U.S. Government
/// Publishing Office sets report tables ("[In thousands of dollars]" over the rule). 0 when
/// the paragraph is not laid out so.
pub(super) fn caption_lines(lines: &[&str]) -> usize {
    match lines.iter().position(|l| is_any_ruler(l)) {
        Some(first) if first > 0 && boxhead_end(lines, first).is_some() => first,
        _ => 0,
    }
}

/// Cells of a paragraph that holds a ruler; `None` when it holds none. A paragraph that
/// opens with a boxhead (a rule, column heads, a rule) takes its header row from the heads
/// between the rules; otherwise the lines above the first rule are the header row.
pub(super) fn parse(lines: &[&str]) -> Option<Vec<Cell>> {
    let first = lines.iter().position(|l| is_any_ruler(l))?;
    let (head, ruler_at) = match boxhead_end(lines, first) {
        Some(second) if first == 0 => (&lines[1..second], second),
        _ => (&lines[..first], first),
    };
    let columns: Vec<(usize, usize)> = if is_ruler(lines[ruler_at]) {
        chunks(lines[ruler_at]).iter().map(|c| (c.0, c.1)).collect()
    } else {
        columns_from_rows(&lines[ruler_at + 1..])?
    };
    let mut rows: Vec<Vec<String>> = Vec::new();
    if !head.is_empty() {
        let mut header = vec![String::new(); columns.len()];
        for line in head {
            fill(&mut header, line, &columns);
        }
        rows.push(header);
    }
    for line in &lines[ruler_at..] {
        if is_ruler(line) || is_full_ruler(line) || line.trim().is_empty() {
            continue;
        }
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
    Some(cells)
}

/// Minimum number of lines of a table without a ruler, header included.
const MIN_ALIGNED_LINES: usize = 3;

/// Cells of the leading lines of a paragraph laid out as a table without a ruler
/// ("Programme    2024    2025" / "Sembrando Vida   2,610.0   2,790.0"), and how many
/// lines they take; `None` when the paragraph does not open with one. Prose wrapped with
/// two spaces after a full stop is no table: every line must split into the header's
/// number of chunks, and most cells past the first column must hold a digit.
pub(super) fn parse_aligned(lines: &[&str]) -> Option<(Vec<Cell>, usize)> {
    let width = chunks(lines.first()?).len();
    if width < 2 {
        return None;
    }
    let used = lines
        .iter()
        .take_while(|l| chunks(l).len() == width)
        .count();
    if used < MIN_ALIGNED_LINES {
        return None;
    }
    let body: Vec<Vec<(usize, usize, String)>> = lines[1..used].iter().map(|l| chunks(l)).collect();
    let values: Vec<&String> = body
        .iter()
        .flat_map(|r| r[1..].iter().map(|c| &c.2))
        .collect();
    let numeric = values
        .iter()
        .filter(|v| v.chars().any(|c| c.is_ascii_digit()))
        .count();
    if numeric * 3 < values.len() * 2 {
        return None;
    }
    let columns: Vec<(usize, usize)> = lines[..used]
        .iter()
        .map(|l| chunks(l))
        .max_by_key(|c| c.last().map_or(0, |last| last.1))
        .map(|c| c.iter().map(|&(a, b, _)| (a, b)).collect())?;
    let mut cells = Vec::new();
    for (r, line) in lines[..used].iter().enumerate() {
        let mut row = vec![String::new(); columns.len()];
        fill(&mut row, line, &columns);
        for (c, text) in row.into_iter().enumerate() {
            if !text.is_empty() {
                cells.push((r as u32, c as u32, text));
            }
        }
    }
    Some((cells, used))
}

pub(super) fn fill(row: &mut [String], line: &str, columns: &[(usize, usize)]) {
    for (start, end, text) in chunks(line) {
        let column = columns
            .iter()
            .enumerate()
            .max_by_key(|&(_, &(c0, c1))| {
                let overlap = end.min(c1).saturating_sub(start.max(c0));
                let distance = if overlap > 0 {
                    0
                } else {
                    start.abs_diff(c1).min(end.abs_diff(c0))
                };
                (overlap, std::cmp::Reverse(distance))
            })
            .map_or(0, |(i, _)| i);
        let cell = &mut row[column];
        if !cell.is_empty() {
            cell.push(' ');
        }
        cell.push_str(&text);
    }
}

/// Runs of text separated by two or more spaces, as (start column, end column, text);
/// columns count characters.
pub(super) fn chunks(line: &str) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut current: Option<(usize, String)> = None;
    let mut spaces = 0;
    for (col, c) in line.chars().enumerate() {
        if c == ' ' {
            spaces += 1;
            if spaces == 2
                && let Some((start, text)) = current.take()
            {
                let text = text.trim_end().to_owned();
                out.push((start, start + text.chars().count(), text));
            }
            if let Some((_, text)) = current.as_mut() {
                text.push(c);
            }
            continue;
        }
        spaces = 0;
        match current.as_mut() {
            Some((_, text)) => text.push(c),
            None => current = Some((col, c.to_string())),
        }
    }
    if let Some((start, text)) = current {
        let text = text.trim_end().to_owned();
        out.push((start, start + text.chars().count(), text));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_columns_by_the_ruler() {
        let lines = [
            "Recipient                      FY2008 Supp.    Total",
            "                               P.L. 110-252",
            "-----------------------------  --------------  -------",
            "Mexico (a)                              400.0  1,120.0",
            "Central America, Haiti & D.R.              --    175.0",
            "-----------------------------  --------------  -------",
        ];
        let cells = parse(&lines).unwrap();
        let show: Vec<String> = cells
            .iter()
            .map(|(r, c, t)| format!("{r},{c}={t}"))
            .collect();
        assert_eq!(
            show,
            [
                "0,0=Recipient",
                "0,1=FY2008 Supp. P.L. 110-252",
                "0,2=Total",
                "1,0=Mexico (a)",
                "1,1=400.0",
                "1,2=1,120.0",
                "2,0=Central America, Haiti & D.R.",
                "2,1=--",
                "2,2=175.0",
            ]
        );
    }

    #[test]
    fn aligned_columns_without_a_ruler() {
        let lines = [
            "Line item                      2030      2031",
            "Harbour radar upgrades        410.5     388.0",
            "Ferry inspections (regional)   96.0     101.5",
            "Total                         506.5     489.5",
            "Note: amounts are estimates.",
        ];
        let (cells, used) = parse_aligned(&lines).unwrap();
        assert_eq!(used, 4);
        let show: Vec<String> = cells
            .iter()
            .map(|(r, c, t)| format!("{r},{c}={t}"))
            .collect();
        assert_eq!(
            show,
            [
                "0,0=Line item",
                "0,1=2030",
                "0,2=2031",
                "1,0=Harbour radar upgrades",
                "1,1=410.5",
                "1,2=388.0",
                "2,0=Ferry inspections (regional)",
                "2,1=96.0",
                "2,2=101.5",
                "3,0=Total",
                "3,1=506.5",
                "3,2=489.5",
            ]
        );
    }

    #[test]
    fn prose_with_double_spaces_is_no_table() {
        let prose = [
            "The ministry met in May.  It agreed on a plan",
            "for the ports.  Officials will report in June",
            "to the council.  A review follows next year.",
        ];
        assert!(parse_aligned(&prose).is_none());
        // Two lines are too few.
        assert!(parse_aligned(&["Year  Amount", "2030  5.0"]).is_none());
    }

    #[test]
    fn a_full_width_rule_takes_its_columns_from_the_rows() {
        let lines = [
            "Activity                 FY2025    FY2026",
            "                         Actual    Enacted",
            "-----------------------------------------",
            "Port screening            12.5      14.0",
            "Training (state and",
            "  local)                   3.1a      --",
            "-----------------------------------------",
            "Total                     15.6      14.0",
        ];
        let cells = parse(&lines).expect("table");
        let at = |r: u32, c: u32| {
            cells
                .iter()
                .find(|(rr, cc, _)| *rr == r && *cc == c)
                .map(|x| x.2.as_str())
        };
        assert_eq!(at(0, 1), Some("FY2025 Actual"));
        assert_eq!(at(0, 2), Some("FY2026 Enacted"));
        assert_eq!(at(1, 0), Some("Port screening"));
        assert_eq!(at(1, 2), Some("14.0"));
        assert_eq!(at(3, 1), Some("3.1a"));
        assert_eq!(at(4, 0), Some("Total"));
        assert_eq!(at(4, 1), Some("15.6"));
    }

    #[test]
    fn a_rule_under_a_title_or_prose_is_no_table() {
        assert!(parse(&["Annual Report 2026", "=================="]).is_none());
        assert!(
            parse(&[
                "The committee met twice.  It agreed to meet again.",
                "------------------------------------------",
                "Members asked for a report.  The chair agreed."
            ])
            .is_none()
        );
    }

    #[test]
    fn a_boxhead_takes_its_heads_between_two_rules_and_leaves_the_caption_above() {
        let lines = [
            "                  [In thousands of dollars]",
            "----------------------------------------------",
            "                        FY2026       FY2027",
            "  Activity              enacted      request",
            "----------------------------------------------",
            "Harbour patrols ....     12,000       14,500a",
            "Inspection .........         --        9,800",
        ];
        assert_eq!(caption_lines(&lines), 1);
        let cells = parse(&lines[1..]).expect("a table");
        let cell = |r: u32, c: u32| {
            cells
                .iter()
                .find(|x| x.0 == r && x.1 == c)
                .map(|x| x.2.as_str())
        };
        assert_eq!(cell(0, 0), Some("Activity"));
        assert_eq!(cell(0, 1), Some("FY2026 enacted"));
        assert_eq!(cell(0, 2), Some("FY2027 request"));
        assert_eq!(cell(1, 0), Some("Harbour patrols ...."));
        assert_eq!(cell(1, 2), Some("14,500a"));
        assert_eq!(cell(2, 1), Some("--"));
        // One rule under a header is no boxhead: no caption.
        assert_eq!(
            caption_lines(&["Name     Total", "-----  -----", "A          1"]),
            0
        );
        // Nor are rows of figures between a rule under the header and one above the total.
        let ruled_total = [
            "Account                 FY2025    FY2026",
            "----------------------------------------",
            "Patrols                   18.4      21.0",
            "Inspection                 6.2       6.2",
            "----------------------------------------",
            "Total                     24.6      27.2",
        ];
        assert_eq!(caption_lines(&ruled_total), 0);
        let cells = parse(&ruled_total).expect("a table");
        assert!(cells.contains(&(0, 1, "FY2025".to_owned())), "{cells:?}");
    }

    #[test]
    fn no_ruler_no_table() {
        assert!(parse(&["a  b", "c  d"]).is_none());
        assert!(!is_ruler("---"));
        assert!(is_ruler("---- ===="));
    }
}
