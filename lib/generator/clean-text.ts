/**
 * Residue that real documents carry into their text and no card should show: footnote markers,
 * HTML tags and comments, mdBook directives, reference-link brackets, bare URLs.
 */

const SUBSCRIPT: Record<string, string> = { 0: "₀", 1: "₁", 2: "₂", 3: "₃", 4: "₄", 5: "₅", 6: "₆", 7: "₇", 8: "₈", 9: "₉", "+": "₊", "-": "₋" };
const SUPERSCRIPT: Record<string, string> = { 0: "⁰", 1: "¹", 2: "²", 3: "³", 4: "⁴", 5: "⁵", 6: "⁶", 7: "⁷", 8: "⁸", 9: "⁹", "+": "⁺", "-": "⁻", n: "ⁿ" };

/** "2" inside <sub> → "₂"; anything that has no small form is written with _ or ^. */
export function scriptText(text: string, kind: "sub" | "sup"): string {
  const table = kind === "sub" ? SUBSCRIPT : SUPERSCRIPT;
  const t = text.trim();
  if ([...t].every((c) => table[c])) return [...t].map((c) => table[c]).join("");
  const mark = kind === "sub" ? "_" : "^";
  return /\s/.test(t) ? `${mark}(${t})` : `${mark}${t}`;
}

/** Removes markup residue from one line of text that is already free of Markdown syntax. */
export function cleanResidue(text: string): string {
  return text
    .replace(/<!--[\s\S]*?(?:-->|$)/g, " ")
    .replace(/\{\{#[^}]*\}\}/g, " ")
    .replace(/<sup>\s*<a[^>]*>[^<]*<\/a>\s*<\/sup>/gi, "")
    .replace(/<sub>([^<]*)<\/sub>/gi, (_, t: string) => scriptText(t, "sub"))
    .replace(/<sup>([^<]*)<\/sup>/gi, (_, t: string) => scriptText(t, "sup"))
    .replace(/<\/?[A-Za-z][\w-]*(?:\s[^<>]*)?\/?>/g, " ")
    .replace(/\[\^[^\]\s]+\]/g, "")
    .replace(/!\[[^\]]*\]\([^)]*\)/g, " ")
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, "$1")
    .replace(/\[([^\]]+)\]\((?:[^()\s]|\([^)]*\))*\)/g, "$1")
    .replace(/\bhttps?:\/\/[^\s)>\]]+/g, " ")
    .replace(/\s+([,.;:!?])(?=\s|$)/g, "$1")
    .replace(/(^|\s)\(\s*\)/g, "$1")
    .replace(/\s{2,}/g, " ")
    .trim();
}
