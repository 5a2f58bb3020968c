//! The European Union as a party (ISO 3166-1's exceptionally reserved code EUU, a row of
//! `countries.csv`), never as an agency's country.

use accord_core::EntityType;
mod common;

fn mentions(text: &str) -> Vec<accord_core::Mention> {
    common::ingest_and_extract("eu.txt", text)
}

#[test]
fn an_eu_compound_names_the_union_as_a_party() {
    let found = mentions(
        "Ministers launched the EU-Canada Partnership on Arctic Research in Ottawa in May \
         2026.\n",
    );
    let partnership = found
        .iter()
        .find(|m| m.entity_type == EntityType::Agreement)
        .unwrap_or_else(|| panic!("no agreement in {found:#?}"));
    assert_eq!(partnership.value.parties, ["CAN", "EUU"]);
}

#[test]
fn a_body_of_the_union_is_an_international_organisation() {
    let found = mentions("The Border Health Agency of the European Union published its report.\n");
    let body = found
        .iter()
        .find(|m| m.entity_type == EntityType::Agency && m.text.starts_with("Border Health Agency"))
        .unwrap_or_else(|| panic!("no agency in {found:#?}"));
    assert_eq!(body.value.country.as_deref(), Some("INTERNATIONAL"));
}
