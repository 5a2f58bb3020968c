//! Ruled tables: the lines of a page that stand in the grid of its ruling lines.
//!
//! As in pdfplumber's `lines` strategy, the drawn ruling lines make the grid: horizontal
//! rules are snapped (1.5 pt) and joined, and a stack of at least three of them that reach
//! across one x range (each overlapping the widest by 80 %) bounds a table, its rows being
//! the bands between two rules. Columns are the vertical rules crossing the table, or,
//! where it has none, the x ranges covered by the text of its rows (gaps no line crosses).
//! A grid holds a table only when at least two of its rows have text in two columns:
//! a ruled box around a paragraph is no table.

use super::glyphs::Rule;
use super::layout::Line;

/// Rules this close (points) across their length are one rule.
const SNAP: f32 = 1.5;
/// Two rules of one stack are at most this far apart (points).
const MAX_ROW_HEIGHT: f32 = 250.0;
/// Rules at least this long (points) can bound a table.
const MIN_TABLE_WIDTH: f32 = 60.0;

/// A table found on a page: its box and the grid cell of each line in it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Table {
    pub(crate) x0: f32,
    pub(crate) x1: f32,
    /// Top and bottom rules (y upwards).
    pub(crate) top: f32,
    pub(crate) bottom: f32,
    /// `(index into the page's lines, row, column)`, 0-based rows from the top.
    pub(crate) cells: Vec<(usize, u32, u32)>,
}

/// Horizontal rules joined: `(y, x0, x1)`, top first.
fn horizontals(rules: &[Rule]) -> Vec<(f32, f32, f32)> {
    let mut h: Vec<(f32, f32, f32)> = rules
        .iter()
        .filter(|r| r.horizontal())
        .map(|r| (f32::midpoint(r.y0, r.y1), r.x0, r.x1))
        .collect();
    h.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.total_cmp(&b.1)));
    let mut out: Vec<(f32, f32, f32)> = Vec::new();
    for (y, x0, x1) in h {
        // Join with a rule on the same height that it touches or overlaps.
        if let Some(m) = out
            .iter_mut()
            .rev()
            .take_while(|m| (m.0 - y).abs() <= SNAP)
            .find(|m| x0 <= m.2 + SNAP && x1 >= m.1 - SNAP)
        {
            m.1 = m.1.min(x0);
            m.2 = m.2.max(x1);
            continue;
        }
        out.push((y, x0, x1));
    }
    out.retain(|r| r.2 - r.1 >= MIN_TABLE_WIDTH);
    out
}

/// Vertical rules as `(x, y0, y1)`.
fn verticals(rules: &[Rule]) -> Vec<(f32, f32, f32)> {
    rules
        .iter()
        .filter(|r| !r.horizontal())
        .map(|r| (f32::midpoint(r.x0, r.x1), r.y0, r.y1))
        .collect()
}

/// Stacks of at least three horizontal rules over one x range: `(x0, x1, ys top first)`.
fn stacks(h: &[(f32, f32, f32)]) -> Vec<(f32, f32, Vec<f32>)> {
    let mut used = vec![false; h.len()];
    let mut out = Vec::new();
    for i in 0..h.len() {
        if used[i] {
            continue;
        }
        let (mut x0, mut x1) = (h[i].1, h[i].2);
        let mut ys = vec![h[i].0];
        let mut members = vec![i];
        for j in i + 1..h.len() {
            if used[j] || h[j].0 >= ys[ys.len() - 1] - SNAP {
                continue;
            }
            if ys[ys.len() - 1] - h[j].0 > MAX_ROW_HEIGHT {
                break;
            }
            let overlap = x1.min(h[j].2) - x0.max(h[j].1);
            let widest = (x1 - x0).max(h[j].2 - h[j].1);
            if overlap >= 0.8 * widest {
                x0 = x0.min(h[j].1);
                x1 = x1.max(h[j].2);
                ys.push(h[j].0);
                members.push(j);
            }
        }
        if ys.len() >= 3 {
            for m in members {
                used[m] = true;
            }
            out.push((x0, x1, ys));
        }
    }
    out
}

/// The middle height of a line's text.
fn middle(line: &Line) -> f32 {
    line.y + 0.3 * line.size
}

/// Column boundaries (left edges, ascending, the first being the table's left edge).
fn columns(
    x0: f32,
    x1: f32,
    top: f32,
    bottom: f32,
    v: &[(f32, f32, f32)],
    lines: &[&Line],
) -> Vec<f32> {
    let height = top - bottom;
    let mut xs: Vec<f32> = v
        .iter()
        .filter(|(x, y0, y1)| {
            *x > x0 + 2.0 * SNAP
                && *x < x1 - 2.0 * SNAP
                && y1.min(top) - y0.max(bottom) >= 0.5 * height
        })
        .map(|(x, _, _)| *x)
        .collect();
    if xs.is_empty() {
        // Gaps in the text: x ranges no line of the table crosses (lines reaching across
        // most of the table, such as spanning headers, left out).
        let mut spans: Vec<(f32, f32)> = lines
            .iter()
            .filter(|l| l.x1 - l.x0 < 0.5 * (x1 - x0))
            .map(|l| (l.x0, l.x1))
            .collect();
        spans.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut reach = f32::NEG_INFINITY;
        for (a, b) in spans {
            if reach.is_finite() && a > reach + SNAP {
                xs.push(f32::midpoint(reach, a));
            }
            reach = reach.max(b);
        }
    }
    xs.sort_by(f32::total_cmp);
    xs.dedup_by(|a, b| (*a - *b).abs() <= 2.0 * SNAP);
    let mut out = vec![x0];
    out.extend(xs);
    out
}

/// A figure: short text with a digit and few letters (`3`, `$6,715`, `Up to 79`).
fn is_figure(text: &str) -> bool {
    text.chars().count() <= 16
        && text.chars().any(|c| c.is_ascii_digit())
        && text.chars().filter(|c| c.is_alphabetic()).count() <= 6
}

/// Rows of a table from the bands between its rules (`placed`: line index, band, column):
/// a band holding several rows of text without rules between them (a contents list, a
/// column of figures) is split after each baseline that has text in two columns or more,
/// one of it a figure ([`is_figure`]), when it has two such baselines or more: a row's
/// figure stands on its last line, as in a contents list whose entries wrap. A band with
/// one such baseline is one row (cells wrapped beside a figure), and the wrapped lines of
/// cells of words, side by side, stay one row. Rows and columns are numbered from 0 over those that hold text.
fn rows(lines: &[Line], placed: &mut [(usize, usize, u32)]) -> Vec<(usize, u32, u32)> {
    placed.sort_by(|a, b| {
        a.1.cmp(&b.1)
            .then(lines[b.0].y.total_cmp(&lines[a.0].y))
            .then(a.2.cmp(&b.2))
    });
    let mut used_cols: Vec<u32> = placed.iter().map(|p| p.2).collect();
    used_cols.sort_unstable();
    used_cols.dedup();
    let col_of = |c: u32| used_cols.iter().position(|&u| u == c).unwrap_or(0) as u32;
    // One baseline of one band: `(start, end)` in `placed`, and whether it is a figure row.
    let mut baselines: Vec<(usize, usize, bool)> = Vec::new();
    let mut k = 0;
    while k < placed.len() {
        let (band, y, size) = (placed[k].1, lines[placed[k].0].y, lines[placed[k].0].size);
        let mut end = k + 1;
        while end < placed.len()
            && placed[end].1 == band
            && (lines[placed[end].0].y - y).abs() <= 0.3 * size
        {
            end += 1;
        }
        let mut cs: Vec<u32> = placed[k..end].iter().map(|p| p.2).collect();
        cs.sort_unstable();
        cs.dedup();
        let figure = placed[k..end].iter().any(|p| is_figure(&lines[p.0].text));
        baselines.push((k, end, cs.len() >= 2 && figure));
        k = end;
    }
    let mut out = Vec::with_capacity(placed.len());
    let mut row: Option<u32> = None;
    let mut figure_rows: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    for &(start, _, figure_row) in &baselines {
        if figure_row {
            *figure_rows.entry(placed[start].1).or_insert(0) += 1;
        }
    }
    let mut closed = false;
    for (b, &(start, end, figure_row)) in baselines.iter().enumerate() {
        let band = placed[start].1;
        let new_band = b == 0 || placed[baselines[b - 1].0].1 != band;
        if row.is_none() || new_band || closed {
            row = Some(row.map_or(0, |r| r + 1));
        }
        closed = figure_row && figure_rows.get(&band).copied().unwrap_or(0) >= 2;
        let r = row.unwrap_or(0);
        out.extend(placed[start..end].iter().map(|p| (p.0, r, col_of(p.2))));
    }
    out
}

/// The ruled tables of a page, with the cell of each of their lines (`lines` in any order,
/// not rotated).
pub(crate) fn find(lines: &[Line], rules: &[Rule]) -> Vec<Table> {
    if rules.len() < 3 {
        return Vec::new();
    }
    let h = horizontals(rules);
    let v = verticals(rules);
    let mut tables = Vec::new();
    for (x0, x1, ys) in stacks(&h) {
        let (top, bottom) = (ys[0], ys[ys.len() - 1]);
        let inside: Vec<usize> = (0..lines.len())
            .filter(|&i| {
                let l = &lines[i];
                let m = middle(l);
                !l.rotated
                    && m < top
                    && m > bottom
                    && l.x0 >= x0 - 2.0 * SNAP
                    && l.x1 <= x1 + 2.0 * SNAP
            })
            .collect();
        let members: Vec<&Line> = inside.iter().map(|&i| &lines[i]).collect();
        let cols = columns(x0, x1, top, bottom, &v, &members);
        let mut placed: Vec<(usize, usize, u32)> = inside
            .iter()
            .map(|&i| {
                let l = &lines[i];
                let m = middle(l);
                let band = ys
                    .windows(2)
                    .position(|w| m < w[0] && m > w[1])
                    .unwrap_or(0);
                let col = cols.iter().rposition(|&c| l.x0 >= c - SNAP).unwrap_or(0);
                (i, band, col as u32)
            })
            .collect();
        let cells = rows(lines, &mut placed);
        // A grid holds a table when two of its rows have text in two columns.
        let mut rows_with_columns = 0;
        let last_row = cells.iter().map(|c| c.1).max().unwrap_or(0);
        for r in 0..=last_row {
            let mut cs: Vec<u32> = cells.iter().filter(|c| c.1 == r).map(|c| c.2).collect();
            cs.sort_unstable();
            cs.dedup();
            if cs.len() >= 2 {
                rows_with_columns += 1;
            }
        }
        if rows_with_columns >= 2 {
            tables.push(Table {
                x0,
                x1,
                top,
                bottom,
                cells,
            });
        }
    }
    tables
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(text: &str, x0: f32, y: f32) -> Line {
        Line {
            text: text.to_owned(),
            x0,
            x1: x0 + 5.0 * text.chars().count() as f32,
            y,
            size: 10.0,
            bold: false,
            rotated: false,
            cell: None,
        }
    }

    fn hrule(y: f32, x0: f32, x1: f32) -> Rule {
        Rule {
            x0,
            y0: y,
            x1,
            y1: y,
        }
    }

    #[test]
    fn rows_between_rules_and_columns_from_text_gaps() {
        // Three rows between four rules (each drawn as two touching segments), two columns.
        let mut rules = Vec::new();
        for y in [700.0, 680.0, 650.0, 630.0] {
            rules.push(hrule(y, 72.0, 200.0));
            rules.push(hrule(y + 0.4, 200.0, 400.0));
        }
        let lines = vec![
            line("Action", 80.0, 686.0),
            line("Cost", 250.0, 686.0),
            line("Install", 80.0, 664.0),
            line("85", 250.0, 668.0),
            line("software", 80.0, 654.0),
            line("Test", 80.0, 636.0),
            line("0", 250.0, 636.0),
            line("Body text after the table", 72.0, 600.0),
        ];
        let tables = find(&lines, &rules);
        assert_eq!(tables.len(), 1);
        let mut cells = tables[0].cells.clone();
        cells.sort_unstable();
        assert_eq!(
            cells,
            [
                (0, 0, 0),
                (1, 0, 1),
                (2, 1, 0),
                (3, 1, 1),
                (4, 1, 0),
                (5, 2, 0),
                (6, 2, 1)
            ]
        );
    }

    #[test]
    fn a_band_without_inner_rules_splits_at_rows_that_fill_two_columns() {
        // One band between two rules, then a one-row band: entries with their page numbers,
        // the second entry wrapped over two lines.
        let rules: Vec<Rule> = [700.0, 640.0, 620.0]
            .iter()
            .map(|&y| hrule(y, 72.0, 400.0))
            .collect();
        let lines = vec![
            line("Letter", 80.0, 686.0),
            line("Results in Brief", 150.0, 686.0),
            line("3", 380.0, 686.0),
            line("Agencies Can Use", 150.0, 674.0),
            line("Information", 150.0, 662.0),
            line("7", 380.0, 662.0),
            line("Index", 80.0, 626.0),
            line("40", 380.0, 626.0),
        ];
        let tables = find(&lines, &rules);
        assert_eq!(tables.len(), 1);
        let mut cells = tables[0].cells.clone();
        cells.sort_unstable();
        assert_eq!(
            cells,
            [
                (0, 0, 0),
                (1, 0, 1),
                (2, 0, 2),
                (3, 1, 1),
                (4, 1, 1),
                (5, 1, 2),
                (6, 2, 0),
                (7, 2, 2)
            ]
        );
    }

    #[test]
    fn cells_of_words_side_by_side_stay_one_row() {
        let rules: Vec<Rule> = [700.0, 650.0, 620.0]
            .iter()
            .map(|&y| hrule(y, 72.0, 400.0))
            .collect();
        let lines = vec![
            line("Praise and", 80.0, 686.0),
            line("The grantor recognises", 200.0, 686.0),
            line("recognition", 80.0, 674.0),
            line("good performance.", 200.0, 674.0),
            line("Bonus", 80.0, 630.0),
            line("A one-time payment.", 200.0, 630.0),
        ];
        let tables = find(&lines, &rules);
        assert_eq!(tables.len(), 1);
        let rows: Vec<u32> = {
            let mut cells = tables[0].cells.clone();
            cells.sort_unstable();
            cells.iter().map(|c| c.1).collect()
        };
        assert_eq!(rows, [0, 0, 0, 0, 1, 1]);
    }

    #[test]
    fn vertical_rules_make_the_columns() {
        let mut rules: Vec<Rule> = [700.0, 680.0, 660.0]
            .iter()
            .map(|&y| hrule(y, 72.0, 300.0))
            .collect();
        rules.push(Rule {
            x0: 150.0,
            y0: 660.0,
            x1: 150.0,
            y1: 700.0,
        });
        // Text that crosses no gap of its own: only the rule splits the columns.
        let lines = vec![
            line("aaaaaaaaaaaaaaa", 75.0, 686.0),
            line("bbbb", 152.0, 686.0),
            line("cc", 75.0, 666.0),
            line("dd", 152.0, 666.0),
        ];
        let tables = find(&lines, &rules);
        assert_eq!(tables.len(), 1);
        assert!(tables[0].cells.contains(&(1, 0, 1)));
        assert!(tables[0].cells.contains(&(3, 1, 1)));
    }

    #[test]
    fn a_ruled_box_around_a_paragraph_is_no_table() {
        let rules: Vec<Rule> = [700.0, 660.0, 620.0]
            .iter()
            .map(|&y| hrule(y, 72.0, 400.0))
            .collect();
        let lines = vec![
            line("A note set in a box that runs on", 80.0, 686.0),
            line("over two lines of text.", 80.0, 674.0),
            line("And a second paragraph below it.", 80.0, 640.0),
        ];
        assert!(find(&lines, &rules).is_empty());
    }
}
