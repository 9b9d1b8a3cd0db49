import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { checkArticle, PLACEHOLDER } from '../../src/content/article-file';
import { INVALID_ARTICLES, ROOT } from '../helpers/paths';

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
    expect(checked.raw.body.trim()).toBe(PLACEHOLDER);
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

// Each check runs its own processes on its own files: they run at once (the file's 19 s were the slowest of npm run test:unit).
describe.concurrent('the article check of npm run check', () => {
  it('reports every problem of every invalid file at once, without building', async () => {
    const result = await npm(['check:articles'], { ARTICLES_DIR: INVALID_ARTICLES });
    expect(result.code).not.toBe(0);
    const files = await readdir(INVALID_ARTICLES);
    expect(result.out).toMatch(new RegExp(`\\d+ problems in ${files.length} article files:`));
    for (const file of files) expect(result.out).toContain(`tests/fixtures/invalid/${file}: `);
  });

  it('notes drafts (and their placeholder) and scheduled articles with their time, and refuses a published placeholder', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'reader-notes-'));
    const made = await npm(['new', '--', 'Harbour talks resume', '--desk', 'World Desk', '--location', 'Oslo', '--source', 'The Reader', '--dir', folder]);
    expect(made.code).toBe(0);
    const later = (await readFile(join(folder, 'harbour-talks-resume.md'), 'utf8')).replace(/published: .*/, 'published: 2030-03-01T08:00:00Z').replace('draft: true\n', '').replace(PLACEHOLDER, 'The talks resume on Monday.');
    await writeFile(join(folder, 'port-vote.md'), later);
    // The build time is fixed, as a reproducible build fixes it: 1 January 2030.
    const env = { ARTICLES_DIR: folder, SOURCE_DATE_EPOCH: String(Date.UTC(2030, 0, 1) / 1000) };
    const result = await npm(['check:articles'], env);
    expect(result).toMatchObject({ code: 0 });
    expect(result.out.split('\n').slice(1, 4)).toEqual([
      '2 notes (not published now):',
      expect.stringMatching(/harbour-talks-resume\.md: draft: left out of production builds until the draft line is deleted; line 9 still holds the placeholder of npm run new$/),
      expect.stringMatching(/port-vote\.md: scheduled for 2030-03-01T08:00:00Z: left out of builds before that time, published by the first build after it$/),
    ]);
    // The draft line deleted with the placeholder still in place: an error naming the file and the line.
    const file = join(folder, 'harbour-talks-resume.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace('draft: true\n', ''));
    const refused = await npm(['check:articles'], env);
    expect(refused.code).not.toBe(0);
    expect(refused.out).toMatch(/harbour-talks-resume\.md: body: line 8 still holds the placeholder of npm run new \("Write the first paragraph of the story here\."\)/);
    await rm(folder, { recursive: true, force: true });
  }, 120_000);

  it('stops at a time zone, language or build time that is wrong, in one line naming the setting, before any article', async () => {
    const zone = await npm(['check:articles'], { SITE_TIME_ZONE: 'Europe/Lodnon' });
    expect(zone.code).not.toBe(0);
    expect(zone.out.trim()).toBe('SITE_TIME_ZONE: "Europe/Lodnon" is not a time zone this Node.js knows: expected an IANA time zone name such as UTC, Europe/London or America/New_York');
    const time = await npm(['check:articles'], { SOURCE_DATE_EPOCH: '2025-01-01' });
    expect(time.code).not.toBe(0);
    expect(time.out.trim()).toMatch(/^SOURCE_DATE_EPOCH: "2025-01-01" is not a time: expected whole seconds since 1970-01-01 UTC, like \d+$/);
    const lang = await npm(['check:articles'], { SITE_LANG: 'ar_EG' });
    expect(lang.code).not.toBe(0);
    expect(lang.out.trim()).toBe('SITE_LANG: "ar_EG" is not a BCP 47 language tag such as en, ar or pt-BR');
  }, 90_000);

  it('passes the published articles', async () => {
    const result = await npm(['check:articles']);
    expect(result).toMatchObject({ code: 0 });
    expect(result.out).toMatch(/\d+ article files? checked in content\/articles: no problems\./);
  });
});
