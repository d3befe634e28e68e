/**
 * A saved web page → blocks of its main content: furniture removed by rule, the article found by
 * Readability (Firefox's Reader View) on linkedom. Nothing runs: linkedom parses without executing
 * scripts, and only text comes out.
 */
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { plainText, type Block } from "./blocks";
import { htmlBlocks } from "./html-blocks";
import { removeFurniture } from "./page-furniture";

export interface PageContent {
  blocks: Block[];
  title: string | null;
}

const NOT_CONTENT = "script, style, noscript, template, iframe, object, embed, link, meta, svg, canvas";

/** Parses HTML as a whole document, wrapping a fragment in a body when it lacks one. */
export function parseDocument(html: string): Document {
  const wrapped = /<body[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
  return parseHTML(wrapped).document as unknown as Document;
}

function textOf(element: Element | null): string {
  return (element?.textContent ?? "").replace(/\s*¶\s*/g, " ").replace(/\s+/g, " ").trim();
}

/** Sphinx's and wikis' "¶" / "#" permalinks beside each heading. */
function removeHeaderAnchors(document: Document): void {
  for (const link of Array.from(document.querySelectorAll("a[href^='#']"))) {
    if (/^\s*[¶#§]?\s*$/.test(link.textContent ?? "") || /\bheaderlink\b|\banchor\b/.test(link.getAttribute("class") ?? "")) link.remove();
  }
}

export function readHtmlPage(html: string): PageContent {
  const document = parseDocument(html);
  for (const element of Array.from(document.querySelectorAll(NOT_CONTENT))) element.remove();
  removeHeaderAnchors(document);
  const pageTitle = textOf(document.querySelector("title")) || null;
  const headline = document.querySelectorAll("h1").length === 1 ? textOf(document.querySelector("h1")) : "";
  removeFurniture(document.documentElement);

  const fallback = document.querySelector("main, [role=main], article") ?? document.body;
  const fallbackCopy = fallback?.cloneNode(true) as Element | undefined;
  let article: Element | null = null;
  let title = headline || pageTitle;
  try {
    const parsed = new Readability<Element>(document, { serializer: (node) => node as Element, charThreshold: 200 }).parse();
    if (parsed?.content && textOf(parsed.content).length > 0) {
      article = parsed.content;
      const found = parsed.title?.replace(/\s+/g, " ").trim() ?? "";
      // "Photosynthesis explained | Biology Site": the page's one h1 is the cleaner title.
      title = headline && (found === "" || found.includes(headline)) ? headline : found || headline || pageTitle;
    }
  } catch {
    article = null;
  }
  const content = article ?? fallbackCopy;
  if (!content) return { blocks: [], title };
  removeFurniture(content);
  const blocks = htmlBlocks(content);
  // Readability lowers h1 to h2 and may keep the headline in the content: the title is said once.
  const first = blocks[0];
  if (title && first?.kind === "heading" && plainText(first.runs) === title.replace(/\s+/g, " ")) blocks.shift();
  return { blocks: title ? [{ kind: "heading", level: 0, runs: [{ text: title }] }, ...blocks] : blocks, title };
}
