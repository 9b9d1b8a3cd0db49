import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { checkArticle } from '../../../src/content/article-file';
import { INVALID_ARTICLES, ROOT } from '../../helpers/paths';

const run = promisify(execFile);
const npm = (args: string[], env: Record<string, string> = {}) =>
  run('npm', ['run', '--silent', ...args], { cwd: ROOT, env: { ...process.env, ...env } }).then(
    (r) => ({ code: 0, out: r.stdout + r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
  );
const dir = await mkdtemp(join(tmpdir(), 'reader-new-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('npm run new', () => {
  it('creates <slug>.md that passes the schema, published now, as a draft', async () => {
    const before = Date.now();
    const result = await npm(['new', '--', 'Harbour Strike Ends After 3 Days', '--desk', 'World Desk', '--location', 'São Paulo', '--source', 'The Reader', '--tags', 'Labour, Ports'], { ARTICLES_DIR: dir });
    expect(result.out).toContain('harbour-strike-ends-after-3-days.md');
    expect(result.code).toBe(0);
    const file = join(dir, 'harbour-strike-ends-after-3-days.md');
    const checked = checkArticle('harbour-strike-ends-after-3-days.md', await readFile(file, 'utf8'));
    expect(checked.issues).toEqual([]);
    expect(checked.data).toMatchObject({ title: 'Harbour Strike Ends After 3 Days', desk: 'World Desk', location: 'São Paulo', tags: ['Labour', 'Ports'], draft: true });
    expect(checked.data!.published.getTime()).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
  });

  it('refuses to overwrite a file and names what is missing', async () => {
    const again = await npm(['new', '--', 'Harbour Strike Ends After 3 Days', '--desk', 'D', '--location', 'L', '--source', 'S', '--dir', dir]);
    expect(again.code).not.toBe(0);
    expect(again.out).toContain('already exists');
    const missing = await npm(['new', '--', 'Another', '--dir', dir]);
    expect(missing.out).toContain('missing --desk, --location, --source');
    expect(await readdir(dir)).toEqual(['harbour-strike-ends-after-3-days.md']);
  });

  it('checks --slug as a file name, so nothing is written outside the articles folder', async () => {
    const outside = join(dir, 'sub');
    await mkdir(outside);
    for (const slug of ['../../x', 'a/b']) {
      const result = await npm(['new', '--', 'Headline', '--desk', 'D', '--location', 'L', '--source', 'S', '--slug', slug, '--dir', outside]);
      expect(result.code).not.toBe(0);
      expect(result.out).toContain(`--slug "${slug}" must be lowercase a-z, 0-9 and single hyphens`);
    }
    expect(await readdir(dir)).toEqual(['harbour-strike-ends-after-3-days.md', 'sub']);
    expect(await readdir(outside)).toEqual([]);
  });

  it('answers a bad option with one line of help, not a stack trace', async () => {
    const result = await npm(['new', '--', 'Headline', '--desks', 'World Desk', '--dir', dir]);
    expect(result.code).not.toBe(0);
    expect(result.out).toMatch(/npm run new: Unknown option '--desks'.*\nusage: npm run new -- "Headline"/);
    expect(result.out).not.toMatch(/\n\s+at /);
  });
});

describe('the article check of npm run check', () => {
  it('reports every problem of every invalid file at once, without building', async () => {
    const result = await npm(['check:articles'], { ARTICLES_DIR: INVALID_ARTICLES });
    expect(result.code).not.toBe(0);
    const files = await readdir(INVALID_ARTICLES);
    expect(result.out).toMatch(new RegExp(`\\d+ problems in ${files.length} article files:`));
    for (const file of files) expect(result.out).toContain(`tests/fixtures/invalid/${file}: `);
  });

  it('passes the published articles', async () => {
    const result = await npm(['check:articles']);
    expect(result).toMatchObject({ code: 0 });
    expect(result.out).toMatch(/\d+ article files? checked in content\/articles: no problems\./);
  });
});
