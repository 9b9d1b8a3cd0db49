import { format } from 'date-fns/format';
import type { Locale } from 'date-fns/locale';
import { TZDate, tz } from '@date-fns/tz';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { timeZoneLabel, timeZoneProblem } from '../../../src/format/time-zone';

/** The date and listing modules as a build with SITE_TIME_ZONE=`zone` loads them (SITE reads it once, on import). */
async function inZone(zone: string) {
  vi.stubEnv('SITE_TIME_ZONE', zone);
  vi.resetModules();
  const dates = await import('../../../src/format/dates');
  const listings = await import('../../../src/newsroom/listings');
  const settings = await import('../../../src/settings');
  const citation = await import('../../../src/sharing/citation');
  return { ...dates, ...listings, ...settings, ...citation };
}
afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe('the site time zone setting', () => {
  it.each(['UTC', 'Europe/London', 'America/New_York', 'Asia/Kolkata', 'America/Argentina/Buenos_Aires', 'Etc/GMT+5'])('takes %s', (zone) =>
    expect(timeZoneProblem(zone, 'SITE_TIME_ZONE')).toBeUndefined());
  it.each([
    ['Mars/Olympus_Mons', 'is not a time zone this Node.js knows'],
    ['Europe/Londn', 'is not a time zone this Node.js knows'],
    ['+02:00', 'is not a time zone'],
    ['UTC+2', 'is not a time zone this Node.js knows'],
    ['', 'is not a time zone'],
  ])('refuses %j in one line naming the setting', (zone, problem) =>
    expect(timeZoneProblem(zone, 'SITE_TIME_ZONE')).toBe(`SITE_TIME_ZONE: "${zone}" ${problem}: expected an IANA time zone name such as UTC, Europe/London or America/New_York`));
  it('is checked with the other settings, naming SITE_TIME_ZONE or SOURCE_DATE_EPOCH', async () => {
    const { settingProblems } = await inZone('Europe/Lodnon');
    expect(settingProblems({ SITE_TIME_ZONE: 'Europe/Lodnon', SOURCE_DATE_EPOCH: 'tomorrow' })).toEqual([
      expect.stringMatching(/^SITE_TIME_ZONE: "Europe\/Lodnon" is not a time zone this Node\.js knows/),
      expect.stringMatching(/^SOURCE_DATE_EPOCH: "tomorrow" is not a time/),
    ]);
    expect((await inZone('Europe/London')).settingProblems({ SITE_TIME_ZONE: 'Europe/London', SOURCE_DATE_EPOCH: '1735689600' })).toEqual([]);
  });
  it("labels a time with the zone's short name at that date", () => {
    expect(timeZoneLabel(new Date('2024-07-01T12:00:00Z'), 'Europe/London')).toBe('BST');
    expect(timeZoneLabel(new Date('2024-01-01T12:00:00Z'), 'Europe/London')).toBe('GMT');
    expect(timeZoneLabel(new Date('2024-07-01T12:00:00Z'), 'America/New_York')).toBe('GMT-4');
    expect(timeZoneLabel(new Date('2024-07-01T12:00:00Z'), 'Etc/UTC')).toBe('UTC');
  });
});

describe('dates near midnight in a site time zone other than UTC', () => {
  // 03:00 UTC on New Year's Day is still 31 December in New York, and already the afternoon in Tokyo.
  const newYear = new Date('2025-01-01T03:00:00Z');

  it('shows the day and time, and files the archive month, in the site zone', async () => {
    const ny = await inZone('America/New_York');
    expect(ny.formatDate(newYear)).toBe('31 December 2024, 22:00 GMT-5');
    expect(ny.archiveKey(newYear)).toEqual({ year: '2024', month: '12' });
    const tokyo = await inZone('Asia/Tokyo');
    expect(tokyo.formatDate(new Date('2024-12-31T20:00:00Z'))).toBe('1 January 2025, 05:00 GMT+9');
    expect(tokyo.archiveKey(new Date('2024-12-31T20:00:00Z'))).toEqual({ year: '2025', month: '01' });
    expect((await inZone('UTC')).archiveKey(newYear)).toEqual({ year: '2025', month: '01' });
  });

  it('dates the citation (APA and Highwire) by the same day', async () => {
    const cited = { title: 'T', author: 'Ann Smith', source: 'S', published: newYear, lang: 'en' } as const;
    const ny = await inZone('America/New_York');
    expect(ny.apaCitation(cited, 'u').before).toBe('Smith, A. (2024, December 31). ');
    expect(ny.citationMeta(cited as never)).toContainEqual(['citation_publication_date', '2024/12/31']);
    const utc = await inZone('UTC');
    expect(utc.apaCitation(cited, 'u').before).toBe('Smith, A. (2025, January 1). ');
    expect(utc.citationMeta(cited as never)).toContainEqual(['citation_publication_date', '2025/01/01']);
  });

  it('keeps the instant the article wrote in datetime attributes, whatever zone shows it', async () => {
    const ny = await inZone('America/New_York');
    const written = ny.parseIsoDate('2025-01-01T05:00:00+02:00')!;
    expect(written.toISOString()).toBe('2025-01-01T03:00:00.000Z');
    expect(ny.datetimeAttribute(written)).toBe('2025-01-01T03:00:00.000Z');
    // A date alone is that day in the site zone: shown, filed and marked up as that day.
    const day = ny.parseIsoDate('2025-01-01')!;
    expect(day.toISOString()).toBe('2025-01-01T05:00:00.000Z');
    expect([ny.formatDate(day), ny.datetimeAttribute(day), ny.archiveKey(day).month]).toEqual(['1 January 2025', '2025-01-01', '01']);
  });
});

describe("the wall clock dates are read from, the same as date-fns' zoned dates (formatDate, datetimeAttribute)", () => {
  const zones = ['UTC', 'Europe/London', 'America/New_York', 'Australia/Lord_Howe', 'Pacific/Chatham', 'Etc/GMT+5'];
  /** What date-fns writes with the zone given to it on every call (the way the module did it before). */
  function dateFns(date: Date, lang: string, zone: string, localeFor: (lang: string) => Locale): { shown: string; attribute: string } {
    const options = { in: tz(zone), locale: localeFor(lang) };
    const timed = format(date, 'HH:mm:ss', { in: tz(zone) }) !== '00:00:00';
    const day = format(date, 'd MMMM yyyy', options);
    return {
      shown: timed ? `${day}, ${format(date, 'HH:mm', options)} ${timeZoneLabel(date, zone)}` : day,
      attribute: timed ? date.toISOString() : format(date, 'yyyy-MM-dd', { in: tz(zone) }),
    };
  }

  it.each(zones)('in %s, for any instant and for midnights there, in English, Arabic and Persian', async (zone) => {
    const dates = await inZone(zone);
    // Any instant from 1900 to 2100, and the zone's midnight of any day then (the date-only form).
    const instant = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T23:59:59Z'), noInvalidDate: true });
    const midnight = instant.map((date) => {
      const [y, m, d] = format(date, 'yyyy-MM-dd', { in: tz(zone) }).split('-').map(Number);
      return new Date(new TZDate(y!, m! - 1, d!, 0, 0, 0, zone).getTime());
    });
    fc.assert(
      fc.property(fc.oneof(instant, midnight), fc.constantFrom('en', 'ar', 'fa'), (date, lang) => {
        const expected = dateFns(date, lang, zone, dates.localeFor);
        expect(dates.formatDate(date, lang)).toBe(expected.shown);
        expect(dates.datetimeAttribute(date)).toBe(expected.attribute);
      }),
      { numRuns: 100 },
    );
  });
});
