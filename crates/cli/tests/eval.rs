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
        .arg("--cache-dir")
        .arg(tmp.path().join("cache"))
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

fn accord_eval(gold: &Path, tables: &Path, extra: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_accord"))
        .args(["eval", "--gold"])
        .arg(gold)
        .arg("--tables")
        .arg(tables)
        .args(extra)
        .output()
        .expect("accord eval runs")
}

const SEED: &str = "hristoulas-2010-north-american-security-perimeter";

#[test]
fn a_missing_or_empty_tables_folder_is_an_error() {
    let gold = workspace().join("tests/eval/gold");
    let out = accord_eval(&gold, Path::new("/nonexistent/tables"), &[]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("/nonexistent/tables") && stderr.contains("does not exist"),
        "{stderr}"
    );
    let empty = tempfile::tempdir().expect("tempdir");
    let out = accord_eval(&gold, empty.path(), &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no tables in"));
}

#[test]
fn gold_files_are_checked_and_every_problem_is_named() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let file = tmp.path().join(format!("{SEED}.json"));
    let gold = serde_json::json!({
        "doc_id": SEED,
        "agreements": [{"name": "NAFTA", "parties": "CAN", "kynd": "agreement"}],
    });
    std::fs::write(&file, gold.to_string()).expect("write");
    std::fs::write(
        tmp.path().join("misnamed.json"),
        serde_json::json!({"doc_id": SEED}).to_string(),
    )
    .expect("write");
    let out = accord_eval(tmp.path(), &TABLES.1, &[]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!(
            "{SEED}.json: agreements[0].parties: expected a list of strings, got a string \"CAN\""
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains("agreements[0].kynd: unknown key (did you mean \"kind\"?)"),
        "{stderr}"
    );
    assert!(stderr.contains("misnamed.json: doc_id"), "{stderr}");
    assert!(out.stdout.is_empty(), "nothing is scored");
}

#[test]
fn show_errors_names_the_wrong_attribute_and_json_has_tables_and_documents() {
    let tmp = tempfile::tempdir().expect("tempdir");
    // The SPP is a partnership: a gold file that says treaty gets a WRONG line.
    let gold = serde_json::json!({
        "doc_id": SEED,
        "agreements": [{"name": "Security and Prosperity Partnership of North America", "aliases": ["SPP"], "kind": "treaty"}],
    });
    std::fs::write(tmp.path().join(format!("{SEED}.json")), gold.to_string()).expect("write");
    let json = tmp.path().join("score.json");
    let out = accord_eval(
        tmp.path(),
        &TABLES.1,
        &["--show-errors", "--json", json.to_str().expect("utf-8")],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains(&format!(
            "WRONG    {SEED} agreements: Security and Prosperity Partnership of North America: kind: gold treaty, got partnership"
        )),
        "{text}"
    );
    assert!(!text.contains("None"), "{text}");
    let result: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&json).expect("json")).expect("parses");
    let agreements = &result["tables"]["agreements"];
    assert_eq!(agreements["tp"], 1, "{result}");
    assert!(
        agreements["fn"].is_u64() && agreements["f1"].is_f64(),
        "{result}"
    );
    assert_eq!(agreements["attributes"]["kind"], 0.0, "{result}");
    assert_eq!(result["documents"][SEED]["agreements"]["tp"], 1, "{result}");
}

#[test]
fn tables_with_nothing_to_score_are_left_out_of_the_macro() {
    let tmp = tempfile::tempdir().expect("tempdir");
    // A document that is not in the tables: only its one agreement is scored (missed).
    let gold = serde_json::json!({"doc_id": "elsewhere", "agreements": [{"name": "Some Accord"}]});
    std::fs::write(tmp.path().join("elsewhere.json"), gold.to_string()).expect("write");
    let out = accord_eval(tmp.path(), &TABLES.1, &[]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("macro F1 over tables: 0.000 (left out, nothing to score: working_groups, agencies, funding)"),
        "{text}"
    );
}

#[test]
fn gold_init_writes_a_valid_file_from_the_tables_and_never_overwrites() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let gold_dir = tmp.path().join("gold");
    let init = || {
        Command::new(env!("CARGO_BIN_EXE_accord"))
            .args(["gold", "init", SEED, "--tables"])
            .arg(&TABLES.1)
            .arg("--gold")
            .arg(&gold_dir)
            .output()
            .expect("accord gold init runs")
    };
    let out = init();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let file = gold_dir.join(format!("{SEED}.json"));
    let written = std::fs::read(&file).expect("written");
    // It passes the strict checks, and the tables score perfectly against it.
    let e = evaluate(&gold_dir, &TABLES.1).expect("a valid gold file");
    for (table, t) in &e.tables {
        assert!(t.tp > 0 && t.fp == 0 && t.fn_ == 0, "{table}: {t:?}");
    }
    let again = init();
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("never overwritten"));
    assert_eq!(std::fs::read(&file).expect("still there"), written);
}
