/**
 * Dense prose of an exact size in UTF-8 bytes (ASCII only, so bytes = characters): section
 * after section of sentences full of distinct figures, names and years, the kind of text that
 * gives the generator the most cards per kilobyte. The same size always gives the same text.
 */
const SUBJECTS = ["the hippocampus", "slow-wave sleep", "the neocortex", "REM sleep", "sleep spindle density", "core body temperature", "the amygdala", "melatonin", "adenosine", "the thalamus", "cortisol", "heart rate"];
const VERBS = ["increased by", "dropped by", "rose to", "fell to", "reached"];
const UNITS = ["%", " hours", " minutes", " degrees", " milligrams", " percent", " beats per minute"];
const PLACES = ["Harvard", "Oxford", "Kyoto", "Geneva", "Toronto", "Lagos", "Lima", "Oslo", "Pune", "Austin"];

export function denseProse(bytes: number): string {
  const parts: string[] = ["Lecture on Sleep and Memory\n\nSummary: Sleep is a stage of learning, not a pause in it.\n\n"];
  let length = parts[0]!.length;
  for (let section = 0; length < bytes; section++) {
    let block = `Section ${section + 1} - Study ${section + 1} at ${PLACES[section % PLACES.length]}\n`;
    for (let j = 0; j < 6; j++) {
      const n = section * 6 + j;
      block +=
        `In trial ${n + 1} at ${PLACES[(section + j) % PLACES.length]}, researchers found that ${SUBJECTS[n % SUBJECTS.length]} ` +
        `${VERBS[j % VERBS.length]} ${(n * 37) % 9973 + 11}${UNITS[n % UNITS.length]} after ${(n % 9) + 2} nights of recorded sleep in ${1900 + (n % 125)}. `;
    }
    block += "\n\n";
    parts.push(block);
    length += block.length;
  }
  return parts.join("").slice(0, bytes);
}
