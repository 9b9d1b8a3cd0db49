import { availableParallelism } from 'node:os';
import { Worker, type MessagePort } from 'node:worker_threads';
import { unified, type UnifiedProcessorOptions } from '@astrojs/markdown-remark';

/** What Astro's renderer returns for one body (the `createRenderer` contract of a Markdown processor). */
type Rendered = Awaited<ReturnType<Awaited<ReturnType<ReturnType<typeof unified>['createRenderer']>>['render']>>;
/** The settings Astro passes to `createRenderer` (image service, syntax highlighting, …). */
type Shared = Parameters<ReturnType<typeof unified>['createRenderer']>[0];
type RenderOptions = { frontmatter?: Record<string, unknown>; fileURL?: URL };
type Job = { resolve: (value: Rendered) => void; reject: (error: Error) => void; message: { id: number; content: string; frontmatter: Record<string, unknown>; fileURL?: string } };

/** How long idle workers stay up after the last body, before they are stopped and their memory freed. */
const IDLE_MS = 300;

/**
 * Renders bodies on worker threads, each running Astro's own renderer (`unified(options).createRenderer`, the same
 * plugins), so a build renders Markdown on every core while Astro's main thread reads, validates and stores
 * entries. Astro's glob loader keeps ten files in flight, which keeps the workers busy. Workers start with the
 * first body and stop when idle, so they hold no memory during page generation.
 */
class RenderPool {
  #workers: Array<{ worker: Worker; busy: number }> = [];
  #queue: Job[] = [];
  #pending = new Map<number, { job: Job; slot: { worker: Worker; busy: number } }>();
  #nextId = 0;
  #idleTimer: ReturnType<typeof setTimeout> | undefined;

  readonly #workerUrl: URL;
  readonly #threads: number;
  readonly #shared: Shared;

  constructor(workerUrl: URL, threads: number, shared: Shared) {
    this.#workerUrl = workerUrl;
    this.#threads = threads;
    this.#shared = shared;
  }

  render(content: string, options: RenderOptions = {}): Promise<Rendered> {
    clearTimeout(this.#idleTimer);
    return new Promise((resolve, reject) => {
      const message = { id: this.#nextId++, content, frontmatter: options.frontmatter ?? {}, fileURL: options.fileURL?.href };
      this.#queue.push({ resolve, reject, message });
      this.#dispatch();
    });
  }

  #dispatch(): void {
    while (this.#queue.length) {
      if (this.#workers.length < this.#threads) this.#spawn();
      // Two bodies in flight per worker, so a worker never waits for the main thread between bodies.
      const slot = this.#workers.reduce((a, b) => (b.busy < a.busy ? b : a));
      if (slot.busy >= 2) return;
      const job = this.#queue.shift()!;
      slot.busy++;
      this.#pending.set(job.message.id, { job, slot });
      slot.worker.postMessage(job.message);
    }
  }

  #spawn(): void {
    const worker = new Worker(this.#workerUrl, { workerData: { shared: this.#shared } });
    const slot = { worker, busy: 0 };
    worker.unref();
    worker.on('message', ({ id, result, error }: { id: number; result?: Rendered; error?: string }) => {
      const pending = this.#pending.get(id)!;
      this.#pending.delete(id);
      slot.busy--;
      if (error !== undefined) pending.job.reject(new Error(error));
      else pending.job.resolve(result!);
      this.#dispatch();
      if (this.#pending.size === 0 && this.#queue.length === 0) this.#idleTimer = setTimeout(() => this.#stop(), IDLE_MS).unref();
    });
    worker.on('error', (error) => this.#fail(slot, error));
    worker.on('exit', (code) => {
      if (this.#workers.includes(slot)) this.#fail(slot, new Error(`Markdown worker exited with code ${code}`));
    });
    this.#workers.push(slot);
  }

  /** A worker died: the bodies it held fail (each names its file in Astro's log), the others go on. */
  #fail(slot: { worker: Worker; busy: number }, error: Error): void {
    this.#workers = this.#workers.filter((s) => s !== slot);
    for (const [id, pending] of this.#pending) {
      if (pending.slot !== slot) continue;
      this.#pending.delete(id);
      pending.job.reject(error);
    }
    this.#dispatch();
  }

  #stop(): void {
    const workers = this.#workers;
    this.#workers = [];
    for (const { worker } of workers) void worker.terminate();
  }
}

/**
 * A Markdown processor for Astro's `markdown.processor` setting: `unified(options)` from @astrojs/markdown-remark,
 * run on worker threads in production builds on a machine with more than one core (MARKDOWN_THREADS=1 turns them off). `workerUrl` is a module that
 * calls `serveRenders(options)` with the same options. In `astro dev`, in tests and on one core it is exactly
 * `unified(options)`, in this thread.
 */
export function parallelUnified(options: UnifiedProcessorOptions, workerUrl: URL, threads = Number(process.env.MARKDOWN_THREADS) || availableParallelism()) {
  const inner = unified(options);
  return {
    ...inner,
    async createRenderer(shared: Shared) {
      // Workers get the settings that cross a thread; a syntax highlighter's config may hold functions, so a
      // site that turns one on renders in this thread.
      if (process.env.NODE_ENV !== 'production' || threads < 2 || shared.syntaxHighlight) return inner.createRenderer(shared);
      return new RenderPool(workerUrl, threads, { image: shared.image, syntaxHighlight: false, gfm: shared.gfm, smartypants: shared.smartypants } as Shared);
    },
  };
}

/**
 * The worker side: renders each body it is sent with `unified(options)` and posts the result back.
 * Called from the worker module (src/lib/markdown-worker.ts).
 */
export async function serveRenders(options: UnifiedProcessorOptions, port: MessagePort, shared: Shared): Promise<void> {
  const renderer = await unified(options).createRenderer(shared);
  port.on('message', async ({ id, content, frontmatter, fileURL }: Job['message']) => {
    try {
      const result = await renderer.render(content, { frontmatter, fileURL: fileURL ? new URL(fileURL) : undefined });
      port.postMessage({ id, result });
    } catch (error) {
      port.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
    }
  });
}
