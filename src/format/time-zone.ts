/**
 * The site's time zone: how dates and times are shown and how the archive groups months. SITE_TIME_ZONE overrides
 * `SITE.timeZone` (src/site.ts); either is an IANA zone name such as Europe/London or Asia/Jerusalem.
 */

/** The zones that are UTC under another name: their times are labelled UTC. */
const UTC_NAMES = new Set(['UTC', 'Etc/UTC', 'Etc/UCT', 'Etc/Universal', 'Etc/Zulu', 'UCT', 'Universal', 'Zulu', 'Etc/GMT', 'GMT']);

/**
 * What is wrong with a time zone setting, if anything: it must be an IANA zone name that this Node.js knows
 * (`Europe/London`, `UTC`); an offset (`+02:00`) or an abbreviation (`CET`, `EST`) is refused, as neither follows a
 * place's summer time. `name` is the setting the message names.
 */
export function timeZoneProblem(zone: string, name: string): string | undefined {
  const hint = 'an IANA time zone name such as UTC, Europe/London or America/New_York';
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/.test(zone)) {
    return `${name}: "${zone}" is not a time zone: expected ${hint}`;
  }
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch {
    return `${name}: "${zone}" is not a time zone this Node.js knows: expected ${hint}`;
  }
  return undefined;
}

/** True for a zone that is UTC under one of its names. */
export const isUtc = (zone: string): boolean => UTC_NAMES.has(zone);

/** The label after a time of day in `zone`: UTC, or the zone's short name at that date (BST, CET, GMT+2, GMT-4…). */
export function timeZoneLabel(date: Date, zone: string): string {
  if (isUtc(zone)) return 'UTC';
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: zone, timeZoneName: 'short' }).formatToParts(date);
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? zone;
}
