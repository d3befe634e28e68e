/**
 * A time zone where it is about noon right now. Test users live there, so a run
 * never straddles the start of a study day (4 a.m. local): near it, cards learned
 * before the boundary fall due after it, in "tomorrow", and a test that expects
 * them back today fails for the hour of day it ran at, not for anything it tests.
 */
export function middayTimeZone(now = new Date()): string {
  const offsetHours = 12 - now.getUTCHours(); // -11 … +12
  if (offsetHours === 0) return "UTC";
  // POSIX-style names: Etc/GMT-3 is three hours ahead of UTC.
  return `Etc/GMT${offsetHours > 0 ? "-" : "+"}${Math.abs(offsetHours)}`;
}
