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
    // Lines of the file: the link of line 10 comes after a frontmatter of 7 lines.
    expect(xss.output).toMatch(/xss-markdown-syntax\.md: unsafe or unsupported markup removed from the body: href="javascript:alert\('md-1'\)" on <a> \(line 10\)/);
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

describe('feeds of the hostile articles', () => {
  it('hold no character XML forbids, typed or as a reference, so every feed stays well-formed', async () => {
    // tests/fixtures/xss/xss-control-characters.md types U+0007, U+001F and U+000B and writes &#1; and &#x1F;.
    const forbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|&#(?:x0*(?:[0-8bcef]|1[0-9a-f])|0*(?:[0-8]|1[124-9]|2[0-9]|3[01]));/i;
    for (const file of ['rss.xml', 'atom.xml', 'feed.json', 'articles/xss-control-characters/index.html']) {
      const text = await readFile(join(xss.distDir, file), 'utf8');
      expect(text, file).toContain('typed into the text');
      expect(forbidden.exec(text)?.[0], file).toBeUndefined();
    }
    expect(xss.output).toMatch(/xss-control-characters\.md: body: removed 5 characters that feeds cannot carry: U\+0007 \(line 8\), U\+001F \(line 8\), U\+000B \(line 8\), U\+0001 \(line 10\), U\+001F \(line 10\)/);
  });

  it('RSS descriptions are plain text escaped for HTML, then XML: a feed reader shows markup as text', async () => {
    const { XMLParser } = await import('fast-xml-parser');
    const rss = new XMLParser().parse(await readFile(join(xss.distDir, 'rss.xml'), 'utf8'));
    const descriptions: string[] = rss.rss.channel.item.map((i: { description: string }) => String(i.description));
    expect(descriptions.length).toBeGreaterThan(0);
    // After the XML layer is read, what is left is HTML text: no tag can open, every < is an entity.
    for (const description of descriptions) expect(description).not.toMatch(/[<>]/);
    expect(descriptions.some((d) => /&#60;|&lt;/.test(d))).toBe(true);
  });

  it('JSON Feed and Atom content is the sanitized body: no script, no event handler, no dangerous URL', async () => {
    const { XMLParser } = await import('fast-xml-parser');
    const { load } = await import('cheerio');
    const feed = JSON.parse(await readFile(join(xss.distDir, 'feed.json'), 'utf8'));
    const atom = new XMLParser({ ignoreAttributes: false }).parse(await readFile(join(xss.distDir, 'atom.xml'), 'utf8'));
    const bodies: string[] = [
      ...feed.items.map((item: { content_html: string }) => item.content_html),
      ...[atom.feed.entry].flat().map((entry: { content: { '#text': string } }) => entry.content['#text']),
    ];
    expect(bodies.length).toBeGreaterThan(2);
    for (const html of bodies) {
      const $ = load(html);
      expect($('script, iframe, object, embed, form, style')).toHaveLength(0);
      $('*').each((_, el) => {
        for (const [name, value] of Object.entries((el as { attribs: Record<string, string> }).attribs)) {
          expect(/^on/i.test(name), `${name}=${value}`).toBe(false);
          if (URL_ATTRIBUTES.includes(name)) expect(isDangerousUrl(value), `${name}=${value}`).toBe(false);
        }
      });
    }
  });
});
