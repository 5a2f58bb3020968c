//! Curated domain knowledge loaded from `data/gazetteers/*.csv`: the entries that the extract
//! stage matches in text and that the normalize stage takes canonical names, countries, kinds
//! and parties from. It is a crate of its own so that no stage depends on another stage's
//! crate, and so that another project can read the same files.
//!
//! Files and columns (see `data/gazetteers/README.md`); `|` separates values inside a cell:
//!
//! - `agencies.csv`: `id,name,acronym,aliases,country,kind,parent,history,source`
//! - `agreements.csv`: `id,name,acronym,aliases,kind,parties,signed,ended,source`
//! - `working_groups.csv`: `id,name,aliases,agreement_id,pillar,source`
//! - `countries.csv`: `iso3,name,aliases,demonyms,source`
//! - `regions.csv`: `name,adjective,members,parties_from_name,source` (`parties_from_name`
//!   may be left out: `yes`)
//! - `subdivisions.csv`: `code,name,aliases,country,source` (ISO 3166-2 first-level
//!   subdivisions: states, provinces, territories)
//!
//! A missing file is an empty list (a project may not need working groups); a malformed row
//! is an error naming the file and line.

use accord_core::{AgencyKind, AgreementKind};
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// Errors of loading a gazetteer folder; each names the file.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A gazetteer file exists but could not be read.
    #[error("could not read gazetteer {}", path.display())]
    Read {
        /// File.
        path: PathBuf,
        /// Cause.
        #[source]
        source: std::io::Error,
    },
    /// A gazetteer row is malformed.
    #[error("{}:{line}: {message}", path.display())]
    Row {
        /// File.
        path: PathBuf,
        /// 1-based line of the row.
        line: u64,
        /// What is wrong.
        message: String,
    },
    /// The file is not CSV with the expected header.
    #[error("could not parse gazetteer {}", path.display())]
    Csv {
        /// File.
        path: PathBuf,
        /// Cause.
        #[source]
        source: csv::Error,
    },
}

/// Result of loading a gazetteer.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// An organisation of the gazetteer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgencyEntry {
    /// Stable id.
    pub id: String,
    /// Official English name.
    pub name: String,
    /// Main acronym.
    pub acronym: Option<String>,
    /// Other names (other languages, former names, variants, other acronyms).
    pub aliases: Vec<String>,
    /// ISO 3166-1 alpha-3, `BINATIONAL` or `INTERNATIONAL`.
    pub country: Option<String>,
    /// Kind.
    pub kind: Option<AgencyKind>,
    /// Id of the parent organisation.
    pub parent: Option<String>,
    /// Dated renamings and successions (`2007: renamed U.S. Immigration and Customs
    /// Enforcement`), oldest first.
    pub history: Vec<String>,
}

/// An agreement of the gazetteer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgreementEntry {
    /// Stable id.
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// Acronym.
    pub acronym: Option<String>,
    /// Other names.
    pub aliases: Vec<String>,
    /// Kind.
    pub kind: Option<AgreementKind>,
    /// Parties, ISO 3166-1 alpha-3.
    pub parties: Vec<String>,
    /// Signature date, EDTF.
    pub signed: Option<String>,
    /// End date, EDTF.
    pub ended: Option<String>,
}

/// A working group of the gazetteer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkingGroupEntry {
    /// Stable id.
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// Other names.
    pub aliases: Vec<String>,
    /// Id of the parent agreement.
    pub agreement_id: Option<String>,
    /// Pillar.
    pub pillar: Option<String>,
}

/// A country of ISO 3166-1.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountryEntry {
    /// ISO 3166-1 alpha-3 code.
    pub iso3: String,
    /// English short name.
    pub name: String,
    /// Other names and abbreviations (`U.S.`, `Estados Unidos`).
    pub aliases: Vec<String>,
    /// Adjectival forms (`Mexican`, `canadien`).
    pub demonyms: Vec<String>,
}

/// A first-level subdivision of a country (ISO 3166-2): "Texas" (`US-TX`, USA), "Ontario"
/// (`CA-ON`, CAN). Its names count as names of its country.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubdivisionEntry {
    /// ISO 3166-2 code.
    pub code: String,
    /// English (or official) short name.
    pub name: String,
    /// Other names (`Québec`, `Ciudad de México`).
    pub aliases: Vec<String>,
    /// ISO 3166-1 alpha-3 code of its country.
    pub country: String,
}

/// A region whose adjective in a name implies its members ("North American" → CAN, MEX,
/// USA).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegionEntry {
    /// Region name.
    pub name: String,
    /// Adjectival form used in names.
    pub adjective: String,
    /// Member countries, ISO 3166-1 alpha-3, sorted.
    pub members: Vec<String>,
    /// An agreement named with the region ("North American Trusted Traveler Program") has
    /// the members as parties. `false` for regions whose instruments need their members
    /// stated (CODING.md: `[]` when a multilateral instrument's members are not stated);
    /// the region's name still marks an organisation as multinational.
    pub parties_from_name: bool,
}

/// All curated entries.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Gazetteer {
    /// Organisations.
    pub agencies: Vec<AgencyEntry>,
    /// Agreements.
    pub agreements: Vec<AgreementEntry>,
    /// Working groups.
    pub working_groups: Vec<WorkingGroupEntry>,
    /// Countries.
    pub countries: Vec<CountryEntry>,
    /// Regions.
    pub regions: Vec<RegionEntry>,
    /// First-level subdivisions (states, provinces), each naming its country.
    pub subdivisions: Vec<SubdivisionEntry>,
}

#[derive(Deserialize)]
struct AgencyRow {
    id: String,
    name: String,
    acronym: String,
    aliases: String,
    country: String,
    kind: String,
    parent: String,
    #[serde(default)]
    history: String,
}

#[derive(Deserialize)]
struct AgreementRow {
    id: String,
    name: String,
    acronym: String,
    aliases: String,
    kind: String,
    parties: String,
    signed: String,
    ended: String,
}

#[derive(Deserialize)]
struct WorkingGroupRow {
    id: String,
    name: String,
    aliases: String,
    agreement_id: String,
    pillar: String,
}

#[derive(Deserialize)]
struct SubdivisionRow {
    code: String,
    name: String,
    aliases: String,
    country: String,
}

#[derive(Deserialize)]
struct RegionRow {
    name: String,
    adjective: String,
    members: String,
    /// `yes`, `no`, or absent / empty (= `yes`, the file's older three-column form).
    #[serde(default)]
    parties_from_name: String,
}

#[derive(Deserialize)]
struct CountryRow {
    iso3: String,
    name: String,
    aliases: String,
    demonyms: String,
}

fn opt(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_owned())
}

fn list(s: &str) -> Vec<String> {
    s.split('|')
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Reads the rows of one CSV file with their 1-based line numbers; a missing file is empty.
fn read_rows<T: for<'de> Deserialize<'de>>(path: &Path) -> Result<Vec<(u64, T)>> {
    if !path.exists() {
        return Ok(Vec::new());
    }
    let bytes = fs_err::read(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let mut reader = csv::ReaderBuilder::new().from_reader(bytes.as_slice());
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    let headers = reader
        .headers()
        .map_err(|source| Error::Csv {
            path: path.to_path_buf(),
            source,
        })?
        .clone();
    while reader
        .read_record(&mut record)
        .map_err(|source| Error::Csv {
            path: path.to_path_buf(),
            source,
        })?
    {
        let line = record.position().map_or(0, csv::Position::line);
        let row = record
            .deserialize(Some(&headers))
            .map_err(|source| Error::Csv {
                path: path.to_path_buf(),
                source,
            })?;
        rows.push((line, row));
    }
    Ok(rows)
}

fn parse_kind<K: std::str::FromStr<Err = String>>(
    path: &Path,
    line: u64,
    value: &str,
) -> Result<Option<K>> {
    if value.trim().is_empty() {
        return Ok(None);
    }
    value
        .trim()
        .parse::<K>()
        .map(Some)
        .map_err(|message| Error::Row {
            path: path.to_path_buf(),
            line,
            message,
        })
}

impl Gazetteer {
    /// Loads every gazetteer file of `dir`.
    ///
    /// # Errors
    /// [`Error::Read`] when a file exists but cannot be read, [`Error::Csv`] when it is not
    /// valid CSV with the expected header, [`Error::Row`] when a `kind` is outside the
    /// vocabulary.
    pub fn load(dir: &Path) -> Result<Self> {
        let mut gazetteer = Gazetteer::default();
        let path = dir.join("agencies.csv");
        for (line, r) in read_rows::<AgencyRow>(&path)? {
            gazetteer.agencies.push(AgencyEntry {
                kind: parse_kind(&path, line, &r.kind)?,
                id: r.id.trim().to_owned(),
                name: r.name.trim().to_owned(),
                acronym: opt(&r.acronym),
                aliases: list(&r.aliases),
                country: opt(&r.country),
                parent: opt(&r.parent),
                history: list(&r.history),
            });
        }
        let path = dir.join("agreements.csv");
        for (line, r) in read_rows::<AgreementRow>(&path)? {
            let mut parties = list(&r.parties);
            parties.sort();
            gazetteer.agreements.push(AgreementEntry {
                kind: parse_kind(&path, line, &r.kind)?,
                id: r.id.trim().to_owned(),
                name: r.name.trim().to_owned(),
                acronym: opt(&r.acronym),
                aliases: list(&r.aliases),
                parties,
                signed: opt(&r.signed),
                ended: opt(&r.ended),
            });
        }
        let path = dir.join("working_groups.csv");
        for (_, r) in read_rows::<WorkingGroupRow>(&path)? {
            gazetteer.working_groups.push(WorkingGroupEntry {
                id: r.id.trim().to_owned(),
                name: r.name.trim().to_owned(),
                aliases: list(&r.aliases),
                agreement_id: opt(&r.agreement_id),
                pillar: opt(&r.pillar),
            });
        }
        let path = dir.join("countries.csv");
        for (_, r) in read_rows::<CountryRow>(&path)? {
            gazetteer.countries.push(CountryEntry {
                iso3: r.iso3.trim().to_owned(),
                name: r.name.trim().to_owned(),
                aliases: list(&r.aliases),
                demonyms: list(&r.demonyms),
            });
        }
        let path = dir.join("subdivisions.csv");
        for (_, r) in read_rows::<SubdivisionRow>(&path)? {
            gazetteer.subdivisions.push(SubdivisionEntry {
                code: r.code.trim().to_owned(),
                name: r.name.trim().to_owned(),
                aliases: list(&r.aliases),
                country: r.country.trim().to_owned(),
            });
        }
        let path = dir.join("regions.csv");
        for (line, r) in read_rows::<RegionRow>(&path)? {
            let mut members = list(&r.members);
            members.sort();
            let parties_from_name = match r.parties_from_name.trim() {
                "" | "yes" => true,
                "no" => false,
                other => {
                    return Err(Error::Row {
                        path: path.clone(),
                        line,
                        message: format!(
                            "regions.csv: parties_from_name of {:?} is {other:?}, not yes or no",
                            r.name.trim()
                        ),
                    });
                }
            };
            gazetteer.regions.push(RegionEntry {
                name: r.name.trim().to_owned(),
                adjective: r.adjective.trim().to_owned(),
                members,
                parties_from_name,
            });
        }
        tracing::debug!(
            agencies = gazetteer.agencies.len(),
            agreements = gazetteer.agreements.len(),
            working_groups = gazetteer.working_groups.len(),
            countries = gazetteer.countries.len(),
            "Loaded gazetteer."
        );
        Ok(gazetteer)
    }

    /// The agency with id `id`.
    pub fn agency(&self, id: &str) -> Option<&AgencyEntry> {
        self.agencies.iter().find(|a| a.id == id)
    }

    /// The agreement with id `id`.
    pub fn agreement(&self, id: &str) -> Option<&AgreementEntry> {
        self.agreements.iter().find(|a| a.id == id)
    }

    /// The working group with id `id`.
    pub fn working_group(&self, id: &str) -> Option<&WorkingGroupEntry> {
        self.working_groups.iter().find(|a| a.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, body: &str) {
        fs_err::write(dir.join(name), body).unwrap();
    }

    #[test]
    fn regions_say_whether_a_name_gives_parties() {
        let dir = tempfile::tempdir().unwrap();
        // The older form without the column: names give parties.
        write(
            dir.path(),
            "regions.csv",
            "name,adjective,members\nLake Region,Lake,UGA|KEN\n",
        );
        let old = Gazetteer::load(dir.path()).unwrap();
        assert!(old.regions[0].parties_from_name);
        assert_eq!(old.regions[0].members, ["KEN", "UGA"]);
        write(
            dir.path(),
            "regions.csv",
            "name,adjective,members,parties_from_name,source\nLake Region,Lake,UGA|KEN,no,x\n",
        );
        assert!(!Gazetteer::load(dir.path()).unwrap().regions[0].parties_from_name);
        write(
            dir.path(),
            "regions.csv",
            "name,adjective,members,parties_from_name,source\nLake Region,Lake,UGA,maybe,x\n",
        );
        let err = Gazetteer::load(dir.path()).unwrap_err().to_string();
        assert!(
            err.contains("regions.csv:2") && err.contains("maybe"),
            "{err}"
        );
    }

    #[test]
    fn loads_rows_trims_cells_and_splits_lists() {
        let dir = tempfile::tempdir().unwrap();
        write(
            dir.path(),
            "agencies.csv",
            "id,name,acronym,aliases,country,kind,parent,history,source\n\
             rfs, Regional Fisheries Service ,RFS,Fisheries Service | Servicio Regional de Pesca,\
             CAN,ministry,env,,https://example.org\n",
        );
        write(
            dir.path(),
            "agreements.csv",
            "id,name,acronym,aliases,kind,parties,signed,ended,source\n\
             cwa,Coastal Waters Accord,CWA,,agreement,USA|CAN,1998-05,,https://example.org\n",
        );
        let gazetteer = Gazetteer::load(dir.path()).unwrap();
        let agency = gazetteer.agency("rfs").unwrap();
        assert_eq!(agency.name, "Regional Fisheries Service");
        assert_eq!(
            agency.aliases,
            ["Fisheries Service", "Servicio Regional de Pesca"]
        );
        assert_eq!(agency.kind, Some(AgencyKind::Ministry));
        assert_eq!(agency.parent.as_deref(), Some("env"));
        assert!(agency.history.is_empty());
        let agreement = gazetteer.agreement("cwa").unwrap();
        // Parties are sorted whatever their order in the file.
        assert_eq!(agreement.parties, ["CAN", "USA"]);
        assert_eq!(agreement.signed.as_deref(), Some("1998-05"));
        assert_eq!(agreement.ended, None);
        // Files that are not there are empty lists.
        assert!(gazetteer.working_groups.is_empty() && gazetteer.countries.is_empty());
        assert!(gazetteer.working_group("cwa").is_none());
    }

    #[test]
    fn a_kind_outside_the_vocabulary_names_the_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        write(
            dir.path(),
            "agreements.csv",
            "id,name,acronym,aliases,kind,parties,signed,ended,source\n\
             a,First Accord,,,agreement,,,,s\n\
             b,Second Accord,,,handshake,,,,s\n",
        );
        let err = Gazetteer::load(dir.path()).unwrap_err();
        let Error::Row {
            path,
            line,
            message,
        } = &err
        else {
            panic!("expected a row error, got {err:?}");
        };
        assert!(path.ends_with("agreements.csv"));
        assert_eq!(*line, 3);
        assert!(message.contains("handshake"), "{message}");
        assert!(err.to_string().contains("agreements.csv:3"), "{err}");
    }

    #[test]
    fn a_file_without_the_expected_columns_is_a_csv_error() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "countries.csv", "code,label\nXAA,Example\n");
        let err = Gazetteer::load(dir.path()).unwrap_err();
        assert!(matches!(&err, Error::Csv { path, .. } if path.ends_with("countries.csv")));
    }
}
