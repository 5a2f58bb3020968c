//! ISO 4217 currency codes and the currency names that texts write in words.
//!
//! The codes are the `iso_currency` crate's (ISO 4217 list one, as the maintenance agency SIX
//! publishes it: <https://www.six-group.com/en/products-services/financial-information/data-standards.html>),
//! the same list the published schema's currency vocabulary is made of. Fund codes (BOV, CHE,
//! CHW, CLF, COU, MXV, USN, UYI, UYW), precious metals and testing or settlement units (XAD,
//! XAG, XAU, XBA–XBD, XPD, XPT, XSU, XTS, XUA, XXX) are left out: no policy text prices a
//! program in them.

/// Codes of the list that are no money a program is priced in (funds, metals, test units).
const NOT_MONEY: &[&str] = &[
    "BOV", "CHE", "CHW", "CLF", "COU", "MXV", "USN", "UYI", "UYW", "XAD", "XAG", "XAU", "XBA",
    "XBB", "XBC", "XBD", "XPD", "XPT", "XSU", "XTS", "XUA", "XXX",
];

/// The ISO 4217 currency code `code` is (upper case, exact), as a `'static` string; `None`
/// for anything else and for the codes that are no money (fund codes, metals, test units).
#[must_use]
pub fn iso_4217(code: &str) -> Option<&'static str> {
    if NOT_MONEY.contains(&code) {
        return None;
    }
    iso_currency::Currency::from_code(code).map(|c| c.code())
}

/// `code` is an ISO 4217 currency code of [`iso_4217`].
#[must_use]
pub fn is_iso_4217(code: &str) -> bool {
    iso_4217(code).is_some()
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
    ("", "taka", "BDT"),
    ("", "won", "KRW"),
    ("", "kyat", "MMK"),
    ("", "riel", "KHR"),
    ("", "tenge", "KZT"),
    // "CFA francs" read as the West African (UEMOA) franc; the Central African one (XAF) is
    // told apart only when the text writes its code.
    ("cfa", "francs", "XOF"),
    ("cfa", "franc", "XOF"),
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
    BY_NOUN
        .get(noun)?
        .iter()
        .find(|(a, _)| *a == adjective)
        .map(|(_, code)| *code)
}

/// [`CURRENCY_NAMES`] by noun: a hash lookup per word, as the money parser asks for every
/// word after a number.
static BY_NOUN: std::sync::LazyLock<
    std::collections::HashMap<&'static str, Vec<(&'static str, &'static str)>>,
> = std::sync::LazyLock::new(|| {
    let mut map: std::collections::HashMap<&'static str, Vec<(&'static str, &'static str)>> =
        std::collections::HashMap::new();
    for &(adjective, noun, code) in CURRENCY_NAMES {
        map.entry(noun).or_default().push((adjective, code));
    }
    map
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_current_currencies() {
        assert_eq!(iso_4217("XOF"), Some("XOF"));
        assert!(is_iso_4217("PGK") && is_iso_4217("USD"));
        // Funds, metals and lower case are not currencies here.
        assert!(!is_iso_4217("XAU") && !is_iso_4217("USN") && !is_iso_4217("usd"));
        assert!(!is_iso_4217("ABC"));
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
