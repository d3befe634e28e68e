/**
 * A DOM (a saved page's main content, or the HTML mammoth makes of a .docx) → blocks.
 * Only text is kept: links become their text; images, media, forms, scripts, styles and
 * footnote back-links are dropped.
 */
import { cellMarkdown, plainText, tidyRuns, type Block, type Run } from "./blocks";
import { paragraphOrDefinition } from "./definitions";

interface Style {
  bold?: boolean;
  italic?: boolean;
  code?: boolean;
}

const SKIP = new Set([
  "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math", "canvas", "video", "audio",
  "img", "picture", "source", "track", "map", "button", "input", "select", "textarea", "option", "label", "form",
  "link", "meta", "head", "title", "base", "dialog", "nav", "aside", "footer", "hr", "wbr",
]);
const HEADINGS: Record<string, number> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };
const CONTAINERS = new Set([
  "html", "body", "main", "article", "section", "div", "header", "blockquote", "figure", "figcaption", "center",
  "details", "summary", "address", "hgroup", "fieldset", "caption",
]);
const LISTS = new Set(["ul", "ol", "menu"]);

function tagOf(node: Node): string {
  return node.nodeType === 1 ? (node as Element).tagName.toLowerCase() : "";
}

/** A footnote reference or back-link: `<sup><a href="#fn1">1</a></sup>`, `<a class="footnote-backref">↩</a>`. */
function isFootnoteLink(element: Element): boolean {
  const tag = tagOf(element);
  const className = element.getAttribute("class") ?? "";
  const text = (element.textContent ?? "").trim();
  // Sphinx wraps each heading's text in a back-link to the contents ("toc-backref"): that text is the heading
  const backLink = /footnote-back|backref|reversefootnote/i.test(className) || element.getAttribute("role") === "doc-backlink";
  if (backLink && !element.closest("h1,h2,h3,h4,h5,h6")) return true;
  if (tag === "sup" || tag === "a") {
    const link = tag === "a" ? element : element.querySelector("a");
    if (link && /^#/.test(link.getAttribute("href") ?? "") && /^[\[(]?(\d{1,3}|[*†‡§↩↑^]|[a-z])[\])]?$/i.test(text)) return true;
  }
  return /^[↩↑]\uFE0E?$/.test(text) && tag === "a";
}

function isHidden(element: Element): boolean {
  if (element.hasAttribute("hidden") || element.getAttribute("aria-hidden") === "true") return true;
  return /display\s*:\s*none|visibility\s*:\s*hidden/i.test(element.getAttribute("style") ?? "");
}

class BlockCollector {
  readonly blocks: Block[] = [];
  private pending: Run[] = [];
  /** A <br> was the last thing seen: a second one ends the paragraph. */
  private afterBreak = false;

  flush(): void {
    this.afterBreak = false;
    if (this.pending.length === 0) return;
    const runs = this.pending;
    this.pending = [];
    if (plainText(runs) !== "") this.blocks.push(paragraphOrDefinition(runs));
  }

  walk(node: Node, style: Style = {}): void {
    if (node.nodeType === 3) {
      if ((node.textContent ?? "").trim() !== "") this.afterBreak = false;
      this.pending.push({ text: node.textContent ?? "", ...style });
      return;
    }
    if (node.nodeType !== 1) return;
    const element = node as Element;
    const tag = tagOf(element);
    if (SKIP.has(tag) || isHidden(element) || isFootnoteLink(element)) return;
    if (tag === "br") {
      // Two breaks in a row separate paragraphs; one is a space.
      if (this.afterBreak) return this.flush();
      this.pending.push({ text: " " });
      this.afterBreak = true;
      return;
    }
    if (tag in HEADINGS) {
      this.flush();
      const runs = inlineRuns(element);
      if (plainText(runs)) this.blocks.push({ kind: "heading", level: /\bkp-title\b/.test(element.getAttribute("class") ?? "") ? 0 : HEADINGS[tag], runs });
      return;
    }
    if (tag === "p") {
      this.flush();
      this.children(element, style);
      this.flush();
      return;
    }
    if (LISTS.has(tag)) {
      this.flush();
      this.list(element, 0);
      return;
    }
    if (tag === "pre") {
      this.flush();
      this.blocks.push({ kind: "code", text: preformatted(element).replace(/^\n/, "") });
      return;
    }
    if (tag === "table") {
      this.flush();
      this.table(element);
      return;
    }
    if (tag === "dl") {
      this.flush();
      this.definitionList(element);
      return;
    }
    if (CONTAINERS.has(tag) || tag === "li" || tag === "dd" || tag === "dt") {
      this.flush();
      this.children(element, style);
      this.flush();
      return;
    }
    if (isExponent(element)) this.pending.push({ text: "^", ...style });
    this.children(element, { ...style, ...inlineStyle(tag) });
  }

  private children(element: Element, style: Style): void {
    for (const child of Array.from(element.childNodes)) this.walk(child, style);
  }

  private list(list: Element, depth: number): void {
    const ordered = tagOf(list) === "ol";
    for (const item of Array.from(list.children)) {
      if (LISTS.has(tagOf(item))) {
        this.list(item, depth + 1);
        continue;
      }
      if (tagOf(item) !== "li" || isHidden(item)) continue;
      const nested: Element[] = [];
      const runs: Run[] = [];
      for (const child of Array.from(item.childNodes)) {
        const tag = tagOf(child);
        if (LISTS.has(tag) || tag === "pre" || tag === "table" || tag === "dl") nested.push(child as Element);
        else runs.push(...inlineRuns(child));
      }
      if (plainText(runs)) this.blocks.push({ kind: "item", depth, ordered, runs: tidyRuns(runs) });
      for (const child of nested) {
        if (LISTS.has(tagOf(child))) this.list(child, depth + 1);
        else this.walk(child);
      }
    }
  }

  private table(table: Element): void {
    const rows = Array.from(table.querySelectorAll("tr")).filter((row) => row.closest("table") === table);
    const cells = rows.map((row) => Array.from(row.children).filter((cell) => /^t[dh]$/.test(tagOf(cell))));
    // A table that lays out a page (long cells, headings or lists inside) is read as ordinary content.
    const layout = cells.flat().some((cell) => (cell.textContent ?? "").length > 400 || cell.querySelector("h1,h2,h3,h4,h5,h6,ul,ol,table,pre"));
    if (layout || cells.every((row) => row.length <= 1)) {
      for (const cell of cells.flat()) this.walk(cell);
      this.flush();
      return;
    }
    const texts = cells.map((row) => row.map((cell) => cellMarkdown(inlineRuns(cell)))).filter((row) => row.some((text) => text !== ""));
    if (texts.length) this.blocks.push({ kind: "table", rows: texts });
  }

  private definitionList(list: Element): void {
    let term = "";
    for (const child of Array.from(list.querySelectorAll("dt, dd"))) {
      if (child.closest("dl") !== list) continue;
      if (tagOf(child) === "dt") term = plainText(inlineRuns(child));
      else if (term) this.blocks.push({ kind: "definition", term, runs: tidyRuns(inlineRuns(child)) });
      else this.walk(child);
    }
  }
}

/** The text of a <pre>, with <br> as a line break (mammoth writes Word's line breaks so). */
function preformatted(node: Node): string {
  if (node.nodeType === 3) return node.textContent ?? "";
  if (tagOf(node) === "br") return "\n";
  return Array.from(node.childNodes).map(preformatted).join("");
}

/** 2<sup>n</sup> reads 2^n; a superscript ordinal or letter stays as it is. */
function isExponent(element: Element): boolean {
  return tagOf(element) === "sup" && /^[-−+]?(\d+|[a-z]|\d*[a-z][-−+]\d+)$/i.test((element.textContent ?? "").trim());
}

function inlineStyle(tag: string): Style {
  if (tag === "strong" || tag === "b") return { bold: true };
  if (tag === "em" || tag === "i" || tag === "cite" || tag === "dfn") return { italic: true };
  if (tag === "code" || tag === "kbd" || tag === "samp" || tag === "tt" || tag === "var") return { code: true };
  return {};
}

/** The runs of an element's text, whatever blocks it holds, with a space where blocks meet. */
function inlineRuns(node: Node, style: Style = {}): Run[] {
  if (node.nodeType === 3) return [{ text: node.textContent ?? "", ...style }];
  if (node.nodeType !== 1) return [];
  const element = node as Element;
  const tag = tagOf(element);
  if (SKIP.has(tag) || isHidden(element) || isFootnoteLink(element)) return [];
  if (tag === "br") return [{ text: " " }];
  const inner = { ...style, ...inlineStyle(tag) };
  const runs = [...(isExponent(element) ? [{ text: "^", ...style }] : []), ...Array.from(element.childNodes).flatMap((child) => inlineRuns(child, inner))];
  return tag in HEADINGS || tag === "p" || tag === "div" || tag === "li" ? [{ text: " " }, ...runs, { text: " " }] : runs;
}

/** The blocks of a DOM subtree. */
export function htmlBlocks(root: Node): Block[] {
  const collector = new BlockCollector();
  collector.walk(root);
  collector.flush();
  return collector.blocks;
}
