use crate::{AgencyKind, AgreementKind, Document, FundingKind, Money, Source};
use serde::{Deserialize, Serialize};

/// A row of the `mentions` table. Offsets are Unicode code points, end-exclusive, into
/// `documents.text`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MentionRecord {
    /// `<doc_id>#<char_start>-<char_end>-<entity_type>`.
    pub mention_id: String,
    /// Document id.
    pub doc_id: String,
    /// `agreement`, `working_group`, `agency` or `funding`.
    pub entity_type: String,
    /// Id of the entity row (or the funding row) it belongs to.
    pub entity_id: String,
    /// First code point.
    pub char_start: usize,
    /// One past the last code point.
    pub char_end: usize,
    /// The text at `[char_start, char_end)`.
    pub quote: String,
    /// Up to 40 code points before the quote.
    pub prefix: String,
    /// Up to 40 code points after the quote.
    pub suffix: String,
    /// Kind of the block the mention lies in.
    pub block_kind: String,
    /// Extraction rule.
    pub rule: String,
}

/// A distinct agreement of the corpus.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Agreement {
    /// Stable slug.
    pub agreement_id: String,
    /// Canonical name.
    pub name: String,
    /// Acronym.
    pub acronym: Option<String>,
    /// Every other form seen in the corpus or known from the gazetteer, sorted.
    pub aliases: Vec<String>,
    /// Kind.
    pub kind: Option<AgreementKind>,
    /// Where `kind` came from.
    pub kind_source: Option<Source>,
    /// Parties, ISO 3166-1 alpha-3, sorted.
    pub parties: Vec<String>,
    /// Where `parties` came from; null when `parties` is empty.
    pub parties_source: Option<Source>,
    /// `bilateral`, `trilateral`, `multilateral` or `unilateral`, from the number of parties.
    pub scope: Option<String>,
    /// Signature date, EDTF.
    pub signed: Option<String>,
    /// Year of `signed`.
    pub signed_year: Option<i32>,
    /// Where `signed` came from.
    pub signed_source: Option<Source>,
    /// End date, EDTF.
    pub ended: Option<String>,
    /// Year of `ended`.
    pub ended_year: Option<i32>,
    /// Where `ended` came from.
    pub ended_source: Option<Source>,
    /// Documents mentioning it, sorted.
    pub doc_ids: Vec<String>,
    /// Number of mentions in the corpus.
    pub mention_count: u32,
}

/// A distinct working group of the corpus.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorkingGroup {
    /// Stable slug.
    pub working_group_id: String,
    /// Canonical name.
    pub name: String,
    /// Acronym.
    pub acronym: Option<String>,
    /// Other forms, sorted.
    pub aliases: Vec<String>,
    /// Id of the parent agreement.
    pub agreement_id: Option<String>,
    /// Canonical name of the parent agreement.
    pub agreement: Option<String>,
    /// Pillar or track (`prosperity`, `security`, …).
    pub pillar: Option<String>,
    /// Documents mentioning it, sorted.
    pub doc_ids: Vec<String>,
    /// Number of mentions in the corpus.
    pub mention_count: u32,
}

/// A distinct organisation of the corpus.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Agency {
    /// Stable slug.
    pub agency_id: String,
    /// Canonical name.
    pub name: String,
    /// Acronym.
    pub acronym: Option<String>,
    /// Other forms, sorted.
    pub aliases: Vec<String>,
    /// ISO 3166-1 alpha-3, `BINATIONAL` or `INTERNATIONAL`.
    pub country: Option<String>,
    /// Where `country` came from.
    pub country_source: Option<Source>,
    /// Kind.
    pub kind: Option<AgencyKind>,
    /// Where `kind` came from.
    pub kind_source: Option<Source>,
    /// Id of the parent organisation.
    pub parent_id: Option<String>,
    /// Documents mentioning it, sorted.
    pub doc_ids: Vec<String>,
    /// Number of mentions in the corpus.
    pub mention_count: u32,
}

/// One monetary figure occurrence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Funding {
    /// `<doc_id>#<char_start>`.
    pub funding_id: String,
    /// Document id.
    pub doc_id: String,
    /// The mention row of the figure.
    pub mention_id: String,
    /// The figure as written.
    pub quote: String,
    /// Parsed money.
    pub money: Money,
    /// `assistance`, `appropriation`, `budget`, `request`, `authorization`, `revenue_estimate`, `other`.
    pub kind: Option<FundingKind>,
    /// Program, budget or account the money is for (canonical name when resolved).
    pub program: Option<String>,
    /// Id of the agreement the money is for.
    pub agreement_id: Option<String>,
    /// Donor country, ISO 3166-1 alpha-3.
    pub donor: Option<String>,
    /// Recipient country, ISO 3166-1 alpha-3.
    pub recipient: Option<String>,
    /// First code point of the figure in `documents.text`.
    pub char_start: usize,
    /// One past the last code point.
    pub char_end: usize,
}

/// An input that could not be processed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Failure {
    /// Path relative to the corpus root.
    pub path: String,
    /// Stage that failed (`ingest`, `extract`, …).
    pub stage: String,
    /// Human-readable error chain.
    pub error: String,
}

/// Everything publish writes: per-document rows and corpus-wide entities, each sorted by id.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Dataset {
    /// Ingested documents, sorted by `doc_id`.
    pub documents: Vec<Document>,
    /// Mention rows, sorted by `mention_id`.
    pub mentions: Vec<MentionRecord>,
    /// Agreements, sorted by id.
    pub agreements: Vec<Agreement>,
    /// Working groups, sorted by id.
    pub working_groups: Vec<WorkingGroup>,
    /// Agencies, sorted by id.
    pub agencies: Vec<Agency>,
    /// Funding figures, sorted by id.
    pub funding: Vec<Funding>,
    /// Inputs that failed, sorted by path.
    pub failures: Vec<Failure>,
}
