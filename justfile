# accord — the same commands CI runs.

set shell := ["bash", "-euo", "pipefail", "-c"]

export CARGO_TARGET_DIR := env_var_or_default("CARGO_TARGET_DIR", env_var("HOME") + "/.cache/accord-target")

# List recipes.
default:
    @just --list

# Build in release mode and run the default pipeline (tables in data/processed/north-american-security/).
pipeline *ARGS:
    cargo build --workspace --release
    "$CARGO_TARGET_DIR/release/accord" run pipelines/north-american-security.toml {{ARGS}}

# Run accord itself (release build), e.g. `just run eval --gold tests/eval/gold --tables out`.
run *ARGS:
    cargo build --workspace --release
    "$CARGO_TARGET_DIR/release/accord" {{ARGS}}

# Cold-run throughput (tests/bench/bench.py): SIZE_MB of ../shared/corpus/bench-wh (else the bundled corpus, replicated); THREADS a number or `both` (1 then 2); the fastest of REPEAT cold runs each.
bench SIZE_MB="10" THREADS="both" REPEAT="1":
    cargo build --workspace --release
    python3 tests/bench/bench.py --accord "$CARGO_TARGET_DIR/release/accord" --size-mb {{SIZE_MB}} --threads {{THREADS}} --repeat {{REPEAT}}

# Screenshot of the HTML report of the default pipeline's output (needs Debian's chromium).
report-screenshot OUT="data/processed/report.png":
    bash crates/publish/tests/screenshot.sh data/processed/north-american-security/report.html {{OUT}}

# Every test: formatting, lints, unit, snapshot, doc and end-to-end tests.
test: lint
    cargo test --workspace --all-targets
    cargo test --workspace --doc
    # The 50 MB single-line input, in release (minutes in a debug build).
    cargo test --release -p accord-ingest --test performance -- --ignored
    RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps
    just client-test

# The torture suite with its big cases (100 MB paragraph, 250 MB DOCX body, 1M PDF operators), in release.
torture-full:
    cargo build --workspace --release
    ACCORD_TORTURE_FULL=1 ACCORD_BIN="$CARGO_TARGET_DIR/release/accord" cargo test --release -p accord-torture --test torture -- --test-threads 1
    cargo test --release -p accord-extract --test hostile -- --ignored --test-threads 1

# Property-based fuzzing of ingest (no panic, valid blocks and offsets); PROPTEST_CASES sets the count.
fuzz CASES="2000":
    PROPTEST_CASES={{CASES}} cargo test --release -p accord-ingest --test fuzz

# Python checks: the `accord` module (run, load, Ray) against the binary's bytes, and the
# clients (pyarrow, polars, pandas, DuckDB) on a fresh run over tests/eval/corpus.
client-test:
    #!/usr/bin/env bash
    set -euo pipefail
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    cargo build --workspace
    # The Python module (python/), a debug build for speed; users' `pip install ./python` is
    # a release build. No build isolation: maturin comes from tests/python/requirements.txt.
    MATURIN_PEP517_ARGS="--profile dev" python3 -m pip install --quiet --disable-pip-version-check --no-build-isolation --force-reinstall --no-deps ./python
    # The evaluation corpus: the seed paper plus the six development documents.
    "$CARGO_TARGET_DIR/debug/accord" run pipelines/north-american-security.toml --input tests/eval/corpus --out "$tmp/out" --cache-dir "$tmp/cache" -q
    ACCORD_TABLES="$tmp/out" ACCORD_BIN="$CARGO_TARGET_DIR/debug/accord" python3 -m pytest -q tests/python
    # The first-look notebook must keep running on real output.
    ACCORD_CHARTS="$tmp" python3 notebooks/explore.py "$tmp/out" > /dev/null

# Formatting and clippy, warnings as errors.
lint:
    cargo fmt --all --check
    cargo clippy --workspace --all-targets -- -D warnings

# Format the code.
fmt:
    cargo fmt --all

# Review pending snapshots (needs cargo-insta).
snap:
    cargo insta review

# Score a table directory against gold annotations (needs pyarrow; default: the project's own gold).
score TABLES="data/processed/north-american-security" GOLD="tests/eval/gold":
    python3 tests/eval/score.py --gold {{GOLD}} --tables {{TABLES}} --show-errors

# PDF reading quality against poppler's pdftotext on a folder of PDFs (needs poppler-utils).
pdf-check DIR:
    ACCORD_PDF_DIR="$(realpath {{DIR}})" cargo test --release -p accord-ingest --test pdf_quality -- --ignored --nocapture
