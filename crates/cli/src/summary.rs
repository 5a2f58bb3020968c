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
    if report.reused {
        line.push_str("; the output folder was already current, nothing rewritten");
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

/// The stages of the run (`--timings`): each one's wall time in seconds with millisecond
/// precision, then the ingest and extract work summed over the threads, then the peak RSS
/// after each stage in MB (10^6 bytes), e.g. `Stages: setup 0.012 s, ingest+extract 3.402
/// s, normalize 0.511 s, publish 0.230 s; work over all threads: ingest 1.204 s, extract
/// 5.310 s; peak RSS after: setup 14 MB, ingest+extract 212 MB, normalize 240 MB, publish
/// 251 MB`. `tests/bench/bench.py` reads this line.
pub(crate) fn stage_line(report: &RunReport) -> String {
    let list = |times: &[(&str, Duration)]| {
        times
            .iter()
            .map(|(name, took)| format!("{name} {:.3} s", took.as_secs_f64()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut line = format!("Stages: {}", list(&report.stages));
    if !report.work.is_empty() {
        let _ = write!(line, "; work over all threads: {}", list(&report.work));
    }
    if !report.peak_rss.is_empty() {
        let peaks: Vec<String> = report
            .peak_rss
            .iter()
            .map(|(name, bytes)| format!("{name} {} MB", bytes / 1_000_000))
            .collect();
        let _ = write!(line, "; peak RSS after: {}", peaks.join(", "));
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stage_line_lists_stages_in_run_order() {
        let report = RunReport {
            stages: vec![
                ("setup", Duration::from_millis(12)),
                ("ingest+extract", Duration::from_micros(3_402_400)),
                ("normalize", Duration::from_millis(511)),
            ],
            ..RunReport::default()
        };
        assert_eq!(
            stage_line(&report),
            "Stages: setup 0.012 s, ingest+extract 3.402 s, normalize 0.511 s"
        );
    }

    #[test]
    fn stage_line_adds_the_work_of_all_threads_and_the_peaks() {
        let report = RunReport {
            stages: vec![("ingest+extract", Duration::from_secs(2))],
            work: vec![
                ("ingest", Duration::from_millis(1_250)),
                ("extract", Duration::from_millis(2_500)),
            ],
            peak_rss: vec![("ingest+extract", 312_400_000)],
            ..RunReport::default()
        };
        assert_eq!(
            stage_line(&report),
            "Stages: ingest+extract 2.000 s; work over all threads: ingest 1.250 s, extract \
             2.500 s; peak RSS after: ingest+extract 312 MB"
        );
    }

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
