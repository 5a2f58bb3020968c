//! `report.html`: a static overview of a dataset, for a reader without a notebook.
//!
//! One self-contained HTML page: inline CSS and inline SVG, no JavaScript, no external
//! resources (not even a favicon request). Every text from the data is HTML-escaped. Built
//! from the [`Dataset`] (not from the Parquet files), in the dataset's order or sorted, with
//! fixed number formatting, so the same dataset gives the same bytes.

use crate::{Manifest, TABLES};
use accord_core::{AgreementKind, Dataset, Funding, FundingKind, MentionRecord};
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// Width of every chart, in SVG user units (CSS pixels at 100 %).
const CHART_WIDTH: usize = 1120;
/// Height of one bar or timeline row.
const ROW: usize = 22;
/// Width of the label column of bar charts and the timeline.
const LABEL_WIDTH: usize = 340;
/// Longest label shown in full, in characters (about 6.5 px each at 12 px).
const LABEL_CHARS: usize = 50;

/// Colours of the agreement kinds, in the order of [`AgreementKind::ALL`] (cycled if the
/// vocabulary grows).
const KIND_COLOURS: [&str; 9] = [
    "#1f5fa8", "#2a9d8f", "#8d5a97", "#e07a1f", "#c0392b", "#6a994e", "#b08900", "#5b6770",
    "#9c6644",
];
const BAR_COLOUR: &str = "#3b6ea5";
const NONE_COLOUR: &str = "#9aa5b1";

const STYLE: &str = "
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #f6f7f9; color: #1d232b;
  font: 15px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif; }
main { max-width: 1240px; margin: 0 auto; padding: 24px 32px 48px; }
h1 { font-size: 28px; margin: 8px 0 4px; }
h2 { font-size: 20px; margin: 0 0 12px; }
h3 { font-size: 16px; margin: 18px 0 6px; }
p { margin: 6px 0; }
.lead { color: #4a5562; }
nav { margin: 12px 0 20px; }
nav a { margin-right: 14px; color: #1f5fa8; text-decoration: none; }
section { background: #fff; border: 1px solid #dde2e8; border-radius: 8px;
  padding: 18px 22px; margin: 18px 0; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { border-bottom: 1px solid #e5e9ee; padding: 5px 8px; text-align: left;
  vertical-align: top; }
th { background: #eef1f5; font-weight: 600; position: sticky; top: 0; }
tbody tr:nth-child(even) { background: #fafbfc; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.stats { display: flex; flex-wrap: wrap; gap: 12px; }
.stat { border: 1px solid #dde2e8; border-radius: 6px; background: #fafbfc;
  padding: 10px 16px; min-width: 128px; }
.stat b { display: block; font-size: 24px; font-weight: 600;
  font-variant-numeric: tabular-nums; }
.stat span { font-size: 12px; color: #6b7683;
  font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace; }
.quote { min-width: 300px; max-width: 480px; overflow-wrap: anywhere; }
.ctx { color: #7a8591; }
mark { background: #fff1b8; padding: 0 1px; }
.muted { color: #6b7683; font-size: 12px; }
.flag { color: #b3541e; font-weight: 600; }
code { font-size: 12px; background: #eef1f5; padding: 0 3px; border-radius: 3px; }
svg { display: block; max-width: 100%; height: auto; margin: 6px 0 10px; }
svg text { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif;
  font-size: 12px; fill: #1d232b; }
svg .axis { fill: #6b7683; font-size: 11px; }
svg .grid { stroke: #e5e9ee; stroke-width: 1; }
.legend span { display: inline-block; margin-right: 14px; font-size: 12px; }
.legend i { display: inline-block; width: 10px; height: 10px; border-radius: 50%;
  margin-right: 4px; vertical-align: -1px; }
";

/// Renders the HTML report of `dataset`: rows per table; per document its size and
/// mentions by entity type; agreements on a timeline by signed year (SVG); funding by year
/// (`start_year`, else the fiscal year) and by recipient, per currency (SVG bars, sums of
/// point amounts in currency units); organisations by country (SVG bars); and every funding
/// figure with its quote in context, amount, currency, period, program and document.
///
/// The page needs no JavaScript and loads nothing (inline CSS and SVG). All data text is
/// HTML-escaped. Deterministic: the same dataset and manifest give the same string.
pub fn report_html(dataset: &Dataset, manifest: &Manifest) -> String {
    let mut out = String::with_capacity(64 * 1024);
    let pipeline = if manifest.pipeline.is_empty() {
        "accord dataset"
    } else {
        manifest.pipeline.as_str()
    };
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{} — report</title>\n<link rel=\"icon\" href=\"data:,\">\n\
         <style>{STYLE}</style>\n</head>\n<body>\n<main>\n",
        escape(pipeline)
    );
    let _ = writeln!(out, "<h1>{}</h1>", escape(pipeline));
    let version = if manifest.accord_version.is_empty() {
        String::new()
    } else {
        format!(" {}", escape(&manifest.accord_version))
    };
    let _ = writeln!(
        out,
        "<p class=\"lead\">Agreements, working groups, agencies and funding figures extracted \
         by accord{version} from {} document{} ({} failed). Amounts are in currency units; \
         offsets are Unicode code points into <code>documents.text</code>. The tables and \
         their codebook are <code>*.parquet</code>, <code>datapackage.json</code> and \
         <code>CODEBOOK.md</code> beside this page.</p>",
        dataset.documents.len(),
        if dataset.documents.len() == 1 {
            ""
        } else {
            "s"
        },
        dataset.failures.len()
    );
    out.push_str(
        "<nav><a href=\"#counts\">Counts</a><a href=\"#documents\">Documents</a>\
         <a href=\"#timeline\">Agreements</a><a href=\"#funding-year\">Funding by year</a>\
         <a href=\"#funding-recipient\">Funding by recipient</a>\
         <a href=\"#countries\">Organisations</a><a href=\"#figures\">Funding figures</a></nav>\n",
    );
    counts(&mut out, dataset);
    documents(&mut out, dataset);
    timeline(&mut out, dataset);
    funding_by(&mut out, dataset, FundingAxis::Year);
    funding_by(&mut out, dataset, FundingAxis::Recipient);
    countries(&mut out, dataset);
    figures(&mut out, dataset);
    failures(&mut out, dataset);
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

fn counts(out: &mut String, ds: &Dataset) {
    let blocks: usize = ds.documents.iter().map(|d| d.blocks.len()).sum();
    let rows = [
        ds.documents.len(),
        blocks,
        ds.mentions.len(),
        ds.agreements.len(),
        ds.working_groups.len(),
        ds.agencies.len(),
        ds.funding.len(),
        ds.failures.len(),
    ];
    out.push_str("<section id=\"counts\">\n<h2>Rows per table</h2>\n<div class=\"stats\">\n");
    for (name, n) in TABLES.iter().zip(rows) {
        let _ = writeln!(
            out,
            "<div class=\"stat\"><b>{}</b><span>{name}</span></div>",
            thousands(n as u64)
        );
    }
    out.push_str("</div>\n</section>\n");
}

fn documents(out: &mut String, ds: &Dataset) {
    // doc_id → entity_type → mentions
    let mut per_doc: BTreeMap<&str, BTreeMap<&str, usize>> = BTreeMap::new();
    for m in &ds.mentions {
        *per_doc
            .entry(m.doc_id.as_str())
            .or_default()
            .entry(m.entity_type.as_str())
            .or_default() += 1;
    }
    out.push_str(
        "<section id=\"documents\">\n<h2>Documents</h2>\n<p class=\"muted\">Mentions per \
         document and entity type (occurrences, not distinct entities).</p>\n<table>\n\
         <thead><tr><th>document</th><th>title</th><th>format</th>\
         <th class=\"num\">characters</th><th class=\"num\">blocks</th>\
         <th class=\"num\">agreement</th><th class=\"num\">working group</th>\
         <th class=\"num\">agency</th><th class=\"num\">funding</th>\
         <th class=\"num\">warnings</th></tr></thead>\n<tbody>\n",
    );
    if ds.documents.is_empty() {
        out.push_str("<tr><td colspan=\"10\" class=\"muted\">No documents.</td></tr>\n");
    }
    for doc in &ds.documents {
        let by_type = per_doc.get(doc.doc_id.as_str());
        let n = |t: &str| by_type.and_then(|m| m.get(t)).copied().unwrap_or(0) as u64;
        let _ = writeln!(
            out,
            "<tr><td><code>{}</code></td><td>{}</td><td>{}</td><td class=\"num\">{}</td>\
             <td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>\
             <td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            escape(&doc.doc_id),
            escape(doc.title.as_deref().unwrap_or("")),
            doc.format.as_str(),
            thousands(doc.n_chars() as u64),
            thousands(doc.blocks.len() as u64),
            thousands(n("agreement")),
            thousands(n("working_group")),
            thousands(n("agency")),
            thousands(n("funding")),
            thousands(doc.warnings.len() as u64),
        );
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

/// Leading year of an EDTF date (`2005`, `2005-03`, `2005-03-23`), when it has one.
fn edtf_year(date: &str) -> Option<i32> {
    let digits = date.get(..4)?;
    if digits.bytes().all(|b| b.is_ascii_digit()) {
        digits.parse().ok()
    } else {
        None
    }
}

fn timeline(out: &mut String, ds: &Dataset) {
    out.push_str("<section id=\"timeline\">\n<h2>Agreements by year signed</h2>\n");
    let mut dated: Vec<(i32, Option<i32>, &accord_core::Agreement)> = ds
        .agreements
        .iter()
        .filter_map(|a| {
            let signed = a
                .signed_year
                .or_else(|| a.signed.as_deref().and_then(edtf_year))?;
            let ended = a.ended.as_deref().and_then(edtf_year);
            Some((signed, ended, a))
        })
        .collect();
    dated.sort_by(|a, b| (a.0, &a.2.name).cmp(&(b.0, &b.2.name)));
    if dated.is_empty() {
        out.push_str("<p class=\"muted\">No agreement has a signing date.</p>\n");
    } else {
        let first = dated.iter().map(|d| d.0).min().unwrap_or(0);
        let last = dated
            .iter()
            .map(|d| d.1.unwrap_or(d.0).max(d.0))
            .max()
            .unwrap_or(first);
        let (first, last) = (first - 1, last + 1);
        let plot_left = LABEL_WIDTH + 10;
        // Room for the year label right of the last dot or bar.
        let plot_width = CHART_WIDTH - plot_left - 110;
        let span = usize::try_from(last - first).unwrap_or(1).max(1);
        let x = |year: i32| {
            let offset = usize::try_from(year - first).unwrap_or(0);
            plot_left + offset * plot_width / span
        };
        let top = 28;
        let height = top + dated.len() * ROW + 10;
        let _ = writeln!(
            out,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{CHART_WIDTH}\" \
             height=\"{height}\" viewBox=\"0 0 {CHART_WIDTH} {height}\" role=\"img\" \
             aria-label=\"Agreements on a timeline by signed year\">"
        );
        let step = match span {
            0..=14 => 1,
            15..=40 => 5,
            41..=100 => 10,
            _ => 25,
        };
        for year in first..=last {
            if year.rem_euclid(step) != 0 {
                continue;
            }
            let gx = x(year);
            let _ = writeln!(
                out,
                "<line class=\"grid\" x1=\"{gx}\" y1=\"{}\" x2=\"{gx}\" y2=\"{}\"/>\
                 <text class=\"axis\" x=\"{gx}\" y=\"16\" text-anchor=\"middle\">{year}</text>",
                top - 6,
                height - 6
            );
        }
        for (i, (signed, ended, agreement)) in dated.iter().enumerate() {
            let y = top + i * ROW + ROW / 2;
            let colour = kind_colour(agreement.kind);
            let kind = agreement.kind.map_or("kind unknown", AgreementKind::as_str);
            let period = match ended {
                Some(e) => format!("{signed}–{e}"),
                None => signed.to_string(),
            };
            let _ = write!(
                out,
                "<g><title>{} ({}, {})</title>",
                escape(&agreement.name),
                kind,
                period
            );
            let _ = write!(
                out,
                "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
                LABEL_WIDTH,
                y + 4,
                escape(&truncate(&agreement.name, LABEL_CHARS))
            );
            if let Some(end) = ended.filter(|e| e > signed) {
                let _ = write!(
                    out,
                    "<line x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\" stroke=\"{colour}\" \
                     stroke-width=\"4\" stroke-linecap=\"round\" opacity=\"0.55\"/>",
                    x(*signed),
                    x(end)
                );
            }
            let _ = writeln!(
                out,
                "<circle cx=\"{}\" cy=\"{y}\" r=\"6\" fill=\"{colour}\"/>\
                 <text class=\"axis\" x=\"{}\" y=\"{}\">{period}</text></g>",
                x(*signed),
                x(ended.unwrap_or(*signed).max(*signed)) + 10,
                y + 4
            );
        }
        out.push_str("</svg>\n<p class=\"legend\">");
        for kind in AgreementKind::ALL {
            let _ = write!(
                out,
                "<span><i style=\"background:{}\"></i>{}</span>",
                kind_colour(Some(*kind)),
                kind.as_str()
            );
        }
        let _ = writeln!(
            out,
            "<span><i style=\"background:{NONE_COLOUR}\"></i>unknown</span></p>\n\
             <p class=\"muted\">A dot marks the year signed (or launched); a bar runs to the \
             year ended, when known.</p>"
        );
    }
    let undated: Vec<&str> = ds
        .agreements
        .iter()
        .filter(|a| a.signed_year.is_none() && a.signed.as_deref().and_then(edtf_year).is_none())
        .map(|a| a.name.as_str())
        .collect();
    if !undated.is_empty() {
        let names: Vec<String> = undated.iter().map(|n| escape(n)).collect();
        let _ = writeln!(
            out,
            "<p><strong>Without a signing date ({}):</strong> {}.</p>",
            undated.len(),
            names.join("; ")
        );
    }
    out.push_str("</section>\n");
}

fn kind_colour(kind: Option<AgreementKind>) -> &'static str {
    kind.and_then(|k| AgreementKind::ALL.iter().position(|x| *x == k))
        .map_or(NONE_COLOUR, |i| KIND_COLOURS[i % KIND_COLOURS.len()])
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum FundingAxis {
    Year,
    Recipient,
}

/// Year a figure is charted under: `start_year`, else the first year of `fiscal_year`.
fn funding_year(f: &Funding) -> Option<i32> {
    f.money.start_year.or_else(|| {
        let fy = f.money.fiscal_year.as_deref()?;
        let digits = fy.trim_start_matches(|c: char| !c.is_ascii_digit());
        edtf_year(digits)
    })
}

/// Whether a figure goes into the funding sums: funding of a known kind (not a revenue
/// estimate, not `other`), and not a share of another figure (a share restates part of a
/// stated total, so summing both counts that money twice).
pub(crate) fn summed(f: &Funding) -> bool {
    f.money.share.is_none() && f.kind.is_some_and(FundingKind::is_funding)
}

fn funding_by(out: &mut String, ds: &Dataset, axis: FundingAxis) {
    let (id, title, note) = match axis {
        FundingAxis::Year => (
            "funding-year",
            "Funding by year",
            "Sum of point amounts per year (<code>start_year</code>, else the fiscal year), \
             one chart per currency, over figures of kinds assistance, appropriation, budget, \
             request and authorization. Shares of a stated total (\u{201c}40% of the \
             money\u{201d}) are left out, since their total is counted, and so are revenue \
             estimates and other money that is not funding. Totals and per-year figures are \
             still summed alike, and the same money stated in several places counts each \
             time: read as a map of the figures, not as a budget.",
        ),
        FundingAxis::Recipient => (
            "funding-recipient",
            "Funding by recipient",
            "Sum of point amounts per recipient country, one chart per currency, over the \
             same figures as above (no shares, no revenue estimates, no money that is not \
             funding), with the same caveats.",
        ),
    };
    let _ = writeln!(
        out,
        "<section id=\"{id}\">\n<h2>{title}</h2>\n<p class=\"muted\">{note}</p>"
    );
    // currency → key → (sum, figures)
    let mut sums: BTreeMap<String, BTreeMap<String, (f64, usize)>> = BTreeMap::new();
    let mut left_out = 0usize;
    let (mut shares, mut not_funding) = (0usize, 0usize);
    for f in &ds.funding {
        if f.money.share.is_some() {
            shares += 1;
            continue;
        }
        if !summed(f) {
            not_funding += 1;
            continue;
        }
        let key = match axis {
            FundingAxis::Year => funding_year(f).map(|y| format!("{y:04}")),
            FundingAxis::Recipient => Some(
                f.recipient
                    .clone()
                    .unwrap_or_else(|| "not stated".to_owned()),
            ),
        };
        let (Some(key), Some(amount)) = (key, f.money.amount) else {
            left_out += 1;
            continue;
        };
        let currency = f
            .money
            .currency
            .clone()
            .unwrap_or_else(|| "unknown currency".to_owned());
        let entry = sums.entry(currency).or_default().entry(key).or_default();
        entry.0 += amount;
        entry.1 += 1;
    }
    if sums.is_empty() {
        out.push_str("<p class=\"muted\">No figure to chart.</p>\n");
    }
    for (currency, by_key) in &sums {
        let mut bars: Vec<Bar> = by_key
            .iter()
            .map(|(key, (sum, n))| Bar {
                label: key.clone(),
                value: *sum,
                value_label: format!(
                    "{} {} ({n} figure{})",
                    currency,
                    compact(*sum),
                    if *n == 1 { "" } else { "s" }
                ),
                tooltip: format!("{key}: {currency} {}", amount_text(*sum)),
            })
            .collect();
        if axis == FundingAxis::Recipient {
            bars.sort_by(|a, b| b.value.total_cmp(&a.value).then(a.label.cmp(&b.label)));
        }
        let _ = writeln!(out, "<h3>{}</h3>", escape(currency));
        bar_chart(out, &format!("{title} in {currency}"), &bars);
    }
    if shares + not_funding > 0 {
        let _ = writeln!(
            out,
            "<p class=\"muted\">Left out of the sums: {shares} share{} of a stated total, \
             {not_funding} figure{} that {} not funding (revenue estimates, other money, or \
             of no known kind).</p>",
            if shares == 1 { "" } else { "s" },
            if not_funding == 1 { "" } else { "s" },
            if not_funding == 1 { "is" } else { "are" },
        );
    }
    if left_out > 0 {
        let _ = writeln!(
            out,
            "<p class=\"muted\">{left_out} figure{} not charted: no point amount (a range or \
             an unparsed value){}.</p>",
            if left_out == 1 { "" } else { "s" },
            if axis == FundingAxis::Year {
                " or no year"
            } else {
                ""
            }
        );
    }
    out.push_str("</section>\n");
}

fn countries(out: &mut String, ds: &Dataset) {
    out.push_str(
        "<section id=\"countries\">\n<h2>Organisations by country</h2>\n<p class=\"muted\">\
         Distinct organisations (rows of <code>agencies</code>) per country, ISO 3166-1 \
         alpha-3.</p>\n",
    );
    // country → kind → count
    let mut by_country: BTreeMap<&str, BTreeMap<&str, usize>> = BTreeMap::new();
    for a in &ds.agencies {
        let country = a.country.as_deref().unwrap_or("unknown");
        let kind = a
            .kind
            .map_or("kind unknown", accord_core::AgencyKind::as_str);
        *by_country
            .entry(country)
            .or_default()
            .entry(kind)
            .or_default() += 1;
    }
    let mut bars: Vec<Bar> = by_country
        .iter()
        .map(|(country, kinds)| {
            let n: usize = kinds.values().sum();
            let detail: Vec<String> = kinds.iter().map(|(k, c)| format!("{k} {c}")).collect();
            Bar {
                label: (*country).to_owned(),
                value: n as f64,
                value_label: n.to_string(),
                tooltip: format!("{country}: {}", detail.join(", ")),
            }
        })
        .collect();
    bars.sort_by(|a, b| b.value.total_cmp(&a.value).then(a.label.cmp(&b.label)));
    if bars.is_empty() {
        out.push_str("<p class=\"muted\">No organisation.</p>\n");
    } else {
        bar_chart(out, "Organisations by country", &bars);
    }
    out.push_str("</section>\n");
}

fn figures(out: &mut String, ds: &Dataset) {
    let mentions: BTreeMap<&str, &MentionRecord> = ds
        .mentions
        .iter()
        .map(|m| (m.mention_id.as_str(), m))
        .collect();
    let _ = writeln!(
        out,
        "<section id=\"figures\">\n<h2>Every funding figure ({})</h2>\n<p class=\"muted\">\
         The quote is highlighted in its context. Amounts in currency units; ≈ about, ≥ at \
         least, ≤ at most; <span class=\"flag\">*</span> currency inferred from context; \
         <span class=\"flag\">?</span> ambiguous parse.</p>",
        ds.funding.len()
    );
    out.push_str(
        "<table>\n<thead><tr><th>document</th><th>quote</th><th class=\"num\">amount</th>\
         <th>currency</th><th>period</th><th>years</th><th>program</th>\
         <th>donor → recipient</th><th>kind</th></tr></thead>\n<tbody>\n",
    );
    if ds.funding.is_empty() {
        out.push_str("<tr><td colspan=\"9\" class=\"muted\">No funding figure.</td></tr>\n");
    }
    for f in &ds.funding {
        let m = &f.money;
        let context = mentions.get(f.mention_id.as_str()).map_or_else(
            || format!("<mark>{}</mark>", escape(&f.quote)),
            |mention| {
                // Context is cut at 40 code points; a shorter one reached the text's edge.
                let cut = |context: &str| context.chars().count() >= 40;
                format!(
                    "<span class=\"ctx\">{}{}</span><mark>{}</mark><span class=\"ctx\">{}{}</span>",
                    if cut(&mention.prefix) { "…" } else { "" },
                    escape(&mention.prefix),
                    escape(&f.quote),
                    escape(&mention.suffix),
                    if cut(&mention.suffix) { "…" } else { "" },
                )
            },
        );
        let currency = match (&m.currency, m.currency_inferred) {
            (Some(c), true) => format!("{}<span class=\"flag\">*</span>", escape(c)),
            (Some(c), false) => escape(c),
            (None, _) => String::new(),
        };
        let years = match (m.start_year, m.end_year, &m.fiscal_year, m.years) {
            (Some(s), Some(e), _, _) if e != s => format!("{s}–{e}"),
            (Some(s), _, _, Some(n)) => format!("{s}, {n} yr"),
            (Some(s), _, _, None) => s.to_string(),
            (None, _, Some(fy), _) => escape(fy),
            (None, _, None, Some(n)) => format!("{n} yr"),
            (None, _, None, None) => String::new(),
        };
        let parties = match (&f.donor, &f.recipient) {
            (None, None) => String::new(),
            (d, r) => format!(
                "{} → {}",
                escape(d.as_deref().unwrap_or("?")),
                escape(r.as_deref().unwrap_or("?"))
            ),
        };
        let _ = writeln!(
            out,
            "<tr><td><code>{}</code><br><span class=\"muted\">{}–{}</span></td>\
             <td class=\"quote\">{context}</td><td class=\"num\">{}</td><td>{currency}</td>\
             <td>{}</td><td>{years}</td><td>{}</td><td>{parties}</td><td>{}</td></tr>",
            escape(&f.doc_id),
            f.char_start,
            f.char_end,
            amount_cell(f),
            m.period.as_str(),
            escape(f.program.as_deref().unwrap_or("")),
            escape(f.kind.map_or("", FundingKind::as_str)),
        );
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

fn amount_cell(f: &Funding) -> String {
    let m = &f.money;
    let mut cell = String::new();
    match m.qualifier {
        Some(accord_core::Qualifier::Approx) => cell.push_str("≈ "),
        Some(accord_core::Qualifier::AtLeast) => cell.push_str("≥ "),
        Some(accord_core::Qualifier::AtMost) => cell.push_str("≤ "),
        Some(accord_core::Qualifier::Range) | None => {}
    }
    match (m.amount, m.amount_min, m.amount_max) {
        (Some(a), _, _) => cell.push_str(&amount_text(a)),
        (None, Some(lo), Some(hi)) => {
            let _ = write!(cell, "{} – {}", amount_text(lo), amount_text(hi));
        }
        (None, Some(lo), None) => {
            let _ = write!(cell, "≥ {}", amount_text(lo));
        }
        (None, None, Some(hi)) => {
            let _ = write!(cell, "≤ {}", amount_text(hi));
        }
        (None, None, None) => cell.push('—'),
    }
    if let Some(share) = m.share {
        let _ = write!(
            cell,
            "<br><span class=\"muted\">{}% share</span>",
            trim_zeros(&format!("{:.2}", share * 100.0))
        );
    }
    if m.parse_status == accord_core::ParseStatus::Ambiguous {
        cell.push_str("<span class=\"flag\">?</span>");
    }
    cell
}

fn failures(out: &mut String, ds: &Dataset) {
    if ds.failures.is_empty() {
        return;
    }
    out.push_str(
        "<section id=\"failures\">\n<h2>Inputs that failed</h2>\n<table>\n<thead><tr>\
         <th>path</th><th>stage</th><th>error</th></tr></thead>\n<tbody>\n",
    );
    for f in &ds.failures {
        let _ = writeln!(
            out,
            "<tr><td><code>{}</code></td><td>{}</td><td>{}</td></tr>",
            escape(&f.path),
            escape(&f.stage),
            escape(&f.error)
        );
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

/// One bar of a horizontal bar chart.
struct Bar {
    label: String,
    value: f64,
    value_label: String,
    tooltip: String,
}

/// A horizontal bar chart as inline SVG, bars in the given order, scaled to the largest.
fn bar_chart(out: &mut String, title: &str, bars: &[Bar]) {
    let max = bars.iter().map(|b| b.value).fold(0.0_f64, f64::max);
    let plot_left = LABEL_WIDTH + 10;
    // Room for the value label to the right of the longest bar.
    let plot_width = CHART_WIDTH - plot_left - 240;
    let height = bars.len() * ROW + 8;
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{CHART_WIDTH}\" height=\"{height}\" \
         viewBox=\"0 0 {CHART_WIDTH} {height}\" role=\"img\" aria-label=\"{}\">",
        escape(title)
    );
    for (i, bar) in bars.iter().enumerate() {
        let y = 4 + i * ROW;
        let width = if max > 0.0 && bar.value > 0.0 {
            ((bar.value / max) * plot_width as f64).round().max(1.0) as usize
        } else {
            0
        };
        let _ = writeln!(
            out,
            "<g><title>{}</title><text x=\"{LABEL_WIDTH}\" y=\"{}\" text-anchor=\"end\">{}</text>\
             <rect x=\"{plot_left}\" y=\"{}\" width=\"{width}\" height=\"{}\" rx=\"2\" \
             fill=\"{BAR_COLOUR}\"/><text class=\"axis\" x=\"{}\" y=\"{}\">{}</text></g>",
            escape(&bar.tooltip),
            y + ROW / 2 + 4,
            escape(&truncate(&bar.label, LABEL_CHARS)),
            y + 3,
            ROW - 6,
            plot_left + width + 6,
            y + ROW / 2 + 4,
            escape(&bar.value_label)
        );
    }
    out.push_str("</svg>\n");
}

/// Escapes text for HTML element content and double- or single-quoted attribute values
/// (inline SVG included): `&`, `<`, `>`, `"`, `'`.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// At most `max` characters of `text`, with `…` when cut.
fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        let mut cut: String = text.chars().take(max - 1).collect();
        cut.push('…');
        cut
    }
}

/// `1234567` → `1,234,567`.
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A full amount in currency units: whole numbers with thousands separators
/// (`1,400,000,000`), others with two decimals (`12.50`).
fn amount_text(amount: f64) -> String {
    let sign = if amount < 0.0 { "-" } else { "" };
    let abs = amount.abs();
    if abs.fract() == 0.0 && abs < 1e18 {
        format!("{sign}{}", thousands(abs as u64))
    } else if abs < 1e18 {
        let whole = abs.trunc();
        let cents = format!("{:.2}", abs - whole);
        // `0.995` rounds to `1.00`: carry into the whole part.
        if cents.starts_with('1') {
            format!("{sign}{}.00", thousands(whole as u64 + 1))
        } else {
            format!("{sign}{}{}", thousands(whole as u64), &cents[1..])
        }
    } else {
        format!("{amount:e}")
    }
}

/// A short amount for chart labels: `1.4 bn`, `30 m`, `12.5 k`, `950`.
fn compact(amount: f64) -> String {
    let abs = amount.abs();
    let (value, unit) = if abs >= 1e12 {
        (amount / 1e12, " tn")
    } else if abs >= 1e9 {
        (amount / 1e9, " bn")
    } else if abs >= 1e6 {
        (amount / 1e6, " m")
    } else if abs >= 1e3 {
        (amount / 1e3, " k")
    } else {
        (amount, "")
    };
    format!("{}{unit}", trim_zeros(&format!("{value:.2}")))
}

/// `1.40` → `1.4`, `30.00` → `30`.
fn trim_zeros(number: &str) -> String {
    if number.contains('.') {
        number
            .trim_end_matches('0')
            .trim_end_matches('.')
            .to_owned()
    } else {
        number.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape(r#"<script>alert("x") & 'y'</script>"#),
            "&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;"
        );
    }

    #[test]
    fn formats_amounts() {
        assert_eq!(amount_text(1.4e9), "1,400,000,000");
        assert_eq!(amount_text(950.0), "950");
        assert_eq!(amount_text(12.5), "12.50");
        assert_eq!(amount_text(0.999), "1.00");
        assert_eq!(amount_text(-1500.0), "-1,500");
        assert_eq!(compact(1.4e9), "1.4 bn");
        assert_eq!(compact(3e7), "30 m");
        assert_eq!(compact(12_500.0), "12.5 k");
        assert_eq!(compact(950.0), "950");
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(100), "100");
        assert_eq!(thousands(1000), "1,000");
    }

    #[test]
    fn reads_years() {
        assert_eq!(edtf_year("2005-03"), Some(2005));
        assert_eq!(edtf_year("20"), None);
        assert_eq!(edtf_year("198X"), None);
        assert_eq!(truncate("abcdef", 4), "abc…");
    }
}
