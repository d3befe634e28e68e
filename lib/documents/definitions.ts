import { plainText, tidyRuns, type Block, type Run } from "./blocks";

const SEPARATOR = /^\s*(?::|[-–—]\s)\s*/;

/**
 * A paragraph that opens with a bold term followed by a colon or dash ("**Osmosis**: the
 * movement…", "**Osmosis:** the movement…") becomes a definition; any other paragraph stays one.
 */
export function paragraphOrDefinition(input: Run[]): Block {
  const runs = tidyRuns(input);
  const [first, ...rest] = runs;
  if (!first?.bold || first.code || rest.length === 0) return { kind: "paragraph", runs };
  const term = first.text.trim();
  const colonInTerm = /:$/.test(term);
  const restText = plainText(rest);
  if (!colonInTerm && !SEPARATOR.test(rest[0].text)) return { kind: "paragraph", runs };
  if (term.length > 80 || restText.replace(SEPARATOR, "") === "") return { kind: "paragraph", runs };
  const definition = rest.map((run, i) => (i === 0 ? { ...run, text: run.text.replace(SEPARATOR, "") } : run));
  return { kind: "definition", term: term.replace(/\s*:$/, ""), runs: definition };
}
