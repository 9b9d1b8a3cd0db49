// One image worker: loads the fonts once, renders its share of the cards, writes each PNG into the cache.
// Runs in plain Node (type stripping), so it imports the renderer with its .ts extension.
import { rename, writeFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { loadFonts, renderSocialImage, type SocialCard } from '../sharing/social-image.ts';

const { jobs } = workerData as { jobs: Array<{ slug: string; card: SocialCard; file: string }> };
const fonts = await loadFonts();
for (const job of jobs) {
  const start = performance.now();
  const png = await renderSocialImage(job.card, fonts);
  // Write then rename, so an interrupted build never leaves a half-written PNG in the cache.
  await writeFile(`${job.file}.${process.pid}.tmp`, png);
  await rename(`${job.file}.${process.pid}.tmp`, job.file);
  parentPort!.postMessage({ slug: job.slug, ms: performance.now() - start });
}
