//! The closing line of a run, on stderr.

use crate::RunReport;
use std::fmt::Write as _;
use std::path::Path;
use std::time::Duration;

/// One line: documents (and how many came from the cache), failures, rows per entity table,
/// time, and where `report.html` is. Under `-q`: only the failures, when there are any, so a
/// quiet run still says that something went wrong.
pub fn closing_line(report: &RunReport, out: &Path, elapsed: Duration, quiet: bool) -> String {
    let failed = if report.failed == 0 {
        String::new()
    } else {
        format!(
            "{} of {} inputs failed (see failures.parquet in {})",
            report.failed,
            report.inputs,
            out.display()
        )
    };
    if quiet {
        return failed;
    }
    let rows = |t: &str| report.rows.get(t).copied().unwrap_or(0);
    let mut line = format!(
        "Done: {} documents ({} from the cache)",
        report.documents, report.cached
    );
    if !failed.is_empty() {
        let _ = write!(line, ", {failed}");
    }
    let _ = write!(
        line,
        "; {} agreements, {} working groups, {} agencies, {} funding figures, {} mentions in {:.1} s; report: {}",
        rows("agreements"),
        rows("working_groups"),
        rows("agencies"),
        rows("funding"),
        rows("mentions"),
        elapsed.as_secs_f64(),
        out.join("report.html").display()
    );
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quiet_runs_count_failures_only() {
        let mut report = RunReport {
            inputs: 3,
            documents: 2,
            failed: 1,
            ..RunReport::default()
        };
        report.rows.insert("agreements", 4);
        let out = Path::new("out");
        let quiet = closing_line(&report, out, Duration::from_millis(1500), true);
        assert_eq!(quiet, "1 of 3 inputs failed (see failures.parquet in out)");
        let full = closing_line(&report, out, Duration::from_millis(1500), false);
        assert!(
            full.starts_with("Done: 2 documents (0 from the cache), 1 of 3 inputs failed"),
            "{full}"
        );
        assert!(
            full.contains("4 agreements") && full.contains("in 1.5 s; report: out/report.html"),
            "{full}"
        );
        report.failed = 0;
        assert_eq!(closing_line(&report, out, Duration::ZERO, true), "");
    }
}
