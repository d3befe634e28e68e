/**
 * parseDocument: document text → the structured document (title, summary, key points, sections
 * of blocks). Markdown goes through a real Markdown parser; the plain-text layouts people paste
 * (podcast summaries, lecture notes) through a line reader that knows their markers.
 */
import { rewriteDefinitionLayouts } from "./definition-layouts";
import { readMarkdown } from "./markdown";
import { readPlainText } from "./plain-text";
import type { ParsedDocument } from "./outline";

export type { Block, BlockKind, Mark, ParsedDocument, Section } from "./outline";

const MARKDOWN_SIGNS = [
  /^#{1,6}\s+\S/m, // ATX heading
  /^(```|~~~)/m, // fenced code
  /^\|.*\|\s*$\n^\|?\s*:?-{3,}/m, // GFM table
  /\*\*[^*\n]+\*\*/, // bold
];

export function isMarkdown(text: string): boolean {
  return MARKDOWN_SIGNS.some((sign) => sign.test(text));
}

/** YAML (`---`) or TOML (`+++`) front matter of a static-site page: metadata, not text. */
const FRONT_MATTER = /^(---|\+\+\+)[ \t]*\n((?:[ \t]*(?:[\w-]+[ \t]*[:=].*|-[ \t].*|#.*|[ \t]+.*)?\n)*?)\1[ \t]*(?:\n|$)/;
/** "(see Figure 7.3)", "(not pictured)": a picture the card cannot show. */
const FIGURE_REFERENCE = /[ \t]*\((?:see |as shown in |shown in |cf\.? )?(?:fig(?:ure)?s?\.?|diagram|illustration|image|photo)[ \t]*\d[^()\n]*\)|[ \t]*\((?:not )?(?:pictured|shown|illustrated)(?: here| below| above)?\)/gi;

/**
 * kramdown (Jekyll, OpenStax): `{: …}` attribute lists, `^` end-of-block markers, and the `<div markdown="1">`
 * wrappers whose content is Markdown (left in place, an HTML block would swallow the heading after it).
 */
const KRAMDOWN_MARKUP = /^[ \t]*\^[ \t]*$|^[ \t]*<\/?(?:div|section|aside)\b[^<>\n]*>[ \t]*$|[ \t]*\{:[^{}\n]*\}/gim;

/** MyST targets, `(glossary-label)=` on a line of their own. */
const MYST_TARGET = /^\([\w:.-]+\)=[ \t]*$/gm;
/** MyST roles: {term}`Git`, {ref}`the guide <guide-label>` read as their text; {py:func}`len` as code. */
const MYST_ROLE = /\{([\w:.-]+)\}`([^`\n]*?)(?:\s*<[^`<>\n]*>)?`/g;

/** "(see typesmapping)", "(…, see sorted() for details)": where to read more, which no card can follow. */
const SEE_ALSO = /[ \t]*\((?:[^()\n]|\(\))*?\b(?:see|cf\.)\s(?:[^()\n]|\(\))*\)/gi;

/** Front matter dropped (its title kept when the page has no heading); "¶" header anchors, kramdown and MyST markup, figure pointers and "(see …)" removed. */
export function stripPageMarkup(text: string): string {
  let out = text;
  const front = FRONT_MATTER.exec(out);
  if (front) {
    out = out.slice(front[0].length);
    const title = /^title[ \t]*[:=][ \t]*["']?(.*?)["']?[ \t]*$/m.exec(front[2])?.[1];
    if (title && !/^#\s/m.test(out)) out = `# ${title}\n\n${out}`;
  }
  return out.replace(/[ \t]*¶/g, "").replace(KRAMDOWN_MARKUP, "").replace(MYST_TARGET, "")
    .replace(MYST_ROLE, (_, role: string, shown: string) => (/^(?:term|ref|doc|numref|cite\w*|abbr)$/.test(role) ? shown : `\`${shown}\``)).replace(FIGURE_REFERENCE, "").replace(SEE_ALSO, "");
}

export function parseDocument(input: string): ParsedDocument {
  const text = stripPageMarkup(input.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n"));
  const markdown = isMarkdown(text);
  const { text: rewritten, terms } = rewriteDefinitionLayouts(text);
  const doc = markdown ? readMarkdown(rewritten) : readPlainText(rewritten);
  if (terms.size) for (const block of [...doc.definitions, ...doc.sections.flatMap((s) => s.blocks)]) if (block.term && terms.has(block.term)) block.glossary = true;
  return doc;
}
