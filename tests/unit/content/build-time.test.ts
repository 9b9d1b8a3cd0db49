import { describe, expect, it, vi } from 'vitest';
import { buildTime, buildTimeEnv, isPublic, isScheduled, parseBuildTime, startBuildTime } from '../../../src/content/build-time';
import { isPublished } from '../../../src/content/articles';

const at = (iso: string) => new Date(iso);
const article = (published: string, draft = false) => ({ draft, published: at(published) });

describe('the build time', () => {
  it('is the moment SOURCE_DATE_EPOCH names, in whole seconds since 1970 UTC', () => {
    expect(parseBuildTime('1735689600')).toEqual(at('2025-01-01T00:00:00Z'));
    expect(parseBuildTime(' 0 ')).toEqual(at('1970-01-01T00:00:00Z'));
    expect(startBuildTime('1735689600')).toEqual(at('2025-01-01T00:00:00Z'));
  });
  it('is now, in whole seconds, when SOURCE_DATE_EPOCH is unset or empty', () => {
    expect(parseBuildTime(undefined)).toBeUndefined();
    expect(parseBuildTime('')).toBeUndefined();
    const before = Math.floor(Date.now() / 1000) * 1000;
    const now = startBuildTime(undefined).getTime();
    expect(now % 1000).toBe(0);
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });
  it.each(['yesterday', '1735689600.5', '-1', '2025-01-01', '1e9'])('refuses SOURCE_DATE_EPOCH=%s in one line naming it', (value) => {
    expect(() => parseBuildTime(value)).toThrow(new RegExp(`^SOURCE_DATE_EPOCH: "${value.replace('.', '\\.')}" is not a time: expected whole seconds since 1970-01-01 UTC`));
  });
  it('is one moment for the whole of a build, but the moment of each page load in astro dev', () => {
    vi.useFakeTimers();
    try {
      vi.setSystemTime(at('2025-06-01T12:00:00.400Z'));
      const build = buildTime(false);
      expect(buildTime(true)).toEqual(at('2025-06-01T12:00:00Z'));
      vi.setSystemTime(at('2025-06-03T08:15:30Z'));
      // A dev server started two days ago: its pages see the time they are loaded at, the build still its start.
      expect(buildTime(true)).toEqual(at('2025-06-03T08:15:30Z'));
      expect(buildTime(false)).toEqual(build);
      vi.stubEnv('SOURCE_DATE_EPOCH', '1735689600');
      expect(buildTime(true)).toEqual(at('2025-01-01T00:00:00Z'));
    } finally {
      vi.unstubAllEnvs();
      vi.useRealTimers();
    }
  });
  it('is handed on to the processes a build starts as SOURCE_DATE_EPOCH', () => {
    expect(buildTimeEnv(at('2025-01-01T00:00:00Z'))).toEqual({ SOURCE_DATE_EPOCH: '1735689600' });
    expect(parseBuildTime(buildTimeEnv(at('2031-07-04T12:30:09Z')).SOURCE_DATE_EPOCH)).toEqual(at('2031-07-04T12:30:09Z'));
  });
});

describe('scheduled articles', () => {
  const now = at('2025-06-01T12:00:00Z');
  it('are those published after the build time, to the second', () => {
    expect(isScheduled(article('2025-06-01T12:00:01Z'), now)).toBe(true);
    expect(isScheduled(article('2026-01-01'), now)).toBe(true);
    expect(isScheduled(article('2025-06-01T12:00:00Z'), now)).toBe(false);
    expect(isScheduled(article('2025-06-01T11:59:59Z'), now)).toBe(false);
  });
  it('are left out of production builds, like drafts, until a build after their time', () => {
    expect(isPublic(article('2025-06-02'), true, now)).toBe(false);
    expect(isPublic(article('2025-06-02'), true, at('2025-06-02T00:00:00Z'))).toBe(true);
    expect(isPublic(article('2025-05-01', true), true, now)).toBe(false);
    expect(isPublic(article('2025-05-01'), true, now)).toBe(true);
    expect(isPublished({ data: article('2025-06-02') } as never, true, now)).toBe(false);
    expect(isPublished({ data: article('2025-05-01') } as never, true, now)).toBe(true);
  });
  it('are shown by astro dev, like drafts', () => {
    expect(isPublic(article('2025-06-02'), false, now)).toBe(true);
    expect(isPublished({ data: article('2025-06-02', true) } as never, false, now)).toBe(true);
  });
});
