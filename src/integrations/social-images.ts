import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import type { AstroIntegration } from 'astro';
import { readArticleIndex } from '../content/article-index.ts';
import { socialCard, socialImageKey } from '../sharing/social-card.ts';
import { FONT_FILES, type SocialCard } from '../sharing/social-image.ts';

interface Job {
  slug: string;
  card: SocialCard;
  /** The cached PNG. */
  file: string;
}

/** A fingerprint of the renderer: its source, the satori and resvg versions and the font bytes. */
async function rendererVersion(root: string): Promise<string> {
  const require = createRequire(join(root, 'package.json'));
  const hash = createHash('sha256');
  hash.update(await readFile(join(root, 'src/sharing/social-image.ts')));
  for (const pkg of ['satori', '@resvg/resvg-js']) hash.update(`${pkg}@${(require(`${pkg}/package.json`) as { version: string }).version}`);
  for (const { file } of FONT_FILES) hash.update(await readFile(require.resolve(file)));
  return hash.digest('hex');
}

/** Renders the jobs across worker threads, one per core at most; logs the time of each image. */
async function renderAll(jobs: Job[], workerFile: URL, log: (message: string) => void): Promise<void> {
  const threads = Math.min(availableParallelism(), jobs.length);
  await Promise.all(Array.from({ length: threads }, (_, t) => new Promise<void>((done, fail) => {
    const share = jobs.filter((_, i) => i % threads === t);
    const worker = new Worker(workerFile, { workerData: { jobs: share } });
    worker.on('message', ({ slug, ms }: { slug: string; ms: number }) => log(`rendered ${slug}/og.png in ${Math.round(ms)} ms`));
    worker.on('error', fail);
    worker.on('exit', (code) => (code === 0 ? done() : fail(new Error(`social image worker exited with code ${code}`))));
  })));
}

/**
 * Gives every built article of the site in `out` its 1200x630 social image at /articles/<slug>/og.png. Images are
 * cached in node_modules/.cache/social-images by a hash of what is drawn and of the renderer, so an unchanged
 * article is never rendered twice; the rest render in parallel. Logs each image and returns the summary line.
 */
export async function renderSocialImages(root: string, out: string, log: (message: string) => void): Promise<string> {
  const started = performance.now();
  // SOCIAL_IMAGE_CACHE lets the benchmark start from an empty cache (a cold build) without touching this one.
  const cache = process.env.SOCIAL_IMAGE_CACHE || join(root, 'node_modules/.cache/social-images');
  await mkdir(cache, { recursive: true });
  const version = await rendererVersion(root);
  const jobs = (await readArticleIndex(root))
    .filter(({ slug }) => existsSync(join(out, 'articles', slug, 'index.html')))
    .map(({ slug, data }): Job => {
      const card = socialCard(data);
      return { slug, card, file: join(cache, `${socialImageKey(card, version)}.png`) };
    });
  const misses = jobs.filter((job) => !existsSync(job.file));
  if (misses.length) await renderAll(misses, new URL('src/integrations/social-image-worker.ts', pathToFileURL(`${root}/`)), log);
  await Promise.all(jobs.map((job) => copyFile(job.file, join(out, 'articles', job.slug, 'og.png'))));
  const summary = `${jobs.length} social images (${misses.length} rendered, ${jobs.length - misses.length} from cache) in ${Math.round(performance.now() - started)} ms`;
  log(summary);
  return summary;
}

/**
 * Astro integration: social images after `astro build` (renderSocialImages). scripts/build.mjs (`npm run build`)
 * sets SOCIAL_IMAGES_AFTER_BUILD and renders them itself once Astro has exited, so that the image workers never
 * share the machine's memory with Astro's (BENCHMARKS.md).
 */
export function socialImages(): AstroIntegration {
  let root = '';
  return {
    name: 'social-images',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (process.env.SOCIAL_IMAGES_AFTER_BUILD) return;
        await renderSocialImages(root, fileURLToPath(dir), (message) => logger.info(message));
      },
    },
  };
}
