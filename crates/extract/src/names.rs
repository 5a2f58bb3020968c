//! Name patterns: capitalised phrases ending in a head noun (Agency, Command, Agreement,
//! Working Group, …), acronym definitions (Schwartz & Hearst 2003, both orders), and list
//! expansion ("…Energy Working Group, Transport, and Trade").

use crate::text::Token;
use accord_core::{AGREEMENT_HEAD_NOUNS, AgreementKind, EntityType, Rule, Span};

/// Head nouns of organisation names (English, French, Spanish).
const AGENCY_HEADS: &[&str] = &[
    "Agency",
    "Agencies",
    "Service",
    "Services",
    "Department",
    "Ministry",
    "Secretariat",
    "Office",
    "Bureau",
    "Command",
    "Police",
    "Guard",
    "Council",
    "Commission",
    "Board",
    "Center",
    "Centre",
    "Centers",
    "Centres",
    "Institute",
    "Institution",
    "Association",
    "Authority",
    "Directorate",
    "Committee",
    "Army",
    "Navy",
    "Forces",
    "Force",
    "Corps",
    "Court",
    "Tribunal",
    "Unit",
    "Foundation",
    "Chamber",
    "Team",
    "Teams",
    "Congress",
    "Senate",
    "Parliament",
    "Organization",
    "Organisation",
    "Administration",
    "University",
    "Bank",
    "Survey",
    "Inc",
    "Ltd",
    "LLC",
    "Corporation",
    "Corp",
    "Company",
    "Holdings",
    "Laboratory",
    "Laboratories",
    "School",
    "Academy",
    "Coalition",
    "Network",
    "Cell",
    "Constabulary",
];

/// Head nouns of Spanish and French organisation names, which take their adjectives after
/// them ("Agencia Nacional de Aduanas").
pub(crate) const ROMANCE_HEADS: &[&str] = &[
    "Secretaría",
    "Procuraduría",
    "Policía",
    "Centro",
    "Instituto",
    "Agencia",
    "Comisión",
    "Consejo",
    "Ejército",
    "Armada",
    "Guardia",
    "Cámara",
    "Sistema",
    "Ministère",
    "Gendarmerie",
    "Servicio",
    "Universidad",
    "Université",
    "Universidade",
    "Fundación",
    "Ministerio",
    "Departamento",
    "Dirección",
    "Fiscalía",
    "Oficina",
    "Comité",
    "Banco",
    "Direction",
    "Korps",
];

/// Lowercase agreement heads accepted after an acronym or a capitalised modifier
/// ("NORAD treaty", "IBETS program", "Smart Border agreements").
const LOWER_AGREEMENT_HEADS: &[(&str, &str)] = &[
    ("agreement", "agreement"),
    ("agreements", "agreement"),
    ("accord", "agreement"),
    ("accords", "agreement"),
    ("treaty", "treaty"),
    ("program", "program"),
    ("programme", "program"),
    ("declaration", "declaration"),
];

/// Lowercase organisation heads accepted only right before an acronym definition
/// ("the Solicitor General's office (SGO)").
const LOWER_AGENCY_HEADS: &[&str] = &[
    "office",
    "agency",
    "service",
    "department",
    "ministry",
    "secretariat",
    "bureau",
    "police",
    "center",
    "centre",
    "council",
    "commission",
];

/// Singular organisation heads whose complement may be a title-case list of portfolios
/// ("Ministry of Economy, Trade and Industry", "Office of Cybersecurity, Energy Security,
/// and Emergency Response"): one body with several remits. Plural heads are distributive
/// ("Departments of State and Energy" are two; `extractor/distributive.rs`).
const PORTFOLIO_HEADS: &[&str] = &[
    "Ministry",
    "Ministère",
    "Department",
    "Office",
    "Secretariat",
    "Directorate",
    "Bureau",
    "Division",
    "Committee",
];

/// Words before "Facility" that make it a building, a plant or a site, not a funding
/// instrument.
const PHYSICAL_FACILITY_WORDS: &[&str] = &[
    "Detention",
    "Correctional",
    "Holding",
    "Processing",
    "Training",
    "Storage",
    "Production",
    "Research",
    "Test",
    "Testing",
    "Manufacturing",
    "Fabrication",
    "Assembly",
    "Nuclear",
    "Enrichment",
    "Reprocessing",
    "Medical",
    "Health",
    "Treatment",
    "Port",
    "Launch",
    "Reception",
    "Inspection",
    "Border",
    "Maintenance",
    "Logistics",
    "Naval",
    "Military",
    "Airport",
    "Laboratory",
    "Data",
    "Computing",
    "Energy",
    "Power",
    "Gas",
    "LNG",
    "Water",
    "Waste",
];

/// Words of which one, among the four before "Facility", makes it a funding instrument
/// ("European Peace Facility", "Rapid Financing Facility", "Support Facility").
const FUNDING_FACILITY_WORDS: &[&str] = &[
    "Finance",
    "Financing",
    "Financial",
    "Fund",
    "Investment",
    "Infrastructure",
    "Peace",
    "Resilience",
    "Growth",
    "Support",
    "Credit",
    "Lending",
    "Loan",
    "Grant",
    "Guarantee",
    "Insurance",
    "Recovery",
    "Transition",
    "Neighbourhood",
    "Neighborhood",
    "Concessional",
    "Catalytic",
    "Climate",
    "Liquidity",
    "Assistance",
    "Capital",
    "Security",
];

/// Connectors allowed inside a name.
const CONNECTORS: &[&str] = &[
    "of", "and", "for", "on", "the", "de", "del", "la", "las", "los", "y", "des", "du", "et", "&",
    "d'", "on", "in",
];

/// Capitalised words that start sentences or clauses but never start a name.
const STOP_CAPITALS: &[&str] = &[
    // A memorandum's addressee line: "MEMORANDUM FOR: Administrator Federal … Agency".
    "Administrator",
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "By",
    "For",
    "From",
    "With",
    "While",
    "When",
    "Since",
    "As",
    "And",
    "But",
    "Or",
    "Of",
    "To",
    "This",
    "That",
    "These",
    "Those",
    "Its",
    "Their",
    "Our",
    "His",
    "Her",
    "Both",
    "Each",
    "Every",
    "Under",
    "Through",
    "After",
    "Before",
    "Between",
    "Among",
    "Unlike",
    "Like",
    "Moreover",
    "However",
    "Indeed",
    "Finally",
    "Thus",
    "Then",
    "Also",
    "Yet",
    "Although",
    // Verbs of headlines set in title case ("Two States Adopt Coastal Action Plan").
    "Adopt",
    "Adopts",
    "Sign",
    "Signs",
    "Launch",
    "Launches",
    "Agree",
    "Agrees",
    "Announce",
    "Announces",
    "Unveil",
    "Unveils",
    "Renew",
    "Renews",
    "Endorse",
    "Endorses",
    "Approve",
    "Approves",
    "Other",
    "Another",
    "Such",
    "According",
    "Many",
    "Most",
    "Some",
    "If",
    "It",
    "We",
    "They",
    "He",
    "She",
    "Here",
    "There",
    "Where",
    "What",
    "Which",
    "Who",
    "Why",
    "How",
    "Once",
    "Only",
    "Even",
    "Not",
    "No",
    "All",
    "Any",
    "Several",
    "Further",
    "First",
    "Second",
    "Third",
    "Last",
    "Next",
    "Later",
    "Prior",
    "Despite",
    "During",
    "Within",
    "Without",
    "Although",
    "Because",
    "Whereas",
    "Today",
    "Now",
    "Meanwhile",
    "Instead",
    "Over",
    "Until",
    "Against",
    "Following",
    "Including",
    "Via",
    "Upon",
    "Into",
    "Toward",
    "Towards",
    "Beyond",
    "El",
    "La",
    "Los",
    "Las",
    "Le",
    "Les",
    "Un",
    "Una",
    "Del",
    "Por",
    "Para",
    "Con",
    "Sin",
    // Scale words of amounts in title case ("$6.2 Million in Grants for …").
    "Thousand",
    "Million",
    "Millions",
    "Billion",
    "Billions",
    "Trillion",
];

/// Ranks of a person's title, never modifiers of a body ("a Senior State Department
/// Official"), except in "Senior Level" and "Senior Officials" bodies.
const RANKS: &[&str] = &["Senior", "Former", "Acting", "Then"];

/// Titles of people that precede "of" or "for" and the organisation they lead ("CEO of",
/// "Founder of", "Chair of").
const PERSON_TITLES: &[&str] = &[
    "CEO",
    "COO",
    "CFO",
    "President",
    "Vice-President",
    "Chair",
    "Chairman",
    "Chairwoman",
    "Chairperson",
    "Founder",
    "Co-Founder",
    "Co-founder",
    "Cofounder",
    "Director",
    "Dean",
    "Head",
    "Member",
    "Partner",
    "Principal",
    "Publisher",
    "Editor",
    "Officer",
    "Counsel",
    "Advisor",
    "Adviser",
    "Fellow",
    "Trustee",
    "Manager",
    "Coordinator",
];

/// Month names: never part of a name's complement.
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Days of the week: "the General Services Administration on Thursday" ends before them.
const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Modifiers that make a "Program" an academic unit, not a policy program.
const ACADEMIC_MARKERS: &[&str] = &["Studies", "Faculty", "School", "University", "College"];

/// A name found by a pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NamePhrase {
    pub(crate) entity_type: EntityType,
    /// Span of the name (without a following acronym definition).
    pub(crate) span: Span,
    /// Span including a directly following "(ACR)".
    pub(crate) full_span: Span,
    /// Proposed name.
    pub(crate) name: String,
    /// Acronym defined right after it.
    pub(crate) acronym: Option<String>,
    /// Kind implied by the head noun (vocabulary of the entity type).
    pub(crate) kind: Option<&'static str>,
    pub(crate) rule: Rule,
    /// A leading possessive left out of the name ("Canada" of "Canada's Anti-Crime …").
    pub(crate) owner: Option<String>,
}

fn is_connector(t: &str) -> bool {
    CONNECTORS.contains(&t)
}

fn gap_is_space(text: &str, a: &Token<'_>, b: &Token<'_>) -> bool {
    let gap = &text[a.span.end..b.span.start];
    gap.chars().all(char::is_whitespace) || joins_compound(gap, a, b)
}

/// A hyphen, en dash or slash with no space around it joins two words of one name
/// ("U.S.-Canada", "Canada–Mexico", "U.S./Mexico"); the tokenizer keeps "Canada-US" whole
/// but splits after an abbreviation's final dot and at dashes and slashes.
fn joins_compound(gap: &str, a: &Token<'_>, b: &Token<'_>) -> bool {
    matches!(gap, "-" | "–" | "/" | "‑")
        && (a.is_capitalized() || a.is_acronym())
        && (b.is_capitalized() || b.is_acronym())
}

/// Legal forms of companies that close their names, as token sequences: "Inc.", "LLC",
/// `plc`, `GmbH`, and the Mexican "S.A. de C.V." and "S. de R.L. de C.V." (Ley General de
/// Sociedades Mercantiles). A comma may stand between the name and its form
/// ("Halvard Systems, Inc.").
const LEGAL_FORMS: &[&[&str]] = &[
    &["S.A.", "de", "C.V."],
    &["S.A.B.", "de", "C.V."],
    &["S.A.P.I.", "de", "C.V."],
    &["S.", "de", "R.L.", "de", "C.V."],
    &["S", "de", "R.L.", "de", "C.V."],
    &["S.", "de", "R.L."],
    &["S", "de", "R.L."],
    &["S.A."],
    &["A.C."],
    &["S.C."],
    &["I.A.P."],
    &["Inc"],
    &["LLC"],
    &["L.L.C."],
    &["Ltd"],
    &["Limited"],
    &["Corp"],
    &["N.V."],
    &["B.V."],
    &["S.p.A."],
    &["ASA"],
    &["Pty"],
    &["plc"],
    &["PLC"],
    &["GmbH"],
    &["LLP"],
    &["ULC"],
];

/// The number of tokens of the legal form starting at token `i`, if one does.
fn legal_form_at(tokens: &[Token<'_>], i: usize) -> Option<usize> {
    LEGAL_FORMS
        .iter()
        .find(|form| {
            tokens.len() >= i + form.len()
                && form.iter().zip(&tokens[i..]).all(|(f, t)| *f == t.text)
        })
        .map(|form| form.len())
}

/// The index of the first token of a legal form that ends at token `end` (inclusive).
fn legal_form_ending_at(tokens: &[Token<'_>], end: usize) -> Option<usize> {
    LEGAL_FORMS.iter().find_map(|form| {
        let start = (end + 1).checked_sub(form.len())?;
        (legal_form_at(tokens, start) == Some(form.len())).then_some(start)
    })
}

fn head_at(tokens: &[Token<'_>], i: usize) -> Option<(EntityType, usize, Option<&'static str>)> {
    let t = tokens[i].text;
    // "Transportes del Norte, S.A. de C.V.", "Casa del Migrante, A.C.": a legal form
    // closes a company's or an association's name.
    if let Some(len) = legal_form_at(tokens, i)
        && i > 0
    {
        return Some((EntityType::Agency, len, None));
    }
    if (t == "Working"
        && tokens
            .get(i + 1)
            .is_some_and(|n| n.text == "Group" || n.text == "Groups"))
        || (t == "Steering" && tokens.get(i + 1).is_some_and(|n| n.text == "Committee"))
    {
        return Some((EntityType::WorkingGroup, 2, None));
    }
    if matches!(
        t,
        "Subgroup"
            | "Subgroups"
            | "Sub-group"
            | "Sub-groups"
            | "Subcommittee"
            | "Sub-Committee"
            | "Dialogue"
            | "Dialog"
            | "Forum"
            | "Ministerial"
    ) {
        return Some((EntityType::WorkingGroup, 1, None));
    }
    // "Task Force on …", "Homicide Task Forces": bodies that meet; "Joint Task Force North"
    // is a military unit.
    if t == "Task" && i > 0 && tokens[i - 1].text == "Joint" {
        return None;
    }
    // "Strike Force": a task force by another name.
    if matches!(t, "Task" | "Strike")
        && tokens
            .get(i + 1)
            .is_some_and(|n| n.text == "Force" || n.text == "Forces")
    {
        return Some((EntityType::WorkingGroup, 2, None));
    }
    // "Security Implementation Group", "Ukraine Defense Contact Group": a group named by
    // what its members meet to do. Other groups are mostly companies ("Volkswagen Group").
    if t == "Group"
        && i > 0
        && matches!(
            tokens[i - 1].text,
            "Implementation"
                | "Contact"
                | "Coordination"
                | "Coordinating"
                | "Steering"
                | "Consultative"
                | "Advisory"
                | "Expert"
                | "Experts"
                | "Liaison"
                | "Planning"
                | "Review"
                | "Oversight"
                | "Monitoring"
                | "Technical"
                | "Level"
                | "Ministerial"
        )
    {
        return Some((EntityType::WorkingGroup, 1, None));
    }
    // "Operations Group on …", "Network for …": a group or network named by its remit.
    if matches!(t, "Group" | "Network" | "Caucus")
        && tokens
            .get(i + 1)
            .is_some_and(|n| matches!(n.text, "on" | "for"))
    {
        return Some((EntityType::WorkingGroup, 1, None));
    }
    if t == "Roadmap" {
        return Some((EntityType::Agreement, 1, Some("plan")));
    }
    // "Liptako-Gourma Charter", "Charter of the Organization of American States".
    if t == "Charter"
        && ((i > 0 && is_name_word(&tokens[i - 1]))
            || tokens.get(i + 1).is_some_and(|n| n.text == "of"))
    {
        return Some((EntityType::Agreement, 1, Some("agreement")));
    }
    // "European Peace Facility", "Reform and Growth Facility for Moldova": a funding
    // instrument; a building ("Detention Facility", "Assembly and Test Facility") is not.
    if t == "Facility"
        && i > 0
        && is_name_word(&tokens[i - 1])
        && !PHYSICAL_FACILITY_WORDS.contains(&tokens[i - 1].text)
        && tokens[i.saturating_sub(4)..i]
            .iter()
            .any(|w| FUNDING_FACILITY_WORDS.contains(&w.text))
    {
        return Some((EntityType::Agreement, 1, Some("program")));
    }
    if t == "Memorandum"
        && tokens.get(i + 1).is_some_and(|n| n.text == "of")
        && tokens.get(i + 2).is_some_and(|n| n.text == "Understanding")
    {
        return Some((EntityType::Agreement, 3, Some("agreement")));
    }
    if let Some(kind) = AgreementKind::of_head_noun(t) {
        return Some((EntityType::Agreement, 1, Some(kind.as_str())));
    }
    if AGENCY_HEADS.contains(&t) || ROMANCE_HEADS.contains(&t) {
        return Some((EntityType::Agency, 1, None));
    }
    None
}

/// A word that can be part of a name: capitalised (or alphanumeric like "G8", "21st"), not
/// a capitalised function word, not a bare number ("2011", "6,000").
fn is_name_word(t: &Token<'_>) -> bool {
    let starts_digit = t.text.chars().next().is_some_and(|c| c.is_ascii_digit());
    let has_letter = t.text.chars().any(char::is_alphabetic);
    (t.is_capitalized() || (starts_digit && has_letter)) && !STOP_CAPITALS.contains(&t.text)
}

/// Walks back from token `head` (exclusive) over the modifiers of a name; returns the index
/// of the first modifier.
fn modifiers_start(text: &str, tokens: &[Token<'_>], head: usize) -> usize {
    let mut start = head;
    let mut j = head;
    while j > 0 {
        let prev = &tokens[j - 1];
        // "Norrland Rail Analytics, LLC": a comma may part a name from its legal form.
        let comma_before_form = j == head
            && legal_form_at(tokens, head).is_some()
            && &text[prev.span.end..tokens[j].span.start] == ", ";
        if !gap_is_space(text, prev, &tokens[j]) && !comma_before_form {
            break;
        }
        // A legal form ends a company's name: before a connector, it ends another name
        // ("Bravo, S.A. de C.V. and Lone Star Logistics LLC").
        if j >= 2 && is_connector(prev.text) && legal_form_ending_at(tokens, j - 2).is_some() {
            break;
        }
        let ends_head = j >= 2 && head_at(tokens, j - 2).is_some_and(|(_, len, _)| len == 2);
        // A head right before the current word is a modifier ("Navy Secretariat", "Border
        // Services Agency"); across a connector it ends another name ("…Working Group and
        // Trade and Transport Working Group").
        let across_connector = is_connector(tokens[j].text);
        if (ends_head || (head_at(tokens, j - 1).is_some() && j - 1 != head)) && across_connector {
            // The end of another name ("…Working Group and Trade and Transport…").
            break;
        }
        // A line of capitals is a heading above the name ("THE WHITE HOUSE" / "Office of
        // the Press Secretary"), not its modifier.
        let across_line = text[prev.span.end..tokens[j].span.start].contains('\n');
        if across_line && prev.is_acronym() && !tokens[j].is_acronym() {
            break;
        }
        // "Los Angeles Declaration", "Las Palmas Declaration on …": a Spanish article opens
        // a place name before an English head.
        let place_article = matches!(prev.text, "Los" | "Las" | "La" | "El" | "San" | "Santa")
            && is_name_word(&tokens[j])
            && !ROMANCE_HEADS.contains(&tokens[head].text)
            && !ROMANCE_HEADS.contains(&tokens[j].text);
        // "the Council's 2027 Work Plan": a body's plan of a year.
        let owner_year = is_year(prev)
            && j >= 2
            && is_possessive(&tokens[j - 2])
            && gap_is_space(text, &tokens[j - 2], prev);
        if owner_year {
            return j - 2;
        }
        // "Issues for Congress", "Report to Parliament": a legislature after "for" or "to"
        // is the addressee, and what precedes is no modifier of it.
        if j == head
            && matches!(tokens[head].text, "Congress" | "Parliament" | "Senate")
            && matches!(prev.text, "for" | "to")
        {
            break;
        }
        if RANKS.contains(&prev.text)
            && !matches!(tokens[j].text, "Level" | "Officials" | "Official")
        {
            break;
        }
        // "San Antonio-based Hallmark Civil Group": where a body is based is no part of
        // its name.
        if prev.text.ends_with("-based") {
            break;
        }
        if is_name_word(prev) || prev.is_acronym() || place_article {
            start = j - 1;
            // A possessive after a connector opens the phrase: "DOE and Canada's Border
            // Agency" starts at "Canada's"; the connector coordinates two names.
            if is_possessive(prev) && j >= 2 && is_connector(tokens[j - 2].text) {
                break;
            }
        } else if !(is_connector(prev.text)
            && prev.text != "the"
            && j >= 2
            && (is_name_word(&tokens[j - 2]) || tokens[j - 2].is_acronym()))
            // "CEO of Masimo Corporation", "Director for Community Enhancement, Inc.": a
            // person's title before "of" or "for" is no part of the organisation's name.
            || (matches!(prev.text, "of" | "for") && PERSON_TITLES.contains(&tokens[j - 2].text))
        {
            break;
        }
        j -= 1;
    }
    start
}

/// A singular possessive ("Mexico's", "Council’s").
fn is_possessive(t: &Token<'_>) -> bool {
    t.text.ends_with("'s") || t.text.ends_with("’s")
}

/// A four-digit year from 1900 to 2099 ("2027").
fn is_year(t: &Token<'_>) -> bool {
    t.text.len() == 4
        && t.text.bytes().all(|b| b.is_ascii_digit())
        && (t.text.starts_with("19") || t.text.starts_with("20"))
}

/// A year or year range written right after an instrument's name is part of it: "Action
/// Plan 2025–2028", "Strategy 2030", "Work Plan 2024-26", "Programme 2021/22". Returns the
/// token index after the years, or `end` when none follow on the same line with one space.
/// The range's second year may be four or two digits, joined by a hyphen, an en or em dash
/// or a slash (no space around it, or one on both sides of a dash).
fn year_suffix_end(text: &str, tokens: &[Token<'_>], end: usize) -> usize {
    let Some(first) = tokens.get(end) else {
        return end;
    };
    let gap = &text[tokens[end - 1].span.end..first.span.start];
    if gap != " " {
        return end;
    }
    // "2025-2028" and "2025-26" with an ASCII hyphen are one token.
    if let Some((a, b)) = first.text.split_once('-') {
        let years = is_year(&Token {
            span: first.span,
            text: a,
        }) && matches!(b.len(), 2 | 4)
            && b.bytes().all(|c| c.is_ascii_digit());
        return if years { end + 1 } else { end };
    }
    if !is_year(first) {
        return end;
    }
    let Some(second) = tokens.get(end + 1) else {
        return end + 1;
    };
    let joint = &text[first.span.end..second.span.start];
    let second_year =
        matches!(second.text.len(), 2 | 4) && second.text.bytes().all(|c| c.is_ascii_digit());
    let joined = matches!(joint, "–" | "—" | "/" | "-" | " – " | " — ");
    if second_year && joined {
        end + 2
    } else {
        end + 1
    }
}

/// "Washington's Merida Initiative", "Canada's Anti-Crime Capacity Building Program": a
/// leading possessive names the owner, not the instrument, when other modifiers follow it.
/// ("Truckers' Association" keeps its only modifier.) A possessive before a year names the
/// body whose plan of that year it is, and stays: "the Council's 2027 Work Plan" (CODING.md:
/// a plan may be named by its body and year).
fn skip_leading_possessive(tokens: &[Token<'_>], start: usize, head: usize) -> usize {
    let possessive = is_possessive(&tokens[start]);
    let before_year = tokens.get(start + 1).is_some_and(is_year);
    // A singular possessive ("Mexico's", "Canada's") names an owner; a plural one
    // ("Truckers' Association") is part of the name.
    if possessive && start < head && !before_year {
        start + 1
    } else {
        start
    }
}

/// Spanish and French heads take their adjectives after them ("Agencia Nacional de
/// Aduanas", "Guardia Nacional"): the index after those capitalised adjectives.
fn spanish_adjectives_end(text: &str, tokens: &[Token<'_>], after_head: usize) -> usize {
    let mut k = after_head;
    if k == 0 || !ROMANCE_HEADS.contains(&tokens[k - 1].text) {
        return after_head;
    }
    while k < tokens.len() && k < after_head + 3 && gap_is_space(text, &tokens[k - 1], &tokens[k]) {
        let t = &tokens[k];
        if t.is_capitalized() && !STOP_CAPITALS.contains(&t.text) {
            k += 1;
        } else if matches!(t.text, "y" | "e" | "et")
            && k > after_head
            && tokens
                .get(k + 1)
                .is_some_and(|n| n.is_capitalized() && head_at(tokens, k + 1).is_none())
        {
            // "Fundación Paz y Salud": coordinated adjectives or nouns of one name.
            k += 2;
        } else {
            break;
        }
    }
    k.min(tokens.len())
}

/// Extends a name forward over "of/for/on [the] Capitalised words (and Capitalised words)*".
///
/// With `lists`, a title-case list continues it ("Framework for Security, Public Health,
/// and Safe Communities"): instruments take such titles, organisations do not. A nested
/// organisation head ("Network of the United States Department of the Treasury") ends the
/// name before its complement: that is a second name.
fn complement_end(text: &str, tokens: &[Token<'_>], after: usize, lists: bool) -> usize {
    let mut end = after; // exclusive index of the last token of the name + 1
    let mut k = after;
    if k < tokens.len()
        && matches!(
            tokens[k].text,
            "of" | "for"
                | "on"
                | "de"
                | "del"
                | "des"
                | "du"
                | "para"
                | "pour"
                | "Concerning"
                | "concerning"
                | "Regarding"
        )
        && gap_is_space(text, &tokens[k - 1], &tokens[k])
    {
        k += 1;
        // "Roadmap for a Renewed … Partnership": an article before a capitalised word.
        if k < tokens.len()
            && (matches!(
                tokens[k].text,
                "the" | "el" | "la" | "los" | "las" | "l" | "le" | "les"
            ) || (matches!(tokens[k].text, "a" | "an")
                && tokens.get(k + 1).is_some_and(|n| is_name_word(n))))
        {
            k += 1;
        }
        while k < tokens.len() {
            if !gap_is_space(text, &tokens[k - 1], &tokens[k]) {
                // "Framework for Security, Public Health, and Safe Communities".
                if let Some(list_end) = (lists && end == k)
                    .then(|| title_list_end(text, tokens, k))
                    .flatten()
                {
                    end = list_end;
                }
                break;
            }
            let t = &tokens[k];
            // A date or an amount ends the name: "Letter of Agreement on December 3",
            // "asked Congress for US$500 million".
            let glued_to_amount = text[t.span.end..].starts_with('$');
            if MONTHS.contains(&t.text) || WEEKDAYS.contains(&t.text) || glued_to_amount {
                break;
            }
            // "Mexico Institute of the Wilson Center": another organisation's head inside the
            // complement makes it a second name, not part of this one.
            // Only "of the …" for these: "University of Houston Law Center" is one name.
            let other_body =
                matches!(
                    t.text,
                    "Department" | "Ministry" | "Secretariat" | "Secretaría" | "Agency" | "Bureau"
                ) || (matches!(t.text, "Center" | "Centre" | "Institute" | "Foundation")
                    && tokens.get(after + 1).is_some_and(|a| a.text == "the"));
            if other_body && k > after + 1 {
                return after;
            }
            if is_name_word(t) || t.is_acronym() {
                k += 1;
                end = k;
                // "the Department of Homeland Security's Operation …": the name ends at the
                // possessive.
                if t.text.ends_with("'s") || t.text.ends_with("’s") {
                    break;
                }
            } else if let Some(next) = romance_connector(text, tokens, k) {
                // "Centro Nacional de Control de Energía", "… Internacional para el Desarrollo".
                k = next;
            } else if matches!(t.text, "a" | "an" | "the")
                && tokens[k - 1].text.ends_with("ing")
                && tokens[k - 1].text.starts_with(char::is_uppercase)
                && tokens.get(k + 1).is_some_and(|n| is_name_word(n))
            {
                // "Memorandum of Understanding on Establishing a Semiconductor Supply Chain":
                // a title-case gerund takes its object's article.
                k += 1;
            } else if matches!(t.text, "on" | "in" | "of" | "for")
                && tokens.get(k + 1).is_some_and(|n| n.text == "the")
                && tokens
                    .get(k + 2)
                    .is_some_and(|n| is_name_word(n) && head_at(tokens, k + 2).is_none())
            {
                // "Framework for Collaboration on Cybersecurity in the Energy Sector".
                k += 2;
            } else if matches!(
                t.text,
                "and"
                    | "&"
                    | "y"
                    | "et"
                    | "of"
                    | "for"
                    | "against"
                    | "Against"
                    | "For"
                    | "Of"
                    | "On"
                    | "Upon"
                    | "And"
                    | "The"
                    | "To"
                    | "In"
                    | "on"
            ) && tokens.get(k + 1).is_some_and(|n| {
                (is_name_word(n) && head_at(tokens, k + 1).is_none()
                    || n.text == "International"
                    // "Commissioners of Police", "Chiefs of Police": the office, not a body.
                    || (n.text == "Police"
                        && t.text == "of"
                        && matches!(tokens[k - 1].text, "Commissioners" | "Chiefs" | "Chief")))
                    && !n.text.ends_with("'s")
                    && !n.text.ends_with("’s")
            }) && gap_is_space(text, t, &tokens[k + 1])
            {
                k += 1;
            } else {
                break;
            }
        }
    }
    end
}

/// The token index after "and Related Programs" or "and Related Agencies" when it closes,
/// within twenty-five name words and connectors of one sentence from `start`, a comma list
/// (a U.S. appropriations subcommittee's name).
fn related_programs_end(text: &str, tokens: &[Token<'_>], start: usize) -> Option<usize> {
    let mut k = start;
    while k + 2 < tokens.len().min(start + 25) {
        let gap = &text[tokens[k - 1].span.end..tokens[k].span.start];
        if gap.contains(['.', ';', ':', '(', ')']) {
            return None;
        }
        if tokens[k].text == "and"
            && tokens[k + 1].text == "Related"
            && matches!(tokens[k + 2].text, "Programs" | "Agencies")
        {
            return Some(k + 3);
        }
        // The departments are listed bare: an article starts another name.
        if !(is_name_word(&tokens[k]) || is_connector(tokens[k].text))
            || matches!(tokens[k].text, "the" | "a" | "an")
        {
            return None;
        }
        k += 1;
    }
    None
}

/// A Spanish or French connector inside a name, with its article: "de", "del", "de la",
/// "para el", "pour la", "sur les" before a capitalised word that is not a head noun.
/// Returns the index of that word.
fn romance_connector(text: &str, tokens: &[Token<'_>], k: usize) -> Option<usize> {
    if !matches!(
        tokens[k].text,
        "de" | "del" | "al" | "des" | "du" | "para" | "pour" | "sur" | "contra" | "en"
    ) {
        return None;
    }
    let mut n = k + 1;
    if tokens
        .get(n)
        .is_some_and(|t| matches!(t.text, "el" | "la" | "los" | "las" | "le" | "les" | "l"))
    {
        n += 1;
    }
    let word = tokens.get(n)?;
    let spaced = (k..n).all(|j| gap_is_space(text, &tokens[j], &tokens[j + 1]));
    (spaced && is_name_word(word) && head_at(tokens, n).is_none()).then_some(n)
}

/// A title-case list inside a name's complement, from the comma before token `k`:
/// ", B C, and D E" (or ", and D"), every item capitalised and none a head noun. Returns the
/// index after the list's last word, or `None` when what follows the comma is not such a
/// list (a comma that ends the name: "the Framework for Security, which …").
fn title_list_end(text: &str, tokens: &[Token<'_>], k: usize) -> Option<usize> {
    if k == 0
        || k >= tokens.len()
        || text[tokens[k - 1].span.end..tokens[k].span.start].trim() != ","
    {
        return None;
    }
    let mut j = k;
    let mut items = 0;
    loop {
        let and = tokens.get(j).is_some_and(|t| matches!(t.text, "and" | "&"));
        if and {
            j += 1;
        }
        let start = j;
        while tokens.get(j).is_some_and(|t| {
            is_name_word(t) && head_at(tokens, j).is_none() && !MONTHS.contains(&t.text)
        }) && (j == start || gap_is_space(text, &tokens[j - 1], &tokens[j]))
            && j - start < 4
        {
            j += 1;
        }
        if j == start {
            return None;
        }
        items += 1;
        if and {
            return (items >= 1).then_some(j);
        }
        // Next separator: ", " (then maybe "and") or " and ".
        let next = tokens.get(j)?;
        let gap = text[tokens[j - 1].span.end..next.span.start].trim();
        if gap == "," {
            continue;
        }
        if gap.is_empty() && matches!(next.text, "and" | "&") {
            continue;
        }
        return None;
    }
}

/// An acronym in parentheses right after token index `last` ("(CISEN)", "(the IPS)").
fn acronym_after(text: &str, tokens: &[Token<'_>], last: usize) -> Option<(String, Span)> {
    let rest = &text[tokens[last].span.end..];
    let trimmed = rest.trim_start_matches([' ', '*', '_']);
    if !trimmed.starts_with('(') {
        return None;
    }
    let inner_start = tokens[last].span.end + (rest.len() - trimmed.len()) + 1;
    let close = text[inner_start..].find(')')?;
    let inner = text[inner_start..inner_start + close].trim();
    let inner = inner.strip_prefix("the ").unwrap_or(inner);
    let probe = Token {
        span: Span::new(0, inner.len()),
        text: inner,
    };
    if inner.len() > 12 || inner.contains(' ') || !probe.is_acronym() {
        return None;
    }
    Some((
        inner.to_owned(),
        Span::new(tokens[last].span.start, inner_start + close + 1),
    ))
}

/// Finds names by head noun in one sentence's tokens.
pub(crate) fn head_noun_phrases(text: &str, tokens: &[Token<'_>]) -> Vec<NamePhrase> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let Some((entity_type, head_len, kind)) = head_at(tokens, i) else {
            if let Some(p) = lowercase_head(text, tokens, i) {
                out.push(p);
            }
            i += 1;
            continue;
        };
        // Spanish and French names open with their head ("Secretaría de Economía"); what
        // precedes it is no modifier, at most a possessive owner ("Mexico's").
        let first = if ROMANCE_HEADS.contains(&tokens[i].text) {
            i - usize::from(i > 0 && is_possessive(&tokens[i - 1]))
        } else {
            modifiers_start(text, tokens, i)
        };
        let start = skip_leading_possessive(tokens, first, i);
        let owner = (start > first).then(|| {
            tokens[first]
                .text
                .trim_end_matches("'s")
                .trim_end_matches("’s")
                .to_owned()
        });
        let after_head = i + head_len;
        // "Working Group on Violence Against Indigenous Women and Girls": the topic after
        // "on" is part of a working group's name too.
        let end = if entity_type == EntityType::WorkingGroup
            && tokens
                .get(after_head)
                .is_none_or(|t| !matches!(t.text, "on" | "for" | "against"))
        {
            after_head
        } else {
            // A singular working group's topic may be a list: "Working Group on Return,
            // Readmission and Reintegration" is one group (the plural "Working Groups on …"
            // is distributed elsewhere).
            let lists = entity_type == EntityType::Agreement
                || entity_type == EntityType::WorkingGroup
                || (entity_type == EntityType::Agency
                    && head_len == 1
                    && PORTFOLIO_HEADS.contains(&tokens[i].text));
            let adjectives_end = spanish_adjectives_end(text, tokens, after_head);
            // A Spanish or French name takes no English complement ("Fundación Paz y Salud
            // of Honduras": the country is context).
            let english_after_romance = ROMANCE_HEADS.contains(&tokens[i].text)
                && tokens
                    .get(adjectives_end)
                    .is_some_and(|t| matches!(t.text, "of" | "for" | "on" | "in"));
            if english_after_romance {
                adjectives_end
            } else if ROMANCE_HEADS.contains(&tokens[i].text) {
                // The same past a Spanish complement: "Fiscalía General de la República of
                // the United Mexican States" ends before "of".
                let end = complement_end(text, tokens, adjectives_end, lists);
                (adjectives_end..end)
                    .find(|&k| {
                        matches!(
                            tokens[k].text,
                            "of" | "for" | "on" | "in" | "the" | "to" | "against"
                        )
                    })
                    .unwrap_or(end)
            } else {
                complement_end(text, tokens, adjectives_end, lists)
            }
        };
        let end = if entity_type == EntityType::Agreement {
            year_suffix_end(text, tokens, end)
        } else {
            end
        };
        // "University of Texas at El Paso": a campus is part of a university's name.
        let end = if matches!(tokens[i].text, "University" | "College")
            && tokens.get(end).is_some_and(|t| t.text == "at")
        {
            let campus = (end + 1..tokens.len().min(end + 4))
                .take_while(|&k| {
                    let place_article = matches!(tokens[k].text, "El" | "La" | "Los" | "Las")
                        && tokens.get(k + 1).is_some_and(is_name_word);
                    let same_line = gap_is_space(text, &tokens[k - 1], &tokens[k])
                        && !text[tokens[k - 1].span.end..tokens[k].span.start].contains('\n');
                    same_line
                        && (is_name_word(&tokens[k]) || place_article)
                        && head_at(tokens, k).is_none()
                })
                .last();
            campus.map_or(end, |k| k + 1)
        } else {
            end
        };
        // "Subcommittee on State, Foreign Operations, and Related Programs": the names of
        // U.S. appropriations subcommittees list the departments they fund, other heads
        // included, up to "and Related Programs" or "and Related Agencies".
        let end = if matches!(tokens[i].text, "Subcommittee" | "Committee")
            && tokens.get(after_head).is_some_and(|t| t.text == "on")
        {
            related_programs_end(text, tokens, after_head + 1)
                .filter(|&e| e > end)
                .unwrap_or(end)
        } else {
            end
        };
        // "the Department of Homeland Security Appropriations Act": the title of a law, not
        // an organisation.
        if entity_type == EntityType::Agency && matches!(tokens[end - 1].text, "Act" | "Acts") {
            i += 1;
            continue;
        }
        let has_modifier = start < i || end > after_head;
        let plural = tokens[after_head - 1].text.ends_with('s')
            && !matches!(
                tokens[after_head - 1].text,
                "Services" | "Forces" | "Affairs" | "Teams" | "Agencies"
            );
        if has_modifier
            && !(entity_type != EntityType::Agency
                && plural
                && entity_type == EntityType::Agreement)
        {
            let mut span = Span::new(tokens[start].span.start, tokens[end - 1].span.end);
            // A possessive ending is not part of the name ("Homeland Security's", "Law
            // Enforcement Affairs' Management": a plural one at the end of a name).
            for suffix in ["'s", "’s", "s'", "s’"] {
                if text[span.start..span.end].ends_with(suffix) {
                    span.end -= suffix.len() - usize::from(suffix.starts_with('s'));
                }
            }
            let words: Vec<&str> = tokens[start..end].iter().map(|t| t.text).collect();
            let (entity_type, kind) = if entity_type == EntityType::Agreement
                && words.iter().any(|w| ACADEMIC_MARKERS.contains(w))
            {
                (EntityType::Agency, None)
            } else if entity_type == EntityType::Agency
                && is_shared_body(&tokens[start..end], tokens[i].text)
            {
                (EntityType::WorkingGroup, None)
            } else {
                (entity_type, kind)
            };
            let acronym = acronym_after(text, tokens, end - 1);
            let full_span = acronym
                .as_ref()
                .map_or(span, |(_, s)| Span::new(span.start, s.end));
            let name = text[span.start..span.end].to_owned();
            if entity_type != EntityType::WorkingGroup || !plural {
                out.push(NamePhrase {
                    entity_type,
                    span,
                    full_span,
                    name,
                    acronym: acronym.map(|a| a.0),
                    kind,
                    rule: Rule::HeadNoun,
                    owner: owner.clone(),
                });
            }
        }
        i = end.max(i + 1);
    }
    out
}

/// "NORAD treaty", "(NORAD) treaty", "IBETS program", "Smart Border agreements",
/// "the Solicitor General's office (SGO)".
fn lowercase_head(text: &str, tokens: &[Token<'_>], i: usize) -> Option<NamePhrase> {
    let t = tokens[i].text;
    if i == 0 {
        return None;
    }
    if let Some(p) = descriptive_body(text, tokens, i) {
        return Some(p);
    }
    // "a Corridor Security subgroup", "the Energy working group".
    let wg_head = match t {
        "subgroup" | "sub-group" => Some(i),
        "group" if tokens[i - 1].text == "working" && i >= 2 => Some(i - 1),
        _ => None,
    };
    if let Some(head) = wg_head {
        let start = modifiers_start(text, tokens, head);
        if start < head
            && tokens[start..head]
                .iter()
                .all(|w| is_name_word(w) || is_connector(w.text))
        {
            let span = Span::new(tokens[start].span.start, tokens[i].span.end);
            let name = text[span.start..span.end].to_owned();
            return Some(NamePhrase {
                entity_type: EntityType::WorkingGroup,
                span,
                full_span: span,
                name,
                acronym: None,
                kind: None,
                rule: Rule::HeadNoun,
                owner: None,
            });
        }
        return None;
    }
    let after_acronym_only = matches!(t, "initiative" | "partnership" | "plan");
    let lower_head = LOWER_AGREEMENT_HEADS
        .iter()
        .find(|(h, _)| *h == t)
        .map(|(_, k)| *k)
        .or_else(|| {
            after_acronym_only
                .then(|| {
                    AGREEMENT_HEAD_NOUNS
                        .iter()
                        .find(|(h, _)| h.to_lowercase() == t)
                        .map(|(_, k)| k.as_str())
                })
                .flatten()
        });
    if let Some(kind) = lower_head {
        let prev = &tokens[i - 1];
        if after_acronym_only && !prev.is_acronym() {
            return None;
        }
        let between = &text[prev.span.end..tokens[i].span.start];
        // "INL's program" is the bureau's programme, not one named "INL program".
        if prev.is_acronym()
            && !is_possessive(prev)
            && (between.trim().is_empty() || between.trim() == ")")
        {
            // "(NORAD) treaty" / "NORAD treaty": name it by the acronym and the head.
            // "(NORAD) treaty" starts where the long form before the parenthesis starts.
            let start = if between.trim() == ")" && i >= 2 {
                modifiers_start(text, tokens, i - 2).min(i - 2)
            } else {
                i - 1
            };
            let span = Span::new(tokens[start].span.start, tokens[i].span.end);
            let name = format!("{} {}", prev.text, t);
            return Some(NamePhrase {
                entity_type: EntityType::Agreement,
                span,
                full_span: span,
                name,
                acronym: None,
                kind: Some(kind),
                rule: Rule::AcronymHead,
                owner: None,
            });
        }
        if between.chars().all(char::is_whitespace) && is_name_word(prev) && !prev.is_acronym() {
            // "CBP's Cross-Border Tunnel Threat program": the owner is not part of the name.
            let start = skip_leading_possessive(tokens, modifiers_start(text, tokens, i), i);
            let words = &tokens[start..i];
            if words.len() >= 2
                && words
                    .iter()
                    .all(|w| is_name_word(w) || is_connector(w.text))
            {
                let span = Span::new(tokens[start].span.start, tokens[i].span.end);
                let mut name = text[span.start..span.end].to_owned();
                // A plural ("two Smart Border agreements") names several instruments: it is a
                // mention only if the gazetteer knows the singular (see `plural-head`).
                let rule = if name.ends_with('s') {
                    name.pop();
                    Rule::PluralHead
                } else {
                    Rule::HeadNoun
                };
                return Some(NamePhrase {
                    entity_type: EntityType::Agreement,
                    span,
                    full_span: span,
                    name,
                    acronym: None,
                    kind: Some(kind),
                    rule,
                    owner: None,
                });
            }
        }
        return None;
    }
    if LOWER_AGENCY_HEADS.contains(&t) {
        let (acr, acr_span) = acronym_after(text, tokens, i)?;
        let start = modifiers_start(text, tokens, i);
        if start == i {
            return None;
        }
        let span = Span::new(tokens[start].span.start, tokens[i].span.end);
        return Some(NamePhrase {
            entity_type: EntityType::Agency,
            span,
            full_span: Span::new(span.start, acr_span.end),
            name: text[span.start..span.end].to_owned(),
            acronym: Some(acr),
            kind: None,
            rule: Rule::AcronymDefinition,
            owner: None,
        });
    }
    None
}

/// A council, committee, commission, board or team whose name makes it shared between
/// governments is a working group (CODING.md: "bodies that meet"), not a domestic agency:
/// a shared marker ("Joint", "Bilateral", "Binational", "Trilateral") among its words (a
/// country compound opening the name is checked where the country list is known). A
/// "Joint" force is a military unit ("Joint Task Force North"), not a shared body.
pub(crate) fn is_shared_body(words: &[Token<'_>], head: &str) -> bool {
    is_meeting_head(head) && head != "Force" && has_shared_marker(words)
}

/// An organisation head noun ("Agency", "Association", "Secretaría").
pub(crate) fn is_agency_head(word: &str) -> bool {
    AGENCY_HEADS.contains(&word) || ROMANCE_HEADS.contains(&word)
}

/// Heads of bodies that are agencies at home and working groups when shared.
pub(crate) fn is_meeting_head(head: &str) -> bool {
    matches!(
        head,
        "Council"
            | "Committee"
            | "Commission"
            | "Board"
            | "Team"
            | "Teams"
            | "Group"
            | "Force"
            | "Unit"
            | "Network"
            | "Cell"
    )
}

fn has_shared_marker(words: &[Token<'_>]) -> bool {
    // "North American": the region of three governments (data/gazetteers/regions.csv).
    let north_american = words
        .windows(2)
        .any(|w| w[0].text == "North" && w[1].text == "American");
    north_american
        || words.iter().any(|w| {
            matches!(
                w.text,
                "Joint" | "Bilateral" | "Binational" | "Trilateral" | "Binacional" | "Bilatéral"
            )
        })
}

/// Lower-case modifiers that mark a body as shared between governments ("a bilateral
/// working group", "a joint task force", "a cross-border task force").
const SHARED_MARKERS: &[&str] = &[
    "bilateral",
    "trilateral",
    "binational",
    "binacional",
    "multilateral",
    "joint",
    "cross-border",
    "interagency",
    "intergovernmental",
    "regional",
];

/// Words that end a lower-case topic ("on precursor chemicals to …").
const TOPIC_STOPS: &[&str] = &[
    "to",
    "that",
    "which",
    "who",
    "will",
    "would",
    "shall",
    "is",
    "are",
    "was",
    "were",
    "has",
    "have",
    "had",
    "in",
    "with",
    "by",
    "from",
    "at",
    "the",
    "a",
    "an",
    "as",
    "among",
    "between",
    "under",
    "within",
    "since",
    "during",
    "its",
    "their",
    "our",
    "and",
    "or",
    "of",
    "for",
    "on",
    "be",
    "been",
    "this",
    "these",
    "it",
    "they",
    "we",
    "through",
    "into",
    "led",
    "established",
    "created",
    "launched",
    "chaired",
    "co-chaired",
    "meets",
    "met",
];

/// Adverbs and finite verbs (beyond those in [`TOPIC_STOPS`]) that end the topic of a
/// descriptive body: the name is a noun phrase, and "a task force on arms trafficking now brings together …" ends at "trafficking".
const TOPIC_VERBS: &[&str] = &[
    "now",
    "also",
    "already",
    "still",
    "then",
    "soon",
    "often",
    "again",
    "once",
    "later",
    "brings",
    "brought",
    "began",
    "begins",
    "holds",
    "held",
    "includes",
    "included",
    "reports",
    "reported",
    "oversees",
    "oversaw",
    "works",
    "worked",
    "says",
    "said",
    "agreed",
    "agrees",
    "continues",
    "continued",
    "meet",
    "convenes",
    "convened",
    "issued",
    "issues",
    "produced",
    "produces",
    "focuses",
    "focused",
    "found",
    "finds",
    "released",
    "releases",
    "submitted",
    "submits",
    "completed",
    "completes",
    "examines",
    "examined",
    "reviews",
    "reviewed",
    "coordinates",
    "coordinated",
    "shares",
    "shared",
];

/// A lower-case word that can continue the "on …" topic of a descriptive body: not a
/// function word ([`TOPIC_STOPS`]), not an adverb in "-ly" and not one of [`TOPIC_VERBS`].
fn is_topic_word(word: &str) -> bool {
    word.chars().all(|c| c.is_lowercase() || c == '-')
        && !TOPIC_STOPS.contains(&word)
        && !TOPIC_VERBS.contains(&word)
        && (word.len() <= 4 || !word.ends_with("ly"))
}

/// A lower-case descriptive body that the text treats as established (CODING.md, "Names"):
/// "a bilateral working group on precursor chemical regulation", "the U.S.-Mexico bilateral
/// cyber working group", "a cross-border task force on gun smuggling and trafficking".
/// `i` is the last token of the head ("group" of "working group", "force" of "task force",
/// "dialogue", "forum", "subcommittee"). The name runs from a country compound or the first
/// lower-case modifier to the head, and on over an "on …" topic of lower-case words; one of
/// the modifiers must mark the body as shared ([`SHARED_MARKERS`]) unless a country
/// compound ("U.S.-Mexico") opens it.
fn descriptive_body(text: &str, tokens: &[Token<'_>], i: usize) -> Option<NamePhrase> {
    let t = tokens[i].text;
    let head_start = match t {
        "group" | "groups" if i >= 1 && tokens[i - 1].text == "working" => i - 1,
        "force" | "forces" if i >= 1 && tokens[i - 1].text == "task" => i - 1,
        "dialogue" | "forum" | "subcommittee" | "subgroup" => i,
        _ => return None,
    };
    // Lower-case modifiers, nearest first.
    let mut start = head_start;
    let mut marked = false;
    while start > 0 && head_start - start < 4 {
        let prev = &tokens[start - 1];
        let gap = &text[prev.span.end..tokens[start].span.start];
        if !gap.chars().all(char::is_whitespace) || gap.is_empty() {
            break;
        }
        let lower = prev.text.to_lowercase();
        let is_marker = SHARED_MARKERS.contains(&lower.as_str());
        let plain_lower = prev.text.chars().all(|c| c.is_lowercase() || c == '-');
        if is_marker || (plain_lower && !TOPIC_STOPS.contains(&prev.text) && !is_determiner(&lower))
        {
            marked |= is_marker;
            start -= 1;
        } else {
            break;
        }
    }
    // A country compound right before the modifiers ("U.S.-Mexico", "Canada-US").
    let mut compound = false;
    if start > 0 {
        let prev = &tokens[start - 1];
        let gap = &text[prev.span.end..tokens[start].span.start];
        if gap.chars().all(char::is_whitespace) && !gap.is_empty() {
            let mut k = start - 1;
            let mut joined = prev.text.contains('-');
            while k > 0
                && joins_compound(
                    &text[tokens[k - 1].span.end..tokens[k].span.start],
                    &tokens[k - 1],
                    &tokens[k],
                )
            {
                k -= 1;
                joined = true;
            }
            if joined && (tokens[k].is_capitalized() || tokens[k].is_acronym()) {
                start = k;
                compound = true;
            }
        }
    }
    if !(marked || compound) {
        return None;
    }
    // Sentence-initial "Bilateral" is capitalised only by position.
    let mut end = i + 1;
    if tokens.get(end).is_some_and(|n| n.text == "on")
        && gap_is_space(text, &tokens[i], &tokens[end])
    {
        let mut k = end + 1;
        let mut last = None;
        while k < tokens.len() && k < end + 8 {
            let w = &tokens[k];
            if !text[tokens[k - 1].span.end..w.span.start]
                .chars()
                .all(char::is_whitespace)
            {
                break;
            }
            // A proper name inside the topic ("on Tijuana River sanitation") belongs to it
            // when a lower-case topic word follows it; "on Tuesday" ends the name.
            if w.is_capitalized() {
                let mut after = k;
                while after < tokens.len()
                    && after < k + 4
                    && tokens[after].is_capitalized()
                    && gap_is_space(text, &tokens[after - 1], &tokens[after])
                {
                    after += 1;
                }
                let continues = tokens.get(after).is_some_and(|n| {
                    gap_is_space(text, &tokens[after - 1], n) && is_topic_word(n.text)
                });
                if continues {
                    last = Some(after);
                    k = after + 1;
                    continue;
                }
                break;
            }
            if w.text == "and"
                && last.is_some()
                && tokens.get(k + 1).is_some_and(|n| is_topic_word(n.text))
            {
                k += 1;
                continue;
            }
            if !is_topic_word(w.text) {
                break;
            }
            last = Some(k);
            k += 1;
        }
        if let Some(last) = last {
            end = last + 1;
        }
    }
    let span = Span::new(tokens[start].span.start, tokens[end - 1].span.end);
    Some(NamePhrase {
        entity_type: EntityType::WorkingGroup,
        span,
        full_span: span,
        name: text[span.start..span.end].to_owned(),
        acronym: None,
        kind: None,
        rule: Rule::DescriptiveBody,
        owner: None,
    })
}

fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "a" | "an"
            | "the"
            | "this"
            | "that"
            | "these"
            | "those"
            | "new"
            | "our"
            | "their"
            | "its"
            | "his"
            | "her"
            | "each"
            | "every"
            | "any"
            | "other"
            | "existing"
            | "first"
    )
}

/// Schwartz & Hearst (2003) long-form check: every character of the acronym appears in the
/// candidate long form, in order, matched right to left, and the first character of the
/// acronym starts a word of the long form.
pub(crate) fn schwartz_hearst(acronym: &str, long_form: &str) -> bool {
    let acr: Vec<char> = acronym
        .chars()
        .filter(|c| c.is_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let long: Vec<char> = long_form.chars().map(|c| c.to_ascii_lowercase()).collect();
    let matches = |acr: &[char]| {
        if acr.is_empty() {
            return false;
        }
        let mut l = long.len();
        for (ai, &c) in acr.iter().enumerate().rev() {
            loop {
                if l == 0 {
                    return false;
                }
                l -= 1;
                let at_word_start = l == 0 || !long[l - 1].is_alphanumeric();
                if long[l] == c && (ai > 0 || at_word_start) {
                    break;
                }
            }
        }
        true
    };
    // A plural acronym ("IBETs") may match its long form without the final "s".
    matches(&acr) || (acronym.ends_with('s') && matches(&acr[..acr.len() - 1]))
}

/// A span of comma-separated list items in `text[span]` whose items mostly end in the
/// head `head` ("Working Group"): returns the spans of the items that lack it (the bare
/// nouns "Transport", "Trade" of "…Working Group, Transport, and Trade.").
pub(crate) fn bare_list_items(text: &str, span: Span, head: &str) -> Vec<Span> {
    let slice = &text[span.start..span.end];
    let mut out = Vec::new();
    // Split into comma-separated chunks; a chunk may start with "and ".
    let mut chunks: Vec<(usize, &str)> = Vec::new();
    let mut offset = 0;
    for part in slice.split([',', ';', ':']) {
        chunks.push((offset, part));
        offset += part.len() + 1;
    }
    let with_head: Vec<bool> = chunks.iter().map(|(_, c)| c.contains(head)).collect();
    for (k, (off, chunk)) in chunks.iter().enumerate() {
        if with_head[k] {
            continue;
        }
        let prev_has = k > 0 && with_head[k - 1];
        let prev_bare_in_run = k > 0
            && out.last().is_some_and(|s: &Span| s.end <= span.start + off)
            && k >= 2
            && with_head[k - 2];
        if !(prev_has || prev_bare_in_run) {
            continue;
        }
        let mut item = chunk.trim();
        let mut lead = chunk.len() - chunk.trim_start().len();
        for conj in ["and ", "& ", "or "] {
            if let Some(rest) = item.strip_prefix(conj) {
                lead += conj.len();
                item = rest;
            }
        }
        let item = item.trim_end_matches(['.', ')', '"', '”']);
        let words: Vec<&str> = item.split_whitespace().collect();
        if words.is_empty()
            || words.len() > 4
            || !words.iter().all(|w| {
                w.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c == '&')
                    || CONNECTORS.contains(w)
            })
        {
            break;
        }
        let start = span.start + off + lead;
        out.push(Span::new(start, start + item.len()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens;

    fn phrases(s: &str) -> Vec<(EntityType, String, Option<String>)> {
        let toks = tokens(s, Span::new(0, s.len()));
        head_noun_phrases(s, &toks)
            .into_iter()
            .map(|p| (p.entity_type, p.name, p.acronym))
            .collect()
    }

    #[test]
    fn head_nouns_with_complements_and_acronyms() {
        assert_eq!(
            phrases("were the Directorate for Analysis and Border Security (DABS), harbour police"),
            [(
                EntityType::Agency,
                "Directorate for Analysis and Border Security".into(),
                Some("DABS".into())
            )]
        );
        assert_eq!(
            phrases("In 1957 both cabinets approved the Kingston Agreement, which"),
            [(EntityType::Agreement, "Kingston Agreement".into(), None)]
        );
        assert_eq!(
            phrases("the Fisheries Board of Manitoba has argued"),
            [(
                EntityType::Agency,
                "Fisheries Board of Manitoba".into(),
                None
            )]
        );
    }

    fn names_of(s: &str) -> Vec<String> {
        phrases(s).into_iter().map(|p| p.1).collect()
    }

    #[test]
    fn a_headline_verb_starts_no_name() {
        assert_eq!(
            names_of("Chile and Peru Adopt Coastal Waters Action Plan"),
            ["Coastal Waters Action Plan"]
        );
        assert_eq!(
            names_of("Ministers Sign Andes Water Accord"),
            ["Andes Water Accord"]
        );
    }

    #[test]
    fn a_year_or_year_range_after_an_instrument_belongs_to_its_name() {
        assert_eq!(
            names_of("adopted the Lakes Fisheries Action Plan 2026–2029 (the Plan) today"),
            ["Lakes Fisheries Action Plan 2026–2029"]
        );
        assert_eq!(
            names_of("under the Coastal Resilience Strategy 2030, the ministries"),
            ["Coastal Resilience Strategy 2030"]
        );
        assert_eq!(
            names_of("the Joint Work Plan 2024-26 sets out"),
            ["Joint Work Plan 2024-26"]
        );
        assert_eq!(
            names_of("the Road Safety Programme 2021/22 was"),
            ["Road Safety Programme 2021/22"]
        );
        // A year after a line break or with a word between is context, not name.
        assert_eq!(
            names_of("the Coastal Resilience Strategy in 2030"),
            ["Coastal Resilience Strategy"]
        );
        assert_eq!(
            names_of("the Coastal Resilience Strategy\n2030 targets"),
            ["Coastal Resilience Strategy"]
        );
        // Bodies take no year: "the Joint Commission 2019 meeting".
        assert_eq!(
            names_of("the Boundary Waters Commission 2019 meeting"),
            ["Boundary Waters Commission"]
        );
    }

    #[test]
    fn a_facility_that_pays_and_a_charter_are_instruments_a_building_is_not() {
        assert_eq!(
            names_of(
                "The Lakeshore Peace Facility paid for kit, and the Reform and Growth Facility for Moldova lends."
            ),
            [
                "Lakeshore Peace Facility",
                "Reform and Growth Facility for Moldova"
            ]
        );
        assert!(names_of("Detainees stayed at the Adelanto Detention Facility.").is_empty());
        assert_eq!(
            names_of("Three states signed the Liptako-Gourma Charter in 1970."),
            ["Liptako-Gourma Charter"]
        );
    }

    #[test]
    fn an_appropriations_subcommittee_keeps_its_listed_name() {
        assert_eq!(
            names_of(
                "Staff of the Subcommittee on Commerce, Justice, Science, and Related Agencies met."
            ),
            ["Subcommittee on Commerce, Justice, Science, and Related Agencies"]
        );
        // The list never crosses a clause: the closing words after a semicolon are another
        // name's.
        assert_eq!(
            names_of("the Subcommittee on Energy; Labor, Science, and Related Agencies")[0],
            "Subcommittee on Energy"
        );
    }

    #[test]
    fn a_legal_form_closes_a_company_name_after_a_comma_too() {
        assert_eq!(
            names_of("a contract with Larchmont Sensor Works, Inc. was signed"),
            ["Larchmont Sensor Works, Inc"]
        );
        assert_eq!(
            names_of("Talleres Navales del Golfo, S.A. de C.V. and Pinewood Freight LLC won"),
            [
                "Talleres Navales del Golfo, S.A. de C.V.",
                "Pinewood Freight LLC"
            ]
        );
        assert_eq!(
            names_of("jet engines from Deccan Avionics Limited (DAL) and Vaal Rail Pty"),
            ["Deccan Avionics Limited", "Vaal Rail Pty"]
        );
        assert_eq!(
            names_of("shares of Servicios Portuarios del Sur, S. de R.L. de C.V. rose"),
            ["Servicios Portuarios del Sur, S. de R.L. de C.V."]
        );
        // A person's title before "of" leads the company, it is no part of its name.
        assert_eq!(
            names_of("said the CEO of Larchmont Sensor Works, Inc. today"),
            ["Larchmont Sensor Works, Inc"]
        );
        assert_eq!(
            names_of("and Founder of Pinewood Freight Corporation said"),
            ["Pinewood Freight Corporation"]
        );
        assert_eq!(
            names_of("the Chief Executive Officer of Pinewood Freight, LLC said"),
            ["Pinewood Freight, LLC"]
        );
        // Where a company is based is no part of its name; "A.C." closes a civil
        // association's.
        assert_eq!(
            names_of("the Ottawa-based Larchmont Sensor Works, Inc. and partners"),
            ["Larchmont Sensor Works, Inc"]
        );
        assert_eq!(
            names_of("funds for Casa Refugio del Migrante, A.C. in Tijuana"),
            ["Casa Refugio del Migrante, A.C."]
        );
        // A comma before any other head still ends the name before it.
        assert_eq!(
            names_of("in Ottawa, Agency staff met"),
            Vec::<String>::new()
        );
    }

    #[test]
    fn a_spanish_name_ends_before_an_english_complement_after_its_own() {
        assert_eq!(
            names_of(
                "and the Fiscalía General de la República of the United Mexican States on Cooperation"
            ),
            ["Fiscalía General de la República"]
        );
        assert_eq!(
            names_of("the Comisión Nacional de Búsqueda signed"),
            ["Comisión Nacional de Búsqueda"]
        );
    }

    #[test]
    fn a_university_keeps_its_campus() {
        assert_eq!(
            names_of("grants to the University of Texas at El Paso and to others"),
            ["University of Texas at El Paso"]
        );
        assert_eq!(
            names_of(
                "Department of Political Science, University of Texas at El Paso\n**Graham Smith**"
            ),
            [
                "Department of Political Science",
                "University of Texas at El Paso"
            ]
        );
        // "at" before a lower-case word is no campus.
        assert_eq!(
            names_of("the University of Toronto at once agreed"),
            ["University of Toronto"]
        );
    }

    #[test]
    fn groups_named_by_what_they_meet_for_are_working_groups() {
        assert_eq!(
            phrases("report annually to the Security Implementation Group of the Framework")[0],
            (
                EntityType::WorkingGroup,
                "Security Implementation Group".to_owned(),
                None
            )
        );
        assert_eq!(
            phrases("the Ukraine Defense Contact Group met")[0].0,
            EntityType::WorkingGroup
        );
        assert!(
            phrases("the Eurasia Group said")
                .iter()
                .all(|p| p.0 != EntityType::WorkingGroup)
        );
    }

    #[test]
    fn owners_addressees_and_other_bodies_end_a_name() {
        // A plural possessive inside a name stays ("Partnership for Workers' Rights").
        assert_eq!(
            names_of("the Partnership for Workers' Rights Program began"),
            ["Partnership for Workers' Rights Program"]
        );
        assert_eq!(
            names_of("at the University of Houston Law Center today"),
            ["University of Houston Law Center"]
        );
        assert_eq!(
            names_of("hosted by the Mexico Institute of the Wilson Center today"),
            ["Mexico Institute", "Wilson Center"]
        );
        assert!(names_of("Issues for Congress").is_empty());
        assert!(phrases("INL's program funds labs").is_empty());
        assert_eq!(
            names_of("funds CBP's Cross-Border Tunnel Threat program in full"),
            ["Cross-Border Tunnel Threat program"]
        );
    }

    #[test]
    fn laws_ranks_and_amounts_are_not_organisations() {
        assert!(
            phrases("under the Department of Homeland Security Appropriations Act, 2027")
                .iter()
                .all(|p| p.0 != EntityType::Agency),
            "{:?}",
            phrases("under the Department of Homeland Security Appropriations Act, 2027")
        );
        assert_eq!(
            names_of("attributable to a Senior State Department Official, and"),
            ["State Department"]
        );
        assert_eq!(
            names_of("the Senior Level Working Group met"),
            ["Senior Level Working Group"]
        );
        let got = names_of("Foundation Announces $6.2 Million in Grants for Research Services");
        assert!(!got.iter().any(|n| n.contains("Million")), "{got:?}");
    }

    #[test]
    fn working_groups_split_at_previous_head() {
        let got = phrases("Port Logistics Working Group and Trade and Transport Working Group.");
        let names: Vec<&str> = got.iter().map(|g| g.1.as_str()).collect();
        assert_eq!(
            names,
            [
                "Port Logistics Working Group",
                "Trade and Transport Working Group"
            ]
        );
    }

    #[test]
    fn lowercase_heads_need_an_acronym_or_modifier() {
        assert_eq!(
            phrases("the Arctic Radar (ARCTAR) treaty renewed")[0].1,
            "ARCTAR treaty"
        );
        assert_eq!(
            phrases("the Solicitor General's office (SGO)")[0]
                .2
                .as_deref(),
            Some("SGO")
        );
        assert!(phrases("signed the agreement in 2005").is_empty());
        assert!(phrases("it was a Jean Tremblay initiative").is_empty());
    }

    #[test]
    fn academic_programs_are_organisations() {
        assert_eq!(
            phrases("Latin American Studies Program")[0].0,
            EntityType::Agency
        );
    }

    #[test]
    fn schwartz_hearst_matches_in_order() {
        assert!(schwartz_hearst("RCMP", "Royal Canadian Mounted Police"));
        assert!(schwartz_hearst(
            "IBETs",
            "Integrated Border Enforcement Teams"
        ));
        assert!(schwartz_hearst("CIC", "Citizenship & Immigration Canada"));
        assert!(!schwartz_hearst(
            "CISEN",
            "Directorate for Analysis and Border Security"
        ));
        assert!(!schwartz_hearst("POE", "the Canada/US border"));
    }

    #[test]
    fn bare_items_after_headed_items() {
        let s =
            "were the Energy Working Group, Port Logistics Working Group, Transport, and Trade.";
        let got: Vec<&str> = bare_list_items(s, Span::new(0, s.len()), "Working Group")
            .iter()
            .map(|x| &s[x.start..x.end])
            .collect();
        assert_eq!(got, ["Transport", "Trade"]);
    }

    /// Schwartz & Hearst (2003) long-form check, both positive and negative cases.
    #[test]
    fn schwartz_hearst_table() {
        let cases: &[(&str, &str, bool)] = &[
            ("RCMP", "Royal Canadian Mounted Police", true),
            ("CBSA", "Canada Border Services Agency", true),
            ("CSIS", "Canadian Security Intelligence Service", true),
            ("NORAD", "North American Air Defense Command", true),
            ("NORTHCOM", "Northern Command", true),
            ("IBETs", "Integrated Border Enforcement Teams", true),
            ("IBETS", "Integrated Border Enforcement Teams", true),
            ("MSETs", "Marine Security Enforcement Teams", true),
            ("CIC", "Citizenship & Immigration Canada", true),
            ("SPP", "Security and Prosperity Partnership", true),
            ("SPP", "Security and Prosperity Agreement", true),
            ("IPS", "International Policy Statement", true),
            ("MI", "Merida Initiative", true),
            ("GAO", "Government Accountability Office", true),
            ("ACCBP", "Anti-Crime Capacity Building Program", true),
            ("JTF2", "Joint Task Force Two", false),
            ("FMF", "Foreign Military Financing", true),
            ("STCA", "Safe Third Country Agreement", true),
            (
                "PSEPC",
                "Public Safety and Emergency Preparedness Canada",
                true,
            ),
            (
                "CISEN",
                "Directorate for Analysis and Border Security",
                false,
            ),
            ("PGR", "Attorney General's office", false),
            ("AFI", "Federal Investigative Agency", false),
            ("POE", "the Canada/US border", false),
            ("SICA", "Central American Integration System", false),
            ("FBI", "Drug Enforcement Administration", false),
        ];
        for (acronym, long, expected) in cases {
            assert_eq!(
                schwartz_hearst(acronym, long),
                *expected,
                "{acronym} / {long}"
            );
        }
    }

    /// Acronym definitions attached to names in both positions, plural forms and the
    /// article inside the parentheses.
    #[test]
    fn acronyms_defined_after_names() {
        let cases: &[(&str, &str, &str)] = &[
            (
                "the Royal Bahamas Defence Force (RBDF) and",
                "Royal Bahamas Defence Force",
                "RBDF",
            ),
            (
                "a new Defence Policy Statement (the DPS) which",
                "Defence Policy Statement",
                "DPS",
            ),
            (
                "the Canada Border Services Agency (CBSA) staffs",
                "Canada Border Services Agency",
                "CBSA",
            ),
            (
                "the Marine Security Enforcement Teams (MSETs) along",
                "Marine Security Enforcement Teams",
                "MSETs",
            ),
            (
                "the Federal Highway Police (FHP) and",
                "Federal Highway Police",
                "FHP",
            ),
            (
                "the US Southern Command (SOUTHCOM). Its",
                "US Southern Command",
                "SOUTHCOM",
            ),
            (
                "the Department of Public Safety (PS) was",
                "Department of Public Safety",
                "PS",
            ),
        ];
        for (text, name, acronym) in cases {
            let got = phrases(text);
            assert!(
                got.iter()
                    .any(|(_, n, a)| n == name && a.as_deref() == Some(acronym)),
                "{text}: {got:?}"
            );
        }
    }

    fn named(s: &str) -> Vec<(EntityType, String)> {
        phrases(s).into_iter().map(|(t, n, _)| (t, n)).collect()
    }

    #[test]
    fn left_modifiers_keep_country_compounds_and_place_articles() {
        assert_eq!(
            named("They renewed the U.S.-Canada Action Plan on Opioids today."),
            [(
                EntityType::Agreement,
                "U.S.-Canada Action Plan on Opioids".to_owned()
            )]
        );
        assert_eq!(
            named("Leaders endorsed the Las Palmas Declaration on Fisheries."),
            [(
                EntityType::Agreement,
                "Las Palmas Declaration on Fisheries".to_owned()
            )]
        );
    }

    #[test]
    fn bodies_that_meet_are_working_groups() {
        for (s, name) in [
            (
                "the Mexico-Guatemala High-Level Border Dialogue met",
                "Mexico-Guatemala High-Level Border Dialogue",
            ),
            (
                "the Pacific Coast Crime Forum convened",
                "Pacific Coast Crime Forum",
            ),
            (
                "a Binational Commission on Water Security",
                "Binational Commission on Water Security",
            ),
            (
                "the Operations Group on Arms Trafficking",
                "Operations Group on Arms Trafficking",
            ),
            (
                "the Network for Violence Prevention",
                "Network for Violence Prevention",
            ),
            (
                "the Gulf Coast Wildlife Strike Force arrested",
                "Gulf Coast Wildlife Strike Force",
            ),
            (
                "the North American Flood Warning Network met",
                "North American Flood Warning Network",
            ),
        ] {
            assert_eq!(
                named(s),
                [(EntityType::WorkingGroup, name.to_owned())],
                "{s}"
            );
        }
        // A domestic council or network stays an organisation.
        assert_eq!(
            named("the National Research Council said"),
            [(EntityType::Agency, "National Research Council".to_owned())]
        );
        assert_eq!(
            named("the Financial Crimes Enforcement Network said"),
            [(
                EntityType::Agency,
                "Financial Crimes Enforcement Network".to_owned()
            )]
        );
    }

    #[test]
    fn descriptive_bodies_need_a_shared_marker_or_a_country_compound() {
        let s =
            "They set up a bilateral working group on port inspection standards to meet monthly.";
        let toks = tokens(s, Span::new(0, s.len()));
        let i = toks.iter().position(|t| t.text == "group").unwrap();
        let p = descriptive_body(s, &toks, i).unwrap();
        assert_eq!(
            p.name,
            "bilateral working group on port inspection standards"
        );
        let s = "the Canada-Chile cyber working group";
        let toks = tokens(s, Span::new(0, s.len()));
        let p = descriptive_body(s, &toks, toks.len() - 1).unwrap();
        assert_eq!(p.name, "Canada-Chile cyber working group");
        let s = "the technical working group on fees";
        let toks = tokens(s, Span::new(0, s.len()));
        let i = toks.iter().position(|t| t.text == "group").unwrap();
        assert!(descriptive_body(s, &toks, i).is_none());
    }

    #[test]
    fn a_descriptive_topic_is_a_noun_phrase() {
        let body = |s: &str, head: &str| {
            let toks = tokens(s, Span::new(0, s.len()));
            let i = toks.iter().position(|t| t.text == head).unwrap();
            descriptive_body(s, &toks, i).map(|p| p.name)
        };
        // An adverb or a finite verb ends the topic.
        assert_eq!(
            body(
                "a joint task force on cattle theft now links the two police services",
                "force"
            ),
            Some("joint task force on cattle theft".to_owned())
        );
        assert_eq!(
            body(
                "a bilateral working group on seed certification reports to ministers",
                "group"
            ),
            Some("bilateral working group on seed certification".to_owned())
        );
        assert_eq!(
            body(
                "a binational forum on wildfire response regularly shares maps",
                "forum"
            ),
            Some("binational forum on wildfire response".to_owned())
        );
        // A proper name inside the topic stays when the topic goes on after it, even across a
        // line break; a proper name that ends the phrase does not.
        assert_eq!(
            body(
                "a binational technical working group on Red River\nflood control met",
                "group"
            ),
            Some("binational technical working group on Red River\nflood control".to_owned())
        );
        assert_eq!(
            body("a bilateral working group on Tuesday agreed", "group"),
            Some("bilateral working group".to_owned())
        );
    }

    #[test]
    fn title_case_lists_inside_a_complement() {
        assert_eq!(
            named("the Framework for Trade, Public Health, and Safe Harbors was signed"),
            [(
                EntityType::Agreement,
                "Framework for Trade, Public Health, and Safe Harbors".to_owned()
            )]
        );
        assert_eq!(
            named("the Framework for Trade, which was signed"),
            [(EntityType::Agreement, "Framework for Trade".to_owned())]
        );
    }

    #[test]
    fn spanish_and_french_names_open_with_their_head() {
        let agencies = |s: &str| -> Vec<String> {
            named(s)
                .into_iter()
                .filter(|(t, _)| *t == EntityType::Agency)
                .map(|(_, n)| n)
                .collect()
        };
        // No left modifiers, a possessive owner aside; "de" and "para el" inside.
        assert_eq!(
            agencies("Led by NASA and Chile's Dirección Nacional de Aguas de Riego."),
            ["Dirección Nacional de Aguas de Riego"]
        );
        assert_eq!(
            agencies("The Instituto Federal para el Desarrollo Rural signed."),
            ["Instituto Federal para el Desarrollo Rural"]
        );
        // Coordinated nouns, and an English complement that is context, not name.
        assert_eq!(
            agencies("Partners include the Fundación Luz y Camino of Peru."),
            ["Fundación Luz y Camino"]
        );
        assert_eq!(
            agencies("Scholars at the Université Lumière and the Université de Rennes."),
            ["Université Lumière", "Université de Rennes"]
        );
    }

    #[test]
    fn schools_laboratories_and_companies_are_organisations() {
        let got = named(
            "Staff of the Oakridge School of Forestry, the Lakeside National Laboratory and Northwind Energy Holdings met Tern Mining Corp. officials.",
        );
        let names: Vec<&str> = got.iter().map(|(_, n)| n.as_str()).collect();
        assert_eq!(
            names,
            [
                "Oakridge School of Forestry",
                "Lakeside National Laboratory",
                "Northwind Energy Holdings",
                "Tern Mining Corp"
            ]
        );
        assert!(got.iter().all(|(t, _)| *t == EntityType::Agency));
    }

    #[test]
    fn a_body_and_a_year_name_its_plan() {
        assert_eq!(
            named("The Council's 2031 Work Plan was adopted."),
            [(EntityType::Agreement, "Council's 2031 Work Plan".to_owned())]
        );
        // Without a year, the possessive owner is no part of the name.
        assert_eq!(
            named("Canada's Clean Water Program was renewed."),
            [(EntityType::Agreement, "Clean Water Program".to_owned())]
        );
    }
}
