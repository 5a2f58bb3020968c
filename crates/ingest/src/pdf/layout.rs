//! Runs of one page to lines in reading order.
//!
//! Runs on one baseline form a row; smaller runs raised above a row are its superscripts
//! (footnote markers become `^{n}`, which [`crate::inline`] takes out later). A row splits
//! where a horizontal gap is wider than 1.5 em (columns, table cells). Reading order comes
//! from a recursive XY cut (Nagy & Seth 1984): a page is cut at a vertical gutter when two
//! blocks of lines stand side by side, otherwise at wide horizontal gaps, and the pieces are
//! read left to right and top to bottom; inside a piece lines go top to bottom. A narrow
//! left column of a few lines beside a text column holds side heads: each goes before the
//! text line it stands beside. A ruled table ([`super::table`]) takes part in the cut as
//! one box, and its lines come out row by row.

use std::collections::HashMap;

use super::glyphs::{Rule, Run};
use super::table;
use crate::inline::roman_to_int;

/// A gap wider than this many ems between two runs of a row splits it.
const SPLIT_GAP_EM: f32 = 1.5;
/// A gap wider than this many ems between two runs is a space.
const SPACE_GAP_EM: f32 = 0.15;

/// One line (or one column's or cell's part of a line) of a page.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Line {
    /// The text, with superscript note markers written `^{n}`.
    pub(crate) text: String,
    pub(crate) x0: f32,
    pub(crate) x1: f32,
    /// Baseline.
    pub(crate) y: f32,
    /// Font size of most of the characters (superscripts left out).
    pub(crate) size: f32,
    /// Most of the characters are bold.
    pub(crate) bold: bool,
    /// Set along a slanted or vertical baseline (margin slugs, stamps).
    pub(crate) rotated: bool,
    /// Row and column (0-based) of the table cell the line stands in ([`table`]).
    pub(crate) cell: Option<(u32, u32)>,
}

/// The row of a table's stand-in box during the XY cut (its column is the table's index).
const TABLE_BOX: u32 = u32::MAX;

impl Line {
    fn top(&self) -> f32 {
        self.y + 0.8 * self.size
    }

    fn bottom(&self) -> f32 {
        self.y - 0.25 * self.size
    }
}

/// The lines of a page in reading order; the lines of a ruled table ([`table::find`]) come
/// together where the table stands, row by row, each with its cell.
pub(crate) fn lines(mut runs: Vec<Run>, rules: &[Rule]) -> Vec<Line> {
    runs.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x0.total_cmp(&b.x0)));
    let rows = attach_superscripts(rows(runs));
    let gutters = Gutters::new(&rows);
    let mut pieces = Vec::new();
    for row in rows {
        pieces.extend(split_row(row, &gutters));
    }
    let segments: Vec<Line> = attach_segment_superscripts(pieces)
        .iter()
        .map(|s| segment_line(&s.iter().collect::<Vec<_>>()))
        .collect();
    let median = median_size(&segments);
    let tables = table::find(&segments, rules);
    let mut place: Vec<Option<(usize, u32, u32)>> = vec![None; segments.len()];
    for (t, found) in tables.iter().enumerate() {
        for &(i, row, col) in &found.cells {
            place[i] = Some((t, row, col));
        }
    }
    let mut grids: Vec<Vec<Line>> = vec![Vec::new(); tables.len()];
    let mut free = Vec::with_capacity(segments.len());
    for (mut line, at) in segments.into_iter().zip(place) {
        match at {
            Some((t, row, col)) => {
                line.cell = Some((row, col));
                grids[t].push(line);
            }
            None => free.push(line),
        }
    }
    // Each table takes part in the XY cut as one box.
    for (t, found) in tables.iter().enumerate() {
        let size = (found.top - found.bottom) / 1.05;
        free.push(Line {
            text: String::new(),
            x0: found.x0,
            x1: found.x1,
            y: found.bottom + 0.25 * size,
            size,
            bold: false,
            rotated: false,
            cell: Some((TABLE_BOX, t as u32)),
        });
    }
    let mut ordered = Vec::with_capacity(free.len());
    xy_cut(free, median, 0, &mut ordered);
    let mut out = Vec::with_capacity(ordered.len());
    for line in ordered {
        match line.cell {
            Some((TABLE_BOX, t)) => {
                let mut grid = std::mem::take(&mut grids[t as usize]);
                grid.sort_by(|a, b| {
                    a.cell
                        .cmp(&b.cell)
                        .then(b.y.total_cmp(&a.y))
                        .then(a.x0.total_cmp(&b.x0))
                });
                out.extend(grid);
            }
            _ => out.push(line),
        }
    }
    out
}

/// Runs (sorted by baseline, top first) grouped into rows of one baseline.
fn rows(runs: Vec<Run>) -> Vec<Vec<Run>> {
    let mut rows: Vec<Vec<Run>> = Vec::new();
    // Baseline and size of the largest run of the last row.
    let mut last = (0.0f32, 0.0f32);
    for run in runs {
        if let Some(row) = rows.last_mut() {
            let (y, size) = last;
            if (y - run.y).abs() <= 0.3 * size.min(run.size) {
                if run.size > size {
                    last = (run.y, run.size);
                }
                row.push(run);
                continue;
            }
        }
        last = (run.y, run.size);
        rows.push(vec![run]);
    }
    rows
}

/// Baseline and size of the largest run of a row.
fn row_baseline(row: &[Run]) -> (f32, f32) {
    row.iter()
        .max_by(|a, b| a.size.total_cmp(&b.size))
        .map_or((0.0, 0.0), |r| (r.y, r.size))
}

/// Merges a row of small runs into the row just below it when they are raised above its
/// baseline by less than 0.6 em: superscripts drawn on a baseline of their own.
fn attach_superscripts(rows: Vec<Vec<Run>>) -> Vec<Vec<Run>> {
    let mut out: Vec<Vec<Run>> = Vec::with_capacity(rows.len());
    let mut pending: Option<Vec<Run>> = None;
    for row in rows {
        if let Some(small) = pending.take() {
            let (y, size) = row_baseline(&row);
            let (sy, ssize) = row_baseline(&small);
            let (x0, x1) = extent(&row);
            let raised = sy > y && sy - y <= 0.6 * size;
            // Within an em of the row (a note's label stands just left of its text).
            let inside = small.iter().all(|r| r.x1 >= x0 - size && r.x0 <= x1 + size);
            // Superscripts are short (note labels, ordinals), never a line of words.
            let short = small.iter().all(|r| r.text.chars().count() <= 4);
            if ssize <= 0.85 * size && raised && inside && short {
                let mut merged = row;
                merged.extend(small);
                pending = Some(merged);
                continue;
            }
            out.push(small);
        }
        pending = Some(row);
    }
    out.extend(pending);
    out
}

fn extent(row: &[Run]) -> (f32, f32) {
    let x0 = row.iter().map(|r| r.x0).fold(f32::INFINITY, f32::min);
    let x1 = row.iter().map(|r| r.x1).fold(f32::NEG_INFINITY, f32::max);
    (x0, x1)
}

/// The page's column gutters: the points of the x axis that almost no row covers.
///
/// Each row marks the 1-point bins its runs cover; a bin covered by at most a tenth of the
/// rows that cover the page's most covered bin (and by at least [`MIN_GUTTER_ROWS`] rows
/// fewer) is a gutter. Word spaces do not line up from row to row, so inside a column every
/// bin is covered by most rows, while a gutter between columns is crossed only by the few
/// rows that run across the page (titles, running heads).
struct Gutters {
    x0: f32,
    free: Vec<bool>,
}

/// A page needs at least this many rows in its tallest column to show a gutter.
const MIN_GUTTER_ROWS: usize = 6;
/// A gap narrower than a split gap splits a row when it holds a gutter and is at least this
/// many ems wide.
const GUTTER_GAP_EM: f32 = 0.4;

impl Gutters {
    fn new(rows: &[Vec<Run>]) -> Gutters {
        let x0 = rows
            .iter()
            .flatten()
            .map(|r| r.x0)
            .fold(f32::INFINITY, f32::min);
        let x1 = rows
            .iter()
            .flatten()
            .map(|r| r.x1)
            .fold(f32::NEG_INFINITY, f32::max);
        if !(x0.is_finite() && x1.is_finite()) || x1 - x0 > 20_000.0 {
            return Gutters {
                x0: 0.0,
                free: Vec::new(),
            };
        }
        let n = (x1 - x0).ceil() as usize + 1;
        let mut cover = vec![0usize; n];
        let mut marked = vec![usize::MAX; n];
        for (i, row) in rows.iter().enumerate() {
            for run in row {
                let a = ((run.x0 - x0).max(0.0) as usize).min(n - 1);
                let b = ((run.x1 - x0).max(0.0) as usize).min(n - 1);
                for bin in a..=b {
                    if marked[bin] != i {
                        marked[bin] = i;
                        cover[bin] += 1;
                    }
                }
            }
        }
        let most = cover.iter().copied().max().unwrap_or(0);
        let free = cover
            .iter()
            .map(|&c| most >= MIN_GUTTER_ROWS && c * 10 <= most && c + MIN_GUTTER_ROWS <= most)
            .collect();
        Gutters { x0, free }
    }

    /// Whether the open interval `(a, b)` holds a gutter bin.
    fn within(&self, a: f32, b: f32) -> bool {
        let lo = (a - self.x0).ceil().max(0.0) as usize;
        let hi = (b - self.x0).floor().max(0.0) as usize;
        (lo..hi.min(self.free.len())).any(|bin| self.free[bin])
    }
}

/// One row to one or more segments (lines, or a column's or cell's part of a line), split at
/// wide gaps and at gaps over a column gutter; each segment sorted by left edge.
fn split_row(mut row: Vec<Run>, gutters: &Gutters) -> Vec<Vec<Run>> {
    row.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    let (base_y, row_size) = row_baseline(&row);
    // The em that decides splits: the row's usual size.
    let em = dominant_size(row.iter().filter(|r| !is_raised(r, base_y, row_size))).max(1.0);
    let mut segments: Vec<Vec<Run>> = Vec::new();
    let mut current: Vec<Run> = Vec::new();
    for (i, run) in row.iter().enumerate() {
        // Fake bold and shadows: the same text drawn again almost on top of itself (looked for
        // among the few runs just before, which are sorted by left edge).
        if row[i.saturating_sub(8)..i]
            .iter()
            .any(|p| p.text == run.text && (p.x0 - run.x0).abs() < 1.0 && (p.y - run.y).abs() < 1.0)
        {
            continue;
        }
        if let Some(prev) = current.last() {
            let gap = run.x0 - prev.x1;
            if gap > SPLIT_GAP_EM * em
                || (gap > GUTTER_GAP_EM * em && gutters.within(prev.x1, run.x0))
            {
                segments.push(std::mem::take(&mut current));
            }
        }
        current.push(run.clone());
    }
    if !current.is_empty() {
        segments.push(current);
    }
    segments
}

/// Moves a short segment of small runs (a note label, an ordinal) into the segment just
/// below it that holds it horizontally, when it is raised above that segment's baseline by
/// less than 0.6 em: superscripts that share a row with another column's line.
fn attach_segment_superscripts(mut segments: Vec<Vec<Run>>) -> Vec<Vec<Run>> {
    /// How many following segments are looked at.
    const LOOK_AHEAD: usize = 12;
    for i in 0..segments.len() {
        let small = &segments[i];
        if small.is_empty() || small.iter().any(|r| r.text.chars().count() > 4) {
            continue;
        }
        let (sy, ssize) = row_baseline(small);
        let (sx0, sx1) = extent(small);
        let target = (i + 1..segments.len().min(i + 1 + LOOK_AHEAD)).find(|&j| {
            let seg = &segments[j];
            let (y, size) = row_baseline(seg);
            let (x0, x1) = extent(seg);
            !seg.is_empty()
                && ssize <= 0.85 * size
                && sy > y
                && sy - y <= 0.6 * size
                && sx1 >= x0 - size
                && sx0 <= x1 + size
        });
        if let Some(j) = target {
            let moved = std::mem::take(&mut segments[i]);
            segments[j].extend(moved);
            segments[j].sort_by(|a, b| a.x0.total_cmp(&b.x0));
        }
    }
    segments.retain(|s| !s.is_empty());
    segments
}

/// One piece of a row as a line, with the baseline, size and superscripts of its own runs
/// (the pieces of one row can be columns set in different sizes, a note beside body text).
fn segment_line(runs: &[&Run]) -> Line {
    let (base_y, size) = runs
        .iter()
        .max_by(|a, b| a.size.total_cmp(&b.size))
        .map_or((0.0, 0.0), |r| (r.y, r.size));
    let body = dominant_size(runs.iter().copied().filter(|r| !is_raised(r, base_y, size)));
    make_line(runs, base_y, body, size)
}

/// A run smaller than its row (whose largest size is `row_size`) and raised above its
/// baseline.
fn is_raised(run: &Run, base_y: f32, row_size: f32) -> bool {
    run.size <= 0.85 * row_size && run.y - base_y >= 0.1 * row_size
}

/// The size (to the half point) of most characters of `runs`.
fn dominant_size<'a>(runs: impl Iterator<Item = &'a Run>) -> f32 {
    let mut by_size: HashMap<i32, usize> = HashMap::new();
    for r in runs {
        *by_size.entry((r.size * 2.0).round() as i32).or_insert(0) += r.text.chars().count();
    }
    by_size
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(&b.0)))
        .map_or(0.0, |(s, _)| s as f32 / 2.0)
}

/// A note marker: one to three digits, or a lowercase roman numeral.
fn marker_label(text: &str) -> Option<&str> {
    let t = text.trim();
    let digits = !t.is_empty() && t.len() <= 3 && t.bytes().all(|b| b.is_ascii_digit());
    (digits || (t.len() <= 6 && roman_to_int(t).is_some())).then_some(t)
}

fn make_line(runs: &[&Run], base_y: f32, body_size: f32, row_size: f32) -> Line {
    let mut text = String::new();
    let mut prev_x1: Option<f32> = None;
    let mut bold_chars = 0;
    let mut chars = 0;
    let size = if body_size > 0.0 {
        body_size
    } else {
        dominant_size(runs.iter().copied())
    };
    for run in runs {
        let raised = is_raised(run, base_y, row_size);
        let piece = run.text.replace(|c: char| c.is_control(), " ");
        if raised && let Some(label) = marker_label(&piece) {
            let opens = text.is_empty();
            text.push_str("^{");
            text.push_str(label);
            text.push('}');
            // A raised label that opens a line is a note's label, set tight to its text.
            if opens {
                text.push(' ');
            }
            prev_x1 = Some(run.x1);
            continue;
        }
        if let Some(x1) = prev_x1
            && run.x0 - x1 > SPACE_GAP_EM * size
            && !text.ends_with(char::is_whitespace)
            && !piece.starts_with(char::is_whitespace)
        {
            text.push(' ');
        }
        text.push_str(&piece);
        prev_x1 = Some(run.x1);
        let n = piece.chars().filter(|c| !c.is_whitespace()).count();
        chars += n;
        if run.bold {
            bold_chars += n;
        }
    }
    let x0 = runs.iter().map(|r| r.x0).fold(f32::INFINITY, f32::min);
    let x1 = runs.iter().map(|r| r.x1).fold(f32::NEG_INFINITY, f32::max);
    Line {
        text: text.split_whitespace().collect::<Vec<_>>().join(" "),
        x0,
        x1,
        y: base_y,
        size,
        bold: chars > 0 && bold_chars * 2 > chars,
        rotated: false,
        cell: None,
    }
}

fn median_size(lines: &[Line]) -> f32 {
    let mut sizes: Vec<f32> = lines.iter().map(|l| l.size).collect();
    sizes.sort_by(f32::total_cmp);
    sizes.get(sizes.len() / 2).copied().unwrap_or(10.0).max(1.0)
}

/// Recursive XY cut; appends the lines of `node` to `out` in reading order.
///
/// Wide horizontal gaps (an em or more: around titles, headers, footers, notes) are cut
/// first, then a vertical gutter, then narrower horizontal gaps (half an em: between
/// paragraphs), so that a title or footer that does not reach across the gutter still
/// stays above or below both columns.
fn xy_cut(mut node: Vec<Line>, em: f32, depth: usize, out: &mut Vec<Line>) {
    if node.len() > 1 && depth < 32 {
        let wide = bands(&mut node, em);
        if wide.len() > 1 {
            for band in wide {
                xy_cut(band, em, depth + 1, out);
            }
            return;
        }
        if let Some((x, side)) = gutter(&node, em) {
            let (left, right): (Vec<Line>, Vec<Line>) = node.into_iter().partition(|l| l.x1 <= x);
            if side {
                let (mut heads, mut body) = (Vec::new(), Vec::new());
                xy_cut(left, em, depth + 1, &mut heads);
                xy_cut(right, em, depth + 1, &mut body);
                out.extend(interleave_side_heads(heads, body));
            } else {
                xy_cut(left, em, depth + 1, out);
                xy_cut(right, em, depth + 1, out);
            }
            return;
        }
        let narrow = bands(&mut node, 0.5 * em);
        if narrow.len() > 1 {
            for band in narrow {
                xy_cut(band, em, depth + 1, out);
            }
            return;
        }
    }
    node.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x0.total_cmp(&b.x0)));
    out.extend(node);
}

/// The middle of the widest vertical gap (at least one em) with lines on both sides that
/// stand side by side (their vertical extents overlap by half the shorter one), and whether
/// the left side is a column of side heads ([`is_side_column`]).
fn gutter(node: &[Line], em: f32) -> Option<(f32, bool)> {
    let mut spans: Vec<(f32, f32)> = node.iter().map(|l| (l.x0, l.x1)).collect();
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut best: Option<(f32, f32)> = None;
    let mut reach = spans.first()?.1;
    for &(x0, x1) in &spans[1..] {
        let gap = x0 - reach;
        if gap >= em && best.is_none_or(|(w, _)| gap > w) {
            best = Some((gap, reach + gap / 2.0));
        }
        reach = reach.max(x1);
    }
    let (_, x) = best?;
    let vertical = |side: &mut dyn Iterator<Item = &Line>| {
        side.fold(
            (f32::INFINITY, f32::NEG_INFINITY, 0usize),
            |(lo, hi, n), l| (lo.min(l.bottom()), hi.max(l.top()), n + 1),
        )
    };
    // A column of bullets or labels beside the text is no column.
    let widest =
        |side: &mut dyn Iterator<Item = &Line>| side.map(|l| l.x1 - l.x0).fold(0.0, f32::max);
    if widest(&mut node.iter().filter(|l| l.x1 <= x)) < 2.0 * em
        || widest(&mut node.iter().filter(|l| l.x0 >= x)) < 2.0 * em
    {
        return None;
    }
    let (l_lo, l_hi, l_n) = vertical(&mut node.iter().filter(|l| l.x1 <= x));
    let (r_lo, r_hi, r_n) = vertical(&mut node.iter().filter(|l| l.x0 >= x));
    let overlap = l_hi.min(r_hi) - l_lo.max(r_lo);
    let shorter = (l_hi - l_lo).min(r_hi - r_lo);
    let side = is_side_column(
        &node.iter().filter(|l| l.x1 <= x).collect::<Vec<_>>(),
        &node.iter().filter(|l| l.x0 >= x).collect::<Vec<_>>(),
    );
    ((l_n >= 2 || side) && r_n >= 2 && overlap >= 0.5 * shorter).then_some((x, side))
}

/// Whether `left` is a column of side heads beside the text column `right` (reports that
/// set their headings in the left margin): at most half as wide as the text and with at
/// most a third as many lines.
fn is_side_column(left: &[&Line], right: &[&Line]) -> bool {
    let widest = |side: &[&Line]| side.iter().map(|l| l.x1 - l.x0).fold(0.0, f32::max);
    !left.is_empty() && widest(left) <= 0.5 * widest(right) && left.len() * 3 <= right.len()
}

/// Side heads (in their own reading order) put into the text (in its reading order): each
/// stretch of heads that follow each other closely goes before the first text line that
/// stands on its first head's baseline or below it.
fn interleave_side_heads(heads: Vec<Line>, body: Vec<Line>) -> Vec<Line> {
    let mut groups: Vec<Vec<Line>> = Vec::new();
    for head in heads {
        match groups.last_mut() {
            Some(group)
                if group
                    .last()
                    .is_some_and(|prev| head.top() >= prev.bottom() - prev.size) =>
            {
                group.push(head);
            }
            _ => groups.push(vec![head]),
        }
    }
    let mut out = Vec::with_capacity(body.len() + groups.len());
    let mut groups = groups.into_iter().peekable();
    for line in body {
        while let Some(group) = groups.next_if(|g| line.y <= g[0].y + 0.5 * g[0].size) {
            out.extend(group);
        }
        out.push(line);
    }
    out.extend(groups.flatten());
    out
}

/// Splits `node` (sorting it by top edge) where no line covers a horizontal strip of at
/// least `min_gap`; one band holding every line when there is no such strip.
fn bands(node: &mut [Line], min_gap: f32) -> Vec<Vec<Line>> {
    node.sort_by(|a, b| b.top().total_cmp(&a.top()));
    let mut bands: Vec<Vec<Line>> = Vec::new();
    let mut floor = f32::INFINITY;
    for line in node.iter() {
        if bands.is_empty() || line.top() < floor - min_gap {
            bands.push(Vec::new());
            floor = line.bottom();
        }
        floor = floor.min(line.bottom());
        if let Some(band) = bands.last_mut() {
            band.push(line.clone());
        }
    }
    bands
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str, x0: f32, y: f32, size: f32) -> Run {
        Run {
            text: text.to_owned(),
            x0,
            x1: x0 + 0.5 * size * text.chars().count() as f32,
            y,
            size,
            bold: false,
        }
    }

    fn texts(lines: &[Line]) -> Vec<&str> {
        lines.iter().map(|l| l.text.as_str()).collect()
    }

    #[test]
    fn rows_sorted_top_down_with_superscript_markers() {
        // Content order is scrambled: footer first, superscript before its line.
        let got = lines(
            vec![
                run("7", 150.0, 30.0, 9.0),
                run("1", 130.0, 704.0, 6.0),
                run("signed in 2005.", 72.0, 700.0, 11.0),
                run("It was", 136.0, 700.0, 11.0),
                run("Title", 72.0, 740.0, 16.0),
                run("next line", 72.0, 686.0, 11.0),
            ],
            &[],
        );
        assert_eq!(
            texts(&got),
            ["Title", "signed in 2005.^{1} It was", "next line", "7"]
        );
        assert!((got[1].size - 11.0).abs() < 1e-6);
    }

    #[test]
    fn a_huge_row_stays_linear() {
        // Fifty thousand runs drawn at one spot: no pass may compare every pair.
        let runs: Vec<Run> = (0..50_000)
            .map(|i| run(&i.to_string(), 72.0, 700.0, 11.0))
            .collect();
        let got = lines(runs, &[]);
        assert_eq!(got.len(), 1);
    }

    #[test]
    fn two_columns_are_read_one_after_the_other() {
        let mut runs = vec![run("A Title Across The Page Top", 72.0, 740.0, 11.0)];
        for i in 0..4 {
            let y = 700.0 - 14.0 * i as f32;
            runs.push(run(&format!("left {i}"), 72.0, y, 11.0));
            runs.push(run(&format!("right {i}"), 320.0, y, 11.0));
        }
        runs.push(run(
            "Footer line across the whole page width",
            72.0,
            40.0,
            11.0,
        ));
        let got = lines(runs, &[]);
        assert_eq!(
            texts(&got),
            [
                "A Title Across The Page Top",
                "left 0",
                "left 1",
                "left 2",
                "left 3",
                "right 0",
                "right 1",
                "right 2",
                "right 3",
                "Footer line across the whole page width",
            ]
        );
    }

    #[test]
    fn side_heads_open_the_text_they_stand_beside() {
        // Headings in a left margin column, each beside the first lines of its section; the
        // first is set a little lower than the text line it opens (its top aligned).
        let mut runs = vec![
            run("Background", 72.0, 698.0, 12.0),
            run("Findings", 72.0, 628.0, 12.0),
        ];
        for i in 0..10 {
            let y = 700.0 - 14.0 * i as f32;
            runs.push(run(
                &format!("body line {i} of the text column"),
                200.0,
                y,
                11.0,
            ));
        }
        let got = lines(runs, &[]);
        let want = [
            "Background".to_owned(),
            "body line 0 of the text column".to_owned(),
            "body line 1 of the text column".to_owned(),
            "body line 2 of the text column".to_owned(),
            "body line 3 of the text column".to_owned(),
            "body line 4 of the text column".to_owned(),
            "Findings".to_owned(),
        ];
        assert_eq!(texts(&got)[..7], want);
        assert_eq!(got.len(), 12);
    }

    #[test]
    fn a_lone_side_head_is_not_read_inside_its_paragraph() {
        // Set a little lower than the first line beside it (tops aligned).
        let mut runs = vec![run("Scope", 72.0, 697.0, 12.0)];
        for i in 0..6 {
            let y = 700.0 - 14.0 * i as f32;
            runs.push(run(
                &format!("paragraph line {i} goes on here"),
                200.0,
                y,
                11.0,
            ));
        }
        let got = lines(runs, &[]);
        assert_eq!(
            texts(&got)[..3],
            [
                "Scope",
                "paragraph line 0 goes on here",
                "paragraph line 1 goes on here"
            ]
        );
    }

    #[test]
    fn a_note_label_just_left_of_its_text_is_raised() {
        // A 4.5-point label ending 1.6 points before the 7-point note text it labels, set
        // 1.8 points above its baseline.
        let got = lines(
            vec![
                run("11", 52.0, 87.9, 4.5),
                run("The calculated threshold", 59.2, 86.1, 7.0),
            ],
            &[],
        );
        assert_eq!(texts(&got), ["^{11} The calculated threshold"]);
    }
}
