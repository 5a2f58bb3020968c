//! Overlap and cover queries over a fixed set of byte spans in O(log n) each: the spans
//! sorted by start, with the running maximum of their ends. Rules that ask "is this phrase
//! already inside some candidate?" once per phrase stay O(n log n) in the candidates of a
//! document, where a scan of all candidates per phrase is O(n²).

use accord_core::Span;

/// Spans sorted by start, with the running maximum of their ends.
#[derive(Debug, Default)]
pub(super) struct SpanIndex {
    spans: Vec<Span>,
    max_end: Vec<usize>,
}

impl SpanIndex {
    pub(super) fn new(spans: impl IntoIterator<Item = Span>) -> Self {
        let mut spans: Vec<Span> = spans.into_iter().collect();
        spans.sort_by_key(|s| s.start);
        let max_end = spans
            .iter()
            .scan(0, |m, s| {
                *m = (*m).max(s.end);
                Some(*m)
            })
            .collect();
        Self { spans, max_end }
    }

    /// Whether some span overlaps `q` ([`Span::overlaps`]): among the spans that start
    /// before `q` ends, one ends after `q` starts.
    pub(super) fn overlaps_any(&self, q: Span) -> bool {
        let n = self.spans.partition_point(|s| s.start < q.end);
        n > 0 && self.max_end[n - 1] > q.start
    }

    /// Whether some span contains `q` ([`Span::contains`]): among the spans that start at or
    /// before `q`, one ends at or after it.
    pub(super) fn covers(&self, q: Span) -> bool {
        let n = self.spans.partition_point(|s| s.start <= q.start);
        n > 0 && self.max_end[n - 1] >= q.end
    }

    /// The spans that start in `[from, to)`, sorted by start.
    pub(super) fn starting_in(&self, from: usize, to: usize) -> &[Span] {
        let a = self.spans.partition_point(|s| s.start < from);
        let b = self.spans.partition_point(|s| s.start < to);
        &self.spans[a..b.max(a)]
    }
}

/// Whether `q` overlaps one of `sorted`, spans sorted by start and disjoint (URL spans, for
/// example): the first span that ends after `q` starts is the only one that can.
pub(super) fn overlaps_sorted(sorted: &[Span], q: Span) -> bool {
    let at = sorted.partition_point(|s| s.end <= q.start);
    sorted.get(at).is_some_and(|s| s.overlaps(q))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlaps_sorted_agrees_with_a_scan() {
        let sorted: Vec<Span> = [(2, 5), (5, 9), (12, 13), (20, 30)]
            .iter()
            .map(|&(a, b)| Span::new(a, b))
            .collect();
        for start in 0..32 {
            for end in start..33 {
                let q = Span::new(start, end);
                assert_eq!(
                    overlaps_sorted(&sorted, q),
                    sorted.iter().any(|s| s.overlaps(q)),
                    "{q:?}"
                );
            }
        }
    }

    /// Every query against the plain scan it replaces, on all small spans over a few
    /// overlapping, nested, touching and empty spans.
    #[test]
    fn queries_agree_with_a_scan_of_every_span() {
        let sets: [&[(usize, usize)]; 4] = [
            &[],
            &[(3, 7)],
            &[(0, 10), (2, 4), (4, 4), (12, 15), (13, 14), (15, 20)],
            &[(5, 6), (1, 9), (6, 8), (8, 8), (9, 12)],
        ];
        for set in sets {
            let spans: Vec<Span> = set.iter().map(|&(a, b)| Span::new(a, b)).collect();
            let index = SpanIndex::new(spans.iter().copied());
            for start in 0..22 {
                for end in start..22 {
                    let q = Span::new(start, end);
                    assert_eq!(
                        index.overlaps_any(q),
                        spans.iter().any(|s| s.overlaps(q)),
                        "overlaps {q:?} in {set:?}"
                    );
                    assert_eq!(
                        index.covers(q),
                        spans.iter().any(|s| s.contains(q)),
                        "covers {q:?} in {set:?}"
                    );
                    let mut expected: Vec<Span> = spans
                        .iter()
                        .copied()
                        .filter(|s| (start..end).contains(&s.start))
                        .collect();
                    expected.sort_by_key(|s| s.start);
                    let got: Vec<usize> = index
                        .starting_in(start, end)
                        .iter()
                        .map(|s| s.start)
                        .collect();
                    let want: Vec<usize> = expected.iter().map(|s| s.start).collect();
                    assert_eq!(got, want, "starting_in {start}..{end} in {set:?}");
                }
            }
        }
    }
}
