use accord_core::{
    Agency, AgencyKind, Agreement, AgreementKind, CharIndex, Dataset, Document, EntityType,
    Failure, Funding, Mention, MentionRecord, Rule, Source, WorkingGroup, normalize_key, slug,
};
use accord_gazetteer::Gazetteer;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// Union-find over mention indices.
struct Clusters {
    parent: Vec<usize>,
}

impl Clusters {
    fn new(n: usize) -> Self {
        Self {
            parent: (0..n).collect(),
        }
    }
    fn find(&mut self, x: usize) -> usize {
        let mut r = x;
        while self.parent[r] != r {
            r = self.parent[r];
        }
        let mut y = x;
        while self.parent[y] != r {
            let next = self.parent[y];
            self.parent[y] = r;
            y = next;
        }
        r
    }
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.parent[hi] = lo;
        }
    }
}

/// One mention with the document it came from.
struct Item<'a> {
    doc: &'a Document,
    mention: &'a Mention,
}

fn name_key(name: &str) -> String {
    let key = normalize_key(name);
    match key.strip_suffix('s') {
        Some(k)
            if k.ends_with("agreement")
                || k.ends_with("group")
                || k.ends_with("team")
                || k.ends_with("accord") =>
        {
            k.to_owned()
        }
        _ => key,
    }
}

fn majority<T: Ord + Clone>(values: impl Iterator<Item = T>) -> Option<T> {
    let mut counts: BTreeMap<T, usize> = BTreeMap::new();
    for v in values {
        *counts.entry(v).or_default() += 1;
    }
    let max = *counts.values().max()?;
    counts.into_iter().find(|(_, n)| *n == max).map(|(v, _)| v)
}

/// A name that is the leading words of exactly one other entity's name in the same
/// document ("the Peace Council" after "the Peace Council of Ontario") is a short form
/// of it, not an entity of its own. (Also the trailing words.)
///
/// O(w log n) in the total number `w` of words over the clusters' keys: every key's
/// word-boundary prefixes and suffixes are indexed once, so a short form looks up the
/// clusters it could shorten instead of comparing against every other cluster.
fn merge_short_forms(items: &[Item<'_>], idx: &[usize], uf: &mut Clusters, gazetteer: &Gazetteer) {
    let mut keys: BTreeMap<usize, (BTreeSet<String>, BTreeSet<&str>, bool)> = BTreeMap::new();
    // The acronyms each cluster's mentions define: two names with acronyms of their own
    // ("ASEAN Maritime Forum (AMF)", "Expanded ASEAN Maritime Forum (EAMF)") are two bodies.
    let mut acronyms: BTreeMap<usize, BTreeSet<&str>> = BTreeMap::new();
    for &i in idx {
        let m = items[i].mention;
        if let Some(a) = m.value.acronym.as_deref() {
            acronyms.entry(uf.find(i)).or_default().insert(a);
        }
        let entry = keys.entry(uf.find(i)).or_default();
        entry.0.insert(normalize_key(&m.value.name));
        if let Some(name) = m.value.gazetteer_id.as_deref().and_then(|id| {
            gazetteer
                .agency(id)
                .map(|a| a.name.as_str())
                .or_else(|| gazetteer.agreement(id).map(|a| a.name.as_str()))
        }) {
            entry.0.insert(normalize_key(name));
        }
        entry.1.insert(items[i].doc.doc_id.as_str());
        entry.2 |= m.value.gazetteer_id.is_some();
    }
    // `s` is a short form of key `k` exactly when `k` starts with `s ` or ends with ` s`,
    // that is when `s` is the text of `k` before or after one of its spaces.
    let mut shortened: HashMap<&str, Vec<usize>> = HashMap::new();
    for (&o, (own, _, _)) in &keys {
        for k in own {
            for (at, _) in k.match_indices(' ') {
                for part in [&k[..at], &k[at + 1..]] {
                    let roots = shortened.entry(part).or_default();
                    if roots.last() != Some(&o) {
                        roots.push(o);
                    }
                }
            }
        }
    }
    let mut unions = Vec::new();
    for (&r, (own, docs, has_gaz)) in &keys {
        if *has_gaz {
            continue;
        }
        let mut longer: BTreeSet<usize> = BTreeSet::new();
        for s in own.iter().filter(|s| s.split(' ').count() >= 2) {
            for &o in shortened.get(s.as_str()).into_iter().flatten() {
                let own_acronyms = match (acronyms.get(&r), acronyms.get(&o)) {
                    (Some(a), Some(b)) => a.is_disjoint(b),
                    _ => false,
                };
                if o != r && !longer.contains(&o) && !keys[&o].1.is_disjoint(docs) && !own_acronyms
                {
                    longer.insert(o);
                }
            }
        }
        // Candidates that are themselves short forms of another candidate ("Coastal Action
        // Plan" of "Chile-Peru Coastal Action Plan") join it in this same pass: the one left
        // is the name.
        if longer.len() > 1 {
            let absorbed: BTreeSet<usize> = longer
                .iter()
                .copied()
                .filter(|&o| {
                    keys[&o].0.iter().any(|k| {
                        shortened
                            .get(k.as_str())
                            .into_iter()
                            .flatten()
                            .any(|p| *p != o && longer.contains(p))
                    })
                })
                .collect();
            longer.retain(|o| !absorbed.contains(o));
        }
        if longer.len() == 1 {
            unions.extend(longer.first().map(|&o| (r, o)));
        }
    }
    for (r, o) in unions {
        uf.union(r, o);
    }
}

/// Builds the dataset of a corpus.
///
/// `documents` pairs each ingested document with its mentions; `failures` are the inputs
/// that did not get that far. Gazetteer entries provide canonical names and fallback
/// attributes for mentions that extraction resolved to them.
pub fn normalize(
    documents: Vec<(Document, Vec<Mention>)>,
    mut failures: Vec<Failure>,
    gazetteer: &Gazetteer,
) -> Dataset {
    let mut documents = documents;
    documents.sort_by(|a, b| a.0.doc_id.cmp(&b.0.doc_id));
    let items: Vec<Item<'_>> = documents
        .iter()
        .flat_map(|(doc, ms)| ms.iter().map(move |m| Item { doc, mention: m }))
        .collect();

    // Entity ids per item (None for funding).
    let mut entity_of: Vec<Option<String>> = vec![None; items.len()];
    let mut agreements = Vec::new();
    let mut working_groups = Vec::new();
    let mut agencies = Vec::new();
    let mut agreement_index: HashMap<String, (String, String)> = HashMap::new(); // key → (id, name)
    let mut agency_index: HashMap<String, (String, String)> = HashMap::new();

    for ty in [
        EntityType::Agreement,
        EntityType::Agency,
        EntityType::WorkingGroup,
    ] {
        let idx: Vec<usize> = (0..items.len())
            .filter(|&i| items[i].mention.entity_type == ty)
            .collect();
        let mut uf = Clusters::new(items.len());
        let mut by_key: HashMap<String, usize> = HashMap::new();
        for &i in &idx {
            let v = &items[i].mention.value;
            // A generic name ("the Action Plan") is one entity within its document only; the
            // short-form pass below joins it to the name that document gives in full.
            let generic = ty == EntityType::Agreement
                && v.gazetteer_id.is_none()
                && accord_core::is_generic_agreement_name(&v.name);
            let mut keys = vec![match &v.gazetteer_id {
                Some(id) => format!("gaz:{id}"),
                None if generic => format!("docname:{}:{}", items[i].doc.doc_id, name_key(&v.name)),
                None => format!("name:{}", name_key(&v.name)),
            }];
            if let Some(a) = &v.acronym {
                keys.push(format!(
                    "acr:{}:{}",
                    items[i].doc.doc_id,
                    a.trim_end_matches('s').to_uppercase()
                ));
            }
            if v.gazetteer_id.is_none() && !generic {
                keys.push(format!("name:{}", name_key(&v.name)));
            }
            // Within one document, one name is one entity.
            if v.acronym.as_deref() != Some(v.name.as_str()) {
                keys.push(format!(
                    "docname:{}:{}",
                    items[i].doc.doc_id,
                    name_key(&v.name)
                ));
            }
            // A gloss or translation joins the entity it glosses.
            if let Some(head) = &v.same_as {
                keys.push(format!("name:{}", name_key(head)));
            }
            for k in keys {
                match by_key.get(&k) {
                    Some(&j) => uf.union(i, j),
                    None => {
                        by_key.insert(k, i);
                    }
                }
            }
        }
        merge_short_forms(&items, &idx, &mut uf, gazetteer);
        let mut clusters: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for &i in &idx {
            clusters.entry(uf.find(i)).or_default().push(i);
        }
        let mut used_ids: BTreeSet<String> = BTreeSet::new();
        for members in clusters.values() {
            let ms: Vec<&Mention> = members.iter().map(|&i| items[i].mention).collect();
            let gaz = majority(ms.iter().filter_map(|m| m.value.gazetteer_id.clone()));
            let (gaz_name, gaz_acronym) = match (ty, gaz.as_deref()) {
                (EntityType::Agency, Some(id)) => gazetteer
                    .agency(id)
                    .map_or((None, None), |e| (Some(e.name.clone()), e.acronym.clone())),
                (EntityType::Agreement, Some(id)) => gazetteer
                    .agreement(id)
                    .map_or((None, None), |e| (Some(e.name.clone()), e.acronym.clone())),
                (EntityType::WorkingGroup, Some(id)) => gazetteer
                    .working_group(id)
                    .map_or((None, None), |e| (Some(e.name.clone()), None)),
                _ => (None, None),
            };
            let acronym =
                gaz_acronym.or_else(|| majority(ms.iter().filter_map(|m| m.value.acronym.clone())));
            let name = gaz_name.unwrap_or_else(|| {
                let full: Vec<&str> = ms
                    .iter()
                    .map(|m| m.value.name.as_str())
                    .filter(|n| Some(*n) != acronym.as_deref())
                    .collect();
                let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
                for n in &full {
                    *counts.entry(n).or_default() += 1;
                }
                let commonest = counts
                    .iter()
                    .max_by(|a, b| {
                        a.1.cmp(b.1)
                            .then(a.0.len().cmp(&b.0.len()))
                            .then(b.0.cmp(a.0))
                    })
                    .map(|(n, _)| *n);
                commonest.map_or_else(
                    || ms[0].value.name.clone(),
                    |n| fullest_form(n, counts.keys().copied()).to_owned(),
                )
            });
            let mut id = gaz.clone().unwrap_or_else(|| slug(&name));
            if id.is_empty() {
                "entity".clone_into(&mut id);
            }
            let base = id.clone();
            let mut n = 2;
            while used_ids.contains(&id) {
                id = format!("{base}-{n}");
                n += 1;
            }
            used_ids.insert(id.clone());
            // The first form seen of each key other than the name's and the acronym's.
            let mut aliases: BTreeSet<String> = BTreeSet::new();
            let mut alias_keys: HashSet<String> = HashSet::new();
            let mut seen: HashSet<&str> = HashSet::new();
            let own = [
                normalize_key(&name),
                acronym.as_deref().map(normalize_key).unwrap_or_default(),
            ];
            for m in &ms {
                let acronym = m.value.acronym.as_deref();
                for (form, bracketed) in [
                    (m.value.name.as_str(), true),
                    (m.text.as_str(), true),
                    (acronym.unwrap_or_default(), false),
                ] {
                    if (!bracketed && acronym.is_none()) || (bracketed && form.contains('(')) {
                        continue;
                    }
                    // A form seen before was decided then.
                    if !seen.insert(form) {
                        continue;
                    }
                    let key = normalize_key(form);
                    if !own.contains(&key) && alias_keys.insert(key) {
                        aliases.insert(form.to_owned());
                    }
                }
            }
            let aliases: Vec<String> = aliases.into_iter().collect();
            let doc_ids: Vec<String> = members
                .iter()
                .map(|&i| items[i].doc.doc_id.clone())
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect();
            let mention_count = u32::try_from(members.len()).unwrap_or(u32::MAX);
            for &i in members {
                entity_of[i] = Some(id.clone());
            }
            let keys: Vec<String> = std::iter::once(name.clone())
                .chain(aliases.iter().cloned())
                .chain(acronym.clone())
                .map(|s| normalize_key(&s))
                .collect();
            match ty {
                EntityType::Agreement => {
                    let entry = gaz.as_deref().and_then(|g| gazetteer.agreement(g));
                    let (kind, kind_source) =
                        match agreement_kind(&ms, &name, entry.and_then(|e| e.kind)) {
                            Some((kind, source)) => (kind, source),
                            None => (AgreementKind::Other, Source::Inferred),
                        };
                    // What the text itself says: mentions not matched in the gazetteer
                    // (extract copies a matched entry's attributes into its mentions).
                    let stated: Vec<&Mention> = ms
                        .iter()
                        .copied()
                        .filter(|m| m.value.gazetteer_id.is_none())
                        .collect();
                    let stated_parties = majority(
                        stated
                            .iter()
                            .map(|m| m.value.parties.clone())
                            .filter(|p| !p.is_empty()),
                    );
                    // The gazetteer's list is the curated one.
                    let mut parties = entry
                        .map(|e| e.parties.clone())
                        .filter(|p| !p.is_empty())
                        .or_else(|| {
                            majority(
                                ms.iter()
                                    .map(|m| m.value.parties.clone())
                                    .filter(|p| !p.is_empty()),
                            )
                        })
                        .unwrap_or_default();
                    // Stated when the text gives the same parties, else the gazetteer's.
                    let parties_source = if parties.is_empty() {
                        None
                    } else if stated_parties
                        .as_ref()
                        .is_some_and(|s| same_set(s, &parties))
                    {
                        Some(Source::Text)
                    } else {
                        Some(Source::Gazetteer)
                    };
                    parties.sort();
                    let kind = kind.with_parties(&name, parties.len());
                    let (signed, signed_source) = stated_or_curated(
                        pick_date(ms.iter().filter_map(|m| m.value.signed.clone())),
                        entry.and_then(|e| e.signed.clone()),
                    );
                    let (ended, ended_source) = stated_or_curated(
                        pick_date(ms.iter().filter_map(|m| m.value.ended.clone())),
                        entry.and_then(|e| e.ended.clone()),
                    );
                    let scope = match parties.len() {
                        0 => None,
                        1 => Some("unilateral"),
                        2 => Some("bilateral"),
                        3 => Some("trilateral"),
                        _ => Some("multilateral"),
                    };
                    for k in keys {
                        agreement_index
                            .entry(k)
                            .or_insert_with(|| (id.clone(), name.clone()));
                    }
                    // Each document's own forms, for the references made in that document
                    // ("the Action Plan" is the one its document names).
                    for &i in members {
                        agreement_index
                            .entry(doc_key(&items[i].doc.doc_id, &items[i].mention.value.name))
                            .or_insert_with(|| (id.clone(), name.clone()));
                    }
                    if let Some(g) = &gaz {
                        agreement_index
                            .entry(format!("gaz:{g}"))
                            .or_insert_with(|| (id.clone(), name.clone()));
                    }
                    agreements.push(Agreement {
                        agreement_id: id,
                        name,
                        acronym,
                        aliases,
                        kind: Some(kind),
                        kind_source: Some(kind_source),
                        scope: scope.map(str::to_owned),
                        signed_year: edtf_year(signed.as_deref()),
                        signed,
                        signed_source,
                        ended_year: edtf_year(ended.as_deref()),
                        ended,
                        ended_source,
                        parties,
                        parties_source,
                        doc_ids,
                        mention_count,
                    });
                }
                EntityType::Agency => {
                    let entry = gaz.as_deref().and_then(|g| gazetteer.agency(g));
                    // The gazetteer's kind and country win over the text's (they are
                    // reviewed); a text that says the same makes them stated. Only mentions
                    // not matched in the gazetteer say what the text says (extract copies a
                    // matched entry's attributes into its mentions).
                    let stated: Vec<&Mention> = ms
                        .iter()
                        .copied()
                        .filter(|m| m.value.gazetteer_id.is_none())
                        .collect();
                    let kind = entry
                        .and_then(|e| e.kind)
                        .or_else(|| majority(ms.iter().filter_map(|m| m.value.agency_kind)))
                        .unwrap_or(AgencyKind::Other);
                    let stated_kind = majority(stated.iter().filter_map(|m| m.value.agency_kind));
                    let kind_source = if stated_kind == Some(kind) {
                        // A name with no telling word is `other` by default.
                        if kind == AgencyKind::Other {
                            Source::Inferred
                        } else {
                            Source::Text
                        }
                    } else if entry.is_some_and(|e| e.kind == Some(kind)) {
                        Source::Gazetteer
                    } else if kind == AgencyKind::Other {
                        Source::Inferred
                    } else {
                        Source::Gazetteer
                    };
                    let country = entry
                        .and_then(|e| e.country.clone())
                        .or_else(|| majority(ms.iter().filter_map(|m| m.value.country.clone())));
                    let stated_country =
                        majority(stated.iter().filter_map(|m| m.value.country.clone()));
                    let country_source = country.as_ref().map(|c| {
                        if stated_country.as_ref() == Some(c) {
                            Source::Text
                        } else {
                            Source::Gazetteer
                        }
                    });
                    for k in keys {
                        agency_index
                            .entry(k)
                            .or_insert_with(|| (id.clone(), name.clone()));
                    }
                    if let Some(g) = &gaz {
                        agency_index
                            .entry(format!("gaz:{g}"))
                            .or_insert_with(|| (id.clone(), name.clone()));
                    }
                    agencies.push(Agency {
                        agency_id: id,
                        name,
                        acronym,
                        aliases,
                        country,
                        country_source,
                        kind: Some(kind),
                        kind_source: Some(kind_source),
                        parent_id: entry.and_then(|e| e.parent.clone()),
                        doc_ids,
                        mention_count,
                    });
                }
                EntityType::WorkingGroup => {
                    let parent = majority(members.iter().filter_map(|&i| {
                        let m = items[i].mention;
                        m.value
                            .parent_id
                            .clone()
                            .map(|g| format!("gaz:{g}"))
                            .or_else(|| {
                                let name = m.value.parent.as_deref()?;
                                let local = doc_key(&items[i].doc.doc_id, name);
                                Some(if agreement_index.contains_key(&local) {
                                    local
                                } else {
                                    normalize_key(name)
                                })
                            })
                    }));
                    let pillar = majority(ms.iter().filter_map(|m| m.value.pillar.clone()));
                    working_groups.push(WorkingGroup {
                        working_group_id: id,
                        name,
                        acronym,
                        aliases,
                        agreement_id: parent.clone(),
                        agreement: None,
                        pillar,
                        doc_ids,
                        mention_count,
                    });
                }
                EntityType::Funding => {}
            }
        }
    }
    // Working groups → parent agreement rows.
    for wg in &mut working_groups {
        let found = wg
            .agreement_id
            .as_ref()
            .and_then(|k| agreement_index.get(k))
            .cloned();
        wg.agreement_id = found.as_ref().map(|f| f.0.clone());
        wg.agreement = found.map(|f| f.1);
    }
    // Agency parents only when the parent is in the dataset.
    let agency_ids: BTreeSet<String> = agencies.iter().map(|a| a.agency_id.clone()).collect();
    for a in &mut agencies {
        if a.parent_id
            .as_ref()
            .is_some_and(|p| !agency_ids.contains(p))
        {
            a.parent_id = None;
        }
    }

    // Clustering is done: each document's mentions are now turned into mention rows and
    // freed, so the two are never all held at once.
    let total = items.len();
    drop(items);
    let mut mentions = Vec::with_capacity(total);
    let mut funding = Vec::new();
    // `items` listed the mentions in this same order, so a running index finds each one.
    let mut item = 0;
    for (doc, ms) in &mut documents {
        let doc = &*doc;
        // This document's funding rows by what a restatement must repeat exactly (amount,
        // lower bound, currency, period), in push order: finding a restatement looks only
        // at rows that can be one, so a document with n figures costs O(n), not O(n²).
        let mut restatable: HashMap<RestateKey, Vec<usize>> = HashMap::new();
        let index = CharIndex::new(&doc.text);
        for m in std::mem::take(ms) {
            let (cs, ce) = (index.char_of(m.span.start), index.char_of(m.span.end));
            let mention_id = format!("{}:{cs:07}-{ce:07}:{}", doc.doc_id, m.entity_type.as_str());
            let mut entity_id = match m.entity_type {
                EntityType::Funding => format!("{}:{cs:07}", doc.doc_id),
                _ => entity_of[item].clone().unwrap_or_default(),
            };
            item += 1;
            let block_kind = doc
                .block_at(m.span.start)
                .map_or("paragraph", |b| doc.blocks[b].kind.as_str());
            let before = &doc.text[..m.span.start];
            let prefix_start = before.char_indices().rev().nth(39).map_or(0, |(at, _)| at);
            let prefix = before[prefix_start..].to_owned();
            let suffix: String = doc.text[m.span.end..].chars().take(40).collect();
            if m.entity_type == EntityType::Funding
                && let Some(money) = &m.value.money
            {
                let (program, agreement_id) =
                    resolve_program(&m, &doc.doc_id, &agreement_index, &agency_index);
                // A figure restated in the same document (same amount, currency, period and
                // program) is one funding row; every occurrence stays a mention of it.
                // Attributes one occurrence lacks may be stated at another: they agree where
                // both are known (program, start year) and are filled in from the restatement.
                let compatible =
                    |a: &Option<String>, b: &Option<String>| a.is_none() || b.is_none() || a == b;
                let key = restate_key(money);
                let restated = key
                    .as_ref()
                    .and_then(|k| restatable.get(k))
                    .and_then(|rows| {
                        rows.iter().copied().find(|&r| {
                            let f: &Funding = &funding[r];
                            compatible(&f.program, &program)
                                && (f.money.start_year.is_none()
                                    || money.start_year.is_none()
                                    || f.money.start_year == money.start_year)
                        })
                    });
                if let Some(r) = restated {
                    let first = &mut funding[r];
                    entity_id.clone_from(&first.funding_id);
                    if first.program.is_none() {
                        first.program.clone_from(&program);
                        first.agreement_id.clone_from(&agreement_id);
                    }
                    let m0 = &mut first.money;
                    m0.start_year = m0.start_year.or(money.start_year);
                    m0.end_year = m0.end_year.or(money.end_year);
                    m0.years = m0.years.or(money.years);
                    if m0.fiscal_year.is_none() {
                        m0.fiscal_year.clone_from(&money.fiscal_year);
                    }
                    if first.donor.is_none() {
                        first.donor.clone_from(&m.value.donor);
                    }
                    if first.recipient.is_none() {
                        first.recipient.clone_from(&m.value.recipient);
                    }
                } else {
                    if let Some(k) = key {
                        restatable.entry(k).or_default().push(funding.len());
                    }
                    funding.push(Funding {
                        funding_id: entity_id.clone(),
                        doc_id: doc.doc_id.clone(),
                        mention_id: mention_id.clone(),
                        quote: m.text.clone(),
                        money: (**money).clone(),
                        kind: m.value.funding_kind,
                        program,
                        agreement_id,
                        donor: m.value.donor.clone(),
                        recipient: m.value.recipient.clone(),
                        char_start: cs,
                        char_end: ce,
                    });
                }
            }
            mentions.push(MentionRecord {
                mention_id,
                doc_id: doc.doc_id.clone(),
                entity_type: m.entity_type.as_str().to_owned(),
                entity_id,
                char_start: cs,
                char_end: ce,
                rule: m.rule_label(),
                quote: m.text,
                prefix,
                suffix,
                block_kind: block_kind.to_owned(),
            });
        }
    }
    mentions.sort_by(|a, b| a.mention_id.cmp(&b.mention_id));
    mentions.dedup_by(|a, b| a.mention_id == b.mention_id);
    funding.sort_by(|a, b| a.funding_id.cmp(&b.funding_id));
    agreements.sort_by(|a, b| a.agreement_id.cmp(&b.agreement_id));
    agencies.sort_by(|a, b| a.agency_id.cmp(&b.agency_id));
    working_groups.sort_by(|a, b| a.working_group_id.cmp(&b.working_group_id));
    failures.sort_by(|a, b| a.path.cmp(&b.path));
    tracing::info!(
        agreements = agreements.len(),
        working_groups = working_groups.len(),
        agencies = agencies.len(),
        funding = funding.len(),
        "Normalized entities."
    );
    Dataset {
        documents: documents.into_iter().map(|(d, _)| d).collect(),
        mentions,
        agreements,
        working_groups,
        agencies,
        funding,
        failures,
    }
}

/// Kind of an agreement, by strength of evidence: legal status first (a treaty, from the
/// gazetteer or from the text calling it one: "the NORAD treaty"), then the head noun of
/// its canonical name ("Strategic Partnership of the Pacific" →
/// partnership, "Ogdensburg Agreement" → agreement), then the gazetteer's kind, then what
/// its mentions' head nouns say.
/// What two figures must share exactly to be one restated figure: amount and lower bound
/// (as bits, with -0.0 read as 0.0), currency and period.
type RestateKey = (u64, Option<u64>, Option<String>, &'static str);

/// The restatement key of a figure; `None` when it has no amount or a NaN bound (it is
/// then never a restatement, as `==` on NaN is false).
fn restate_key(money: &accord_core::Money) -> Option<RestateKey> {
    let bits = |x: f64| (!x.is_nan()).then(|| if x == 0.0 { 0 } else { x.to_bits() });
    let amount = bits(money.amount?)?;
    let amount_min = match money.amount_min {
        Some(x) => Some(bits(x)?),
        None => None,
    };
    Some((
        amount,
        amount_min,
        money.currency.clone(),
        money.period.as_str(),
    ))
}

/// The fullest form of a name (CODING.md, "Names": the name is the fullest form the text
/// gives, with its left modifiers): among the forms that end with the commonest one, word
/// for word, the longest ("U.S.-Canada Critical Minerals Investment Roadmap" over
/// "Investment Roadmap"); the commonest itself when none does.
fn fullest_form<'a>(commonest: &'a str, forms: impl Iterator<Item = &'a str>) -> &'a str {
    let tail = normalize_key(commonest);
    forms
        .filter(|f| {
            let key = normalize_key(f);
            key.len() > tail.len()
                && key.ends_with(tail.as_str())
                && key[..key.len() - tail.len()].ends_with(' ')
        })
        .max_by(|a, b| a.len().cmp(&b.len()).then(b.cmp(a)))
        .unwrap_or(commonest)
}

fn agreement_kind(
    ms: &[&Mention],
    name: &str,
    gazetteer: Option<AgreementKind>,
) -> Option<(AgreementKind, Source)> {
    let said: Vec<AgreementKind> = ms
        .iter()
        .filter(|m| !matches!(m.rule, Rule::Acronym | Rule::PartyCompound))
        .filter_map(|m| AgreementKind::of_name(&m.value.name, true))
        .collect();
    if said.contains(&AgreementKind::Treaty) {
        return Some((AgreementKind::Treaty, Source::Text));
    }
    if gazetteer == Some(AgreementKind::Treaty) {
        return Some((AgreementKind::Treaty, Source::Gazetteer));
    }
    // The canonical name is the text's when a mention writes it, else the gazetteer's.
    let key = normalize_key(name);
    let name_source = if ms.iter().any(|m| normalize_key(&m.text) == key) {
        Source::Text
    } else {
        Source::Gazetteer
    };
    AgreementKind::of_name(name, false)
        .map(|k| (k, name_source))
        .or(gazetteer.map(|k| (k, Source::Gazetteer)))
        .or_else(|| majority(said.into_iter()).map(|k| (k, Source::Text)))
        .or_else(|| {
            // A matched mention's kind is its gazetteer entry's.
            let stated = majority(
                ms.iter()
                    .filter(|m| m.value.gazetteer_id.is_none())
                    .filter_map(|m| m.value.agreement_kind),
            );
            majority(ms.iter().filter_map(|m| m.value.agreement_kind)).map(|k| {
                let source = if stated == Some(k) {
                    Source::Text
                } else {
                    Source::Gazetteer
                };
                (k, source)
            })
        })
}

/// The text's value when it gives one, else the gazetteer's, with where it came from.
fn stated_or_curated<T>(stated: Option<T>, curated: Option<T>) -> (Option<T>, Option<Source>) {
    match (stated, curated) {
        (Some(v), _) => (Some(v), Some(Source::Text)),
        (None, Some(v)) => (Some(v), Some(Source::Gazetteer)),
        (None, None) => (None, None),
    }
}

/// Whether two lists hold the same values, in any order.
fn same_set(a: &[String], b: &[String]) -> bool {
    a.iter().collect::<BTreeSet<_>>() == b.iter().collect::<BTreeSet<_>>()
}

/// The calendar year of an EDTF date (`2005-03` → 2005); null for an unparseable one.
fn edtf_year(date: Option<&str>) -> Option<i32> {
    date.and_then(|s| s.get(..4)).and_then(|y| y.parse().ok())
}

/// The most frequent year among `dates`, written at the finest precision seen for it.
fn pick_date(dates: impl Iterator<Item = String>) -> Option<String> {
    let dates: Vec<String> = dates.collect();
    let year = majority(dates.iter().filter_map(|d| d.get(..4).map(str::to_owned)))?;
    dates
        .into_iter()
        .filter(|d| d.starts_with(&year))
        .max_by(|a, b| a.len().cmp(&b.len()).then(b.cmp(a)))
}

/// The key of a name as one document uses it, in the agreement index.
fn doc_key(doc_id: &str, name: &str) -> String {
    format!("doc:{doc_id}:{}", normalize_key(name))
}

/// The program a funding mention pays for, and its agreement id: the mention's parent
/// resolved to an agreement entity (by gazetteer id, then the form its own document uses,
/// then the name across the corpus) or to an agency (no id); the name as written otherwise.
fn resolve_program(
    m: &Mention,
    doc_id: &str,
    agreements: &HashMap<String, (String, String)>,
    agencies: &HashMap<String, (String, String)>,
) -> (Option<String>, Option<String>) {
    let Some(name) = &m.value.parent else {
        return (None, None);
    };
    let by_gaz = m.value.parent_id.as_ref().map(|g| format!("gaz:{g}"));
    for key in by_gaz
        .into_iter()
        .chain([doc_key(doc_id, name), normalize_key(name)])
    {
        if let Some((id, canonical)) = agreements.get(&key) {
            return (Some(canonical.clone()), Some(id.clone()));
        }
        if let Some((_, canonical)) = agencies.get(&key) {
            return (Some(canonical.clone()), None);
        }
    }
    (Some(name.clone()), None)
}
