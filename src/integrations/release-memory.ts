import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { AstroIntegration } from 'astro';

type Collect = (options: { type: 'major'; execution: 'sync'; flavor: 'last-resort' }) => void;
let collect: Collect | undefined;

/**
 * Collects the garbage of this process's JavaScript heap and gives the freed memory back to the system; returns the
 * process's resident memory before and after, in MiB, and the time it took. V8's `gc()` function (as
 * jest-leak-detector takes it): a "last resort" collection is the one that also returns the pages V8 keeps pooled
 * for reuse.
 */
export function releaseMemory(): { before: number; after: number; ms: number } {
  const started = performance.now();
  const before = process.memoryUsage().rss;
  if (!collect) {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as Collect;
  }
  collect({ type: 'major', execution: 'sync', flavor: 'last-resort' });
  return { before: Math.round(before / 2 ** 20), after: Math.round(process.memoryUsage().rss / 2 ** 20), ms: Math.round(performance.now() - started) };
}

/**
 * Astro integration for builds: gives back the memory of the steps that are over at the two points where the most
 * of it is garbage. V8 lets its heap grow to several times what is alive while the content syncs and the pages
 * render, and keeps it until the process is idle for a while; the steps that follow in this process (the pages; the
 * social images and the search index, which start processes of their own) would add their memory to it. At 10,000
 * generated articles, cold: 1,299 MiB resident as the pages start, 782 MiB after; 1,048 and 867 MiB once they are
 * written; 0.3 to 0.7 s each (BENCHMARKS.md).
 */
export function releasingMemory(): AstroIntegration {
  const release = (step: string, logger: { info: (message: string) => void }) => {
    const { before, after, ms } = releaseMemory();
    logger.info(`${step}: ${before} MiB resident, ${after} MiB after collecting the garbage (${ms} ms).`);
  };
  return {
    name: 'release-memory',
    hooks: {
      'astro:build:start': ({ logger }) => release('Content synced', logger),
      'astro:build:done': ({ logger }) => release('Pages written', logger),
    },
  };
}
