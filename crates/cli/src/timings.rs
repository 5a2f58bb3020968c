//! Stage timings of a run (`accord run --timings`): the wall time of each stage, the
//! per-document work summed over the worker threads, and the peak resident memory after
//! each stage.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// Wall time and peak RSS of the stages of one run, lap by lap.
#[derive(Debug)]
pub(crate) struct Stopwatch {
    clock: Instant,
    /// Wall time of each stage, in run order.
    pub(crate) stages: Vec<(&'static str, Duration)>,
    /// Peak RSS of the process at the end of each stage, in bytes (empty where the system
    /// does not report it).
    pub(crate) peak_rss: Vec<(&'static str, u64)>,
}

impl Stopwatch {
    /// A stopwatch whose first stage starts now.
    pub(crate) fn start() -> Self {
        Self {
            clock: Instant::now(),
            stages: Vec::with_capacity(4),
            peak_rss: Vec::with_capacity(4),
        }
    }

    /// Ends the stage `name` now (the next one starts now).
    pub(crate) fn lap(&mut self, name: &'static str) {
        let now = Instant::now();
        self.stages.push((name, now - self.clock));
        self.peak_rss.extend(peak_rss().map(|bytes| (name, bytes)));
        self.clock = now;
    }
}

/// Time spent in ingest and in extract, summed over the worker threads (documents from
/// the cache count in neither).
#[derive(Debug, Default)]
pub(crate) struct Work {
    ingest_ns: AtomicU64,
    extract_ns: AtomicU64,
}

/// A per-document stage whose work [`Work`] sums.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Step {
    Ingest,
    Extract,
}

impl Work {
    /// Adds the time since `started` to `step`.
    pub(crate) fn add_since(&self, step: Step, started: Instant) {
        let ns = u64::try_from(started.elapsed().as_nanos()).unwrap_or(u64::MAX);
        let total = match step {
            Step::Ingest => &self.ingest_ns,
            Step::Extract => &self.extract_ns,
        };
        total.fetch_add(ns, Ordering::Relaxed);
    }

    /// The sums so far: `ingest` then `extract`.
    pub(crate) fn totals(&self) -> Vec<(&'static str, Duration)> {
        let get = |total: &AtomicU64| Duration::from_nanos(total.load(Ordering::Relaxed));
        vec![
            ("ingest", get(&self.ingest_ns)),
            ("extract", get(&self.extract_ns)),
        ]
    }
}

/// Peak resident set size of this process so far, in bytes, from `/proc/self/status`
/// (`VmHWM`); `None` where that file is absent (not Linux) or has no such line.
fn peak_rss() -> Option<u64> {
    vm_hwm(&std::fs::read_to_string("/proc/self/status").ok()?)
}

/// The `VmHWM:` line of a `/proc/<pid>/status` text, in bytes (the kernel writes kB, that
/// is KiB).
fn vm_hwm(status: &str) -> Option<u64> {
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let mut fields = line.split_whitespace().skip(1);
    let kib: u64 = fields.next()?.parse().ok()?;
    (fields.next() == Some("kB")).then_some(kib * 1024)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vm_hwm_reads_the_peak_in_bytes() {
        let status =
            "Name:\taccord\nVmPeak:\t  900000 kB\nVmHWM:\t  312400 kB\nVmRSS:\t  200000 kB\n";
        assert_eq!(vm_hwm(status), Some(312_400 * 1024));
        assert_eq!(vm_hwm("Name:\taccord\nVmRSS:\t 1 kB\n"), None);
        assert_eq!(vm_hwm("VmHWM:\t  12 MB\n"), None);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn laps_record_each_stage_in_order_with_the_peak_so_far() {
        let mut watch = Stopwatch::start();
        watch.lap("setup");
        let held = vec![1u8; 8 << 20];
        std::hint::black_box(&held);
        watch.lap("ingest+extract");
        let names: Vec<&str> = watch.stages.iter().map(|(n, _)| *n).collect();
        assert_eq!(names, ["setup", "ingest+extract"]);
        let peaks: Vec<u64> = watch.peak_rss.iter().map(|(_, b)| *b).collect();
        assert_eq!(peaks.len(), 2);
        // A high-water mark never falls, and 8 MiB touched since the first lap show.
        assert!(peaks[1] >= peaks[0] && peaks[1] >= 8 << 20, "{peaks:?}");
    }

    #[test]
    fn work_sums_each_step_apart() {
        let work = Work::default();
        let started = Instant::now();
        std::thread::sleep(Duration::from_millis(5));
        work.add_since(Step::Extract, started);
        work.add_since(Step::Extract, started);
        let totals = work.totals();
        assert_eq!(totals[0], ("ingest", Duration::ZERO));
        assert_eq!(totals[1].0, "extract");
        assert!(totals[1].1 >= Duration::from_millis(10), "{totals:?}");
    }
}
