//! ISO 4217 currency codes and the currency names that texts write in words.
//!
//! Source: ISO 4217, "Codes for the representation of currencies", list one (current
//! currencies and funds), as the maintenance agency SIX publishes it
//! (<https://www.six-group.com/en/products-services/financial-information/data-standards.html>),
//! amendments to 2025 (XCG replacing ANG, ZWG, SLE, VED). Fund codes (BOV, CHE, CHW, CLF, COU,
//! MXV, USN, UYI, UYW), precious metals and testing codes (XAG, XAU, XPD, XPT, XTS, XXX, the
//! bond-market units XBA–XBD, XSU, XUA) are left out: no policy text prices a program in them.

/// Current ISO 4217 currency codes, sorted (for [`is_iso_4217`]'s binary search).
pub const ISO_4217: &[&str] = &[
    "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT",
    "BGN", "BHD", "BIF", "BMD", "BND", "BOB", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD",
    "CDF", "CHF", "CLP", "CNY", "COP", "CRC", "CUP", "CVE", "CZK", "DJF", "DKK", "DOP", "DZD",
    "EGP", "ERN", "ETB", "EUR", "FJD", "FKP", "GBP", "GEL", "GHS", "GIP", "GMD", "GNF", "GTQ",
    "GYD", "HKD", "HNL", "HTG", "HUF", "IDR", "ILS", "INR", "IQD", "IRR", "ISK", "JMD", "JOD",
    "JPY", "KES", "KGS", "KHR", "KMF", "KPW", "KRW", "KWD", "KYD", "KZT", "LAK", "LBP", "LKR",
    "LRD", "LSL", "LYD", "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR",
    "MWK", "MXN", "MYR", "MZN", "NAD", "NGN", "NIO", "NOK", "NPR", "NZD", "OMR", "PAB", "PEN",
    "PGK", "PHP", "PKR", "PLN", "PYG", "QAR", "RON", "RSD", "RUB", "RWF", "SAR", "SBD", "SCR",
    "SDG", "SEK", "SGD", "SHP", "SLE", "SLL", "SOS", "SRD", "SSP", "STN", "SVC", "SYP", "SZL",
    "THB", "TJS", "TMT", "TND", "TOP", "TRY", "TTD", "TWD", "TZS", "UAH", "UGX", "USD", "UYU",
    "UZS", "VED", "VES", "VND", "VUV", "WST", "XAF", "XCD", "XCG", "XDR", "XOF", "XPF", "YER",
    "ZAR", "ZMW", "ZWG", "ZWL",
];

/// `code` is a current ISO 4217 currency code of [`ISO_4217`] (upper case, exact).
#[must_use]
pub fn is_iso_4217(code: &str) -> bool {
    ISO_4217.binary_search(&code).is_ok()
}

/// Currency names written in words after an amount, as `(adjective, noun, code)`: "Norwegian
/// kroner" → NOK. An empty adjective means the noun alone names one currency ("yen"). Nouns
/// shared by several currencies (dollars, pesos, francs, rupees, kroner, shillings, dinars,
/// riyals, dirhams, pounds) need their adjective; bare "dollars" and "pesos" are the money
/// parser's to settle from the document. Lower case; plural and singular forms both listed
/// where texts use both. Source: the ISO 4217 currency names and their country adjectives.
pub const CURRENCY_NAMES: &[(&str, &str, &str)] = &[
    ("", "yen", "JPY"),
    ("", "yuan", "CNY"),
    ("", "renminbi", "CNY"),
    ("", "rand", "ZAR"),
    ("", "naira", "NGN"),
    ("", "cedis", "GHS"),
    ("", "cedi", "GHS"),
    ("", "rupiah", "IDR"),
    ("", "ringgit", "MYR"),
    ("", "baht", "THB"),
    ("", "hryvnias", "UAH"),
    ("", "hryvnia", "UAH"),
    ("", "rubles", "RUB"),
    ("", "roubles", "RUB"),
    ("", "zlotys", "PLN"),
    ("", "zloty", "PLN"),
    ("", "forints", "HUF"),
    ("", "forint", "HUF"),
    ("", "shekels", "ILS"),
    ("", "quetzales", "GTQ"),
    ("", "quetzals", "GTQ"),
    ("", "lempiras", "HNL"),
    ("", "córdobas", "NIO"),
    ("", "reais", "BRL"),
    ("", "kina", "PGK"),
    ("japanese", "yen", "JPY"),
    ("chinese", "yuan", "CNY"),
    ("korean", "won", "KRW"),
    ("brazilian", "reais", "BRL"),
    ("brazilian", "real", "BRL"),
    ("swiss", "francs", "CHF"),
    ("swiss", "franc", "CHF"),
    ("congolese", "francs", "CDF"),
    ("rwandan", "francs", "RWF"),
    ("guinean", "francs", "GNF"),
    ("burundian", "francs", "BIF"),
    ("norwegian", "kroner", "NOK"),
    ("norwegian", "krone", "NOK"),
    ("danish", "kroner", "DKK"),
    ("danish", "krone", "DKK"),
    ("swedish", "kronor", "SEK"),
    ("swedish", "krona", "SEK"),
    ("icelandic", "krónur", "ISK"),
    ("icelandic", "kronur", "ISK"),
    ("indian", "rupees", "INR"),
    ("pakistani", "rupees", "PKR"),
    ("nepalese", "rupees", "NPR"),
    ("mauritian", "rupees", "MUR"),
    ("lankan", "rupees", "LKR"),
    ("kenyan", "shillings", "KES"),
    ("ugandan", "shillings", "UGX"),
    ("tanzanian", "shillings", "TZS"),
    ("somali", "shillings", "SOS"),
    ("british", "pounds", "GBP"),
    ("egyptian", "pounds", "EGP"),
    ("kuwaiti", "dinars", "KWD"),
    ("jordanian", "dinars", "JOD"),
    ("bahraini", "dinars", "BHD"),
    ("iraqi", "dinars", "IQD"),
    ("tunisian", "dinars", "TND"),
    ("algerian", "dinars", "DZD"),
    ("serbian", "dinars", "RSD"),
    ("libyan", "dinars", "LYD"),
    ("saudi", "riyals", "SAR"),
    ("qatari", "riyals", "QAR"),
    ("omani", "rials", "OMR"),
    ("iranian", "rials", "IRR"),
    ("yemeni", "rials", "YER"),
    ("emirati", "dirhams", "AED"),
    ("uae", "dirhams", "AED"),
    ("moroccan", "dirhams", "MAD"),
    ("american", "dollars", "USD"),
    ("canadian", "dollars", "CAD"),
    ("australian", "dollars", "AUD"),
    ("zealand", "dollars", "NZD"),
    ("singapore", "dollars", "SGD"),
    ("kong", "dollars", "HKD"),
    ("taiwan", "dollars", "TWD"),
    ("jamaican", "dollars", "JMD"),
    ("fijian", "dollars", "FJD"),
    ("namibian", "dollars", "NAD"),
    ("guyanese", "dollars", "GYD"),
    ("surinamese", "dollars", "SRD"),
    ("bahamian", "dollars", "BSD"),
    ("barbadian", "dollars", "BBD"),
    ("belize", "dollars", "BZD"),
    ("liberian", "dollars", "LRD"),
    ("brunei", "dollars", "BND"),
    ("mexican", "pesos", "MXN"),
    ("mexican", "peso", "MXN"),
    ("philippine", "pesos", "PHP"),
    ("colombian", "pesos", "COP"),
    ("chilean", "pesos", "CLP"),
    ("argentine", "pesos", "ARS"),
    ("argentinian", "pesos", "ARS"),
    ("uruguayan", "pesos", "UYU"),
    ("dominican", "pesos", "DOP"),
    ("cuban", "pesos", "CUP"),
];

/// The ISO 4217 code of a currency written in words: `adjective` (lower case, empty when
/// none) and `noun` (lower case) as [`CURRENCY_NAMES`] lists them. A noun that needs its
/// adjective gives `None` without one.
#[must_use]
pub fn currency_of_name(adjective: &str, noun: &str) -> Option<&'static str> {
    CURRENCY_NAMES
        .iter()
        .find(|(a, n, _)| *a == adjective && *n == noun)
        .map(|(_, _, code)| *code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_code_list_is_sorted_unique_and_three_capitals() {
        assert!(ISO_4217.windows(2).all(|w| w[0] < w[1]));
        assert!(
            ISO_4217
                .iter()
                .all(|c| c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase()))
        );
        assert!(is_iso_4217("XOF") && is_iso_4217("PGK") && is_iso_4217("USD"));
        // Funds, metals and lower case are not currencies here.
        assert!(!is_iso_4217("XAU") && !is_iso_4217("USN") && !is_iso_4217("usd"));
    }

    #[test]
    fn every_name_gives_a_listed_code() {
        assert!(CURRENCY_NAMES.iter().all(|(_, _, code)| is_iso_4217(code)));
        assert_eq!(currency_of_name("norwegian", "kroner"), Some("NOK"));
        assert_eq!(currency_of_name("", "yen"), Some("JPY"));
        // A shared noun needs its adjective.
        assert_eq!(currency_of_name("", "kroner"), None);
        assert_eq!(currency_of_name("", "rupees"), None);
    }
}
