use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// A stable, lowercase ASCII slug for `text`: diacritics removed, `&` read as "and", runs of
/// other characters collapsed to one `-`.
///
/// ```
/// assert_eq!(accord_core::slug("Mérida Initiative"), "merida-initiative");
/// assert_eq!(accord_core::slug("E-Commerce & ICT Working Group"), "e-commerce-and-ict-working-group");
/// ```
pub fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let folded: String = text.nfkd().filter(|c| !is_combining_mark(*c)).collect();
    for c in folded.replace('&', " and ").chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if matches!(c, '\'' | '\u{2019}' | '.') {
            // "Attorney's" → "attorneys", "U.S." → "us"
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// A matching key for names: case-folded, diacritics removed, `&` read as "and", apostrophes,
/// periods and hyphens removed, other punctuation as space, whitespace collapsed, a leading
/// "the" dropped. The same normalisation as the project's scorer (`eval/score.py`).
///
/// ```
/// assert_eq!(accord_core::normalize_key("The U.S. Coast Guard"), "us coast guard");
/// assert_eq!(accord_core::normalize_key("Food & Agriculture"), "food and agriculture");
/// ```
pub fn normalize_key(text: &str) -> String {
    let folded: String = text.nfkd().filter(|c| !is_combining_mark(*c)).collect();
    let lower = folded.to_lowercase().replace('&', " and ");
    let mut out = String::with_capacity(lower.len());
    let mut space = true;
    for c in lower.chars() {
        if matches!(c, '.' | '\'' | '\u{2019}' | '-' | '\u{2010}' | '\u{2011}') {
            continue;
        }
        if c.is_alphanumeric() || c == '_' {
            out.push(c);
            space = false;
        } else if !space {
            out.push(' ');
            space = true;
        }
    }
    let trimmed = out.trim_end();
    trimmed.strip_prefix("the ").unwrap_or(trimmed).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slug_folds_and_collapses() {
        assert_eq!(
            slug("  Canada--U.S. Smart Border "),
            "canada-us-smart-border"
        );
        assert_eq!(
            slug("Attorney's General's office"),
            "attorneys-generals-office"
        );
    }

    #[test]
    fn key_matches_scorer_rules() {
        assert_eq!(
            normalize_key("Bio-Protection Working Group"),
            "bioprotection working group"
        );
        assert_eq!(
            normalize_key("Truckers’ Association"),
            "truckers association"
        );
        assert_eq!(normalize_key("Mexico’s  (SRE)"), "mexicos sre");
        assert_eq!(normalize_key("the"), "the");
    }
}
