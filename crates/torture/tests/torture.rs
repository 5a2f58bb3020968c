//! accord's torture suite: generated hostile inputs and faults, each run through the
//! `accord` binary (`just test`; the big cases with `just torture-full`, in release).
//!
//! Every input trial puts one clean document beside the hostile input(s) and asserts: the
//! exit code; that every input is exactly one `documents` or `failures` row, with the
//! expected reason; a time limit; a peak-memory limit; and that the clean document's row is
//! the same as when it runs alone. Fault trials kill runs, corrupt the cache, run twice at
//! once and fill the disk.
//!
//! The binary is `$ACCORD_BIN`, or `accord` beside this test's `deps/` folder (built by
//! `cargo test --workspace`).

#![expect(
    clippy::format_collect,
    reason = "inputs are generated once per trial; clarity over allocation"
)]
#![expect(
    clippy::unnecessary_debug_formatting,
    reason = "Debug quotes and escapes paths, which is what a TOML string needs"
)]

use libtest_mimic::{Arguments, Failed, Trial};
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

type Outcome = Result<(), Failed>;

/// Peak resident memory allowed to one run.
const MAX_RSS_KB: u64 = 2 * 1024 * 1024;
/// Wall time allowed to one run (debug build, two cores shared).
const RUN_LIMIT: Duration = Duration::from_secs(90);
const CLEAN: &str = "Clean Brief\n\nThe Security and Prosperity Partnership was signed in March 2005 by Canada, Mexico and the United States. The Merida Initiative provided $1.4 billion to Mexico.\n";

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn full() -> bool {
    std::env::var_os("ACCORD_TORTURE_FULL").is_some()
}

fn accord_bin() -> PathBuf {
    if let Some(bin) = std::env::var_os("ACCORD_BIN") {
        return PathBuf::from(bin);
    }
    let exe = std::env::current_exe().expect("test executable");
    let dir = exe.parent().and_then(Path::parent).expect("target folder");
    dir.join(format!("accord{}", std::env::consts::EXE_SUFFIX))
}

/// What one run did.
#[derive(Debug)]
struct Run {
    code: Option<i32>,
    stderr: String,
    took: Duration,
    peak_rss_kb: u64,
}

/// Writes a pipeline file for `input` → `out` with `extra` TOML appended.
fn pipeline(dir: &Path, input: &Path, out: &Path, extra: &str) -> PathBuf {
    let file = dir.join("pipeline.toml");
    let body = format!(
        "name = \"torture\"\ngazetteers = {:?}\ncache = {:?}\n\n[corpus]\nroot = {:?}\nexclude = []\n\n[output]\ndir = {:?}\n{extra}\n",
        workspace().join("data/gazetteers"),
        dir.join("cache"),
        input,
        out
    );
    std::fs::write(&file, body).expect("pipeline file");
    file
}

fn spawn(pipeline: &Path) -> std::process::Child {
    Command::new(accord_bin())
        .args(["run", "-q", "--no-progress", "--threads", "2"])
        .arg(pipeline)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("accord starts (build it with `cargo build --workspace`)")
}

/// Waits for `child`, sampling its peak RSS, killing it past `limit`.
fn wait(mut child: std::process::Child, limit: Duration) -> Run {
    let start = Instant::now();
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak = 0;
    let mut stderr = child.stderr.take();
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        if let Some(e) = stderr.as_mut() {
            let _ = std::io::Read::read_to_string(e, &mut s);
        }
        s
    });
    let code = loop {
        if let Ok(status) = std::fs::read_to_string(&status_file)
            && let Some(kb) = status
                .lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|n| n.parse::<u64>().ok())
        {
            peak = peak.max(kb);
        }
        if let Some(status) = child.try_wait().expect("wait") {
            break status.code();
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Run {
        code,
        stderr: reader.join().unwrap_or_default(),
        took: start.elapsed(),
        peak_rss_kb: peak,
    }
}

fn run(pipeline: &Path) -> Run {
    wait(spawn(pipeline), RUN_LIMIT)
}

/// `documents` rows as (path, `doc_id`, text, warnings) and `failures` rows as (path, stage,
/// error), from the CSV mirror.
#[derive(Debug, Default, Clone, PartialEq)]
struct Rows {
    documents: Vec<(String, String, String, String)>,
    failures: Vec<(String, String, String)>,
}

fn rows(out: &Path) -> Result<Rows, Failed> {
    let read = |table: &str| -> Result<Vec<csv::StringRecord>, Failed> {
        let mut r = csv::Reader::from_path(out.join("csv").join(format!("{table}.csv")))
            .map_err(|e| format!("{table}.csv: {e}"))?;
        let headers = r.headers().map_err(|e| e.to_string())?.clone();
        let mut out = vec![headers];
        for rec in r.records() {
            out.push(rec.map_err(|e| e.to_string())?);
        }
        Ok(out)
    };
    let col = |recs: &[csv::StringRecord], name: &str| -> Result<usize, Failed> {
        recs[0]
            .iter()
            .position(|h| h == name)
            .ok_or_else(|| format!("no column {name}").into())
    };
    let docs = read("documents")?;
    let (p, d, t, w) = (
        col(&docs, "path")?,
        col(&docs, "doc_id")?,
        col(&docs, "text")?,
        col(&docs, "warnings")?,
    );
    let fails = read("failures")?;
    let (fp, fs, fe) = (
        col(&fails, "path")?,
        col(&fails, "stage")?,
        col(&fails, "error")?,
    );
    Ok(Rows {
        documents: docs[1..]
            .iter()
            .map(|r| {
                (
                    r[p].to_owned(),
                    r[d].to_owned(),
                    r[t].to_owned(),
                    r[w].to_owned(),
                )
            })
            .collect(),
        failures: fails[1..]
            .iter()
            .map(|r| (r[fp].to_owned(), r[fs].to_owned(), r[fe].to_owned()))
            .collect(),
    })
}

/// The clean document's row when it runs alone.
fn baseline() -> &'static Result<(String, String, String, String), String> {
    static BASE: OnceLock<Result<(String, String, String, String), String>> = OnceLock::new();
    BASE.get_or_init(|| {
        let tmp = tempfile::tempdir().map_err(|e| e.to_string())?;
        let input = tmp.path().join("in");
        std::fs::create_dir(&input).map_err(|e| e.to_string())?;
        std::fs::write(input.join("clean.txt"), CLEAN).map_err(|e| e.to_string())?;
        let out = tmp.path().join("out");
        let r = run(&pipeline(tmp.path(), &input, &out, ""));
        if r.code != Some(0) {
            return Err(format!("baseline run: {r:?}"));
        }
        let rows = rows(&out).map_err(|e| format!("{e:?}"))?;
        rows.documents
            .into_iter()
            .next()
            .ok_or_else(|| "baseline: no document".to_owned())
    })
}

/// What one hostile input must become.
#[derive(Debug, Clone)]
enum Expect {
    /// A `documents` row whose text contains this.
    Document(&'static str),
    /// A `failures` row whose error contains this.
    Failure(&'static str),
    /// A `documents` row, or a `failures` row whose error contains this (inputs whose
    /// fate depends on the limits, e.g. a time budget on a slow machine).
    Either(&'static str),
}

/// A trial over one corpus: the clean document plus what `make` writes; `expect` maps each
/// hostile input's path (as the tables write it) to its expected row.
fn input_trial(
    name: &str,
    extra_toml: &'static str,
    make: impl Fn(&Path) -> Vec<(String, Expect)> + Send + 'static,
) -> Trial {
    Trial::test(name.to_owned(), move || {
        let tmp = tempfile::tempdir()?;
        let input = tmp.path().join("in");
        std::fs::create_dir(&input)?;
        std::fs::write(input.join("clean.txt"), CLEAN)?;
        let expected = make(&input);
        let out = tmp.path().join("out");
        let r = run(&pipeline(tmp.path(), &input, &out, extra_toml));
        check_run(&r)?;
        let any_failure = expected
            .iter()
            .any(|(_, e)| matches!(e, Expect::Failure(_)));
        let rows = rows(&out)?;
        let want_code = i32::from(!rows.failures.is_empty());
        if r.code != Some(want_code) || (any_failure && want_code != 1) {
            return Err(
                format!("exit {:?}, want {want_code}; stderr: {}", r.code, r.stderr).into(),
            );
        }
        // Every input exactly once.
        let mut all: Vec<&str> = rows
            .documents
            .iter()
            .map(|d| d.0.as_str())
            .chain(rows.failures.iter().map(|f| f.0.as_str()))
            .collect();
        all.sort_unstable();
        let mut want: Vec<&str> = expected.iter().map(|(p, _)| p.as_str()).collect();
        want.push("clean.txt");
        want.sort_unstable();
        if all != want {
            return Err(format!("rows for {all:?}, want exactly {want:?}; {rows:#?}").into());
        }
        for (path, expect) in &expected {
            let doc = rows.documents.iter().find(|d| &d.0 == path);
            let fail = rows.failures.iter().find(|f| &f.0 == path);
            match (expect, doc, fail) {
                (Expect::Document(needle) | Expect::Either(needle), Some(d), _)
                    if matches!(expect, Expect::Either(_)) || d.2.contains(needle) => {}
                (Expect::Failure(needle) | Expect::Either(needle), _, Some(f))
                    if f.2.contains(needle) => {}
                _ => {
                    return Err(format!(
                        "{path}: want {expect:?}, got document {doc:?}, failure {fail:?}"
                    )
                    .into());
                }
            }
        }
        let clean = rows
            .documents
            .iter()
            .find(|d| d.0 == "clean.txt")
            .ok_or("clean.txt has no documents row")?;
        let base = baseline().as_ref().map_err(Clone::clone)?;
        if clean != base {
            return Err(
                format!("clean.txt changed by its neighbours: {clean:?} vs {base:?}").into(),
            );
        }
        Ok(())
    })
}

fn check_run(r: &Run) -> Outcome {
    if r.code.is_none() {
        return Err(format!(
            "killed after {:?} (limit {RUN_LIMIT:?}): {}",
            r.took, r.stderr
        )
        .into());
    }
    if r.peak_rss_kb > MAX_RSS_KB {
        return Err(format!(
            "peak RSS {} MiB over {} MiB",
            r.peak_rss_kb / 1024,
            MAX_RSS_KB / 1024
        )
        .into());
    }
    if r.stderr.contains("panicked") {
        return Err(format!("panic: {}", r.stderr).into());
    }
    Ok(())
}

fn write(dir: &Path, rel: &str, bytes: impl AsRef<[u8]>) -> String {
    let path = dir.join(rel);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("folder");
    }
    std::fs::write(&path, bytes).expect("write input");
    rel.to_owned()
}

fn one(dir: &Path, rel: &str, bytes: impl AsRef<[u8]>, expect: Expect) -> Vec<(String, Expect)> {
    vec![(write(dir, rel, bytes), expect)]
}

// ---------- generated documents ----------

fn docx(document_xml: &[u8]) -> Vec<u8> {
    let mut buf = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut buf);
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("[Content_Types].xml", opts).expect("zip");
    zip.write_all(br#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#).expect("zip");
    zip.start_file("word/document.xml", opts).expect("zip");
    zip.write_all(document_xml).expect("zip");
    zip.finish().expect("zip");
    buf.into_inner()
}

fn docx_body(paragraphs: &str) -> Vec<u8> {
    docx(format!(r#"<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{paragraphs}</w:body></w:document>"#).as_bytes())
}

/// A one-page PDF whose page content is `content` (uncompressed unless `deflate`).
fn pdf_with(content: Vec<u8>, deflate: bool, page_tree_depth: usize) -> Vec<u8> {
    use lopdf::{Document, Object, Stream, dictionary};
    let mut doc = Document::with_version("1.5");
    let font = doc.add_object(
        dictionary! {"Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica"},
    );
    let resources = doc.add_object(dictionary! {"Font" => dictionary! {"F1" => font}});
    let stream = if deflate {
        let mut enc = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(&content).expect("deflate");
        Stream::new(
            dictionary! {"Filter" => "FlateDecode"},
            enc.finish().expect("deflate"),
        )
    } else {
        Stream::new(dictionary! {}, content)
    };
    let contents = doc.add_object(stream);
    let root_pages = doc.new_object_id();
    let mut parent = root_pages;
    let mut chain = vec![root_pages];
    for _ in 0..page_tree_depth {
        let id = doc.new_object_id();
        chain.push(id);
        parent = id;
    }
    let page = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => parent, "Contents" => contents, "Resources" => resources,
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
    });
    for (i, id) in chain.iter().enumerate() {
        let kid = chain.get(i + 1).copied().unwrap_or(page);
        let mut d = dictionary! {"Type" => "Pages", "Kids" => vec![kid.into()], "Count" => 1};
        if i > 0 {
            d.set("Parent", chain[i - 1]);
        }
        doc.objects.insert(*id, Object::Dictionary(d));
    }
    let catalog = doc.add_object(dictionary! {"Type" => "Catalog", "Pages" => root_pages});
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("pdf");
    out
}

fn pdf_text(text: &str) -> Vec<u8> {
    pdf_with(
        format!("BT /F1 12 Tf 72 700 Td ({text}) Tj ET").into_bytes(),
        false,
        0,
    )
}

fn scaled(quick: usize, big: usize) -> usize {
    if full() { big } else { quick }
}

// ---------- trials ----------

fn input_trials() -> Vec<Trial> {
    use Expect::{Document, Either, Failure};
    let mut t = vec![
        input_trial("text/empty", "", |d| {
            one(d, "empty.txt", "", Failure("file is empty"))
        }),
        input_trial("text/whitespace-only", "", |d| {
            one(d, "blank.txt", " \n\t\n ", Failure("file is empty"))
        }),
        input_trial("text/bom-only", "", |d| {
            one(d, "bom.txt", b"\xEF\xBB\xBF", Failure("file is empty"))
        }),
        input_trial("text/nul-bytes", "", |d| {
            one(
                d,
                "bin.txt",
                b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
                Failure("not a text file"),
            )
        }),
        input_trial("text/control-characters", "", |d| {
            one(
                d,
                "ctl.txt",
                b"\x01\x02\x03\x04\x05\x06abc",
                Failure("control characters"),
            )
        }),
        input_trial("text/utf16-with-bom", "", |d| {
            let bytes: Vec<u8> = [0xFF, 0xFE]
                .into_iter()
                .chain(
                    "Mérida Initiative text."
                        .encode_utf16()
                        .flat_map(u16::to_le_bytes),
                )
                .collect();
            one(d, "u16.txt", bytes, Document("Mérida Initiative"))
        }),
        input_trial("text/utf16-without-bom", "", |d| {
            let bytes: Vec<u8> = "Mérida text."
                .encode_utf16()
                .flat_map(u16::to_le_bytes)
                .collect();
            one(
                d,
                "u16nobom.txt",
                bytes,
                Failure("UTF-16 needs a byte-order mark"),
            )
        }),
        input_trial("text/one-bad-byte-in-utf8", "", |d| {
            one(
                d,
                "bad-byte.txt",
                b"Notes on M\xc3\xa9rida\n\nThe M\xc3\xa9rida Initiative \xff began in 2008.",
                Document("The Mérida Initiative \u{FFFD} began"),
            )
        }),
        input_trial("text/windows-1252", "", |d| {
            one(
                d,
                "cp1252.txt",
                b"Notes\n\nThe M\xe9rida Initiative \x96 a plan.",
                Document("The Mérida Initiative – a plan."),
            )
        }),
        input_trial("text/crlf-and-cr", "", |d| {
            one(
                d,
                "crlf.txt",
                "Title\r\n\r\nLine one\rline two.\r\n",
                Document("Title"),
            )
        }),
        input_trial("text/no-extension", "", |d| {
            one(d, "README", "Some text.", Failure("unknown file type"))
        }),
        input_trial("text/unknown-extension", "", |d| {
            one(d, "data.csv", "a,b\n1,2\n", Failure("unknown file type"))
        }),
        input_trial("text/long-line", "", |d| {
            one(
                d,
                "line.txt",
                "word ".repeat(scaled(50_000, 20_000_000)),
                Document("word word"),
            )
        }),
        input_trial("text/one-huge-word", "", |d| {
            one(
                d,
                "word.txt",
                "x".repeat(scaled(500_000, 50_000_000)),
                Document("xxx"),
            )
        }),
        input_trial("text/too-large", "[ingest]\nmax_file_bytes = 1000\n", |d| {
            one(
                d,
                "big.txt",
                "a ".repeat(1000),
                Failure("file is too large"),
            )
        }),
        input_trial("html/mismatched-tags", "", |d| {
            one(
                d,
                "broken.html",
                "<html><body><p>The Merida <b>Initiative <i>was</b> signed.</i></div></span><p>Second para</body>",
                Document("Second para"),
            )
        }),
        input_trial("html/saved-as-md", "", |d| {
            one(
                d,
                "page.md",
                "<!DOCTYPE html>\n<html><head><title>T</title></head><body><h1>Head</h1><p>Body of the page.</p></body></html>",
                Document("Body of the page."),
            )
        }),
        input_trial("html/unclosed-comment", "", |d| {
            one(
                d,
                "comment.html",
                "<html><body><!-- open <p>The text.</p></body></html>",
                Failure("no visible text"),
            )
        }),
        input_trial("html/unclosed-title", "", |d| {
            one(
                d,
                "title.html",
                "<html><head><title>Broken<body><p>Text.</p></body></html>",
                Failure("no visible text"),
            )
        }),
        input_trial("html/deep-nesting", "", |d| {
            let n = scaled(3_000, 100_000);
            one(
                d,
                "deep.html",
                format!(
                    "<html><body>{}<p>Deep text.</p>{}</body></html>",
                    "<div>".repeat(n),
                    "</div>".repeat(n)
                ),
                Either("time budget"),
            )
        }),
        input_trial("html/many-attributes", "", |d| {
            let attrs: String = (0..scaled(10_000, 500_000))
                .map(|i| format!(" a{i}=\"v\""))
                .collect();
            one(
                d,
                "attrs.html",
                format!("<html><body><p{attrs}>Text here.</p></body></html>"),
                Document("Text here."),
            )
        }),
        input_trial("markdown/deep-blockquote", "", |d| {
            one(
                d,
                "quote.md",
                format!("{}Deep quote text.\n", "> ".repeat(scaled(2_000, 50_000))),
                Either("time budget"),
            )
        }),
        input_trial("markdown/deep-list", "", |d| {
            // Item i is indented 2i spaces: 12,000 items make 144 MB, under the 200 MB limit.
            let md: String = (0..scaled(500, 12_000))
                .map(|i| format!("{}- item {i}\n", "  ".repeat(i)))
                .collect();
            one(d, "list.md", md, Either("time budget"))
        }),
        input_trial("pdf/not-a-pdf", "", |d| {
            one(d, "fake.pdf", "Plain text.", Failure("no %PDF- header"))
        }),
        input_trial("pdf/header-only", "", |d| {
            one(d, "stub.pdf", "%PDF-1.7\n", Failure("cannot read PDF"))
        }),
        input_trial("pdf/valid", "", |d| {
            one(
                d,
                "ok.pdf",
                pdf_text("The Merida Initiative was signed in 2008."),
                Document("Merida Initiative"),
            )
        }),
        input_trial("pdf/truncated", "", |d| {
            let pdf = pdf_text("The Merida Initiative was signed in 2008.");
            one(
                d,
                "cut.pdf",
                &pdf[..pdf.len() / 2],
                Either("cannot read PDF"),
            )
        }),
        input_trial("pdf/flate-bomb", "", |d| {
            one(
                d,
                "bomb.pdf",
                pdf_with(vec![b' '; 80 << 20], true, 0),
                Failure("content stream could not be decoded"),
            )
        }),
        // A 1,000-deep page tree: its text, or a clear failure naming the PDF.
        input_trial("pdf/deep-page-tree", "", |d| {
            one(
                d,
                "tree.pdf",
                pdf_with(
                    b"BT /F1 12 Tf 72 700 Td (Deep tree text.) Tj ET".to_vec(),
                    false,
                    1_000,
                ),
                Either("cannot read PDF"),
            )
        }),
        input_trial("pdf/deep-arrays", "", |d| {
            let n = scaled(20_000, 1_000_000);
            let content = format!("BT /F1 12 Tf {}1{} TJ ET", "[".repeat(n), "]".repeat(n));
            one(
                d,
                "arrays.pdf",
                pdf_with(content.into_bytes(), false, 0),
                Failure("cannot read PDF"),
            )
        }),
        input_trial("pdf/many-operators", "", |d| {
            let content = "0 0 m ".repeat(scaled(50_000, 1_000_000));
            one(
                d,
                "ops.pdf",
                pdf_with(content.into_bytes(), true, 0),
                Failure("no text layer"),
            )
        }),
        input_trial("docx/not-a-zip", "", |d| {
            one(
                d,
                "memo.docx",
                "PK not really",
                Failure("not a zip archive"),
            )
        }),
        input_trial("docx/zip-without-document", "", |d| {
            let mut buf = std::io::Cursor::new(Vec::new());
            let mut zip = zip::ZipWriter::new(&mut buf);
            zip.start_file("other.txt", zip::write::SimpleFileOptions::default())
                .expect("zip");
            zip.write_all(b"x").expect("zip");
            zip.finish().expect("zip");
            one(
                d,
                "nodoc.docx",
                buf.into_inner(),
                Failure("no main document part"),
            )
        }),
        input_trial("docx/valid", "", |d| {
            one(
                d,
                "ok.docx",
                docx_body("<w:p><w:r><w:t>The Merida Initiative began.</w:t></w:r></w:p>"),
                Document("Merida Initiative began"),
            )
        }),
        input_trial("docx/malformed-xml", "", |d| {
            one(
                d,
                "bad.docx",
                docx_body("<w:p><w:r><w:t>Text</w:r></w:p>"),
                Failure("malformed XML in word/document.xml at line 1"),
            )
        }),
        input_trial("docx/billion-laughs", "", |d| {
            let xml = r#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]><w:document xmlns:w="w"><w:body><w:p><w:r><w:t>Laughs &lol4; end.</w:t></w:r></w:p></w:body></w:document>"#;
            one(d, "lol.docx", docx(xml.as_bytes()), Either("DOCX"))
        }),
        input_trial("docx/zip-bomb-body", "", |d| {
            let n = scaled(4 << 20, 250 << 20);
            let mut xml = Vec::with_capacity(n + 200);
            xml.extend_from_slice(br#"<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>Start "#);
            xml.resize(xml.len() + n, b' ');
            xml.extend_from_slice(b" end.</w:t></w:r></w:p></w:body></w:document>");
            one(d, "zipbomb.docx", docx(&xml), Either("DOCX"))
        }),
        input_trial("docx/deep-xml", "", |d| {
            let n = scaled(5_000, 500_000);
            let xml = format!(
                r#"<w:document xmlns:w="w"><w:body>{}<w:p><w:r><w:t>Deep.</w:t></w:r></w:p>{}</w:body></w:document>"#,
                "<w:sdt>".repeat(n),
                "</w:sdt>".repeat(n)
            );
            one(d, "deep.docx", docx(xml.as_bytes()), Either("DOCX"))
        }),
        input_trial("names/same-stem", "", |d| {
            vec![
                (
                    write(d, "report.txt", "Report as text."),
                    Document("Report as text."),
                ),
                (
                    write(d, "report.md", "Report as *Markdown*."),
                    Document("Report as Markdown."),
                ),
                (
                    write(d, "report.html", "<p>Report as HTML.</p>"),
                    Document("Report as HTML."),
                ),
            ]
        }),
        input_trial("names/spaces-and-unicode", "", |d| {
            one(
                d,
                "sub dir/Informe año 2008 — ñ.txt",
                "Text of the report.",
                Document("Text of the report."),
            )
        }),
        input_trial("names/newline-in-name", "", |d| {
            one(
                d,
                "line\nbreak.txt",
                "Text with a newline name.",
                Document("newline name"),
            )
        }),
        input_trial("names/255-byte-name", "", |d| {
            one(
                d,
                &format!("{}.txt", "n".repeat(251)),
                "Long name text.",
                Document("Long name text."),
            )
        }),
        input_trial("extract/acronym-definitions", "", |d| {
            let text: String = (0..scaled(1_000, 100_000))
                .map(|i| format!("The Border Security Agency Number {i} (BSAN{i}) met. "))
                .collect();
            one(d, "acronyms.txt", text, Either("time budget"))
        }),
        input_trial("extract/capitalised-run", "", |d| {
            let text = "Word ".repeat(scaled(5_000, 500_000)) + "Agency.";
            one(d, "capitals.txt", text, Either("time budget"))
        }),
        input_trial("extract/money-run", "", |d| {
            let text: String = (0..scaled(1_000, 200_000))
                .map(|i| format!("${i} million, "))
                .collect::<String>()
                + "in total.";
            one(d, "money.txt", text, Either("time budget"))
        }),
        // One 200 KB paragraph (100 MB in the full run): every pass over its mentions is
        // O(n log n), so it finishes within the budget or becomes a budget failure row.
        input_trial("extract/huge-paragraph", "", |d| {
            let s = "The Security and Prosperity Partnership funded the Border Agency with $5 million in 2005 and the Merida Initiative ";
            one(
                d,
                "paragraph.txt",
                s.repeat(scaled(200_000, 100_000_000) / s.len()),
                Either("time budget"),
            )
        }),
        input_trial(
            "extract/time-budget-is-a-failure-row",
            "[extract]\nmax_seconds_per_document = 1\n",
            |d| {
                // About 3 s of extraction in a release build on this machine, far more in a
                // debug build: over the budget either way, and under the mention cap.
                let text: String = (0..60_000)
                    .map(|i| {
                        format!("The Border Security Agency Number {i} (BSAN{i}) met in Canada. ")
                    })
                    .collect();
                one(d, "slow.txt", text, Failure("time budget of 1 s"))
            },
        ),
    ];
    #[cfg(unix)]
    t.extend(unix_input_trials());
    t
}

#[cfg(unix)]
fn unix_input_trials() -> Vec<Trial> {
    use Expect::{Document, Failure};
    use std::os::unix::ffi::OsStrExt as _;
    use std::os::unix::fs::symlink;
    vec![
        input_trial("files/fifo", "", |d| {
            let ok = Command::new("mkfifo")
                .arg(d.join("pipe.txt"))
                .status()
                .is_ok_and(|s| s.success());
            assert!(ok, "mkfifo");
            vec![("pipe.txt".to_owned(), Failure("not a regular file (FIFO"))]
        }),
        input_trial("files/symlink-to-dev-zero", "", |d| {
            symlink("/dev/zero", d.join("zero.txt")).expect("symlink");
            vec![(
                "zero.txt".to_owned(),
                Failure("symbolic link to a character device"),
            )]
        }),
        input_trial("files/symlink-to-dev-urandom", "", |d| {
            symlink("/dev/urandom", d.join("random.md")).expect("symlink");
            vec![(
                "random.md".to_owned(),
                Failure("symbolic link to a character device"),
            )]
        }),
        input_trial("files/broken-symlink", "", |d| {
            symlink(d.join("missing.txt"), d.join("broken.txt")).expect("symlink");
            vec![("broken.txt".to_owned(), Failure("cannot be followed"))]
        }),
        input_trial("files/symlink-loop", "", |d| {
            symlink(d.join("loop-b.txt"), d.join("loop-a.txt")).expect("symlink");
            symlink(d.join("loop-a.txt"), d.join("loop-b.txt")).expect("symlink");
            vec![
                ("loop-a.txt".to_owned(), Failure("cannot be followed")),
                ("loop-b.txt".to_owned(), Failure("cannot be followed")),
            ]
        }),
        input_trial("files/symlink-to-folder", "", |d| {
            std::fs::create_dir(d.join("real")).expect("dir");
            symlink(d.join("real"), d.join("alias")).expect("symlink");
            vec![("alias".to_owned(), Failure("symbolic link to a directory"))]
        }),
        input_trial("files/symlink-inside-root", "", |d| {
            write(d, "target.txt", "Linked text.");
            symlink(d.join("target.txt"), d.join("link.txt")).expect("symlink");
            vec![
                ("target.txt".to_owned(), Document("Linked text.")),
                ("link.txt".to_owned(), Document("Linked text.")),
            ]
        }),
        input_trial("files/symlink-outside-root", "", |d| {
            let outside = d.parent().expect("parent").join("outside.txt");
            std::fs::write(&outside, "Outside text.").expect("write");
            symlink(&outside, d.join("far.txt")).expect("symlink");
            vec![("far.txt".to_owned(), Failure("outside the corpus folder"))]
        }),
        input_trial("files/path-longer-than-path-max", "", |d| {
            // Built with relative `mkdir`/`cd` steps: no single call sees the whole path.
            let seg = "d".repeat(200);
            let script = format!(
                "set -e; cd \"$1\"; for i in $(seq 1 25); do mkdir {seg}; cd {seg}; done; echo 'Deep text.' > deep.txt"
            );
            let ok = Command::new("bash")
                .args(["-c", &script, "_"])
                .arg(d)
                .status()
                .is_ok_and(|s| s.success());
            assert!(ok, "deep folder");
            // The first folder whose absolute path reaches PATH_MAX (4096 bytes) cannot be
            // listed: it is one failures row.
            let base = d.as_os_str().len();
            let depth = (1..=25)
                .find(|k| base + k * (seg.len() + 1) >= 4096)
                .expect("deep enough");
            let rel = vec![seg.as_str(); depth].join("/");
            vec![(rel, Failure("cannot list the folder"))]
        }),
        input_trial("names/non-utf8", "", |d| {
            let name = std::ffi::OsStr::from_bytes(b"caf\xe9.txt");
            std::fs::write(d.join(name), "Caf\u{e9} text.").expect("write");
            let name2 = std::ffi::OsStr::from_bytes(b"caf\xe8.txt");
            std::fs::write(d.join(name2), "Other text.").expect("write");
            vec![
                ("caf%E9.txt".to_owned(), Document("Café text.")),
                ("caf%E8.txt".to_owned(), Document("Other text.")),
            ]
        }),
    ]
}

// ---------- faults ----------

fn fault(name: &str, f: impl FnOnce() -> Outcome + Send + 'static) -> Trial {
    Trial::test(name.to_owned(), f)
}

fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push((p.clone(), std::fs::read(&p).unwrap_or_default()));
            }
        }
    }
    out.sort();
    out
}

fn corpus(root: &Path, slow: bool) -> PathBuf {
    let input = root.join("in");
    std::fs::create_dir_all(&input).expect("dir");
    std::fs::write(input.join("clean.txt"), CLEAN).expect("write");
    std::fs::write(
        input.join("other.md"),
        "# Other\n\nThe North American Free Trade Agreement entered into force in 1994.\n",
    )
    .expect("write");
    if slow {
        let text: String = (0..200_000)
            .map(|i| format!("The Border Agency Number {i} (BAN{i}) met with Canada. "))
            .collect();
        std::fs::write(input.join("slow.txt"), text).expect("write");
    }
    input
}

fn fault_trials() -> Vec<Trial> {
    let mut t = vec![
        fault("faults/kill-9-keeps-previous-output", || {
            let tmp = tempfile::tempdir()?;
            let input = corpus(tmp.path(), false);
            let out = tmp.path().join("out");
            let p = pipeline(tmp.path(), &input, &out, "");
            check_run(&run(&p))?;
            let before = snapshot(&out);
            corpus(tmp.path(), true);
            for delay in [300, 900, 2_000] {
                let mut child = spawn(&p);
                std::thread::sleep(Duration::from_millis(delay));
                if child.try_wait()?.is_some() {
                    return Err(format!(
                        "the run finished before the kill at {delay} ms: the slow input is too fast"
                    )
                    .into());
                }
                let killed = child.kill(); // SIGKILL
                child.wait()?;
                killed?;
                if snapshot(&out) != before {
                    return Err(format!("output changed after kill -9 at {delay} ms").into());
                }
            }
            Ok(())
        }),
        fault("faults/truncated-cache-entries-are-recomputed", || {
            let tmp = tempfile::tempdir()?;
            let input = corpus(tmp.path(), false);
            let out = tmp.path().join("out");
            let p = pipeline(tmp.path(), &input, &out, "");
            check_run(&run(&p))?;
            let first = rows(&out)?;
            let cache = tmp.path().join("cache");
            let mut n = 0;
            for (path, bytes) in snapshot(&cache) {
                std::fs::write(&path, &bytes[..bytes.len() / 2])?;
                n += 1;
            }
            if n == 0 {
                return Err("no cache entries written".into());
            }
            let r = run(&p);
            check_run(&r)?;
            if r.code != Some(0) || rows(&out)? != first {
                return Err(format!("rerun over a truncated cache differs: {r:?}").into());
            }
            Ok(())
        }),
        fault("faults/garbage-cache-entries-are-recomputed", || {
            let tmp = tempfile::tempdir()?;
            let input = corpus(tmp.path(), false);
            let out = tmp.path().join("out");
            let p = pipeline(tmp.path(), &input, &out, "");
            check_run(&run(&p))?;
            let first = rows(&out)?;
            for (path, _) in snapshot(&tmp.path().join("cache")) {
                std::fs::write(&path, b"\xff\xfe not json {{{")?;
            }
            let r = run(&p);
            check_run(&r)?;
            if r.code != Some(0) || rows(&out)? != first {
                return Err(format!("rerun over a garbage cache differs: {r:?}").into());
            }
            Ok(())
        }),
        fault(
            "faults/cache-entry-with-one-changed-digit-is-not-trusted",
            || {
                let tmp = tempfile::tempdir()?;
                let input = corpus(tmp.path(), false);
                let out = tmp.path().join("out");
                let p = pipeline(tmp.path(), &input, &out, "");
                check_run(&run(&p))?;
                let first = rows(&out)?;
                for (path, bytes) in snapshot(&tmp.path().join("cache")) {
                    let s = String::from_utf8_lossy(&bytes).replace("2005", "2006");
                    std::fs::write(&path, s)?;
                }
                check_run(&run(&p))?;
                if rows(&out)? != first {
                    return Err("a changed cache entry changed the tables".into());
                }
                Ok(())
            },
        ),
        fault("faults/concurrent-runs-on-one-output", || {
            let tmp = tempfile::tempdir()?;
            let input = corpus(tmp.path(), false);
            let out = tmp.path().join("out");
            let p = pipeline(tmp.path(), &input, &out, "");
            let (a, b) = (spawn(&p), spawn(&p));
            let (ra, rb) = (wait(a, RUN_LIMIT), wait(b, RUN_LIMIT));
            check_run(&ra)?;
            check_run(&rb)?;
            // Each run either publishes or stops with a clear environment error; the folder
            // left is one complete output.
            for r in [&ra, &rb] {
                if !matches!(r.code, Some(0 | 2)) {
                    return Err(format!("concurrent run: {r:?}").into());
                }
            }
            if ra.code != Some(0) && rb.code != Some(0) {
                return Err(format!("neither concurrent run published: {ra:?} {rb:?}").into());
            }
            let after = rows(&out)?;
            let single = tmp.path().join("single");
            check_run(&run(&pipeline(tmp.path(), &input, &single, "")))?;
            if after != rows(&single)? {
                return Err("concurrent output differs from a single run".into());
            }
            Ok(())
        }),
        fault("paths/out-inside-input-is-refused", || {
            let tmp = tempfile::tempdir()?;
            let input = corpus(tmp.path(), false);
            let before = snapshot(&input);
            let out = input.join("tables");
            let r = run(&pipeline(tmp.path(), &input, &out, ""));
            check_run(&r)?;
            if r.code != Some(2)
                || !r.stderr.contains("inside the input folder")
                || snapshot(&input) != before
            {
                return Err(format!("--out inside --input: {r:?}").into());
            }
            Ok(())
        }),
        fault("paths/out-is-the-input-folder", || {
            let tmp = tempfile::tempdir()?;
            let input = corpus(tmp.path(), false);
            let before = snapshot(&input);
            let r = run(&pipeline(tmp.path(), &input, &input, ""));
            check_run(&r)?;
            if r.code != Some(2) || snapshot(&input) != before {
                return Err(format!("--out = --input: {r:?}").into());
            }
            Ok(())
        }),
        fault("paths/out-in-missing-deep-folder", || {
            let tmp = tempfile::tempdir()?;
            let input = corpus(tmp.path(), false);
            let out = tmp.path().join("a/b/c/out");
            let r = run(&pipeline(tmp.path(), &input, &out, ""));
            check_run(&r)?;
            if r.code != Some(0) || rows(&out)?.documents.len() != 2 {
                return Err(format!("--out in a missing folder: {r:?}").into());
            }
            Ok(())
        }),
        fault("paths/input-does-not-exist", || {
            let tmp = tempfile::tempdir()?;
            let out = tmp.path().join("out");
            let r = run(&pipeline(tmp.path(), &tmp.path().join("nowhere"), &out, ""));
            check_run(&r)?;
            if r.code != Some(2) || !r.stderr.contains("nowhere") || out.exists() {
                return Err(format!("missing input: {r:?}").into());
            }
            Ok(())
        }),
        fault(
            "paths/out-at-a-folder-with-a-foreign-manifest-is-refused",
            || {
                let tmp = tempfile::tempdir()?;
                let input = corpus(tmp.path(), false);
                let out = tmp.path().join("web");
                std::fs::create_dir(&out)?;
                std::fs::write(out.join("manifest.json"), "{\"name\": \"my web app\"}")?;
                std::fs::write(out.join("index.html"), "<p>mine</p>")?;
                let before = snapshot(&out);
                let r = run(&pipeline(tmp.path(), &input, &out, ""));
                if r.code != Some(2) || snapshot(&out) != before {
                    return Err(format!("foreign folder replaced: {r:?}").into());
                }
                Ok(())
            },
        ),
        fault("paths/out-at-a-file-is-refused", || {
            let tmp = tempfile::tempdir()?;
            let input = corpus(tmp.path(), false);
            let out = tmp.path().join("notes.txt");
            std::fs::write(&out, "my notes")?;
            let r = run(&pipeline(tmp.path(), &input, &out, ""));
            if r.code != Some(2) || std::fs::read(&out)? != b"my notes" {
                return Err(format!("file at --out replaced: {r:?}").into());
            }
            Ok(())
        }),
    ];
    t.push(full_disk_trial());
    t
}

/// A 512 KiB tmpfs as the output's parent: the run must stop with exit 2 and a message
/// naming the problem, leaving no half-written output. Needs root (mount); skipped, and
/// listed as ignored, otherwise.
fn full_disk_trial() -> Trial {
    let probe = tempfile::tempdir().ok();
    let mountable = probe.as_ref().is_some_and(|d| {
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=512k", "tmpfs"])
            .arg(d.path())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if ok {
            let _ = Command::new("umount").arg(d.path()).status();
        }
        ok
    });
    fault("faults/full-disk", || {
        let tmp = tempfile::tempdir()?;
        let input = corpus(tmp.path(), false);
        let disk = tmp.path().join("disk");
        std::fs::create_dir(&disk)?;
        let mounted = Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=512k", "tmpfs"])
            .arg(&disk)
            .status()?
            .success();
        if !mounted {
            return Err("mount failed".into());
        }
        // Fill most of it, so the tables do not fit.
        let _ = std::fs::write(disk.join("filler"), vec![0u8; 500 << 10]);
        let out = disk.join("out");
        let r = run(&pipeline(tmp.path(), &input, &out, ""));
        let left = out.exists();
        let _ = Command::new("umount").arg(&disk).status();
        check_run(&r)?;
        if r.code != Some(2) || !r.stderr.to_lowercase().contains("no space") || left {
            return Err(format!("full disk: {r:?}, output left: {left}").into());
        }
        Ok(())
    })
    .with_ignored_flag(!mountable)
}

fn main() {
    let args = Arguments::from_args();
    if !accord_bin().exists() {
        eprintln!(
            "accord binary not found at {}; run `cargo build --workspace` or set ACCORD_BIN",
            accord_bin().display()
        );
        std::process::exit(2);
    }
    let mut trials = input_trials();
    trials.extend(fault_trials());
    libtest_mimic::run(&args, trials).exit();
}
