//! PDF reading quality against poppler's `pdftotext` (the reference for reading order).
//!
//! Ignored by default: it needs a folder of PDFs and `pdftotext` (Debian's poppler-utils).
//! Run it with `just pdf-check DIR`, or
//! `ACCORD_PDF_DIR=DIR cargo test --release -p accord-ingest --test pdf_quality -- --ignored --nocapture`.
//!
//! For each PDF, on words folded with NFKC and lowercased, hyphens inside a word dropped,
//! split at every character that is not a letter or digit (line-end hyphens before a lowercase letter joined in poppler's
//! text, as ingest does):
//!
//! - **order**: share of poppler's 8-word windows found intact in our text;
//! - **body order**: the same with page furniture out of both texts (poppler's lines equal
//!   to one of our furniture blocks, and our furniture blocks): poppler leaves a running
//!   footer in the middle of a sentence that ingest rejoins across the page break;
//! - **flow order**: the same on the running text alone: each of our furniture, note and
//!   table-cell blocks (a note with its label) taken out of poppler's words where it
//!   stands, our blocks without them, and the footnote markers we took out put back where
//!   they stood. Poppler leaves the notes and the footer of a page between the two halves
//!   of a paragraph that ingest rejoins, prints markers we link, and reads a table line by
//!   line across its cells where ingest reads it cell by cell: none is a reading-order
//!   fault of the running text;
//! - **recall**: bag-of-words recall of poppler's words;
//! - **lig** / **dash**: occurrences of `fi`, `fl`, `ff` and of en and em dashes that poppler
//!   has and we do not;
//! - **notes**: footnote markers linked to a note block, of all markers;
//! - **leaks**: running header and footer lines (poppler's first or last two lines of a page
//!   that repeat, digits folded, on three pages, and bare page numbers) found as our body
//!   blocks on that page;
//! - **cells**: table-cell blocks;
//! - **pages/s**: ingest throughput (one thread).
//!
//! `ACCORD_PDF_DUMP=DIR` also writes both texts of each PDF to `DIR`.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

use accord_core::{BlockKind, Document};
use accord_ingest::{Config, Ingester};
use unicode_normalization::UnicodeNormalization;

fn words(text: &str) -> Vec<String> {
    let folded: String = text.nfkc().collect::<String>().to_lowercase();
    let chars: Vec<char> = folded.chars().collect();
    // A hyphen inside a word is dropped: poppler joins `long-` and `term` at a line end
    // into `longterm` where ingest keeps the compound `long-term`.
    let folded: String = chars
        .iter()
        .enumerate()
        .filter(|&(i, &c)| {
            !(matches!(c, '-' | '\u{2010}' | '\u{2011}')
                && i > 0
                && chars[i - 1].is_alphanumeric()
                && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric()))
        })
        .map(|(_, &c)| c)
        .collect();
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Poppler's text with line-end hyphens before a lowercase letter taken out.
fn dehyphenate(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '-'
            && i > 0
            && chars[i - 1].is_alphabetic()
            && chars.get(i + 1) == Some(&'\n')
            && chars.get(i + 2).is_some_and(|c| c.is_lowercase())
        {
            i += 2;
            continue;
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

fn order_score(reference: &[String], ours: &[String]) -> f64 {
    const N: usize = 8;
    if reference.len() < N {
        return 1.0;
    }
    let windows: HashSet<&[String]> = ours.windows(N).collect();
    let total = reference.len() - N + 1;
    let found = reference.windows(N).filter(|w| windows.contains(w)).count();
    found as f64 / total as f64
}

fn bag(words: &[String]) -> HashMap<&str, usize> {
    let mut bag = HashMap::new();
    for w in words {
        *bag.entry(w.as_str()).or_insert(0) += 1;
    }
    bag
}

fn recall(reference: &[String], ours: &[String]) -> f64 {
    let ours = bag(ours);
    let total = reference.len().max(1);
    let kept: usize = bag(reference)
        .into_iter()
        .map(|(w, n)| n.min(ours.get(w).copied().unwrap_or(0)))
        .sum();
    kept as f64 / total as f64
}

fn count_all(text: &str, needles: &[&str]) -> usize {
    needles.iter().map(|n| text.matches(n).count()).sum()
}

fn losses(reference: &str, ours: &str, needles: &[&str]) -> usize {
    let r: String = reference.nfkc().collect();
    let o: String = ours.nfkc().collect();
    count_all(&r, needles).saturating_sub(count_all(&o, needles))
}

fn fold_digits(line: &str) -> String {
    line.chars()
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn is_page_number(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty()
        && t.len() <= 8
        && (t.chars().all(|c| c.is_ascii_digit())
            || t.chars()
                .all(|c| "ivxlcdm".contains(c.to_ascii_lowercase())))
}

/// Running headers, footers and page numbers of poppler's pages found in our body blocks.
fn furniture_leaks(reference: &str, doc: &Document) -> usize {
    let pages: Vec<Vec<&str>> = reference
        .split('\u{c}')
        .map(|p| p.lines().map(str::trim).filter(|l| !l.is_empty()).collect())
        .collect();
    let edges = |p: &Vec<&str>| -> Vec<String> {
        let n = p.len();
        p.iter()
            .enumerate()
            .filter(|(i, _)| *i < 2 || i + 2 >= n)
            .map(|(_, l)| (*l).to_owned())
            .collect()
    };
    let mut counts: HashMap<String, usize> = HashMap::new();
    for page in &pages {
        let keys: HashSet<String> = edges(page).iter().map(|l| fold_digits(l)).collect();
        for k in keys {
            *counts.entry(k).or_insert(0) += 1;
        }
    }
    let mut leaks = 0;
    for (i, page) in pages.iter().enumerate() {
        let number = u32::try_from(i + 1).unwrap_or(u32::MAX);
        let body: Vec<String> = doc
            .blocks
            .iter()
            .filter(|b| b.page == Some(number))
            .filter(|b| !matches!(b.kind, BlockKind::Furniture | BlockKind::Footnote))
            .map(|b| {
                doc.slice(b.span)
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        for line in edges(page) {
            let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
            let repeated = counts.get(&fold_digits(&line)).copied().unwrap_or(0) >= 3;
            if (repeated || is_page_number(&line)) && body.contains(&line) {
                leaks += 1;
            }
        }
    }
    leaks
}

/// Poppler's text without the lines that are one of our furniture blocks, and our text
/// without those blocks.
fn without_furniture(reference: &str, doc: &Document) -> (String, String) {
    let norm = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let furniture: HashSet<String> = doc
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Furniture)
        .map(|b| norm(doc.slice(b.span)))
        .collect();
    let reference = reference
        .lines()
        .filter(|l| !furniture.contains(&norm(l)))
        .collect::<Vec<_>>()
        .join("\n");
    let ours = doc
        .blocks
        .iter()
        .filter(|b| b.kind != BlockKind::Furniture)
        .map(|b| doc.slice(b.span))
        .collect::<Vec<_>>()
        .join("\n\n");
    (reference, ours)
}

/// Words of `haystack` not yet taken that match `needle` from `at` on: how many.
fn free_match(haystack: &[String], taken: &[bool], at: usize, needle: &[String]) -> usize {
    haystack[at..]
        .iter()
        .zip(&taken[at..])
        .zip(needle)
        .take_while(|((h, t), n)| !**t && h == n)
        .count()
}

/// Short pieces (fewer than three words: page numbers, figures in a table) are looked
/// for only this many words around the cursor.
const NEAR: usize = 400;

/// Takes `needle` out of `haystack` (marking its words in `taken`), piece by piece where
/// poppler set its lines apart: the longest free match of what is left (at least three
/// words, or all of it when shorter, then only near `cursor`), the nearest after `cursor`
/// first. Moves `cursor` after the last piece.
fn take_out(haystack: &[String], taken: &mut [bool], needle: &[String], cursor: &mut usize) {
    let n = haystack.len();
    let mut rest = needle;
    while !rest.is_empty() && n > 0 {
        let least = rest.len().min(3);
        let from = (*cursor).min(n);
        let best = (from..n)
            .chain(0..from)
            .map(|at| (at, free_match(haystack, taken, at, rest)))
            .filter(|&(at, len)| len >= least && (least == 3 || at.abs_diff(from) <= NEAR))
            .max_by_key(|&(at, len)| (len, std::cmp::Reverse((at + n - from) % n)));
        match best {
            Some((at, len)) => {
                taken[at..at + len].iter_mut().for_each(|t| *t = true);
                *cursor = at + len;
                rest = &rest[len..];
            }
            None => rest = &rest[1..],
        }
    }
}

/// Poppler's words without our furniture, note and table-cell blocks, and the words of our
/// other blocks with the footnote markers put back where they were taken out.
fn running_words(reference: &[String], doc: &Document) -> (Vec<String>, Vec<String>) {
    let mut taken = vec![false; reference.len()];
    let mut cursor = 0;
    for block in &doc.blocks {
        let text = doc.slice(block.span);
        match block.kind {
            BlockKind::Furniture | BlockKind::TableCell => {
                take_out(reference, &mut taken, &words(text), &mut cursor);
            }
            BlockKind::Footnote => {
                let label = block.label.as_deref().unwrap_or("");
                let note = words(&format!("{label} {text}"));
                take_out(reference, &mut taken, &note, &mut cursor);
            }
            _ => {}
        }
    }
    let kept = reference
        .iter()
        .zip(&taken)
        .filter(|(_, t)| !**t)
        .map(|(w, _)| w.clone())
        .collect();
    let mut ours = Vec::new();
    for block in &doc.blocks {
        if matches!(
            block.kind,
            BlockKind::Furniture | BlockKind::Footnote | BlockKind::TableCell
        ) {
            continue;
        }
        let mut from = block.span.start;
        for note in doc
            .notes
            .iter()
            .filter(|n| n.at >= block.span.start && n.at <= block.span.end)
        {
            ours.extend(words(&doc.text[from..note.at]));
            ours.extend(words(&note.label));
            from = note.at;
        }
        ours.extend(words(&doc.text[from..block.span.end]));
    }
    (kept, ours)
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    if xs.is_empty() {
        return 0.0;
    }
    let n = xs.len();
    if n % 2 == 1 {
        xs[n / 2]
    } else {
        f64::midpoint(xs[n / 2 - 1], xs[n / 2])
    }
}

#[test]
#[ignore = "needs ACCORD_PDF_DIR and pdftotext; run with `just pdf-check DIR`"]
fn pdf_quality_against_pdftotext() {
    let dir = std::env::var("ACCORD_PDF_DIR").expect("set ACCORD_PDF_DIR to a folder of PDFs");
    let root = Path::new(&dir);
    let mut names: Vec<String> = fs_err::read_dir(root)
        .expect("PDF folder")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.to_lowercase().ends_with(".pdf"))
        .collect();
    names.sort();
    let ingester = Ingester::new(&Config::default()).expect("config");
    println!(
        "| pdf | pages | order | body order | flow order | recall | lig | dash | notes | leaks | cells | pages/s | title | warnings |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
    );
    let (mut orders, mut body_orders, mut flow_orders, mut speeds) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for name in &names {
        let out = Command::new("pdftotext")
            .args(["-enc", "UTF-8"])
            .arg(root.join(name))
            .arg("-")
            .output()
            .expect("pdftotext (Debian's poppler-utils) is installed");
        let reference = dehyphenate(&String::from_utf8_lossy(&out.stdout));
        let start = Instant::now();
        let doc = match ingester.ingest_file(root, name) {
            Ok(doc) => doc,
            Err(e) => {
                println!("| {name} | FAILED: {e} |");
                continue;
            }
        };
        let seconds = start.elapsed().as_secs_f64();
        // ACCORD_PDF_DUMP=DIR writes both texts there, to look at the differences.
        if let Ok(dump) = std::env::var("ACCORD_PDF_DUMP") {
            let dump = Path::new(&dump);
            fs_err::write(dump.join(format!("{name}.ours.txt")), &doc.text).expect("dump");
            fs_err::write(dump.join(format!("{name}.poppler.txt")), &reference).expect("dump");
            let mut blocks = String::new();
            for b in &doc.blocks {
                let text = doc.slice(b.span).replace('\n', " ");
                let page = b.page.unwrap_or(0);
                writeln!(blocks, "{} p{page} {:?}: {text}", b.kind, b.cell).expect("dump");
            }
            fs_err::write(dump.join(format!("{name}.blocks.txt")), blocks).expect("dump");
            let (flow_ref, flow_ours) = running_words(&words(&reference), &doc);
            fs_err::write(
                dump.join(format!("{name}.flow.poppler.txt")),
                flow_ref.join(" "),
            )
            .expect("dump");
            fs_err::write(
                dump.join(format!("{name}.flow.ours.txt")),
                flow_ours.join(" "),
            )
            .expect("dump");
        }
        let pages = doc.blocks.iter().filter_map(|b| b.page).max().unwrap_or(0);
        let (r, o) = (words(&reference), words(&doc.text));
        let order = order_score(&r, &o);
        let (body_ref, body_ours) = without_furniture(&reference, &doc);
        let body_order = order_score(&words(&body_ref), &words(&body_ours));
        let (flow_ref, flow_ours) = running_words(&r, &doc);
        let flow_order = order_score(&flow_ref, &flow_ours);
        let linked = doc.notes.iter().filter(|n| n.note_block.is_some()).count();
        let speed = f64::from(pages) / seconds.max(1e-9);
        println!(
            "| {name} | {pages} | {order:.3} | {body_order:.3} | {flow_order:.3} | {:.3} | {} | {} | {linked}/{} | {} | {} | {speed:.0} | {} | {} |",
            recall(&r, &o),
            losses(&reference, &doc.text, &["fi", "fl", "ff"]),
            losses(&reference, &doc.text, &["–", "—"]),
            doc.notes.len(),
            furniture_leaks(&String::from_utf8_lossy(&out.stdout), &doc),
            doc.blocks
                .iter()
                .filter(|b| b.kind == BlockKind::TableCell)
                .count(),
            doc.title.as_deref().unwrap_or(""),
            doc.warnings.join(" / "),
        );
        orders.push(order);
        body_orders.push(body_order);
        flow_orders.push(flow_order);
        speeds.push(speed);
    }
    println!(
        "\nmedian order {:.3}, median body order {:.3}, median flow order {:.3}, median pages/s {:.0}",
        median(orders),
        median(body_orders),
        median(flow_orders),
        median(speeds)
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> Vec<String> {
        words(s)
    }

    #[test]
    fn words_fold_case_and_inner_hyphens() {
        assert_eq!(
            w("Long-term, U.S.-Mexican ﬁles"),
            ["longterm", "u", "s", "mexican", "files"]
        );
    }

    #[test]
    fn order_counts_intact_windows() {
        let reference = w("one two three four five six seven eight nine");
        assert!((order_score(&reference, &reference) - 1.0).abs() < 1e-9);
        let swapped = w("nine one two three four five six seven eight");
        // Of the two windows, only the first survives.
        assert!((order_score(&reference, &swapped) - 0.5).abs() < 1e-9);
    }

    #[test]
    fn take_out_finds_pieces_after_the_cursor() {
        let hay = w("x b c d y b c d z e f g");
        let mut taken = vec![false; hay.len()];
        let mut cursor = 2;
        // "b c d" after the cursor, then "e f g" set apart from it.
        take_out(&hay, &mut taken, &w("b c d e f g"), &mut cursor);
        let left: Vec<&str> = hay
            .iter()
            .zip(&taken)
            .filter(|(_, t)| !**t)
            .map(|(h, _)| h.as_str())
            .collect();
        assert_eq!(left, ["x", "b", "c", "d", "y", "z"]);
        assert_eq!(cursor, hay.len());
    }

    #[test]
    fn poppler_hyphens_are_joined_before_lowercase() {
        assert_eq!(
            dehyphenate("extrac-\ntion U.S.-\nMexican"),
            "extraction U.S.-\nMexican"
        );
    }

    #[test]
    fn ligature_and_dash_losses() {
        assert_eq!(
            losses("the \u{FB01}rst June 15–20", "the rst June 1520", &["fi"]),
            1
        );
        assert_eq!(losses("June 15–20", "June 1520", &["–", "—"]), 1);
        assert_eq!(losses("first", "first", &["fi"]), 0);
    }
}
