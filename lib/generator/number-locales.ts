/**
 * How quantities are written in each language the numeric claims read: number marks, scale and
 * unit words, and the words of ranges ("25 bis 35 °C", "entre 25 y 35 °C"), bounds ("mindestens",
 * "au moins", "più di") and changes ("von 12 auf 18"). English is the full set; another language
 * not listed here gets the language-free part: digits, symbols (%, °C, €, km) and dashed ranges.
 */

export interface NumberLocale {
  /** Decimal mark; the other of "." and "," (and thin or no-break spaces) groups thousands. */
  decimal: "." | ",";
  /** French also groups with a plain space ("25 000 habitants"). */
  spaceGroups?: boolean;
  /** Scale words and abbreviations ("Mio.", "milliards") with their factor. */
  scales: Record<string, number>;
  percent: string[];
  degrees: string[];
  /** Currency words written after the number ("Euro", "dólares"). */
  currencies: string[];
  /** Nouns of time, every form ("Jahr", "Jahre", "Jahren"). */
  durations: string[];
  /** Words between the ends of a range ("to", "bis", "à") and "between X and Y" pairs. */
  rangeWords: string[];
  between: [string, string][];
  /** "from X to Y" (a change: the answer is where it went). */
  changes: [string, string][];
  minBounds: string[];
  maxBounds: string[];
  /** Words before a year that make it a date ("im Jahr", "en", "desde"). */
  yearWords: string[];
  /** Words before a number that make it a label, not a claim ("Kapitel 3"). */
  references: string[];
  /** A counted noun after a number ("3.000 Einwohner"): the number is the claim, the noun stays in the prompt. */
  countNoun: string;
}

/** Symbols of measure any language writes after a number. */
export const MEASURE_SYMBOLS = [
  "km²", "m²", "cm²", "km³", "m³", "cm³", "km/h", "m/s", "m/s²", "kWh", "MWh", "GWh", "TWh", "kW", "MW", "GW", "km", "cm", "mm", "µm", "μm", "nm",
  "kg", "mg", "µg", "ha", "ml", "hl", "cl", "kcal", "kJ", "kHz", "MHz", "GHz", "Hz", "hPa", "kPa", "Pa", "dB", "ppm", "mmHg", "mol", "m", "g", "t", "l", "L", "W", "V", "J",
];

const FUNCTION_WORDS = "(?:dans|avec|pour|sont|entre|chez|contre|sobre|para|como|mais|menos|plus|tussen|voor|zijn|werd|eram|hasta|desde|fino|circa|oder|aber|bien|cada|dont|sans|sous|vers|depuis|pendant|também|pelos|pelas|dela|dele|cerca|entro|sono|erano|hanno|zwischen|werden|wurden|sind|waren|haben|hatte|zonder|onder|boven|naar|door|omdat|maar|ook|sinds|ongeveer|quando|donde|onde|dove|mentre|quand|lorsque|después|antes|dopo|prima|depois|avant|après)";

const ENGLISH: NumberLocale = {
  decimal: ".",
  scales: { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, bn: 1e9 },
  percent: ["%", "percent", "per cent", "percentage points?"],
  degrees: ["°\\s?[CF]", "°", "degrees(?:\\s(?:Celsius|Fahrenheit|C|F))?"],
  currencies: ["dollars", "euros", "pounds", "USD", "EUR"],
  durations: ["seconds?", "minutes?", "hours?", "days?", "weeks?", "months?", "years?", "decades?", "centuries", "century"],
  rangeWords: ["to"],
  between: [["between", "and"]],
  changes: [["from", "to"]],
  minBounds: ["at least", "more than", "over", "above", "no less than", "a minimum of"],
  maxBounds: ["at most", "less than", "fewer than", "under", "below", "up to", "no more than", "a maximum of", "as much as", "as many as"],
  yearWords: ["in", "since", "by", "until", "from", "during", "before", "after", "of", "early", "late", "mid"],
  references: ["section", "chapter", "part", "figure", "fig\\.", "table", "step", "version", "v", "no\\.", "number", "item", "page", "p\\.", "type", "stage", "phase", "level", "grade", "class", "round", "series", "generation", "gen", "model", "lecture", "episode", "season", "volume", "vol\\."],
  countNoun: String.raw`(?:people|staff|children|[\p{Ll}][\p{Ll}-]*[^s\W]s)\b`,
};

/** A lower-case noun of four letters or more that is not a function word ("habitants", "metros"). */
const LOWER_NOUN = String.raw`(?!${FUNCTION_WORDS}\b)\p{Ll}{4,}\b`;

const GERMAN: NumberLocale = {
  decimal: ",",
  scales: { "Tsd.": 1e3, Tausend: 1e3, "Mio.": 1e6, Million: 1e6, Millionen: 1e6, "Mrd.": 1e9, Milliarde: 1e9, Milliarden: 1e9, Billionen: 1e12 },
  percent: ["%", "Prozent", "Prozentpunkte"],
  degrees: ["°\\s?[CF]", "°", "Grad(?:\\sCelsius)?"],
  currencies: ["€", "Euro", "EUR", "Dollar", "US-Dollar", "USD", "Franken", "CHF"],
  durations: ["Sekunden?", "Minuten?", "Stunden?", "Tagen?", "Tage", "Tag", "Wochen?", "Monaten?", "Monate?", "Jahren?", "Jahre?", "Jahrzehnten?", "Jahrzehnte", "Jahrhunderten?", "Jahrhunderte"],
  rangeWords: ["bis"],
  between: [["zwischen", "und"]],
  changes: [["von", "auf"]],
  minBounds: ["mindestens", "wenigstens", "mehr als", "über", "minimal", "nicht weniger als"],
  maxBounds: ["höchstens", "maximal", "weniger als", "unter", "bis zu", "nicht mehr als"],
  yearWords: ["im Jahr", "im Jahre", "seit", "bis", "ab", "um", "vor", "nach", "Anfang", "Ende", "Mitte"],
  references: ["Kapitel", "Abschnitt", "Abbildung", "Abb\\.", "Tabelle", "Seite", "S\\.", "Nr\\.", "Nummer", "Artikel", "Art\\.", "Version", "Schritt", "Klasse", "Stufe", "Phase", "Band", "Folie"],
  countNoun: String.raw`\p{Lu}\p{Ll}{2,}(?:-\p{L}+)*\b`,
};

const FRENCH: NumberLocale = {
  decimal: ",",
  spaceGroups: true,
  scales: { mille: 1e3, million: 1e6, millions: 1e6, milliard: 1e9, milliards: 1e9, "Md": 1e9, "Mds": 1e9 },
  percent: ["%", "pour cent", "points de pourcentage"],
  degrees: ["°\\s?[CF]", "°", "degrés(?:\\sCelsius)?"],
  currencies: ["€", "euros?", "EUR", "dollars?", "USD", "francs?"],
  durations: ["secondes?", "minutes?", "heures?", "jours?", "semaines?", "mois", "ans", "an", "années?", "décennies", "siècles?"],
  rangeWords: ["à"],
  between: [["entre", "et"]],
  changes: [["de", "à"], ["d['’]", "à"]],
  minBounds: ["au moins", "au minimum", "plus de", "plus d['’]", "au-delà de", "au-dessus de", "minimum"],
  maxBounds: ["au plus", "au maximum", "moins de", "moins d['’]", "jusqu['’]à", "au-dessous de", "maximum"],
  yearWords: ["en", "depuis", "dès", "jusqu['’]en", "avant", "après", "vers", "l['’]an", "fin", "début"],
  references: ["chapitre", "section", "figure", "tableau", "page", "p\\.", "n°", "numéro", "article", "version", "étape", "classe", "niveau", "phase"],
  countNoun: LOWER_NOUN,
};

const SPANISH: NumberLocale = {
  decimal: ",",
  scales: { mil: 1e3, millón: 1e6, millones: 1e6, "mil millones": 1e9, billones: 1e12 },
  percent: ["%", "por ciento", "puntos porcentuales"],
  degrees: ["°\\s?[CF]", "°", "grados(?:\\s(?:Celsius|centígrados))?"],
  currencies: ["€", "euros?", "EUR", "dólares", "USD", "pesos"],
  durations: ["segundos?", "minutos?", "horas?", "días?", "semanas?", "meses", "mes", "años?", "décadas?", "siglos?"],
  rangeWords: ["a", "al"],
  between: [["entre", "y"]],
  changes: [["de", "a"], ["del", "al"]],
  minBounds: ["al menos", "como mínimo", "más de", "por encima de", "mínimo"],
  maxBounds: ["como máximo", "menos de", "hasta", "por debajo de", "máximo"],
  yearWords: ["en", "desde", "hasta", "hacia", "antes de", "después de", "el año", "a partir de"],
  references: ["capítulo", "sección", "figura", "tabla", "página", "pág\\.", "núm\\.", "número", "artículo", "versión", "paso", "nivel", "fase", "tema"],
  countNoun: LOWER_NOUN,
};

const ITALIAN: NumberLocale = {
  decimal: ",",
  scales: { mila: 1e3, milione: 1e6, milioni: 1e6, miliardo: 1e9, miliardi: 1e9 },
  percent: ["%", "per cento", "punti percentuali"],
  degrees: ["°\\s?[CF]", "°", "gradi(?:\\s(?:Celsius|centigradi))?"],
  currencies: ["€", "euro", "EUR", "dollari", "USD"],
  durations: ["secondi", "secondo", "minuti", "minuto", "ore", "ora", "giorni", "giorno", "settimane", "settimana", "mesi", "mese", "anni", "anno", "decenni", "secoli", "secolo"],
  rangeWords: ["a", "al"],
  between: [["tra", "e"], ["fra", "e"]],
  changes: [["da", "a"], ["dal", "al"]],
  minBounds: ["almeno", "più di", "oltre", "sopra", "minimo", "non meno di"],
  maxBounds: ["al massimo", "meno di", "fino a", "sotto", "massimo", "non più di"],
  yearWords: ["nel", "dal", "fino al", "entro il", "prima del", "dopo il", "del", "anno"],
  references: ["capitolo", "sezione", "figura", "tabella", "pagina", "pag\\.", "n\\.", "numero", "articolo", "versione", "passo", "livello", "fase"],
  countNoun: LOWER_NOUN,
};

const PORTUGUESE: NumberLocale = {
  decimal: ",",
  scales: { mil: 1e3, milhão: 1e6, milhões: 1e6, bilhão: 1e9, bilhões: 1e9, "mil milhões": 1e9 },
  percent: ["%", "por cento", "pontos percentuais"],
  degrees: ["°\\s?[CF]", "°", "graus(?:\\sCelsius)?"],
  currencies: ["€", "euros?", "EUR", "reais", "dólares", "USD"],
  durations: ["segundos?", "minutos?", "horas?", "dias?", "semanas?", "meses", "mês", "anos?", "décadas?", "séculos?"],
  rangeWords: ["a"],
  between: [["entre", "e"]],
  changes: [["de", "para"]],
  minBounds: ["pelo menos", "no mínimo", "mais de", "acima de", "mínimo"],
  maxBounds: ["no máximo", "menos de", "até", "abaixo de", "máximo"],
  yearWords: ["em", "desde", "até", "no ano de", "antes de", "depois de", "a partir de"],
  references: ["capítulo", "seção", "secção", "figura", "tabela", "página", "pág\\.", "n\\.º", "número", "artigo", "versão", "passo", "nível", "fase"],
  countNoun: LOWER_NOUN,
};

const DUTCH: NumberLocale = {
  decimal: ",",
  scales: { duizend: 1e3, miljoen: 1e6, "mln.": 1e6, miljard: 1e9, "mld.": 1e9 },
  percent: ["%", "procent", "procentpunten?"],
  degrees: ["°\\s?[CF]", "°", "graden(?:\\sCelsius)?"],
  currencies: ["€", "euro", "EUR", "dollar", "USD"],
  durations: ["seconden?", "minuten?", "uur", "uren", "dagen", "dag", "weken", "week", "maanden?", "jaar", "jaren", "decennia", "eeuwen?"],
  rangeWords: ["tot"],
  between: [["tussen", "en"]],
  changes: [["van", "naar"]],
  minBounds: ["minstens", "ten minste", "minimaal", "meer dan", "ruim", "boven"],
  maxBounds: ["hoogstens", "maximaal", "minder dan", "onder", "tot wel", "niet meer dan"],
  yearWords: ["in", "sinds", "tot", "vanaf", "rond", "voor", "na", "begin", "eind", "midden"],
  references: ["hoofdstuk", "paragraaf", "figuur", "tabel", "pagina", "blz\\.", "nr\\.", "nummer", "artikel", "versie", "stap", "niveau", "fase"],
  countNoun: LOWER_NOUN,
};

/** Digits, symbols and dashes only: what every language shares. */
function neutral(decimal: "." | ","): NumberLocale {
  return {
    decimal, scales: {}, percent: ["%"], degrees: ["°\\s?[CF]", "°"], currencies: ["€", "EUR", "USD"], durations: [],
    rangeWords: [], between: [], changes: [], minBounds: [], maxBounds: [], yearWords: [], references: [], countNoun: "(?!)",
  };
}

/** Languages that write "1,5" for one and a half. */
const DECIMAL_COMMA = new Set("bg cs da de el es et fi fr hr hu id is it lt lv nb nl nn no pl pt ro ru sk sl sq sr sv tr uk vi az kk uz be".split(" "));

const LOCALES: Record<string, NumberLocale> = { en: ENGLISH, de: GERMAN, fr: FRENCH, es: SPANISH, it: ITALIAN, pt: PORTUGUESE, nl: DUTCH };

export function numberLocale(language: string): NumberLocale {
  return LOCALES[language] ?? neutral(DECIMAL_COMMA.has(language) ? "," : ".");
}
