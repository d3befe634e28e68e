/**
 * A reStructuredText document (Sphinx and Python docs, PEPs) → blocks. Line-based, as reST is:
 * over/underlined headings, paragraphs, bullet and enumerated lists, definition lists, grid and
 * simple tables, `::` literal blocks and code directives (kept apart as code), `.. glossary::`
 * entries as definitions, admonitions (note, warning, tip…) as prose. Link targets, substitution
 * definitions, comments, footnotes, citations, "see also", version notes, images and the table of
 * contents never reach the text. Inline roles become code (`:meth:`x`` → `x()`) or plain text.
 */
import { tidyRuns, type Block, type Run } from "./blocks";

export interface RstContent {
  blocks: Block[];
  title: string | null;
}

const ADORNMENT = /^([=\-`:'"~^_*+#<>.])\1{2,}\s*$/;
const BULLET = /^([-*+•‣])\s+(.*)$/;
const ENUMERATED = /^(?:\(?(\d+|#|[a-zA-Z]|[ivxlcdm]+)[.)])\s+(.*)$/;
const DIRECTIVE = /^\.\.\s+([\w:-]+)::\s*(.*)$/;
const SUBSTITUTION = /^\.\.\s+\|([^|]+)\|\s+replace::\s*(.*)$/;
const CODE_DIRECTIVES = new Set(["code-block", "code", "sourcecode", "doctest", "testcode", "testoutput", "productionlist", "math", "parsed-literal"]);
/** Directives whose body is prose a learner studies. */
const PROSE_DIRECTIVES = new Set(["note", "warning", "tip", "important", "hint", "caution", "attention", "danger", "error", "admonition", "container", "only", "compound", "rst-class", "class", "topic", "impl-detail"]);
/** API descriptions (`.. function:: name(args)`): the body describes the object, so it is prose. */
const API_DIRECTIVES = /^(?:py:|c:|cpp:|js:)?(?:function|method|class|attribute|data|exception|module|decorator|staticmethod|classmethod|property|member|macro|type|var)$/;
const CODE_ROLES = /^(?:py:|c:|cpp:|js:|std:)?(?:func|meth|class|exc|attr|data|const|mod|obj|keyword|command|program|option|envvar|file|samp|kbd|macro|member|type|var|code|makevar|token)$/;
const CALLABLE_ROLES = /^(?:py:|c:|cpp:|js:)?(?:func|meth)$/;
const INLINE = new RegExp([
  /``(.+?)``/.source, // 1 literal
  /:([\w:.+-]+):`([^`]+)`/.source, // 2, 3 role
  /`([^`]+)`:([\w:.+-]+):/.source, // 4, 5 role after
  /`([^`]+?)`_{1,2}/.source, // 6 hyperlink reference
  /`([^`]+)`/.source, // 7 interpreted text (default role)
  /\*\*(.+?)\*\*/.source, // 8 strong
  /\*([^*\s](?:.*?[^*\s])?)\*/.source, // 9 emphasis
  /\|([^|\s](?:[^|]*[^|\s])?)\|_{0,2}/.source, // 10 substitution reference
  /\s?\[(?:\d+|#[\w-]*|\*|[A-Za-z][\w.-]*)\]_/.source, // footnote or citation reference
  /(?<=^|[\s(])([A-Za-z][\w-]*)_(?=$|[\s.,;:!?)])/.source, // 11 name_ reference
].join("|"), "g");

function indentOf(line: string): number {
  return /^ */.exec(line)![0].length;
}

function blank(line: string | undefined): boolean {
  return line === undefined || line.trim() === "";
}

/** "title <target>" → "title"; "~set.union" → "union"; "!x" → "x". */
function roleText(role: string, content: string): string {
  const titled = /^(.*?)\s*<[^>]*>$/s.exec(content);
  let text = titled && titled[1] ? titled[1] : content.replace(/^<|>$/g, "");
  if (!titled) {
    text = text.replace(/^!/, "");
    if (text.startsWith("~")) text = text.slice(1).split(".").pop()!;
  }
  if (/^(?:pep|rfc)$/i.test(role)) return `${role.toUpperCase()} ${text.replace(/#.*$/, "")}`;
  if (/abbr$/.test(role)) return text.replace(/\s*\(.*\)$/, "");
  if (CALLABLE_ROLES.test(role) && !/\)$/.test(text)) return `${text}()`;
  return text;
}

/** Inline reST → runs. */
export function rstRuns(text: string, substitutions: Map<string, string>): Run[] {
  const runs: Run[] = [];
  let at = 0;
  const plain = (s: string) => s && runs.push({ text: s.replace(/\\(.)/g, "$1").replace(/\\$/, "") });
  for (const m of text.matchAll(INLINE)) {
    plain(text.slice(at, m.index));
    at = m.index + m[0].length;
    if (m[1] !== undefined) runs.push({ text: m[1], code: true });
    else if (m[2] !== undefined || m[4] !== undefined) {
      const role = (m[2] ?? m[5]).toLowerCase();
      const content = roleText(role, m[3] ?? m[4]);
      if (CODE_ROLES.test(role)) runs.push({ text: content, code: true });
      else if (role === "dfn" || role === "term" || role === "emphasis") runs.push({ text: content, italic: true });
      else if (role === "strong") runs.push({ text: content, bold: true });
      else plain(content);
    } else if (m[6] !== undefined) plain(/^(.*?)\s*<[^>]*>$/s.exec(m[6])?.[1] || m[6].replace(/^<|>$/g, ""));
    else if (m[7] !== undefined) runs.push({ text: m[7], italic: true });
    else if (m[8] !== undefined) runs.push({ text: m[8], bold: true });
    else if (m[9] !== undefined) runs.push({ text: m[9], italic: true });
    else if (m[10] !== undefined) plain(substitutions.get(m[10]) ?? "");
    else if (m[11] !== undefined) plain(m[11]);
  }
  plain(text.slice(at));
  return tidyRuns(runs);
}

/** The lines of an indented body starting at `from`, dedented; blank lines inside are kept. */
function indentedBody(lines: string[], from: number, minIndent: number): { body: string[]; next: number } {
  let end = from;
  while (end < lines.length && (blank(lines[end]) || indentOf(lines[end]) >= minIndent)) end++;
  while (end > from && blank(lines[end - 1])) end--;
  const body = lines.slice(from, end);
  const indent = Math.min(...body.filter((l) => !blank(l)).map(indentOf));
  return { body: body.map((l) => l.slice(Number.isFinite(indent) ? indent : 0)), next: end };
}

/** Rows of a grid table (`+---+---+`) or a simple table (`===  ===`). */
function tableRows(lines: string[]): string[][] {
  if (lines[0].startsWith("+")) {
    const rows: string[][] = [];
    let cells: string[] | null = null;
    for (const line of lines) {
      if (/^\+[-=+]+\+$/.test(line.trim())) {
        if (cells) rows.push(cells.map((c) => c.trim()));
        cells = null;
        continue;
      }
      const parts = line.trim().replace(/^\||\|$/g, "").split("|");
      cells = cells ? cells.map((c, i) => `${c} ${parts[i] ?? ""}`) : parts;
    }
    return rows;
  }
  const border = lines[0];
  const columns: [number, number][] = [];
  for (const m of border.matchAll(/=+/g)) columns.push([m.index, m.index + m[0].length]);
  const rows: string[][] = [];
  for (const line of lines) {
    if (/^[=\s]+$/.test(line) || blank(line)) continue;
    const cells = columns.map(([start], i) => line.slice(start, i + 1 < columns.length ? columns[i + 1][0] : undefined).trim());
    // a line with an empty first cell continues the row above
    if (cells[0] === "" && rows.length) rows[rows.length - 1] = rows[rows.length - 1].map((c, i) => `${c} ${cells[i]}`.trim());
    else rows.push(cells);
  }
  return rows;
}

/** "PEP: 8 / Title: … / Author: …" or ":Author: …" at the top: metadata, not text. Its title, if any. */
function frontFields(lines: string[]): { title: string | null; skip: number } {
  let end = 0;
  while (end < lines.length && blank(lines[end])) end++;
  const start = end;
  const field = /^:?[A-Z][\w-]*(?: [\w-]+)?:\s/;
  while (end < lines.length && !blank(lines[end]) && (field.test(lines[end]) || (end > start && /^\s+\S/.test(lines[end])))) end++;
  if (end - start < 2 || !(end >= lines.length || blank(lines[end]))) return { title: null, skip: 0 };
  const title = lines.slice(start, end).find((l) => /^:?Title:/i.test(l))?.replace(/^:?Title:\s*/i, "").trim() ?? null;
  return { title, skip: end };
}

class RstParser {
  readonly blocks: Block[] = [];
  private readonly levels: string[] = [];
  private itemDepth = 0;

  constructor(private readonly substitutions: Map<string, string>) {}

  private heading(text: string, style: string): void {
    if (!this.levels.includes(style)) this.levels.push(style);
    this.blocks.push({ kind: "heading", level: this.levels.indexOf(style), runs: rstRuns(text.trim(), this.substitutions) });
  }

  private paragraph(lines: string[]): void {
    let text = lines.map((l) => l.trim()).join(" ");
    if (/^>>>/.test(text)) {
      this.blocks.push({ kind: "code", text: lines.join("\n") });
      return;
    }
    if (/^\|\s/.test(lines[0])) text = lines.map((l) => l.replace(/^\|\s?/, "").trim()).join(" ");
    text = text.replace(/\s*::$/, (m) => (m.trim() === "::" && /\s::$/.test(text) ? "" : ":"));
    if (text.trim()) this.blocks.push({ kind: "paragraph", runs: rstRuns(text, this.substitutions) });
  }

  private directive(name: string, argument: string, body: string[]): void {
    const kind = name.toLowerCase();
    if (CODE_DIRECTIVES.has(kind)) {
      const code = body.join("\n").replace(/^(?::[\w-]+:.*\n)+/, "").replace(/^\s*\n/, "");
      this.blocks.push({ kind: "code", text: code || argument });
    } else if (kind === "glossary") {
      this.glossary(body);
    } else if (API_DIRECTIVES.test(kind)) {
      const options = body.findIndex((l) => !/^:[\w-]+:/.test(l));
      this.apiEntry(kind, argument, options < 0 ? [] : body.slice(options));
    } else if (PROSE_DIRECTIVES.has(kind)) {
      const options = body.findIndex((l) => !/^:[\w-]+:/.test(l));
      const content = options < 0 ? [] : body.slice(options);
      if (kind === "admonition" || kind === "topic") content.unshift(argument, "");
      else if (argument && !/^(?:only|container|class|rst-class)$/.test(kind)) content.unshift(argument);
      this.parse(content, true);
    } else if (kind === "list-table") {
      this.listTable(body);
    }
    // everything else (seealso, versionadded, image, figure, toctree, index, include, raw, …) is dropped
  }

  /**
   * An API description (`.. method:: list.index(x[, start])`) defines its object: "list.index()" with the
   * first paragraph of its body, so "Return zero-based index…" keeps what it is about.
   */
  private apiEntry(kind: string, signature: string, body: string[]): void {
    const name = signature.replace(/^(?:async\s+)?/, "").replace(/\s*[([].*$/, "").trim();
    const start = body.findIndex((l) => !blank(l));
    const lines = start < 0 ? [] : body.slice(start);
    const end = lines.findIndex(blank);
    const first = (end < 0 ? lines : lines.slice(0, end)).map((l) => l.trim()).join(" ");
    if (!name || !first) return this.parse(lines, true);
    const callable = /function|method|decorator/.test(kind) || /\(/.test(signature) && !/class|exception/.test(kind);
    this.blocks.push({ kind: "definition", list: true, term: callable ? `${name}()` : name, runs: rstRuns(first, this.substitutions) });
    if (end >= 0) this.parse(lines.slice(end + 1), true);
  }

  /** Glossary entries: a term line (or several synonyms) and its indented definition. */
  private glossary(body: string[]): void {
    for (let i = 0; i < body.length; i++) {
      if (blank(body[i]) || indentOf(body[i]) > 0 || /^:[\w-]+:/.test(body[i])) continue;
      const terms = [body[i].trim()];
      while (i + 1 < body.length && !blank(body[i + 1]) && indentOf(body[i + 1]) === 0) terms.push(body[++i].trim());
      const { body: definition, next } = indentedBody(body, i + 1, 1);
      const first = definition.findIndex(blank);
      this.blocks.push({ kind: "definition", list: true, term: terms.join(", ").replace(/\s*:\s*[\w-]+$/, ""), runs: rstRuns((first < 0 ? definition : definition.slice(0, first)).join(" "), this.substitutions) });
      if (first >= 0) this.parse(definition.slice(first + 1), true);
      i = next - 1;
    }
  }

  private listTable(body: string[]): void {
    const rows: string[][] = [];
    for (const line of body) {
      const row = /^\*\s+-\s+(.*)$/.exec(line);
      const cell = /^\s+-\s+(.*)$/.exec(line);
      if (row) rows.push([row[1]]);
      else if (cell && rows.length) rows[rows.length - 1].push(cell[1]);
      else if (!blank(line) && rows.length && !/^:/.test(line)) {
        const last = rows[rows.length - 1];
        last[last.length - 1] += ` ${line.trim()}`;
      }
    }
    if (rows.length) this.blocks.push({ kind: "table", rows: rows.map((r) => r.map((c) => plainCell(c, this.substitutions))) });
  }

  /** Parses lines (already dedented to column 0 for this level). */
  parse(lines: string[], nested = false): void {
    let literalNext = false;
    let i = 0;
    while (i < lines.length) {
      const line = lines[i];
      if (blank(line)) { i++; continue; }
      const indent = indentOf(line);
      const trimmed = line.trim();

      if (indent > 0) {
        const { body, next } = indentedBody(lines, i, 1);
        if (literalNext) this.blocks.push({ kind: "code", text: body.join("\n") });
        else this.parse(body, true); // a block quote reads as prose
        literalNext = false;
        i = next;
        continue;
      }
      literalNext = false;

      // headings: over- and underlined, or underlined
      if (ADORNMENT.test(line) && !blank(lines[i + 1]) && lines[i + 2] !== undefined && lines[i + 2].trim() === line.trim() && !nested) {
        this.heading(lines[i + 1], `over${line.trim()[0]}`);
        i += 3;
        continue;
      }
      if (!nested && !blank(lines[i + 1]) && ADORNMENT.test(lines[i + 1]) && lines[i + 1].trim().length >= Math.min(trimmed.length, 3) && !/^[=\s]+$/.test(trimmed) && !BULLET.test(trimmed)) {
        this.heading(trimmed, lines[i + 1].trim()[0]);
        i += 2;
        continue;
      }
      if (ADORNMENT.test(line) && blank(lines[i + 1]) && /^-{4,}$|^\*{4,}$|^_{4,}$/.test(trimmed)) { i++; continue; } // a transition

      // explicit markup: directives, comments, targets, footnotes, substitutions
      if (/^\.\.(?:\s|$)/.test(line)) {
        const { body, next } = indentedBody(lines, i + 1, 1);
        const directive = DIRECTIVE.exec(trimmed);
        if (directive) this.directive(directive[1], directive[2], body);
        i = next;
        continue;
      }

      // tables
      if (/^\+[-=+]+\+$/.test(trimmed) || /^=+(?:\s+=+)+$/.test(trimmed)) {
        let end = i;
        while (end < lines.length && !blank(lines[end])) end++;
        const rows = tableRows(lines.slice(i, end));
        if (rows.length) this.blocks.push({ kind: "table", rows: rows.map((r) => r.map((c) => plainCell(c, this.substitutions))) });
        i = end;
        continue;
      }

      // lists: the item's text runs on with lines indented under it; nested lists come out one level deeper
      const bullet = BULLET.exec(trimmed);
      const numbered = !bullet && ENUMERATED.exec(trimmed);
      if (bullet || (numbered && (blank(lines[i + 1]) || indentOf(lines[i + 1] ?? "") > 0 || ENUMERATED.test(lines[i + 1] ?? "")))) {
        const marker = trimmed.length - (bullet ?? numbered as RegExpExecArray)[2].length;
        const { body, next } = indentedBody(lines, i + 1, marker);
        const own: string[] = [(bullet ?? numbered as RegExpExecArray)[2]];
        let k = 0;
        while (k < body.length && !blank(body[k]) && !BULLET.test(body[k].trim()) && !ENUMERATED.test(body[k].trim())) own.push(body[k++]);
        const depth = this.itemDepth;
        this.blocks.push({ kind: "item", depth, ordered: Boolean(numbered), runs: rstRuns(own.map((l) => l.trim()).join(" ").replace(/\s*::$/, ":"), this.substitutions) });
        this.itemDepth++;
        this.parse(body.slice(k), true);
        this.itemDepth--;
        i = next;
        continue;
      }

      // field list (":param x: …") in a docstring: dropped
      if (/^:[\w .-]+:(?:\s|$)/.test(trimmed)) {
        i = indentedBody(lines, i + 1, 1).next;
        continue;
      }

      // a definition list item: a term line with its definition indented under it (no blank between)
      if (!blank(lines[i + 1]) && indentOf(lines[i + 1]) > 0 && !/::$/.test(trimmed)) {
        const { body, next } = indentedBody(lines, i + 1, 1);
        const first = body.findIndex(blank);
        const term = trimmed.replace(/\s+:\s+.*$/, "");
        this.blocks.push({ kind: "definition", list: true, term: plainCell(term, this.substitutions), runs: rstRuns((first < 0 ? body : body.slice(0, first)).join(" "), this.substitutions) });
        if (first >= 0) this.parse(body.slice(first + 1), true);
        i = next;
        continue;
      }

      // a paragraph: lines up to a blank line or an indented line
      let end = i + 1;
      while (end < lines.length && !blank(lines[end]) && indentOf(lines[end]) === 0 && !ADORNMENT.test(lines[end])) end++;
      // "Title\n====" right after a paragraph line is a heading, not part of the paragraph
      if (end < lines.length && ADORNMENT.test(lines[end]) && end - 1 > i) end--;
      const paragraph = lines.slice(i, end);
      this.paragraph(paragraph);
      literalNext = /::\s*$/.test(paragraph[paragraph.length - 1]);
      i = end;
    }
  }
}

function plainCell(text: string, substitutions: Map<string, string>): string {
  return rstRuns(text, substitutions).map((r) => r.text).join("").trim();
}

export function readRst(source: string): RstContent {
  const lines = source.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n").replace(/\t/g, "        ").split("\n").map((l) => l.replace(/\s+$/, ""));
  const front = frontFields(lines);
  // substitution definitions may come after their use: collect them first
  const substitutions = new Map<string, string>();
  for (const line of lines) {
    const m = SUBSTITUTION.exec(line.trim());
    if (m) substitutions.set(m[1], m[2].trim());
  }
  const parser = new RstParser(substitutions);
  parser.parse(lines.slice(front.skip));
  const blocks = parser.blocks.filter((b) => !(b.kind === "heading" && b.runs.length === 0));
  // a PEP's "Title:" is the title; its sections ("Abstract", "Motivation") come under it
  const title = front.title;
  if (title) return { blocks: [{ kind: "heading", level: -1, runs: [{ text: title }] }, ...blocks], title };
  return { blocks, title: null };
}

/** Does a .txt file read as reStructuredText? Two independent signs of reST markup. */
export function looksLikeRst(text: string): boolean {
  const head = text.slice(0, 200_000);
  let signs = 0;
  if (/^[^\s].*\n([=\-~^"'`*+#])\1{2,}\s*$/m.test(head)) signs++;
  if (/^\.\.\s+[\w:-]+::/m.test(head)) signs++;
  if (/:[a-z]+(?::[a-z]+)?:`[^`]+`/.test(head)) signs++;
  if (/``[^`\n]+``/.test(head)) signs++;
  if (/`[^`\n]+ <[^>\n]+>`_/.test(head) || /^\.\.\s+_[\w -]+:/m.test(head)) signs++;
  if (/\S::\s*\n\s*\n {2,}\S/.test(head)) signs++;
  return signs >= 2;
}
