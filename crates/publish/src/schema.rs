//! The one description of the published tables: tables → fields → type, description,
//! vocabulary. It drives `datapackage.json`, `CODEBOOK.md` and the test that the Parquet
//! columns match it, so the three cannot drift apart.

use accord_core::{
    AgencyKind, AgreementKind, BlockKind, EntityType, Format, ParseStatus, Period, Qualifier,
    Source,
};

/// Type of a published column, as a Frictionless Table Schema type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldType {
    /// UTF-8 string (Arrow `large_string`).
    String,
    /// 64-bit signed integer (Arrow `int64`).
    Integer,
    /// 64-bit float (Arrow `double`).
    Number,
    /// Boolean.
    Boolean,
    /// List of strings (Arrow `large_list<large_string>`); Frictionless `array` of `string`.
    StringList,
}

impl FieldType {
    /// The Frictionless Table Schema type name (`string`, `integer`, `number`, `boolean`,
    /// `array`).
    pub fn frictionless(self) -> &'static str {
        match self {
            FieldType::String => "string",
            FieldType::Integer => "integer",
            FieldType::Number => "number",
            FieldType::Boolean => "boolean",
            FieldType::StringList => "array",
        }
    }

    /// The type as the codebook shows it (`string`, `integer`, `number`, `boolean`,
    /// `list<string>`).
    pub fn label(self) -> &'static str {
        match self {
            FieldType::StringList => "list<string>",
            other => other.frictionless(),
        }
    }
}

/// A closed vocabulary of a column, taken from `accord_core`'s enums (never retyped here).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Vocabulary {
    /// [`AgreementKind::ALL`].
    AgreementKind,
    /// [`AgencyKind::ALL`].
    AgencyKind,
    /// [`Qualifier::ALL`].
    Qualifier,
    /// [`Period::ALL`].
    Period,
    /// [`ParseStatus::ALL`].
    ParseStatus,
    /// [`EntityType::ALL`].
    EntityType,
    /// Every [`BlockKind`].
    BlockKind,
    /// Every input [`Format`].
    Format,
    /// [`Source::ALL`]: where an attribute came from.
    Source,
    /// ISO 4217 currency codes (the `iso_currency` crate's list), sorted.
    Currency,
}

/// Every [`BlockKind`], in declaration order.
///
/// `accord_core::BlockKind` has no `ALL` constant (unlike the `vocabulary!` enums); the
/// exhaustive `match` in this module's tests stops compiling when a variant is added, which
/// points here.
const BLOCK_KINDS: [BlockKind; 6] = [
    BlockKind::Heading,
    BlockKind::Paragraph,
    BlockKind::ListItem,
    BlockKind::TableCell,
    BlockKind::Footnote,
    BlockKind::Furniture,
];

/// Every [`Format`], in declaration order (see [`BLOCK_KINDS`] for why this is listed here).
const FORMATS: [Format; 5] = [
    Format::Text,
    Format::Markdown,
    Format::Html,
    Format::Pdf,
    Format::Docx,
];

impl Vocabulary {
    /// The published values, in the enum's declaration order.
    pub fn values(self) -> Vec<&'static str> {
        match self {
            Vocabulary::AgreementKind => AgreementKind::ALL.iter().map(|v| v.as_str()).collect(),
            Vocabulary::AgencyKind => AgencyKind::ALL.iter().map(|v| v.as_str()).collect(),
            Vocabulary::Qualifier => Qualifier::ALL.iter().map(|v| v.as_str()).collect(),
            Vocabulary::Period => Period::ALL.iter().map(|v| v.as_str()).collect(),
            Vocabulary::ParseStatus => ParseStatus::ALL.iter().map(|v| v.as_str()).collect(),
            Vocabulary::EntityType => EntityType::ALL.iter().map(|v| v.as_str()).collect(),
            Vocabulary::BlockKind => BLOCK_KINDS.iter().map(|v| v.as_str()).collect(),
            Vocabulary::Format => FORMATS.iter().map(|v| v.as_str()).collect(),
            Vocabulary::Source => Source::ALL.iter().map(|v| v.as_str()).collect(),
            Vocabulary::Currency => {
                let mut codes: Vec<&'static str> =
                    <iso_currency::Currency as iso_currency::IntoEnumIterator>::iter()
                        .map(|c| c.code())
                        .collect();
                codes.sort_unstable();
                codes
            }
        }
    }
}

/// One column of a published table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    /// Column name (fixed by the contract in `DESIGN.md`).
    pub name: &'static str,
    /// Column type.
    pub ty: FieldType,
    /// True when the column is never null (Frictionless `constraints.required`).
    pub required: bool,
    /// What the column holds: units, sources, conventions.
    pub description: &'static str,
    /// Closed vocabulary (Frictionless `constraints.enum`), when the column has one.
    pub vocabulary: Option<Vocabulary>,
}

/// A column that refers to another table's key (Frictionless `foreignKeys`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ForeignKey {
    /// Column of this table.
    pub field: &'static str,
    /// Table referred to (may be the table itself).
    pub table: &'static str,
    /// Column of the referred table.
    pub column: &'static str,
}

/// One published table: its rows, key, references and columns in file order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TableSchema {
    /// Table name; the Parquet file is `<name>.parquet`.
    pub name: &'static str,
    /// Human title.
    pub title: &'static str,
    /// What one row is, and how rows are ordered.
    pub description: &'static str,
    /// Columns whose values identify a row.
    pub primary_key: &'static [&'static str],
    /// References to other tables.
    pub foreign_keys: &'static [ForeignKey],
    /// Columns, in the order they are written.
    pub fields: &'static [Field],
}

impl TableSchema {
    /// The field named `name`.
    pub fn field(&self, name: &str) -> Option<&'static Field> {
        self.fields.iter().find(|f| f.name == name)
    }
}

/// The schema of the table named `name`.
pub fn table_schema(name: &str) -> Option<&'static TableSchema> {
    SCHEMA.iter().find(|t| t.name == name)
}

const fn field(
    name: &'static str,
    ty: FieldType,
    required: bool,
    description: &'static str,
) -> Field {
    Field {
        name,
        ty,
        required,
        description,
        vocabulary: None,
    }
}

const fn vocab(
    name: &'static str,
    required: bool,
    vocabulary: Vocabulary,
    description: &'static str,
) -> Field {
    Field {
        name,
        ty: FieldType::String,
        required,
        description,
        vocabulary: Some(vocabulary),
    }
}

const fn fk(field: &'static str, table: &'static str, column: &'static str) -> ForeignKey {
    ForeignKey {
        field,
        table,
        column,
    }
}

use FieldType::{Boolean, Integer, Number, String as Str, StringList};

const CHAR_START: &str = "First character of the span in `documents.text` of the same `doc_id`, \
    in Unicode code points, 0-based (not bytes): in Python `text[char_start:char_end]`.";
const CHAR_END: &str = "One past the last character of the span in `documents.text` \
    (end-exclusive), in Unicode code points.";
const DOC_ID: &str = "Id of the document (`documents.doc_id`).";
const DOC_IDS: &str = "Ids of the documents that mention it (`documents.doc_id`), sorted.";
const ACRONYM: &str = "Acronym or abbreviation, from an acronym definition in the text or \
    the gazetteer; null when none.";
const KIND_SOURCE: &str = "Where `kind` came from: `text` (a document's wording), \
    `gazetteer`, or `inferred` (nothing says, so `other`).";
const ALIASES: &str = "Every other form of the name seen in the corpus or known from the \
    gazetteer (acronyms, translations, variants, misspellings of the source), sorted.";
const MENTION_COUNT: &str =
    "Number of mentions in the corpus (rows of `mentions` with this `entity_id`).";

/// Every published table, in the order they are written (the order of [`crate::TABLES`]).
pub static SCHEMA: [TableSchema; 8] = [
    TableSchema {
        name: "documents",
        title: "Documents",
        description: "One row per input document that was read, sorted by `doc_id`. `text` is \
            the text every published offset points into.",
        primary_key: &["doc_id"],
        foreign_keys: &[],
        fields: &[
            field(
                "doc_id",
                Str,
                true,
                "Document id: the input's path relative to the corpus root, without its \
                 extension, `/`-separated; when two inputs share that path (`report.pdf` and \
                 `report.docx`) both keep their extension (listed in `manifest.json` under \
                 `doc_ids_with_extension`). Bytes of a file name that are not UTF-8 are \
                 written `%XX`.",
            ),
            field(
                "path",
                Str,
                true,
                "Input path relative to the corpus root, `/`-separated, with extension.",
            ),
            vocab(
                "format",
                true,
                Vocabulary::Format,
                "Input format detected by the ingest stage.",
            ),
            field(
                "title",
                Str,
                false,
                "Title the document states; null when it states none.",
            ),
            field(
                "sha256",
                Str,
                true,
                "Lowercase hexadecimal SHA-256 of the input file's bytes.",
            ),
            field(
                "n_chars",
                Integer,
                true,
                "Length of `text` in Unicode code points.",
            ),
            field(
                "text",
                Str,
                true,
                "The normalised text (Unicode NFC, blocks separated by blank lines, page \
                 breaks and line-end hyphenation repaired) into which every published \
                 `char_start`/`char_end` points, in Unicode code points.",
            ),
            field(
                "warnings",
                StringList,
                false,
                "Repairs made and problems met while reading the document, one sentence \
                 each, for a reviewer.",
            ),
        ],
    },
    TableSchema {
        name: "blocks",
        title: "Blocks",
        description: "One row per layout block of a document (heading, paragraph, list item, \
            table cell, footnote, furniture), ordered by document, then position. Blocks do \
            not overlap; nothing of the text is dropped.",
        primary_key: &["block_id"],
        foreign_keys: &[fk("doc_id", "documents", "doc_id")],
        fields: &[
            field("doc_id", Str, true, DOC_ID),
            field(
                "block_id",
                Str,
                true,
                "`<doc_id>#b<index>`, the 0-based position of the block in its document, \
                 five digits.",
            ),
            vocab(
                "kind",
                true,
                Vocabulary::BlockKind,
                "Layout role of the block. `furniture` is front matter, page headers and \
                 footers, page numbers, navigation and boilerplate.",
            ),
            field(
                "page",
                Integer,
                false,
                "1-based page number for formats with pages; null otherwise.",
            ),
            field("char_start", Integer, true, CHAR_START),
            field("char_end", Integer, true, CHAR_END),
        ],
    },
    TableSchema {
        name: "mentions",
        title: "Mentions",
        description: "One row per occurrence of an agreement, working group, agency or \
            monetary figure in a document, sorted by `mention_id`: the evidence behind every \
            entity row.",
        primary_key: &["mention_id"],
        foreign_keys: &[fk("doc_id", "documents", "doc_id")],
        fields: &[
            field(
                "mention_id",
                Str,
                true,
                "Stable id built from the document id, the span and the entity type.",
            ),
            field("doc_id", Str, true, DOC_ID),
            vocab(
                "entity_type",
                true,
                Vocabulary::EntityType,
                "What the mention refers to; says which table `entity_id` points into.",
            ),
            field(
                "entity_id",
                Str,
                true,
                "Id of the row the mention belongs to: `agreements.agreement_id`, \
                 `working_groups.working_group_id`, `agencies.agency_id` or \
                 `funding.funding_id`, according to `entity_type`.",
            ),
            field("char_start", Integer, true, CHAR_START),
            field("char_end", Integer, true, CHAR_END),
            field(
                "quote",
                Str,
                true,
                "The text at `[char_start, char_end)` of `documents.text`, as written.",
            ),
            field(
                "prefix",
                Str,
                true,
                "Up to 40 code points of `documents.text` before the quote (may be empty).",
            ),
            field(
                "suffix",
                Str,
                true,
                "Up to 40 code points of `documents.text` after the quote (may be empty).",
            ),
            vocab(
                "block_kind",
                true,
                Vocabulary::BlockKind,
                "Kind of the block the mention starts in (`blocks.kind`).",
            ),
            field(
                "rule",
                Str,
                true,
                "Extraction rule that produced the mention (e.g. `gazetteer`, \
                 `acronym-definition`, `head-noun`, `list-member`, `money`).",
            ),
        ],
    },
    TableSchema {
        name: "agreements",
        title: "Agreements",
        description: "One row per distinct agreement of the corpus (treaty, agreement, \
            declaration, partnership, initiative, plan, program, policy statement), aliases \
            and acronyms merged across documents, sorted by `agreement_id`.",
        primary_key: &["agreement_id"],
        foreign_keys: &[],
        fields: &[
            field(
                "agreement_id",
                Str,
                true,
                "Stable slug of the canonical name (or the gazetteer id).",
            ),
            field("name", Str, true, "Canonical full name."),
            field("acronym", Str, false, ACRONYM),
            field("aliases", StringList, false, ALIASES),
            vocab(
                "kind",
                false,
                Vocabulary::AgreementKind,
                "Kind of agreement: from a document's wording (a treaty, the head noun of the \
                 name), else the gazetteer, else `other`.",
            ),
            vocab("kind_source", false, Vocabulary::Source, KIND_SOURCE),
            field(
                "parties",
                StringList,
                false,
                "Parties, ISO 3166-1 alpha-3 country codes (EUU for the European Union), \
                 sorted; empty when no source names them.",
            ),
            vocab(
                "parties_source",
                false,
                Vocabulary::Source,
                "Where `parties` came from: `text` (a document, or the name, states the same \
                 parties) or `gazetteer`; null when `parties` is empty.",
            ),
            field(
                "scope",
                Str,
                false,
                "`unilateral`, `bilateral`, `trilateral` or `multilateral`, from the number of \
                 `parties` (1, 2, 3, more); null when no party is known.",
            ),
            field(
                "signed",
                Str,
                false,
                "Signature or launch date, EDTF (ISO 8601-2) at the precision the text gives \
                 (`2005`, `2005-03`, `2005-03-23`); null when no source gives one.",
            ),
            vocab(
                "signed_source",
                false,
                Vocabulary::Source,
                "Where `signed` came from: `text` (a document states it) or `gazetteer`; \
                 null when `signed` is.",
            ),
            field("signed_year", Integer, false, "Calendar year of `signed`."),
            field(
                "ended",
                Str,
                false,
                "End date, EDTF (ISO 8601-2) at the precision the source gives; null when \
                 no source gives one.",
            ),
            vocab(
                "ended_source",
                false,
                Vocabulary::Source,
                "Where `ended` came from: `text` or `gazetteer`; null when `ended` is.",
            ),
            field("ended_year", Integer, false, "Calendar year of `ended`."),
            field("doc_ids", StringList, false, DOC_IDS),
            field("mention_count", Integer, true, MENTION_COUNT),
        ],
    },
    TableSchema {
        name: "working_groups",
        title: "Working groups",
        description: "One row per distinct working group of the corpus, linked to its parent \
            agreement when the text or the gazetteer names one, sorted by `working_group_id`.",
        primary_key: &["working_group_id"],
        foreign_keys: &[fk("agreement_id", "agreements", "agreement_id")],
        fields: &[
            field(
                "working_group_id",
                Str,
                true,
                "Stable slug of the canonical name.",
            ),
            field("name", Str, true, "Canonical full name."),
            field("acronym", Str, false, ACRONYM),
            field("aliases", StringList, false, ALIASES),
            field(
                "agreement_id",
                Str,
                false,
                "Id of the parent agreement (`agreements.agreement_id`); null when none is \
                 named.",
            ),
            field(
                "agreement",
                Str,
                false,
                "Canonical name of the parent agreement (`agreements.name`).",
            ),
            field(
                "pillar",
                Str,
                false,
                "Pillar or track the text assigns the group to (e.g. `prosperity`, \
                 `security`); null when none.",
            ),
            field("doc_ids", StringList, false, DOC_IDS),
            field("mention_count", Integer, true, MENTION_COUNT),
        ],
    },
    TableSchema {
        name: "agencies",
        title: "Agencies and organisations",
        description: "One row per distinct organisation of the corpus (agencies, ministries, \
            commands, legislatures, think tanks, companies, international organisations), \
            sorted by `agency_id`.",
        primary_key: &["agency_id"],
        foreign_keys: &[fk("parent_id", "agencies", "agency_id")],
        fields: &[
            field(
                "agency_id",
                Str,
                true,
                "Stable slug of the canonical name (or the gazetteer id).",
            ),
            field("name", Str, true, "Canonical full name."),
            field("acronym", Str, false, ACRONYM),
            field("aliases", StringList, false, ALIASES),
            field(
                "country",
                Str,
                false,
                "ISO 3166-1 alpha-3 country code of the state the organisation belongs to, \
                 or `BINATIONAL` / `INTERNATIONAL`; null when unknown.",
            ),
            vocab(
                "country_source",
                false,
                Vocabulary::Source,
                "Where `country` came from: `text` (a document states it, or states the \
                 gazetteer's country) or `gazetteer`; null when `country` is.",
            ),
            vocab(
                "kind",
                false,
                Vocabulary::AgencyKind,
                "Kind of organisation: the gazetteer's, else a document's wording, else \
                 `other`.",
            ),
            vocab("kind_source", false, Vocabulary::Source, KIND_SOURCE),
            field(
                "parent_id",
                Str,
                false,
                "Id of the parent organisation (`agencies.agency_id`), e.g. the department \
                 of an agency; null when none is known.",
            ),
            field("doc_ids", StringList, false, DOC_IDS),
            field("mention_count", Integer, true, MENTION_COUNT),
        ],
    },
    TableSchema {
        name: "funding",
        title: "Funding figures",
        description: "One row per occurrence of a monetary figure in a document, sorted by \
            `funding_id`. Amounts are in currency units (not thousands, not millions). The \
            same money stated twice gives two rows.",
        primary_key: &["funding_id"],
        foreign_keys: &[
            fk("doc_id", "documents", "doc_id"),
            fk("mention_id", "mentions", "mention_id"),
            fk("agreement_id", "agreements", "agreement_id"),
        ],
        fields: &[
            field(
                "funding_id",
                Str,
                true,
                "Stable id built from the document id and the figure's start offset.",
            ),
            field("doc_id", Str, true, DOC_ID),
            field(
                "mention_id",
                Str,
                true,
                "The figure's row in `mentions` (`mentions.mention_id`).",
            ),
            field(
                "quote",
                Str,
                true,
                "The figure as written: the text at `[char_start, char_end)` of \
                 `documents.text`.",
            ),
            field(
                "amount",
                Number,
                false,
                "Point value in currency units (dollars, pesos; not thousands, not \
                 millions): `$1.4 billion` gives 1400000000. A range gives two rows, one \
                 per endpoint (`qualifier = range`, the bounds in `amount_min`, \
                 `amount_max`; no midpoint is invented). Null when no value could be read.",
            ),
            field(
                "amount_min",
                Number,
                false,
                "Lower bound of a stated range, in currency units; null unless `qualifier` \
                 is `range`.",
            ),
            field(
                "amount_max",
                Number,
                false,
                "Upper bound of a stated range, in currency units; null unless `qualifier` \
                 is `range`.",
            ),
            vocab(
                "qualifier",
                false,
                Vocabulary::Qualifier,
                "Approximation or bound the text states: `approx` (about, roughly, nearly), \
                 `at_least` (more than, over), `at_most` (up to, under, less than), `range` \
                 (an explicit range); null for an exact figure.",
            ),
            vocab(
                "currency",
                false,
                Vocabulary::Currency,
                "ISO 4217 currency code (`USD`, `CAD`, `MXN`); null when unknown.",
            ),
            field(
                "currency_inferred",
                Boolean,
                true,
                "True when the currency was not written next to the figure but inferred from \
                 the context or the pipeline's default currency.",
            ),
            field(
                "scale",
                Number,
                false,
                "Multiplier applied to the written number (1000, 1000000, 1000000000) from a \
                 scale word (`million`, `bn`) or a table note (`in thousands`); null when \
                 none.",
            ),
            vocab(
                "period",
                true,
                Vocabulary::Period,
                "What the amount covers: `total` (the whole amount over the stated span), \
                 `per_year` (annually, a year, per annum) or `unknown` (not stated).",
            ),
            field(
                "years",
                Integer,
                false,
                "Number of years the amount covers, when stated.",
            ),
            field(
                "start_year",
                Integer,
                false,
                "First year the amount covers (calendar or fiscal), when stated.",
            ),
            field(
                "end_year",
                Integer,
                false,
                "Last year the amount covers (calendar or fiscal), when stated.",
            ),
            field(
                "fiscal_year",
                Str,
                false,
                "Fiscal year as written, in normal form (`FY2008`, `FY2012-13`); null when \
                 none.",
            ),
            field(
                "kind",
                Str,
                false,
                "Kind of figure: `assistance`, `appropriation`, `budget`, `request`, \
                 `authorization`, `revenue_estimate` or `other` (vocabulary of the gold \
                 format); null when undetermined.",
            ),
            field(
                "program",
                Str,
                false,
                "Program, budget or account the money is for (the agreement's canonical name \
                 when resolved); null when none is named.",
            ),
            field(
                "agreement_id",
                Str,
                false,
                "Id of the agreement the money is for (`agreements.agreement_id`), when \
                 `program` resolves to one.",
            ),
            field(
                "donor",
                Str,
                false,
                "Donor country, ISO 3166-1 alpha-3 code; null when not stated.",
            ),
            field(
                "recipient",
                Str,
                false,
                "Recipient country, ISO 3166-1 alpha-3 code; null when not stated.",
            ),
            field(
                "share",
                Number,
                false,
                "Fraction in [0, 1] when the text states the figure as a share of another \
                 figure; `amount` is then the share applied to that figure, when derivable.",
            ),
            vocab(
                "parse_status",
                true,
                Vocabulary::ParseStatus,
                "`ok` when the expression was parsed with confidence; `ambiguous` when some \
                 part could not be (kept, never guessed; see `qualifier`, \
                 `currency_inferred`).",
            ),
            field("char_start", Integer, true, CHAR_START),
            field("char_end", Integer, true, CHAR_END),
        ],
    },
    TableSchema {
        name: "failures",
        title: "Failures",
        description: "One row per input that could not be processed, sorted by `path`. Every \
            input file is either a `documents` row or a `failures` row.",
        primary_key: &["path", "stage"],
        foreign_keys: &[],
        fields: &[
            field(
                "path",
                Str,
                true,
                "Input path relative to the corpus root, `/`-separated.",
            ),
            field(
                "stage",
                Str,
                true,
                "Stage that failed (`ingest`, `extract`, …).",
            ),
            field(
                "error",
                Str,
                true,
                "Human-readable error chain, outermost first.",
            ),
        ],
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    /// Exhaustive on purpose: a new variant in `accord_core` breaks this until it is listed.
    fn block_kind_index(kind: BlockKind) -> usize {
        match kind {
            BlockKind::Heading => 0,
            BlockKind::Paragraph => 1,
            BlockKind::ListItem => 2,
            BlockKind::TableCell => 3,
            BlockKind::Footnote => 4,
            BlockKind::Furniture => 5,
        }
    }

    fn format_index(format: Format) -> usize {
        match format {
            Format::Text => 0,
            Format::Markdown => 1,
            Format::Html => 2,
            Format::Pdf => 3,
            Format::Docx => 4,
        }
    }

    #[test]
    fn listed_variants_are_complete() {
        for (i, kind) in BLOCK_KINDS.iter().enumerate() {
            assert_eq!(block_kind_index(*kind), i);
        }
        for (i, format) in FORMATS.iter().enumerate() {
            assert_eq!(format_index(*format), i);
        }
    }

    #[test]
    fn keys_name_existing_columns() {
        for table in &SCHEMA {
            for key in table.primary_key {
                let field = table.field(key).expect("primary key column exists");
                assert!(field.required, "{}.{key} is a key, so required", table.name);
            }
            for fk in table.foreign_keys {
                assert!(
                    table.field(fk.field).is_some(),
                    "{}.{}",
                    table.name,
                    fk.field
                );
                let target = table_schema(fk.table).expect("referenced table exists");
                assert!(
                    target.field(fk.column).is_some(),
                    "{}.{}",
                    fk.table,
                    fk.column
                );
                assert_eq!(target.primary_key, [fk.column], "references a primary key");
            }
            let mut names: Vec<&str> = table.fields.iter().map(|f| f.name).collect();
            names.sort_unstable();
            names.dedup();
            assert_eq!(
                names.len(),
                table.fields.len(),
                "{}: unique names",
                table.name
            );
        }
    }
}
