/**
 * Definition layouts neither reader knows by syntax, rewritten as the `- **Term**: definition`
 * items both read as definitions:
 * - definition lists (PHP Markdown Extra, Pandoc, MyST): a term line, then `: definition` lines
 *   (a blank line between them allowed, indented lines continuing a definition);
 * - MyST / Sphinx glossary directives: a ```{glossary} (or :::{glossary}) fence of entries, each
 *   a term line (or several, aliases) with its definition indented below.
 * Other fenced code passes untouched, so nothing inside it becomes a definition.
 */

const FENCE = /^\s{0,3}(`{3,}|~{3,}|:{3,})\s*(\{glossary\})?/;
const DEFINITION = /^\s{0,3}:\s+(\S.*)$/;
/** A line that is something else than a term: a heading, an item, a table row, a quote, a fence. */
const NOT_A_TERM = /^\s*(?:#|[-*+•]\s|\d{1,3}[.)]\s|\||>|```|~~~|:::)|[.!?:;,]\s*$/;

function bold(term: string): string {
  return `**${term.replace(/\*\*/g, "").replace(/\s+/g, " ").trim()}**`;
}

function item(term: string, definition: string, terms?: Set<string>): string {
  terms?.add(bold(term).slice(2, -2));
  return `- ${bold(term)}: ${definition.replace(/\s+/g, " ").trim()}`;
}

/** Entries of a glossary directive's body: terms at the body's own indentation, definitions indented below. */
function glossaryEntries(body: string[], found: Set<string>): string[] {
  const lines = body.filter((line) => !/^\s*:[\w-]+:/.test(line)); // directive options (":sorted:")
  const base = Math.min(...lines.filter((l) => l.trim()).map((l) => /^\s*/.exec(l)![0].length));
  const out: string[] = [];
  let terms: string[] = [];
  let definition: string[] = [];
  const flush = () => {
    if (terms.length && definition.length) out.push(item(terms[0], definition.join(" "), found)); // later lines are aliases ("H0")
    if (definition.length) terms = [];
    definition = [];
  };
  for (const line of lines) {
    if (!line.trim()) continue;
    const indent = /^\s*/.exec(line)![0].length;
    if (indent <= base) {
      if (definition.length) flush();
      terms.push(line.trim());
    } else if (terms.length) definition.push(line.trim());
  }
  flush();
  return out;
}

/** The text with its definition layouts rewritten, and the terms they define (a glossary's entries are all definitions). */
export function rewriteDefinitionLayouts(text: string): { text: string; terms: Set<string> } {
  const terms = new Set<string>();
  if (!/^\s{0,3}:\s+\S|\{glossary\}/m.test(text)) return { text, terms };
  const lines = text.split("\n");
  const out: string[] = [];
  /** Index in `out` of the item being written, so indented lines can continue it. */
  let open = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const fence = FENCE.exec(line);
    if (fence) {
      const close = new RegExp(`^\\s{0,3}${fence[1][0] === ":" ? ":" : fence[1][0] === "`" ? "`" : "~"}{${fence[1].length},}\\s*$`);
      let end = i + 1;
      while (end < lines.length && !close.test(lines[end])) end++;
      const body = lines.slice(i + 1, end);
      // a glossary written as a definition list inside the fence (`term` then `: definition`) reads as one
      if (fence[2] && body.some((l) => DEFINITION.test(l))) {
        const inner = rewriteDefinitionLayouts(body.join("\n"));
        inner.terms.forEach((t) => terms.add(t));
        out.push("", inner.text, "");
      } else if (fence[2]) out.push("", ...glossaryEntries(body, terms), "");
      else out.push(...lines.slice(i, end + 1));
      i = end;
      open = -1;
      continue;
    }
    const definition = DEFINITION.exec(line);
    if (definition) {
      // the term: the line before, or before one blank line (Pandoc's loose lists)
      let k = out.length - 1;
      if (k >= 0 && out[k].trim() === "" && open < 0) k--;
      const term = k >= 0 && open < 0 ? out[k] : null;
      if (term !== null && term.trim() && term.trim().length <= 80 && !NOT_A_TERM.test(term)) {
        out.length = k;
        out.push(item(term, definition[1], terms));
        open = out.length - 1;
        continue;
      }
      if (open >= 0) {
        // another definition (or an example) of the same term continues its item
        out[open] += ` ${definition[1].trim()}`;
        continue;
      }
    } else if (open >= 0 && /^\s{2,}\S/.test(line)) {
      out[open] += ` ${line.trim()}`;
      continue;
    } else if (open >= 0 && line.trim() === "" && DEFINITION.test(lines[i + 1] ?? "")) {
      continue; // a blank line between two definitions of one term
    } else open = -1;
    out.push(line);
  }
  return { text: out.join("\n"), terms };
}
