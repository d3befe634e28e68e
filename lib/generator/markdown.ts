/**
 * readMarkdown: Markdown (CommonMark + GFM tables, footnotes, strikethrough and task lists, as the document readers produce it and as people
 * write it) → the structured document. Parsed with mdast-util-from-markdown, so code blocks,
 * tables, nested lists, reference links and footnotes are what the syntax says they are.
 * Code, images, HTML blocks, captions and footnote definitions never reach the text.
 */
import type { List, ListItem, Paragraph, PhrasingContent, RootContent } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFootnoteFromMarkdown } from "mdast-util-gfm-footnote";
import { gfmStrikethroughFromMarkdown } from "mdast-util-gfm-strikethrough";
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import { gfmTaskListItemFromMarkdown } from "mdast-util-gfm-task-list-item";
import { gfmFootnote } from "micromark-extension-gfm-footnote";
import { gfmStrikethrough } from "micromark-extension-gfm-strikethrough";
import { gfmTable } from "micromark-extension-gfm-table";
import { gfmTaskListItem } from "micromark-extension-gfm-task-list-item";
import { cleanResidue, scriptText } from "./clean-text";
import { stripEmoji, wordCount } from "./normalise";
import {
  LIST_HEADING, SUMMARY_HEADING, SectionPaths, splitDefinition, topicTitle,
  type Block, type Mark, type ParsedDocument, type Section,
} from "./outline";

interface Inline { text: string; marks: Mark[] }

function inline(nodes: PhrasingContent[]): Inline {
  let text = "";
  const marks: Mark[] = [];
  // raw HTML is markup, never text: tags and comments go; <sub>/<sup> keep their content as ₂ or ^n,
  // a <sup> holding a link is a footnote marker and goes whole
  let script: { kind: "sub" | "sup"; text: string; link: boolean } | null = null;
  for (const node of nodes) {
    if (script) {
      if (node.type === "html" && /^<\/su[bp]>$/i.test(node.value.trim())) {
        if (!script.link) text += scriptText(script.text, script.kind);
        script = null;
      } else if (node.type === "html") script.link ||= /^<a\b/i.test(node.value);
      else script.text += inline([node]).text;
      continue;
    }
    switch (node.type) {
      case "text":
        text += node.value;
        break;
      case "inlineCode":
        text += node.value;
        marks.push({ text: node.value, kind: "code" });
        break;
      case "html": {
        const open = /^<(sub|sup)>$/i.exec(node.value.trim());
        if (open) script = { kind: open[1].toLowerCase() as "sub" | "sup", text: "", link: false };
        else text += " ";
        break;
      }
      case "break":
        text += " ";
        break;
      case "emphasis":
      case "strong": {
        const inner = inline(node.children);
        text += inner.text;
        marks.push(...inner.marks, { text: cleanResidue(inner.text), kind: node.type });
        break;
      }
      case "link":
      case "linkReference": {
        const inner = inline(node.children);
        text += inner.text;
        marks.push(...inner.marks);
        break;
      }
      default:
        break; // images, footnote references, struck-out text
    }
  }
  return { text, marks };
}

function paragraphText(node: Paragraph): Inline {
  const { text, marks } = inline(node.children);
  return { text: cleanResidue(text.replace(/\s+/g, " ")), marks: marks.filter((m) => m.text) };
}

/** "<span class="caption">Table 3-1: …</span>": a label for a figure, not prose. */
function isCaption(node: Paragraph): boolean {
  const kids = node.children.filter((c) => !(c.type === "text" && c.value.trim() === ""));
  return kids.length >= 2 && kids[0].type === "html" && /^<[a-z]/i.test(kids[0].value)
    && kids[kids.length - 1].type === "html" && /^<\//.test((kids[kids.length - 1] as { value: string }).value);
}

/** A paragraph that is all bold or italic ("*Trade-offs, alternatives:*"): a label, not a statement. */
function isEmphasisOnly(node: Paragraph): boolean {
  const kids = node.children.filter((c) => !(c.type === "text" && c.value.trim() === ""));
  return kids.length === 1 && (kids[0].type === "strong" || kids[0].type === "emphasis");
}

export function readMarkdown(input: string): ParsedDocument {
  // GFM without autolink literals (half the parse time, and bare URLs are dropped anyway)
  const tree = fromMarkdown(input, {
    extensions: [gfmTable(), gfmFootnote(), gfmStrikethrough(), gfmTaskListItem()],
    mdastExtensions: [gfmTableFromMarkdown(), gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTaskListItemFromMarkdown()],
  });
  const nodes = tree.children;

  let title = "";
  let firstHeading = "";
  const headings = collectHeadings(nodes);
  const h1 = headings.filter((h) => h.depth === 1);
  const minDepth = Math.min(...headings.map((h) => h.depth).filter((d) => d > 1), 6);
  // a document that opens with its only top-level heading ("## Data Types") is titled by it
  const soleTop = h1.length === 0 && headings.filter((h) => h.depth === minDepth).length === 1 && nodes[0]?.type === "heading" && nodes[0].depth === minDepth;
  const topDepth = soleTop ? Math.min(...headings.map((h) => h.depth).filter((d) => d > minDepth), 6) : minDepth;

  const summary: string[] = [];
  let explicitSummary: string[] | null = null;
  const keyPoints: string[] = [];
  const definitions: Block[] = [];
  const sections: Section[] = [];
  const paths = new SectionPaths();
  let mode: "preamble" | "summary" | "keypoints" | "section" = "preamble";
  let current: Section | null = null;

  const addBlock = (block: Block) => {
    if (mode === "keypoints" && block.kind === "bullet") keyPoints.push(block.text);
    else if (mode === "summary") (explicitSummary ??= []).push(block.text);
    else if (current) current.blocks.push(block);
    else if (block.term) definitions.push(block);
    else if (block.kind === "paragraph") summary.push(block.text);
    else keyPoints.push(block.text);
  };

  const heading = (raw: string, depth: number) => {
    const text = cleanResidue(stripEmoji(raw));
    if (!text) return;
    if (!title && (depth === 1 || (soleTop && depth === minDepth))) {
      title = topicTitle(text);
      return;
    }
    // no top heading: the first heading of any level names the document, and stays a section
    firstHeading ||= topicTitle(text);
    const bare = text.replace(/:$/, "");
    if (LIST_HEADING.test(bare)) { mode = "keypoints"; current = null; return; }
    if (SUMMARY_HEADING.test(bare)) { mode = "summary"; current = null; return; }
    const level = depth > topDepth ? 1 : 0;
    current = { path: paths.next(level, text), title: topicTitle(text) || text, order: sections.length, depth: level, blocks: [] };
    sections.push(current);
    mode = "section";
  };

  const list = (node: List, lead: string | undefined) => {
    for (const item of node.children) listItem(item, lead);
  };

  const listItem = (item: ListItem, lead: string | undefined) => {
    const parts: Inline[] = [];
    const nested: List[] = [];
    for (const child of item.children) {
      if (child.type === "paragraph") parts.push(paragraphText(child));
      else if (child.type === "list") nested.push(child);
    }
    const text = parts.map((p) => p.text).join(" ").trim();
    const marks = parts.flatMap((p) => p.marks);
    const block = text ? withDefinition({ kind: "bullet", text, ...(lead ? { lead } : {}), ...(marks.length ? { marks } : {}) }, item.children[0]) : null;
    if (block) addBlock(block);
    // the items under "**Prokaryote**: cell with no nucleus…" are about the prokaryote
    for (const sub of nested) list(sub, block?.term ?? (text || lead));
  };

  const walk = (children: RootContent[]) => {
    let lead: string | undefined;
    for (const node of children) {
      const leadForThis = lead;
      lead = undefined;
      switch (node.type) {
        case "heading":
          heading(inline(node.children).text, node.depth);
          break;
        case "paragraph": {
          if (isCaption(node)) break;
          const { text, marks } = paragraphText(node);
          if (!text || !/\p{L}/u.test(text)) break;
          if (/:$/.test(text)) {
            // "Key Points:" / "Details:" as paragraphs (documents converted from PDF or Word)
            const label = text.replace(/:$/, "").trim();
            if (LIST_HEADING.test(label)) { mode = "keypoints"; current = null; break; }
            if (SUMMARY_HEADING.test(label)) { mode = "summary"; current = null; break; }
            if (/^(?:details|notes|body|discussion)$/i.test(label)) { mode = "preamble"; break; }
            lead = label;
            if (label.split(/\s+/).length <= 6) break; // a label for the list below, not a statement
          }
          if (isEmphasisOnly(node) && (lead || mode !== "section")) break;
          addBlock(withDefinition({ kind: "paragraph", text, ...(marks.length ? { marks } : {}) }, node));
          break;
        }
        case "list":
          list(node, leadForThis);
          break;
        case "blockquote":
          walk(node.children);
          break;
        case "table":
          for (const block of tableBlocks(node.children.map((row) => row.children.map((cell) => inline(cell.children))))) {
            addBlock(leadForThis ? { ...block, lead: leadForThis } : block);
          }
          break;
        default:
          break; // code, html, images, thematic breaks, definitions, footnotes
      }
    }
  };
  walk(nodes);

  const summaryText = (explicitSummary ?? summary).join("\n\n").trim();
  return { title: title || firstHeading, summary: summaryText || null, keyPoints, definitions, sections };
}

/**
 * Table rows. A two-column table of terms and what they mean (Term | Definition) gives
 * definitions; other rows name each cell by its column ("Kind: General; Width: 64 bits").
 */
function tableBlocks([head, ...rows]: Inline[][]): Block[] {
  const names = head.map((cell) => cleanResidue(cell.text));
  const cells = rows.map((row) => row.map((cell) => cleanResidue(cell.text)));
  const glossary = names.length === 2 && cells.length > 0 && cells.every((row) => row.length === 2 && /\p{L}/u.test(row[0]) && !/\d/.test(row[0])
    && wordCount(row[0]) <= 6 && wordCount(row[1]) >= 3 && /^[\p{L}(„“"«]/u.test(row[1]));
  return cells.map((row, k) => {
    if (!glossary) return { kind: "row", text: row.map((cell, j) => `${names[j] ?? ""}: ${cell}`).join("; ") };
    const marks = rows[k].flatMap((cell) => cell.marks);
    return { kind: "row", term: row[0].replace(/\s*\([^)]*\)$/, ""), text: row[1], glossary: true, ...(marks.length ? { marks } : {}) };
  });
}

function collectHeadings(nodes: RootContent[]): { depth: number }[] {
  const found: { depth: number }[] = [];
  for (const node of nodes) {
    if (node.type === "heading") found.push({ depth: node.depth });
    else if (node.type === "blockquote") found.push(...collectHeadings(node.children));
  }
  return found;
}

/** "**Stroma**: the fluid-filled space…" or "Stroma – the fluid-filled space…" makes the block a definition. */
function withDefinition(block: Block, first: RootContent | undefined): Block {
  const opening = first?.type === "paragraph" ? first.children[0] : undefined;
  const marked = opening?.type === "strong" || opening?.type === "emphasis" || opening?.type === "inlineCode";
  if (!marked && block.kind === "paragraph") return block;
  const markedText = marked ? cleanResidue(inline([opening]).text).replace(/\s*[:–—-]$/, "") : "";
  // a marked term is the whole label: "**Rust** is fast: …" defines nothing
  const split = splitDefinition(block.text, marked && /^\s*(?:\([^)]*\))?\s*(?::|[-–—]\s)/.test(block.text.slice(markedText.length)));
  if (!split) return block;
  // "**Chloroplasts** (plants/algae only): …": the term is what the author marked
  const term = markedText && split.term.startsWith(markedText) ? markedText : split.term.replace(/\s*\([^)]*\)$/, "");
  return { ...block, term, text: split.definition };
}
