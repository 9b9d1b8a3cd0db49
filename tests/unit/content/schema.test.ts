import { z } from 'astro/zod';
import { describe, expect, it, vi } from 'vitest';
import { collectionSchema } from '../../../src/content/schema';
import { checkArticle, formatIssues } from '../../../src/content/article-file';
import { isRtl } from '../../../src/format/language';

const valid = {
  title: 'Harbour strike ends',
  source: 'Test Wire',
  desk: 'City Desk',
  location: 'Haifa',
  published: '2024-12-16',
};

/** An article file as an editor would write it: YAML lines, then a body. */
function file(fields: Record<string, string>, body = 'The strike ended on Monday.\n'): string {
  return `---\n${Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join('\n')}\n---\n${body}`;
}

function problems(fields: Record<string, string>, body?: string, name = 'content/articles/harbour-strike.md') {
  return checkArticle(name, file(fields, body)).issues;
}

describe('a valid article', () => {
  it('passes with only the required fields, and gets defaults', () => {
    const { data, issues } = checkArticle('content/articles/harbour-strike.md', file(valid));
    expect(issues).toEqual([]);
    expect(data).toMatchObject({ title: 'Harbour strike ends', lang: 'en', draft: false, tags: [], kind: 'news' });
    expect(data?.published.toISOString()).toBe('2024-12-16T00:00:00.000Z');
  });

  it('is in the site language (SITE_LANG) when it gives none, and keeps the one it gives', async () => {
    vi.stubEnv('SITE_LANG', 'es');
    vi.resetModules();
    try {
      const { checkArticle: checkOnSpanishSite } = await import('../../../src/content/article-file');
      expect(checkOnSpanishSite('content/articles/harbour-strike.md', file(valid)).data?.lang).toBe('es');
      expect(checkOnSpanishSite('content/articles/harbour-strike.md', file({ ...valid, lang: 'ar' })).data?.lang).toBe('ar');
    } finally {
      vi.unstubAllEnvs();
      vi.resetModules();
    }
  });

  it('accepts every optional field', () => {
    const { issues, data } = checkArticle('content/articles/harbour-strike.md', file({
      ...valid,
      description: 'A dek.',
      updated: '2024-12-17T08:15:00+02:00',
      author: 'Dana Levi',
      sourceUrl: 'https://example.org/story',
      tags: '[ports, labour]',
      lang: 'he',
      draft: 'true',
    }));
    expect(issues).toEqual([]);
    expect(data?.updated?.toISOString()).toBe('2024-12-17T06:15:00.000Z');
    expect(data?.tags).toEqual(['ports', 'labour']);
  });

  it('keeps the offset each date-time was written with, by instant, and none for a date, Z or no offset', () => {
    const { data } = checkArticle('content/articles/harbour-strike.md', file({
      ...valid,
      published: '2025-06-12T14:30:00+02:00',
      updated: '2025-06-13T09:00:00-04:00',
      corrections: '[{ date: "2025-06-14T08:00:00+05:30", text: Fixed. }, { date: 2025-06-15T08:00:00Z, text: Again. }]',
    }));
    expect(data?.offsets).toEqual({
      [Date.parse('2025-06-12T12:30:00Z')]: 120,
      [Date.parse('2025-06-13T13:00:00Z')]: -240,
      [Date.parse('2025-06-14T02:30:00Z')]: 330,
    });
    for (const published of ['2025-06-12', '2025-06-12T14:30:00Z', '2025-06-12T14:30:00']) {
      expect(checkArticle('content/articles/harbour-strike.md', file({ ...valid, published })).data).not.toHaveProperty('offsets');
    }
  });
});

describe('each bad case fails and names the file and the field', () => {
  const cases: [string, Record<string, string>, string, RegExp][] = [
    ['a missing title', { ...valid, title: '' }, 'title', /empty|text/],
    ['a title of zero-width spaces', { ...valid, title: '"\u200B\u200B\u2060"' }, 'title', /^title has only invisible characters/],
    ['a title of Hangul fillers and a soft hyphen', { ...valid, title: '"\u3164\u00AD"' }, 'title', /only invisible characters/],
    ['a desk of a zero-width joiner', { ...valid, desk: '"\u200D"' }, 'desk', /only invisible characters/],
    ['a tag of a braille blank', { ...valid, tags: '["\u2800"]' }, 'tags.0', /only invisible characters/],
    ['an absent title', (({ title: _, ...rest }) => rest)(valid), 'title', /is required/],
    ['a missing source', (({ source: _, ...rest }) => rest)(valid), 'source', /is required/],
    ['a missing desk', (({ desk: _, ...rest }) => rest)(valid), 'desk', /is required/],
    ['a missing location', (({ location: _, ...rest }) => rest)(valid), 'location', /is required/],
    ['a typo in a key', { ...(({ published: _, ...rest }) => rest)(valid), publshed: '2024-12-16' }, 'publshed', /^unknown field "publshed": did you mean "published"\? \(allowed: /],
    ['a key in capitals, misspelt', { ...valid, Sourceurl: 'https://example.com/' }, 'Sourceurl', /did you mean "sourceUrl"\?/],
    ['a key far from any field', { ...valid, colour: 'red' }, 'colour', /^unknown field "colour" \(allowed: /],
    ['an unquoted month 13', { ...valid, published: '2024-13-45' }, 'published', /not a real ISO 8601 date/],
    ['an unquoted 30 February', { ...valid, published: '2024-02-30' }, 'published', /"2024-02-30" is not a real/],
    ['a quoted 30 February', { ...valid, published: '"2023-02-29"' }, 'published', /not a real/],
    ['a date in words', { ...valid, published: 'December 16, 2024' }, 'published', /not a real/],
    ['an hour 24', { ...valid, published: '2024-12-16T24:00:00Z' }, 'published', /not a real/],
    ['a date as a number', { ...valid, published: '20241216' }, 'published', /ISO 8601/],
    ['an unknown kind of story', { ...valid, kind: 'Opinions' }, 'kind', /"Opinions" is not a kind of story; expected one of news, analysis, opinion, explainer, review, interview, wire, sponsored/],
    ['updated before published', { ...valid, updated: '2024-12-15' }, 'updated', /not be before published/],
    ['a javascript: sourceUrl', { ...valid, sourceUrl: '"javascript:alert(1)"' }, 'sourceUrl', /http/],
    ['an ftp sourceUrl', { ...valid, sourceUrl: 'ftp://example.org/a' }, 'sourceUrl', /http/],
    ['a relative sourceUrl', { ...valid, sourceUrl: '/news/a' }, 'sourceUrl', /absolute/],
    ['tags as a string', { ...valid, tags: 'iran' }, 'tags', /list of tags/],
    ['draft as a word', { ...valid, draft: 'maybe' }, 'draft', /true or false/],
    ['a title that is a number', { ...valid, title: '1984' }, 'title', /quote it/],
    ['an invalid language tag', { ...valid, lang: 'english language' }, 'lang', /BCP 47/],
    ['a control character in the title', { ...valid, title: '"Harbour\\a strike"' }, 'title', /^contains the invisible control character U\+0007, which feeds cannot carry: remove it$/],
    ['a control character in a tag', { ...valid, tags: '["ok", "bad\\x0B"]' }, 'tags.1', /U\+000B/],
    ['a two-digit year typed as four', { ...valid, published: '0024-12-16' }, 'published', /^"0024-12-16": the year 24 is before 1900 \(did you mean 2024-12-16\?\)$/],
    ['a year before 1900', { ...valid, published: '1850-01-01' }, 'published', /^"1850-01-01": the year 1850 is before 1900$/],
    ['a year far ahead', { ...valid, published: '3024-12-16' }, 'published', /the year 3024 is after \d{4}$/],
    ['a correction dated in year 24', { ...valid, corrections: '[{ date: 0024-12-17, text: Fixed. }]' }, 'corrections.0.date', /did you mean 2024-12-17/],
  ];
  it.each(cases)('%s', (_name, fields, field, message) => {
    const issues = problems(fields);
    expect(issues.length).toBeGreaterThan(0);
    const issue = issues.find((i) => i.field === field);
    expect(issue, JSON.stringify(issues)).toBeDefined();
    expect(issue!.file).toBe('content/articles/harbour-strike.md');
    expect(issue!.message).toMatch(message);
  });

  it.each([['Harbour Strike.md'], ['harbour_strike.md'], ['-harbour.md'], ['harbour--strike.md'], ['Ünïcode.md']])(
    'rejects the file name %s as a slug',
    (name) => {
      const issues = problems(valid, undefined, `content/articles/${name}`);
      expect(issues).toEqual([expect.objectContaining({ file: `content/articles/${name}`, field: 'slug (file name)' })]);
    },
  );

  it('rejects an empty body', () => {
    expect(problems(valid, '\n  \n')).toEqual([expect.objectContaining({ field: 'body', message: expect.stringMatching(/no text/) })]);
  });

  it('rejects a file without frontmatter, and broken YAML, naming the line', () => {
    expect(checkArticle('a.md', 'Just text.').issues).toContainEqual(expect.objectContaining({ field: 'frontmatter' }));
    const broken = checkArticle('a.md', '---\ntitle: "unclosed\nsource: x\n---\nBody').issues;
    expect(broken).toContainEqual(expect.objectContaining({ field: 'frontmatter', message: expect.stringMatching(/^line 2: the title opens a quotation mark/) }));
    const duplicate = checkArticle('a.md', '---\ntitle: a\ntitle: b\n---\nBody').issues;
    expect(duplicate).toContainEqual(expect.objectContaining({ field: 'frontmatter', message: 'line 3: "title" is given twice (lines 2 and 3): keep one' }));
  });

  it('reports every problem of a file at once, one line each', () => {
    const issues = checkArticle('content/articles/Bad Name.md', file({ title: '""', publshed: '2024-02-30' }, '')).issues;
    expect(issues.map((i) => i.field).sort()).toEqual(
      ['body', 'desk', 'location', 'publshed', 'published', 'slug (file name)', 'source', 'title'].sort(),
    );
    expect(formatIssues(issues)).toMatch(/^8 problems in 1 article file:\n {2}content\/articles\/Bad Name\.md: slug/);
  });
});

describe('right-to-left languages', () => {
  it.each([['ar', true], ['he', true], ['fa-IR', true], ['ur', true], ['en', false], ['en-GB', false], ['fr', false]])(
    '%s is right to left: %s',
    (lang, rtl) => expect(isRtl(lang)).toBe(rtl),
  );
});

describe('tags', () => {
  it('are one tag when they differ only in case or spacing (the first spelling stays)', () => {
    const { data } = checkArticle('a.md', file({ ...valid, tags: '[Climate Change, climate  change, CLIMATE CHANGE, C, C++, c]' }));
    expect(data!.tags).toEqual(['Climate Change', 'C', 'C++']);
  });
});

describe("the collection's schema (collectionSchema): images through the entry's image()", () => {
  const fields = { title: 'A headline', source: 'The Reader', desk: 'World Desk', location: 'London', published: '2024-12-16T09:30:00Z' };
  /** An image() as Astro gives one entry: it reads each address, and refuses the ones named missing. */
  const imageOf = (reads: string[]) => () =>
    z.string().transform((src, ctx) => {
      reads.push(src);
      if (src.includes('missing')) ctx.addIssue({ code: 'custom', message: `Image ${src} does not exist.` });
      return `image:${src}`;
    });

  it("gives the lead photograph and the body's figures as the entry's image() read them, and the rest as the contract", async () => {
    const reads: string[] = [];
    const parsed = await collectionSchema({ image: imageOf(reads) }).parseAsync({
      ...fields, image: { src: ' ./lead.jpg ', alt: 'A street' }, figures: ['./one.jpg', 'https://images.example/two.jpg'],
    });
    expect(parsed.image).toEqual({ src: 'image:./lead.jpg', alt: 'A street', decorative: false });
    expect(parsed.figures).toEqual(['image:./one.jpg', 'image:https://images.example/two.jpg']);
    expect(parsed.published).toEqual(new Date('2024-12-16T09:30:00Z'));
    expect(parsed.offsets).toBeUndefined();
    expect(reads.sort()).toEqual(['./lead.jpg', './one.jpg', 'https://images.example/two.jpg']);
  });

  it('has no image key and reads no image for an article without photographs', async () => {
    const reads: string[] = [];
    const parsed = await collectionSchema({ image: imageOf(reads) }).parseAsync({ ...fields, tags: ['Trade', 'trade'] });
    expect('image' in parsed).toBe(false);
    expect(parsed.figures).toEqual([]);
    expect(parsed.tags).toEqual(['Trade']);
    expect(reads).toEqual([]);
  });

  it("reports an image() refusal at the image's field, and the contract's own problems with it", async () => {
    const result = await collectionSchema({ image: imageOf([]) }).safeParseAsync({ ...fields, updated: '2024-12-01', figures: ['./missing.jpg'] });
    expect(result.success).toBe(false);
    const issues = result.error!.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    expect(issues).toContain('updated: must not be before published');
    const failed = await collectionSchema({ image: imageOf([]) }).safeParseAsync({ ...fields, image: { src: './missing.jpg', alt: 'x' } });
    expect(failed.error!.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)).toEqual(['image.src: Image ./missing.jpg does not exist.']);
  });

  it('makes the contract once: each entry only wraps it (the same schema under every call)', () => {
    const [a, b] = [collectionSchema({ image: imageOf([]) }), collectionSchema({ image: imageOf([]) })];
    expect(a).not.toBe(b);
    expect(a.in).toBe(b.in);
  });
});
