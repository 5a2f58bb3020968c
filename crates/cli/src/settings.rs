//! Pipeline files (`pipelines/*.toml`) and the settings they give.

use anyhow::{Context, Result};
use serde::Deserialize;
use sha2::{Digest, Sha256};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// `[corpus]`: where the documents are.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Corpus {
    /// Corpus root; relative paths are resolved against the pipeline file's directory.
    pub root: PathBuf,
    /// Relative paths or file names to skip (e.g. the corpus's own `README.md`).
    #[serde(default = "default_exclude")]
    pub exclude: Vec<String>,
}

fn default_exclude() -> Vec<String> {
    vec!["README.md".to_owned()]
}

/// `[output]`: where tables go.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Output {
    /// Output directory, replaced atomically on each run.
    pub dir: PathBuf,
}

/// A whole pipeline file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// Pipeline name, recorded in the manifest.
    pub name: String,
    /// Documents.
    pub corpus: Corpus,
    /// Gazetteer directory (`data/gazetteers`).
    pub gazetteers: PathBuf,
    /// More gazetteer folders whose rows are added on top of `gazetteers` (a row with the
    /// key of an existing one replaces it), in this order. Each may hold any of the files.
    #[serde(default)]
    pub extra_gazetteers: Vec<PathBuf>,
    /// Output.
    pub output: Output,
    /// Ingest options.
    #[serde(default)]
    pub ingest: accord_ingest::Config,
    /// Extract options.
    #[serde(default)]
    pub extract: accord_extract::Config,
    /// The pipeline file these settings were read from.
    #[serde(skip)]
    pub file: Option<PathBuf>,
    /// Cache of ingest and extract results for incremental reruns (default: see
    /// [`Settings::cache_dir`]; `--cache-dir` overrides).
    #[serde(default)]
    pub cache: Option<PathBuf>,
}

impl Settings {
    /// Where cached ingest and extract results live: the pipeline's `cache`, else a folder
    /// of this output's own in the user's cache directory,
    /// `$XDG_CACHE_HOME/accord/<output name>-<hash of the output path>` (or
    /// `~/.cache/accord/…`; `.accord-cache/` beside the output when neither is known).
    pub fn cache_dir(&self) -> PathBuf {
        if let Some(dir) = &self.cache {
            return dir.clone();
        }
        let out = &self.output.dir;
        let name = out
            .file_name()
            .map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned());
        let absolute = std::path::absolute(out).unwrap_or_else(|_| out.clone());
        let digest = Sha256::digest(absolute.to_string_lossy().as_bytes());
        let hash = digest[..6].iter().fold(String::new(), |mut hash, b| {
            let _ = write!(hash, "{b:02x}");
            hash
        });
        let base = std::env::var_os("XDG_CACHE_HOME")
            .map(PathBuf::from)
            .filter(|p| p.is_absolute())
            .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")));
        match base {
            Some(base) => base.join("accord").join(format!("{name}-{hash}")),
            None => out
                .parent()
                .unwrap_or(Path::new("."))
                .join(".accord-cache")
                .join(name),
        }
    }

    /// [`Settings::load`], then the command line's overrides: another corpus root, output
    /// folder or cache folder (taken as given, not resolved against the pipeline's folder).
    ///
    /// # Errors
    /// As [`Settings::load`].
    pub fn load_with(
        path: &Path,
        input: Option<&Path>,
        out: Option<&Path>,
        cache: Option<&Path>,
    ) -> Result<Self> {
        let mut settings = Self::load(path)?;
        if let Some(input) = input {
            settings.corpus.root = input.to_path_buf();
        }
        if let Some(out) = out {
            settings.output.dir = out.to_path_buf();
        }
        if let Some(cache) = cache {
            settings.cache = Some(cache.to_path_buf());
        }
        Ok(settings)
    }

    /// Reads a pipeline file and resolves its relative paths against its directory.
    ///
    /// # Errors
    /// When the file cannot be read or is not a valid pipeline (the message names the file),
    /// including a `default_currency` that is not an ISO 4217 code.
    pub fn load(path: &Path) -> Result<Self> {
        let text = fs_err::read_to_string(path)?;
        let mut s: Settings = toml::from_str(&text)
            .with_context(|| format!("invalid pipeline file {}", path.display()))?;
        s.file = Some(path.to_path_buf());
        let not_iso = s
            .extract
            .default_currency
            .as_deref()
            .filter(|code| iso_currency::Currency::from_code(code).is_none());
        if let Some(code) = not_iso {
            anyhow::bail!(
                "invalid pipeline file {}: [extract] default_currency = {code:?} is not an ISO 4217 currency code (e.g. \"USD\", \"CAD\", \"MXN\")",
                path.display()
            );
        }
        let base = path.parent().unwrap_or(Path::new("."));
        for p in [&mut s.corpus.root, &mut s.gazetteers, &mut s.output.dir]
            .into_iter()
            .chain(s.cache.as_mut())
            .chain(s.extra_gazetteers.iter_mut())
        {
            if p.is_relative() {
                *p = base.join(&*p);
            }
        }
        Ok(s)
    }
}
