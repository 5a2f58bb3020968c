//! Fixed-width plain-text tables: columns taken from a dashed ruler line.
//!
//! ```text
//! Recipient          FY2008 Supp.    Total
//!                    P.L. 110-252
//! -----------------  --------------  -------
//! Mexico (a)                  400.0  1,120.0
//! ```
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

/// Cells of a paragraph that holds a ruler; `None` when it holds none.
pub(super) fn parse(lines: &[&str]) -> Option<Vec<Cell>> {
    let ruler_at = lines.iter().position(|l| is_ruler(l))?;
    let columns: Vec<(usize, usize)> = chunks(lines[ruler_at]).iter().map(|c| (c.0, c.1)).collect();
    let mut rows: Vec<Vec<String>> = Vec::new();
    if ruler_at > 0 {
        let mut header = vec![String::new(); columns.len()];
        for line in &lines[..ruler_at] {
            fill(&mut header, line, &columns);
        }
        rows.push(header);
    }
    for line in &lines[ruler_at..] {
        if is_ruler(line) || line.trim().is_empty() {
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

fn fill(row: &mut [String], line: &str, columns: &[(usize, usize)]) {
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
fn chunks(line: &str) -> Vec<(usize, usize, String)> {
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
    fn no_ruler_no_table() {
        assert!(parse(&["a  b", "c  d"]).is_none());
        assert!(!is_ruler("---"));
        assert!(is_ruler("---- ===="));
    }
}
