import { availableParallelism } from 'node:os';
import Tinypool from 'tinypool';
import { unified, type UnifiedProcessorOptions } from '@astrojs/markdown-remark';

type Processor = ReturnType<typeof unified>;
type Renderer = Awaited<ReturnType<Processor['createRenderer']>>;
/** The settings Astro passes to `createRenderer` (image service, syntax highlighting, …). */
export type SharedSettings = Parameters<Processor['createRenderer']>[0];
/** One body for a worker: what Astro's renderer takes, as plain data. */
export interface RenderJob {
  content: string;
  frontmatter: Record<string, unknown>;
  fileURL?: string;
}

/**
 * How many bodies a build renders in Astro's thread before it starts the workers. A worker takes about a second to
 * start (it loads the whole Markdown pipeline): the build of one edited article at 10,000 articles waited 1.0 s for
 * the one body it renders, which takes about 15 ms here. Past these few, every body goes to the workers.
 */
export const IN_THREAD_FIRST = 8;

/**
 * A Markdown processor for Astro's `markdown.processor` setting: exactly `unified(options)` from
 * @astrojs/markdown-remark, whose renders run on worker threads (tinypool) in a production build on a machine with
 * more than one core. Each worker (`workerUrl`, see src/markdown/worker.ts) runs Astro's own renderer with the
 * same options, so the articles loader, which asks for every body at once through Astro's `renderMarkdown`, gets
 * them rendered on every core; the first few (`inThreadFirst`) render in this thread with the workers' settings, too
 * few to be worth starting them for. In `astro dev`, in tests, on one core (MARKDOWN_THREADS=1), or with a syntax
 * highlighter (its settings may hold functions, which cannot cross a thread) every body renders in this thread: the
 * same renderer, the same output.
 */
export function parallelUnified(options: UnifiedProcessorOptions, workerUrl: URL, threads = Number(process.env.MARKDOWN_THREADS) || availableParallelism(), inThreadFirst = IN_THREAD_FIRST): Processor {
  const inner = unified(options);
  // One pool per processor. Astro's renderMarkdown creates its renderer on first use without waiting for one being
  // created, so a loader that asks for many bodies at once calls createRenderer many times (1,000 pools of workers
  // at 1,000 articles, until the process runs out of memory): every call gets this one renderer.
  let pooled: Promise<Renderer> | undefined;
  let local: Promise<Renderer> | undefined;
  let pool: Tinypool | undefined;
  let asked = 0;
  return {
    ...inner,
    createRenderer(shared: SharedSettings): Promise<Renderer> {
      if (process.env.NODE_ENV !== 'production' || threads < 2 || shared.syntaxHighlight) return inner.createRenderer(shared);
      // What crosses the thread: the image settings (GFM and smart punctuation are in the processor's own options).
      const settings: SharedSettings = { image: shared.image, syntaxHighlight: false };
      pooled ??= Promise.resolve({
        render: (content, renderOptions) => {
          // The first bodies in this thread, with the workers' settings (see IN_THREAD_FIRST).
          if (++asked <= inThreadFirst) return (local ??= inner.createRenderer(settings)).then((renderer) => renderer.render(content, renderOptions));
          // Idle workers end after a second, so the pool never keeps the build's process alive.
          pool ??= new Tinypool({ filename: workerUrl.href, minThreads: 0, maxThreads: threads, idleTimeout: 1000, concurrentTasksPerWorker: 2, workerData: settings });
          return pool.run({ content, frontmatter: renderOptions?.frontmatter ?? {}, fileURL: renderOptions?.fileURL?.href } satisfies RenderJob);
        },
      });
      return pooled;
    },
  };
}
