//! `report.html`: snapshot of the report of a rich hand-made dataset, escaping of text that
//! looks like markup, and a self-contained page (no scripts, no external resources).
//!
//! When `ACCORD_REPORT_DIR` is set, `sample_report` also publishes the rich dataset (with
//! the CSV mirror) to `$ACCORD_REPORT_DIR/out/`; `tests/screenshot.sh` uses it to look at
//! `report.html` in headless Chromium.

mod common;

use accord_core::{Funding, Money};
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
