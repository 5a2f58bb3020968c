//! A cap on the attributes of one HTML start tag.
//!
//! html5ever compares each new attribute of a tag with the tag's earlier ones (a duplicate
//! is dropped, as the HTML standard's tokenizer says), which is quadratic in their number:
//! 500,000 attributes on one tag take minutes. No page needs more than a few dozen, and
//! accord reads only a handful (`class`, `id`, `role`, `href`). Past [`MAX_ATTRIBUTES`], the
//! rest of a tag's attributes are dropped before parsing, and the document says how many.

use std::borrow::Cow;

/// Most attributes kept on one start tag.
pub(crate) const MAX_ATTRIBUTES: usize = 1_000;

/// `source` with every start tag cut to its first [`MAX_ATTRIBUTES`] attributes, and how
/// many attributes were dropped. One linear scan; `source` comes back borrowed when no tag
/// has more. The scan follows the tokenizer's attribute syntax (names, `=`, quoted or bare
/// values) well enough to count; it changes nothing unless a tag passes the cap.
pub(crate) fn cap_attributes(source: &str) -> (Cow<'_, str>, usize) {
    let bytes = source.as_bytes();
    let mut cuts: Vec<(usize, usize, usize)> = Vec::new(); // (from, to, dropped)
    let mut i = 0;
    while let Some(lt) = memchr(b'<', &bytes[i..]) {
        i += lt + 1;
        if !bytes.get(i).is_some_and(u8::is_ascii_alphabetic) {
            continue;
        }
        // The tag name.
        while i < bytes.len() && !is_space(bytes[i]) && bytes[i] != b'/' && bytes[i] != b'>' {
            i += 1;
        }
        let mut count = 0;
        let mut kept_end = i;
        loop {
            while i < bytes.len() && (is_space(bytes[i]) || bytes[i] == b'/') {
                i += 1;
            }
            if i >= bytes.len() || bytes[i] == b'>' {
                break;
            }
            // The name (a first `=` belongs to it, as in the standard).
            i += 1;
            while i < bytes.len() && !is_space(bytes[i]) && !matches!(bytes[i], b'/' | b'>' | b'=')
            {
                i += 1;
            }
            let mut j = i;
            while j < bytes.len() && is_space(bytes[j]) {
                j += 1;
            }
            if bytes.get(j) == Some(&b'=') {
                i = j + 1;
                while i < bytes.len() && is_space(bytes[i]) {
                    i += 1;
                }
                match bytes.get(i) {
                    Some(&q @ (b'"' | b'\'')) => {
                        i += 1;
                        i += memchr(q, &bytes[i..]).map_or(bytes.len() - i, |n| n + 1);
                    }
                    _ => {
                        while i < bytes.len() && !is_space(bytes[i]) && bytes[i] != b'>' {
                            i += 1;
                        }
                    }
                }
            }
            count += 1;
            if count == MAX_ATTRIBUTES {
                kept_end = i;
            }
        }
        if count > MAX_ATTRIBUTES {
            cuts.push((kept_end, i.min(bytes.len()), count - MAX_ATTRIBUTES));
        }
    }
    if cuts.is_empty() {
        return (Cow::Borrowed(source), 0);
    }
    let mut out = String::with_capacity(source.len());
    let mut at = 0;
    let mut dropped = 0;
    for (from, to, n) in cuts {
        out.push_str(&source[at..from]);
        at = to;
        dropped += n;
    }
    out.push_str(&source[at..]);
    (Cow::Owned(out), dropped)
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

fn memchr(needle: u8, haystack: &[u8]) -> Option<usize> {
    haystack.iter().position(|&b| b == needle)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fmt::Write as _;

    /// `n` attributes written by `one`.
    fn attributes(n: usize, one: impl Fn(usize) -> String) -> String {
        (0..n).fold(String::new(), |mut out, i| {
            let _ = write!(out, "{}", one(i));
            out
        })
    }

    #[test]
    fn ordinary_pages_come_back_unchanged_and_borrowed() {
        let page = r#"<html><body><p class="lead" id=x data-a='1 > 2' hidden>Text <b>here</b>.</p><script>if (a<b) {}</script></body></html>"#;
        let (out, dropped) = cap_attributes(page);
        assert!(matches!(out, Cow::Borrowed(_)));
        assert_eq!(dropped, 0);
    }

    #[test]
    fn a_tag_past_the_cap_keeps_its_first_attributes_and_its_text() {
        let attrs = attributes(MAX_ATTRIBUTES + 250, |i| format!(" a{i}=\"v {i}\""));
        let page = format!("<p{attrs}>Text here.</p><p class=\"next\">More.</p>");
        let (out, dropped) = cap_attributes(&page);
        assert_eq!(dropped, 250);
        let last_kept = format!(" a{}=\"v {}\"", MAX_ATTRIBUTES - 1, MAX_ATTRIBUTES - 1);
        assert!(
            out.contains(&format!("{last_kept}>Text here.</p>")),
            "{out:.200}"
        );
        assert!(!out.contains(&format!(" a{MAX_ATTRIBUTES}=")));
        assert!(out.ends_with("<p class=\"next\">More.</p>"));
    }

    #[test]
    fn an_unclosed_tag_at_the_end_is_cut_too() {
        let attrs = attributes(MAX_ATTRIBUTES + 2, |i| format!(" b{i}"));
        let page = format!("<div>Before</div><i{attrs}");
        let (out, dropped) = cap_attributes(&page);
        assert_eq!(dropped, 2);
        assert!(out.starts_with("<div>Before</div><i b0 b1"));
    }
}
