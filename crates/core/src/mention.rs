use crate::Span;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// Declares a closed vocabulary enum with its published snake-case names.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $text)] $variant),+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The published name.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = String;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($text => Ok($name::$variant),)+
                    other => Err(format!(
                        "unknown {} {other:?}; expected one of: {}",
                        stringify!($name),
                        [$($text),+].join(", ")
                    )),
                }
            }
        }
    };
}

vocabulary! {
    /// Where an attribute of an entity row came from; published in the `*_source` columns
    /// (`agreements.parties_source`, `agencies.country_source`, …), null exactly when the
    /// attribute is.
    Source {
        /// A document states it: a mention's own value, or the entity's name as the text
        /// writes it ("U.S.-Mexico High-Level Dialogue" names its parties and its kind).
        Text => "text",
        /// The curated gazetteer (`data/gazetteers/`), because no document states it.
        Gazetteer => "gazetteer",
        /// A default, neither stated nor curated (a kind of `other` when nothing says more).
        Inferred => "inferred",
    }
}

vocabulary! {
    /// Kind of a monetary figure; published in `funding.kind` (the vocabulary of the gold
    /// format, `tests/eval/GOLD.md`).
    FundingKind {
        /// Aid given or committed to a recipient.
        Assistance => "assistance",
        /// Money a legislature appropriated.
        Appropriation => "appropriation",
        /// A budgeted, allocated or earmarked amount.
        Budget => "budget",
        /// Money requested (a budget request).
        Request => "request",
        /// An authorised amount.
        Authorization => "authorization",
        /// An estimate of (illicit) revenue: money, but not funding.
        RevenueEstimate => "revenue_estimate",
        /// Money that is not funding: trade volumes, fees, prices, seizures.
        Other => "other",
    }
}

impl FundingKind {
    /// Whether figures of this kind are funding, money committed or spent for a purpose, so
    /// that summing them means something (`revenue_estimate` and `other` are not).
    pub fn is_funding(self) -> bool {
        !matches!(self, FundingKind::RevenueEstimate | FundingKind::Other)
    }
}

vocabulary! {
    /// The extraction rule that produced a mention; published (with `+gloss` when the mention
    /// glosses another name, see [`Mention::rule_label`]) in `mentions.rule`.
    Rule {
        /// A name, acronym or alias of the gazetteer.
        Gazetteer => "gazetteer",
        /// A capitalised phrase ending in a head noun ("… Border Protection Agency").
        HeadNoun => "head-noun",
        /// A plural head shared by several names ("the Energy and Health Working Groups").
        PluralHead => "plural-head",
        /// A long form defined with its acronym, "Long Form (ACR)" (Schwartz & Hearst 2003).
        AcronymDefinition => "acronym-definition",
        /// A later or earlier use of a defined acronym.
        Acronym => "acronym",
        /// An acronym followed by a head noun ("the JBC Work Plan").
        AcronymHead => "acronym-head",
        /// A bare item of a list of working groups, completed with the list's head.
        ListExpansion => "list-expansion",
        /// An unnamed item of a list of organisations or agreements.
        ListMember => "list-member",
        /// An agreement named by its parties ("the Canada-US border agreement").
        PartyCompound => "party-compound",
        /// One of two names joined by "and" ("FBI and DEA agents").
        Coordination => "coordination",
        /// One member of a distributive list ("the Departments of Commerce and Labor").
        DistributiveList => "distributive-list",
        /// A lower-case body that meets ("a bilateral working group on …").
        DescriptiveBody => "descriptive-body",
        /// A bare institution name of the gazetteer ("National Guard"), resolved to the
        /// country the document is about.
        BareName => "bare-name",
        /// The distinctive word of a one-word-plus-head gazetteer name used as a modifier
        /// ("Mérida funds" for the Mérida Initiative).
        ShortName => "short-name",
        /// A numbered plan ("its 22-point plan") resolved to the one plan of the gazetteer.
        NumberedPlan => "numbered-plan",
        /// A generic instrument noun followed by a name in apposition ("the trusted-traveller
        /// programme, Viajero Confiable").
        Apposition => "apposition",
        /// A gazetteer body that two or three governments share (country `BINATIONAL`), also
        /// a working group (`eval/CODING.md`, "Working groups").
        SharedBody => "shared-body",
        /// A council, committee, network or group named without a shared marker that the
        /// text shows meeting, set up under an instrument, belonging to an international
        /// organisation or listed with a working group: a body that meets
        /// (`eval/CODING.md`, "Working groups").
        MeetingBody => "meeting-body",
        /// The formal title of an instrument with its parties ("Memorandum of Understanding
        /// between … and … on …").
        TitledInstrument => "titled-instrument",
        /// A definite memorandum or letter named by its lower-case subject ("the Memorandum
        /// of Understanding on the safety of the grid").
        DescribedInstrument => "described-instrument",
        /// An instrument noun and its number ("Minute 328", "Executive Order 13224").
        NumberedInstrument => "numbered-instrument",
        /// A monetary figure.
        Money => "money",
    }
}

vocabulary! {
    /// What a mention refers to; published in `mentions.entity_type`.
    EntityType {
        /// A treaty, agreement, declaration, partnership, initiative, plan, program or policy statement.
        Agreement => "agreement",
        /// A working group (usually of an agreement).
        WorkingGroup => "working_group",
        /// An organisation: agency, ministry, command, legislature, think tank, company, …
        Agency => "agency",
        /// A monetary figure.
        Funding => "funding",
    }
}

vocabulary! {
    /// Kind of agreement (vocabulary of `eval/GOLD.md`).
    AgreementKind {
        /// A treaty.
        Treaty => "treaty",
        /// An agreement, accord, convention, protocol or memorandum.
        Agreement => "agreement",
        /// A declaration or joint statement.
        Declaration => "declaration",
        /// A partnership.
        Partnership => "partnership",
        /// An initiative.
        Initiative => "initiative",
        /// A plan or action plan.
        Plan => "plan",
        /// A program or programme.
        Program => "program",
        /// A unilateral policy statement, strategy or framework.
        PolicyStatement => "policy_statement",
        /// Anything else.
        Other => "other",
    }
}

vocabulary! {
    /// Kind of organisation (vocabulary of `eval/GOLD.md`).
    AgencyKind {
        /// Police, prosecutors, investigative agencies.
        LawEnforcement => "law_enforcement",
        /// Border, customs and immigration agencies.
        Border => "border",
        /// Intelligence services.
        Intelligence => "intelligence",
        /// Armed forces, commands, coast guards.
        Military => "military",
        /// Departments, ministries, secretariats.
        Ministry => "ministry",
        /// Parliaments, congresses, senates, their committees.
        Legislature => "legislature",
        /// Offices of heads of state or government.
        ExecutiveOffice => "executive_office",
        /// Research institutes and policy councils.
        ThinkTank => "think_tank",
        /// Business councils and trade associations.
        BusinessAssociation => "business_association",
        /// Companies and media.
        Company => "company",
        /// Intergovernmental organisations.
        InternationalOrganization => "international_organization",
        /// Anything else (courts, parties, universities, …).
        Other => "other",
    }
}

vocabulary! {
    /// Qualifier on a monetary amount.
    Qualifier {
        /// "about", "roughly", "nearly", "approaching".
        Approx => "approx",
        /// "more than", "over", "at least".
        AtLeast => "at_least",
        /// "up to", "under", "less than".
        AtMost => "at_most",
        /// An explicit range; see `amount_min` / `amount_max`.
        Range => "range",
    }
}

vocabulary! {
    /// Period a monetary amount covers.
    Period {
        /// The whole amount over the stated span.
        Total => "total",
        /// An amount per year ("annually", "a year", "per annum").
        PerYear => "per_year",
        /// Not stated.
        Unknown => "unknown",
    }
}

vocabulary! {
    /// Whether a monetary expression was parsed with confidence.
    ParseStatus {
        /// Parsed with confidence.
        Ok => "ok",
        /// Kept, but some part could not be parsed with confidence (see `qualifier`, `currency_inferred`).
        Ambiguous => "ambiguous",
    }
}

/// A parsed monetary expression.
///
/// Amounts are in **currency units** (dollars, pesos), never thousands or millions: "$1.4
/// billion" gives `amount = 1.4e9`, `scale = Some(1e9)`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Money {
    /// Point value in currency units; the midpoint is not invented for ranges (then `None`).
    pub amount: Option<f64>,
    /// Lower bound of a range, in currency units.
    pub amount_min: Option<f64>,
    /// Upper bound of a range, in currency units.
    pub amount_max: Option<f64>,
    /// Approximation or bound stated by the text.
    pub qualifier: Option<Qualifier>,
    /// ISO 4217 code.
    pub currency: Option<String>,
    /// True when the currency was not written next to the figure but inferred from context.
    pub currency_inferred: bool,
    /// Multiplier applied to the written number (1e3, 1e6, 1e9), from a scale word or a table note.
    pub scale: Option<f64>,
    /// Period covered.
    pub period: Period,
    /// Number of years the amount covers, when stated.
    pub years: Option<u32>,
    /// First year covered, when stated.
    pub start_year: Option<i32>,
    /// Last year covered, when stated.
    pub end_year: Option<i32>,
    /// Fiscal year as written in normal form (`FY2008`, `FY2012-13`).
    pub fiscal_year: Option<String>,
    /// Fraction in [0, 1] when the figure is stated as a share of another figure.
    pub share: Option<f64>,
    /// Confidence of the parse.
    pub parse_status: ParseStatus,
}

impl Money {
    /// An exact amount in `currency` units with nothing else known.
    pub fn exact(amount: f64, currency: Option<String>) -> Self {
        Self {
            amount: Some(amount),
            amount_min: None,
            amount_max: None,
            qualifier: None,
            currency,
            currency_inferred: false,
            scale: None,
            period: Period::Unknown,
            years: None,
            start_year: None,
            end_year: None,
            fiscal_year: None,
            share: None,
            parse_status: ParseStatus::Ok,
        }
    }
}

/// Attributes that extraction attaches to a mention; which ones are set depends on the type.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MentionValue {
    /// Proposed name (the surface form cleaned up, or a completed list item such as
    /// "Health Working Group").
    pub name: String,
    /// Id of the gazetteer entry the mention was resolved to.
    pub gazetteer_id: Option<String>,
    /// Acronym defined for or used by the mention.
    pub acronym: Option<String>,
    /// Agreement kind.
    pub agreement_kind: Option<AgreementKind>,
    /// Agency kind.
    pub agency_kind: Option<AgencyKind>,
    /// Agency country (ISO 3166-1 alpha-3, `BINATIONAL`, `INTERNATIONAL`).
    pub country: Option<String>,
    /// Agreement parties (ISO 3166-1 alpha-3), sorted.
    pub parties: Vec<String>,
    /// Signature / start date (EDTF) stated near the mention.
    pub signed: Option<String>,
    /// End date (EDTF) stated near the mention.
    pub ended: Option<String>,
    /// Working-group pillar.
    pub pillar: Option<String>,
    /// Parent: for a working group the agreement it belongs to; for funding the program or
    /// agreement it pays for. A name as written or a gazetteer id (see `parent_id`).
    pub parent: Option<String>,
    /// Gazetteer id of the parent, when resolved.
    pub parent_id: Option<String>,
    /// Funding kind, for [`EntityType::Funding`].
    pub funding_kind: Option<FundingKind>,
    /// Funding donor (ISO 3166-1 alpha-3).
    pub donor: Option<String>,
    /// Funding recipient (ISO 3166-1 alpha-3).
    pub recipient: Option<String>,
    /// Parsed money, for [`EntityType::Funding`]; boxed, as most mentions have none (a
    /// mention is held until normalize with every other one of the corpus).
    pub money: Option<Box<Money>>,
    /// Name of the entity this mention glosses or translates ("the Interior Ministry" after
    /// "Secretaría de Gobernación (SEGOB)"): normalize puts both in one entity.
    pub same_as: Option<String>,
}

/// One occurrence of an entity or a figure in a document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// What it refers to.
    pub entity_type: EntityType,
    /// Byte span in the document text.
    pub span: Span,
    /// The surface text, equal to the document text at `span`.
    pub text: String,
    /// The rule that produced it.
    pub rule: Rule,
    /// Extracted attributes.
    pub value: MentionValue,
}

impl Mention {
    /// The published rule name: the rule's name, with `+gloss` when the mention glosses or
    /// translates another name of the document ([`MentionValue::same_as`]), e.g.
    /// `gazetteer+gloss`.
    pub fn rule_label(&self) -> String {
        if self.value.same_as.is_some() {
            format!("{}+gloss", self.rule)
        } else {
            self.rule.as_str().to_owned()
        }
    }
}
