//! Units of table figures, end to end from ingest: a unit note in a column header, and a
//! fixed-width budget table in a Markdown code block under a caption with a bare note.

use accord_core::{EntityType, Mention};
mod common;

fn funding(name: &str, text: &str) -> Vec<Mention> {
    common::ingest_and_extract(name, text)
        .into_iter()
        .filter(|m| m.entity_type == EntityType::Funding)
        .collect()
}

fn figure<'a>(found: &'a [Mention], quote: &str) -> &'a Mention {
    found
        .iter()
        .find(|m| m.text == quote)
        .unwrap_or_else(|| panic!("no figure {quote:?} in {found:#?}"))
}

#[test]
fn a_unit_note_in_a_column_header_scales_that_column() {
    let html = "<html><body><p>Grants awarded this year.</p><table>\
        <tr><th>Grantee</th><th>Staff</th><th>Award (USD millions)</th></tr>\
        <tr><td>Harbour Institute</td><td>12</td><td>142.5</td></tr>\
        <tr><td>Valley Trust</td><td>7</td><td>96.0</td></tr>\
        </table></body></html>";
    let found = funding("awards.html", html);
    let award = figure(&found, "142.5");
    let money = award.value.money.as_ref().expect("a money value");
    assert_eq!(money.amount, Some(142_500_000.0));
    assert_eq!(money.currency.as_deref(), Some("USD"));
    assert_eq!(
        figure(&found, "96.0")
            .value
            .money
            .as_ref()
            .and_then(|m| m.amount),
        Some(96_000_000.0)
    );
    assert!(
        found.iter().all(|m| m.text != "12" && m.text != "7"),
        "a column without a unit note is no money: {found:#?}"
    );
}

#[test]
fn a_budget_table_in_a_code_block_gives_its_figures_by_fiscal_year() {
    let md = "# Budget chapter\n\nThe measures below are new.\n\n```\nTable 2.1\nPort security\nmillions of dollars\n\n                               2025-   2026-\n                                2026    2027   Total\nHarbour patrols                 12.0    14.5    26.5\n  Coast Guard Service\nInspection equipment               -     9.8     9.8\n```\n";
    let found = funding("budget.md", md);
    let first = figure(&found, "12.0");
    let money = first.value.money.as_ref().expect("a money value");
    assert_eq!(money.amount, Some(12_000_000.0));
    assert_eq!(money.start_year, Some(2025));
    let second = figure(&found, "14.5").value.money.as_ref().expect("money");
    assert_eq!(second.start_year, Some(2026));
    assert_eq!(
        figure(&found, "9.8")
            .value
            .money
            .as_ref()
            .and_then(|m| m.amount),
        Some(9_800_000.0)
    );
}

#[test]
fn a_currency_note_alone_in_a_column_header_makes_its_numbers_amounts() {
    let html = "<html><body><p>Grants awarded.</p><table>\
        <tr><th>Grantee</th><th>Term (years)</th><th>Amount (US$)</th></tr>\
        <tr><td>Harbour Institute</td><td>3</td><td>950,000</td></tr>\
        </table></body></html>";
    let found = funding("grants.html", html);
    let grant = figure(&found, "950,000")
        .value
        .money
        .as_ref()
        .expect("money");
    assert_eq!(grant.amount, Some(950_000.0));
    assert_eq!(grant.currency.as_deref(), Some("USD"));
    assert!(found.iter().all(|m| m.text != "3"), "{found:#?}");
}

#[test]
fn a_table_figure_pays_for_the_program_its_row_names() {
    let html = "<html><body><p>Table 1. Obligations (USD millions)</p><table>\
        <tr><th>Activity</th><th>FY2024</th><th>FY2025</th></tr>\
        <tr><td>Harbour Safety Program</td><td>4.0</td><td>5.5</td></tr>\
        <tr><td>Staff training</td><td>1.0</td><td>1.2</td></tr>\
        </table></body></html>";
    let found = funding("obligations.html", html);
    let program = |quote: &str| figure(&found, quote).value.parent.clone();
    assert_eq!(program("5.5").as_deref(), Some("Harbour Safety Program"));
    assert_eq!(program("1.2"), None, "a row without a program names none");
}

#[test]
fn a_donor_table_by_year_takes_currency_from_headers_and_scale_from_the_note_under_it() {
    let md = "# Lake Basin Fund\n\nPledges to the fund, by year, are below.\n\n\
        | Year | NOK (Norway) | JPY (Japan) |\n\
        |------|--------------|-------------|\n\
        | 2026 | 40.5         | 310         |\n\
        | 2027 | 42.0         | --          |\n\n\
        *Pledges in millions of the stated currency.*\n\n\
        ## Next steps\n\nThe board meets in May.\n";
    let found = funding("pledges.md", md);
    let norway = figure(&found, "40.5").value.money.as_ref().expect("money");
    assert_eq!(norway.amount, Some(40_500_000.0));
    assert_eq!(norway.currency.as_deref(), Some("NOK"));
    assert_eq!(norway.start_year, Some(2026));
    let japan = figure(&found, "310").value.money.as_ref().expect("money");
    assert_eq!(japan.amount, Some(310_000_000.0));
    assert_eq!(japan.currency.as_deref(), Some("JPY"));
    let later = figure(&found, "42.0").value.money.as_ref().expect("money");
    assert_eq!(later.start_year, Some(2027));
    assert!(
        found.iter().all(|m| m.text != "2026" && m.text != "2027"),
        "a row's year label is no amount: {found:#?}"
    );
}
