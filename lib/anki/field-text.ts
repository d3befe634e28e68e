/**
 * An Anki field's HTML as safe plain text: scripts, styles and their contents go, line
 * breaks and blocks become new lines, every other tag is dropped, entities are decoded.
 * Media (images, sounds, [sound:…] references) cannot be carried over and are counted.
 * The text is rendered as text, never as HTML; still, nothing that reads as a script or an
 * event handler is left in it, even when a field held one escaped as text.
 */

export interface FieldText {
  text: string;
  /** Images, audio and video the field referred to, dropped. */
  media: number;
  /** Scripts, styles, frames and event handlers removed. */
  scripts: number;
}

const DANGEROUS_BLOCK = /<(script|style|iframe|object|embed|template|noscript|svg|math)\b[\s\S]*?(?:<\/\1\s*>|$)/gi;
const MEDIA_TAG = /<(?:img|audio|video|source)\b[^>]*>/gi;
const SOUND = /\[sound:[^\]]*\]/gi;
const BREAK = /<br\s*\/?>|<\/(?:p|div|tr|h[1-6]|blockquote|pre)\s*>/gi;
const LIST_ITEM = /<li\b[^>]*>/gi;
const TAG = /<\/?[a-z][^>]*>|<!--[\s\S]*?(?:-->|$)|<![^>]*>/gi;
/** What still reads as markup that runs: a script tag or an on…= handler (checked after decoding). */
const RUNNABLE = /<\s*\/?\s*script\b[^>]*>?|<[^<>]*\bon[a-z]+\s*=[^>]*>?|javascript\s*:/gi;

const NAMED: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", ndash: "–", mdash: "—", hellip: "…",
  lsquo: "‘", rsquo: "’", ldquo: "“", rdquo: "”", times: "×", divide: "÷", deg: "°", middot: "·", bull: "•",
  copy: "©", reg: "®", euro: "€", pound: "£", yen: "¥", cent: "¢", sect: "§", para: "¶", plusmn: "±",
  larr: "←", rarr: "→", uarr: "↑", darr: "↓", harr: "↔", le: "≤", ge: "≥", ne: "≠", asymp: "≈", infin: "∞",
  micro: "µ", alpha: "α", beta: "β", gamma: "γ", delta: "δ", pi: "π", sigma: "σ", omega: "ω", lambda: "λ", mu: "μ",
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === "#") {
      const code = body[1] === "x" || body[1] === "X" ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : "";
    }
    return NAMED[body.toLowerCase()] ?? whole;
  });
}

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

/** The field as text; `media` and `scripts` count what was dropped. */
export function fieldText(html: string): FieldText {
  let scripts = count(html, DANGEROUS_BLOCK) + count(html, /<[^>]*(?:\bon[a-z]+\s*=|javascript\s*:)/gi);
  const media = count(html, MEDIA_TAG) + count(html, SOUND);
  let text = html
    .replace(DANGEROUS_BLOCK, "")
    .replace(MEDIA_TAG, "")
    .replace(SOUND, "")
    .replace(LIST_ITEM, "\n• ")
    .replace(BREAK, "\n")
    .replace(TAG, "");
  text = decodeEntities(text);
  // Escaped markup decodes to markup: take out anything runnable until none is left.
  for (let before = ""; before !== text; ) {
    before = text;
    scripts += count(text, RUNNABLE);
    text = text.replace(DANGEROUS_BLOCK, "").replace(RUNNABLE, "");
  }
  text = text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "")
    .replace(/[ \t\u00a0]+/g, " ")
    .replace(/ *\n */g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return { text, media, scripts };
}

/** Plain text as a field's HTML (for export): escaped, new lines as <br>. */
export function textToField(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\n/g, "<br>");
}
