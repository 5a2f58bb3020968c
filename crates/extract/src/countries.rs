//! Country names, abbreviations and demonyms → ISO 3166-1 alpha-3, from `countries.csv`.

use crate::matcher::fold_diacritics;
use accord_core::Span;
use accord_gazetteer::Gazetteer;
use rustc_hash::{FxHashMap, FxHashSet};

/// Lookup of country forms. Abbreviations (`U.S.`, `US`, `EE.UU.`) match case-sensitively;
/// names and demonyms match when capitalised (`Mexican`, not `mexican`), diacritics ignored.
#[derive(Debug, Clone, Default)]
pub(crate) struct Countries {
    exact: FxHashMap<String, String>,
    names: FxHashMap<String, String>,
    /// Every leading part (at a char boundary) of the `exact` forms and the `names` keys:
    /// a phrase whose first word is neither cannot be a country form.
    exact_prefixes: FxHashSet<String>,
    name_prefixes: FxHashSet<String>,
    /// Forms that name a state or province rather than the country itself (folded,
    /// lower-case).
    subdivision_forms: FxHashSet<String>,
    /// Longest name in words, for multi-word scans.
    max_words: usize,
}

impl Countries {
    pub(crate) fn new(gazetteer: &Gazetteer) -> Self {
        let mut c = Countries::default();
        for entry in &gazetteer.countries {
            let forms = std::iter::once(&entry.name)
                .chain(&entry.aliases)
                .chain(&entry.demonyms);
            for form in forms {
                let form = form.trim();
                if form.is_empty() {
                    continue;
                }
                let upper = form.chars().filter(|ch| ch.is_uppercase()).count();
                let lower = form.chars().filter(|ch| ch.is_lowercase()).count();
                if upper >= 2 && lower <= 2 && !form.contains(' ') {
                    c.exact
                        .entry(form.to_owned())
                        .or_insert_with(|| entry.iso3.clone());
                } else {
                    c.max_words = c.max_words.max(form.split_whitespace().count());
                    c.names
                        .entry(fold_diacritics(form).to_lowercase())
                        .or_insert_with(|| entry.iso3.clone());
                }
            }
        }
        // A state or province names its country ("Chihuahua-Texas" is MEX and USA); a
        // country keeps its own name where a subdivision shares it.
        for entry in &gazetteer.subdivisions {
            for form in std::iter::once(&entry.name).chain(&entry.aliases) {
                let form = form.trim();
                if form.is_empty() {
                    continue;
                }
                c.max_words = c.max_words.max(form.split_whitespace().count());
                let key = fold_diacritics(form).to_lowercase();
                if !c.names.contains_key(&key) {
                    c.subdivision_forms.insert(key.clone());
                    c.names.insert(key, entry.country.clone());
                }
            }
        }
        let prefixes = |keys: &FxHashMap<String, String>| -> FxHashSet<String> {
            keys.keys()
                .flat_map(|k| {
                    k.char_indices()
                        .skip(1)
                        .map(|(at, _)| &k[..at])
                        .chain([k.as_str()])
                })
                .map(str::to_owned)
                .collect()
        };
        c.exact_prefixes = prefixes(&c.exact);
        c.name_prefixes = prefixes(&c.names);
        c
    }

    /// Whether no phrase of two or more words that starts with `first` (followed in the
    /// text by white space) can be a country form. Only answers for ASCII words (else
    /// `false`): a phrase's key then starts with the word lower-cased.
    fn no_phrase_starts_with(&self, first: &str) -> bool {
        let mut buf = [0u8; 64];
        if !first.is_ascii() || first.len() > buf.len() || self.exact_prefixes.contains(first) {
            return false;
        }
        let lower = &mut buf[..first.len()];
        lower.copy_from_slice(first.as_bytes());
        lower.make_ascii_lowercase();
        std::str::from_utf8(lower).is_ok_and(|l| !self.name_prefixes.contains(l))
    }

    /// The country one word or phrase names (`Canada`, `U.S.`, `Mexican`, `United States`).
    /// True when `phrase` (a phrase [`Countries::find`] returned) names a state or
    /// province, not the country itself.
    pub(crate) fn is_subdivision(&self, phrase: &str) -> bool {
        !self.subdivision_forms.is_empty()
            && self
                .subdivision_forms
                .contains(&fold_diacritics(phrase.trim_end_matches(['\'', '’'])).to_lowercase())
    }

    pub(crate) fn lookup(&self, form: &str) -> Option<&str> {
        let mut form = form.trim_end_matches(['\'', '’']);
        for possessive in ["’s", "'s"] {
            while let Some(stem) = form.strip_suffix(possessive) {
                form = stem;
            }
        }
        if let Some(code) = self.exact.get(form) {
            return Some(code);
        }
        if !form.chars().next().is_some_and(char::is_uppercase) {
            return None;
        }
        // ASCII text is its own NFKD form without combining marks: lower-case it in place
        // of folding, without allocating.
        let mut buf = [0u8; 64];
        if form.is_ascii() && form.len() <= buf.len() {
            let lower = &mut buf[..form.len()];
            lower.copy_from_slice(form.as_bytes());
            lower.make_ascii_lowercase();
            let lower = std::str::from_utf8(lower).ok()?;
            return self.names.get(lower).map(String::as_str);
        }
        self.names
            .get(&fold_diacritics(form).to_lowercase())
            .map(String::as_str)
    }

    /// Countries of a hyphen, en-dash or slash compound (`Canada-U.S.`, `US-Mexican`,
    /// `Canada/US`); `None` unless every part is a country and there are at least two.
    pub(crate) fn compound(&self, word: &str) -> Option<Vec<String>> {
        // A byte test first: this runs on every word of every text. 0xE2 leads the UTF-8
        // of the en dash (and of other punctuation, which the split below tells apart).
        if !word.bytes().any(|b| matches!(b, b'-' | b'/' | 0xE2)) {
            return None;
        }
        let parts: Vec<&str> = word
            .split(['-', '–', '/'])
            .filter(|p| !p.is_empty())
            .collect();
        if parts.len() < 2 {
            return None;
        }
        let mut codes: Vec<String> = Vec::new();
        for part in parts {
            let code = self.lookup(part)?;
            if !codes.iter().any(|c| c == code) {
                codes.push(code.to_owned());
            }
        }
        codes.sort();
        (codes.len() >= 2).then_some(codes)
    }

    /// Every country named in `text[span]`, with spans, longest phrase first at each word.
    ///
    /// The words are read through a window of the longest country phrase, so memory stays
    /// flat whatever the length of `span`.
    pub(crate) fn find(&self, text: &str, span: Span) -> Vec<(Span, String)> {
        let window = self.max_words.max(1);
        let mut words = crate::text::token_iter(text, span);
        let mut tokens: std::collections::VecDeque<crate::text::Token<'_>> =
            std::collections::VecDeque::with_capacity(window);
        let mut out = Vec::new();
        loop {
            while tokens.len() < window {
                match words.next() {
                    Some(t) => tokens.push_back(t),
                    None => break,
                }
            }
            if tokens.is_empty() {
                break;
            }
            let mut found = None;
            let mut longest = window.min(tokens.len());
            // The trimming in `lookup` stops at white space: a longer phrase keeps its first
            // word whole.
            let spaced = text[tokens[0].span.end..].starts_with(char::is_whitespace);
            if longest > 1 && spaced && self.no_phrase_starts_with(tokens[0].text) {
                longest = 1;
            }
            for n in (1..=longest).rev() {
                let s = Span::new(tokens[0].span.start, tokens[n - 1].span.end);
                let phrase = &text[s.start..s.end];
                if let Some(code) = self.lookup(phrase) {
                    found = Some((n, s, vec![code.to_owned()]));
                    break;
                }
                if let (1, Some(codes)) = (n, self.compound(phrase)) {
                    found = Some((1, s, codes));
                }
            }
            let advance = match found {
                Some((n, s, codes)) => {
                    for code in codes {
                        out.push((s, code));
                    }
                    n
                }
                None => 1,
            };
            tokens.drain(..advance);
        }
        out
    }
}

/// The countries of one whole text, found once (on first use) to answer for its parts:
/// a part whose ends touch white space (or the text's ends) and cut no country phrase has
/// exactly the countries of the whole that lie inside it, since a word never holds white
/// space. Other parts are scanned on their own.
pub(crate) struct CountryScan<'a> {
    countries: &'a Countries,
    text: &'a str,
    found: std::cell::OnceCell<Vec<(Span, String)>>,
}

impl<'a> CountryScan<'a> {
    /// The countries this scan looks for.
    pub(crate) fn countries(&self) -> &'a Countries {
        self.countries
    }

    pub(crate) fn new(countries: &'a Countries, text: &'a str) -> Self {
        Self {
            countries,
            text,
            found: std::cell::OnceCell::new(),
        }
    }

    /// The same as [`Countries::find`] on `text[span]`.
    pub(crate) fn find(&self, span: Span) -> Vec<(Span, String)> {
        let text = self.text;
        let open_before = |at: usize| at == 0 || text[..at].ends_with(char::is_whitespace);
        let open_after =
            |at: usize| at == text.len() || text[at..].starts_with(char::is_whitespace);
        if !(open_before(span.start) && open_after(span.end)) {
            return self.countries.find(text, span);
        }
        let found = self
            .found
            .get_or_init(|| self.countries.find(text, Span::new(0, text.len())));
        // Found phrases do not overlap: their ends rise with their starts.
        let cut = |at: usize| {
            let i = found.partition_point(|(s, _)| s.end <= at);
            found.get(i).is_some_and(|(s, _)| s.start < at)
        };
        if cut(span.start) || cut(span.end) {
            return self.countries.find(text, span);
        }
        let from = found.partition_point(|(s, _)| s.start < span.start);
        let to = found.partition_point(|(s, _)| s.end <= span.end);
        found[from..to.max(from)].to_vec()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use accord_gazetteer::CountryEntry;

    fn countries() -> Countries {
        let entry = |iso3: &str, name: &str, aliases: &[&str], demonyms: &[&str]| CountryEntry {
            iso3: iso3.to_owned(),
            name: name.to_owned(),
            aliases: aliases.iter().map(|s| (*s).to_owned()).collect(),
            demonyms: demonyms.iter().map(|s| (*s).to_owned()).collect(),
        };
        let gazetteer = Gazetteer {
            countries: vec![
                entry(
                    "USA",
                    "United States",
                    &["U.S.", "US", "United States of America"],
                    &["American"],
                ),
                entry("CAN", "Canada", &[], &["Canadian"]),
                entry(
                    "MEX",
                    "Mexico",
                    &["México", "Estados Unidos Mexicanos"],
                    &["Mexican"],
                ),
            ],
            subdivisions: vec![
                accord_gazetteer::SubdivisionEntry {
                    code: "US-TX".into(),
                    name: "Texas".into(),
                    aliases: Vec::new(),
                    country: "USA".into(),
                },
                accord_gazetteer::SubdivisionEntry {
                    code: "US-NM".into(),
                    name: "New Mexico".into(),
                    aliases: Vec::new(),
                    country: "USA".into(),
                },
                accord_gazetteer::SubdivisionEntry {
                    code: "MX-CHH".into(),
                    name: "Chihuahua".into(),
                    aliases: Vec::new(),
                    country: "MEX".into(),
                },
                // A subdivision that shares a country's name never takes it over.
                accord_gazetteer::SubdivisionEntry {
                    code: "MX-MEX".into(),
                    name: "México".into(),
                    aliases: Vec::new(),
                    country: "XXX".into(),
                },
            ],
            ..Gazetteer::default()
        };
        Countries::new(&gazetteer)
    }

    #[test]
    fn a_state_or_province_names_its_country() {
        let c = countries();
        assert_eq!(c.lookup("Texas"), Some("USA"));
        assert_eq!(c.lookup("México"), Some("MEX"));
        assert_eq!(
            c.compound("Chihuahua-Texas"),
            Some(vec!["MEX".to_owned(), "USA".to_owned()])
        );
        let text = "Officials from New Mexico and Chihuahua met.";
        let found: Vec<String> = c
            .find(text, Span::new(0, text.len()))
            .into_iter()
            .map(|(_, code)| code)
            .collect();
        assert_eq!(found, ["USA", "MEX"], "New Mexico is no Mexico");
        assert!(c.is_subdivision("Texas") && c.is_subdivision("New Mexico"));
        assert!(!c.is_subdivision("México") && !c.is_subdivision("Canada"));
    }

    #[test]
    fn lookup_reads_abbreviations_names_possessives_and_accents() {
        let c = countries();
        assert_eq!(c.lookup("U.S."), Some("USA"));
        assert_eq!(c.lookup("Canada’s"), Some("CAN"));
        assert_eq!(c.lookup("Mexico's"), Some("MEX"));
        assert_eq!(c.lookup("MEXICO"), Some("MEX"));
        assert_eq!(c.lookup("Mexico"), Some("MEX"));
        assert_eq!(c.lookup("México"), Some("MEX"));
        assert_eq!(c.lookup("united States"), None);
        assert_eq!(c.lookup("us"), None);
        assert_eq!(
            c.compound("Canada-U.S."),
            Some(vec!["CAN".to_owned(), "USA".to_owned()])
        );
        assert_eq!(c.compound("Canada"), None);
    }

    #[test]
    fn scan_of_the_whole_answers_for_every_part_as_a_scan_of_the_part() {
        let c = countries();
        let text = "The United States of America and Canada met.  Mexican officials, the \
                    United\nStates and México’s envoy (U.S./Canada) agreed.\n\nCanada-Mexico \
                    talks: United States";
        let scan = CountryScan::new(&c, text);
        let bounds: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        for &start in &bounds {
            for &end in bounds.iter().filter(|&&e| e >= start) {
                let span = Span::new(start, end);
                assert_eq!(
                    scan.find(span),
                    c.find(text, span),
                    "{:?}",
                    &text[start..end]
                );
            }
        }
        // "United\nStates" is no form; the compound names two countries.
        let codes: Vec<String> = scan
            .find(Span::new(0, text.len()))
            .into_iter()
            .map(|(_, c)| c)
            .collect();
        assert_eq!(
            codes,
            [
                "USA", "CAN", "MEX", "MEX", "USA", "CAN", "CAN", "MEX", "USA"
            ]
        );
    }
}
