//! Bad and odd input never panics: generated texts built from the pieces that the repairs
//! react to (hyphens at line ends, page breaks, markers, asterisks, rulers, combining marks,
//! ligatures, control characters) go through all three readers, and every document that comes
//! out keeps the output invariants.

use accord_ingest::{Config, Error, Ingester};

mod common;
use common::check_invariants;

const PIECES: &[&str] = &[
    "word",
    "Word",
    "the",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\u{0C}",
    "\t",
    "-",
    "-\n",
    "—\n",
    "--",
    ".",
    ",",
    ":",
    "\"",
    "“",
    "”",
    "U.S.",
    "U.S.-\n\n",
    "^{iv}",
    "^v ",
    "^{",
    "ⁱⁱ",
    "¹",
    "²",
    "[1] ",
    "[^a]",
    "[^a]: ",
    "*",
    "**",
    "* * *",
    "_",
    "1. ",
    "- ",
    "• ",
    "(a) ",
    "I. ",
    "---",
    "----  -----",
    "|",
    " | ",
    "é",
    "e\u{301}",
    "\u{FB01}",
    "\u{AD}",
    "\u{A0}",
    "\u{200B}",
    "<p>",
    "</p>",
    "<li>",
    "<td>",
    "<table>",
    "<tr>",
    "<sup>1</sup>",
    "<nav>",
    "</nav>",
    "&amp;",
    "&shy;",
    "# ",
    "## ",
    "> ",
    "```",
    "| a | b |\n|---|---|\n",
    "    ",
    "Table 1. ",
    "NOTES",
    "12",
    "Page 3 of 9",
    "www.example-\n",
    "\u{1}",
];

/// A small deterministic generator (64-bit LCG), so that failures reproduce.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) as usize
    }
}

#[test]
fn generated_inputs_never_panic_and_keep_the_invariants() {
    let ingester = Ingester::new(&Config::default()).expect("config");
    let mut rng = Lcg(0x5eed);
    for case in 0..1500 {
        let len = 1 + rng.next() % 60;
        let text: String = (0..len)
            .map(|_| PIECES[rng.next() % PIECES.len()])
            .collect();
        for name in ["case.txt", "case.md", "case.html"] {
            match ingester.ingest_bytes(name, text.as_bytes()) {
                Ok(doc) => check_invariants(&doc),
                Err(Error::Empty { .. } | Error::NoVisibleText { .. } | Error::Binary { .. }) => {}
                Err(other) => panic!("case {case} ({name}): unexpected error {other}: {text:?}"),
            }
        }
    }
}

#[test]
fn deeply_nested_html_does_not_overflow_the_stack() {
    let ingester = Ingester::new(&Config::default()).expect("config");
    let depth = 10_000;
    let html = format!(
        "<html><body>{}<p>deep</p>{}</body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    let doc = ingester
        .ingest_bytes("deep.html", html.as_bytes())
        .expect("ingests");
    assert_eq!(doc.text, "deep");
    let list = format!(
        "{}x{}",
        "<ul><li>".repeat(2_000),
        "</li></ul>".repeat(2_000)
    );
    let doc = ingester
        .ingest_bytes("list.html", list.as_bytes())
        .expect("ingests");
    assert_eq!(doc.text, "x");
}

#[test]
fn deeply_nested_markdown_does_not_overflow_the_stack() {
    let ingester = Ingester::new(&Config::default()).expect("config");
    let md = format!("{}deep\n", "> ".repeat(5_000));
    let doc = ingester
        .ingest_bytes("deep.md", md.as_bytes())
        .expect("ingests");
    assert_eq!(doc.text, "deep");
}

fn fixture(name: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    fs_err::read(path).expect("fixture")
}

/// Cut lengths spread over the whole file, denser at the start (headers, the zip's local
/// headers) and at the end (the PDF cross-reference table and trailer, the zip's central
/// directory).
fn cut_lengths(len: usize, n: usize) -> Vec<usize> {
    let mut cuts: Vec<usize> = (0..n).map(|i| len * i / n).collect();
    cuts.extend((0..64).map(|i| i * 7));
    cuts.extend((1..64).map(|i| len.saturating_sub(i * 13)));
    cuts.retain(|&c| c < len);
    cuts.sort_unstable();
    cuts.dedup();
    cuts
}

/// A reader that panicked is reported as this reason; it must never happen on these inputs
/// (the guard exists for files nobody has tried yet).
const READER_FAILED: &str = "the reader failed on malformed content";

fn check_binary_format(name: &str, bytes: &[u8], cuts: &[usize]) -> (usize, usize) {
    let ingester = Ingester::new(&Config::default()).expect("config");
    let (mut ok, mut err) = (0, 0);
    for &cut in cuts {
        match ingester.ingest_bytes(name, &bytes[..cut]) {
            Ok(doc) => {
                check_invariants(&doc);
                ok += 1;
            }
            Err(e) => {
                let message = e.to_string();
                assert!(!message.contains(READER_FAILED), "cut at {cut}: {message}");
                assert!(message.starts_with(name), "cut at {cut}: {message}");
                err += 1;
            }
        }
    }
    (ok, err)
}

#[test]
fn truncated_pdfs_never_panic() {
    let bytes = fixture("border-review.pdf");
    let (_, err) = check_binary_format("cut.pdf", &bytes, &cut_lengths(bytes.len(), 160));
    assert!(err > 0);
    assert!(check_binary_format("whole.pdf", &bytes, &[bytes.len()]).0 == 1);
}

#[test]
fn truncated_docx_never_panics() {
    let bytes = fixture("beyond-the-border.docx");
    let (_, err) = check_binary_format("cut.docx", &bytes, &cut_lengths(bytes.len(), 160));
    assert!(err > 0);
}

/// Bytes changed in place (a damaged download): every 97th byte flipped from some point on,
/// at many starting points.
#[test]
fn damaged_pdfs_and_docx_never_panic() {
    for name in ["border-review.pdf", "beyond-the-border.docx"] {
        let bytes = fixture(name);
        let ingester = Ingester::new(&Config::default()).expect("config");
        for start in (0..bytes.len()).step_by(bytes.len() / 40 + 1) {
            let mut damaged = bytes.clone();
            for i in (start..damaged.len()).step_by(97) {
                damaged[i] ^= 0x5A;
            }
            match ingester.ingest_bytes(name, &damaged) {
                Ok(doc) => check_invariants(&doc),
                Err(e) => {
                    assert!(
                        !e.to_string().contains(READER_FAILED),
                        "{name} from {start}: {e}"
                    );
                }
            }
        }
    }
}
