//! The text layer of one PDF page: content-stream operators interpreted into positioned
//! runs of text (ISO 32000-1 §9: text state, text and line matrices, glyph widths).
//!
//! Only what reading needs is modelled: the current transformation matrix, the text state
//! (font, size, character and word spacing, horizontal scaling, leading, rise), text-showing
//! operators, and form `XObject`s (recursed into). Graphics, colour and clipping are ignored;
//! images are only counted.

use std::collections::{BTreeMap, HashMap, HashSet};

use lopdf::content::Content;
use lopdf::{Dictionary, Document as PdfDocument, Encoding, Object, ObjectId};

use crate::Result;
use crate::deadline::Deadline;

/// Bound on the decompressed size of one page's content and of one font's `ToUnicode` map.
const MAX_STREAM_BYTES: usize = 64 << 20;
/// Form `XObject`s nested deeper than this are not entered.
const MAX_FORM_DEPTH: usize = 8;
/// The clock is checked once per this many content-stream operations.
const OPS_PER_CHECK: usize = 4096;
/// Most glyph widths read from one composite font.
const MAX_WIDTHS: usize = 65_536;
/// A `TJ` adjustment wider than this fraction of an em reads as a word space.
const TJ_SPACE_EM: f32 = 0.2;

/// A run of text drawn by one text-showing operator, in page space (points, y upwards).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Run {
    pub(crate) text: String,
    /// Left edge of the first glyph.
    pub(crate) x0: f32,
    /// Right edge after the last glyph's advance.
    pub(crate) x1: f32,
    /// Baseline, including text rise.
    pub(crate) y: f32,
    /// Rendered font size (text-space size scaled by the text and transformation matrices).
    pub(crate) size: f32,
    /// The font's name or descriptor says bold.
    pub(crate) bold: bool,
}

/// What one page holds.
#[derive(Debug, Clone, Default)]
pub(crate) struct PageText {
    pub(crate) runs: Vec<Run>,
    /// Images drawn on the page (image `XObject`s and inline images).
    pub(crate) images: usize,
    /// Glyphs whose font has no usable mapping to Unicode.
    pub(crate) undecodable: usize,
    /// `[x0, y0, x1, y1]` of the media box.
    pub(crate) media_box: [f32; 4],
    /// Why a content stream of the page could not be read, when one could not.
    pub(crate) content_error: Option<String>,
}

/// A 2×3 affine matrix `[a b c d e f]` as in PDF (ISO 32000-1 §8.3.3).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Matrix([f32; 6]);

#[expect(
    clippy::many_single_char_names,
    reason = "the six entries are called a to f in ISO 32000-1"
)]
impl Matrix {
    const IDENTITY: Matrix = Matrix([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    /// `self × other` (apply `self` first, then `other`).
    fn then(self, other: Matrix) -> Matrix {
        let [a, b, c, d, e, f] = self.0;
        let [a2, b2, c2, d2, e2, f2] = other.0;
        Matrix([
            a * a2 + b * c2,
            a * b2 + b * d2,
            c * a2 + d * c2,
            c * b2 + d * d2,
            e * a2 + f * c2 + e2,
            e * b2 + f * d2 + f2,
        ])
    }

    fn translate(tx: f32, ty: f32) -> Matrix {
        Matrix([1.0, 0.0, 0.0, 1.0, tx, ty])
    }

    fn apply(self, x: f32, y: f32) -> (f32, f32) {
        let [a, b, c, d, e, f] = self.0;
        (a * x + c * y + e, b * x + d * y + f)
    }

    /// Length of the image of the unit y vector: the vertical scale.
    fn y_scale(self) -> f32 {
        let [_, _, c, d, _, _] = self.0;
        (c * c + d * d).sqrt()
    }
}

/// What reading needs of one font.
struct Font<'a> {
    encoding: Option<Encoding<'a>>,
    /// Two-byte character codes (composite `Type0` fonts).
    two_byte: bool,
    /// Glyph widths in thousandths of an em, by character code.
    widths: HashMap<u32, f32>,
    default_width: f32,
    bold: bool,
}

impl std::fmt::Debug for Font<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Font")
            .field("two_byte", &self.two_byte)
            .field("bold", &self.bold)
            .finish_non_exhaustive()
    }
}

fn num(o: &Object) -> Option<f32> {
    match o {
        Object::Integer(i) => Some(*i as f32),
        Object::Real(r) if r.is_finite() => Some(*r),
        _ => None,
    }
}

fn nums<const N: usize>(operands: &[Object]) -> Option<[f32; N]> {
    let mut out = [0.0; N];
    if operands.len() < N {
        return None;
    }
    for (slot, o) in out.iter_mut().zip(&operands[operands.len() - N..]) {
        *slot = num(o)?;
    }
    Some(out)
}

fn deref<'a>(doc: &'a PdfDocument, o: &'a Object) -> Option<&'a Object> {
    doc.dereference(o).ok().map(|(_, o)| o)
}

fn dict_get<'a>(doc: &'a PdfDocument, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    dict.get(key).ok().and_then(|o| deref(doc, o))
}

impl<'a> Font<'a> {
    fn load(doc: &'a PdfDocument, dict: &'a Dictionary) -> Font<'a> {
        let subtype = dict_get(doc, dict, b"Subtype").and_then(|o| o.as_name().ok());
        let two_byte = subtype == Some(b"Type0".as_slice());
        let has_to_unicode = dict.has(b"ToUnicode");
        // A composite font without a ToUnicode map has no defined text: its codes are glyph ids.
        let encoding = if two_byte && !has_to_unicode {
            None
        } else {
            dict.get_font_encoding_with_limit(doc, MAX_STREAM_BYTES)
                .ok()
        };
        let base_font = dict_get(doc, dict, b"BaseFont")
            .and_then(|o| o.as_name().ok())
            .map(|n| String::from_utf8_lossy(n).to_lowercase())
            .unwrap_or_default();
        let mut bold = base_font.contains("bold")
            || base_font.contains("black")
            || base_font.contains("heavy");
        let mut widths = HashMap::new();
        let mut default_width = 500.0;
        if two_byte {
            default_width = 1000.0;
            let descendant = dict_get(doc, dict, b"DescendantFonts")
                .and_then(|o| o.as_array().ok())
                .and_then(|a| a.first())
                .and_then(|o| deref(doc, o))
                .and_then(|o| o.as_dict().ok());
            if let Some(cid) = descendant {
                if let Some(dw) = dict_get(doc, cid, b"DW").and_then(num) {
                    default_width = dw;
                }
                if let Some(w) = dict_get(doc, cid, b"W").and_then(|o| o.as_array().ok()) {
                    read_cid_widths(doc, w, &mut widths);
                }
                bold |= descriptor_bold(doc, cid);
            }
        } else {
            let first = dict_get(doc, dict, b"FirstChar")
                .and_then(num)
                .unwrap_or(0.0)
                .max(0.0) as u32;
            if let Some(w) = dict_get(doc, dict, b"Widths").and_then(|o| o.as_array().ok()) {
                for (i, o) in w.iter().take(256).enumerate() {
                    if let Some(v) = deref(doc, o).and_then(num) {
                        widths.insert(first + i as u32, v);
                    }
                }
            }
            bold |= descriptor_bold(doc, dict);
        }
        Font {
            encoding,
            two_byte,
            widths,
            default_width,
            bold,
        }
    }

    fn width(&self, code: u32) -> f32 {
        self.widths
            .get(&code)
            .copied()
            .unwrap_or(self.default_width)
    }
}

/// `/W` of a CID font: `c [w1 w2 …]` or `c_first c_last w`. At most [`MAX_WIDTHS`]
/// entries are read (a CID font has at most 65,536 glyphs).
fn read_cid_widths(doc: &PdfDocument, w: &[Object], widths: &mut HashMap<u32, f32>) {
    let mut i = 0;
    while i < w.len() && widths.len() < MAX_WIDTHS {
        let Some(first) = deref(doc, &w[i]).and_then(num) else {
            return;
        };
        let first = first.max(0.0) as u32;
        match w.get(i + 1).and_then(|o| deref(doc, o)) {
            Some(Object::Array(list)) => {
                for (k, o) in list.iter().take(65_536).enumerate() {
                    if let Some(v) = deref(doc, o).and_then(num) {
                        widths.insert(first + k as u32, v);
                    }
                }
                i += 2;
            }
            Some(o) => {
                let (Some(last), Some(v)) = (
                    num(o),
                    w.get(i + 2).and_then(|o| deref(doc, o)).and_then(num),
                ) else {
                    return;
                };
                let last = (last.max(0.0) as u32).min(first.saturating_add(65_535));
                for code in first..=last {
                    widths.insert(code, v);
                }
                i += 3;
            }
            None => return,
        }
    }
}

/// Bold according to the font descriptor: weight 600 or more, or the force-bold flag.
fn descriptor_bold(doc: &PdfDocument, font: &Dictionary) -> bool {
    let Some(desc) = dict_get(doc, font, b"FontDescriptor").and_then(|o| o.as_dict().ok()) else {
        return false;
    };
    let weight = dict_get(doc, desc, b"FontWeight")
        .and_then(num)
        .unwrap_or(0.0);
    let flags = dict_get(doc, desc, b"Flags").and_then(num).unwrap_or(0.0) as u32;
    weight >= 600.0 || flags & (1 << 18) != 0
}

fn fonts_of<'a>(
    doc: &'a PdfDocument,
    fonts: &BTreeMap<Vec<u8>, &'a Dictionary>,
) -> HashMap<Vec<u8>, Font<'a>> {
    fonts
        .iter()
        .map(|(name, dict)| (name.clone(), Font::load(doc, dict)))
        .collect()
}

/// The fonts of a resource dictionary (of a form `XObject`).
fn resource_fonts<'a>(
    doc: &'a PdfDocument,
    resources: &'a Dictionary,
) -> HashMap<Vec<u8>, Font<'a>> {
    let mut out = HashMap::new();
    if let Some(fonts) = dict_get(doc, resources, b"Font").and_then(|o| o.as_dict().ok()) {
        for (name, o) in fonts {
            if let Some(dict) = deref(doc, o).and_then(|o| o.as_dict().ok()) {
                out.insert(name.clone(), Font::load(doc, dict));
            }
        }
    }
    out
}

/// The `XObject`s of a resource dictionary, by name.
fn resource_xobjects<'a>(
    doc: &'a PdfDocument,
    resources: Option<&'a Dictionary>,
) -> HashMap<Vec<u8>, ObjectId> {
    let mut out = HashMap::new();
    let Some(xobjects) = resources
        .and_then(|r| dict_get(doc, r, b"XObject"))
        .and_then(|o| o.as_dict().ok())
    else {
        return out;
    };
    for (name, o) in xobjects {
        if let Object::Reference(id) = o {
            out.insert(name.clone(), *id);
        }
    }
    out
}

/// The page's own resource dictionary, or the nearest ancestor's.
fn page_resources(doc: &PdfDocument, page_id: ObjectId) -> Option<&Dictionary> {
    let (direct, ids) = doc.get_page_resources(page_id).ok()?;
    direct.or_else(|| ids.first().and_then(|id| doc.get_dictionary(*id).ok()))
}

/// `/MediaBox` of the page or its nearest ancestor; US Letter when there is none.
fn media_box(doc: &PdfDocument, page_id: ObjectId) -> [f32; 4] {
    let mut node = doc.get_dictionary(page_id).ok();
    for _ in 0..32 {
        let Some(dict) = node else { break };
        if let Some(Object::Array(a)) = dict_get(doc, dict, b"MediaBox") {
            let values: Vec<f32> = a
                .iter()
                .filter_map(|o| deref(doc, o).and_then(num))
                .collect();
            if let [x0, y0, x1, y1] = values[..] {
                return [x0.min(x1), y0.min(y1), x0.max(x1), y0.max(y1)];
            }
        }
        node = dict
            .get(b"Parent")
            .ok()
            .and_then(|o| o.as_reference().ok())
            .and_then(|id| doc.get_dictionary(id).ok());
    }
    [0.0, 0.0, 612.0, 792.0]
}

#[derive(Debug, Clone, Copy)]
struct TextState {
    font: usize,
    size: f32,
    char_spacing: f32,
    word_spacing: f32,
    h_scale: f32,
    leading: f32,
    rise: f32,
}

impl Default for TextState {
    fn default() -> Self {
        Self {
            font: usize::MAX,
            size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            h_scale: 1.0,
            leading: 0.0,
            rise: 0.0,
        }
    }
}

/// Interprets one content stream (a page's or a form's).
struct Interpreter<'a, 'd> {
    doc: &'a PdfDocument,
    deadline: &'d Deadline<'d>,
    out: &'d mut PageText,
    ops: usize,
    visited_forms: HashSet<ObjectId>,
}

impl<'a> Interpreter<'a, '_> {
    fn run(
        &mut self,
        content: &[u8],
        fonts: &HashMap<Vec<u8>, Font<'a>>,
        xobjects: &HashMap<Vec<u8>, ObjectId>,
        base: Matrix,
        depth: usize,
    ) -> Result<()> {
        let content = match Content::decode(content) {
            Ok(content) => content,
            Err(e) => {
                self.out
                    .content_error
                    .get_or_insert_with(|| format!("its operators cannot be parsed: {e}"));
                return Ok(());
            }
        };
        // Fonts are looked up by index so that the text state stays `Copy`.
        let names: Vec<&Vec<u8>> = fonts.keys().collect();
        let mut ctm = base;
        let mut stack: Vec<(Matrix, TextState)> = Vec::new();
        let mut ts = TextState::default();
        let mut tm = Matrix::IDENTITY;
        let mut tlm = Matrix::IDENTITY;
        for op in &content.operations {
            self.ops += 1;
            if self.ops.is_multiple_of(OPS_PER_CHECK) {
                self.deadline.check()?;
            }
            let args = &op.operands;
            match op.operator.as_str() {
                "q" if stack.len() < 256 => stack.push((ctm, ts)),
                "Q" => {
                    if let Some((m, t)) = stack.pop() {
                        ctm = m;
                        ts = t;
                    }
                }
                "cm" => {
                    if let Some(m) = nums::<6>(args) {
                        ctm = Matrix(m).then(ctm);
                    }
                }
                "BT" => {
                    tm = Matrix::IDENTITY;
                    tlm = Matrix::IDENTITY;
                }
                "Tf" => {
                    if let (Some(name), Some(size)) = (
                        args.first().and_then(|o| o.as_name().ok()),
                        args.get(1).and_then(num),
                    ) {
                        ts.font = names
                            .iter()
                            .position(|n| n.as_slice() == name)
                            .unwrap_or(usize::MAX);
                        ts.size = size;
                    }
                }
                "Tc" => ts.char_spacing = args.first().and_then(num).unwrap_or(0.0),
                "Tw" => ts.word_spacing = args.first().and_then(num).unwrap_or(0.0),
                "Tz" => ts.h_scale = args.first().and_then(num).unwrap_or(100.0) / 100.0,
                "TL" => ts.leading = args.first().and_then(num).unwrap_or(0.0),
                "Ts" => ts.rise = args.first().and_then(num).unwrap_or(0.0),
                "Td" | "TD" => {
                    if let Some([tx, ty]) = nums::<2>(args) {
                        if op.operator == "TD" {
                            ts.leading = -ty;
                        }
                        tlm = Matrix::translate(tx, ty).then(tlm);
                        tm = tlm;
                    }
                }
                "Tm" => {
                    if let Some(m) = nums::<6>(args) {
                        tlm = Matrix(m);
                        tm = tlm;
                    }
                }
                "T*" => {
                    tlm = Matrix::translate(0.0, -ts.leading).then(tlm);
                    tm = tlm;
                }
                "Tj" | "'" | "\"" | "TJ" => {
                    if op.operator == "'" || op.operator == "\"" {
                        if op.operator == "\""
                            && let Some([aw, ac]) = args.get(..2).and_then(nums::<2>)
                        {
                            ts.word_spacing = aw;
                            ts.char_spacing = ac;
                        }
                        tlm = Matrix::translate(0.0, -ts.leading).then(tlm);
                        tm = tlm;
                    }
                    let font = names.get(ts.font).and_then(|n| fonts.get(*n));
                    let pieces: Vec<Piece<'_>> = if op.operator == "TJ" {
                        match args.first() {
                            Some(Object::Array(items)) => items
                                .iter()
                                .filter_map(|o| match o {
                                    Object::String(s, _) => Some(Piece::Text(s)),
                                    o => num(o).map(Piece::Shift),
                                })
                                .collect(),
                            _ => Vec::new(),
                        }
                    } else {
                        match args.last() {
                            Some(Object::String(s, _)) => vec![Piece::Text(s)],
                            _ => Vec::new(),
                        }
                    };
                    tm = self.show(&pieces, font, &ts, tm, ctm);
                }
                "Do" => {
                    let Some(id) = args
                        .first()
                        .and_then(|o| o.as_name().ok())
                        .and_then(|n| xobjects.get(n))
                    else {
                        continue;
                    };
                    self.x_object(*id, fonts, ctm, depth)?;
                }
                "BI" | "ID" => self.out.images += 1,
                _ => {}
            }
        }
        Ok(())
    }

    /// Draws an `XObject`: counts an image, enters a form.
    fn x_object(
        &mut self,
        id: ObjectId,
        parent_fonts: &HashMap<Vec<u8>, Font<'a>>,
        ctm: Matrix,
        depth: usize,
    ) -> Result<()> {
        let Ok(stream) = self.doc.get_object(id).and_then(Object::as_stream) else {
            return Ok(());
        };
        let subtype = stream.dict.get(b"Subtype").and_then(Object::as_name).ok();
        if subtype == Some(b"Image".as_slice()) {
            self.out.images += 1;
            return Ok(());
        }
        if subtype != Some(b"Form".as_slice())
            || depth >= MAX_FORM_DEPTH
            || !self.visited_forms.insert(id)
        {
            return Ok(());
        }
        let Ok(data) = stream.decompressed_content_with_limit(MAX_STREAM_BYTES) else {
            return Ok(());
        };
        let matrix = match stream.dict.get(b"Matrix") {
            Ok(Object::Array(entries)) => nums::<6>(entries).map_or(Matrix::IDENTITY, Matrix),
            _ => Matrix::IDENTITY,
        };
        let resources =
            dict_get(self.doc, &stream.dict, b"Resources").and_then(|o| o.as_dict().ok());
        let own_fonts = resources.map(|r| resource_fonts(self.doc, r));
        let fonts = match &own_fonts {
            Some(f) if !f.is_empty() => f,
            _ => parent_fonts,
        };
        let xobjects = resource_xobjects(self.doc, resources);
        let result = self.run(&data, fonts, &xobjects, matrix.then(ctm), depth + 1);
        self.visited_forms.remove(&id);
        result
    }

    /// Shows text: records a run and returns the text matrix advanced past it.
    fn show(
        &mut self,
        pieces: &[Piece<'_>],
        font: Option<&Font<'_>>,
        ts: &TextState,
        mut tm: Matrix,
        ctm: Matrix,
    ) -> Matrix {
        let mut text = String::new();
        let start = Matrix::translate(0.0, ts.rise).then(tm).then(ctm);
        let (x0, y) = start.apply(0.0, 0.0);
        let size = ts.size.abs() * start.y_scale();
        for piece in pieces {
            match piece {
                Piece::Shift(n) => {
                    let tx = -n / 1000.0 * ts.size * ts.h_scale;
                    if -n / 1000.0 > TJ_SPACE_EM && !text.is_empty() && !text.ends_with(' ') {
                        text.push(' ');
                    }
                    tm = Matrix::translate(tx, 0.0).then(tm);
                }
                Piece::Text(bytes) => {
                    let mut advance = 0.0;
                    let step = if font.is_some_and(|f| f.two_byte) {
                        2
                    } else {
                        1
                    };
                    for code in bytes.chunks(step) {
                        let code_value = code.iter().fold(0u32, |acc, b| acc << 8 | u32::from(*b));
                        let w = font.map_or(500.0, |f| f.width(code_value));
                        let word = if step == 1 && code_value == 32 {
                            ts.word_spacing
                        } else {
                            0.0
                        };
                        advance += (w / 1000.0 * ts.size + ts.char_spacing + word) * ts.h_scale;
                    }
                    match font.and_then(|f| f.encoding.as_ref()) {
                        Some(encoding) => match encoding.bytes_to_string(bytes) {
                            Ok(s) => {
                                text.extend(s.chars().filter(|&c| c != '\u{FFFD}' && c != '\0'));
                            }
                            Err(_) => self.out.undecodable += bytes.len() / step,
                        },
                        None => self.out.undecodable += bytes.len() / step,
                    }
                    tm = Matrix::translate(advance, 0.0).then(tm);
                }
            }
        }
        let end = Matrix::translate(0.0, ts.rise).then(tm).then(ctm);
        let (x1, _) = end.apply(0.0, 0.0);
        if !text.trim().is_empty()
            && size > 0.0
            && x0.is_finite()
            && y.is_finite()
            && x1.is_finite()
        {
            self.out.runs.push(Run {
                text,
                x0: x0.min(x1),
                x1: x0.max(x1),
                y,
                size,
                bold: font.is_some_and(|f| f.bold),
            });
        }
        tm
    }
}

enum Piece<'b> {
    Text(&'b [u8]),
    Shift(f32),
}

/// Reads the text layer of one page.
pub(crate) fn page_text(
    doc: &PdfDocument,
    page_id: ObjectId,
    deadline: &Deadline<'_>,
) -> Result<PageText> {
    let mut out = PageText {
        media_box: media_box(doc, page_id),
        ..PageText::default()
    };
    let fonts = doc.get_page_fonts(page_id).unwrap_or_default();
    let fonts = fonts_of(doc, &fonts);
    let xobjects = resource_xobjects(doc, page_resources(doc, page_id));
    let content = match doc.get_page_content_with_limit(page_id, MAX_STREAM_BYTES) {
        Ok(content) => content,
        Err(e) => {
            out.content_error = Some(format!(
                "it cannot be decompressed within {} MiB: {e}",
                MAX_STREAM_BYTES >> 20
            ));
            return Ok(out);
        }
    };
    let mut interpreter = Interpreter {
        doc,
        deadline,
        out: &mut out,
        ops: 0,
        visited_forms: HashSet::new(),
    };
    interpreter.run(&content, &fonts, &xobjects, Matrix::IDENTITY, 0)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matrices_compose_in_pdf_order() {
        let scale = Matrix([2.0, 0.0, 0.0, 2.0, 0.0, 0.0]);
        let shift = Matrix::translate(10.0, 20.0);
        // Scale first, then shift.
        assert_eq!(scale.then(shift).apply(1.0, 1.0), (12.0, 22.0));
        assert_eq!(shift.then(scale).apply(1.0, 1.0), (22.0, 42.0));
        assert!((scale.y_scale() - 2.0).abs() < 1e-6);
    }
}
