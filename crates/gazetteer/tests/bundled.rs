//! Integrity of the gazetteer bundled in `data/gazetteers`: the links between its files.

use accord_gazetteer::Gazetteer;
use std::path::Path;

fn bundled() -> Gazetteer {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/gazetteers");
    Gazetteer::load(&dir).expect("the bundled gazetteer loads")
}

fn key(name: &str) -> String {
    name.to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

#[test]
fn every_working_group_sits_under_a_known_agreement_other_than_itself() {
    let g = bundled();
    let mut bad = Vec::new();
    for wg in &g.working_groups {
        let Some(id) = &wg.agreement_id else { continue };
        match g.agreement(id) {
            None => bad.push(format!("{}: no agreement {id}", wg.id)),
            Some(a) => {
                let own: Vec<String> = std::iter::once(&wg.name)
                    .chain(&wg.aliases)
                    .map(|n| key(n))
                    .collect();
                if std::iter::once(&a.name)
                    .chain(&a.aliases)
                    .any(|n| own.contains(&key(n)))
                {
                    bad.push(format!("{}: placed under itself ({id})", wg.id));
                }
            }
        }
    }
    assert!(bad.is_empty(), "{bad:#?}");
}
