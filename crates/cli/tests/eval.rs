//! Quality gate: the pipeline on the seed paper and the development corpus, scored with
//! `accord eval` against their gold annotations (copied into `tests/eval/`). A regression
//! below the committed thresholds fails the build.

use accord_cli::{Evaluation, evaluate};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::LazyLock;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The pipeline's tables for the evaluation corpus, built once per test binary.
static TABLES: LazyLock<(tempfile::TempDir, PathBuf)> = LazyLock::new(|| {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = tmp.path().join("out");
    let status = Command::new(env!("CARGO_BIN_EXE_accord"))
        .current_dir(workspace())
        .args([
            "run",
            "pipelines/north-american-security.toml",
            "-q",
            "--no-progress",
            "--input",
        ])
        .arg(workspace().join("tests/eval/corpus"))
        .arg("--out")
        .arg(&out)
        .status()
        .expect("accord runs");
    assert_eq!(
        status.code(),
        Some(0),
        "the evaluation corpus ingests without failures"
    );
    (tmp, out)
});

fn score(gold: &str) -> Evaluation {
    evaluate(&workspace().join("tests/eval/gold").join(gold), &TABLES.1).expect("evaluation runs")
}

fn report(e: &Evaluation) -> String {
    accord_cli::render_evaluation(e, true)
}

#[test]
fn seed_and_dev_meet_the_thresholds() {
    let e = score("");
    for (table, t) in &e.tables {
        assert!(
            t.f1 >= 0.90,
            "{table} F1 {:.3} < 0.90\n{}",
            t.f1,
            report(&e)
        );
        for (name, accuracy) in &t.attributes {
            assert!(
                *accuracy >= 0.90,
                "{table}.{name} accuracy {accuracy:.2} < 0.90\n{}",
                report(&e)
            );
        }
    }
    let funding = &e
        .tables
        .iter()
        .find(|(t, _)| t == "funding")
        .expect("funding scored")
        .1;
    assert!(
        funding.precision >= 0.97,
        "funding precision {:.3} < 0.97\n{}",
        funding.precision,
        report(&e)
    );
}

#[test]
fn seed_alone_meets_its_threshold() {
    let e = score("hristoulas-2010-north-american-security-perimeter.json");
    for (table, t) in &e.tables {
        assert!(
            t.f1 >= 0.95,
            "{table} F1 {:.3} < 0.95\n{}",
            t.f1,
            report(&e)
        );
    }
}

#[test]
fn eval_prints_the_scorer_table() {
    let out = Command::new(env!("CARGO_BIN_EXE_accord"))
        .args(["eval", "--gold"])
        .arg(workspace().join("tests/eval/gold"))
        .arg("--tables")
        .arg(&TABLES.1)
        .output()
        .expect("accord eval runs");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "table                P      R     F1   tp  fp  fn  attributes"
    );
    assert!(lines[1].starts_with("agreements "), "{text}");
    assert!(lines[5].starts_with("macro F1 over tables: "), "{text}");
}
