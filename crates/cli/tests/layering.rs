//! The staged layout of the workspace: a stage crate (ingest, extract, normalize, publish)
//! never depends on another stage's crate, so each can be reused alone; shared types live in
//! `accord-core` and shared domain knowledge in `accord-gazetteer`. Only `[dependencies]`
//! count: a stage's tests may run an earlier stage to build their inputs.

use std::path::Path;

const STAGES: &[&str] = &[
    "accord-ingest",
    "accord-extract",
    "accord-normalize",
    "accord-publish",
];

fn dependencies(crate_dir: &str) -> Vec<String> {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(crate_dir)
        .join("Cargo.toml");
    let text = std::fs::read_to_string(&manifest)
        .unwrap_or_else(|e| panic!("{}: {e}", manifest.display()));
    let value: toml::Table = text.parse().expect("valid Cargo.toml");
    value
        .get("dependencies")
        .and_then(toml::Value::as_table)
        .map(|deps| deps.keys().cloned().collect())
        .unwrap_or_default()
}

#[test]
fn no_stage_crate_depends_on_another_stage() {
    for stage in STAGES {
        let dir = stage.trim_start_matches("accord-");
        let deps = dependencies(dir);
        assert!(
            deps.iter().any(|d| d == "accord-core"),
            "{stage} should build on accord-core: {deps:?}"
        );
        for other in STAGES.iter().filter(|s| *s != stage) {
            assert!(
                !deps.iter().any(|d| d == other),
                "{stage} depends on the stage crate {other}"
            );
        }
    }
}

#[test]
fn the_gazetteer_crate_depends_on_no_stage() {
    let deps = dependencies("gazetteer");
    for stage in STAGES {
        assert!(
            !deps.iter().any(|d| d == stage),
            "accord-gazetteer depends on {stage}"
        );
    }
}
