//! Country names, abbreviations and demonyms → ISO 3166-1 alpha-3, from `countries.csv`.

use crate::gazetteer::Gazetteer;
use crate::matcher::fold_diacritics;
use accord_core::Span;
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
        if !word.contains(['-', '–', '/']) {
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
    pub(crate) fn find(&self, text: &str, span: Span) -> Vec<(Span, String)> {
        let tokens = crate::text::tokens(text, span);
        let mut out = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            let mut found = None;
            let mut longest = self.max_words.max(1).min(tokens.len() - i);
            // The trimming in `lookup` stops at white space: a longer phrase keeps its first
            // word whole.
            let spaced = text[tokens[i].span.end..].starts_with(char::is_whitespace);
            if longest > 1 && spaced && self.no_phrase_starts_with(tokens[i].text) {
                longest = 1;
            }
            for n in (1..=longest).rev() {
                let s = Span::new(tokens[i].span.start, tokens[i + n - 1].span.end);
                let phrase = &text[s.start..s.end];
                if let Some(code) = self.lookup(phrase) {
                    found = Some((n, s, vec![code.to_owned()]));
                    break;
                }
                if let (1, Some(codes)) = (n, self.compound(phrase)) {
                    found = Some((1, s, codes));
                }
            }
            if let Some((n, s, codes)) = found {
                for code in codes {
                    out.push((s, code));
                }
                i += n;
            } else {
                i += 1;
            }
        }
        out
    }
}
