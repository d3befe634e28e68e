/** Residue that real documents carry into their text and no card should show. */

const SUBSCRIPT: Record<string, string> = { 0: "₀", 1: "₁", 2: "₂", 3: "₃", 4: "₄", 5: "₅", 6: "₆", 7: "₇", 8: "₈", 9: "₉", "+": "₊", "-": "₋", "–": "₋", "−": "₋" };
const SUPERSCRIPT: Record<string, string> = { 0: "⁰", 1: "¹", 2: "²", 3: "³", 4: "⁴", 5: "⁵", 6: "⁶", 7: "⁷", 8: "⁸", 9: "⁹", "+": "⁺", "-": "⁻", "–": "⁻", "−": "⁻", n: "ⁿ" };

/** "2" inside <sub> → "₂"; anything that has no small form is written with _ or ^. */
export function scriptText(text: string, kind: "sub" | "sup"): string {
  const table = kind === "sub" ? SUBSCRIPT : SUPERSCRIPT;
  const t = text.trim();
  if ([...t].every((c) => table[c])) return [...t].map((c) => table[c]).join("");
  const mark = kind === "sub" ? "_" : "^";
  return /\s/.test(t) ? `${mark}(${t})` : `${mark}${t}`;
}

/**
 * Removes residue from text the Markdown parser has already freed of syntax and raw HTML: mdBook
 * directives, footnote markers and reference-link brackets it did not resolve, bare URLs.
 */
export function cleanResidue(text: string): string {
  return text
    .replace(/\{\{#[^}]*\}\}/g, " ")
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
