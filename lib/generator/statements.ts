/**
 * Statements: every sentence of the document with what a card made from it needs to stand on its
 * own: its section, the lead-in of its list, a term it defines, and a referent for a leading
 * "Their …" or "The model …". assessStatement rejects sentences no card should come from
 * (questions, meta text about the document, code, sentences that hang on a missing referent).
 */
import { splitSentences, tagSentences, type TaggedSentence } from "./sentences";
import { splitDefinition } from "./outline";
import type { Block, Mark, ParsedDocument } from "./outline";
import { wordCount } from "./normalise";

export type Origin = "keyPoint" | "summary" | "section";

export interface Statement {
  sentence: TaggedSentence;
  origin: Origin;
  topic: string | null;
  /** The section's title, or the document's title for summary and key points. */
  heading: string;
  position: number;
  block: Pick<Block, "kind" | "term" | "marks" | "glossary">;
  /** Shown before the sentence in a prompt: the lead-in of a list item that is a fragment. */
  context?: string;
  /** The opening words replaced in prompts: "Their approach" → "Deep Seek's approach". */
  rewrite?: { length: number; text: string };
  /** Index of the statement's block, to group sentences of one paragraph. */
  blockIndex: number;
  /** Set for a document not in English (its sentences are not tagged). */
  language?: string;
}

const PRONOUN_START = /^(?:it|they|them|this|these|those|that|he|she|such|its|their|his|her)\b/i;
const POSSESSIVE_START = /^(their|its)\s+(?=\p{Ll})/iu;
const DEFINITE_KIND_START = /^(?:the|this)\s+(model|company|startup|firm|country|lab|team|tool|method|process|approach|study|species)\b/i;
const META = [
  /\b(?:this|the (?:next|previous|following|preceding)|next|previous) (?:chapter|section|listing|lesson|exercise|document|lecture|episode|article|post|note|page|example|figure|table)\b/i,
  /\b(?:chapter|listing|figure|table|appendix|section) \d/i,
  /\b(?:Chapter|Listing|Figure|Table|Appendix|Section) [A-Z]\b/,
  /\b(?:we|we['’]ll|we will|let['’]s|let us|you['’]ll|you will|i['’]ll)\s+(?:now\s+)?(?:discuss|look at|see|cover|learn|explore|talk about|build|introduce|go over|dive|use this|start)\b/i,
  /\b(?:like this|as follows|shown below|the following(?: code| example| output)?|below)\s*[:.]?$/i,
  /^(?:see|refer to|visit|note that|note|for example|for instance|as an example|here['’]s|here is|in short|in other words|recall|remember)\b/i,
  /\b(?:click|download|subscribe|sign up|cookie|newsletter|copyright|all rights reserved|stay tuned)\b/i,
  /\bthis (?:document|page|article|note|chapter|guide|tutorial)\b/i,
  /\b(?:summary|overview|recap) of (?:the|this) (?:episode|talk|lecture|podcast|chapter|article|meeting|session|video)\b/i,
  /\S@\S|\b[\w-]+\.(?:txt|pdf|docx?|pptx?|md|html?)\b|\b(?:course site|office hours|syllabus|slides are)\b/i,
  /\b[\w-]+\.(?:com|org|gov|edu|net|io)\/|\bfollow (?:him|her|them|us) (?:at|on)\b|(?:^|\s)@\w|·.*·/i,
  /\bis an? (?:[\w-]+ ){0,4}(?:writer|journalist|editor|reporter|correspondent|contributor|columnist)\b/i,
  // where to read more, not what to know: "see the tutorials", "refer to the following pages"
  /\b(?:see|refer to|check out|visit|consult)\b[^.;]{0,60}\b(?:tutorials?|guides?|documentation|docs|website|site|pages?|help cent(?:re|er)|links?|following|resources?|references?|sections?|chapters?|articles?|wikipedia)\b|\bfor (?:more|further) (?:information|details)\b/i,
  // the frame of an interview answer, not the system: "Without an interviewer to address clarifying questions…"
  /\binterviewers?\b|\bclarifying questions\b|\b(?:in|during) (?:an|the|your) interview\b|\b(?:we|we['’]ll|we will|let['’]s|let us|i['’]ll)\s+(?:\w+\s+){0,2}(?:define|assume|state|scope|make)\b[^.]*\b(?:use cases|constraints|assumptions)\b/i,
  // a learning objective: what the reader will do, not what is so
  /\b(?:you(?:['’]ll| will| should) be able to|learning (?:objectives?|outcomes?|goals?)|students will)\b/i,
  // a picture the card cannot show
  /\b(?:shown|pictured|illustrated|depicted|seen)\s+(?:on the (?:left|right)|above|below|here|opposite)\b|^(?:on|to|at) the (?:left|right)\b|\b(?:in|on) the (?:figure|diagram|image|picture|photo|graph|chart)\b|\(not pictured\)/i,
];
/** "Explain why water…", "Describe the properties…": a learning objective or an exercise, an instruction to the reader. */
const OBJECTIVE = /^(?:(?:describe|explain|discuss|analy[sz]e|identify|summari[sz]e|evaluate|justify|distinguish|differentiate|demonstrate|illustrate|interpret|examine|assess|classify|predict|recogni[sz]e|understand)\s+\p{Ll}|(?:compare|contrast|define|outline|apply|provide|calculate|relate|list|state|name|give)\s+(?:the|a|an|how|why|what|which|whether|when|where|some|two|three|four|several|examples?|your|its|their|each|all|one)\b)/u;
/** "B is the minor version number", "Option C cuts latency": a letter whose meaning is in a layout the card cannot show. */
const LETTER_REFERENT = /^(?:\p{Lu}|\p{Lu}\.\p{Lu}(?:\.\p{Lu})?)\s+(?:is|are|was|were|has|have|stands|means|denotes|refers|can|will|must|should|holds|marks|counts)\b|\b(?:[Oo]ption|[Vv]ersion|[Ss]cenario|[Aa]lternative|[Cc]hoice|[Vv]ariant|[Pp]roposal|[Dd]esign|[Aa]pproach|[Pp]lan|[Aa]nswer)(?:e?s)?\s+\p{Lu}\b(?![\p{L}.]|\.\d)/u;
/** "Rose 40%…", "Fell to…": a change told without what changed (the tagger may read "Rose" as a name). */
const CHANGE_START = /^(?:rose|fell|grew|dropped|jumped|climbed|declined|increased|decreased|doubled|tripled|halved|reached|exceeded|surged|plunged|soared|shrank|expanded|improved|reduced|gained|lost)\s+(?:by\s+|to\s+|from\s+|about\s+|almost\s+|nearly\s+|over\s+)?(?:\$|€|£)?\d/i;
/** A reference list, further reading, practice questions: trivia and navigation, never facts to learn. */
const APPARATUS_SECTION = /^(?:[\d.]+\s+)?(?:references?|bibliography|works cited|sources|citations|(?:suggested |further |recommended |additional )?readings?|further reading|(?:additional |external |useful |more |learning )?resources|see also|related (?:links|reading|articles|pages)|external links|links|(?:recommended |suggested |sample |additional |more )?(?:review |practice |study |discussion |critical thinking |short answer |multiple choice |end[- ]of[- ]chapter |self[- ]check |interview )?(?:questions?|problems|exercises)|free response|exercises|quiz|self[- ]check|check your understanding|test yourself|acknowledge?ments?|copyright|licen[cs]e|footnotes|endnotes|(?:learning )?(?:objectives|outcomes)|notes and references|about the authors?|credits|changelog|revision history)$/i;
/** "Brønsted, J. N. (1923).", "Smith et al.", "doi:…": a citation, not a statement. */
const CITATION = /\(\d{4}[a-z]?\)\s*[.,]|\bet al\.|\bdoi:|\bISBN\b|\bpp?\.\s*\d|\b[Vv]ol(?:\.|ume)\s*\d|\bIssue \d|^[\p{Lu}][\p{L}'’-]+,\s+(?:\p{Lu}\.\s*){1,3}(?:,|\(|&|and\b)/u;
/** The author speaking: "I remember…", "My first teacher…" (English only: Italian "I lavori" is "the works"). */
const FIRST_PERSON = /(?:^|[\s"“(])I(?=[\s'’,])|\b(?:[Mm]y|me|mine|myself)\b/;
/** "these issues", "those two signatures", "this understanding", "such situations": a referent outside the prompt. */
const DEMONSTRATIVE = /\b(?:these|those)\b|\bsuch\s+(?!as\b)\p{L}|\bthis\s+(?!is\b|was\b|way\b|means\b)\p{L}|\b(?:of|by|with|from|for|like|than|about|did|does|do) this\b/iu;
const CONNECTIVE_START = /^(?:(?:one|another) (?:example|case|instance)\b|the following|as a result|therefore|thus|hence|consequently|in this case|in that case|similarly|otherwise|for this reason|that['’]s why|by doing so|to do so|instead|then|so|also|again|likewise|meanwhile)\b/i;
/** `s`, `x`, `s1`: a variable of a code example the card cannot show (type names like `u8` are fine). */
const CODE_VARIABLE = /^(?![iuf]\d+$)[a-z]{1,2}\d?$/;
/** "The variable `tup` binds…", "the array named `a`": a name from a listing the card cannot show. */
const NAMED_IN_CODE = (name: string) => new RegExp(`\\b(?:variable|array|tuple|named)\\s+${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`, "i");
/** "The program resulted in…", "this code": the example itself, which the card cannot show. */
const CODE_EXAMPLE = /^(?:the|our) (?:program|code|output|example|listing|snippet)\b/i;
const DESCRIBES_DOCUMENT = /\b(?:explains|discusses|describes|covers|explores|outlines|introduces|reviews|walks through|talks about|argues)\b/i;
const CODE_RESIDUE = /[{};|]|\b[a-z]\w{0,3} = [a-z]\w{0,3}\b|::\s|\b(?:let|fn|def|var|const)\s+\w+\s*[=(:]|\(\.\.\)|=>|<\/?\w|\w\(\)\s*\{|\$\s?\w+\s+-/;

/**
 * Statements of a parsed document, in reading order. A document not in English
 * leaves the English tagger out: its sentences have no tokens, and a key point that reads
 * "Begriff – Erklärung" is a definition, since no card will come from its grammar.
 */
export function buildStatements(doc: ParsedDocument, language = "en"): Statement[] {
  const tagged = language === "en";
  const statements: Statement[] = [];
  let blockIndex = 0;
  const sentencesOf = (text: string): TaggedSentence[] => tagged ? tagSentences(text) : splitSentences(text).map((t) => ({ text: t, tokens: [] }));
  const add = (block: Block, origin: Origin, topic: string | null, heading: string) => {
    const lead = block.lead ? lastSentence(block.lead) : undefined;
    sentencesOf(block.text).forEach((sentence, k) => {
      // "10 million users", "400 writes per second": an item with no verb, or one that opens with its number
      const fragment = k === 0 && block.kind === "bullet" && (isFragment(sentence) || sentence.tokens[0]?.pos === "NUM");
      statements.push({
        sentence, origin, topic, heading, position: statements.length, blockIndex, ...(tagged ? {} : { language }),
        block: { kind: block.kind, ...(block.term ? { term: block.term } : {}), ...(block.glossary ? { glossary: true } : {}), ...(block.marks ? { marks: block.marks } : {}) },
        ...(block.term ? { context: `${block.term}: ` } : fragment && lead && wordCount(lead) <= 18 ? { context: `${lead}: ` } : {}),
      });
    });
    blockIndex++;
  };
  for (const point of doc.keyPoints) {
    const split = tagged ? null : splitDefinition(point);
    add(split ? { kind: "bullet", text: split.definition, term: split.term } : { kind: "bullet", text: point }, "keyPoint", null, doc.title);
  }
  for (const paragraph of doc.summary?.split(/\n{2,}/) ?? []) add({ kind: "paragraph", text: paragraph }, "summary", null, doc.title);
  for (const block of doc.definitions) add(block, "section", null, doc.title);
  for (const section of doc.sections) for (const block of section.blocks) add(block, "section", section.path, section.title);
  resolveReferents(statements);
  return statements;
}

function lastSentence(text: string): string {
  const sentences = splitSentences(text);
  return (sentences[sentences.length - 1] ?? text).replace(/[:.]$/, "");
}

/** A list item with no verb of its own ("Single box for simplicity", "10 million users"). */
export function isFragment(sentence: TaggedSentence): boolean {
  return !sentence.tokens.some((t) => t.pos === "VERB" || t.pos === "AUX");
}

/** A capitalised name opening a sentence, before its verb: the subject that "Their …" points back to. */
function subjectName(sentence: TaggedSentence): string | null {
  const { tokens, text } = sentence;
  let k = 0;
  while (k < tokens.length && k < 4 && /^[\p{Lu}\p{N}]/u.test(tokens[k].text) && /^(PROPN|NOUN|NUM|ADJ|VERB)$/.test(tokens[k].pos) && tokens[k].text !== "'s") k++;
  if (k === 0 || !/^\p{Lu}/u.test(tokens[0].text) || /^(The|A|An|This|These|Those|In|On|For|With|When|If|As|At|By|It|They)$/.test(tokens[0].text)) return null;
  const next = tokens[k];
  if (!next || !(/^(VERB|AUX)$/.test(next.pos) || /^(['’]s|,)$/.test(next.text))) {
    // "Falcon Heavy cut": the tagger may read the name's last word and the verb together
    if (k >= 2 && tokens[k - 1].pos === "VERB") k--;
    else return null;
  }
  return text.slice(tokens[0].start, tokens[k - 1].end);
}

/**
 * A sentence that opens with "Their approach …" borrows the subject of the sentence before it in
 * the same list or paragraph ("Deep Seek's approach …"); "The model …" borrows the last named
 * model. Sentences whose referent cannot be found are left as they are (assessStatement rejects them).
 */
function resolveReferents(statements: Statement[]): void {
  let lastSubject: { name: string; topic: string | null } | null = null;
  for (const s of statements) {
    const text = s.sentence.text;
    const possessive = POSSESSIVE_START.exec(text);
    const definite = DEFINITE_KIND_START.exec(text);
    if (lastSubject && lastSubject.topic === s.topic && possessive) {
      s.rewrite = { length: possessive[0].length, text: `${lastSubject.name}’s ` };
    } else if (lastSubject && lastSubject.topic === s.topic && definite && new RegExp(`\\b${definite[1]}\\b`, "i").test(s.heading) === false
      && lastSubject.name.split(" ").length <= 3 && /\d|\p{Lu}{2}/u.test(lastSubject.name)) {
      s.rewrite = { length: definite[0].length, text: lastSubject.name };
    }
    const name = subjectName(s.sentence);
    if (name) lastSubject = { name, topic: s.topic };
  }
}

/**
 * Openings that point back to something the prompt does not show, in the languages that get cards
 * from layout ("Sie liegt bei …", "Elle atteint …", "Dabei …").
 */
const FOREIGN_REFERENT: Record<string, RegExp> = {
  de: /^(?:sie|er|es|dies(?:e[rsnm]?)?|dabei|damit|dadurch|daher|deshalb|dort|hier)\b/iu,
  fr: /^(?:il|elle|ils|elles|ce|cela|ceci|cette|ces|on|leur|leurs|son|sa|ses)\b/iu,
  es: /^(?:él|ella|ellos|ellas|esto|esta|este|estos|estas|eso|su|sus)(?![\p{L}])/iu,
  it: /^(?:esso|essa|essi|esse|questo|questa|questi|queste|ciò|lui|lei|loro|suo|sua)(?![\p{L}])/iu,
  pt: /^(?:ele|ela|eles|elas|isso|isto|este|esta|estes|estas|seu|sua|seus|suas)\b/iu,
  nl: /^(?:hij|zij|ze|dit|deze|hun|zijn|haar|daarom|daarbij)\b/iu,
};

export interface Assessment {
  /** Why no card should come from the sentence, or null. */
  reject: string | null;
  /** 0..1: how well the sentence reads as a card on its own. */
  quality: number;
}

export function assessStatement(s: Statement): Assessment {
  const text = s.sentence.text;
  const words = wordCount(text);
  if (/\?\s*$/.test(text)) return { reject: "question", quality: 0 };
  if (/:\s*$/.test(text)) return { reject: "introduces a list or code", quality: 0 };
  if (/\b(?:or|and|but|of|to|for|with|the|a|an|at|in|on|from|by|via)\s*$/i.test(text)) return { reject: "cut off", quality: 0 };
  if (words < 4 && !s.context) return { reject: "too short", quality: 0 };
  if (words > 70) return { reject: "too long", quality: 0 };
  if (META.some((re) => re.test(text) || (s.context !== undefined && re.test(s.context)))) return { reject: "about the document, not the subject", quality: 0 };
  if (LETTER_REFERENT.test(text)) return { reject: "a letter with no referent", quality: 0 };
  if (OBJECTIVE.test(text.charAt(0).toLowerCase() + text.slice(1))) return { reject: "a learning objective or exercise", quality: 0 };
  if (s.origin === "section" && APPARATUS_SECTION.test(s.heading.trim())) return { reject: "a reference, reading or practice section", quality: 0 };
  if (CITATION.test(text)) return { reject: "a citation", quality: 0 };
  if (s.language === undefined && FIRST_PERSON.test(text)) return { reject: "the author speaking in the first person", quality: 0 };
  // a glossary's definitions are prose: "The middle value; half the observations lie below it", "those observed"
  if (CODE_RESIDUE.test(s.block.glossary ? text.replace(/;/g, ",") : text)) return { reject: "code residue", quality: 0 };
  if ((text.match(/\s(?:≈|=|÷|×)\s/g) ?? []).length >= 2) return { reject: "a chain of arithmetic", quality: 0 };
  if (!s.rewrite && (PRONOUN_START.test(text) || (s.language !== undefined && FOREIGN_REFERENT[s.language]?.test(text)))) return { reject: "pronoun with no referent", quality: 0 };
  // "Helps with failover, …": a list item whose subject is neither in it nor in a lead-in
  const first = s.sentence.tokens[0];
  // "Rose 40% in 2020", "Reduced costs by half": a number whose subject is missing is a statistic about nothing
  if (!s.context && (CHANGE_START.test(text) || first?.pos === "VERB" && /^\p{Lu}\p{Ll}+(?:[^s]s|ed)$/u.test(first.text) && first.lemma !== first.text.toLowerCase())) {
    return { reject: "no subject", quality: 0 };
  }
  if (!s.block.glossary && DEMONSTRATIVE.test(s.rewrite ? text.slice(s.rewrite.length) : text) || CONNECTIVE_START.test(text)) {
    return { reject: "points back to something the prompt does not show", quality: 0 };
  }
  const code = (s.block.marks ?? []).filter((m) => m.kind === "code");
  if (code.some((m) => CODE_VARIABLE.test(m.text) || NAMED_IN_CODE(m.text).test(text)) || CODE_EXAMPLE.test(text)) {
    return { reject: "about a code example", quality: 0 };
  }
  if (/[[\]]/.test(text)) return { reject: "brackets would read as a gap", quality: 0 };
  if (s.origin === "summary" && DESCRIBES_DOCUMENT.test(text)) return { reject: "describes the document", quality: 0 };
  if (!s.rewrite && /^the\s+(?:model|company|startup|firm|approach|method|study|team)\b/i.test(text)) return { reject: "refers to something the prompt does not name", quality: 0 };

  let quality = words < 6 ? 0.55 : words <= 30 ? 1 : Math.max(0.45, 1 - (words - 30) / 60);
  if (first && first.pos === "VERB" && first.lemma === first.text.toLowerCase()) quality *= 0.85; // an instruction
  if (/\b(?:may|might|could|perhaps|possibly|arguably)\b/i.test(text)) quality *= 0.9;
  if (/\b(?:we|you|our|your)\b/.test(text)) quality *= 0.9;
  if (s.context === undefined && s.block.kind === "bullet" && isFragment(s.sentence)) quality *= 0.8;
  return { reject: null, quality };
}

/** The words of a statement's marks (bold, italic, code) as lower-case keys. */
export function markedKeys(marks: Mark[] | undefined): Map<string, Mark["kind"]> {
  const keys = new Map<string, Mark["kind"]>();
  for (const mark of marks ?? []) keys.set(mark.text.toLowerCase().replace(/\s+/g, " ").trim(), mark.kind);
  return keys;
}
