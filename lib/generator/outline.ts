/**
 * The structured document both readers (Markdown, plain-text layouts) produce: title, summary,
 * key points and numbered sections of blocks. A block is a paragraph, a list item that keeps its
 * lead-in, or a table row; code never becomes a block.
 */
import { stripEmoji, stripInlineMarkdown } from "./normalise";

export type BlockKind = "bullet" | "paragraph" | "row";

/** A term the author marked: bold, italic or inline code. */
export interface Mark { text: string; kind: "strong" | "emphasis" | "code" }

export interface Block {
  kind: BlockKind;
  text: string;
  /** A list item's lead-in: the sentence before the list ("Rust has four scalar types:") or the parent item. */
  lead?: string;
  /** "**Stroma**: the fluid-filled space…": the term; `text` is then the definition. */
  term?: string;
  /** The term comes from a glossary layout (definition list, glossary directive, term | definition table). */
  glossary?: boolean;
  marks?: Mark[];
}

export interface Section { path: string; title: string; order: number; depth: number; blocks: Block[] }

export interface ParsedDocument {
  /** The document's own title (a first heading, or a title line); "" when it has none. */
  title: string;
  /** The text before the first section (or under "Summary"), paragraphs separated by a blank line. */
  summary: string | null;
  keyPoints: string[];
  /** Definitions laid out before any section (a glossary with only a title): document-level, like key points. */
  definitions: Block[];
  sections: Section[];
}

export const LIST_HEADING = /^(?:the\s+)?(?:key|main|core)\s+(?:points?|takeaways?|ideas?|findings?|lessons?)|^takeaways?$|^highlights$|^tl;?\s*dr$/i;
export const SUMMARY_HEADING = /^(?:summary|overview|abstract)$/i;

export function clean(text: string): string {
  return stripInlineMarkdown(text).replace(/\s+/g, " ").trim();
}

const TITLE_WORDS = 10;

/**
 * A title for a document that has none, from its first line: the line's first sentence without
 * list markers or end punctuation, cut at a word to at most ten words ("…" marks the cut).
 */
export function titleFromLine(line: string): string {
  const text = clean(stripEmoji(line)).replace(/^(?:[-*•+–>#]+|\d{1,3}[.)]|\([a-z0-9]\))\s+/i, "");
  const sentence = /^(.+?[.!?])(?:\s|$)/.exec(text)?.[1] ?? text;
  const words = sentence.replace(/[.!?:;,]+$/, "").split(/\s+/).filter(Boolean);
  return words.length > TITLE_WORDS ? `${words.slice(0, TITLE_WORDS).join(" ").replace(/[,;:]$/, "")}…` : words.join(" ");
}

/** A section title without emoji, numbering or a trailing colon. */
export function topicTitle(text: string): string {
  return clean(stripEmoji(text)).replace(/^(?:\d+(?:\.\d+)*\.?|[A-Z][.)])\s+/, "").replace(/[:.?]$/, "").trim();
}

/** Section paths: "1", "2", then "2.1", "2.2" below a top section; a heading's own number wins. */
export class SectionPaths {
  private top = 0;
  private sub = 0;

  next(depth: number, title: string): string {
    const own = /^(\d+)(?:\.(\d+))?\.?\s/.exec(title);
    if (own) {
      this.top = Number(own[1]);
      this.sub = own[2] ? Number(own[2]) : 0;
      return own[2] ? `${own[1]}.${own[2]}` : own[1];
    }
    if (depth === 0 || this.top === 0) {
      this.top++;
      this.sub = 0;
      return String(this.top);
    }
    this.sub++;
    return `${this.top}.${this.sub}`;
  }
}

const DEFINITION_LINE = /^([\p{Lu}\p{N}][^:;.!?]{0,48}?)\s*(?::|\s[-–—]\s)\s*(\S.*)$/u;

/** "**mitosis**: division of…": the author marked the term, so it may be lower-case or longer. */
const MARKED_DEFINITION_LINE = /^([^:;!?]{1,60}?)\s*(?::|\s[-–—]\s)\s*(\S.*)$/u;

/**
 * "Stroma: the fluid-filled space around the thylakoids" → term and definition. The term is a
 * short label (at most five words, no verb-like sentence); the definition has some words.
 * `marked`: the author set the term apart (bold, a definition list, a glossary): trusted further.
 */
export function splitDefinition(text: string, marked = false): { term: string; definition: string } | null {
  const m = (marked ? MARKED_DEFINITION_LINE : DEFINITION_LINE).exec(text);
  if (!m) return null;
  const term = m[1].trim().replace(/\s*\([^)]*\)$/, "");
  const definition = m[2].trim();
  const termWords = term.split(/\s+/);
  if (termWords.length > (marked ? 8 : 5) || definition.split(/\s+/).length < (marked ? 2 : 3) || !(marked ? /^[\p{L}\p{N}]/u : /^\p{L}/u).test(definition)) return null;
  if (!/\p{L}/u.test(term)) return null;
  if (/^(note|notes|example|e\.g|i\.e|tip|hint|warning|caution|important|attention|remember|update|summary|conclusion|result|step \d+|see|source|beispiel|hinweis|achtung|merke|zusammenfassung|exemple|remarque|ejemplo|nota|esempio|exemplo|voorbeeld|opmerking|let op|answer|question|q|a|reading|readings|slides|due|date|time|location|room|instructor|prof|email|file|author|by|goal|goals|target|targets|risk|risks|decision|decisions|status|owner|action|actions|next steps|outcome|problem|solution|context|background|agenda|attendees|deadline|budget|plan|idea|why|how|what|trade-?offs?|pros|cons|evidence|effect|effects|cause|causes)$/i.test(term)) return null;
  if (/\d/.test(term) || !marked && /\b(is|are|was|were|has|have|will|can|should|must)\b/i.test(term)) return null;
  return { term, definition };
}
