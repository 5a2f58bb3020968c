//! The text layer of a PDF: positioned glyphs from hayro-interpret, grouped into word runs.
//!
//! hayro-interpret (a pure-Rust PDF interpreter) runs each page's content stream, its form
//! `XObject`s and annotation appearances, and hands every text-showing operator to a
//! [`Device`] as a run of glyphs, each with its transform, its font and its Unicode value
//! (`ToUnicode` map, then the glyph name through the Adobe Glyph List). This module places
//! each glyph in page space (points, y upwards, origin at the crop box's lower left corner)
//! and joins consecutive glyphs of one baseline, size and weight into a [`Run`] while the
//! gap between them stays under [`WORD_GAP_EM`] of the font size: word spaces come from
//! the geometry, not from space characters (which TeX does not draw).
//!
//! A glyph without a Unicode value becomes U+FFFD and is counted. Glyphs drawn twice on
//! top of each other (fake bold, shadows) are kept once. Glyphs on slanted or vertical
//! baselines are gathered apart ([`PageText::rotated`]); glyphs drawn outside the page are
//! left out.

use std::panic::{AssertUnwindSafe, catch_unwind};

use hayro_interpret::font::{Glyph, GlyphRun};
use hayro_interpret::hayro_syntax::Pdf;
use hayro_interpret::hayro_syntax::page::Page;
use hayro_interpret::kurbo::{Affine, BezPath, Point, Rect};
use hayro_interpret::{
    BlendMode, ClipPath, Context, Device, DrawMode, DrawProps, Image, ImageDrawProps,
    InterpreterCache, InterpreterSettings, SoftMask, TransformExt, interpret_page,
};

use crate::deadline::Deadline;
use crate::{Error, Result};

/// A gap between two glyphs wider than this fraction of the font size separates words.
pub(crate) const WORD_GAP_EM: f32 = 0.15;
/// Width assumed for a glyph whose font gives none, in ems.
const DEFAULT_ADVANCE_EM: f32 = 0.5;
/// How many of the page's latest glyphs a new glyph is compared with to find fake bold.
const RECENT_GLYPHS: usize = 12;
/// The clock is checked once per this many glyphs (hayro-interpret cannot be stopped inside
/// a page; once the budget is spent the rest of the page is skipped).
const GLYPHS_PER_CHECK: usize = 4096;

/// A run of glyphs of one word (or of a word's part in one size), in page space (points,
/// y upwards).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Run {
    pub(crate) text: String,
    /// Left edge of the first glyph.
    pub(crate) x0: f32,
    /// Right edge after the last glyph's advance.
    pub(crate) x1: f32,
    /// Baseline, including text rise.
    pub(crate) y: f32,
    /// Rendered font size in points (the length of the glyph's vertical em in page space).
    pub(crate) size: f32,
    /// The font's PostScript name or weight says bold, or the text is filled and stroked.
    pub(crate) bold: bool,
}

/// A ruling line: an axis-aligned straight segment of a drawn path (stroked or filled:
/// a thin filled rectangle gives its two long edges), in page space.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Rule {
    pub(crate) x0: f32,
    pub(crate) y0: f32,
    pub(crate) x1: f32,
    pub(crate) y1: f32,
}

impl Rule {
    pub(crate) fn horizontal(&self) -> bool {
        (self.y1 - self.y0).abs() <= (self.x1 - self.x0).abs()
    }
}

/// Segments shorter than this many points are no ruling line.
const MIN_RULE_LENGTH: f64 = 4.0;
/// A segment this many points or less off the horizontal or vertical is axis-aligned.
const RULE_SLANT: f64 = 1.0;
/// At most this many ruling lines are kept per page (charts draw thousands of segments).
const MAX_RULES: usize = 4000;

/// What one page holds.
#[derive(Debug, Clone, Default)]
pub(crate) struct PageText {
    pub(crate) runs: Vec<Run>,
    /// Images drawn on the page (image `XObject`s, inline images, stencil masks).
    pub(crate) images: usize,
    /// Glyphs whose font maps no Unicode value (written U+FFFD).
    pub(crate) undecodable: usize,
    /// Glyphs with a Unicode value.
    pub(crate) mapped: usize,
    /// Text set along slanted or vertical baselines, one run per stretch of glyphs that
    /// follow each other along one baseline (`x0`..`x1` and `y` span the glyph origins).
    pub(crate) rotated: Vec<Run>,
    /// `[x0, y0, x1, y1]` of the page as displayed (crop box, rotation applied).
    pub(crate) media_box: [f32; 4],
    /// Ruling lines drawn on the page (table borders and rules), `x0 <= x1`, `y0 <= y1`.
    pub(crate) rules: Vec<Rule>,
}

/// One placed glyph.
#[derive(Debug, Clone)]
struct Placed {
    text: String,
    x0: f32,
    x1: f32,
    y: f32,
    size: f32,
    bold: bool,
}

/// Collects the glyphs of one page.
struct Collector<'d> {
    page: PageText,
    current: Option<Run>,
    recent: Vec<Placed>,
    bounds: Rect,
    deadline: &'d Deadline<'d>,
    expired: bool,
    glyphs_seen: usize,
    /// The rotated run being assembled, with the point where its next glyph would start.
    slanted: Option<(Run, Point)>,
    /// Glyph count and first transform of the last filled run.
    last_fill: Option<(usize, Affine)>,
}

impl Collector<'_> {
    fn push(&mut self, g: Placed) {
        if self
            .recent
            .iter()
            .any(|p| p.text == g.text && (p.x0 - g.x0).abs() < 1.0 && (p.y - g.y).abs() < 1.0)
        {
            return;
        }
        if self.recent.len() == RECENT_GLYPHS {
            self.recent.remove(0);
        }
        self.recent.push(g.clone());
        if g.text.chars().all(char::is_whitespace) {
            self.finish_run();
            return;
        }
        if let Some(run) = &mut self.current {
            let same_line = (run.y - g.y).abs() <= 0.05 * g.size
                && (run.size - g.size).abs() <= 0.05 * g.size
                && run.bold == g.bold;
            let gap = g.x0 - run.x1;
            if same_line && gap <= WORD_GAP_EM * g.size && gap >= -0.5 * g.size {
                run.text.push_str(&g.text);
                run.x1 = run.x1.max(g.x1);
                return;
            }
        }
        self.finish_run();
        self.current = Some(Run {
            text: g.text,
            x0: g.x0,
            x1: g.x1,
            y: g.y,
            size: g.size,
            bold: g.bold,
        });
    }

    /// Adds a glyph set along a rotated baseline: `origin` is where it starts, `end` where
    /// its advance ends.
    fn push_slanted(&mut self, text: &str, origin: Point, end: Point, size: f32) {
        let (x, y) = (origin.x as f32, origin.y as f32);
        if let Some((run, next)) = &mut self.slanted {
            let off = (origin - *next).hypot() as f32;
            if off <= 1.2 * size && (run.size - size).abs() <= 0.1 * size {
                if off > WORD_GAP_EM * size && !run.text.ends_with(' ') {
                    run.text.push(' ');
                }
                run.text.push_str(text);
                run.x0 = run.x0.min(x);
                run.x1 = run.x1.max(x);
                run.y = run.y.min(y);
                *next = end;
                return;
            }
        }
        self.finish_slanted();
        self.slanted = Some((
            Run {
                text: text.to_owned(),
                x0: x,
                x1: x,
                y,
                size,
                bold: false,
            },
            end,
        ));
    }

    fn finish_slanted(&mut self) {
        if let Some((mut run, _)) = self.slanted.take() {
            run.text = run.text.split_whitespace().collect::<Vec<_>>().join(" ");
            if !run.text.is_empty() {
                self.page.rotated.push(run);
            }
        }
    }

    fn finish_run(&mut self) {
        if let Some(run) = self.current.take() {
            self.page.runs.push(run);
        }
    }
}

/// Whether the font of a glyph is bold, by its PostScript name or weight (not known for
/// Type 1 fonts, which hayro-interpret does not describe).
fn bold_font(glyph: &Glyph<'_>) -> bool {
    let Glyph::Outline(outline) = glyph else {
        return false;
    };
    outline.font_data().is_some_and(|data| {
        data.weight.is_some_and(|w| w >= 600)
            || data.postscript_name.is_some_and(|name| {
                let name = name.to_ascii_lowercase();
                ["bold", "black", "heavy", "semibd", "demi"]
                    .iter()
                    .any(|w| name.contains(w))
            })
    })
}

fn advance(glyph: &Glyph<'_>) -> Option<f32> {
    match glyph {
        Glyph::Outline(g) => g.advance_width(),
        Glyph::Type3(g) => g.advance_width(),
    }
    .filter(|w| w.is_finite() && *w > 0.0)
}

impl<'a> Device<'a> for Collector<'_> {
    fn draw_path(&mut self, path: &BezPath, props: DrawProps<'a>, _: &DrawMode) {
        use hayro_interpret::kurbo::PathEl;
        let mut start: Option<Point> = None;
        let mut last: Option<Point> = None;
        for el in path.elements() {
            let (from, to) = match *el {
                PathEl::MoveTo(p) => {
                    let p = props.transform * p;
                    start = Some(p);
                    last = Some(p);
                    continue;
                }
                PathEl::LineTo(p) => {
                    let p = props.transform * p;
                    (last.replace(p), p)
                }
                PathEl::ClosePath => (last, start.unwrap_or(Point::ZERO)),
                PathEl::QuadTo(_, p) | PathEl::CurveTo(_, _, p) => {
                    last = Some(props.transform * p);
                    continue;
                }
            };
            let Some(from) = from else { continue };
            let (dx, dy) = ((to.x - from.x).abs(), (to.y - from.y).abs());
            let aligned = (dy <= RULE_SLANT && dx >= MIN_RULE_LENGTH)
                || (dx <= RULE_SLANT && dy >= MIN_RULE_LENGTH);
            if aligned && self.page.rules.len() < MAX_RULES {
                self.page.rules.push(Rule {
                    x0: from.x.min(to.x) as f32,
                    y0: from.y.min(to.y) as f32,
                    x1: from.x.max(to.x) as f32,
                    y1: from.y.max(to.y) as f32,
                });
            }
        }
    }
    fn push_clip_path(&mut self, _: &ClipPath) {}
    fn push_transparency_group(&mut self, _: f32, _: Option<SoftMask<'a>>, _: BlendMode) {}
    fn pop_clip(&mut self) {}
    fn pop_transparency_group(&mut self) {}

    fn draw_image(&mut self, _: Image<'a, '_>, _: ImageDrawProps<'a>) {
        self.page.images += 1;
    }

    fn draw_glyph_run(&mut self, run: &GlyphRun<'_, 'a>, props: DrawProps<'a>, mode: &DrawMode) {
        if self.expired {
            return;
        }
        let Some(first) = run.glyphs().first() else {
            return;
        };
        // Text that is filled and stroked comes twice, the stroke right after the fill.
        let key = (run.glyphs().len(), props.transform * first.transform());
        if matches!(mode, DrawMode::Stroke(_)) && self.last_fill == Some(key) {
            return;
        }
        self.last_fill = matches!(mode, DrawMode::Fill(_) | DrawMode::Invisible).then_some(key);
        self.glyphs_seen += run.glyphs().len();
        if self.glyphs_seen > GLYPHS_PER_CHECK {
            self.glyphs_seen = 0;
            if self.deadline.check().is_err() {
                self.expired = true;
                return;
            }
        }
        let bold = bold_font(first);
        for glyph in run.glyphs() {
            let t: Affine = props.transform * glyph.transform();
            let origin = t * Point::ZERO;
            let up = t * Point::new(0.0, 1000.0) - origin;
            let size = up.hypot() as f32;
            if !(size.is_finite() && size > 0.5 && self.bounds.contains(origin)) {
                continue;
            }
            let text = match glyph.as_unicode() {
                Some(hayro_interpret::hayro_cmap::BfString::Char(c)) => c.to_string(),
                Some(hayro_interpret::hayro_cmap::BfString::String(s)) => s,
                None => String::new(),
            };
            let text = if text.is_empty() || text.chars().all(|c| c == '\0') {
                self.page.undecodable += 1;
                "\u{FFFD}".to_owned()
            } else {
                if !text.chars().all(char::is_whitespace) {
                    self.page.mapped += 1;
                }
                text.replace(|c: char| c.is_control(), " ")
            };
            let advance_em = advance(glyph).map_or(DEFAULT_ADVANCE_EM, |w| w / 1000.0);
            // Upright text: the glyph's vertical points up the page.
            if !(up.y > 0.0 && up.x.abs() <= 0.05 * up.y) {
                let along = t * Point::new(1000.0, 0.0) - origin;
                let along = along / along.hypot().max(1e-6);
                let end = origin + along * f64::from(advance_em * size);
                self.push_slanted(&text, origin, end, size);
                continue;
            }
            let width = advance_em * size;
            let x0 = origin.x as f32;
            self.push(Placed {
                text,
                x0,
                x1: x0 + width,
                y: origin.y as f32,
                size,
                bold,
            });
        }
    }
}

/// A loaded PDF, ready to give its pages' text.
pub(crate) struct Reader {
    pdf: Pdf,
}

impl Reader {
    /// Loads `bytes` with hayro-syntax (an empty user password is tried for encrypted files).
    ///
    /// # Errors
    ///
    /// [`Error::Encrypted`] when a password is needed, [`Error::Pdf`] when the file cannot
    /// be read.
    pub(crate) fn new(path: &str, bytes: &[u8]) -> Result<Reader> {
        use hayro_interpret::hayro_syntax::LoadPdfError;
        match Pdf::new(bytes.to_vec()) {
            Ok(pdf) => Ok(Reader { pdf }),
            Err(LoadPdfError::Decryption(_)) => Err(Error::Encrypted {
                path: path.to_owned(),
            }),
            Err(LoadPdfError::Invalid) => Err(Error::Pdf {
                path: path.to_owned(),
                reason: "the PDF engine could not read its objects or page tree".to_owned(),
            }),
        }
    }

    /// The title in the document information dictionary, decoded (UTF-16 with a byte-order
    /// mark, otherwise `PDFDocEncoding` read as Latin-1), when there is one.
    pub(crate) fn metadata_title(&self) -> Option<String> {
        let raw = self.pdf.metadata().title.as_deref()?;
        let text = if let Some(utf16) = raw.strip_prefix(&[0xFE, 0xFF]) {
            let units: Vec<u16> = utf16
                .chunks_exact(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                .collect();
            String::from_utf16_lossy(&units)
        } else {
            raw.iter().map(|&b| char::from(b)).collect()
        };
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        (!text.is_empty()).then_some(text)
    }

    /// Number of pages.
    pub(crate) fn len(&self) -> usize {
        self.pdf.pages().len()
    }

    /// The text of page `index` (0-based).
    ///
    /// # Errors
    ///
    /// [`Error::TimedOut`] when the budget runs out; [`Error::Pdf`] when the interpreter
    /// fails on the page.
    pub(crate) fn page_text<'a>(
        &'a self,
        path: &str,
        index: usize,
        cache: &InterpreterCache<'a>,
        deadline: &Deadline<'_>,
    ) -> Result<PageText> {
        let Some(page) = self.pdf.pages().get(index) else {
            return Ok(PageText::default());
        };
        let text =
            catch_unwind(AssertUnwindSafe(|| read_page(page, cache, deadline))).map_err(|_| {
                Error::Pdf {
                    path: path.to_owned(),
                    reason: format!("the PDF engine failed on page {}", index + 1),
                }
            })?;
        deadline.check()?;
        Ok(text)
    }

    /// A fresh interpreter cache (fonts, decoded objects), to share between the pages.
    #[expect(
        clippy::unused_self,
        reason = "the cache's lifetime is the document's: it must not outlive the reader"
    )]
    pub(crate) fn cache(&self) -> InterpreterCache<'_> {
        InterpreterCache::new()
    }
}

fn read_page<'a>(
    page: &'a Page<'a>,
    cache: &InterpreterCache<'a>,
    deadline: &Deadline<'_>,
) -> PageText {
    let (width, height) = page.render_dimensions();
    let (width, height) = (f64::from(width), f64::from(height));
    let transform = page.initial_transform(false).to_kurbo();
    let bounds = Rect::new(0.0, 0.0, width, height).inflate(2.0, 2.0);
    let settings = InterpreterSettings::default();
    let mut context = Context::new(
        transform,
        Rect::new(0.0, 0.0, width, height),
        cache,
        page.xref(),
        settings,
    );
    let mut collector = Collector {
        page: PageText {
            media_box: [0.0, 0.0, width as f32, height as f32],
            ..PageText::default()
        },
        current: None,
        recent: Vec::with_capacity(RECENT_GLYPHS),
        bounds,
        deadline,
        expired: false,
        glyphs_seen: 0,
        last_fill: None,
        slanted: None,
    };
    interpret_page(page, &mut context, &mut collector);
    collector.finish_run();
    collector.finish_slanted();
    collector.page
}
