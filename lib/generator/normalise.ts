/** Text normalisation shared by the generator: emoji stripping, matching keys, stopwords. */

const EMOJI = /[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\u{FE0F}\u{200D}\u{20E3}\u{1F3FB}-\u{1F3FF}]/gu;

export function stripEmoji(text: string): string {
  return text.replace(EMOJI, "").replace(/\s{2,}/g, " ").trim();
}

/** Removes Markdown emphasis, inline code and links, keeping the visible text. */
export function stripInlineMarkdown(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, "$2")
    .replace(/(^|[^\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?!\w)/g, "$1$2")
    .replace(/(^|[^\w])_(?=\S)([^_]+?)(?<=\S)_(?!\w)/g, "$1$2")
    .replace(/`([^`]+)`/g, "$1");
}

/**
 * Key for comparing names and answers: case, spacing, hyphens and possessives ignored,
 * so "DeepSeek", "Deep Seek" and "Deep-Seek's" compare equal.
 */
export function matchKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/['’]s\b/g, "")
    .replace(/[^\p{L}\p{N}%$.]+/gu, "")
    .replace(/\.(?!\d)/g, "");
}

export const STOPWORDS = new Set(
  (
    "a an the and or but nor so yet for of to in on at by with from as into onto upon about above below over under " +
    "between among through during before after than then that this these those there here which who whom whose what " +
    "when where why how is are was were be been being am do does did doing have has had having can could may might " +
    "must shall should will would it its it's they them their theirs we us our ours you your yours he him his she her " +
    "hers i me my mine one ones some any all each every both either neither no not only also just very more most less " +
    "least much many such own same other another few several if while because although though whether within without " +
    "across along around up down out off again further once"
  ).split(" "),
);

export const PRONOUNS = new Set(
  "it its they them their theirs we us our you your he him his she her i me my this these those that which who".split(" "),
);

/** Nouns too generic to be worth a gap on their own. */
export const GENERIC_NOUNS = new Set(
  (
    "thing things way ways approach approaches area areas field fields lot lots number numbers part parts kind kinds " +
    "type types issue issues aspect aspects place places time times company companies model models people fact facts " +
    "case cases example examples point points idea ideas result results level levels term terms side sides end use " +
    "focus reality situation opportunity opportunities option options development information specifics market markets " +
    "industry sector world business businesses product products solution solutions system systems data process role " +
    "impact challenge challenges trend trends strategy strategies area leader leaders task tasks second seconds minute minutes hour hours day days week weeks month months year years " +
    "problem problems matter matters user users person persons life details detail exercise question questions answer answers " +
    "step steps list lists need needs sort lot bit piece something anything everything nothing someone stuff line lines word words " +
    "name names look set sets group groups form forms hand effect effects change changes reason reasons sense work job jobs " +
    "addition course sake regard respect terms moment while instance instances manner fashion means purpose purposes start beginning " +
    "lots plenty variety range couple kinds amount amounts deal cost costs good goods advantage advantages benefit benefits feature features " +
    "topic topics chapter chapters section sections listing listings figure figures table tables example examples note notes " +
    "item items programmer programmers developer developers default defaults property properties characteristic characteristics " +
    "substance substances"
  ).split(" "),
);

/**
 * Words every field uses and no card should hide on their own: abstract business and academic
 * vocabulary ("innovation", "efficiency", "significant") and the general words of technical
 * writing ("programming languages", "components"). Film subtitles (the everyday-English
 * reference) rarely use them, so rarity alone would take them for terms.
 */
export const VAGUE_WORDS = new Set(
  (
    "innovation innovations innovative efficiency efficient transparency transparent competitiveness competitive competition " +
    "performance insight insights success successful positioning quality collaboration collaborative potential flexibility " +
    "scalability affordability sustainability productivity effectiveness cost-effectiveness usage improvement improvements " +
    "implementation management optimization integration investment investments technology technologies technological " +
    "methodology methodologies engagement operations operation dynamics landscape leadership excellence capability " +
    "capabilities resource resources barrier barriers limitation limitations constraint constraints necessity pressure " +
    "priority priorities progress growth value-added advancement advancements alternative alternatives component components " +
    "element elements concept concepts method methods function functions feature mechanism mechanisms structure structures " +
    "framework frameworks environment environments context factor factors detail aspect basis principle principles " +
    "programming program programs language languages code software application applications computer computers tool tools " +
    "service services server servers request requests user-friendly functionality practice practices pattern patterns " +
    "requirement requirements goal goals objective objectives outcome outcomes output input consideration considerations " +
    "high higher highest low lower greater great significant substantial considerable major key important critical " +
    "essential main primary new newer various several certain different specific general overall actual broader broad " +
    "strategic global robust advanced enhanced better best good common basic simple complex additional further particular " +
    "relevant appropriate possible available large larger small smaller typical potential real whole entire full usual " +
    "future current recent modern traditional standard special similar same such multiple old reasonable individual original " +
    "popular"
  ).split(" "),
);

export function wordCount(text: string): number {
  const m = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu);
  return m ? m.length : 0;
}

/** Content words (lower-case, stopwords removed), used for fact matching. */
export function contentWords(text: string): string[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.filter((w) => w.length > 2 && !STOPWORDS.has(w));
}
