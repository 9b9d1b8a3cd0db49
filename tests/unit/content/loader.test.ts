import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LoaderContext } from 'astro/loaders';
import { markdownConfigDefaults } from '@astrojs/markdown-remark';
import { articleLoader, articleNotes, loadArticleFiles } from '../../../src/content/loader';
import { PLACEHOLDER } from '../../../src/content/article-file';
import { markdownConfig } from '../../../src/markdown/processor';
import { readArticleIndex } from '../../../src/content/article-index';
// What Astro's renderMarkdown does first (astro/dist/content/content-layer.js).
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';

const article = (title: string, body = 'He said "yes".') =>
  `---\ntitle: "${title}"\nsource: The Reader\ndesk: World Desk\nlocation: London\npublished: 2024-12-16\n---\n${body}\n`;

/** Just enough of Astro's LoaderContext: a store, its metadata, parseData, renderMarkdown as Astro's (frontmatter split off, then the site's processor), digests. */
async function fakeContext(root: string) {
  const entries = new Map<string, Record<string, unknown>>();
  const renderer = await markdownConfig.processor.createRenderer({ ...markdownConfigDefaults, ...markdownConfig } as never);
  let renders = 0;
  const warnings: string[] = [];
  const context = {
    config: { root: pathToFileURL(`${root}/`), cacheDir: pathToFileURL(join(root, 'cache/')) },
    store: {
      keys: () => [...entries.keys()],
      get: (id: string) => entries.get(id),
      set: (entry: Record<string, unknown> & { id: string }) => entries.set(entry.id, entry),
      delete: (id: string) => entries.delete(id),
    },
    meta: new Map<string, string>(),
    parseData: async ({ data }: { data: unknown }) => data,
    renderMarkdown: async (content: string, options?: { fileURL?: URL }) => {
      renders++;
      const { content: body } = parseFrontmatter(content);
      const { code, metadata } = await renderer.render(body, { frontmatter: {}, fileURL: options?.fileURL });
      return { html: code, metadata: { ...metadata, imagePaths: [] } };
    },
    generateDigest: (text: string) => text.length + ':' + text.slice(-40),
    logger: { error: () => undefined, warn: (message: string) => warnings.push(message) },
  };
  return { context: context as unknown as LoaderContext, entries, renders: () => renders, warnings };
}

/** A fresh project root with an empty content/articles for each test. */
let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'reader-loader-'));
  await mkdir(join(root, 'content/articles'), { recursive: true });
});
afterEach(() => rm(root, { recursive: true, force: true }));

describe('the articles loader (one path for dev, check and build)', () => {

  it("stores each article's data and rendered body, and writes the article index", async () => {
    await writeFile(join(root, 'content/articles/harbour-strike.md'), article('Harbour strike ends'));
    const { context, entries } = await fakeContext(root);
    await articleLoader().load(context);
    const entry = entries.get('harbour-strike') as { filePath: string; rendered: { html: string; metadata: { frontmatter: Record<string, unknown> } } };
    expect(entry.filePath).toBe('content/articles/harbour-strike.md');
    expect(entry.rendered.html).toContain('He said “yes”.');
    expect(entry.rendered.metadata.frontmatter).toMatchObject({ wordCount: 3, firstParagraph: 'He said “yes”.' });
    const index = await readArticleIndex(join(root, 'cache'));
    expect(index.map((a) => a.slug)).toEqual(['harbour-strike']);
    expect(index[0]!.data.published).toEqual(new Date('2024-12-16T00:00:00Z'));
  });

  it('does not reuse an entry stored under another site time zone (a date alone is another instant there)', async () => {
    await writeFile(join(root, 'content/articles/a.md'), article('A'));
    const { context, renders } = await fakeContext(root);
    await articleLoader().load(context);
    await articleLoader().load(context);
    expect(renders()).toBe(1);
    vi.stubEnv('SITE_TIME_ZONE', 'Asia/Tokyo');
    vi.resetModules();
    try {
      const inTokyo = await import('../../../src/content/loader');
      await inTokyo.articleLoader().load(context);
      expect(renders()).toBe(2);
      expect((await readArticleIndex(join(root, 'cache')))[0]!.data.published).toEqual(new Date('2024-12-15T15:00:00Z'));
    } finally {
      vi.unstubAllEnvs();
      vi.resetModules();
    }
  });

  it('renders again only what changed, and drops the entries of deleted files', async () => {
    await writeFile(join(root, 'content/articles/a.md'), article('A'));
    await writeFile(join(root, 'content/articles/b.md'), article('B'));
    const { context, entries, renders } = await fakeContext(root);
    await articleLoader().load(context);
    expect(renders()).toBe(2);
    await writeFile(join(root, 'content/articles/a.md'), article('A', 'Edited.'));
    await rm(join(root, 'content/articles/b.md'));
    await articleLoader().load(context);
    expect(renders()).toBe(3);
    expect([...entries.keys()]).toEqual(['a']);
  });

  it('warns with the lines of the file, not of the body, after a frontmatter of many lines', async () => {
    const long = article('Long frontmatter', '\n\nFirst paragraph.\n\n<script>alert(1)</script>\n\nA bell \u0007 here.')
      .replace('published: 2024-12-16\n', 'published: 2024-12-16\ndescription: A description\ntags:\n  - Ports\n  - Labour\nauthor: Ana Lima\n');
    await writeFile(join(root, 'content/articles/long.md'), long);
    const fileLine = (text: string) => long.split('\n').findIndex((l) => l.includes(text)) + 1;
    expect([fileLine('<script>'), fileLine('A bell')]).toEqual([17, 19]);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const { context, warnings } = await fakeContext(root);
      await articleLoader().load(context);
      expect(warn.mock.calls.map((c) => String(c[0]))).toEqual([expect.stringMatching(/content\/articles\/long\.md: unsafe or unsupported markup removed from the body: <script> \(line 17\)$/)]);
      expect(warnings).toEqual(['content/articles/long.md: body: removed 1 character that feeds cannot carry: U+0007 (line 19)']);
    } finally {
      warn.mockRestore();
    }
  });

  it('reports every problem of every file at once and stores nothing', async () => {
    await writeFile(join(root, 'content/articles/good.md'), article('Good'));
    await writeFile(join(root, 'content/articles/no-date.md'), article('No date').replace('published: 2024-12-16\n', ''));
    await writeFile(join(root, 'content/articles/Bad Name.md'), article('Bad name'));
    const { context, entries } = await fakeContext(root);
    await expect(articleLoader().load(context)).rejects.toThrow(/2 problems in 2 article files:\n {2}content\/articles\/Bad Name\.md: slug \(file name\): .*\n {2}content\/articles\/no-date\.md: published: is required$/);
    expect(entries.size).toBe(0);
  });

  it('names a YAML alias bomb, a file that is not UTF-8 and a too deep body, and still reports the other files', async () => {
    const bomb = ['x0: &x0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]', ...Array.from({ length: 8 }, (_, i) => `x${i + 1}: &x${i + 1} [${Array(9).fill(`*x${i}`).join(', ')}]`)];
    await writeFile(join(root, 'content/articles/bomb.md'), article('Bomb').replace('---\ntitle', `---\n${bomb.join('\n')}\ntitle`));
    await writeFile(join(root, 'content/articles/latin.md'), Buffer.from(article('Café').replace('é', '\u00e9'), 'latin1'));
    await writeFile(join(root, 'content/articles/deep.md'), article('Deep', `${'>'.repeat(5000)} deep`));
    await writeFile(join(root, 'content/articles/no-date.md'), article('No date').replace('published: 2024-12-16\n', ''));
    const { context } = await fakeContext(root);
    const error = await articleLoader().load(context).catch((e: Error) => e);
    expect((error as Error).message.split('\n')).toEqual([
      '4 problems in 4 article files:',
      expect.stringMatching(/^ {2}content\/articles\/bomb\.md: frontmatter: it repeats values through &anchors and \*aliases so many times that reading it would take all the memory \(YAML stops there\); write each value out/),
      expect.stringMatching(/^ {2}content\/articles\/deep\.md: body: line 8 nests 5000 levels deep/),
      expect.stringMatching(/^ {2}content\/articles\/latin\.md: encoding: line 2 is not UTF-8 \(byte 0xE9\)/),
      '  content/articles/no-date.md: published: is required',
    ]);
  });

  it('names the file, the line and the address of every link that is not a URL', async () => {
    await writeFile(join(root, 'content/articles/links.md'), article('Links', 'A [broken](http://) link.\n\nFine [one](/about/).\n\nAnother [one](https://[bad]/) here.'));
    const { context, entries } = await fakeContext(root);
    await expect(articleLoader().load(context)).rejects.toThrow([
      'content/articles/links.md: body: line 8: the link address "http://" is not a valid URL',
      '  content/articles/links.md: body: line 12: the link address "https://[bad]/" is not a valid URL',
    ].join('\n'));
    expect(entries.size).toBe(0);
  });

  it('removes the characters feeds cannot carry from a body, typed or in raw HTML, and says where', async () => {
    await writeFile(join(root, 'content/articles/bell.md'), article('Bell', 'One\u0007 bell.\n\nTwo \u001Frefs &#1;here.\n\n<p title="a&#1;b">raw&#x1F; html</p>'));
    const { context, entries, warnings } = await fakeContext(root);
    await articleLoader().load(context);
    const html = (entries.get('bell') as { rendered: { html: string } }).rendered.html;
    expect(html).toContain('One bell.');
    expect(html).toContain('title="ab"');
    expect(html).toContain('raw html');
    // A Markdown character reference to a control character is U+FFFD already (CommonMark).
    expect(html).toContain('Two refs \uFFFDhere.');
    expect(html).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    expect(warnings).toEqual(['content/articles/bell.md: body: removed 4 characters that feeds cannot carry: U+0007 (line 8), U+001F (line 10), U+0001 (line 12), U+001F (line 12)']);
  });

  it('renders a body that opens with a thematic break as Markdown, not as frontmatter', async () => {
    await writeFile(join(root, 'content/articles/rule.md'), article('Rule', '---\n\nBetween the rules.\n\n---\n\nAfter the rule.'));
    const { context, entries } = await fakeContext(root);
    await articleLoader().load(context);
    const html = (entries.get('rule') as { rendered: { html: string } }).rendered.html;
    expect(html).toMatch(/^<hr>/);
    expect(html).toContain('Between the rules.');
    expect(html).toContain('After the rule.');
    expect(await readFile(join(root, 'content/articles/rule.md'), 'utf8')).toContain('---\n\nBetween the rules.');
  });
});

describe('where articles live (the same rule for check, dev and build)', () => {
  const put = async (path: string, text: string) => {
    await mkdir(join(root, 'content/articles', path, '..'), { recursive: true });
    await writeFile(join(root, 'content/articles', path), text);
  };

  it('takes <slug>.md and <slug>/index.md (its images beside it), the slug being the file or folder name', async () => {
    await put('flat-story.md', article('Flat'));
    await put('photo-story/index.md', article('In a folder'));
    await put('photo-story/lead.jpg', 'not read here');
    const { context, entries } = await fakeContext(root);
    await articleLoader().load(context);
    expect([...entries.keys()].sort()).toEqual(['flat-story', 'photo-story']);
    expect((entries.get('photo-story') as { filePath: string }).filePath).toBe('content/articles/photo-story/index.md');
  });

  it('names every file that is in the wrong place, and a slug used twice', async () => {
    await put('dup.md', article('One'));
    await put('dup/index.md', article('Two'));
    await put('desk/other.md', article('Other'));
    await put('a/b/deep.md', article('Deep'));
    await put('notes.txt', 'x');
    const { context } = await fakeContext(root);
    const error = await articleLoader().load(context).then(() => undefined, (e: Error) => e.message);
    expect(error).toContain('content/articles/a/b/deep.md: file name: articles are <slug>.md or <slug>/index.md: nothing deeper');
    expect(error).toContain("content/articles/desk/other.md: file name: an article's folder holds one article, index.md");
    expect(error).toContain('content/articles/dup/index.md: slug: "dup" is also the slug of content/articles/dup.md');
    expect(error).toContain('content/articles/notes.txt: file name: articles must be Markdown files ending in .md, or <slug>/index.md');
  });

  it('skips hidden files and editor backups, with a note for the backups', async () => {
    await put('story.md', article('Story'));
    await put('.draft.md', article('Hidden'));
    await put('story.md~', article('Backup'));
    await put('#story.md#', article('Emacs'));
    const notes: string[] = [];
    const { context, entries } = await fakeContext(root);
    (context.logger as unknown as { info: (m: string) => void }).info = (m) => notes.push(m);
    await articleLoader().load(context);
    expect([...entries.keys()]).toEqual(['story']);
    expect(notes.sort()).toEqual([
      "content/articles/#story.md#: skipped (an editor's backup or swap file, not an article)",
      "content/articles/story.md~: skipped (an editor's backup or swap file, not an article)",
    ]);
  });
});

describe("what npm run check notes and refuses before an article goes out", () => {
  const articles = () => join(root, 'content/articles');
  const scaffolded = (title: string, extra = '') => article(title, `${PLACEHOLDER}\n`).replace('---\n', `---\n${extra}`);

  it('lists drafts and scheduled articles (with their time) as notes, in file order, against the build time', async () => {
    await writeFile(join(articles(), 'old.md'), article('Old'));
    await writeFile(join(articles(), 'later.md'), article('Later').replace('2024-12-16', '2025-07-01T06:30:00+02:00'));
    await writeFile(join(articles(), 'unfinished.md'), scaffolded('Unfinished', 'draft: true\n'));
    await writeFile(join(articles(), 'draft.md'), article('Draft').replace('---\n', '---\ndraft: true\n'));
    const checked = await loadArticleFiles(root, 'content/articles');
    expect(articleNotes(root, checked, new Date('2025-06-01T00:00:00Z'))).toEqual([
      'content/articles/draft.md: draft: left out of production builds until the draft line is deleted',
      'content/articles/later.md: scheduled for 2025-07-01T04:30:00Z: left out of builds before that time, published by the first build after it',
      'content/articles/unfinished.md: draft: left out of production builds until the draft line is deleted; line 9 still holds the placeholder of npm run new',
    ]);
    // A build after its time publishes it: no note.
    expect(articleNotes(root, checked, new Date('2025-07-01T04:30:00Z'))).toHaveLength(2);
  });

  it("refuses an article that would be published holding npm run new's placeholder, naming the file and line", async () => {
    await writeFile(join(articles(), 'forgotten.md'), scaffolded('Forgotten'));
    await writeFile(join(articles(), 'half.md'), article('Half', `First paragraph written.\n\n${PLACEHOLDER}`));
    await writeFile(join(articles(), 'fine.md'), article('Fine'));
    const error = await loadArticleFiles(root, 'content/articles').then(() => undefined, (e: Error) => e.message);
    expect(error?.split('\n')).toEqual([
      '2 problems in 2 article files:',
      `  content/articles/forgotten.md: body: line 8 still holds the placeholder of npm run new ("${PLACEHOLDER}"): write the story there, or keep draft: true until it is written`,
      `  content/articles/half.md: body: line 10 still holds the placeholder of npm run new ("${PLACEHOLDER}"): write the story there, or keep draft: true until it is written`,
    ]);
  });
});
