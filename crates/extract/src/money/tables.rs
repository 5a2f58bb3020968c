//! Table cells take the scale stated for their table ("(dollars in thousands)"); footnote
//! marks are not figures; figures with no currency are dropped.

use super::figures::{Cur, Figure, Scale};
use super::tokens::{Kind, Tok, year_of};

/// Footnote marks that may follow a number in a table cell: a symbol ("*", "†", "¹"), or a
/// lower-case letter written against the number ("342,750a", "120.0b"), as statistical
/// tables key their notes.
fn is_footnote_mark(toks: &[Tok<'_>], i: usize) -> bool {
    let tok = &toks[i];
    match tok.kind {
        Kind::Punct => "*†‡§¹²³⁴⁵⁶⁷⁸⁹⁰".contains(tok.text),
        Kind::Word => {
            tok.text.len() == 1
                && tok.text.bytes().all(|b| b.is_ascii_lowercase())
                && !tok.spaced
                && i > 0
                && matches!(toks[i - 1].kind, Kind::Num | Kind::Punct)
                && (toks[..i].iter().rev().take_while(|t| t.kind == Kind::Punct))
                    .all(|t| "*†‡§¹²³⁴⁵⁶⁷⁸⁹⁰".contains(t.text))
        }
        Kind::Num => false,
    }
}

pub(super) fn apply_table_scale(toks: &[Tok<'_>], figures: &mut [Figure], factor: f64) {
    let scale = Scale::from_factor(factor);
    let core = toks
        .iter()
        .enumerate()
        .rposition(|(i, _)| !is_footnote_mark(toks, i))
        .map_or(0, |p| p + 1);
    let bare_cell = core == 1 && toks[0].kind == Kind::Num;
    for figure in figures.iter_mut() {
        if bare_cell && figure.first == 0 && figure.currency.is_none() {
            figure.currency = Some(Cur::Unqualified);
            figure.year_like_cell = year_of(&toks[0]).is_some();
            // A letter against a bare cell's number keys a note ("120.0b"): no scale word.
            figure.scale = Scale::None;
            figure.last = 1;
        }
        if figure.currency.is_some() && !figure.has_scale() {
            figure.scale = scale;
            if let Some((_, low_scale @ Scale::None)) = &mut figure.low {
                *low_scale = scale;
            }
        }
    }
}

/// Drops figures without a currency and renumbers change-pair links.
pub(super) fn keep_money(figures: Vec<Figure>) -> Vec<Figure> {
    let mut new_index = vec![None; figures.len()];
    let mut kept = 0;
    for (i, figure) in figures.iter().enumerate() {
        if figure.currency.is_some() {
            new_index[i] = Some(kept);
            kept += 1;
        }
    }
    figures
        .into_iter()
        .filter(|f| f.currency.is_some())
        .map(|mut f| {
            f.pair_from = f.pair_from.and_then(|p| new_index[p]);
            f
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use accord_core::{ParseStatus, Span};

    #[test]
    fn table_cells_take_the_table_scale() {
        let table = MoneyOptions {
            default_currency: Some("USD".into()),
            table_scale: Some(1e6),
        };
        let cases: &[(&str, Option<f64>, ParseStatus)] = &[
            ("465", Some(4.65e8), ParseStatus::Ok),
            ("1,295.5", Some(1.2955e9), ParseStatus::Ok),
            (" 465 ", Some(4.65e8), ParseStatus::Ok),
            ("465¹", Some(4.65e8), ParseStatus::Ok),
            ("465a", Some(4.65e8), ParseStatus::Ok),
            ("1,295.5b", Some(1.2955e9), ParseStatus::Ok),
            ("$465", Some(4.65e8), ParseStatus::Ok),
            ("2008", Some(2.008e9), ParseStatus::Ambiguous),
        ];
        for &(cell, amount, status) in cases {
            let found = find_money(cell, &table);
            assert_eq!(found.len(), 1, "{cell:?}");
            assert_eq!(found[0].money.amount, amount, "{cell:?}");
            assert_eq!(found[0].money.scale, Some(1e6), "{cell:?}");
            assert_eq!(found[0].money.parse_status, status, "{cell:?}");
            assert!(found[0].money.currency_inferred, "{cell:?}");
        }
        let found = find_money(" 465 ", &table);
        assert_eq!(found[0].span, Span::new(1, 4));
        // A letter after a space is a word, not a note key: no bare figure.
        for cell in ["--", "n/a", "FY2008", "Total", "P.L. 110-252", "465 a", "a"] {
            assert_eq!(find_money(cell, &table), Vec::new(), "{cell:?}");
        }
        let thousands = MoneyOptions {
            default_currency: Some("USD".into()),
            table_scale: Some(1e3),
        };
        assert_eq!(find_money("400,000", &thousands)[0].money.amount, Some(4e8));
    }
}
