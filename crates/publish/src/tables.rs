//! Dataset → polars `DataFrames`, one per published table, with the contract's column names.

use crate::{Error, Result};
use accord_core::{CharIndex, Dataset, FundingKind};
use polars::prelude::*;

/// Names of the published tables, in the order they are written.
pub const TABLES: [&str; 8] = [
    "documents",
    "blocks",
    "mentions",
    "agreements",
    "working_groups",
    "agencies",
    "funding",
    "failures",
];

/// Column-by-column builder for one table.
struct Table {
    name: &'static str,
    height: usize,
    columns: Vec<Column>,
}

impl Table {
    fn new(name: &'static str, height: usize) -> Self {
        Self {
            name,
            height,
            columns: Vec::new(),
        }
    }

    fn str<'a>(mut self, col: &str, values: impl Iterator<Item = &'a str>) -> Self {
        let values: Vec<&str> = values.collect();
        self.columns.push(Column::new(col.into(), values));
        self
    }

    fn opt_str<'a>(mut self, col: &str, values: impl Iterator<Item = Option<&'a str>>) -> Self {
        let values: Vec<Option<&str>> = values.collect();
        self.columns.push(Column::new(col.into(), values));
        self
    }

    fn list<'a>(mut self, col: &str, values: impl Iterator<Item = &'a [String]>) -> Self {
        let mut builder = ListStringChunkedBuilder::new(col.into(), self.height, self.height * 2);
        for list in values {
            builder.append_values_iter(list.iter().map(String::as_str));
        }
        self.columns.push(builder.finish().into_column());
        self
    }

    fn int(mut self, col: &str, values: impl Iterator<Item = Option<i64>>) -> Self {
        let values: Vec<Option<i64>> = values.collect();
        self.columns.push(Column::new(col.into(), values));
        self
    }

    fn float(mut self, col: &str, values: impl Iterator<Item = Option<f64>>) -> Self {
        let values: Vec<Option<f64>> = values.collect();
        self.columns.push(Column::new(col.into(), values));
        self
    }

    fn bool(mut self, col: &str, values: impl Iterator<Item = bool>) -> Self {
        let values: Vec<bool> = values.collect();
        self.columns.push(Column::new(col.into(), values));
        self
    }

    fn finish(self) -> Result<DataFrame> {
        let table = self.name;
        DataFrame::new(self.height, self.columns).map_err(|source| Error::Table { table, source })
    }
}

fn count(n: usize) -> Option<i64> {
    i64::try_from(n).ok()
}

/// How big a row group of a published table may grow: a frame of one row group is
/// built, encoded and written at a time, so publishing holds about one row group
/// besides the dataset itself.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RowGroupLimits {
    /// Most rows in one row group.
    pub(crate) rows: usize,
    /// Most bytes (UTF-8) of document text in one row group of `documents`.
    pub(crate) text_bytes: usize,
}

impl Default for RowGroupLimits {
    fn default() -> Self {
        Self {
            rows: 65_536,
            text_bytes: 32 << 20,
        }
    }
}

/// Builds every published table of `dataset`, in the order of [`TABLES`], each as one
/// frame.
///
/// Rows keep the order of the dataset's vectors (the normalize stage sorts them by id);
/// `blocks` rows are ordered by document, then position.
///
/// # Errors
/// [`Error::Table`] when polars rejects a column (a bug, not bad input).
pub fn build_tables(dataset: &Dataset) -> Result<Vec<(&'static str, DataFrame)>> {
    TABLES
        .iter()
        .map(|&name| {
            let all = 0..source_len(dataset, name);
            Ok((name, build_chunk(dataset, name, all)?))
        })
        .collect()
}

/// How many items of the dataset the table `name` is built from: documents for
/// `documents` and `blocks`, else one item per row.
fn source_len(ds: &Dataset, name: &str) -> usize {
    match name {
        "documents" | "blocks" => ds.documents.len(),
        "mentions" => ds.mentions.len(),
        "agreements" => ds.agreements.len(),
        "working_groups" => ds.working_groups.len(),
        "agencies" => ds.agencies.len(),
        "funding" => ds.funding.len(),
        _ => ds.failures.len(),
    }
}

/// The ranges of source items (see [`source_len`]) that make the row groups of table
/// `name`, in order, covering every item; one empty range for an empty table.
///
/// A row group holds at most `limits.rows` rows (a document with more blocks than that is
/// a row group of its own) and, in `documents`, at most `limits.text_bytes` of text (or
/// one document). The split depends on the dataset only, never on the
/// thread count, so the written bytes do not either.
pub(crate) fn row_groups(
    ds: &Dataset,
    name: &str,
    limits: RowGroupLimits,
) -> Vec<std::ops::Range<usize>> {
    let len = source_len(ds, name);
    // (rows, text bytes) that item `i` adds to a row group.
    let weight = |i: usize| -> (usize, usize) {
        match name {
            "documents" => (1, ds.documents[i].text.len()),
            "blocks" => (ds.documents[i].blocks.len(), 0),
            _ => (1, 0),
        }
    };
    let mut groups = Vec::new();
    let (mut start, mut rows, mut bytes) = (0, 0, 0);
    for i in 0..len {
        let (r, b) = weight(i);
        if i > start && (rows + r > limits.rows || bytes + b > limits.text_bytes) {
            groups.push(start..i);
            (start, rows, bytes) = (i, 0, 0);
        }
        rows += r;
        bytes += b;
    }
    if start < len || groups.is_empty() {
        groups.push(start..len);
    }
    groups
}

/// The frame of table `name` built from the source items `range` (see [`row_groups`]).
///
/// # Errors
/// [`Error::Table`] when polars rejects a column (a bug, not bad input).
pub(crate) fn build_chunk(
    ds: &Dataset,
    name: &str,
    range: std::ops::Range<usize>,
) -> Result<DataFrame> {
    match name {
        "documents" => documents(&ds.documents[range]),
        "blocks" => blocks(&ds.documents[range]),
        "mentions" => mentions(&ds.mentions[range]),
        "agreements" => agreements(&ds.agreements[range]),
        "working_groups" => working_groups(&ds.working_groups[range]),
        "agencies" => agencies(&ds.agencies[range]),
        "funding" => funding(&ds.funding[range]),
        _ => failures(&ds.failures[range]),
    }
}

fn documents(d: &[accord_core::Document]) -> Result<DataFrame> {
    Table::new("documents", d.len())
        .str("doc_id", d.iter().map(|x| x.doc_id.as_str()))
        .str("path", d.iter().map(|x| x.path.as_str()))
        .str("format", d.iter().map(|x| x.format.as_str()))
        .opt_str("title", d.iter().map(|x| x.title.as_deref()))
        .str("sha256", d.iter().map(|x| x.sha256.as_str()))
        .int("n_chars", d.iter().map(|x| count(x.n_chars())))
        .str("text", d.iter().map(|x| x.text.as_str()))
        .list("warnings", d.iter().map(|x| x.warnings.as_slice()))
        .finish()
}

fn blocks(documents: &[accord_core::Document]) -> Result<DataFrame> {
    // doc_id, block_id, kind, page, char_start, char_end
    type Row<'a> = (&'a str, String, &'static str, Option<i64>, usize, usize);
    let mut rows: Vec<Row<'_>> = Vec::new();
    for doc in documents {
        let index = CharIndex::new(&doc.text);
        for (i, block) in doc.blocks.iter().enumerate() {
            rows.push((
                doc.doc_id.as_str(),
                format!("{}#b{i:05}", doc.doc_id),
                block.kind.as_str(),
                block.page.map(i64::from),
                index.char_of(block.span.start),
                index.char_of(block.span.end),
            ));
        }
    }
    Table::new("blocks", rows.len())
        .str("doc_id", rows.iter().map(|r| r.0))
        .str("block_id", rows.iter().map(|r| r.1.as_str()))
        .str("kind", rows.iter().map(|r| r.2))
        .int("page", rows.iter().map(|r| r.3))
        .int("char_start", rows.iter().map(|r| count(r.4)))
        .int("char_end", rows.iter().map(|r| count(r.5)))
        .finish()
}

fn mentions(m: &[accord_core::MentionRecord]) -> Result<DataFrame> {
    Table::new("mentions", m.len())
        .str("mention_id", m.iter().map(|x| x.mention_id.as_str()))
        .str("doc_id", m.iter().map(|x| x.doc_id.as_str()))
        .str("entity_type", m.iter().map(|x| x.entity_type.as_str()))
        .str("entity_id", m.iter().map(|x| x.entity_id.as_str()))
        .int("char_start", m.iter().map(|x| count(x.char_start)))
        .int("char_end", m.iter().map(|x| count(x.char_end)))
        .str("quote", m.iter().map(|x| x.quote.as_str()))
        .str("prefix", m.iter().map(|x| x.prefix.as_str()))
        .str("suffix", m.iter().map(|x| x.suffix.as_str()))
        .str("block_kind", m.iter().map(|x| x.block_kind.as_str()))
        .str("rule", m.iter().map(|x| x.rule.as_str()))
        .finish()
}

/// The published name of an attribute's source.
fn source(source: Option<accord_core::Source>) -> Option<&'static str> {
    source.map(accord_core::Source::as_str)
}

fn agreements(a: &[accord_core::Agreement]) -> Result<DataFrame> {
    Table::new("agreements", a.len())
        .str("agreement_id", a.iter().map(|x| x.agreement_id.as_str()))
        .str("name", a.iter().map(|x| x.name.as_str()))
        .opt_str("acronym", a.iter().map(|x| x.acronym.as_deref()))
        .list("aliases", a.iter().map(|x| x.aliases.as_slice()))
        .opt_str(
            "kind",
            a.iter()
                .map(|x| x.kind.map(accord_core::AgreementKind::as_str)),
        )
        .opt_str("kind_source", a.iter().map(|x| source(x.kind_source)))
        .list("parties", a.iter().map(|x| x.parties.as_slice()))
        .opt_str("parties_source", a.iter().map(|x| source(x.parties_source)))
        .opt_str("scope", a.iter().map(|x| x.scope.as_deref()))
        .opt_str("signed", a.iter().map(|x| x.signed.as_deref()))
        .opt_str("signed_source", a.iter().map(|x| source(x.signed_source)))
        .int(
            "signed_year",
            a.iter().map(|x| x.signed_year.map(i64::from)),
        )
        .opt_str("ended", a.iter().map(|x| x.ended.as_deref()))
        .opt_str("ended_source", a.iter().map(|x| source(x.ended_source)))
        .int("ended_year", a.iter().map(|x| x.ended_year.map(i64::from)))
        .list("doc_ids", a.iter().map(|x| x.doc_ids.as_slice()))
        .int(
            "mention_count",
            a.iter().map(|x| Some(i64::from(x.mention_count))),
        )
        .finish()
}

fn working_groups(w: &[accord_core::WorkingGroup]) -> Result<DataFrame> {
    Table::new("working_groups", w.len())
        .str(
            "working_group_id",
            w.iter().map(|x| x.working_group_id.as_str()),
        )
        .str("name", w.iter().map(|x| x.name.as_str()))
        .opt_str("acronym", w.iter().map(|x| x.acronym.as_deref()))
        .list("aliases", w.iter().map(|x| x.aliases.as_slice()))
        .opt_str("agreement_id", w.iter().map(|x| x.agreement_id.as_deref()))
        .opt_str("agreement", w.iter().map(|x| x.agreement.as_deref()))
        .opt_str("pillar", w.iter().map(|x| x.pillar.as_deref()))
        .list("doc_ids", w.iter().map(|x| x.doc_ids.as_slice()))
        .int(
            "mention_count",
            w.iter().map(|x| Some(i64::from(x.mention_count))),
        )
        .finish()
}

fn agencies(a: &[accord_core::Agency]) -> Result<DataFrame> {
    Table::new("agencies", a.len())
        .str("agency_id", a.iter().map(|x| x.agency_id.as_str()))
        .str("name", a.iter().map(|x| x.name.as_str()))
        .opt_str("acronym", a.iter().map(|x| x.acronym.as_deref()))
        .list("aliases", a.iter().map(|x| x.aliases.as_slice()))
        .opt_str("country", a.iter().map(|x| x.country.as_deref()))
        .opt_str("country_source", a.iter().map(|x| source(x.country_source)))
        .opt_str(
            "kind",
            a.iter()
                .map(|x| x.kind.map(accord_core::AgencyKind::as_str)),
        )
        .opt_str("kind_source", a.iter().map(|x| source(x.kind_source)))
        .opt_str("parent_id", a.iter().map(|x| x.parent_id.as_deref()))
        .list("doc_ids", a.iter().map(|x| x.doc_ids.as_slice()))
        .int(
            "mention_count",
            a.iter().map(|x| Some(i64::from(x.mention_count))),
        )
        .finish()
}

fn funding(f: &[accord_core::Funding]) -> Result<DataFrame> {
    Table::new("funding", f.len())
        .str("funding_id", f.iter().map(|x| x.funding_id.as_str()))
        .str("doc_id", f.iter().map(|x| x.doc_id.as_str()))
        .str("mention_id", f.iter().map(|x| x.mention_id.as_str()))
        .str("quote", f.iter().map(|x| x.quote.as_str()))
        .float("amount", f.iter().map(|x| x.money.amount))
        .float("amount_min", f.iter().map(|x| x.money.amount_min))
        .float("amount_max", f.iter().map(|x| x.money.amount_max))
        .opt_str(
            "qualifier",
            f.iter()
                .map(|x| x.money.qualifier.map(accord_core::Qualifier::as_str)),
        )
        .opt_str("currency", f.iter().map(|x| x.money.currency.as_deref()))
        .bool(
            "currency_inferred",
            f.iter().map(|x| x.money.currency_inferred),
        )
        .float("scale", f.iter().map(|x| x.money.scale))
        .str("period", f.iter().map(|x| x.money.period.as_str()))
        .int("years", f.iter().map(|x| x.money.years.map(i64::from)))
        .int(
            "start_year",
            f.iter().map(|x| x.money.start_year.map(i64::from)),
        )
        .int(
            "end_year",
            f.iter().map(|x| x.money.end_year.map(i64::from)),
        )
        .opt_str(
            "fiscal_year",
            f.iter().map(|x| x.money.fiscal_year.as_deref()),
        )
        .opt_str("kind", f.iter().map(|x| x.kind.map(FundingKind::as_str)))
        .opt_str("program", f.iter().map(|x| x.program.as_deref()))
        .opt_str("agreement_id", f.iter().map(|x| x.agreement_id.as_deref()))
        .opt_str("donor", f.iter().map(|x| x.donor.as_deref()))
        .opt_str("recipient", f.iter().map(|x| x.recipient.as_deref()))
        .float("share", f.iter().map(|x| x.money.share))
        .str(
            "parse_status",
            f.iter().map(|x| x.money.parse_status.as_str()),
        )
        .int("char_start", f.iter().map(|x| count(x.char_start)))
        .int("char_end", f.iter().map(|x| count(x.char_end)))
        .finish()
}

fn failures(f: &[accord_core::Failure]) -> Result<DataFrame> {
    Table::new("failures", f.len())
        .str("path", f.iter().map(|x| x.path.as_str()))
        .str("stage", f.iter().map(|x| x.stage.as_str()))
        .str("error", f.iter().map(|x| x.error.as_str()))
        .finish()
}
