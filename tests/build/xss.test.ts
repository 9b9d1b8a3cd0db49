import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { glob } from 'tinyglobby';
import { describe, expect, inject, it } from 'vitest';
import { builtPages, isDangerousUrl, isExecutableScript, URL_ATTRIBUTES, urlsIn } from '../helpers/site-files';
import { XSS_ARTICLES } from '../helpers/paths';

const xss = inject('xssBuild');
const pages = await builtPages(xss.distDir);
const sitePages = await builtPages(inject('distDir'));
const corpus = await Promise.all((await glob('*.md', { cwd: XSS_ARTICLES })).sort().map(async (name) => {
  const text = await readFile(join(XSS_ARTICLES, name), 'utf8');
  return { slug: name.replace(/\.md$/, ''), text, data: parse(text.split(/^---$/m)[1]!) as Record<string, unknown> };
}));

/** The site's own executable scripts, as the ordinary test build has them (inline text, or src): the only ones allowed. */
const knownScripts = new Set(sitePages.flatMap(({ $ }) => $('script').filter((_, s) => isExecutableScript($(s).attr('type'))).map((_, s) => $(s).attr('src') ?? $(s).text()).get()));

describe('the XSS corpus', () => {
  it('has at least 40 vectors, in bodies and in every frontmatter field that takes text', () => {
    const bodyVectors = corpus.map((a) => a.text.split(/^---$/m).slice(2).join('---')).join('\n')
      .split(/\n\s*\n/).filter((block) => /<[a-z!/]|\]\(|^\[.*\]:|<[a-z]+:/im.test(block));
    expect(bodyVectors.length).toBeGreaterThanOrEqual(40);
    for (const field of ['title', 'description', 'source', 'desk', 'location', 'author', 'sourceUrl', 'tags']) {
      expect(corpus.filter((a) => /[<>"']/.test(JSON.stringify(a.data[field] ?? ''))).length, field).toBeGreaterThanOrEqual(3);
    }
  });

  it('builds every hostile article, and the build warns naming each file that lost markup', () => {
    expect(pages.map((p) => p.file)).toEqual(expect.arrayContaining(corpus.map((a) => `articles/${a.slug}/index.html`)));
    for (const slug of ['xss-owasp-filter-evasion', 'xss-dompurify-cases', 'xss-markdown-syntax', 'xss-frontmatter-tags']) {
      expect(xss.output).toMatch(new RegExp(`tests/fixtures/xss/${slug}\\.md: unsafe or unsupported markup removed from the body: .*(?:script|on\\w+=|javascript:)`));
    }
  });
});

describe.each(pages.map((p) => [p.file, p] as const))('built page %s', (_file, { $ }) => {
  it('has no event-handler or style attribute, and no javascript:, vbscript: or data: URL', () => {
    const bad: string[] = [];
    $('*').each((_, el) => {
      for (const [name, value] of Object.entries((el as { attribs: Record<string, string> }).attribs)) {
        if (/^on/i.test(name) || name === 'style') bad.push(`${name}=${value}`);
        if (URL_ATTRIBUTES.includes(name.toLowerCase()) && [value, ...urlsIn(name, value)].some(isDangerousUrl)) bad.push(`${name}=${value}`);
      }
    });
    expect(bad).toEqual([]);
  });

  it('has no frame, object, embed, form, base, meta refresh, stylesheet link or SVG/MathML from an article', () => {
    expect($('iframe, frame, frameset, object, embed, applet, form:not(.search[role="search"][action="/search/"]), base, isindex, meta[http-equiv="refresh" i], link[rel~="stylesheet" i], link[rel~="import" i]').length).toBe(0);
    expect($('.article-body').find('svg, math, style, script, template, input:not([type="checkbox"][disabled]), button, select, textarea').length).toBe(0);
  });

  it("runs no script but the site's own: no foreign script file, no inline script the ordinary build lacks", () => {
    const scripts = $('script').filter((_, s) => isExecutableScript($(s).attr('type')));
    for (const src of scripts.map((_, s) => $(s).attr('src')).get()) expect(src).toMatch(/^\/_astro\/[\w.-]+\.js$/);
    for (const script of scripts.toArray()) expect(knownScripts.has($(script).attr('src') ?? $(script).text())).toBe(true);
    // Data blocks (JSON-LD) must stay data: no raw < or > that could close the element.
    for (const data of $('script').not(scripts).toArray()) expect($(data).text()).not.toMatch(/[<>]/);
  });

  it('keeps the strict Content-Security-Policy meta before anything else in <head> but the charset', () => {
    const policy = $('head > meta').eq(1);
    expect(policy.attr('http-equiv')).toBe('content-security-policy');
    expect(policy.attr('content')).toMatch(/^default-src 'none';.*object-src 'none'.*base-uri 'none'/);
    // 'wasm-unsafe-eval' (the search page's Pagefind) allows WebAssembly only, never script text.
    expect(policy.attr('content')).not.toMatch(/'unsafe-(?:inline|eval|hashes)'/);
  });
});

describe('frontmatter vectors are shown as the text the editor wrote', () => {
  it.each(corpus.filter((a) => a.slug.startsWith('xss-frontmatter')).map((a) => [a.slug, a] as const))('%s', (slug, { data }) => {
    const page = pages.find((p) => p.file === `articles/${slug}/index.html`)!;
    const { $ } = page;
    const clean = (value: unknown) => String(value).trim();
    expect($('h1').text()).toBe(clean(data.title));
    expect($('title').text()).toBe(`${clean(data.title)} | The Reader`);
    expect($('.dek').text()).toBe(clean(data.description));
    // The meta description is the dek with white space (U+2028 included) collapsed to single spaces.
    expect($('meta[name="description"]').attr('content')).toBe(clean(data.description).replace(/\s+/g, ' '));
    // The label is in the article's language ("By", "بقلم", …); the name follows it verbatim.
    expect($('.byline').text()).toMatch(new RegExp(`^\\S+ ${clean(data.author).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
    expect($('.credit').text()).toBe([data.source, data.desk, data.location].map(clean).join(' · '));
    expect($('.source-link a').attr('href')).toBe(clean(data.sourceUrl));
    for (const tag of data.tags as string[]) expect($('.tags').text()).toContain(clean(tag));
  });
});
