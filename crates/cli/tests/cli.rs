//! End-to-end tests of the `accord` binary: a small corpus with good and bad inputs, exit
//! codes, every table written, reruns byte-identical whatever the thread count.

use std::path::{Path, PathBuf};
use std::process::Command;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn run(input: &Path, out: &Path, threads: &str) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_accord"))
        .current_dir(workspace())
        .args([
            "run",
            "pipelines/north-american-security.toml",
            "-q",
            "--no-progress",
            "--threads",
            threads,
        ])
        .arg("--input")
        .arg(input)
        .arg("--out")
        .arg(out)
        .arg("--cache-dir")
        .arg(out.with_extension("cache"))
        .output()
        .expect("accord runs")
}

fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("output folder") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path
                    .strip_prefix(dir)
                    .expect("inside")
                    .to_string_lossy()
                    .into_owned();
                out.push((rel, std::fs::read(&path).expect("read")));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn bad_inputs_fail_alone_and_exit_1() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let out = tmp.path().join("out");
    let result = run(&corpus, &out, "2");
    assert_eq!(
        result.status.code(),
        Some(1),
        "stderr: {}",
        String::from_utf8_lossy(&result.stderr)
    );
    let names: Vec<String> = files(&out).into_iter().map(|(n, _)| n).collect();
    for table in [
        "documents",
        "blocks",
        "mentions",
        "agreements",
        "working_groups",
        "agencies",
        "funding",
        "failures",
    ] {
        assert!(
            names.contains(&format!("{table}.parquet")),
            "{table} missing: {names:?}"
        );
    }
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("manifest.json")).expect("manifest"))
            .expect("json");
    assert_eq!(manifest["rows"]["documents"], 2, "{manifest}");
    assert_eq!(manifest["rows"]["failures"], 2, "{manifest}");
    let inputs: Vec<&str> = manifest["inputs"]
        .as_array()
        .expect("inputs")
        .iter()
        .map(|i| i["path"].as_str().expect("path"))
        .collect();
    assert_eq!(
        inputs,
        [
            "acronyms-lists-and-parties.txt",
            "broken.txt",
            "empty.md",
            "nested/follow-up-brief.md"
        ]
    );
}

#[test]
fn reruns_are_byte_identical_across_thread_counts() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let corpus = workspace().join("data/raw");
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    assert_eq!(run(&corpus, &a, "1").status.code(), Some(0));
    assert_eq!(run(&corpus, &b, "2").status.code(), Some(0));
    assert_eq!(files(&a), files(&b));
}

#[test]
fn usage_errors_exit_2_and_name_the_file() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let result = run(
        &tmp.path().join("no-such-folder"),
        &tmp.path().join("out"),
        "1",
    );
    assert_eq!(result.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(stderr.contains("no-such-folder"), "{stderr}");
    let missing = Command::new(env!("CARGO_BIN_EXE_accord"))
        .args(["run", "missing.toml"])
        .output()
        .expect("runs");
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("missing.toml"));
}

#[test]
fn help_documents_the_run_options() {
    let help = Command::new(env!("CARGO_BIN_EXE_accord"))
        .args(["run", "--help"])
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&help.stdout);
    for flag in ["--input", "--out", "--threads", "Exit status"] {
        assert!(text.contains(flag), "{flag} not in help:\n{text}");
    }
}

#[test]
fn second_run_reuses_the_cache_and_writes_the_same_bytes() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut settings =
        accord_cli::Settings::load(&workspace().join("pipelines/north-american-security.toml"))
            .expect("pipeline");
    settings.corpus.root = workspace().join("data/raw");
    settings.output.dir = tmp.path().join("out");
    settings.cache = Some(tmp.path().join("cache"));
    let options = |use_cache| accord_cli::RunOptions {
        threads: Some(1),
        progress: false,
        use_cache,
        build: None,
    };
    let cold = accord_cli::run_pipeline_with(&settings, &options(true)).expect("first run");
    assert_eq!((cold.documents, cold.cached), (1, 0));
    let first = files(&settings.output.dir);
    assert!(!cold.reused);
    let warm = accord_cli::run_pipeline_with(&settings, &options(true)).expect("second run");
    assert_eq!(
        warm.cached, 1,
        "the unchanged document comes from the cache"
    );
    assert!(warm.reused, "the output folder is already current");
    assert_eq!(warm.rows, cold.rows);
    assert_eq!(
        files(&settings.output.dir),
        first,
        "cached and cold runs publish the same bytes"
    );
    let forced = accord_cli::run_pipeline_with(&settings, &options(false)).expect("--no-cache run");
    assert_eq!(forced.cached, 0);
    assert!(!forced.reused, "--no-cache rewrites the output");
    assert_eq!(files(&settings.output.dir), first);
    // A table changed by hand makes the folder stale: the next run rewrites it.
    std::fs::write(settings.output.dir.join("csv/agencies.csv"), "edited\n").expect("write");
    let repaired = accord_cli::run_pipeline_with(&settings, &options(true)).expect("rerun");
    assert!(!repaired.reused);
    assert_eq!(files(&settings.output.dir), first);
}

#[test]
fn every_format_and_every_bad_input_ends_as_a_document_or_a_failure() {
    // The ingest fixtures: one file of each format (txt, md, html, pdf, docx) plus the bad
    // inputs (empty, binary, truncated and encrypted PDF, PDF without text, invalid UTF-8,
    // UTF-16 without BOM, a DOCX that is not a zip, HTML nested 10,000 deep).
    let fixtures = workspace().join("crates/ingest/tests/fixtures");
    let mut inputs = Vec::new();
    let mut stack = vec![fixtures.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("fixtures") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.file_name().is_some_and(|n| n != "README.md") {
                inputs.push(path);
            }
        }
    }
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = tmp.path().join("out");
    let result = run(&fixtures, &out, "2");
    assert_eq!(
        result.status.code(),
        Some(1),
        "some inputs fail: {}",
        String::from_utf8_lossy(&result.stderr)
    );
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("manifest.json")).expect("manifest"))
            .expect("json");
    let documents = manifest["rows"]["documents"]
        .as_u64()
        .expect("documents count");
    let failures = manifest["rows"]["failures"]
        .as_u64()
        .expect("failures count");
    assert_eq!(documents + failures, inputs.len() as u64, "{manifest}");
    assert!(documents >= 5 && failures >= 8, "{manifest}");
}

#[test]
fn a_folder_that_is_not_an_output_is_never_replaced() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = tmp.path().join("mine");
    std::fs::create_dir(&out).expect("folder");
    std::fs::write(out.join("notes.txt"), "my notes").expect("file");
    let result = run(&workspace().join("data/raw"), &out, "1");
    assert_eq!(result.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&result.stderr).contains("refusing to replace"));
    assert_eq!(
        std::fs::read_to_string(out.join("notes.txt")).expect("still there"),
        "my notes"
    );
}

/// A small corpus of one document in `dir`.
fn tiny_corpus(dir: &Path) -> PathBuf {
    let corpus = dir.join("corpus");
    std::fs::create_dir_all(&corpus).expect("corpus");
    std::fs::write(
        corpus.join("note.md"),
        "# A note\n\nThe Security and Prosperity Partnership was launched in 2005.\n",
    )
    .expect("write");
    corpus
}

#[test]
fn an_output_path_that_is_a_file_is_refused_before_any_work_and_left_byte_identical() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let corpus = tiny_corpus(tmp.path());
    let file = tmp.path().join("results.csv");
    let bytes = b"id,value\n1,2\n".to_vec();
    std::fs::write(&file, &bytes).expect("write");
    let result = run(&corpus, &file, "1");
    assert_eq!(result.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(
        stderr.contains("results.csv") && stderr.contains("a file"),
        "{stderr}"
    );
    assert_eq!(std::fs::read(&file).expect("still there"), bytes);
    // Nothing else was written: no renamed copy, no staging folder, no cache.
    let mut names: Vec<String> = std::fs::read_dir(tmp.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["corpus", "results.csv"]);
}

#[test]
fn a_folder_with_a_foreign_manifest_is_refused_and_only_accords_marker_counts() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let corpus = tiny_corpus(tmp.path());
    let web = tmp.path().join("web");
    std::fs::create_dir(&web).expect("dir");
    std::fs::write(web.join("manifest.json"), r#"{"name": "my app"}"#).expect("write");
    std::fs::write(web.join("index.html"), "<p>mine</p>").expect("write");
    let before = files(&web);
    let result = run(&corpus, &web, "1");
    assert_eq!(result.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&result.stderr).contains(".accord-output"),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
    assert_eq!(files(&web), before);
    assert!(!web.with_extension("cache").exists(), "no work was done");

    // accord's own output carries the marker and is replaced on a rerun.
    let out = tmp.path().join("out");
    assert_eq!(run(&corpus, &out, "1").status.code(), Some(0));
    let marker = std::fs::read_to_string(out.join(".accord-output")).expect("marker");
    assert!(marker.starts_with("accord output folder"), "{marker}");
    std::fs::write(out.join("stale.txt"), "from an earlier run").expect("write");
    assert_eq!(run(&corpus, &out, "1").status.code(), Some(0));
    assert!(
        !out.join("stale.txt").exists(),
        "the old output was replaced"
    );
    let leftovers: Vec<String> = std::fs::read_dir(tmp.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("accord-old") || n.contains("staging"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn an_output_inside_the_input_folder_is_refused() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let corpus = tiny_corpus(tmp.path());
    let result = run(&corpus, &corpus.join("tables"), "1");
    assert_eq!(result.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&result.stderr).contains("inside the input folder"));
    assert!(!corpus.join("tables").exists());
}

fn run_pipeline_file(
    pipeline: &Path,
    input: &Path,
    out: &Path,
    quiet: bool,
) -> std::process::Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_accord"));
    cmd.current_dir(workspace()).arg("run").arg(pipeline);
    if quiet {
        cmd.arg("-q");
    }
    cmd.args(["--no-progress", "--input"])
        .arg(input)
        .arg("--out")
        .arg(out)
        .arg("--cache-dir")
        .arg(out.with_extension("cache"))
        .output()
        .expect("accord runs")
}

#[test]
fn an_empty_corpus_is_an_error_and_writes_nothing() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let corpus = tmp.path().join("empty");
    std::fs::create_dir(&corpus).expect("dir");
    std::fs::write(corpus.join(".hidden"), "x").expect("write");
    let out = tmp.path().join("out");
    let result = run(&corpus, &out, "1");
    assert_eq!(result.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&result.stderr).contains("no input documents in"));
    assert!(!out.exists());
}

/// A copy of the default pipeline file in `dir`, with `replace` applied, paths made absolute.
fn pipeline_copy(dir: &Path, edit: impl Fn(String) -> String) -> PathBuf {
    let text = std::fs::read_to_string(workspace().join("pipelines/north-american-security.toml"))
        .expect("pipeline");
    let base = workspace().join("pipelines");
    let text = text.replace("\"../", &format!("\"{}/../", base.display()));
    let path = dir.join("pipeline.toml");
    std::fs::write(&path, edit(text)).expect("write");
    path
}

#[test]
fn an_incomplete_gazetteer_folder_is_named_before_any_work() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let gaz = tmp.path().join("gaz");
    std::fs::create_dir(&gaz).expect("dir");
    std::fs::copy(
        workspace().join("data/gazetteers/agencies.csv"),
        gaz.join("agencies.csv"),
    )
    .expect("copy");
    let pipeline = pipeline_copy(tmp.path(), |t| {
        t.lines()
            .map(|l| {
                if l.starts_with("gazetteers") {
                    format!("gazetteers = \"{}\"", gaz.display())
                } else {
                    l.to_owned()
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
    });
    let corpus = tiny_corpus(tmp.path());
    let result = run_pipeline_file(&pipeline, &corpus, &tmp.path().join("out"), false);
    assert_eq!(result.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(
        stderr.contains("lacks agreements.csv, working_groups.csv"),
        "{stderr}"
    );
    assert!(!tmp.path().join("out").exists());
}

#[test]
fn a_default_currency_that_is_not_iso_4217_is_refused() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let pipeline = pipeline_copy(tmp.path(), |t| {
        if t.contains("default_currency") {
            t.lines()
                .map(|l| {
                    if l.starts_with("default_currency") {
                        "default_currency = \"Dollars\"".to_owned()
                    } else {
                        l.to_owned()
                    }
                })
                .collect::<Vec<_>>()
                .join("\n")
        } else {
            format!("{t}\n[extract]\ndefault_currency = \"Dollars\"\n")
        }
    });
    let corpus = tiny_corpus(tmp.path());
    let result = run_pipeline_file(&pipeline, &corpus, &tmp.path().join("out"), false);
    assert_eq!(result.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(
        stderr.contains("\"Dollars\" is not an ISO 4217 currency code"),
        "{stderr}"
    );
}

#[test]
fn a_run_closes_with_a_summary_and_a_quiet_run_still_counts_failures() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let corpus = tiny_corpus(tmp.path());
    std::fs::write(corpus.join("broken.pdf"), "not a pdf").expect("write");
    let pipeline = workspace().join("pipelines/north-american-security.toml");
    let out = tmp.path().join("out");
    let loud = run_pipeline_file(&pipeline, &corpus, &out, false);
    assert_eq!(loud.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&loud.stderr);
    let last = stderr.lines().last().expect("a closing line");
    assert!(
        last.starts_with("Done: 1 documents (0 from the cache), 1 of 2 inputs failed"),
        "{stderr}"
    );
    assert!(
        last.contains("report.html") && last.contains(" s; "),
        "{last}"
    );
    let quiet = run_pipeline_file(&pipeline, &corpus, &out, true);
    assert_eq!(quiet.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&quiet.stderr).trim(),
        format!(
            "1 of 2 inputs failed (see failures.parquet in {})",
            out.display()
        )
    );
}

#[test]
fn timings_name_every_stage_in_order_even_under_quiet() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let corpus = tiny_corpus(tmp.path());
    let out = tmp.path().join("out");
    let result = Command::new(env!("CARGO_BIN_EXE_accord"))
        .current_dir(workspace())
        .args([
            "run",
            "pipelines/north-american-security.toml",
            "-q",
            "--timings",
        ])
        .args(["--no-progress", "--threads", "1", "--input"])
        .arg(&corpus)
        .arg("--out")
        .arg(&out)
        .arg("--cache-dir")
        .arg(out.with_extension("cache"))
        .output()
        .expect("accord runs");
    assert_eq!(result.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&result.stderr);
    let line = stderr.trim();
    let rest = line.strip_prefix("Stages: ").expect("the stages line");
    let (walls, rest) = rest.split_once("; work over all threads: ").expect("work");
    let (work, peaks) = match rest.split_once("; peak RSS after: ") {
        Some((work, peaks)) => (work, Some(peaks)),
        None => (rest, None),
    };
    let seconds = |list: &str| -> Vec<(String, f64)> {
        list.split(", ")
            .map(|item| {
                let (name, secs) = item.split_once(' ').expect("name and time");
                let secs = secs
                    .strip_suffix(" s")
                    .expect("seconds")
                    .parse()
                    .expect("number");
                (name.to_owned(), secs)
            })
            .collect()
    };
    let walls = seconds(walls);
    let names: Vec<&str> = walls.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        ["setup", "ingest+extract", "normalize", "publish"],
        "{line}"
    );
    let work = seconds(work);
    let names: Vec<&str> = work.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["ingest", "extract"], "{line}");
    // One thread: the work of both stages fits in their wall time.
    assert!(work[0].1 + work[1].1 <= walls[1].1 + 0.002, "{line}");
    if cfg!(target_os = "linux") {
        let peaks: Vec<u64> = peaks
            .expect("peak RSS on Linux")
            .split(", ")
            .map(|item| {
                let mb = item.strip_suffix(" MB").expect("MB");
                mb.rsplit_once(' ')
                    .expect("name")
                    .1
                    .parse()
                    .expect("number")
            })
            .collect();
        assert_eq!(peaks.len(), 4, "{line}");
        assert!(
            peaks.windows(2).all(|w| w[0] <= w[1]) && peaks[0] > 0,
            "{line}"
        );
    }
    // A cached rerun does neither stage's work.
    let again = Command::new(env!("CARGO_BIN_EXE_accord"))
        .current_dir(workspace())
        .args([
            "run",
            "pipelines/north-american-security.toml",
            "-q",
            "--timings",
        ])
        .args(["--no-progress", "--input"])
        .arg(&corpus)
        .arg("--out")
        .arg(&out)
        .arg("--cache-dir")
        .arg(out.with_extension("cache"))
        .output()
        .expect("accord runs");
    let stderr = String::from_utf8_lossy(&again.stderr);
    assert!(
        stderr.contains("work over all threads: ingest 0.000 s, extract 0.000 s"),
        "{stderr}"
    );
}

#[cfg(unix)]
#[test]
fn ctrl_c_publishes_nothing_and_says_a_rerun_resumes() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let corpus = tmp.path().join("corpus");
    std::fs::create_dir(&corpus).expect("dir");
    let seed = std::fs::read_to_string(
        workspace().join("tests/eval/corpus/hristoulas-2010-north-american-security-perimeter.txt"),
    )
    .expect("seed");
    for i in 0..400 {
        std::fs::write(
            corpus.join(format!("copy-{i:03}.txt")),
            format!("{seed}\nCopy {i}.\n"),
        )
        .expect("write");
    }
    let out = tmp.path().join("out");
    let cache = tmp.path().join("cache");
    let child = Command::new(env!("CARGO_BIN_EXE_accord"))
        .current_dir(workspace())
        .args([
            "run",
            "pipelines/north-american-security.toml",
            "--no-progress",
            "--threads",
            "1",
            "--input",
        ])
        .arg(&corpus)
        .arg("--out")
        .arg(&out)
        .arg("--cache-dir")
        .arg(&cache)
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("accord starts");
    // Wait for the first cached document, then press Ctrl-C.
    let started = std::time::Instant::now();
    while std::fs::read_dir(&cache).map_or(0, Iterator::count) == 0 {
        assert!(started.elapsed().as_secs() < 120, "no document was cached");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let status = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .expect("kill");
    assert!(status.success());
    let result = child.wait_with_output().expect("accord ends");
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert_eq!(result.status.code(), Some(130), "{stderr}");
    assert!(
        stderr.contains("interrupted after") && stderr.contains("rerun to resume"),
        "{stderr}"
    );
    assert!(!out.exists(), "nothing was published");
}

#[test]
fn a_corrupted_cache_entry_is_dropped_and_recomputed() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let corpus = tiny_corpus(tmp.path());
    let out = tmp.path().join("out");
    assert_eq!(run(&corpus, &out, "1").status.code(), Some(0));
    let first = files(&out);
    let cache = out.with_extension("cache");
    // Cache entries are the JSON files (the folder also keeps the output's fingerprint).
    let entries: Vec<PathBuf> = std::fs::read_dir(&cache)
        .expect("cache")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    assert_eq!(entries.len(), 1, "{entries:?}");
    // One changed letter in the cached document text.
    let text = std::fs::read_to_string(&entries[0]).expect("entry");
    assert!(text.contains("Prosperity"));
    std::fs::write(&entries[0], text.replace("Prosperity", "Prosperitz")).expect("write");
    let second = Command::new(env!("CARGO_BIN_EXE_accord"))
        .current_dir(workspace())
        .args([
            "run",
            "pipelines/north-american-security.toml",
            "--no-progress",
            "--input",
        ])
        .arg(&corpus)
        .arg("--out")
        .arg(&out)
        .arg("--cache-dir")
        .arg(&cache)
        .output()
        .expect("accord runs");
    assert_eq!(second.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&second.stderr);
    assert!(stderr.contains("Dropped a bad cache entry"), "{stderr}");
    assert!(stderr.contains("(0 from the cache)"), "{stderr}");
    assert_eq!(
        files(&out),
        first,
        "the tables are as a cold run makes them"
    );
    let repaired = std::fs::read_to_string(&entries[0]).expect("recomputed entry");
    assert!(!repaired.contains("Prosperitz"));
}

#[test]
fn the_default_cache_is_under_xdg_cache_home() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let corpus = tiny_corpus(tmp.path());
    let out = tmp.path().join("tables");
    let xdg = tmp.path().join("xdg");
    let result = Command::new(env!("CARGO_BIN_EXE_accord"))
        .current_dir(workspace())
        .env("XDG_CACHE_HOME", &xdg)
        .args([
            "run",
            "pipelines/north-american-security.toml",
            "-q",
            "--no-progress",
            "--input",
        ])
        .arg(&corpus)
        .arg("--out")
        .arg(&out)
        .output()
        .expect("accord runs");
    assert_eq!(result.status.code(), Some(0));
    let dirs: Vec<String> = std::fs::read_dir(xdg.join("accord"))
        .expect("cache folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(dirs.len(), 1, "{dirs:?}");
    assert!(dirs[0].starts_with("tables-"), "{dirs:?}");
    assert!(!tmp.path().join(".accord-cache").exists());
}

#[test]
fn extra_gazetteers_add_rows_on_top_of_the_bundled_ones() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mine = tmp.path().join("my-gazetteer");
    std::fs::create_dir(&mine).expect("dir");
    std::fs::write(
        mine.join("agencies.csv"),
        "id,name,acronym,aliases,country,kind,parent,history,source\n\
         quillfeather-bureau,Quillfeather Bureau of Statistics,QBS,,CAN,ministry,,,test fixture\n",
    )
    .expect("write");
    let pipeline = pipeline_copy(tmp.path(), |t| {
        format!("extra_gazetteers = [\"{}\"]\n{t}", mine.display())
    });
    let corpus = tiny_corpus(tmp.path());
    std::fs::write(
        corpus.join("stats.md"),
        "# Statistics\n\nThe Quillfeather Bureau of Statistics counted crossings at the border.\n",
    )
    .expect("write");
    let out = tmp.path().join("out");
    let result = run_pipeline_file(&pipeline, &corpus, &out, true);
    assert_eq!(
        result.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
    let agencies = std::fs::read_to_string(out.join("csv/agencies.csv")).expect("agencies");
    let row = agencies
        .lines()
        .find(|l| l.starts_with("quillfeather-bureau,"))
        .unwrap_or_else(|| panic!("the extra row is used: {agencies}"));
    assert!(
        row.contains(",QBS,") && row.contains(",CAN,gazetteer,ministry,"),
        "{row}"
    );
    // The bundled rows are still there.
    let agreements = std::fs::read_to_string(out.join("csv/agreements.csv")).expect("agreements");
    assert!(
        agreements.lines().any(|l| l.starts_with("spp,")),
        "{agreements}"
    );
}

#[test]
fn published_quotes_sit_at_their_spans_and_an_empty_prefix_stays_an_empty_string() {
    use accord_publish::{Cell, read_rows};
    let tmp = tempfile::tempdir().expect("tempdir");
    let corpus = tmp.path().join("corpus");
    std::fs::create_dir(&corpus).expect("dir");
    // The first characters name an agreement: its mention starts at offset 0.
    std::fs::write(
        corpus.join("opening.txt"),
        "Security and Prosperity Partnership of North America: a review. The Mérida Initiative followed.\n",
    )
    .expect("write");
    let out = tmp.path().join("out");
    assert_eq!(run(&corpus, &out, "1").status.code(), Some(0));
    let documents = read_rows(&out.join("documents.parquet")).expect("documents");
    let text = |doc: &str| -> Vec<char> {
        documents
            .iter()
            .find(|d| d.get("doc_id").and_then(Cell::as_str) == Some(doc))
            .and_then(|d| d.get("text").and_then(Cell::as_str))
            .expect("document text")
            .chars()
            .collect()
    };
    let mentions = read_rows(&out.join("mentions.parquet")).expect("mentions");
    assert!(!mentions.is_empty());
    let mut at_zero = 0;
    for m in &mentions {
        let doc = text(m["doc_id"].as_str().expect("doc_id"));
        let (start, end) = (
            usize::try_from(m["char_start"].as_i64().expect("start")).expect("offset"),
            usize::try_from(m["char_end"].as_i64().expect("end")).expect("offset"),
        );
        let quote: String = doc[start..end].iter().collect();
        assert_eq!(Some(quote.as_str()), m["quote"].as_str(), "{m:?}");
        let prefix: String = doc[start.saturating_sub(40)..start].iter().collect();
        assert_eq!(Some(prefix.as_str()), m["prefix"].as_str(), "{m:?}");
        at_zero += usize::from(start == 0);
    }
    assert_eq!(at_zero, 1, "{mentions:?}");
    let csv = std::fs::read_to_string(out.join("csv/mentions.csv")).expect("csv");
    let row = csv
        .lines()
        .find(|l| l.contains(",0,") && l.contains("Security and Prosperity Partnership"))
        .expect("the mention at offset 0");
    assert!(
        row.contains(",\"\","),
        "an empty prefix is written as \"\": {row}"
    );
}

fn accord(args: &[&std::ffi::OsStr]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_accord"))
        .current_dir(workspace())
        .args(args)
        .output()
        .expect("accord runs")
}

#[test]
fn map_over_three_shards_then_reduce_writes_the_bytes_of_a_run() {
    let tmp = tempfile::tempdir().expect("tempdir");
    // Good and bad inputs, so failures rows go through the shards too.
    let corpus = workspace().join("crates/cli/tests/corpus");
    let whole = tmp.path().join("whole");
    assert_eq!(run(&corpus, &whole, "2").status.code(), Some(1));
    let (shards, out) = (tmp.path().join("shards"), tmp.path().join("reduced"));
    let pipeline = std::ffi::OsStr::new("pipelines/north-american-security.toml");
    for k in 1..=3 {
        let spec = format!("{k}/3");
        let map = accord(&[
            "map".as_ref(),
            pipeline,
            "-q".as_ref(),
            "--shard".as_ref(),
            spec.as_ref(),
            "--shards".as_ref(),
            shards.as_os_str(),
            "--input".as_ref(),
            corpus.as_os_str(),
            "--no-cache".as_ref(),
            "--cache-dir".as_ref(),
            tmp.path().join("cache").as_os_str(),
        ]);
        assert_eq!(map.status.code(), Some(0), "{map:?}");
        assert!(shards.join(format!("shard-{k}-of-3.json")).is_file());
    }
    let reduce_args = [
        "reduce".as_ref(),
        pipeline,
        "-q".as_ref(),
        "--shards".as_ref(),
        shards.as_os_str(),
        "--out".as_ref(),
        out.as_os_str(),
    ];
    let reduce = accord(&reduce_args);
    assert_eq!(reduce.status.code(), Some(1), "{reduce:?}");
    assert_eq!(files(&whole), files(&out));

    // A missing shard is named, and nothing is replaced.
    std::fs::remove_file(shards.join("shard-2-of-3.json")).expect("remove");
    let before = files(&out);
    let reduce = accord(&reduce_args);
    assert_eq!(reduce.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&reduce.stderr);
    assert!(stderr.contains("lacks shard(s) 2 of 3"), "{stderr}");
    assert_eq!(files(&out), before);

    // A shard of another configuration is refused by name.
    let other = pipeline_copy(tmp.path(), |t| {
        t.replace("default_currency = \"USD\"", "default_currency = \"CAD\"")
    });
    let map = accord(&[
        "map".as_ref(),
        other.as_os_str(),
        "-q".as_ref(),
        "--shard".as_ref(),
        "2/3".as_ref(),
        "--shards".as_ref(),
        shards.as_os_str(),
        "--input".as_ref(),
        corpus.as_os_str(),
        "--cache-dir".as_ref(),
        tmp.path().join("cache").as_os_str(),
    ]);
    assert_eq!(map.status.code(), Some(0), "{map:?}");
    let reduce = accord(&reduce_args);
    assert_eq!(reduce.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&reduce.stderr);
    assert!(
        stderr.contains(
            "shard-2-of-3.json was mapped by another accord version, configuration or gazetteer"
        ),
        "{stderr}"
    );
}

#[test]
fn a_shard_of_inputs_the_host_read_is_the_shard_of_the_same_files_on_disk() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let corpus = workspace().join("crates/cli/tests/corpus");
    let mut settings =
        accord_cli::Settings::load(&workspace().join("pipelines/north-american-security.toml"))
            .expect("pipeline");
    settings.corpus.root.clone_from(&corpus);
    settings.output.dir = tmp.path().join("out");
    settings.cache = Some(tmp.path().join("cache"));
    let options = accord_cli::RunOptions {
        threads: Some(1),
        progress: false,
        use_cache: false,
        build: None,
    };
    let all: Vec<String> = files(&corpus).into_iter().map(|(rel, _)| rel).collect();
    assert!(all.len() >= 3, "{all:?}");
    for index in 1..=2 {
        let spec = accord_cli::ShardSpec { index, count: 2 };
        let given = spec
            .select(all.len())
            .into_iter()
            .map(|i| accord_cli::GivenInput {
                rel: all[i].clone(),
                bytes: accord_cli::Given::Bytes(std::fs::read(corpus.join(&all[i])).expect("read")),
            })
            .collect();
        let from_host =
            accord_cli::map_given_shard_bytes(&settings, &options, spec, &all, given).expect("map");
        let from_disk = accord_cli::map_shard_bytes(&settings, &options, spec).expect("map");
        assert_eq!(from_host, from_disk, "shard {index}/2");
    }
    // The bytes of another shard's inputs are refused, naming the shard's own.
    let spec = accord_cli::ShardSpec { index: 1, count: 2 };
    let other = vec![accord_cli::GivenInput {
        rel: all[1].clone(),
        bytes: accord_cli::Given::TooLarge(1),
    }];
    let err = accord_cli::map_given_shard_bytes(&settings, &options, spec, &all, other)
        .expect_err("wrong inputs");
    assert!(err.to_string().contains(&all[0]), "{err}");
}
