/**
 * Anki cloze deletions ({{c1::answer}}, {{c2::answer::hint}}, nested ones too) as Keypoint
 * cloze cards: one card per cloze number, its deletions hidden and the others shown as text.
 */

/** Keypoint's gap, the one ClozeText and the quiz fill in. */
export const GAP = "[...]";
/** Further deletions of the same number: shown as a blank, not the gap that is filled in. */
const OTHER_GAP = "[…]";

type Piece = string | { number: number; content: Piece[]; hint: string | null };

const OPEN = /\{\{c(\d+)::/y;

/** The text as pieces: plain runs and deletions (which may hold deletions). */
function parse(text: string): Piece[] {
  let at = 0;
  function run(inside: boolean): Piece[] {
    const pieces: Piece[] = [];
    let plain = "";
    while (at < text.length) {
      OPEN.lastIndex = at;
      const open = OPEN.exec(text);
      if (open) {
        if (plain) pieces.push(plain);
        plain = "";
        at = OPEN.lastIndex;
        const content = run(true);
        let hint: string | null = null;
        // run() stops at "}}" or at a top-level "::" (the hint) of this deletion.
        if (text.startsWith("::", at)) {
          const end = text.indexOf("}}", at + 2);
          hint = text.slice(at + 2, end < 0 ? text.length : end).trim() || null;
          at = end < 0 ? text.length : end + 2;
        } else at += 2;
        pieces.push({ number: Number(open[1]), content, hint });
        continue;
      }
      if (inside && (text.startsWith("}}", at) || text.startsWith("::", at))) break;
      plain += text[at++];
    }
    if (plain) pieces.push(plain);
    return pieces;
  }
  return run(false);
}

function plainText(pieces: Piece[]): string {
  return pieces.map((piece) => (typeof piece === "string" ? piece : plainText(piece.content))).join("");
}

function numbersIn(pieces: Piece[], into = new Set<number>()): Set<number> {
  for (const piece of pieces) {
    if (typeof piece === "string") continue;
    into.add(piece.number);
    numbersIn(piece.content, into);
  }
  return into;
}

export interface ClozeCard {
  /** The cloze number (Anki's card ord + 1). */
  number: number;
  prompt: string;
  answer: string;
}

/** The cloze numbers a text holds, in order. */
export function clozeNumbers(text: string): number[] {
  return [...numbersIn(parse(text))].sort((a, b) => a - b);
}

/** The text with every deletion shown (what the card says once answered). */
export function clozeFilled(text: string): string {
  return plainText(parse(text));
}

/** The card for cloze `number`, or null when the text has no such deletion. */
export function clozeCard(text: string, number: number): ClozeCard | null {
  const answers: string[] = [];
  const render = (pieces: Piece[]): string =>
    pieces
      .map((piece) => {
        if (typeof piece === "string") return piece;
        if (piece.number !== number) return render(piece.content);
        answers.push(plainText(piece.content).trim());
        const gap = answers.length === 1 ? GAP : OTHER_GAP;
        return piece.hint ? `${gap} (${piece.hint})` : gap;
      })
      .join("");
  const prompt = render(parse(text)).trim();
  if (answers.length === 0) return null;
  return { number, prompt, answer: answers.join(" … ") };
}

/** A Keypoint cloze card as an Anki cloze text: the gap becomes {{c1::answer}}. */
export function toClozeText(prompt: string, answer: string): string {
  const at = prompt.indexOf(GAP);
  const escape = (s: string) => s.replace(/\}\}/g, "} }").replace(/::/g, ": :");
  if (at < 0) return `${prompt} {{c1::${escape(answer)}}}`;
  return `${prompt.slice(0, at)}{{c1::${escape(answer)}}}${prompt.slice(at + GAP.length)}`;
}
