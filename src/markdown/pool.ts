import { availableParallelism } from 'node:os';
import { unified, type UnifiedProcessorOptions } from '@astrojs/markdown-remark';
import { serveJobs, WorkerPool } from '../build/worker-pool.ts';

type Renderer = Awaited<ReturnType<ReturnType<typeof unified>['createRenderer']>>;
/** What Astro's renderer returns for one body. */
type Rendered = Awaited<ReturnType<Renderer['render']>>;
/** The settings Astro passes to `createRenderer` (image service, syntax highlighting, …). */
type Shared = Parameters<ReturnType<typeof unified>['createRenderer']>[0];
interface Job {
  content: string;
  frontmatter: Record<string, unknown>;
  fileURL?: string;
}

/**
 * A Markdown processor for Astro's `markdown.processor` setting: `unified(options)` from @astrojs/markdown-remark,
 * run on worker threads in production builds on a machine with more than one core (MARKDOWN_THREADS=1 turns
 * them off). Each worker runs Astro's own renderer with the same plugins (`workerUrl` calls `serveRenders`), so
 * the build renders Markdown on every core while Astro's main thread reads, validates and stores entries (the
 * articles loader sends each body as soon as its file is checked). In `astro dev`, in tests and on one core
 * it is exactly `unified(options)`, in this thread.
 */
export function parallelUnified(options: UnifiedProcessorOptions, workerUrl: URL, threads = Number(process.env.MARKDOWN_THREADS) || availableParallelism()) {
  const inner = unified(options);
  return {
    ...inner,
    async createRenderer(shared: Shared): Promise<Renderer> {
      // Workers get the settings that cross a thread; a syntax highlighter's config may hold functions, so a
      // site that turns one on renders in this thread.
      if (process.env.NODE_ENV !== 'production' || threads < 2 || shared.syntaxHighlight) return inner.createRenderer(shared);
      const pool = new WorkerPool<Job, Rendered>(workerUrl, threads, { image: shared.image, gfm: shared.gfm, smartypants: shared.smartypants, syntaxHighlight: false });
      return {
        render: (content, renderOptions) => pool.run({ content, frontmatter: renderOptions?.frontmatter ?? {}, fileURL: renderOptions?.fileURL?.href }),
      };
    },
  };
}

/** The worker side: renders each body it is sent with `unified(options)`. Called by src/markdown/worker.ts. */
export async function serveRenders(options: UnifiedProcessorOptions, shared: Shared): Promise<void> {
  const renderer = await unified(options).createRenderer(shared);
  serveJobs(({ content, frontmatter, fileURL }: Job) => renderer.render(content, { frontmatter, fileURL: fileURL ? new URL(fileURL) : undefined }));
}
