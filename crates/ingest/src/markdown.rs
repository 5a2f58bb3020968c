//! Markdown (`.md`) to blocks, with pulldown-cmark (`CommonMark` plus footnotes, tables,
//! strikethrough and YAML front matter).
//!
//! Headings → heading; paragraphs, block quotes and code blocks → paragraph; list items →
//! one list item each (nested ones too; the paragraphs of a loose item are one block); table
//! cells → table cell with (row, column), the header row being row 0; footnote definitions →
//! footnote with its label; YAML front matter → furniture. Emphasis, strong, strikethrough
//! and link markup go (their text stays; link URLs go). Footnote references are taken out of
//! the text and recorded as markers.

use accord_core::BlockKind;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::builder::DocBuilder;
use crate::decode::clean_chars;
use crate::inline::{Inline, Marker, collapse_whitespace, normalise_label};

/// Block-level context that decides the kind of the text inside it.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Context {
    Heading,
    Item,
    Footnote(String),
    Cell(u32, u32),
    /// Code and front matter keep their line breaks.
    Verbatim(BlockKind),
    Other,
}

#[derive(Debug, Default)]
struct Walker {
    contexts: Vec<Context>,
    buf: Inline,
    row: u32,
    next_row: u32,
    col: u32,
    /// Depth of strong emphasis at the current event.
    strong: u32,
    /// The current block has text inside strong emphasis / outside it.
    strong_text: bool,
    plain_text: bool,
}

impl Walker {
    fn flush(&mut self, builder: &mut DocBuilder) {
        let mut kind = BlockKind::Paragraph;
        let mut label = None;
        let mut cell = None;
        let mut verbatim = false;
        for context in self.contexts.iter().rev() {
            match context {
                Context::Heading => kind = BlockKind::Heading,
                Context::Item => kind = BlockKind::ListItem,
                Context::Footnote(l) => {
                    kind = BlockKind::Footnote;
                    label = Some(l.clone());
                }
                Context::Cell(r, c) => {
                    kind = BlockKind::TableCell;
                    cell = Some((*r, *c));
                }
                Context::Verbatim(k) => {
                    kind = *k;
                    verbatim = true;
                }
                Context::Other => continue,
            }
            break;
        }
        let inline = std::mem::take(&mut self.buf);
        let (strong_text, plain_text) = (
            std::mem::take(&mut self.strong_text),
            std::mem::take(&mut self.plain_text),
        );
        let all_strong = strong_text && !plain_text;
        if kind == BlockKind::Paragraph && !verbatim && all_strong && is_bold_heading(&inline.text)
        {
            kind = BlockKind::Heading;
        }
        // A code block laid out as a fixed-width table (a report converted to Markdown)
        // gives table cells, as in plain text.
        if verbatim
            && kind == BlockKind::Paragraph
            && inline.markers.is_empty()
            && let Some(blocks) = crate::text::verbatim_tables(&inline.text)
        {
            builder.repairs.text_tables += 1;
            for (kind, cell, text) in blocks {
                builder.push(kind, Inline::plain(text), None, cell);
            }
            return;
        }
        let inline = if verbatim {
            let text: Vec<&str> = inline
                .text
                .lines()
                .map(str::trim_end)
                .filter(|l| !l.trim().is_empty())
                .collect();
            Inline::plain(text.join("\n"))
        } else {
            collapse_whitespace(inline)
        };
        if !inline.text.is_empty() || !inline.markers.is_empty() {
            builder.push(kind, inline, label, cell);
        }
    }

    /// Records where text falls: inside strong emphasis or not.
    fn note_text(&mut self, text: &str) {
        if self.strong > 0 {
            self.strong_text = true;
        } else if !text.trim().is_empty() {
            self.plain_text = true;
        }
    }

    /// Inside a list item or footnote, paragraphs run together into one block.
    fn joins_paragraphs(&self) -> bool {
        matches!(
            self.contexts.last(),
            Some(Context::Item | Context::Footnote(_))
        )
    }
}

/// Most words of a paragraph set wholly in bold that reads as a heading.
const MAX_BOLD_HEADING_WORDS: usize = 20;

/// A paragraph set wholly in bold is a heading (pandoc and word processors write section
/// titles so) when it is short and does not end as a sentence or clause does (`.`, `,`,
/// `;`): "**Building Global Alliances**", not "**Note: the figures are estimates.**".
fn is_bold_heading(text: &str) -> bool {
    let text = text.trim();
    !text.is_empty()
        && text.split_whitespace().count() <= MAX_BOLD_HEADING_WORDS
        && !text.ends_with(['.', ',', ';'])
}

/// Turns Markdown source into blocks.
pub(crate) fn ingest(source: &str, mut builder: DocBuilder) -> DocBuilder {
    let options = Options::ENABLE_FOOTNOTES
        | Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    let mut w = Walker::default();
    for event in Parser::new_ext(source, options) {
        match event {
            Event::Start(tag) => match tag {
                Tag::Paragraph => {
                    if w.joins_paragraphs() {
                        w.buf.text.push(' ');
                    } else {
                        w.flush(&mut builder);
                    }
                }
                Tag::Heading { .. } => open(&mut w, &mut builder, Context::Heading),
                Tag::Item => open(&mut w, &mut builder, Context::Item),
                Tag::FootnoteDefinition(label) => {
                    open(
                        &mut w,
                        &mut builder,
                        Context::Footnote(normalise_label(&label)),
                    );
                }
                Tag::CodeBlock(_) => open(
                    &mut w,
                    &mut builder,
                    Context::Verbatim(BlockKind::Paragraph),
                ),
                Tag::MetadataBlock(_) => open(
                    &mut w,
                    &mut builder,
                    Context::Verbatim(BlockKind::Furniture),
                ),
                Tag::TableHead => {
                    w.row = 0;
                    w.next_row = 1;
                    w.col = 0;
                }
                Tag::TableRow => {
                    w.row = w.next_row;
                    w.next_row += 1;
                    w.col = 0;
                }
                Tag::TableCell => {
                    let context = Context::Cell(w.row, w.col);
                    w.col += 1;
                    open(&mut w, &mut builder, context);
                }
                Tag::Table(_) => {
                    w.next_row = 0;
                    open(&mut w, &mut builder, Context::Other);
                }
                Tag::BlockQuote(_)
                | Tag::List(_)
                | Tag::HtmlBlock
                | Tag::DefinitionList
                | Tag::DefinitionListTitle
                | Tag::DefinitionListDefinition => {
                    open(&mut w, &mut builder, Context::Other);
                }
                Tag::Strong => w.strong += 1,
                Tag::Emphasis
                | Tag::Strikethrough
                | Tag::Superscript
                | Tag::Subscript
                | Tag::Link { .. }
                | Tag::Image { .. } => {}
            },
            Event::End(end) => match end {
                TagEnd::Paragraph => {
                    if !w.joins_paragraphs() {
                        w.flush(&mut builder);
                    }
                }
                TagEnd::MetadataBlock(_) => {
                    match crate::front_matter::title(&w.buf.text) {
                        Ok(title) => {
                            if builder.title.is_none() {
                                builder.title = title;
                            }
                        }
                        Err(e) => builder.repairs.notes.push(format!(
                            "The front matter is not valid YAML ({e}); its title was not read."
                        )),
                    }
                    w.flush(&mut builder);
                    w.contexts.pop();
                }
                TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::FootnoteDefinition
                | TagEnd::CodeBlock
                | TagEnd::TableCell
                | TagEnd::Table
                | TagEnd::BlockQuote(_)
                | TagEnd::List(_)
                | TagEnd::HtmlBlock
                | TagEnd::DefinitionList
                | TagEnd::DefinitionListTitle
                | TagEnd::DefinitionListDefinition => {
                    w.flush(&mut builder);
                    w.contexts.pop();
                }
                TagEnd::Strong => w.strong = w.strong.saturating_sub(1),
                TagEnd::TableHead
                | TagEnd::TableRow
                | TagEnd::Emphasis
                | TagEnd::Strikethrough
                | TagEnd::Superscript
                | TagEnd::Subscript
                | TagEnd::Link
                | TagEnd::Image => {}
            },
            Event::Text(text) | Event::Code(text) => {
                let clean = clean_chars(&text, &mut builder.repairs);
                w.note_text(&clean);
                w.buf.text.push_str(&clean);
            }
            Event::InlineMath(text) | Event::DisplayMath(text) => w.buf.text.push_str(&text),
            Event::SoftBreak | Event::HardBreak => {
                let verbatim = matches!(w.contexts.last(), Some(Context::Verbatim(_)));
                w.buf.text.push(if verbatim { '\n' } else { ' ' });
            }
            Event::FootnoteReference(label) => {
                let at = w.buf.text.len();
                w.buf.markers.push(Marker {
                    at,
                    written: format!("[^{label}]"),
                    label: normalise_label(&label),
                });
            }
            Event::Html(_) | Event::InlineHtml(_) | Event::TaskListMarker(_) => {}
            Event::Rule => w.flush(&mut builder),
        }
    }
    w.flush(&mut builder);
    builder
}

fn open(w: &mut Walker, builder: &mut DocBuilder, context: Context) {
    w.flush(builder);
    w.contexts.push(context);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::repairs::Repairs;

    fn render(source: &str) -> (Vec<String>, Vec<String>) {
        let doc = ingest(source, DocBuilder::new(Repairs::default())).finish(
            "d".into(),
            "d.md".into(),
            accord_core::Format::Markdown,
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
            .map(|n| format!("{}@{} {} -> {:?}", n.marker, n.at, n.label, n.note_block))
            .collect();
        (blocks, notes)
    }

    #[test]
    fn blocks_of_each_kind() {
        let (blocks, notes) = render(
            "---\ntitle: x\n---\n# Title *here*\n\nText with [a link](http://x) and a note.[^n1]\n\n- one\n  - nested\n- two\n\n  second para\n\n| A | B |\n|---|---|\n| 1 | **2** |\n\n> quoted\n\n```\ncode  line\n\nmore\n```\n\n[^n1]: The note.\n",
        );
        assert_eq!(
            blocks,
            [
                "furniture : title: x",
                "heading : Title here",
                "paragraph : Text with a link and a note.",
                "list_item : one",
                "list_item : nested",
                "list_item : two second para",
                "table_cell 0,0: A",
                "table_cell 0,1: B",
                "table_cell 1,0: 1",
                "table_cell 1,1: 2",
                "paragraph : quoted",
                "paragraph : code  line\nmore",
                "footnote n1: The note.",
            ]
        );
        assert_eq!(notes, ["[^n1]@50 n1 -> Some(12)"]);
    }

    fn finish(source: &str) -> accord_core::Document {
        ingest(source, DocBuilder::new(Repairs::default())).finish(
            "d".into(),
            "d.md".into(),
            accord_core::Format::Markdown,
            String::new(),
        )
    }

    #[test]
    fn the_front_matter_title_is_the_document_title() {
        let doc = finish(
            "---\ndate: 2021-01-01\ntitle: \"A Plan for\\_Rivers\"\n---\n# Other\n\nText.\n",
        );
        assert_eq!(doc.title.as_deref(), Some("A Plan for Rivers"));
        // Without one, the first heading is.
        assert_eq!(finish("# First\n\nText.\n").title.as_deref(), Some("First"));
        assert_eq!(
            finish("---\ndate: 2021\n---\n# First\n").title.as_deref(),
            Some("First")
        );
    }

    #[test]
    fn invalid_front_matter_is_a_warning_and_still_furniture() {
        let doc = finish("---\ntitle: [open\n---\nText.\n");
        assert_eq!(doc.title, None);
        assert_eq!(doc.blocks[0].kind, BlockKind::Furniture);
        assert!(
            doc.warnings
                .iter()
                .any(|w| w.contains("front matter is not valid YAML")),
            "{:?}",
            doc.warnings
        );
    }

    #[test]
    fn a_short_paragraph_wholly_in_bold_is_a_heading() {
        let (blocks, _) = render(
            "**Building Shared Capacity**\n\nText follows.\n\n**After Plain Text**\n\n**Lead-in:** then plain text.\n\n**A whole sentence in bold.**\n\n- **Bold item**\n\n**Set on\ntwo lines**\n",
        );
        assert_eq!(
            blocks,
            [
                "heading : Building Shared Capacity",
                "paragraph : Text follows.",
                "heading : After Plain Text",
                "paragraph : Lead-in: then plain text.",
                "paragraph : A whole sentence in bold.",
                "list_item : Bold item",
                "heading : Set on two lines",
            ]
        );
    }
}
