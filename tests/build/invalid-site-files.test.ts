import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../scripts/build.mjs';
import { INVALID_AUTHORS, INVALID_PAGES, ROOT } from '../helpers/paths';
import { reportLines, runContentCheck } from '../helpers/content-check';

// Site pages (content/pages/) and authors (content/authors/) are checked like articles, by the same function in the
// build and in `npm run check`. Each invalid folder is built with the published articles; the build stops while the
// content is read (seconds), so the two builds are made here rather than in the global setup.
const work = await mkdtemp(join(tmpdir(), 'reader-invalid-site-files-'));
afterAll(() => rm(work, { recursive: true, force: true }));

/** One invalid folder: the build's environment naming it, and what its report must say (file, field, message). */
interface Case {
  env: Record<string, string>;
  folder: string;
  noun: string;
  expected: [file: string, field: string, message: string][];
}

describe.each<Case>([
  {
    env: { PAGES_DIR: INVALID_PAGES },
    folder: INVALID_PAGES,
    noun: 'site page',
    expected: [
      ['typo-key.md', 'role', 'unknown field "role": did you mean "roles"? (allowed: title, description, roles, order)'],
      ['bad-values.md', 'title', 'title must not be empty'],
      ['bad-values.md', 'description', 'expected description as text'],
      ['bad-values.md', 'roles.1', 'expected a list of: publishingPrinciples, correctionsPolicy, ethicsPolicy, masthead'],
      ['bad-values.md', 'order', 'expected a number'],
      ['tags.md', 'slug (file name)', '"tags" is taken by the site\'s own routes'],
      ['latin-1.md', 'encoding', 'line 2 is not UTF-8 (byte 0xE9)'],
      ['empty-body.md', 'body', 'the site page has no text after the frontmatter'],
      ['with-photo.md', 'body', 'line 7: photographs belong to articles'],
      ['notes.txt', 'file name', 'site page files are Markdown files <slug>.md directly in the folder'],
    ],
  },
  {
    env: { AUTHORS_DIR: INVALID_AUTHORS },
    folder: INVALID_AUTHORS,
    noun: 'author',
    expected: [
      ['bad-links.md', 'links.0', 'expected an absolute http:// or https:// URL'],
      ['bad-links.md', 'links.1', 'expected an absolute http:// or https:// URL'],
      ['typo-key.md', 'nmae', 'unknown field "nmae" (allowed: name, links)'],
      ['typo-key.md', 'name', 'expected name as text'],
      ['broken-yaml.md', 'frontmatter', 'line 2: the name opens a quotation mark (") that is never closed'],
      ['Cap_Name.md', 'slug (file name)', '"Cap_Name" must be lowercase a-z, 0-9 and single hyphens, e.g. jane-doe.md'],
    ],
  },
])('invalid $noun files', ({ env, folder, noun, expected }) => {
  const prefix = `${relative(ROOT, folder)}/`;
  const outDir = join(work, `dist-${noun.replace(' ', '-')}`);
  const built = (async () => {
    const build = await buildSite({ outDir, env: { SITE_URL: 'http://localhost:4321', ASTRO_CACHE_DIR: join(work, `cache-${noun.replace(' ', '-')}`), ...env }, quiet: true });
    return { ...build, lines: reportLines(build.output, prefix) };
  })();

  it('fail the build, naming every file of the folder and no stack trace', { timeout: 300_000 }, async () => {
    const build = await built;
    expect(build.code).not.toBe(0);
    const files = await readdir(folder);
    for (const file of files) expect(build.lines.some((l) => l.startsWith(`${prefix}${file}: `)), file).toBe(true);
    expect(build.output).toMatch(new RegExp(`^${build.lines.length} problems in ${files.length} ${noun} files:$`, 'm'));
    expect(build.output).not.toMatch(/Stack trace|\n\s+at /);
    await expect(readFile(join(outDir, 'index.html'))).rejects.toThrow();
  });

  it.each(expected)('%s: names the field %s and says what is wrong', { timeout: 300_000 }, async (file, field, message) => {
    expect((await built).lines).toContainEqual(expect.stringContaining(`${prefix}${file}: ${field}: ${message}`));
  });

  it('are judged alike by npm run check and the build: the same problems, line for line', { timeout: 300_000 }, async () => {
    const check = await runContentCheck(env);
    expect(check.code).toBe(1);
    expect(reportLines(check.out, prefix).length).toBeGreaterThanOrEqual(expected.length);
    expect(reportLines(check.out, prefix)).toEqual((await built).lines);
  });
});
