//! Ingest throughput on a generated corpus: plain text in MB/s and PDF in pages/s.
//!
//! `cargo bench -p accord-ingest --bench ingest` (about 40 s with the build cached). The
//! corpus is made here, deterministically:
//!
//! - **text**: a 4 MB report of hard-wrapped paragraphs (line-end hyphens, footnote markers,
//!   headings, running headers and page numbers every 50 lines, footnotes);
//! - **pdf (generated)**: a 40-page PDF written with lopdf (Helvetica, one text object per
//!   line: running header, heading, 44 body lines, page number);
//! - **pdf (fixture)**: the 3-page `LibreOffice` export in `tests/fixtures/border-review.pdf`
//!   (embedded `TrueType` subsets with `ToUnicode` maps, kerned `TJ` arrays, footnotes).

use std::fmt::Write as _;
use std::hint::black_box;
use std::time::Duration;

use accord_ingest::{Config, Ingester};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use lopdf::content::{Content, Operation};
use lopdf::{Document, Object, Stream, dictionary};

const WORDS: &[&str] = &[
    "the",
    "border",
    "agreement",
    "security",
    "and",
    "of",
    "cooperation",
    "Canada",
    "Mexico",
    "United",
    "States",
    "working",
    "group",
    "funding",
    "million",
    "programme",
    "ministers",
    "report",
    "customs",
    "agency",
    "to",
    "in",
    "a",
    "for",
    "with",
    "that",
    "partnership",
    "information",
    "sharing",
    "infrastructure",
    "was",
    "signed",
    "by",
    "officials",
    "2005",
    "perimeter",
    "implementation",
    "interagency",
    "law",
    "enforcement",
    "trade",
    "measures",
];

/// A small deterministic generator (64-bit LCG).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) as usize % n
    }
}

/// Lines of about `width` characters of running prose.
fn prose_lines(rng: &mut Lcg, n: usize, width: usize) -> Vec<String> {
    let mut lines = Vec::with_capacity(n);
    let mut line = String::new();
    while lines.len() < n {
        let word = WORDS[rng.next(WORDS.len())];
        if line.len() + word.len() + 1 > width {
            // Now and then split the word at the line end with a hyphen.
            if word.len() > 7 && rng.next(4) == 0 {
                let (a, b) = word.split_at(word.len() / 2);
                line.push(' ');
                line.push_str(a);
                line.push('-');
                lines.push(std::mem::take(&mut line));
                line.push_str(b);
            } else {
                lines.push(std::mem::take(&mut line));
                line.push_str(word);
            }
            continue;
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
        if rng.next(12) == 0 {
            line.push_str(if rng.next(5) == 0 { ".¹" } else { "," });
        }
    }
    lines
}

fn text_corpus(bytes: usize) -> String {
    let mut rng = Lcg(7);
    let mut out = String::with_capacity(bytes + 4096);
    let mut page = 1;
    while out.len() < bytes {
        out.push_str("Border Cooperation Review\n\n");
        let _ = write!(out, "Section {page}: Working Groups and Funding\n\n");
        for para in 0..5 {
            for line in prose_lines(&mut rng, 9, 70) {
                out.push_str(&line);
                out.push('\n');
            }
            out.push_str(if para % 2 == 0 {
                "of the partnership.\n\n"
            } else {
                "\n"
            });
        }
        out.push_str("¹ Joint statement of the three leaders, 23 March 2005.\n\n");
        let _ = write!(out, "{page}\n\n\u{0C}");
        page += 1;
    }
    out
}

fn pdf_corpus(pages: usize) -> Vec<u8> {
    let mut rng = Lcg(11);
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    });
    let resources_id = doc.add_object(dictionary! {
        "Font" => dictionary! { "F1" => font_id },
    });
    let line_op = |size: f32, x: f32, y: f32, text: &str| {
        vec![
            Operation::new("BT", vec![]),
            Operation::new("Tf", vec!["F1".into(), size.into()]),
            Operation::new("Td", vec![x.into(), y.into()]),
            Operation::new("Tj", vec![Object::string_literal(text)]),
            Operation::new("ET", vec![]),
        ]
    };
    let mut kids = Vec::with_capacity(pages);
    for page in 1..=pages {
        let mut ops = Vec::new();
        ops.extend(line_op(8.0, 400.0, 760.0, "Border Cooperation Review"));
        ops.extend(line_op(14.0, 72.0, 720.0, &format!("Section {page}")));
        let mut y = 696.0;
        for (i, line) in prose_lines(&mut rng, 44, 90).iter().enumerate() {
            ops.extend(line_op(10.0, 72.0, y, line));
            y -= if i % 11 == 10 { 18.0 } else { 13.0 };
        }
        ops.extend(line_op(8.0, 300.0, 40.0, &page.to_string()));
        let content = Content { operations: ops }
            .encode()
            .expect("content encodes");
        let content_id = doc.add_object(Stream::new(dictionary! {}, content));
        let page_id = doc.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "Contents" => content_id,
        });
        kids.push(page_id.into());
    }
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => kids,
            "Count" => i64::try_from(pages).expect("page count"),
            "Resources" => resources_id,
            "MediaBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
        }),
    );
    let catalog_id = doc.add_object(dictionary! {
        "Type" => "Catalog",
        "Pages" => pages_id,
    });
    doc.trailer.set("Root", catalog_id);
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("PDF writes");
    out
}

fn ingest(c: &mut Criterion) {
    let ingester = Ingester::new(&Config::default()).expect("config");
    let mut group = c.benchmark_group("ingest");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(6));

    let text = text_corpus(4_000_000);
    group.throughput(Throughput::BytesDecimal(text.len() as u64));
    group.bench_function("text", |b| {
        b.iter(|| {
            ingester
                .ingest_bytes("corpus/report.txt", black_box(text.as_bytes()))
                .expect("text ingests")
        });
    });

    let pdf = pdf_corpus(40);
    let doc = ingester
        .ingest_bytes("corpus/report.pdf", &pdf)
        .expect("generated PDF ingests");
    assert!(doc.blocks.iter().any(|b| b.page == Some(40)));
    group.throughput(Throughput::Elements(40));
    group.bench_function("pdf-generated-40-pages", |b| {
        b.iter(|| {
            ingester
                .ingest_bytes("corpus/report.pdf", black_box(&pdf))
                .expect("PDF ingests")
        });
    });

    let fixture = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/border-review.pdf"),
    )
    .expect("fixture");
    group.throughput(Throughput::Elements(3));
    group.bench_function("pdf-libreoffice-3-pages", |b| {
        b.iter(|| {
            ingester
                .ingest_bytes("corpus/border-review.pdf", black_box(&fixture))
                .expect("PDF ingests")
        });
    });
    group.finish();
}

criterion_group!(benches, ingest);
criterion_main!(benches);
