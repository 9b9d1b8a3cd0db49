import { describe, expect, it } from 'vitest';
import { datetimeAttribute, formatDate, isoDateTime, parseIsoDate, rfc822DateTime, writtenOffset } from '../../../src/format/dates';

describe('parseIsoDate', () => {
  it.each([
    ['2024-12-16', '2024-12-16T00:00:00.000Z'],
    ['2024-02-29', '2024-02-29T00:00:00.000Z'],
    ['2024-12-16T09:30', '2024-12-16T09:30:00.000Z'],
    ['2024-12-16T09:30:15Z', '2024-12-16T09:30:15.000Z'],
    ['2024-12-16T09:30:15.250+02:00', '2024-12-16T07:30:15.250Z'],
    // Years as written, not 1900 + the last two digits.
    ['0024-12-16', '0024-12-16T00:00:00.000Z'],
    ['0024-12-16T09:30', '0024-12-16T09:30:00.000Z'],
    ['0024-12-16T09:30Z', '0024-12-16T09:30:00.000Z'],
    ['0000-02-29', '0000-02-29T00:00:00.000Z'],
  ])('reads %s', (text, iso) => expect(parseIsoDate(text)?.toISOString()).toBe(iso));

  it.each(['2024-13-45', '2024-02-30', '2023-02-29', '2024-04-31', '2024-00-10', '2024-12-00', '2024-12-16T25:00',
    '2024-12-16T10:60', '2024-12-16T10:00+15:00', '1900-02-29', '16/12/2024', '2024-1-6', '2024-12-16x', ''])(
    'rejects %j',
    (text) => expect(parseIsoDate(text)).toBeUndefined(),
  );
});

describe('formatDate', () => {
  it('shows a date without time as day month year', () => {
    expect(formatDate(new Date(Date.UTC(2024, 11, 16)))).toBe('16 December 2024');
  });
  it('adds the time of day with its zone when there is one', () => {
    expect(formatDate(new Date(Date.UTC(2025, 0, 20, 9, 30)))).toBe('20 January 2025, 09:30 UTC');
  });
  it('formats in the article language', () => {
    expect(formatDate(new Date(Date.UTC(2024, 11, 16)), 'ar')).toMatch(/ديسمبر/);
    expect(formatDate(new Date(Date.UTC(2024, 11, 16)), 'he')).toMatch(/דצמבר/);
  });
  it('writes Hebrew as Intl does, with the month after its preposition, in the Gregorian calendar and Latin digits', () => {
    expect(formatDate(new Date(Date.UTC(2024, 2, 5)), 'he')).toBe('5 במרץ 2024');
    expect(formatDate(new Date(Date.UTC(2024, 2, 5)), 'he')).toBe(new Intl.DateTimeFormat('he', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 2, 5))));
    expect(formatDate(new Date(Date.UTC(2024, 2, 5, 14, 5)), 'he')).toBe('5 במרץ 2024, 14:05 UTC');
  });
  it('falls back to English for a language neither date-fns nor Intl knows', () => {
    expect(formatDate(new Date(Date.UTC(2024, 11, 16)), 'xx')).toBe('16 December 2024');
  });
  it('writes Intl\'s long date, in Latin digits, for a language without a date-fns locale here', () => {
    expect(formatDate(new Date(Date.UTC(2024, 11, 16)), 'es')).toBe('16 de diciembre de 2024');
    expect(formatDate(new Date(Date.UTC(2024, 11, 16)), 'de')).toBe('16. Dezember 2024');
    expect(formatDate(new Date(Date.UTC(2024, 11, 16)), 'ja')).toBe('2024年12月16日');
  });
  it('counts years in the Gregorian calendar where Intl would use another (Thai Buddhist years, a -u-ca- tag)', () => {
    expect(formatDate(new Date(Date.UTC(2024, 2, 5)), 'th')).toBe('5 มีนาคม ค.ศ. 2024');
    expect(formatDate(new Date(Date.UTC(2024, 2, 5)), 'he-u-ca-hebrew')).toBe('5 במרץ 2024');
  });
});

describe('datetimeAttribute', () => {
  it('is the bare date for a date without time', () => {
    expect(datetimeAttribute(new Date(Date.UTC(2024, 11, 16)))).toBe('2024-12-16');
  });
  it('is the full ISO instant for a date-time', () => {
    expect(datetimeAttribute(new Date(Date.UTC(2025, 0, 20, 9, 30)))).toBe('2025-01-20T09:30:00.000Z');
  });
  it('keeps the offset the article wrote, even at midnight there', () => {
    expect(datetimeAttribute(parseIsoDate('2025-06-12T14:30:00+02:00')!, 120)).toBe('2025-06-12T14:30:00+02:00');
    expect(datetimeAttribute(parseIsoDate('2025-06-12T00:00:00+02:00')!, 120)).toBe('2025-06-12T00:00:00+02:00');
    expect(datetimeAttribute(parseIsoDate('2025-06-12T14:30:00+02:00')!)).toBe('2025-06-12T12:30:00.000Z');
  });
});

describe('dates at the offset they were written with', () => {
  it.each([
    ['2025-06-12T14:30:00+02:00', 120],
    ['2025-01-20T09:30-05:30', -330],
    ['2025-01-20T09:30:00+00:00', 0],
    ['2025-01-20T09:30:00Z', undefined],
    ['2025-01-20T09:30:00', undefined],
    ['2025-01-20', undefined],
  ])('%s was written at %s minutes east of UTC', (text, offset) => expect(writtenOffset(text)).toBe(offset));

  it.each([
    ['2025-06-12T14:30:00+02:00', '2025-06-12T14:30:00+02:00', 'Thu, 12 Jun 2025 14:30:00 +0200'],
    ['2025-01-20T09:30:15.250-05:30', '2025-01-20T09:30:15.250-05:30', 'Mon, 20 Jan 2025 09:30:15 -0530'],
    ['2025-01-01T01:00:00+14:00', '2025-01-01T01:00:00+14:00', 'Wed, 01 Jan 2025 01:00:00 +1400'],
    ['2024-12-31T23:30:00+00:00', '2024-12-31T23:30:00+00:00', 'Tue, 31 Dec 2024 23:30:00 +0000'],
  ])('%s is ISO 8601 %s and RFC 822 %s', (text, iso, rfc822) => {
    const date = parseIsoDate(text)!;
    expect(isoDateTime(date, writtenOffset(text))).toBe(iso);
    expect(rfc822DateTime(date, writtenOffset(text))).toBe(rfc822);
    // The same instant: only the way it is written differs.
    expect(new Date(iso).getTime()).toBe(date.getTime());
    expect(new Date(rfc822).getTime()).toBe(Math.floor(date.getTime() / 1000) * 1000);
  });

  it('is UTC, exactly as before, when no offset was written', () => {
    const date = parseIsoDate('2025-06-12T12:30:00Z')!;
    expect(isoDateTime(date)).toBe('2025-06-12T12:30:00.000Z');
    expect(rfc822DateTime(date)).toBe('Thu, 12 Jun 2025 12:30:00 GMT');
  });
});
