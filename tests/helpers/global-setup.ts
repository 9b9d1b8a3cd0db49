import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite } from '../../scripts/build.mjs';
import { FIXTURE_ARTICLES, FIXTURE_AUTHORS, INVALID_ARTICLES, SCHEDULED_MARK, SCHEDULED_SLUG, SCREENSHOTS, XSS_ARTICLES } from './paths';
import { ensureChromium } from './chromium';
import { writeNewsroom } from './newsroom-fixtures';
import { startPhotoHost, writeInvalidPhotoArticles, writePhotoArticles } from './photo-fixtures';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The site built from content/articles plus tests/fixtures/articles. */
    distDir: string;
    /** What the build of tests/fixtures/invalid printed, its exit code, and the folder it must not have written. */
    invalidBuild: { code: number; output: string; outDir: string };
    chromiumPath: string;
    /** The site built from the generated newsroom fixture set alone (tests/helpers/newsroom-fixtures.ts). */
    newsroomDist: string;
    /** The site built from tests/fixtures/xss (hostile articles) and what the build printed. */
    xssBuild: { distDir: string; output: string };
    /** The site built from the seed plus the photo articles (tests/helpers/photo-fixtures.ts). */
    photoDist: string;
    /** The photo error corpus: its folder, what the build printed and its exit code, and what each file must say. */
    invalidPhotos: { articles: string; imageHosts: string; code: number; output: string; expected: Record<string, string[]> };
  }
}

/** Every test build is made for this origin, whatever SITE_URL or CI the environment has (tests/helpers/site-files.ts). */
const ORIGIN = { SITE_URL: 'http://localhost:4321' };

export default async function setup(project: TestProject) {
  const work = await mkdtemp(join(tmpdir(), 'reader-test-'));
  await mkdir(SCREENSHOTS, { recursive: true });
  const chromium = ensureChromium();

  // The published articles plus the test fixtures (a second article, a draft, …), in one content folder.
  const articles = join(work, 'articles');
  await cp(`${project.config.root}/content/articles`, articles, { recursive: true });
  await cp(FIXTURE_ARTICLES, articles, { recursive: true });
  // A scheduled article, written here because its date must be in the future of every run: 30 days after now.
  const scheduledFor = new Date(Date.now() + 30 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  await writeFile(join(articles, `${SCHEDULED_SLUG}.md`), [
    '---', `title: "Test fixture: ${SCHEDULED_MARK} article scheduled for later"`, 'source: The Reader test desk', `desk: ${SCHEDULED_MARK} Desk`,
    `location: ${SCHEDULED_MARK}ville`, `published: ${scheduledFor}`, 'author: A. Tester', `tags: [${SCHEDULED_MARK}, Iran]`, '---',
    `This ${SCHEDULED_MARK} article must appear nowhere before its time.`, '',
  ].join('\n'));
  const distDir = join(work, 'dist');
  const site = await buildSite({ outDir: distDir, env: { ...ORIGIN, ARTICLES_DIR: articles, AUTHORS_DIR: FIXTURE_AUTHORS }, quiet: true });
  if (site.code !== 0) throw new Error(`The test site did not build:\n${site.output}`);

  // Hostile articles (the XSS corpus) must build, with every vector neutralised.
  const xssDir = join(work, 'xss-dist');
  const xss = await buildSite({ outDir: xssDir, env: { ...ORIGIN, ARTICLES_DIR: XSS_ARTICLES }, quiet: true });
  if (xss.code !== 0) throw new Error(`The XSS corpus did not build:\n${xss.output}`);

  // A build of invalid articles must fail and leave the previous site in its folder untouched.
  const invalidOut = join(work, 'previous-dist');
  await mkdir(invalidOut);
  await writeFile(join(invalidOut, 'index.html'), '<p>previous site</p>');
  const invalid = await buildSite({ outDir: invalidOut, env: { ...ORIGIN, ARTICLES_DIR: INVALID_ARTICLES }, quiet: true });

  project.provide('distDir', distDir);
  project.provide('invalidBuild', { code: invalid.code, output: invalid.output, outDir: invalidOut });
  // A generated newsroom (dozens of articles across desks, places, tags and months) for listings and search.
  const newsroom = join(work, 'newsroom');
  await writeNewsroom(newsroom);
  const newsroomDist = join(work, 'newsroom-dist');
  // Its search index in parts of 10 article pages (src/search/shards.ts), so the search page merges several.
  const newsroomSite = await buildSite({ outDir: newsroomDist, env: { ...ORIGIN, ARTICLES_DIR: newsroom, SEARCH_SHARD_PAGES: '10' }, quiet: true });
  if (newsroomSite.code !== 0) throw new Error(`The newsroom test site did not build:\n${newsroomSite.output}`);
  project.provide('newsroomDist', newsroomDist);

  // Photographs: the seed plus photo articles, one of them from a local stand-in for a photo agency's host.
  const photoHost = await startPhotoHost();
  const photoArticles = join(work, 'photo-articles');
  await cp(`${project.config.root}/content/articles`, photoArticles, { recursive: true });
  await writePhotoArticles(photoArticles, photoHost.base);
  const photoDist = join(work, 'photo-dist');
  const photoSite = await buildSite({ outDir: photoDist, env: { ...ORIGIN, ARTICLES_DIR: photoArticles, IMAGE_HOSTS: photoHost.base }, quiet: true });
  if (photoSite.code !== 0) throw new Error(`The photo test site did not build:\n${photoSite.output}`);
  project.provide('photoDist', photoDist);
  const invalidPhotoArticles = join(work, 'invalid-photos');
  const expected = await writeInvalidPhotoArticles(invalidPhotoArticles, photoHost.base);
  const invalidPhotos = await buildSite({ outDir: join(work, 'invalid-photos-dist'), env: { ...ORIGIN, ARTICLES_DIR: invalidPhotoArticles, IMAGE_HOSTS: photoHost.base }, quiet: true });
  project.provide('invalidPhotos', { articles: invalidPhotoArticles, imageHosts: photoHost.base, code: invalidPhotos.code, output: invalidPhotos.output, expected });

  project.provide('chromiumPath', await chromium);
  project.provide('xssBuild', { distDir: xssDir, output: xss.output });
  return async () => {
    photoHost.server.close();
    await rm(work, { recursive: true, force: true });
  };
}
