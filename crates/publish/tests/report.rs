//! `report.html`: snapshot of the report of a rich hand-made dataset, escaping of text that
//! looks like markup, and a self-contained page (no scripts, no external resources).
//!
//! When `ACCORD_REPORT_DIR` is set, `sample_report` also publishes the rich dataset (with
//! the CSV mirror) to `$ACCORD_REPORT_DIR/out/`; `tests/screenshot.sh` uses it to look at
//! `report.html` in headless Chromium.

mod common;

use accord_core::{Funding, FundingKind, Money};
use accord_publish::{Manifest, Options, publish_with, report_html};
use common::{dataset, manifest, rich_dataset};

#[test]
fn sample_report() {
    let html = report_html(&rich_dataset(), &manifest());
    if let Some(dir) = std::env::var_os("ACCORD_REPORT_DIR") {
        let out = std::path::Path::new(&dir).join("out");
        publish_with(&rich_dataset(), &manifest(), &out, &Options { csv: true })
            .expect("publish the sample");
        let written = std::fs::read_to_string(out.join("report.html")).expect("read report");
        assert_eq!(written, html, "publish writes the same report");
    }
    insta::assert_snapshot!(html);
}

#[test]
fn report_is_deterministic_and_self_contained() {
    let html = report_html(&rich_dataset(), &manifest());
    assert_eq!(html, report_html(&rich_dataset(), &manifest()));
    let lower = html.to_lowercase();
    assert!(!lower.contains("<script"), "no JavaScript");
    for external in ["http://", "https://", "src=", "@import", "url("] {
        let hits: Vec<&str> = lower
            .match_indices(external)
            .map(|(i, _)| &html[i.saturating_sub(30)..(i + 40).min(html.len())])
            .filter(|context| !context.contains("xmlns=\"http://www.w3.org/2000/svg\""))
            .collect();
        assert!(hits.is_empty(), "external resource {external}: {hits:?}");
    }
    assert!(html.contains("<svg"), "charts are inline SVG");
    // Every funding figure is listed, once.
    for f in &rich_dataset().funding {
        assert!(html.contains(&format!("<code>{}</code>", f.doc_id)));
    }
    assert_eq!(html.matches("<td class=\"quote\">").count(), 7);
    // Amounts in currency units, with thousands separators.
    assert!(html.contains("1,400,000,000"));
    assert!(
        html.contains("50,000,000 – 60,000,000"),
        "ranges show both bounds"
    );
}

#[test]
fn report_escapes_a_quote_containing_a_script_tag() {
    let mut ds = dataset();
    let quote = r#"<script>alert("$5 million & more")</script>"#;
    ds.funding.push(Funding {
        funding_id: "memo:0000100".into(),
        mention_id: "memo:0000100-0000143:funding".into(),
        quote: quote.into(),
        money: Money::exact(5e6, Some("USD".into())),
        program: Some("A <b>bold</b> program".into()),
        char_start: 100,
        char_end: 143,
        ..ds.funding[0].clone()
    });
    ds.documents[0].title = Some("Title with </title><script>".into());
    let html = report_html(&ds, &Manifest::default());
    assert!(!html.to_lowercase().contains("<script"), "{html}");
    assert!(!html.contains("<b>bold"));
    assert!(html.contains("&lt;script&gt;alert(&quot;$5 million &amp; more&quot;)&lt;/script&gt;"));
    assert!(html.contains("A &lt;b&gt;bold&lt;/b&gt; program"));
    assert!(html.contains("Title with &lt;/title&gt;&lt;script&gt;"));
}

#[test]
fn empty_dataset_gives_a_valid_page() {
    let html = report_html(&accord_core::Dataset::default(), &Manifest::default());
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.ends_with("</html>\n"));
    assert!(html.contains("No agreement has a signing date."));
    assert!(html.contains("No funding figure."));
}

#[test]
fn funding_sums_leave_out_shares_and_money_that_is_not_funding() {
    let mut ds = rich_dataset();
    // A revenue estimate with no recipient, in a year the dataset already charts.
    let mut estimate = Money::exact(2.5e10, Some("USD".into()));
    estimate.start_year = Some(2008);
    ds.funding.push(Funding {
        funding_id: "memo:0000200".into(),
        mention_id: "memo:0000200-0000212:funding".into(),
        quote: "$25 billion".into(),
        money: estimate,
        kind: Some(FundingKind::RevenueEstimate),
        recipient: None,
        char_start: 200,
        char_end: 212,
        ..ds.funding[0].clone()
    });
    let html = report_html(&ds, &manifest());
    // 2008 in USD: the FY2008 appropriation of $400 million alone; the 40% share of the
    // Mérida total and the revenue estimate are left out.
    assert!(html.contains("2008: USD 400,000,000<"), "{html}");
    // Every USD figure in the sums: the $1.4 billion total, $400 million, $2 billion.
    let summed: f64 = ds
        .funding
        .iter()
        .filter(|f| f.money.share.is_none())
        .filter(|f| {
            matches!(
                f.kind.map(FundingKind::as_str),
                Some("assistance" | "appropriation" | "budget" | "request" | "authorization")
            )
        })
        .filter(|f| f.money.currency.as_deref() == Some("USD"))
        .filter_map(|f| f.money.amount)
        .sum();
    assert!((summed - 3.8e9).abs() < 1.0, "{summed}");
    // The recipient chart's USD bars add up to exactly those figures.
    let section = &html[html.find("id=\"funding-recipient\"").expect("section")..];
    let section = &section[..section.find("</section>").expect("end")];
    let charted: f64 = section
        .split("<title>")
        .skip(1)
        .filter_map(|t| t.split("</title>").next())
        .filter_map(|t| t.split_once(": USD "))
        .map(|(_, amount)| amount.replace(',', "").parse::<f64>().expect("amount"))
        .sum();
    assert!((charted - summed).abs() < 1.0, "{charted} vs {summed}");
    assert!(
        html.contains(
            "Left out of the sums: 1 share of a stated total, 2 figures that are not funding"
        ),
        "{html}"
    );
    let by_year = &html[html.find("id=\"funding-year\"").expect("section")..];
    let by_year = &by_year[..by_year.find("</section>").expect("end")];
    assert!(
        !by_year.contains("25,000,000,000"),
        "the estimate is in no chart"
    );
    assert!(
        !section.contains("25,000,000,000"),
        "the estimate is in no chart"
    );
}
