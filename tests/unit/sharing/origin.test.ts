import { describe, expect, it } from 'vitest';
import { LOCAL_ORIGIN, resolveOrigin, unsetOriginProblem } from '../../../src/sharing/origin';

describe('resolveOrigin', () => {
  it('takes SITE_URL over the committed setting, without its trailing slash', () => {
    expect(resolveOrigin('https://news.example/', 'https://other.example')).toEqual({ url: 'https://news.example' });
    expect(resolveOrigin(undefined, 'https://other.example')).toEqual({ url: 'https://other.example' });
    expect(resolveOrigin('  ', 'https://other.example:8443')).toEqual({ url: 'https://other.example:8443' });
  });

  it('falls back to localhost when neither is set, and says so', () => {
    const origin = resolveOrigin(undefined, undefined);
    expect(origin.url).toBe(LOCAL_ORIGIN);
    expect(origin.unset).toMatch(/^SITE_URL is not set/);
    expect(resolveOrigin('', '').unset).toBeDefined();
  });

  it.each([
    ['news.example', 'is not a URL'],
    ['http://', 'is not a URL'],
    ['ftp://news.example', 'must start with https:// or http://'],
    ['https://news.example/?a=1', 'must be an origin alone'],
    ['https://user:pw@news.example', 'must be an origin alone'],
    ['https://news.example/news/', 'has a path (/news/)'],
  ])('refuses SITE_URL=%s, naming SITE_URL', (value, message) => {
    expect(() => resolveOrigin(value, undefined)).toThrow(new RegExp(`^SITE_URL: "${value.replace(/[?.*+/]/g, '\\$&')}" .*${message.replace(/[()?.*+/]/g, '\\$&')}`));
  });

  it('names the committed setting when that is the invalid one', () => {
    expect(() => resolveOrigin(undefined, 'https://news.example/x')).toThrow(/^SITE\.url \(src\/site\.ts\): /);
  });
});

describe('unsetOriginProblem', () => {
  const unset = resolveOrigin(undefined, undefined);
  it('warns in one line on a build without CI', () => {
    const { warning, error } = unsetOriginProblem(unset, undefined);
    expect(error).toBeUndefined();
    expect(warning).toContain('SITE_URL');
    expect(warning).not.toContain('\n');
  });
  it('fails a build with CI set', () => {
    expect(unsetOriginProblem(unset, 'true').error).toMatch(/CI is set, so the build stops/);
    expect(unsetOriginProblem(unset, '1').error).toBeDefined();
  });
  it('says nothing once an origin is set', () => {
    expect(unsetOriginProblem(resolveOrigin('https://news.example', undefined), 'true')).toEqual({});
  });
});
