import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite } from '../../scripts/build.mjs';
import { FIXTURE_ARTICLES, FIXTURE_AUTHORS, INVALID_ARTICLES, SCREENSHOTS, XSS_ARTICLES } from './paths';
import { ensureChromium } from './chromium';
import { writeNewsroom } from './newsroom-fixtures';

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
  }
}

export default async function setup(project: TestProject) {
  const work = await mkdtemp(join(tmpdir(), 'reader-test-'));
  await mkdir(SCREENSHOTS, { recursive: true });
  const chromium = ensureChromium();

  // The published articles plus the test fixtures (a second article, a draft, …), in one content folder.
  const articles = join(work, 'articles');
  await cp(`${project.config.root}/content/articles`, articles, { recursive: true });
  await cp(FIXTURE_ARTICLES, articles, { recursive: true });
  const distDir = join(work, 'dist');
  const site = await buildSite({ outDir: distDir, env: { ARTICLES_DIR: articles, AUTHORS_DIR: FIXTURE_AUTHORS }, quiet: true });
  if (site.code !== 0) throw new Error(`The test site did not build:\n${site.output}`);

  // Hostile articles (the XSS corpus) must build, with every vector neutralised.
  const xssDir = join(work, 'xss-dist');
  const xss = await buildSite({ outDir: xssDir, env: { ARTICLES_DIR: XSS_ARTICLES }, quiet: true });
  if (xss.code !== 0) throw new Error(`The XSS corpus did not build:\n${xss.output}`);

  // A build of invalid articles must fail and leave the previous site in its folder untouched.
  const invalidOut = join(work, 'previous-dist');
  await mkdir(invalidOut);
  await writeFile(join(invalidOut, 'index.html'), '<p>previous site</p>');
  const invalid = await buildSite({ outDir: invalidOut, env: { ARTICLES_DIR: INVALID_ARTICLES }, quiet: true });

  project.provide('distDir', distDir);
  project.provide('invalidBuild', { code: invalid.code, output: invalid.output, outDir: invalidOut });
  // A generated newsroom (dozens of articles across desks, places, tags and months) for listings and search.
  const newsroom = join(work, 'newsroom');
  await writeNewsroom(newsroom);
  const newsroomDist = join(work, 'newsroom-dist');
  const newsroomSite = await buildSite({ outDir: newsroomDist, env: { ARTICLES_DIR: newsroom }, quiet: true });
  if (newsroomSite.code !== 0) throw new Error(`The newsroom test site did not build:\n${newsroomSite.output}`);
  project.provide('newsroomDist', newsroomDist);

  project.provide('chromiumPath', await chromium);
  project.provide('xssBuild', { distDir: xssDir, output: xss.output });
  return async () => {
    await rm(work, { recursive: true, force: true });
  };
}
