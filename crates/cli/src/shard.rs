//! The map/reduce split of a run, for other engines and batch schedulers: `accord map
//! --shard K/N` runs ingest and extract over every N-th input (the K-th of each N, in path
//! order) and writes one shard file; `accord reduce` reads the N shard files, checks that
//! they are one complete run, and normalizes and publishes exactly as `accord run` does
//! (the same bytes).
//!
//! A shard file, `shard-K-of-N.json`, holds the map's [`Entry`] rows and what they depend
//! on: the accord version, the ingest and extract settings and the gazetteer's digest (the
//! run's salt), and the digest of the whole input list, so that shards of another corpus,
//! configuration or version are refused by name.

use crate::runner::{Entry, Prepared, reduce_entries};
use crate::{RunOptions, RunReport, Settings};
use anyhow::{Context, Result, bail};
use fs_err as fs;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

const FORMAT: &str = "accord-shard-v1";

/// Shard K of N (1-based), as written on the command line: `K/N`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShardSpec {
    /// Which shard, 1 to `count`.
    pub index: usize,
    /// How many shards.
    pub count: usize,
}

impl std::str::FromStr for ShardSpec {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, String> {
        let bad = || format!("invalid shard {s:?}: expected K/N with 1 <= K <= N, e.g. 2/3");
        let (k, n) = s.split_once('/').ok_or_else(bad)?;
        let index: usize = k.trim().parse().map_err(|_| bad())?;
        let count: usize = n.trim().parse().map_err(|_| bad())?;
        if index == 0 || index > count {
            return Err(bad());
        }
        Ok(Self { index, count })
    }
}

impl ShardSpec {
    /// The file name of this shard in a shards folder.
    pub fn file_name(self) -> String {
        format!("shard-{}-of-{}.json", self.index, self.count)
    }

    /// The inputs of this shard: positions `index - 1`, `index - 1 + count`, … of the
    /// sorted input list (round robin, so neighbouring files of one size spread out).
    pub fn select(self, inputs: usize) -> Vec<usize> {
        (self.index - 1..inputs).step_by(self.count).collect()
    }
}

/// One shard file.
#[derive(Debug, Serialize, Deserialize)]
struct Shard {
    format: String,
    /// Which shard (1-based) of how many.
    index: usize,
    count: usize,
    /// The run's salt: version, ingest and extract settings, gazetteer digest.
    salt: String,
    /// How many inputs the whole run has, and the SHA-256 of their sorted paths.
    inputs: usize,
    inputs_digest: String,
    /// Doc ids that keep their extension (they depend on every input, not one shard's).
    with_extension: Vec<String>,
    /// This shard's entries; shard 1 also holds the paths refused before any read.
    entries: Vec<Entry>,
    /// The other shards whose entries this file holds too, when it is a merge of shard
    /// files ([`merge_shard_bytes`]); empty (and not written) in a file of `accord map`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    also: Vec<usize>,
}

impl Shard {
    /// Parses a shard file's bytes (`name` names it in errors).
    fn parse(bytes: &[u8], name: &str) -> Result<Self> {
        let shard: Shard = serde_json::from_slice(bytes)
            .with_context(|| format!("{name} is not an accord shard file"))?;
        if shard.format != FORMAT {
            bail!(
                "{name} is a shard of format {:?}; this accord reads {FORMAT:?}",
                shard.format
            );
        }
        Ok(shard)
    }

    /// The shards (1-based) whose entries this file holds.
    fn indexes(&self) -> Vec<usize> {
        let mut all = vec![self.index];
        all.extend(&self.also);
        all
    }
}

/// Merges two shard files of one run (the bytes of [`map_shard_bytes`] or of an earlier
/// merge) into one that holds the entries of both: a partial aggregate, so that a tree of
/// pairwise merges hands the reduce one file instead of N. [`reduce_shards`] reads merged
/// files like any other; the tables are the same bytes.
///
/// # Errors
/// A file that is not a shard, shards of different runs (count, inputs, version or
/// configuration), or shards that overlap.
pub fn merge_shard_bytes(first: &[u8], second: &[u8]) -> Result<Vec<u8>> {
    let a = Shard::parse(first, "the first shard")?;
    let b = Shard::parse(second, "the second shard")?;
    if a.salt != b.salt
        || a.count != b.count
        || a.inputs != b.inputs
        || a.inputs_digest != b.inputs_digest
        || a.with_extension != b.with_extension
    {
        bail!(
            "shards {:?} and {:?} are of different runs (of {} and {} shards over {} and {} inputs, or of other inputs, versions or configurations)",
            a.indexes(),
            b.indexes(),
            a.count,
            b.count,
            a.inputs,
            b.inputs
        );
    }
    let mut indexes = a.indexes();
    let theirs = b.indexes();
    if let Some(both) = theirs.iter().find(|i| indexes.contains(i)) {
        bail!(
            "shard {both} of {} is in both files: merge each shard once",
            a.count
        );
    }
    indexes.extend(theirs);
    indexes.sort_unstable();
    let mut entries = a.entries;
    entries.extend(b.entries);
    let shard = Shard {
        format: a.format,
        index: indexes[0],
        count: a.count,
        salt: a.salt,
        inputs: a.inputs,
        inputs_digest: a.inputs_digest,
        with_extension: a.with_extension,
        entries,
        also: indexes[1..].to_vec(),
    };
    serde_json::to_vec(&shard).context("cannot encode the shard")
}

fn digest(inputs: &[String]) -> String {
    let mut hasher = Sha256::new();
    for path in inputs {
        hasher.update(path.as_bytes());
        hasher.update([0]);
    }
    hasher.finalize().iter().fold(String::new(), |mut s, b| {
        use std::fmt::Write as _;
        let _ = write!(s, "{b:02x}");
        s
    })
}

/// Runs ingest and extract over shard `spec` of the run `settings` describes and returns
/// the shard file's bytes (what [`map_shard`] writes), for a host that moves shards itself
/// (the Ray driver collects them from its tasks). Per-input failures are entries like any
/// other, and become `failures` rows in the reduce.
///
/// # Errors
/// An incomplete gazetteer folder, an unreadable or empty corpus, an interrupted run.
pub fn map_shard_bytes(
    settings: &Settings,
    options: &RunOptions,
    spec: ShardSpec,
) -> Result<Vec<u8>> {
    crate::preflight::check_gazetteers(&settings.gazetteers)?;
    let prepared = Prepared::new(settings, options)?;
    let mine = spec.select(prepared.inputs.len());
    let mut entries = prepared.map(settings, options, &mine)?;
    if spec.index == 1 {
        entries.extend(prepared.refused_entries());
    }
    let all = prepared.all_paths();
    let shard = Shard {
        format: FORMAT.to_owned(),
        index: spec.index,
        count: spec.count,
        salt: prepared.salt.clone(),
        inputs: all.len(),
        inputs_digest: digest(&all),
        with_extension: prepared.with_extension.clone(),
        entries,
        also: Vec::new(),
    };
    serde_json::to_vec(&shard).context("cannot encode the shard")
}

/// An input whose bytes the host read (from an object store, an fsspec or pyarrow file
/// system), by its path relative to the corpus root, `/`-separated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GivenInput {
    /// Path relative to the corpus root, `/`-separated: it gives the doc id.
    pub rel: String,
    /// Its bytes, or why there are none.
    pub bytes: Given,
}

/// The bytes of a [`GivenInput`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Given {
    /// The input's bytes.
    Bytes(Vec<u8>),
    /// Not read: the input has this many bytes, more than `[ingest] max_file_bytes` (a
    /// `failures` row, as `accord run` gives a file that is too large).
    TooLarge(u64),
    /// It could not be read: why, and its size in bytes (0 when unknown).
    Unreadable {
        /// The reader's message.
        error: String,
        /// Size in bytes, 0 when unknown.
        size: u64,
    },
}

/// [`map_shard_bytes`] for a corpus the host lists and reads itself: `all` is every input
/// of the run (relative paths, the listing `accord run` would make of the same files), and
/// `given` holds the bytes of this shard's inputs, exactly those [`ShardSpec::select`] picks
/// from `all` sorted. The shard file is the one `accord map` writes for the same files.
///
/// # Errors
/// An empty `all`, a path given twice, `given` other than the shard's inputs, an
/// incomplete gazetteer folder, an interrupted run.
pub fn map_given_shard_bytes(
    settings: &Settings,
    options: &RunOptions,
    spec: ShardSpec,
    all: &[String],
    given: Vec<GivenInput>,
) -> Result<Vec<u8>> {
    crate::preflight::check_gazetteers(&settings.gazetteers)?;
    let mut rels = all.to_vec();
    rels.sort();
    if let Some(twice) = rels.windows(2).find_map(|w| (w[0] == w[1]).then(|| &w[0])) {
        bail!("{twice}: listed twice in the inputs of the run");
    }
    let listing = crate::inputs::Listing {
        inputs: rels
            .iter()
            .map(|rel| crate::inputs::Input {
                rel: rel.clone(),
                path: PathBuf::from(rel),
            })
            .collect(),
        refused: Vec::new(),
    };
    let prepared = Prepared::from_listing(settings, options, &settings.corpus.root, listing)?;
    let mine = spec.select(prepared.inputs.len());
    let mut bytes: std::collections::HashMap<String, Given> =
        given.into_iter().map(|g| (g.rel, g.bytes)).collect();
    let wanted: Vec<&str> = mine
        .iter()
        .map(|&i| prepared.inputs[i].rel.as_str())
        .collect();
    if bytes.len() != wanted.len() || wanted.iter().any(|rel| !bytes.contains_key(*rel)) {
        bail!(
            "shard {}/{} has the inputs {wanted:?}; the bytes given are of others",
            spec.index,
            spec.count
        );
    }
    let bytes = std::sync::Mutex::new(&mut bytes);
    let read = |input: &crate::inputs::Input| {
        let given = bytes
            .lock()
            .map(|mut b| b.remove(&input.rel))
            .ok()
            .flatten();
        let io = |error: String| accord_ingest::Error::Io {
            path: input.rel.clone(),
            source: std::io::Error::other(error),
        };
        match given {
            Some(Given::Bytes(b)) => (Ok(b), 0),
            Some(Given::TooLarge(size)) => (
                Err(accord_ingest::Error::TooLarge {
                    path: input.rel.clone(),
                    size,
                    limit: settings.ingest.max_file_bytes,
                }),
                size,
            ),
            Some(Given::Unreadable { error, size }) => (Err(io(error)), size),
            None => (Err(io("its bytes were not given".to_owned())), 0),
        }
    };
    let entries = prepared.map_with(settings, options, &mine, &read)?;
    let all = prepared.all_paths();
    let shard = Shard {
        format: FORMAT.to_owned(),
        index: spec.index,
        count: spec.count,
        salt: prepared.salt.clone(),
        inputs: all.len(),
        inputs_digest: digest(&all),
        with_extension: prepared.with_extension.clone(),
        entries,
        also: Vec::new(),
    };
    serde_json::to_vec(&shard).context("cannot encode the shard")
}

/// [`map_shard_bytes`], written to `<shards>/shard-K-of-N.json` (the folder is created; an
/// existing file of that name is replaced, atomically).
///
/// # Errors
/// As [`map_shard_bytes`], and an unwritable shards folder.
pub fn map_shard(
    settings: &Settings,
    options: &RunOptions,
    spec: ShardSpec,
    shards: &Path,
) -> Result<PathBuf> {
    let json = map_shard_bytes(settings, options, spec)?;
    fs::create_dir_all(shards)?;
    let path = shards.join(spec.file_name());
    let tmp = shards.join(format!(".{}.tmp", spec.file_name()));
    fs::write(&tmp, json)?;
    fs::rename(&tmp, &path)?;
    Ok(path)
}

/// Reads every `shard-K-of-N.json` in `shards`, checks that they are the N shards of one
/// run of `settings` (same N, each K once, same inputs, same version and configuration as
/// this reduce), and normalizes and publishes them to `settings.output.dir`.
///
/// # Errors
/// A missing, duplicated, unreadable or foreign shard (naming the file), an output the
/// run would refuse, an unwritable output.
pub fn reduce_shards(settings: &Settings, shards: &Path) -> Result<RunReport> {
    crate::preflight::check(settings)?;
    let mut files: Vec<PathBuf> = fs::read_dir(shards)
        .with_context(|| format!("cannot list the shards folder {}", shards.display()))?
        .filter_map(std::result::Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
                n.starts_with("shard-")
                    && Path::new(n)
                        .extension()
                        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
            })
        })
        .collect();
    files.sort();
    if files.is_empty() {
        bail!(
            "no shard files (shard-K-of-N.json) in {}: run `accord map --shard K/N` first",
            shards.display()
        );
    }
    let (gazetteer_dir, _merged) =
        crate::gazetteers::assemble(&settings.gazetteers, &settings.extra_gazetteers)?;
    let gazetteer = accord_extract::Gazetteer::load(&gazetteer_dir).with_context(|| {
        format!(
            "cannot load gazetteers from {}",
            settings.gazetteers.display()
        )
    })?;
    let salt = crate::runner::salt(settings, &gazetteer_dir);
    let mut seen: Vec<bool> = Vec::new();
    let mut first: Option<(usize, usize, String)> = None;
    let mut with_extension = Vec::new();
    let mut entries = Vec::new();
    for file in &files {
        let bytes = fs::read(file)?;
        let shard = Shard::parse(&bytes, &file.display().to_string())?;
        if shard.salt != salt {
            bail!(
                "{} was mapped by another accord version, configuration or gazetteer than this reduce's ({} vs {salt}): map it again",
                file.display(),
                shard.salt
            );
        }
        match &first {
            None => {
                seen = vec![false; shard.count];
                first = Some((shard.count, shard.inputs, shard.inputs_digest.clone()));
                with_extension.clone_from(&shard.with_extension);
            }
            Some((n, inputs, digest)) => {
                if *n != shard.count || *inputs != shard.inputs || *digest != shard.inputs_digest {
                    bail!(
                        "{} is a shard of another run (of {} shards over {} inputs; the others are of {n} over {inputs}, or list other inputs)",
                        file.display(),
                        shard.count,
                        shard.inputs
                    );
                }
            }
        }
        for index in shard.indexes() {
            let slot = index
                .checked_sub(1)
                .and_then(|i| seen.get_mut(i))
                .with_context(|| {
                    format!("{} names shard {index} of {}", file.display(), shard.count)
                })?;
            if std::mem::replace(slot, true) {
                bail!("{}: shard {index} is there twice", file.display());
            }
        }
        entries.extend(shard.entries);
    }
    let missing: Vec<String> = seen
        .iter()
        .enumerate()
        .filter(|(_, s)| !**s)
        .map(|(i, _)| (i + 1).to_string())
        .collect();
    if !missing.is_empty() {
        bail!(
            "{} lacks shard(s) {} of {}: run `accord map --shard K/{}` for each",
            shards.display(),
            missing.join(", "),
            seen.len(),
            seen.len()
        );
    }
    let inputs = first.map_or(0, |(_, inputs, _)| inputs);
    if entries.len() != inputs {
        bail!(
            "the shards in {} hold {} inputs, but the run has {inputs}",
            shards.display(),
            entries.len()
        );
    }
    let mut watch = crate::timings::Stopwatch::start();
    reduce_entries(
        settings,
        &gazetteer,
        entries,
        with_extension,
        None,
        &mut watch,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_parse_and_split_the_inputs_round_robin() {
        let spec: ShardSpec = "2/3".parse().expect("valid");
        assert_eq!(spec, ShardSpec { index: 2, count: 3 });
        for bad in ["0/3", "4/3", "3", "a/b", "1/0"] {
            assert!(bad.parse::<ShardSpec>().is_err(), "{bad}");
        }
        let parts: Vec<Vec<usize>> = (1..=3)
            .map(|index| ShardSpec { index, count: 3 }.select(7))
            .collect();
        assert_eq!(parts[1], [1, 4]);
        let mut all: Vec<usize> = parts.concat();
        all.sort_unstable();
        assert_eq!(all, (0..7).collect::<Vec<_>>());
        // More shards than inputs: the last ones are empty.
        assert!(ShardSpec { index: 5, count: 5 }.select(3).is_empty());
    }
}
