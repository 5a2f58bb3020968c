//! Bytes to text: encoding detection and character-level clean-up.
//!
//! Accepted encodings: UTF-8 (with or without a byte-order mark), UTF-16 LE/BE with a
//! byte-order mark, and Windows-1252 as a fallback for bytes that are not valid UTF-8.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use crate::repairs::Repairs;
use crate::{Error, Result};

/// Decodes `bytes` to a `String`, refusing empty and binary input.
pub(crate) fn decode(path: &str, bytes: &[u8], repairs: &mut Repairs) -> Result<String> {
    if bytes.is_empty() {
        return Err(Error::Empty {
            path: path.to_owned(),
        });
    }
    let text = match Encoding::for_bom(bytes) {
        Some((encoding, bom_len)) if encoding == UTF_16LE || encoding == UTF_16BE => {
            let body = &bytes[bom_len..];
            let Some(text) = encoding.decode_without_bom_handling_and_without_replacement(body)
            else {
                return Err(Error::Binary {
                    path: path.to_owned(),
                    reason: format!("invalid {} after its byte-order mark", encoding.name()),
                });
            };
            repairs.encoding = Some(encoding.name());
            text.into_owned()
        }
        Some((_, bom_len)) => decode_8bit(path, &bytes[bom_len..], repairs)?,
        None => decode_8bit(path, bytes, repairs)?,
    };
    let controls = text.chars().filter(|&c| is_stray_control(c)).count();
    if controls > 0 && controls * 100 > text.chars().count() {
        return Err(Error::Binary {
            path: path.to_owned(),
            reason: format!("{controls} control characters"),
        });
    }
    let text = if controls > 0 {
        repairs.control_chars += controls;
        text.chars().filter(|&c| !is_stray_control(c)).collect()
    } else {
        text
    };
    if text.trim().is_empty() {
        return Err(Error::Empty {
            path: path.to_owned(),
        });
    }
    Ok(text)
}

/// UTF-8 when valid or nearly so (bad sequences become U+FFFD), otherwise Windows-1252. NUL bytes mean binary data (or UTF-16 without a
/// byte-order mark, which is not accepted).
fn decode_8bit(path: &str, bytes: &[u8], repairs: &mut Repairs) -> Result<String> {
    if bytes.contains(&0) {
        return Err(Error::Binary {
            path: path.to_owned(),
            reason: "contains NUL bytes; UTF-16 needs a byte-order mark".to_owned(),
        });
    }
    if let Some(text) = UTF_8.decode_without_bom_handling_and_without_replacement(bytes) {
        return Ok(text.into_owned());
    }
    // A few bad bytes in UTF-8 text (a truncated copy, one pasted Latin-1 letter) must not
    // turn every "é" of the file into "Ã©": the text stays UTF-8 when it holds at least as
    // many valid multi-byte characters as invalid sequences.
    let (mut valid_multibyte, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        valid_multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += usize::from(!chunk.invalid().is_empty());
    }
    if valid_multibyte >= invalid {
        repairs.invalid_utf8 += invalid;
        return Ok(String::from_utf8_lossy(bytes).into_owned());
    }
    let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
    repairs.encoding = Some(WINDOWS_1252.name());
    Ok(text.into_owned())
}

/// Control characters that have no place in text: C0 except tab, line feed, carriage return
/// and form feed; DEL; C1 (which Windows-1252 decoding yields for its five unassigned bytes).
fn is_stray_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{0C}')
}

/// Character-level clean-up shared by all formats, then NFC.
///
/// - CRLF and lone CR become LF; a form feed (page break) becomes a blank line.
/// - Ligatures (ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ) are spelled out; soft hyphens (U+00AD), zero-width spaces and
///   stray byte-order marks are removed.
/// - No-break and thin spaces stay between two digits ("12 000") and become plain spaces
///   elsewhere.
pub(crate) fn clean_chars(input: &str, repairs: &mut Repairs) -> String {
    let mut out = String::with_capacity(input.len());
    let mut chars = input.chars().peekable();
    let mut prev: Option<char> = None;
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                    repairs.crlf += 1;
                } else {
                    repairs.cr += 1;
                }
                out.push('\n');
            }
            '\u{0C}' => out.push_str("\n\n"),
            '\u{FB00}' => push_ligature(&mut out, "ff", repairs),
            '\u{FB01}' => push_ligature(&mut out, "fi", repairs),
            '\u{FB02}' => push_ligature(&mut out, "fl", repairs),
            '\u{FB03}' => push_ligature(&mut out, "ffi", repairs),
            '\u{FB04}' => push_ligature(&mut out, "ffl", repairs),
            '\u{FB05}' | '\u{FB06}' => push_ligature(&mut out, "st", repairs),
            '\u{00AD}' => {
                repairs.soft_hyphens += 1;
                continue;
            }
            '\u{200B}' | '\u{FEFF}' => continue,
            '\u{00A0}'
            | '\u{2007}'
            | '\u{2009}'
            | '\u{202F}'
            | '\u{2000}'..='\u{2006}'
            | '\u{2008}'
            | '\u{200A}'
            | '\u{3000}' => {
                let between_digits = prev.is_some_and(|p| p.is_ascii_digit())
                    && chars.peek().is_some_and(char::is_ascii_digit);
                out.push(if between_digits { c } else { ' ' });
            }
            _ => out.push(c),
        }
        prev = Some(c);
    }
    nfc(out)
}

fn push_ligature(out: &mut String, spelled: &str, repairs: &mut Repairs) {
    out.push_str(spelled);
    repairs.ligatures += 1;
}

/// `s` in Unicode Normalization Form C (cheap when it already is).
pub(crate) fn nfc(s: String) -> String {
    if is_nfc_quick(s.chars()) == IsNormalized::Yes {
        s
    } else {
        s.nfc().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(bytes: &[u8]) -> (Result<String>, Repairs) {
        let mut r = Repairs::default();
        (decode("x.txt", bytes, &mut r), r)
    }

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(dec(b"caf\xc3\xa9").0.unwrap(), "café");
        assert_eq!(dec(b"\xef\xbb\xbfcaf\xc3\xa9").0.unwrap(), "café");
        assert!(dec(b"abc").1.encoding.is_none());
    }

    #[test]
    fn utf16_with_bom() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Mérida".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("Mérida".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(dec(&le).0.unwrap(), "Mérida");
        assert_eq!(dec(&be).0.unwrap(), "Mérida");
    }

    #[test]
    fn windows_1252_fallback() {
        let (text, r) = dec(b"\x93Caf\xe9\x94 \x96 ok");
        assert_eq!(text.unwrap(), "\u{201C}Café\u{201D} \u{2013} ok");
        assert_eq!(r.encoding, Some("windows-1252"));
    }

    #[test]
    fn utf8_with_a_few_bad_bytes_stays_utf8() {
        let (text, r) = dec(b"M\xc3\xa9rida and M\xc3\xa9xico \xff end \xc3");
        assert_eq!(
            text.unwrap(),
            "M\u{e9}rida and M\u{e9}xico \u{FFFD} end \u{FFFD}"
        );
        assert_eq!((r.encoding, r.invalid_utf8), (None, 2));
        assert_eq!(
            r.warnings()[0],
            "Replaced 2 invalid UTF-8 sequences with U+FFFD (the rest of the file is UTF-8)."
        );
        // Mostly Windows-1252: one accidental valid pair does not make it UTF-8.
        let (text, r) = dec(b"Caf\xe9, M\xe9rida, \xe9t\xe9, \xc3\xa9");
        assert_eq!(r.encoding, Some("windows-1252"));
        assert!(text.unwrap().starts_with("Caf\u{e9}, M\u{e9}rida"));
    }

    #[test]
    fn empty_and_binary_are_errors() {
        assert!(matches!(dec(b"").0, Err(Error::Empty { .. })));
        assert!(matches!(dec(b" \n\t\n").0, Err(Error::Empty { .. })));
        assert!(matches!(
            dec(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").0,
            Err(Error::Binary { .. })
        ));
        assert!(matches!(
            dec(b"\x01\x02\x03\x04abc").0,
            Err(Error::Binary { .. })
        ));
    }

    #[test]
    fn char_cleanup() {
        let mut r = Repairs::default();
        let out = clean_chars(
            "e\u{FB03}cient\r\nco\u{00AD}operation\r12\u{00A0}000 a\u{00A0}b e\u{0301}",
            &mut r,
        );
        assert_eq!(out, "efficient\ncooperation\n12\u{00A0}000 a b é");
        assert_eq!((r.ligatures, r.soft_hyphens, r.crlf, r.cr), (1, 1, 1, 1));
    }
}
