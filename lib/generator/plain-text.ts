/**
 * readPlainText: the plain-text layouts people paste. Podcast summary (Key Points: / Details: /
 * "3. 💰 Title" / "4.1. Title"), lecture notes (Summary:, Main ideas, "Section A - Title"), and
 * Markdown-like text without headings.
 */
import { stripEmoji, wordCount } from "./normalise";
import {
  LIST_HEADING, clean, splitDefinition, topicTitle,
  type Block, type ParsedDocument, type Section,
} from "./outline";

const DETAILS_MARKER = /^(?:details|notes|body|discussion)\s*:?\s*$/i;
const LETTERED = /^section\s+([A-Z]|\d+)\s*[-–—:.)]\s*(.+)$/i;
const NUMBERED = /^(\d{1,3}(?:\.\d{1,3})?)\.?\s+(.+)$/;
const BULLET = /^(?:[-*•+–]|\d{1,3}[.)]|\([a-z0-9]\))\s+(.*)$/;
/** One sentence ending and another starting: "… four chambers. The left …". */
const SENTENCE_BREAK = /\p{Ll}[.!?]\s+\p{Lu}/u;

type Mode = "preamble" | "keypoints" | "summary" | "section";

function looksLikeHeading(text: string): boolean {
  const t = stripEmoji(text).trim();
  return t.length > 0 && t.length <= 90 && !/[.!?;,]$/.test(t) && wordCount(t) <= 12;
}

/** A bullet that reads "Term: definition" (or "**Term**: definition") keeps its term apart. */
function bulletBlock(raw: string, lead: string | undefined): Block {
  const marked = /^\*\*([^*]+)\*\*\s*(?:\([^)]*\)\s*)?(?::|[-–—]\s)/.exec(raw);
  const text = clean(raw);
  const split = splitDefinition(text, Boolean(marked));
  const term = marked ? clean(marked[1]).replace(/\s*:$/, "") : split?.term;
  const base: Block = split ? { kind: "bullet", text: split.definition, term: term! } : { kind: "bullet", text };
  return lead ? { ...base, lead } : base;
}

export function readPlainText(input: string): ParsedDocument {
  const lines = input.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n").replace(/\t/g, "    ").split("\n");
  const lettered = lines.some((l) => LETTERED.test(l.trim()));

  let title = "";
  let i = 0;
  while (i < lines.length && lines[i].trim() === "") i++;
  if (i < lines.length) {
    const first = lines[i].trim();
    const candidate = clean(stripEmoji(first.replace(/^title\s*:\s*/i, "")));
    // A list item, or the document's only text, or a run of sentences, is content, not a title.
    const content = BULLET.test(first) || LETTERED.test(first) || !lines.slice(i + 1).some((l) => l.trim() !== "") || SENTENCE_BREAK.test(first);
    if (!content && first.length <= 200) {
      title = candidate;
      i++;
    }
  }

  const summaryParts: string[] = [];
  let explicitSummary: string[] | null = null;
  const keyPoints: string[] = [];
  const definitions: Block[] = [];
  const sections: Section[] = [];
  let mode: Mode = "preamble";
  let current = null as Section | null;
  let paragraph: string[] = [];
  let lastBullet: { push: (t: string) => void } | null = null;
  let keyPointsSeen = 0;
  let inFence = false;
  let lead: string | undefined;

  const flushParagraph = () => {
    if (paragraph.length === 0) return;
    const text = clean(paragraph.join(" "));
    paragraph = [];
    if (!text) return;
    if (mode === "summary") (explicitSummary ??= []).push(text);
    else if (current && mode === "section") {
      // a "Term - definition" line of a glossary reads like a bullet
      const split = /^[^.!?]{1,50}\s[-–—]\s/.test(text) ? splitDefinition(text) : null;
      current.blocks.push(split ? { kind: "paragraph", text: split.definition, term: split.term } : { kind: "paragraph", text });
    }
    else if (mode === "keypoints") keyPoints.push(text);
    else summaryParts.push(text);
    lead = /:$/.test(text) ? text.replace(/:$/, "") : undefined;
  };

  const openSection = (path: string, rawTitle: string, depth: number) => {
    flushParagraph();
    current = { path, title: topicTitle(rawTitle) || path, order: sections.length, depth, blocks: [] };
    sections.push(current);
    mode = "section";
    lastBullet = null;
    lead = undefined;
  };

  for (; i < lines.length; i++) {
    const raw = lines[i];
    const t = raw.trim();
    if (/^(```|~~~)/.test(t)) { inFence = !inFence; continue; }
    if (inFence || /^\|.*\|$/.test(t) || /^([-*_])\1{2,}$/.test(t)) continue;
    if (t === "") {
      flushParagraph();
      lastBullet = null;
      if (mode === "keypoints" && keyPoints.length > keyPointsSeen) mode = current ? "section" : "preamble";
      continue;
    }
    const line = t.replace(/^>\s?/, "");

    const summaryMarker = /^summary\s*:\s*(.*)$/i.exec(line);
    if (summaryMarker) {
      flushParagraph();
      mode = "summary";
      current = null;
      if (summaryMarker[1]) paragraph.push(summaryMarker[1]);
      continue;
    }
    const listMarker = /^(.*?)\s*:\s*$/.exec(line);
    if (listMarker && LIST_HEADING.test(clean(listMarker[1]))) {
      flushParagraph();
      mode = "keypoints";
      keyPointsSeen = keyPoints.length;
      current = null;
      continue;
    }
    if (DETAILS_MARKER.test(line)) { flushParagraph(); mode = "preamble"; current = null; continue; }

    const letteredMatch = lettered ? LETTERED.exec(line) : null;
    if (letteredMatch) {
      openSection(letteredMatch[1].toUpperCase(), letteredMatch[2], 0);
      continue;
    }

    const numbered = lettered ? null : NUMBERED.exec(line);
    const isKeyPointItem = mode === "keypoints" && (keyPoints.length === keyPointsSeen || !looksLikeHeading(numbered?.[2] ?? ""));
    if (numbered && !isKeyPointItem && looksLikeHeading(numbered[2]) && /\p{L}/u.test(numbered[2])) {
      const path = numbered[1];
      openSection(path, numbered[2], path.includes(".") ? 1 : 0);
      continue;
    }

    const bullet = BULLET.exec(line);
    if (bullet) {
      flushParagraph();
      const text = clean(bullet[1]);
      if (!text) continue;
      // "**Term**: …" before any section: a glossary, not key points
      const definition = mode === "preamble" && !current && /^\*\*/.test(bullet[1]) ? bulletBlock(bullet[1], lead) : null;
      if (definition?.term) {
        definitions.push(definition);
        lastBullet = { push: (more) => { definition.text = clean(`${definition.text} ${more}`); } };
      } else if (mode === "keypoints" || (mode === "preamble" && !current)) {
        const index = keyPoints.push(text) - 1;
        lastBullet = { push: (more) => { keyPoints[index] = clean(`${keyPoints[index]} ${more}`); } };
      } else if (current) {
        const block = bulletBlock(bullet[1], lead);
        current.blocks.push(block);
        lastBullet = { push: (more) => { block.text = clean(`${block.text} ${more}`); } };
      } else {
        (explicitSummary ??= []).push(text);
      }
      continue;
    }

    if (lastBullet && /^\s{2,}/.test(raw)) { lastBullet.push(line); continue; }
    lastBullet = null;
    if (mode === "keypoints" && keyPoints.length > keyPointsSeen) mode = current ? "section" : "preamble";
    paragraph.push(line);
    if (!lettered && mode !== "summary") flushParagraph();
  }
  flushParagraph();

  const summaryText = (explicitSummary ?? summaryParts).join("\n\n").trim();
  return {
    title,
    summary: summaryText || null,
    keyPoints,
    definitions,
    sections,
  };
}
