//! HTML (`.html`, `.htm`) to blocks, with scraper (html5ever).
//!
//! `<title>` → the document title. `h1`–`h6` → heading; `p`, `dt`, `dd`, `pre`, `caption`,
//! `figcaption`, `blockquote` text → paragraph; `li` → list item; `td`/`th` → table cell with
//! (row, column) (`colspan` respected). `nav`, `header`, `footer`, `aside` (a `header` or
//! `footer` inside `article`/`main`/`section` excepted: that one belongs to the content) and
//! any element whose class, id or role mentions cookie, banner, breadcrumb, sidebar, skip,
//! navigation or contentinfo → furniture, kept as blocks. Elements with a footnote id
//! (`fn1`, `footnote-2`, `cite_note-3`) → footnote with that label; a `<sup>` holding only a
//! short marker (`1`, `iv`, `[2]`, `*`) is taken out of the text as a marker. `script`,
//! `style`, `noscript`, `template` and embedded objects are ignored. Entities are decoded by
//! the parser; white space is collapsed.
//!
//! The tree is walked iteratively (first child, next sibling, parent), never recursively, so
//! nesting depth costs no stack: a document nested 10,000 levels deep is fine. Open elements
//! are identified by their depth.

use accord_core::BlockKind;
use regex::Regex;
use scraper::{Html, Node};

use crate::builder::DocBuilder;
use crate::decode::clean_chars;
use crate::inline::{Inline, Marker, collapse_whitespace, normalise_label};

/// Patterns of the HTML reader, compiled once.
#[derive(Debug, Clone)]
pub(crate) struct HtmlPatterns {
    /// The id of a footnote element; group 1 is its label.
    note_id: Regex,
    /// The whole text of a `<sup>` that is a note marker; group 1 is its label.
    sup_marker: Regex,
    /// Class, id or role of boilerplate.
    furniture: Regex,
}

impl HtmlPatterns {
    pub(crate) fn new() -> Result<Self, regex::Error> {
        Ok(Self {
            note_id: Regex::new(
                r"(?i)^(?:fn|footnote|endnote|note|cite_note)[-_:]?([0-9]{1,3}|[ivxlc]{1,6}|[a-z])$",
            )?,
            sup_marker: Regex::new(r"^\[?([0-9]{1,3}|[ivxlc]{1,6}|[*†‡§])\]?$")?,
            furniture: Regex::new(
                r"(?i)cookie|banner|breadcrumb|sidebar|skip|navigation|contentinfo",
            )?,
        })
    }
}

/// What an element is to the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// Contents ignored.
    Skip,
    /// Holds blocks; flushes text around it.
    Container,
    /// Holds lists or tables; inside a leaf it still splits the leaf.
    Structure,
    /// A block whose text is one block of this kind.
    Leaf(BlockKind),
    Inline,
}

fn role(name: &str) -> Role {
    match name {
        "script" | "style" | "noscript" | "template" | "svg" | "math" | "iframe" | "object"
        | "canvas" | "select" => Role::Skip,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Role::Leaf(BlockKind::Heading),
        "li" => Role::Leaf(BlockKind::ListItem),
        "td" | "th" => Role::Leaf(BlockKind::TableCell),
        "p" | "dt" | "dd" | "pre" | "caption" | "figcaption" | "legend" | "summary" => {
            Role::Leaf(BlockKind::Paragraph)
        }
        "ul" | "ol" | "dl" | "menu" | "table" | "thead" | "tbody" | "tfoot" | "tr" => {
            Role::Structure
        }
        "html" | "body" | "main" | "article" | "section" | "div" | "nav" | "header" | "footer"
        | "aside" | "form" | "fieldset" | "figure" | "address" | "details" | "hgroup"
        | "center" | "hr" | "blockquote" | "dialog" | "search" => Role::Container,
        _ => Role::Inline,
    }
}

/// An open element that affects the blocks inside it. The inherited fields are computed from
/// the parent frame when the frame is pushed, so every question about the open elements is
/// answered in constant time, whatever the depth.
#[derive(Debug, Clone)]
#[expect(
    clippy::struct_excessive_bools,
    reason = "independent facts about one open element, each read on its own"
)]
struct Frame {
    /// Depth of the element in the tree (its identity while it is open).
    depth: usize,
    kind: Option<BlockKind>,
    label: Option<String>,
    cell: Option<(u32, u32)>,
    /// Opened inside a leaf: only separates words, flushes nothing.
    inline: bool,
    /// A table opened here: (current row, current column).
    table: Option<(Option<u32>, u32)>,
    /// This element or an enclosing one is furniture.
    furniture: bool,
    /// This element or an enclosing one is `article`, `main` or `section`.
    content: bool,
    /// Text here belongs to a leaf (no list or table in between).
    in_leaf: bool,
    /// Index of the nearest frame (this one included) with a block kind.
    leaf: Option<usize>,
    /// Index of the nearest frame (this one included) that is a footnote.
    note: Option<usize>,
    /// Index of the nearest frame (this one included) that opened a table.
    table_at: Option<usize>,
}

struct Walker<'p> {
    pats: &'p HtmlPatterns,
    frames: Vec<Frame>,
    buf: Inline,
    /// A `<sup>` being read: its node and where its text starts in `buf`.
    sup: Option<(usize, usize)>,
    title: Option<String>,
    in_title: Option<usize>,
}

impl Walker<'_> {
    fn in_leaf(&self) -> bool {
        self.frames.last().is_some_and(|f| f.in_leaf)
    }

    fn flush(&mut self, builder: &mut DocBuilder) {
        self.sup = None;
        let inline = collapse_whitespace(std::mem::take(&mut self.buf));
        if inline.text.is_empty() && inline.markers.is_empty() {
            return;
        }
        let top = self.frames.last();
        let furniture = top.is_some_and(|f| f.furniture);
        let note = top.and_then(|f| f.note).map(|i| &self.frames[i]);
        let leaf = top.and_then(|f| f.leaf).map(|i| &self.frames[i]);
        let (kind, label, cell) = match (note, leaf) {
            _ if furniture => (BlockKind::Furniture, None, None),
            (Some(n), _) => (BlockKind::Footnote, n.label.clone(), None),
            (None, Some(f)) => (f.kind.unwrap_or(BlockKind::Paragraph), None, f.cell),
            (None, None) => (BlockKind::Paragraph, None, None),
        };
        if kind == BlockKind::Furniture {
            builder.repairs.html_furniture += 1;
        }
        builder.push(kind, inline, label, cell);
    }

    /// Handles an opening element at depth `id`; false when its contents are to be skipped.
    fn open(
        &mut self,
        id: usize,
        element: &scraper::node::Element,
        builder: &mut DocBuilder,
    ) -> bool {
        let name = element.name().to_ascii_lowercase();
        if name == "title" && self.title.is_none() {
            self.in_title = Some(id);
            self.title = Some(String::new());
            return true;
        }
        let role = role(&name);
        if role == Role::Skip {
            return false;
        }
        if name == "br" {
            self.buf.text.push(' ');
            return true;
        }
        let tagged = [element.attr("class"), element.id(), element.attr("role")]
            .into_iter()
            .flatten()
            .any(|v| self.pats.furniture.is_match(v));
        let parent = self.frames.last();
        let inside_content = parent.is_some_and(|f| f.content);
        let furniture = tagged
            || matches!(name.as_str(), "nav" | "aside")
            || (matches!(name.as_str(), "header" | "footer") && !inside_content);
        let note = element
            .id()
            .and_then(|i| self.pats.note_id.captures(i))
            .and_then(|c| c.get(1))
            .map(|m| normalise_label(m.as_str()));
        if role == Role::Inline && !furniture && note.is_none() {
            if name == "sup" && self.sup.is_none() {
                self.sup = Some((id, self.buf.text.len()));
            }
            return true;
        }
        let splits =
            matches!(role, Role::Structure) || matches!(name.as_str(), "li" | "td" | "th" | "tr");
        let inline = self.in_leaf() && !splits && !furniture && note.is_none();
        if inline {
            self.buf.text.push(' ');
        } else {
            self.flush(builder);
        }
        let parent = self.frames.last();
        let index = self.frames.len();
        let kind = match role {
            Role::Leaf(kind) => Some(kind),
            _ => None,
        };
        let is_list = matches!(name.as_str(), "ul" | "ol" | "dl" | "menu" | "table");
        let mut frame = Frame {
            depth: id,
            kind,
            cell: None,
            inline,
            table: (name == "table").then_some((None, 0)),
            furniture: furniture || parent.is_some_and(|f| f.furniture),
            content: matches!(name.as_str(), "article" | "main" | "section")
                || parent.is_some_and(|f| f.content),
            in_leaf: kind.is_some() || (!is_list && parent.is_some_and(|f| f.in_leaf)),
            leaf: if kind.is_some() {
                Some(index)
            } else {
                parent.and_then(|f| f.leaf)
            },
            note: if note.is_some() {
                Some(index)
            } else {
                parent.and_then(|f| f.note)
            },
            table_at: if name == "table" {
                Some(index)
            } else {
                parent.and_then(|f| f.table_at)
            },
            label: note,
        };
        if name == "tr"
            && let Some((row, col)) = self.current_table()
        {
            *row = Some(row.map_or(0, |r| r + 1));
            *col = 0;
        }
        if matches!(name.as_str(), "td" | "th") {
            let span = element
                .attr("colspan")
                .and_then(|s| s.trim().parse::<u32>().ok())
                .unwrap_or(1)
                .clamp(1, 1000);
            if let Some((row, col)) = self.current_table() {
                let r = *row.get_or_insert(0);
                frame.cell = Some((r, *col));
                *col += span;
            }
        }
        self.frames.push(frame);
        true
    }

    fn current_table(&mut self) -> Option<(&mut Option<u32>, &mut u32)> {
        let at = self.frames.last()?.table_at?;
        self.frames[at].table.as_mut().map(|(r, c)| (r, c))
    }

    fn close(&mut self, id: usize, builder: &mut DocBuilder) {
        if self.in_title == Some(id) {
            self.in_title = None;
            return;
        }
        if let Some((sup, start)) = self.sup
            && sup == id
        {
            self.sup = None;
            self.take_sup_marker(start);
            return;
        }
        if self.frames.last().is_some_and(|f| f.depth == id) {
            let inline = self.frames.last().is_some_and(|f| f.inline);
            if inline {
                self.buf.text.push(' ');
            } else {
                self.flush(builder);
            }
            self.frames.pop();
        }
    }

    /// A `<sup>` whose whole text is a marker leaves the text and becomes a marker.
    fn take_sup_marker(&mut self, start: usize) {
        let Some(written) = self.buf.text.get(start..).map(str::trim) else {
            return;
        };
        let Some(caps) = self.pats.sup_marker.captures(written) else {
            return;
        };
        let label = caps.get(1).map_or("", |m| m.as_str());
        let marker = Marker {
            at: start,
            written: written.to_owned(),
            label: normalise_label(label),
        };
        self.buf.text.truncate(start);
        self.buf.markers.push(marker);
    }
}

/// Turns an HTML document into blocks.
pub(crate) fn ingest(source: &str, pats: &HtmlPatterns, mut builder: DocBuilder) -> DocBuilder {
    let (source, dropped) = crate::html_attrs::cap_attributes(source);
    if dropped > 0 {
        builder.repairs.notes.push(format!(
            "Dropped {dropped} HTML attributes past the first {} of a tag.",
            crate::html_attrs::MAX_ATTRIBUTES
        ));
    }
    let html = Html::parse_document(&source);
    let mut w = Walker {
        pats,
        frames: Vec::new(),
        buf: Inline::default(),
        sup: None,
        title: None,
        in_title: None,
    };
    let mut node = html.tree.root();
    let mut depth = 0usize;
    'walk: loop {
        let mut descend = true;
        match node.value() {
            Node::Element(element) => descend = w.open(depth, element, &mut builder),
            Node::Text(text) => {
                let clean = clean_chars(text, &mut builder.repairs);
                match (w.in_title, w.title.as_mut()) {
                    (Some(_), Some(title)) => title.push_str(&clean),
                    _ => w.buf.text.push_str(&clean),
                }
            }
            _ => {}
        }
        if descend && let Some(child) = node.first_child() {
            node = child;
            depth += 1;
            continue;
        }
        loop {
            if node.value().is_element() {
                w.close(depth, &mut builder);
            }
            if depth == 0 {
                break 'walk;
            }
            if let Some(sibling) = node.next_sibling() {
                node = sibling;
                continue 'walk;
            }
            match node.parent() {
                Some(parent) => {
                    node = parent;
                    depth -= 1;
                }
                None => break 'walk,
            }
        }
    }
    w.flush(&mut builder);
    builder.title = w
        .title
        .map(|t| collapse_whitespace(Inline::plain(t)).text)
        .filter(|t| !t.is_empty());
    builder
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::repairs::Repairs;

    fn render(source: &str) -> (Option<String>, Vec<String>, Vec<String>) {
        let pats = HtmlPatterns::new().unwrap();
        let doc = ingest(source, &pats, DocBuilder::new(Repairs::default())).finish(
            "d".into(),
            "d.html".into(),
            accord_core::Format::Html,
            String::new(),
        );
        let blocks = doc
            .blocks
            .iter()
            .map(|b| {
                let extra = b
                    .label
                    .clone()
                    .or(b.cell.map(|(r, c)| format!("{r},{c}")))
                    .unwrap_or_default();
                format!("{} {extra}: {}", b.kind, doc.slice(b.span))
            })
            .collect();
        let notes = doc
            .notes
            .iter()
            .map(|n| format!("{} {} -> {:?}", n.marker, n.label, n.note_block))
            .collect();
        (doc.title, blocks, notes)
    }

    #[test]
    fn kinds_furniture_tables_and_notes() {
        let (title, blocks, notes) = render(
            r##"<html><head><title> The  Page </title><script>var x = "<p>no</p>";</script></head><body>
            <a class="skip-link" href="#m">Skip</a>
            <nav><ul><li><a href="/">Home</a></li></ul></nav>
            <main><article><header><h1>Head&amp;ing</h1></header>
            <p>Some <em>text</em>&nbsp;here.<sup><a href="#fn1">1</a></sup> More<br>lines.</p>
            <ul><li><p>Item one</p><ul><li>nested</li></ul>tail</li></ul>
            <table><caption>Cap</caption><tr><th>A</th><th colspan="2">B</th><th>C</th></tr><tr><td>1</td><td>2</td></tr></table>
            <div class="cookie-banner">We use cookies.</div>
            <ol class="footnotes"><li id="fn1">The note.</li></ol>
            </article></main><footer><p>(c) 2012</p></footer></body></html>"##,
        );
        assert_eq!(title.as_deref(), Some("The Page"));
        assert_eq!(
            blocks,
            [
                "furniture : Skip",
                "furniture : Home",
                "heading : Head&ing",
                "paragraph : Some text here. More lines.",
                "list_item : Item one",
                "list_item : nested",
                "list_item : tail",
                "paragraph : Cap",
                "table_cell 0,0: A",
                "table_cell 0,1: B",
                "table_cell 0,3: C",
                "table_cell 1,0: 1",
                "table_cell 1,1: 2",
                "furniture : We use cookies.",
                "footnote 1: The note.",
                "furniture : (c) 2012",
            ]
        );
        assert_eq!(notes, ["1 1 -> Some(14)"]);
    }
}
