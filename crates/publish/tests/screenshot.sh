#!/usr/bin/env bash
# Screenshot of report.html in headless Chromium, for a look at the page and a check that it
# renders without console errors. Installs nothing: uses /usr/bin/chromium (or $CHROMIUM)
# when present and skips (exit 0) otherwise.
#
#   crates/publish/tests/screenshot.sh [REPORT.html] [OUT.png]
#
# Without REPORT.html, publishes the rich sample dataset of the publish tests (`cargo test
# -p accord-publish --test report sample_report` with ACCORD_REPORT_DIR) and shoots its
# report. OUT.png defaults to report.png in the current directory. Exit 1 when Chromium
# logs a console error or writes no PNG.
set -euo pipefail

chromium=${CHROMIUM:-/usr/bin/chromium}
if [[ ! -x $chromium ]]; then
    echo "screenshot.sh: $chromium not found; skipping (apt-get install chromium to use it)" >&2
    exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

report=${1:-}
out=${2:-$PWD/report.png}
if [[ -z $report ]]; then
    here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
    export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$HOME/.cache/accord-target}
    (cd "$here/../../.." && ACCORD_REPORT_DIR=$work INSTA_UPDATE=no \
        cargo test -q -p accord-publish --test report sample_report >&2)
    report=$work/out/report.html
fi
report=$(cd "$(dirname "$report")" && pwd)/$(basename "$report")
[[ -f $report ]] || { echo "screenshot.sh: no report at $report" >&2; exit 1; }
rm -f "$out"

log=$work/chromium.log
"$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$work/profile" --enable-logging=stderr --v=0 \
    --screenshot="$out" --window-size=1280,2000 "file://$report" 2>"$log" || true

# Console messages appear as `CONSOLE(line)] "message"` in Chromium's log.
if grep -E 'CONSOLE|Uncaught|Failed to load resource' "$log" >&2; then
    echo "screenshot.sh: the page logged console messages (above)" >&2
    exit 1
fi
if [[ ! -s $out ]]; then
    echo "screenshot.sh: Chromium wrote no screenshot; its log:" >&2
    cat "$log" >&2
    exit 1
fi
echo "$out"
