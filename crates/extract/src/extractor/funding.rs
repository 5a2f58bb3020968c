//! Funding context: the currency a document's bare dollars are in, the program a figure
//! pays for, its donor and recipient, and its years.

use super::{
    BTreeMap, BlockKind, Document, EntityType, Extractor, MONEY_HINT, Mention, MentionValue,
    MoneyOptions, Period, Span, column_header, column_year, currency_note, find_money,
    funding_kind, header_currency, normalize_key, row_currency, row_label, row_year, section_year,
    single_year, start_from, table_caption, table_note_after, table_unit,
};
use crate::countries::CountryScan;
use accord_core::{FundingKind, Rule};
use regex::Regex;
use std::sync::LazyLock;

static ANAPHOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:[Tt]he|[Tt]his|[Tt]hat) (?:agreement|initiative|plan|program|programme|package|aid package|accord|partnership|treaty)(?-u:\b)").expect("static regex")
});

static RECIPIENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:to|for|provide|provides|providing|give|gives|assist|assistance to|aid to)\s+(?:the\s+)?$").expect("static regex")
});

static FOR_GAP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:[\w,\s]{0,25}?\s)?(?:for|to|into|toward|towards)\s+(?:[a-z]+\s+){0,2}$")
        .expect("static regex")
});

static RATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:a|per|each|every) (?:day|week|month|hour)(?-u:\b)|(?-u:\b)(?:daily|weekly|monthly)(?-u:\b)")
        .expect("static regex")
});

impl Extractor {
    /// Money expressions of every block, with context: kind, program, donor, recipient.
    ///
    /// # Errors
    /// [`crate::Error::TimedOut`] when `budget` runs out (checked every few figures).
    pub(super) fn funding(
        &self,
        document: &Document,
        sentences: &[(usize, Span)],
        scan: &CountryScan<'_>,
        mentions: &[Mention],
        budget: &super::Budget<'_>,
    ) -> crate::Result<Vec<Mention>> {
        let text = &document.text;
        // "All figures are in Australian dollars": the adjective's currency of that noun
        // (accord_core::CURRENCY_NAMES); "U.S." and "American" dollars are USD.
        let default_currency = currency_note(text)
            .and_then(|c| {
                let adjective = c[1].to_lowercase();
                let noun = c[2].to_lowercase();
                let last = adjective.rsplit(' ').next().unwrap_or_default().to_owned();
                if adjective.starts_with('u') && adjective.contains('s') && adjective.len() <= 4 {
                    return Some("USD".to_owned());
                }
                accord_core::currency_of_name(&last, &noun).map(str::to_owned)
            })
            .or_else(|| Self::canadian_document(document, scan, mentions).then(|| "CAD".to_owned()))
            .or_else(|| self.config.default_currency.clone());
        // The instrument the document is about: the gazetteer agreement its title names, else
        // the one agreement its title zone mentions (`topic`).
        let topic = self.title_topic(document).or_else(|| {
            super::topic::document_topic(document, mentions).map(|i| self.entity_name(&mentions[i]))
        });
        let mut out = Vec::new();
        for (bi, block) in document.blocks.iter().enumerate() {
            if block.kind == BlockKind::Furniture
                || (block.kind == BlockKind::TableCell
                    && block.cell.is_some_and(|(row, _)| row == 0))
            {
                continue; // boilerplate; table header rows hold years and bill numbers
            }
            if block.kind == BlockKind::TableCell
                && block.cell.is_some_and(|(_, col)| col == 0)
                && is_bare_year(document.slice(block.span))
            {
                continue; // a row labelled by its year ("2025 | 13.1 | 2.6"): no amount
            }
            let caption = (block.kind == BlockKind::TableCell)
                .then(|| table_caption(document, bi))
                .flatten();
            // A unit note in the column's header ("Proceeds (USD millions)") rules that
            // column, and a currency note alone ("Amount (US$)", "AUD (Australia)") gives the
            // column's currency, its scale then the table's (units when the table states
            // none); otherwise the caption's note, or the note printed under the table, rules
            // the table. A currency note alone over a table ("(Canadian dollars)") makes its
            // bare numbers amounts in units.
            let header_unit = (block.kind == BlockKind::TableCell)
                .then(|| column_header(document, bi))
                .flatten()
                .map(|h| {
                    let header = document.slice(h);
                    match table_unit(header) {
                        (None, None) => (None, header_currency(header)),
                        unit => unit,
                    }
                });
            let table_note = (block.kind == BlockKind::TableCell)
                .then(|| {
                    [caption, table_note_after(document, bi)]
                        .into_iter()
                        .flatten()
                        .map(|c| table_unit(document.slice(c)))
                        .find(|unit| *unit != (None, None))
                })
                .flatten();
            let (table_scale, table_currency) = match (header_unit, table_note) {
                (Some((Some(scale), currency)), _) => (Some(scale), currency),
                (Some((None, Some(currency))), Some((Some(scale), _))) => {
                    (Some(scale), Some(currency))
                }
                (Some((None, Some(currency))), _) | (_, Some((None, Some(currency)))) => {
                    (Some(1.0), Some(currency))
                }
                (_, Some(unit)) => unit,
                _ => (None, None),
            };
            let row_currency = (block.kind == BlockKind::TableCell)
                .then(|| row_currency(document, bi))
                .flatten();
            // A row that states its currency in a cell of its own ("USD | 2,750,000") prices
            // its bare numbers in units when the table states no scale.
            let table_scale = table_scale.or(row_currency.as_ref().map(|_| 1.0));
            let options = MoneyOptions {
                default_currency: row_currency
                    .or(table_currency)
                    .or_else(|| default_currency.clone()),
                table_scale,
            };
            let slice = &text[block.span.start..block.span.end];
            let mut last_program: Option<(String, Option<String>)> = None;
            // The block's one year, computed once per block (not once per figure).
            let mut block_year: Option<Option<i32>> = None;
            // A long block is searched window by window (between sentences, as the rules
            // see it: `cap::windows`), so that no token list of a 100 MB paragraph is held
            // at once; spans stay relative to the block.
            let windows = if block.span.len() > super::cap::WINDOW_BYTES {
                let lo = sentences.partition_point(|(_, s)| s.end <= block.span.start);
                let hi = sentences.partition_point(|(_, s)| s.start < block.span.end);
                let inside: Vec<Span> = sentences[lo..hi].iter().map(|(_, s)| *s).collect();
                super::cap::windows(block.span, &inside)
                    .into_iter()
                    .map(|(w, _)| w)
                    .collect()
            } else {
                vec![block.span]
            };
            let options = &options;
            let figures = windows.into_iter().flat_map(|w| {
                let piece = &text[w.start..w.end];
                let offset = w.start - block.span.start;
                find_money(piece, options)
                    .into_iter()
                    .flat_map(move |m| super::ranges::endpoints(piece, m))
                    .map(move |mut m| {
                        m.span = m.span.shift(offset);
                        m
                    })
            });
            for mut m in figures {
                budget.tick()?;
                let at = m.span.shift(block.span.start);
                let sentence_text =
                    sentence_of(sentences, at).map_or(slice, |s| &text[s.start..s.end]);
                if m.money.period == Period::Unknown && !RATE.is_match(sentence_text) {
                    // A stated amount with no rate is the whole amount (documented in the codebook).
                    m.money.period = Period::Total;
                }
                if m.money.start_year.is_none() && m.money.fiscal_year.is_none() {
                    m.money.start_year = if block.kind == BlockKind::TableCell {
                        column_year(document, bi).or_else(|| row_year(document, bi))
                    } else {
                        start_from(sentence_text)
                            .or_else(|| single_year(sentence_text))
                            .or_else(|| *block_year.get_or_insert_with(|| single_year(slice)))
                            .or_else(|| section_year(document, bi))
                    };
                }
                let span = m.span.shift(block.span.start);
                let sentence = sentence_of(sentences, span).unwrap_or(block.span);
                let sent = &text[sentence.start..sentence.end];
                let mut v = MentionValue {
                    name: text[span.start..span.end].to_owned(),
                    ..MentionValue::default()
                };
                // Names are not keywords: "Canada Customs and Revenue Agency" is no revenue.
                let mut masked = sent.to_owned();
                for m in starting_within(mentions, sentence)
                    .iter()
                    .filter(|m| sentence.contains(m.span))
                {
                    let (a, b) = (m.span.start - sentence.start, m.span.end - sentence.start);
                    masked.replace_range(a..b, &" ".repeat(b - a));
                }
                v.funding_kind = Some(funding_kind(&masked, span.start - sentence.start));
                let program = if m.money.share.is_some() {
                    last_program.clone()
                } else {
                    None
                }
                .or_else(|| self.program_of(document, mentions, sentence, span))
                .or_else(|| {
                    // A table figure pays for the program its row's label names ("BIDS
                    // program (CDC)   2,150   2,310").
                    let label = (block.kind == BlockKind::TableCell)
                        .then(|| row_label(document, bi))
                        .flatten()?;
                    starting_within(mentions, label)
                        .iter()
                        .find(|m| m.entity_type == EntityType::Agreement && label.contains(m.span))
                        .map(|m| self.entity_name(m))
                })
                .or_else(|| {
                    // The program named earlier in the paragraph (or in a table's caption).
                    let context = caption.unwrap_or(block.span);
                    starting_within(mentions, Span::new(context.start, span.start))
                        .iter()
                        .rfind(|m| {
                            m.entity_type == EntityType::Agreement
                                && context.contains(m.span)
                                && m.span.end <= span.start
                        })
                        .map(|m| self.entity_name(m))
                });
                // A program figure with no program nearby belongs to the instrument the whole
                // document is about, when its title names one ("Paying for Merida: …").
                let program_money = v.funding_kind.is_some_and(FundingKind::is_funding);
                let program = program.or_else(|| topic.clone().filter(|_| program_money));
                if let Some((name, id)) = &program {
                    v.parent = Some(name.clone());
                    v.parent_id.clone_from(id);
                }
                last_program.clone_from(&program);
                let (donor, recipient) = self.donor_recipient(
                    text,
                    scan,
                    sentence,
                    program.as_ref().and_then(|p| p.1.as_deref()),
                );
                v.donor = donor;
                v.recipient = recipient;
                // A share ("40% of the money") is of the same kind and flow as its base.
                if let (Some(_), Some(base)) = (m.money.share, out.last()) {
                    let base: &Mention = base;
                    v.funding_kind = base.value.funding_kind;
                    v.donor.clone_from(&base.value.donor);
                    v.recipient.clone_from(&base.value.recipient);
                }
                v.money = Some(Box::new(m.money));
                out.push(Mention {
                    entity_type: EntityType::Funding,
                    span,
                    text: text[span.start..span.end].to_owned(),
                    rule: Rule::Money,
                    value: v,
                });
            }
        }
        Ok(out)
    }

    /// A document about Canada: Canada outnumbers the United States among the countries and
    /// the organisations it names, and is named at least as often as Mexico (whose bare "$"
    /// is the peso).
    /// Its bare dollars are Canadian dollars (flagged `currency_inferred`).
    /// A document that marks its Canadian amounts ("C$1.5 billion", "CAD 40 million",
    /// "$7 billion (Canadian)") writes US dollars as bare "$": it is not one whose bare
    /// dollars are Canadian, whatever its subject (also when it marks US amounts too:
    /// analyses that write both "C$" and "US$" still write US figures as bare "$"). A marker
    /// that only converts another amount ("US$4 million (about C$5.4 million)") says nothing
    /// about the bare dollars, and is not counted.
    pub(super) fn canadian_document(
        document: &Document,
        scan: &CountryScan<'_>,
        mentions: &[Mention],
    ) -> bool {
        let text = &document.text;
        if CANADIAN_MARKER
            .find_iter(text)
            .any(|m| !is_conversion(&text[..m.start()]))
        {
            return false;
        }
        let mut count: BTreeMap<String, usize> = BTreeMap::new();
        // Countries by name: a Canadian op-ed that lists the U.S. states it sells power to
        // is still about Canada.
        for (span, code) in scan.find(Span::new(0, document.text.len())) {
            if !scan
                .countries()
                .is_subdivision(&document.text[span.start..span.end])
            {
                *count.entry(code).or_default() += 1;
            }
        }
        for m in mentions
            .iter()
            .filter(|m| m.entity_type == EntityType::Agency)
        {
            if let Some(country) = &m.value.country {
                *count.entry(country.clone()).or_default() += 1;
            }
        }
        let get = |c: &str| count.get(c).copied().unwrap_or(0);
        let (can, usa, mex) = (get("CAN"), get("USA"), get("MEX"));
        can > usa && can >= mex && can >= 5
    }

    /// The one gazetteer agreement a document's title names, by full name or alias, or by
    /// the distinctive first word of a two-word name ("MERIDA" for "Mérida Initiative"):
    /// its canonical name and gazetteer id.
    pub(super) fn title_topic(&self, document: &Document) -> Option<(String, Option<String>)> {
        let i = self.titles.topic(document.title.as_deref()?)?;
        let a = &self.gazetteer.agreements[i];
        Some((a.name.clone(), Some(a.id.clone())))
    }

    /// The program a figure pays for: "through the X", "X budget", an agreement named in the
    /// sentence, or the agreement "the agreement"/"the initiative" refers back to.
    pub(super) fn program_of(
        &self,
        document: &Document,
        mentions: &[Mention],
        sentence: Span,
        money: Span,
    ) -> Option<(String, Option<String>)> {
        let text = &document.text;
        let in_sentence: Vec<&Mention> = starting_within(mentions, sentence)
            .iter()
            .filter(|m| sentence.contains(m.span) && m.entity_type != EntityType::Funding)
            .collect();
        let after = &text[money.end..sentence.end];
        // "<organisation> budget" (also lower-case: "border patrol budget").
        let before = &text[sentence.start..money.start];
        if let Some(pos) = before.rfind(" budget") {
            let words: Vec<&str> = before[..pos].split_whitespace().rev().take(4).collect();
            for n in (1..=words.len()).rev() {
                let phrase: Vec<&str> = words[..n].iter().rev().copied().collect();
                let phrase = phrase.join(" ");
                let stem = self
                    .stems
                    .get(&normalize_key(&phrase))
                    .filter(|t| t.entity_type == EntityType::Agency)
                    .map(|t| t.id.as_str());
                if let Some(id) = self.resolve(EntityType::Agency, &phrase).or(stem) {
                    let name = self
                        .gazetteer
                        .agency(id)
                        .map_or(phrase.clone(), |a| a.name.clone());
                    return Some((format!("{name} budget"), None));
                }
            }
        }
        // "$100 million for CARSI", "$10 million for the U.S. Marshals Service".
        // The named entity must end its noun phrase: in "for OAS security projects" the money
        // is for projects, not for the OAS.
        let right_after = |m: &&&Mention| {
            let gap_ok = m.span.start >= money.end && {
                let gap = &text[money.end..m.span.start];
                gap.len() <= 40 && FOR_GAP.is_match(gap)
            };
            let next_word = text[m.span.end..]
                .trim_start()
                .split(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            let ends_phrase = !next_word.starts_with(|c: char| c.is_lowercase())
                || matches!(
                    next_word,
                    "to" | "in"
                        | "for"
                        | "and"
                        | "or"
                        | "which"
                        | "that"
                        | "under"
                        | "from"
                        | "with"
                        | "by"
                        | "on"
                        | "at"
                        | "as"
                        | "was"
                        | "were"
                        | "is"
                        | "run"
                        | "led"
                        | "managed"
                        | "administered"
                        | "operated"
                        | "delivered"
                        | "funded"
                        | "launched"
                        | "created"
                        | "established"
                        | "announced"
                        | "approved"
                        | "signed"
                );
            gap_ok && ends_phrase
        };
        for ty in [EntityType::Agreement, EntityType::Agency] {
            if let Some(m) = in_sentence
                .iter()
                .filter(|m| m.entity_type == ty)
                .find(right_after)
            {
                return Some(self.entity_name(m));
            }
        }
        // "through the X" close to the figure (not a later clause of the sentence).
        if let Some(pos) = after
            .find(" through the ")
            .or_else(|| after.find(" under the "))
            .filter(|&pos| pos <= 80)
        {
            let at = money.end + pos;
            if let Some(m) = in_sentence
                .iter()
                .find(|m| m.span.start > at && m.span.start <= at + 14)
            {
                return Some(self.entity_name(m));
            }
        }
        let distance = |m: &&&Mention| m.span.start.abs_diff(money.start);
        // Not an agreement another figure stands closer to ("$9.2 million for projects,
        // including $4.3 million for a … Program").
        let money_between = |m: &&&Mention| {
            let (a, b) = if m.span.start > money.end {
                (money.end, m.span.start)
            } else {
                (m.span.end, money.start)
            };
            a < b && MONEY_HINT.is_match(&text[a..b])
        };
        if let Some(m) = in_sentence
            .iter()
            .filter(|m| m.entity_type == EntityType::Agreement)
            .filter(|m| !money_between(m))
            .min_by_key(distance)
        {
            return Some(self.entity_name(m));
        }
        if ANAPHOR.is_match(&text[sentence.start..sentence.end]) {
            // "the agreement", "the initiative": the last one named in the same section.
            let section_start = document
                .blocks
                .iter()
                .rev()
                .find(|b| b.kind == BlockKind::Heading && b.span.end <= sentence.start)
                .map_or(0, |h| h.span.end);
            let earlier = mentions.iter().rev().find(|m| {
                m.entity_type == EntityType::Agreement
                    && m.span.end <= sentence.start
                    && m.span.start >= section_start
            });
            if let Some(m) = earlier {
                return Some(self.entity_name(m));
            }
        }
        None
    }

    pub(super) fn entity_name(&self, m: &Mention) -> (String, Option<String>) {
        let gaz_name = m
            .value
            .gazetteer_id
            .as_deref()
            .and_then(|id| match m.entity_type {
                EntityType::Agency => self.gazetteer.agency(id).map(|a| a.name.clone()),
                EntityType::Agreement => self.gazetteer.agreement(id).map(|a| a.name.clone()),
                _ => None,
            });
        (
            gaz_name.unwrap_or_else(|| m.value.name.clone()),
            m.value.gazetteer_id.clone(),
        )
    }

    pub(super) fn donor_recipient(
        &self,
        text: &str,
        scan: &CountryScan<'_>,
        sentence: Span,
        program: Option<&str>,
    ) -> (Option<String>, Option<String>) {
        let mut donor = None;
        let mut recipient = None;
        for (s, code) in scan.find(sentence) {
            let before = &text[sentence.start..s.start];
            if before.ends_with("from the ")
                || before.ends_with("from ")
                || before.ends_with("by the ")
            {
                donor.get_or_insert(code);
            } else if RECIPIENT.is_match(before) && s.start > sentence.start {
                recipient.get_or_insert(code);
            }
        }
        if let (Some(r), None, Some(p)) = (
            &recipient,
            &donor,
            program.and_then(|id| self.gazetteer.agreement(id)),
        ) {
            let others: Vec<&String> = p.parties.iter().filter(|c| *c != r).collect();
            if others.len() == 1 {
                donor = Some(others[0].clone());
            }
        }
        (donor, recipient)
    }
}

/// The mentions (sorted by start) that start in `span`, its end included: a superset of
/// those `span` contains, found by binary search.
fn starting_within(mentions: &[Mention], span: Span) -> &[Mention] {
    let from = mentions.partition_point(|m| m.span.start < span.start);
    let to = mentions.partition_point(|m| m.span.start <= span.end);
    &mentions[from..to.max(from)]
}

/// The sentence that holds or overlaps `span` (a binary search: sentences are sorted and
/// disjoint), widened to cover `span` when a figure straddles the cut of a run-on sentence
/// ([`crate::text::MAX_SENTENCE_BYTES`]).
fn sentence_of(sentences: &[(usize, Span)], span: Span) -> Option<Span> {
    let at = sentences.partition_point(|(_, s)| s.end <= span.start);
    sentences
        .get(at)
        .filter(|(_, s)| s.contains(span) || s.overlaps(span))
        .map(|(_, s)| Span::new(s.start.min(span.start), s.end.max(span.end)))
}

/// True when an amount starting right after `before` converts the amount just before it: the
/// text ends with an amount, then "(" or "," and an optional "about", "or", "approximately",
/// … ("US$4 million (about ", "$10 million, or roughly ").
fn is_conversion(before: &str) -> bool {
    const HEDGES: &[&str] = &[
        "about",
        "approximately",
        "roughly",
        "around",
        "some",
        "nearly",
        "almost",
        "or",
        "i.e.",
    ];
    // The last word of `s`: letters, digits and dots after its last other character.
    fn last_word(s: &str) -> &str {
        let cut = s
            .char_indices()
            .rev()
            .find(|&(_, c)| !(c.is_alphanumeric() || c == '.'))
            .map_or(0, |(i, c)| i + c.len_utf8());
        &s[cut..]
    }
    let mut rest = before.trim_end();
    while HEDGES
        .iter()
        .any(|h| last_word(rest).eq_ignore_ascii_case(h))
    {
        rest = rest[..rest.len() - last_word(rest).len()].trim_end();
    }
    let Some(rest) = rest.strip_suffix(['(', ',']) else {
        return false;
    };
    let amount = last_word(rest.trim_end());
    amount.ends_with(|c: char| c.is_ascii_digit())
        || ["thousand", "million", "billion", "trillion", "dollars"]
            .iter()
            .any(|s| amount.eq_ignore_ascii_case(s))
}

/// An explicit Canadian-dollar marker on an amount: "C$", "CA$", "CAD 5", "5 CAD",
/// "(Canadian)", "5 million Canadian dollars". A unit note alone ("(Canadian dollars)" over
/// a table) marks no amount: it says the bare dollars are Canadian.
static CANADIAN_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:(?-u:\b)C\$|(?-u:\b)CA\$|(?-u:\b)CAD(?-u:\b)|\(Canadian\)|(?i:\d(?:\s+(?:thousand|million|billion))?\s+Canadian dollars?(?-u:\b)))",
    )
    .expect("static regex")
});

/// A cell that is one year and nothing else: "2025", " 2026 ".
fn is_bare_year(cell: &str) -> bool {
    let t = cell.trim();
    t.len() == 4
        && t.bytes().all(|b| b.is_ascii_digit())
        && (t.starts_with("19") || t.starts_with("20"))
}

#[cfg(test)]
mod tests {
    use super::super::test_support::extract_paragraph;
    use super::is_conversion;
    use crate::Gazetteer;
    use accord_core::EntityType;
    use accord_gazetteer::CountryEntry;

    /// The currency of each figure of `text`, by its quote.
    fn currencies(text: &str) -> Vec<(String, Option<String>)> {
        let mut gazetteer = Gazetteer::default();
        for (iso3, name, demonym) in [
            ("CAN", "Canada", "Canadian"),
            ("MEX", "Mexico", "Mexican"),
            ("USA", "United States", "American"),
        ] {
            gazetteer.countries.push(CountryEntry {
                iso3: iso3.into(),
                name: name.into(),
                aliases: Vec::new(),
                demonyms: vec![demonym.into()],
            });
        }
        extract_paragraph(&gazetteer, text)
            .into_iter()
            .filter(|m| m.entity_type == EntityType::Funding)
            .map(|m| (m.text, m.value.money.and_then(|v| v.currency)))
            .collect()
    }

    const ABOUT_CANADA: &str = "Canada and Canadian shippers, Canada's ports and Canada's \
        roads: Canada's trade with the United States. Canadian firms lead. ";

    #[test]
    fn bare_dollars_of_a_document_about_canada_are_canadian() {
        let got = currencies(&format!("{ABOUT_CANADA}The program cost $12 million."));
        assert!(
            got.contains(&("$12 million".into(), Some("CAD".into()))),
            "{got:?}"
        );
    }

    #[test]
    fn a_currency_note_names_the_bare_dollars_currency() {
        for (note, code) in [
            (
                "All figures are in Australian dollars unless stated otherwise.",
                "AUD",
            ),
            ("Amounts are in New Zealand dollars.", "NZD"),
            ("All amounts are in U.S. dollars.", "USD"),
            ("Amounts are in Philippine pesos.", "PHP"),
        ] {
            let got = currencies(&format!("{note} The program cost $12 million."));
            assert!(
                got.contains(&("$12 million".into(), Some(code.into()))),
                "{note}: {got:?}"
            );
        }
    }

    #[test]
    fn a_canadian_conversion_of_a_us_amount_leaves_bare_dollars_canadian() {
        let got = currencies(&format!(
            "{ABOUT_CANADA}Congress gave US$3 million (about C$4.1 million) for radios. \
             The program cost $12 million."
        ));
        assert!(
            got.contains(&("$12 million".into(), Some("CAD".into()))),
            "{got:?}"
        );
        assert!(is_conversion("US$3 million (about "));
        assert!(is_conversion("$10 million, or roughly "));
        assert!(is_conversion("2,000 dollars ("));
        assert!(!is_conversion("Trade reached "));
        assert!(!is_conversion("the budget (see "));
    }

    #[test]
    fn marked_canadian_amounts_make_the_bare_ones_us_dollars() {
        let got = currencies(&format!(
            "{ABOUT_CANADA}Trade reached C$48 billion. The program cost $12 million."
        ));
        assert!(
            got.contains(&("$12 million".into(), Some("USD".into()))),
            "{got:?}"
        );
    }
}
