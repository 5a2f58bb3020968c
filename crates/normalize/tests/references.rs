//! Short and generic references to agreements: "the Action Plan" is the plan its own
//! document names in full, the fullest form names the entity, and a working group placed
//! under "the Action Plan" sits under that document's plan.

mod common;
use common::normalize;

#[test]
fn a_generic_reference_is_the_instrument_its_own_document_names() {
    let ds = normalize(&[
        (
            "a",
            "Chile and Peru adopted the Coastal Waters Action Plan in 2020. Under the Action \
             Plan, the two countries set up a Joint Fisheries Working Group. The Action Plan \
             runs to 2025.",
        ),
        (
            "b",
            "Bolivia and Paraguay adopted the Upper Basin Action Plan in 2021. The Action Plan \
             created a River Monitoring Working Group. The Action Plan was reviewed in 2023.",
        ),
    ]);
    let mut names: Vec<&str> = ds.agreements.iter().map(|a| a.name.as_str()).collect();
    names.sort_unstable();
    assert_eq!(
        names,
        ["Coastal Waters Action Plan", "Upper Basin Action Plan"]
    );
    let parent = |wg: &str| {
        ds.working_groups
            .iter()
            .find(|w| w.name == wg)
            .and_then(|w| w.agreement.clone())
    };
    assert_eq!(
        parent("Joint Fisheries Working Group").as_deref(),
        Some("Coastal Waters Action Plan")
    );
    assert_eq!(
        parent("River Monitoring Working Group").as_deref(),
        Some("Upper Basin Action Plan")
    );
}

#[test]
fn the_fullest_form_names_the_entity() {
    let ds = normalize(&[(
        "c",
        "Chile and Peru signed the Chile-Peru Lithium Investment Roadmap in 2022. The \
         Investment Roadmap sets targets; the Investment Roadmap is reviewed every year.",
    )]);
    let names: Vec<&str> = ds.agreements.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(
        names,
        ["Chile-Peru Lithium Investment Roadmap"],
        "{:#?}",
        ds.agreements
    );
}

#[test]
fn a_generic_reference_joins_the_fullest_of_nested_names() {
    let ds = normalize(&[(
        "d",
        "Chile and Peru adopted the Chile-Peru Coastal Waters Action Plan in 2020. The Coastal \
         Waters Action Plan has four goals. The Action Plan created a Tidal Data Working Group.",
    )]);
    let names: Vec<&str> = ds.agreements.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(
        names,
        ["Chile-Peru Coastal Waters Action Plan"],
        "{:#?}",
        ds.agreements
    );
    assert_eq!(
        ds.working_groups[0].agreement.as_deref(),
        Some("Chile-Peru Coastal Waters Action Plan")
    );
}

#[test]
fn a_longer_name_with_an_acronym_of_its_own_is_another_body() {
    let ds = normalize(&[(
        "d",
        "Talks take place in the Andean River Forum (ARF) and in the Expanded Andean River \
         Forum (EARF), which adds the partners. The ARF meets yearly.",
    )]);
    let mut names: Vec<&str> = ds.working_groups.iter().map(|w| w.name.as_str()).collect();
    names.sort_unstable();
    assert_eq!(
        names,
        ["Andean River Forum", "Expanded Andean River Forum"],
        "{:#?}",
        ds.working_groups
    );
}
