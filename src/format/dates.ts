import { baseLanguage } from './language.ts';
// One module per function and locale: date-fns' index modules load hundreds of files (about 2 s in plain Node,
// which the social-image process and Astro's config loading use).
import { format } from 'date-fns/format';
import { isValid } from 'date-fns/isValid';
import type { Locale } from 'date-fns/locale';
import { arSA } from 'date-fns/locale/ar-SA';
import { enGB } from 'date-fns/locale/en-GB';
import { faIR } from 'date-fns/locale/fa-IR';
import { TZDate } from '@date-fns/tz';
import { SITE } from '../site.ts';
import { isUtc, timeZoneLabel } from './time-zone.ts';

/** 400 Gregorian years in milliseconds. */
const GREGORIAN_CYCLE_MS = 146_097 * 86_400_000;

/** ISO 8601 date (2024-12-16) or date-time (2024-12-16T09:30, seconds, fraction and Z/±hh:mm optional). */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/**
 * Parses the raw frontmatter text of a date strictly.
 * Unlike YAML (which rolls 2024-02-30 over to 1 March), an impossible calendar date or time is rejected.
 * A date-time without an offset is read in the site's time zone (UTC by default).
 * @returns the Date, or undefined when the text is not a real ISO 8601 date or date-time.
 */
export function parseIsoDate(text: string): Date | undefined {
  const m = ISO_DATE.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h = '00', mi = '00', s = '00', fraction = '', offset] = m;
  const year = Number(y), month = Number(mo), day = Number(d);
  const hour = Number(h), minute = Number(mi), second = Number(s);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined;
  // Years as written: Date's numeric constructors read 0–99 as 1900–1999, so such a year is computed 400 years
  // later (the Gregorian calendar repeats every 400 years, 146,097 days) and moved back.
  const shift = year < 100 ? 400 : 0;
  const daysInMonth = new Date(Date.UTC(year + shift, month, 0)).getUTCDate();
  if (day > daysInMonth) return undefined;
  if (offset && offset !== 'Z') {
    const [oh, om] = offset.slice(1).split(':').map(Number);
    if (oh! > 14 || om! > 59) return undefined;
  }
  const date = offset
    ? new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${fraction.slice(0, 4)}${offset}`)
    : new Date(new TZDate(year + shift, month - 1, day, hour, minute, second, Math.floor(Number(`0${fraction || '.0'}`) * 1000), SITE.timeZone).getTime() - (shift ? GREGORIAN_CYCLE_MS : 0));
  return isValid(date) ? date : undefined;
}

/**
 * The UTC offset an ISO 8601 date-time was written with, in minutes east of UTC (`+02:00` → 120, `-05:30` → -330);
 * undefined for a date, a date-time in the site's time zone (no offset) or one in UTC written with Z.
 */
export function writtenOffset(text: string): number | undefined {
  const offset = ISO_DATE.exec(text.trim())?.[8];
  if (!offset || offset === 'Z') return undefined;
  const [hours, minutes] = offset.slice(1).split(':').map(Number);
  return (offset.startsWith('-') ? -1 : 1) * (hours! * 60 + minutes!);
}

/** An offset in minutes as ISO 8601 writes it (`+02:00`) or, without the colon, RFC 822 (`+0200`). */
function offsetText(offset: number, colon: boolean): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const abs = Math.abs(offset);
  return `${offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}${colon ? ':' : ''}${pad(abs % 60)}`;
}

/** The date's wall-clock time at `offset`, read through the UTC fields of the Date returned. */
const shifted = (date: Date, offset: number) => new Date(date.getTime() + offset * 60_000);

/**
 * An instant in ISO 8601 at the offset its article wrote (`2025-06-12T14:30:00+02:00`, milliseconds only when there
 * are some), or in UTC as toISOString writes it (`2025-06-12T12:30:00.000Z`) when none was written.
 */
export function isoDateTime(date: Date, offset?: number): string {
  if (offset === undefined) return date.toISOString();
  const local = shifted(date, offset).toISOString();
  return `${local.slice(0, 19)}${local.slice(19, 23) === '.000' ? '' : local.slice(19, 23)}${offsetText(offset, true)}`;
}

/** An instant as RSS writes it (RFC 822), at the offset written (`Thu, 12 Jun 2025 14:30:00 +0200`), else in GMT. */
export function rfc822DateTime(date: Date, offset?: number): string {
  if (offset === undefined) return date.toUTCString();
  return shifted(date, offset).toUTCString().replace(/GMT$/, offsetText(offset, false));
}

/**
 * The offsets (minutes east of UTC) an article's dates were written with, by instant (milliseconds since 1970): the
 * `datetime` attributes, feeds and JSON-LD keep `2025-06-12T14:30:00+02:00` as written, while the page shows it in
 * the site's time zone. Absent when no date was written with an offset (a date, Z, or the site's time zone).
 */
export type WrittenOffsets = Record<string, number>;

/** The offset `date` of `article` was written with, if it was written with one (see WrittenOffsets). */
export function offsetOf(article: { offsets?: WrittenOffsets | undefined }, date: Date): number | undefined {
  return article.offsets?.[date.getTime()];
}

/** A date of `article` in ISO 8601 at the offset it was written with, else in UTC (JSON-LD, Atom, JSON Feed, meta). */
export function isoAsWritten(article: { offsets?: WrittenOffsets | undefined }, date: Date): string {
  return isoDateTime(date, offsetOf(article, date));
}

/**
 * The languages whose dates date-fns writes here: English as in Britain, Arabic, and Persian in the Gregorian
 * calendar (Intl's Persian long date is in the Solar Hijri calendar). Every other language Intl knows gets Intl's
 * long date, Hebrew among them: date-fns writes "5 מרץ 2024" where Intl (CLDR, reviewed by native speakers) writes
 * "5 במרץ 2024".
 */
const LOCALES: Record<string, Locale> = { en: enGB, ar: arSA, fa: faIR };

/** The date-fns locale for a BCP 47 tag (its primary language), English when we have none. */
export function localeFor(lang: string): Locale {
  return LOCALES[baseLanguage(lang)] ?? enGB;
}

/** An instant's date and time of day as a clock in the site's time zone shows them (month 1 to 12). */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const clocks = new Map<string, Intl.DateTimeFormat>();
/**
 * The wall clock of `date` in the site's time zone: read from the UTC fields for UTC, else from one Intl formatter per
 * zone (what @date-fns/tz reads too). date-fns' `in: tz(zone)` makes a zoned date on every call, about 25 µs, and a
 * date shown took three of them: 0.2 ms a page of a cold build (2.4 s at 10,000 articles) and 0.6 s of every build's
 * social images, whose 10,000 cards each format a date. The archive files each article by it too (archiveKey).
 */
export function wallClock(date: Date): WallClock {
  const zone = SITE.timeZone;
  if (isUtc(zone)) {
    return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), hour: date.getUTCHours(), minute: date.getUTCMinutes(), second: date.getUTCSeconds() };
  }
  let clock = clocks.get(zone);
  if (!clock) {
    clock = new Intl.DateTimeFormat('en-US', { timeZone: zone, calendar: 'gregory', numberingSystem: 'latn', hourCycle: 'h23', era: 'short', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    clocks.set(zone, clock);
  }
  const fields: Record<string, number> = {};
  let bc = false;
  for (const { type, value } of clock.formatToParts(date)) {
    if (type === 'era') bc = value === 'BC';
    else if (type !== 'literal') fields[type] = Number(value);
  }
  return { year: bc ? 1 - fields.year! : fields.year!, month: fields.month!, day: fields.day!, hour: fields.hour!, minute: fields.minute!, second: fields.second! };
}

/** Two digits (a month, a day, an hour), or four (a year). */
export const pad = (n: number, digits = 2) => (n < 0 ? '-' : '') + String(Math.abs(n)).padStart(digits, '0');

/** The day of a wall clock as a local date at noon, for date-fns to format (noon: no summer-time change falls on it). */
function localDay({ year, month, day }: WallClock): Date {
  const noon = new Date(2000, 0, 1, 12);
  noon.setFullYear(year, month - 1, day);
  return noon;
}

/** True when the wall clock shows a time of day other than midnight. */
const hasTimeOfDay = ({ hour, minute, second }: WallClock) => hour !== 0 || minute !== 0 || second !== 0;

/**
 * Formats a date for readers, in the site's time zone and the article's language.
 * Memoized: listings show the same dates over and over, and date-fns with a time zone costs about 0.1 ms a call.
 * @example formatDate(new Date('2024-12-16T00:00:00Z'))      //=> '16 December 2024'
 * @example formatDate(new Date('2024-12-16T14:05:00Z'))      //=> '16 December 2024, 14:05 UTC'
 */
export function formatDate(date: Date, lang = 'en'): string {
  return memo(formatted, `${date.getTime()} ${lang}`, () => {
    const locale = localeFor(lang);
    const clock = wallClock(date);
    // A language without a date-fns locale here that Intl knows (es, fr, de, he, ja, sw…) gets Intl's own long date, in
    // the Gregorian calendar like every date of the site (Intl's Thai would count Buddhist years).
    const intl = locale === enGB && baseLanguage(lang) !== 'en' && Intl.DateTimeFormat.supportedLocalesOf(lang).length > 0;
    const day = intl
      ? new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: SITE.timeZone, numberingSystem: 'latn', calendar: 'gregory' }).format(date)
      : format(localDay(clock), 'd MMMM yyyy', { locale });
    return hasTimeOfDay(clock) ? `${day}, ${pad(clock.hour)}:${pad(clock.minute)} ${SITE.timeZoneLabel ?? timeZoneLabel(date, SITE.timeZone)}` : day;
  });
}

/**
 * A machine-readable value for `<time datetime>`: the date alone when it has no time of day; a date-time at the
 * offset the article wrote (`offset`, minutes east of UTC), else in UTC.
 */
export function datetimeAttribute(date: Date, offset?: number): string {
  return memo(attributes, `${date.getTime()} ${offset}`, () => {
    if (offset !== undefined) return isoDateTime(date, offset);
    const clock = wallClock(date);
    return hasTimeOfDay(clock) ? date.toISOString() : `${pad(clock.year, 4)}-${pad(clock.month)}-${pad(clock.day)}`;
  });
}

const formatted = new Map<string, string>();
const attributes = new Map<string, string>();
/** The cached value of `key`, computed once; the caches hold one short string per date shown. */
function memo<K>(cache: Map<K, string>, key: K, compute: () => string): string {
  let value = cache.get(key);
  if (value === undefined) cache.set(key, (value = compute()));
  return value;
}
