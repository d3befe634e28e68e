/**
 * parseDocument: turns plain text or Markdown into title, summary, key points and sections.
 * Layouts: podcast summary (Key Points: / Details: / "3. 💰 Title" / "4.1. Title"),
 * Markdown (#, ##, ###, "Key takeaways"), lecture notes (Summary:, Main ideas, "Section A - Title").
 */
import { stripEmoji, stripInlineMarkdown, wordCount } from "./normalise";

export type BlockKind = "bullet" | "paragraph";
export interface Block { kind: BlockKind; text: string }
export interface Section { path: string; title: string; order: number; depth: number; blocks: Block[] }
export interface ParsedDocument {
  title: string;
  summary: string | null;
  keyPoints: string[];
  sections: Section[];
}

const LIST_HEADING = /^(?:the\s+)?(?:key|main|core)\s+(?:points?|takeaways?|ideas?|findings?|lessons?)|^takeaways?$|^highlights$|^tl;?\s*dr$/i;
const SUMMARY_HEADING = /^(?:summary|overview|abstract)$/i;
const DETAILS_MARKER = /^(?:details|notes|body|discussion)\s*:?\s*$/i;
const MD_HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const LETTERED = /^section\s+([A-Z]|\d+)\s*[-–—:.)]\s*(.+)$/i;
const NUMBERED = /^(\d{1,3}(?:\.\d{1,3})?)\.?\s+(.+)$/;
const BULLET = /^(?:[-*•+–]|\d{1,3}[.)])\s+(.*)$/;

type Mode = "preamble" | "keypoints" | "summary" | "section";

function clean(text: string): string {
  return stripInlineMarkdown(text).replace(/\s+/g, " ").trim();
}

function topicTitle(text: string): string {
  return clean(stripEmoji(text)).replace(/^(?:\d+(?:\.\d+)*\.?|[A-Z][.)])\s+/, "").replace(/[:.]$/, "").trim();
}

function looksLikeHeading(text: string): boolean {
  const t = stripEmoji(text).trim();
  return t.length > 0 && t.length <= 90 && !/[.!?;,]$/.test(t) && wordCount(t) <= 12;
}

export function parseDocument(input: string): ParsedDocument {
  const lines = input.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n").replace(/\t/g, "    ").split("\n");
  const markdown = lines.some((l) => MD_HEADING.test(l));
  const lettered = !markdown && lines.some((l) => LETTERED.test(l.trim()));
  const numberedSections = !markdown && !lettered;

  let title = "";
  let i = 0;
  while (i < lines.length && lines[i].trim() === "") i++;
  if (i < lines.length) {
    const first = lines[i].trim();
    const heading = MD_HEADING.exec(first);
    const candidate = clean(stripEmoji(heading ? heading[2] : first.replace(/^title\s*:\s*/i, "")));
    if (heading?.[1] === "#" || (!heading && looksLikeHeading(first) && !LIST_HEADING.test(candidate))) {
      title = candidate;
      i++;
    } else if (!heading && first.length <= 200 && !BULLET.test(first) && !LETTERED.test(first)) {
      title = candidate;
      i++;
    }
  }

  const summaryParts: string[] = [];
  let explicitSummary: string[] | null = null;
  const keyPoints: string[] = [];
  const sections: Section[] = [];
  let mode: Mode = "preamble";
  let current = null as Section | null;
  let paragraph: string[] = [];
  let lastBullet: { push: (t: string) => void } | null = null;
  let keyPointsSeen = 0;
  let inFence = false;
  let topCount = 0;
  let subCount = 0;
  const headingLevels = lines.map((l) => MD_HEADING.exec(l)?.[1].length ?? 99).filter((n) => n > 1);
  const topLevel = headingLevels.length ? Math.min(...headingLevels) : 2;

  const flushParagraph = () => {
    if (paragraph.length === 0) return;
    const text = clean(paragraph.join(" "));
    paragraph = [];
    if (!text) return;
    if (mode === "summary") (explicitSummary ??= []).push(text);
    else if (current && mode === "section") current.blocks.push({ kind: "paragraph", text });
    else if (mode === "keypoints") keyPoints.push(text);
    else summaryParts.push(text);
  };

  const openSection = (path: string, rawTitle: string, depth: number) => {
    flushParagraph();
    current = { path, title: topicTitle(rawTitle) || path, order: sections.length, depth, blocks: [] };
    sections.push(current);
    mode = "section";
    lastBullet = null;
  };

  const autoPath = (depth: number): string => {
    if (depth === 0 || topCount === 0) {
      topCount++;
      subCount = 0;
      return String(topCount);
    }
    subCount++;
    return `${topCount}.${subCount}`;
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

    const heading = MD_HEADING.exec(line);
    if (markdown && heading) {
      flushParagraph();
      lastBullet = null;
      const text = clean(stripEmoji(heading[2]));
      if (heading[1].length === 1 && !title) { title = text; continue; }
      if (LIST_HEADING.test(text.replace(/:$/, ""))) { mode = "keypoints"; keyPointsSeen = keyPoints.length; current = null; continue; }
      if (SUMMARY_HEADING.test(text.replace(/:$/, ""))) { mode = "summary"; current = null; continue; }
      const depth = heading[1].length > topLevel ? 1 : 0;
      const own = /^(\d+(?:\.\d+)?)\.?\s/.exec(text);
      if (own) {
        const [top, sub] = own[1].split(".");
        topCount = Number(top);
        subCount = sub ? Number(sub) : 0;
      }
      openSection(own ? own[1] : autoPath(depth), text, depth);
      continue;
    }

    const summaryMarker = /^summary\s*:\s*(.*)$/i.exec(line);
    if (summaryMarker && !heading) {
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

    const numbered = numberedSections ? NUMBERED.exec(line) : null;
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
      if (mode === "keypoints" || (mode === "preamble" && !current)) {
        const index = keyPoints.push(text) - 1;
        lastBullet = { push: (more) => { keyPoints[index] = clean(`${keyPoints[index]} ${more}`); } };
      } else if (current) {
        const block: Block = { kind: "bullet", text };
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
    if (!markdown && !lettered && mode !== "summary") flushParagraph();
  }
  flushParagraph();

  const summaryText = (explicitSummary ?? summaryParts).join(" ").trim();
  return {
    title: title || "Untitled document",
    summary: summaryText || null,
    keyPoints,
    sections,
  };
}
