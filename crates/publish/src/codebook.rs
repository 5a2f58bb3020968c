//! `CODEBOOK.md`: the tables of [`crate::SCHEMA`] as Markdown, followed by the coding rules.

use crate::schema::{SCHEMA, TableSchema};
use std::fmt::Write as _;

/// How entities and figures are coded: what counts as each entity type, how amounts, dates
/// and offsets are normalised. Markdown, appended to `CODEBOOK.md` after the tables.
pub const CODING_RULES: &str = r#"## Coding rules

### Evidence and offsets

- Every row of `agreements`, `working_groups`, `agencies` and `funding` rests on at least one
  row of `mentions`: the document (`doc_id`), the span (`char_start`, `char_end`) and the
  `quote` it was read from.
- Offsets are **Unicode code points** (not bytes, not UTF-16 units), 0-based and
  **end-exclusive**, into `documents.text` of the same `doc_id`: in Python
  `text[char_start:char_end] == quote`. `documents.text` is the normalised text (NFC, blocks
  separated by blank lines, paragraphs split by page breaks rejoined, line-end hyphenation
  undone, footnote markers removed from running text); offsets never point into the original
  file.
- Text in page furniture (headers, footers, page numbers) and footnotes is kept as blocks of
  its own kind; `mentions.block_kind` says where a mention stands.

### Names, aliases and ids

- One row per distinct entity of the corpus, not per mention. The forms a text uses for the
  same entity (full name, acronym, translation, variant spelling, a misspelling of the source)
  are merged into one row: `name` is the canonical full name (the gazetteer's when the entity
  is in a gazetteer), `acronym` the abbreviation, `aliases` every other form.
- Acronyms are taken from definitions in the text in either order, "Ontario Provincial
  Police (OPP)" and "OPP (Ontario Provincial Police)" (Schwartz & Hearst 2003), and from
  the gazetteers.
- Ids are stable slugs of the canonical name (ASCII, lowercase, `-`-separated) or gazetteer
  ids; the same input gives the same ids.

### Agreements

- An agreement is a **named** instrument of cooperation or policy: a treaty; an agreement,
  accord, convention, protocol or memorandum; a declaration or joint statement; a
  partnership; an initiative; a plan or action plan; a program; a unilateral policy
  statement, strategy or framework. A common noun on its own ("the agreement", "a bilateral
  plan") is not an agreement row; a proposed, named agreement is.
- `kind` is the closed vocabulary above, from the gazetteer or else from the head noun of the
  name; `other` when none fits, null when undetermined.
- `parties` are the states bound by it (ISO 3166-1 alpha-3), and `EUU` for the European
  Union (ISO 3166-1's exceptionally reserved code); `scope` follows from their number (1
  unilateral, 2 bilateral, 3 trilateral, more multilateral).
- `signed` is the date of signature, announcement or launch; `ended` the date it expired,
  was suspended or was replaced. Both are EDTF (ISO 8601-2) **at the precision the text
  gives**: `2005`, `2005-03`, `2005-03-23`; a year is never padded into a day. Null when
  neither the text nor the gazetteer gives a date.

### Working groups

- A working group is a named group set up to work on one subject, usually under an
  agreement ("Energy Working Group"). A list such as "the Energy, Health and Transportation
  Working Groups" gives one row per group, each with its full name.
- `agreement_id` / `agreement` name the instrument the text places the group under, null
  otherwise: "established under the A", "the A's X", "the A created the X", "set up to
  implement it"; a list whose introduction ties an agreement to the bodies it names; a body
  the document or its section sets up, convenes or renews, when the title or the section
  heading names the instrument (a roadmap that launches a ministerial). Being named near an
  agreement is not enough, and "not part of the plan" keeps a body out. The text beats the
  gazetteer's link. `pillar` is the track the text assigns it to (e.g. `prosperity`,
  `security`), null otherwise.

### Agencies and organisations

- The `agencies` table holds every named **organisation**: agencies, departments,
  ministries and secretariats; police, border, intelligence and military bodies and
  commands; legislatures and their committees; offices of heads of state or government;
  think tanks and research institutes; business associations; companies and media;
  intergovernmental organisations; others (courts, parties, universities) with kind `other`.
- `country` is the state the organisation belongs to (ISO 3166-1 alpha-3), `BINATIONAL` for
  a body of two states, `INTERNATIONAL` for an intergovernmental one; `parent_id` links a unit
  to the organisation it belongs to.

### Funding figures

- A funding row is one **occurrence** of a monetary figure in a document: an amount with a
  currency or a currency word ("$1.4 billion", "1.4 billion dollars", "MXN 500 million"), or
  a share of a stated figure ("40% of the money"). The same money stated twice gives two rows;
  sum with care.
- **Amounts are in currency units**, never thousands or millions: the written number times
  `scale`, where `scale` comes from a scale word ("million", "bn") or a table note ("in
  thousands of dollars"). "$1.4 billion" is `amount = 1400000000`, `scale = 1000000000`.
- **Ranges** ("between $10 and $15 million") give two rows, one per endpoint, as the
  coding rules count each endpoint as its own item: `amount` is the endpoint (10000000,
  then 15000000), and both rows carry `qualifier = range` with the range's `amount_min` and
  `amount_max`. No midpoint is invented; sum a range's rows with care.
- **Qualifiers** record what the text says about precision: `approx` ("about", "roughly",
  "nearly", "approaching"), `at_least` ("more than", "over", "at least"), `at_most` ("up to",
  "under", "less than"). `amount` is the number as stated; it is not adjusted.
- **Period**: `total` when the amount covers a whole stated span ("over three years":
  `years = 3`), `per_year` when it recurs ("annually", "a year", "per annum"), `unknown`
  when the text does not say. `start_year` / `end_year` are the first and last year covered
  when stated; `fiscal_year` keeps a fiscal year in normal form (`FY2008`, `FY2012-13`).
- **Shares**: a figure stated as a share of a stated total ("40% of the money") has
  `share = 0.4` and, when the total is known, `amount` = share × total, with the total's
  currency, period and years.
- **Currency**: ISO 4217. When the figure carries no currency of its own and the currency
  comes from the context or from the pipeline's default currency, `currency_inferred` is
  true.
- **Never a silent wrong number**: an expression that cannot be parsed with confidence is
  kept with `parse_status = ambiguous` (and what is known), never guessed.
- `kind` is one of `assistance`, `appropriation`, `budget`, `request`, `authorization`,
  `revenue_estimate`, `other`. `program` is the program, budget or account the money is for
  (an agreement's canonical name, with `agreement_id`, when it resolves to one); `donor` and
  `recipient` are countries (ISO 3166-1 alpha-3) when the text states them.
"#;

/// Renders `CODEBOOK.md`: the conventions, then per table its rows, key, references and a
/// Markdown table of columns (name, type, required, description, allowed values), then
/// [`CODING_RULES`]. A pure function of [`crate::SCHEMA`], so it cannot drift from
/// `datapackage.json` or the Parquet files.
pub fn codebook_markdown() -> String {
    let mut out = String::new();
    out.push_str(
        "# Codebook\n\
         \n\
         Generated by accord from the schema that also drives `datapackage.json` and the \
         Parquet writer (`crates/publish/src/schema.rs`); do not edit by hand.\n\
         \n\
         ## Files\n\
         \n\
         - `<table>.parquet`: one file per table below; zstd-compressed Parquet, strings as \
         Arrow `large_string`, lists as `large_list<large_string>`, numbers as `int64` / \
         `double`.\n\
         - `datapackage.json`: the same tables as a Frictionless Tabular Data Package (Table \
         Schema with descriptions, vocabularies, primary and foreign keys).\n\
         - `manifest.json`: the inputs with their SHA-256, the accord version, the \
         configuration and the row count of every table.\n\
         - `report.html`: an overview (counts, charts, every funding figure) readable in any \
         browser, without scripts.\n\
         - `csv/<table>.csv`: the same tables as CSV, UTF-8, a header row, RFC 4180 \
         quoting, lists as JSON arrays (`[\"CAN\",\"USA\"]`), nulls as empty fields; \
         `datapackage.json` describes these files, so any Frictionless tool can read and \
         validate them.\n\
         \n\
         ## Conventions\n\
         \n\
         - Offsets (`char_start`, `char_end`) are Unicode code points, 0-based, \
         end-exclusive, into `documents.text`.\n\
         - Amounts are in currency units (not thousands, not millions); currencies are ISO \
         4217 codes; countries ISO 3166-1 alpha-3; dates EDTF (ISO 8601-2) at the precision \
         the text gives.\n\
         - Null means not stated or not determined; an empty list means none found.\n\
         - Rows are sorted by id; the same input gives byte-identical files.\n\
         \n\
         ## Inputs and limits\n\
         \n\
         - Every file found under the corpus folder is exactly one `documents` row or one \
         `failures` row. Only regular files are read: FIFOs, devices, sockets, folders that \
         cannot be listed (or whose path is longer than the system allows) and symbolic \
         links to anything but a regular file inside the corpus folder are `failures` rows. \
         Hidden files, `[corpus] exclude` entries, and the output and cache folders when \
         they sit inside the corpus folder are not inputs.\n\
         - A file over `[ingest] max_file_bytes` (default 200 MB) is a `failures` row; the \
         read stops at that size whatever the file claims.\n\
         - Each document has a time budget, `[ingest] max_seconds_per_document` for ingest \
         and `[extract] max_seconds_per_document` for extraction (default 60 s each); a \
         document over budget is a `failures` row and the others are unaffected.\n\
         - A document that gives more than `[extract] max_mentions_per_document` candidate \
         mentions (default 250,000) is searched only up to the point where it passed the cap \
         (within 64 KiB); its mentions up to there are kept and its `warnings` name the byte \
         offset where the search stopped.\n\
         - `doc_id` is the path without its extension; inputs that share it keep the \
         extension (see `manifest.json`, `doc_ids_with_extension`).\n\
         \n\
         ## Tables\n\
         \n",
    );
    for table in &SCHEMA {
        let _ = writeln!(out, "- [`{0}`](#{0}): {1}", table.name, table.title);
    }
    out.push('\n');
    for table in &SCHEMA {
        render_table(&mut out, table);
    }
    out.push_str(CODING_RULES);
    out
}

fn render_table(out: &mut String, table: &TableSchema) {
    let _ = writeln!(out, "### {}\n\n{}\n", table.name, table.description);
    let key: Vec<String> = table.primary_key.iter().map(|k| format!("`{k}`")).collect();
    let _ = writeln!(out, "- File: `{}.parquet`", table.name);
    let _ = writeln!(out, "- Primary key: {}", key.join(", "));
    for fk in table.foreign_keys {
        let _ = writeln!(
            out,
            "- Foreign key: `{}` → `{}.{}`",
            fk.field, fk.table, fk.column
        );
    }
    out.push_str(
        "\n| column | type | required | description | allowed values |\n|---|---|---|---|---|\n",
    );
    for field in table.fields {
        let values = field.vocabulary.map_or_else(String::new, |v| {
            let values = v.values();
            // A long standard list (ISO 4217) is named, not printed.
            if values.len() > 30 {
                return format!(
                    "{} ISO 4217 codes (listed in `datapackage.json`)",
                    values.len()
                );
            }
            values
                .iter()
                .map(|s| format!("`{s}`"))
                .collect::<Vec<_>>()
                .join(", ")
        });
        let _ = writeln!(
            out,
            "| `{}` | {} | {} | {} | {} |",
            field.name,
            field.ty.label(),
            if field.required { "yes" } else { "no" },
            cell(field.description),
            values
        );
    }
    out.push('\n');
}

/// Escapes a Markdown table cell: `|` would end the cell.
fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}
