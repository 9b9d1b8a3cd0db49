// The social images of a built site. The integration (src/integrations/social-images.ts) runs this file as a child
// process once Astro has written the pages:  node src/sharing/social-images.ts <project root> <site folder> <cache dir>
// It runs in plain Node (type stripping): the modules it imports name their .ts files.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import Tinypool from 'tinypool';
import { readArticleIndex } from '../content/article-index.ts';
import { buildTime } from '../content/build-time.ts';
import { linkFile } from '../integrations/cache-files.ts';
import { deskSpellings, siteCard, socialCard, socialImageKey } from './social-card.ts';
import { FONT_FILES, type SocialCard } from './social-image.ts';

/** A fingerprint of the renderer: its source (and the WOFF reader's), the satori and resvg versions and the font bytes. */
async function rendererVersion(root: string): Promise<string> {
  const require = createRequire(join(root, 'package.json'));
  const hash = createHash('sha256');
  for (const module of ['./social-image.ts', './woff.ts']) hash.update(await readFile(new URL(module, import.meta.url)));
  for (const pkg of ['satori', '@resvg/resvg-js']) hash.update(`${pkg}@${(require(`${pkg}/package.json`) as { version: string }).version}`);
  for (const { file } of FONT_FILES) hash.update(await readFile(require.resolve(file)));
  return hash.digest('hex');
}

/**
 * Each image worker's young generation (where V8 makes short-lived objects), in MiB. A card makes many short-lived
 * strings and buffers and keeps none, and V8 lets a thread's young generation grow to tens of megabytes and keeps it.
 * This step's process on 10,000 generated articles (2 workers, 30 s a run): 750 to 766 MiB resident with V8's
 * default, 504 to 525 MiB with 24 MiB, making as many images in the time (2,103 to 2,566 against 2,215 to 2,251).
 */
export const IMAGE_WORKER_LIMITS = { maxYoungGenerationSizeMb: 24 };

/**
 * Gives every built article of the site in `out` its 1200x630 social image at /articles/<slug>/og.png (and the site
 * its own at /og.png, for the pages that are not articles), from the
 * article index the loader wrote into Astro's cache folder `cacheDir`. Images are cached in
 * node_modules/.cache/social-images (SOCIAL_IMAGE_CACHE points elsewhere) by a hash of what is drawn and of the
 * renderer, so an unchanged article is never rendered twice; the rest render on worker threads, one per core.
 * Logs one summary line and returns it.
 */
export async function renderSocialImages(root: string, out: string, cacheDir: string, log: (message: string) => void): Promise<string> {
  const started = performance.now();
  const cache = process.env.SOCIAL_IMAGE_CACHE || join(root, 'node_modules/.cache/social-images');
  await mkdir(cache, { recursive: true });
  const version = await rendererVersion(root);
  const job = (name: string, card: SocialCard) => ({ name, card, file: join(cache, `${socialImageKey(card, version)}.png`) });
  const built = (await readArticleIndex(cacheDir)).filter(({ slug }) => existsSync(join(out, 'articles', slug, 'index.html')));
  const desk = deskSpellings(built.map(({ data }) => data));
  // The build's time, asked once: in plain Node each ask reads Vite's environment object and catches its absence (this
  // step at 10,000 articles, all from the cache: 1.6 to 1.7 s asking per card, 1.3 to 1.4 s asking once).
  const now = buildTime();
  const jobs = built.map(({ slug, data }) => job(`articles/${slug}/og.png`, socialCard(data, now, desk(data.desk))));
  jobs.push(job('og.png', siteCard()));
  const misses = jobs.filter((job) => !existsSync(job.file));
  if (misses.length) {
    const threads = Math.min(availableParallelism(), misses.length);
    const pool = new Tinypool({ filename: new URL('./social-image-worker.ts', import.meta.url).href, minThreads: threads, maxThreads: threads, resourceLimits: IMAGE_WORKER_LIMITS });
    try {
      // One line for the whole step (below), not one per image: a cold build of 10,000 articles would print 10,000.
      await Promise.all(misses.map(({ card, file }) => pool.run({ card, file })));
    } finally {
      await pool.destroy();
    }
  }
  // Into the site as hard links to the cached files (src/integrations/cache-files.ts): 5,001 copies of about 60 kB.
  for (const { name, file } of jobs) linkFile(file, join(out, name));
  const summary = `${jobs.length} social images (${misses.length} rendered, ${jobs.length - misses.length} from cache) in ${Math.round(performance.now() - started)} ms`;
  log(summary);
  return summary;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [root, out, cacheDir] = process.argv.slice(2);
  if (!root || !out || !cacheDir) {
    console.error('usage: node src/sharing/social-images.ts <project root> <site folder> <Astro cache folder>');
    process.exit(2);
  }
  await renderSocialImages(root, out, cacheDir, (message) => console.log(message));
}
