import { parentPort, Worker } from 'node:worker_threads';

/** How long idle workers stay up after their last job before they are stopped (their memory freed). */
const IDLE_MS = 300;

interface Slot {
  worker: Worker;
  busy: number;
}
interface Job<In, Out> {
  id: number;
  message: In;
  resolve: (value: Out) => void;
  reject: (error: Error) => void;
}

/**
 * A few worker threads running one module (which calls `serveJobs`), fed jobs two at a time each so a worker
 * never waits on the main thread between jobs. Workers start with the first job and stop when idle; they never
 * keep the process alive. Used for Markdown (src/markdown/pool.ts) and page policies (src/integrations).
 */
export class WorkerPool<In, Out> {
  readonly #url: URL;
  readonly #threads: number;
  readonly #workerData: unknown;
  #slots: Slot[] = [];
  #queue: Array<Job<In, Out>> = [];
  /** Jobs sent to a worker, by id, with the worker's slot. */
  #pending = new Map<number, Job<In, Out> & { slot: Slot }>();
  #nextId = 0;
  #idleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(url: URL, threads: number, workerData?: unknown) {
    this.#url = url;
    this.#threads = threads;
    this.#workerData = workerData;
  }

  run(message: In): Promise<Out> {
    clearTimeout(this.#idleTimer);
    return new Promise((resolve, reject) => {
      this.#queue.push({ id: this.#nextId++, message, resolve, reject });
      this.#dispatch();
    });
  }

  /** Stops the workers now. */
  async close(): Promise<void> {
    clearTimeout(this.#idleTimer);
    const slots = this.#slots;
    this.#slots = [];
    await Promise.all(slots.map(({ worker }) => worker.terminate()));
  }

  #dispatch(): void {
    while (this.#queue.length) {
      if (this.#slots.length < this.#threads) this.#spawn();
      const slot = this.#slots.reduce((a, b) => (b.busy < a.busy ? b : a));
      if (slot.busy >= 2) return;
      const job = this.#queue.shift()!;
      slot.busy++;
      this.#pending.set(job.id, { ...job, slot });
      slot.worker.postMessage({ id: job.id, message: job.message });
    }
  }

  #spawn(): void {
    const slot: Slot = { worker: new Worker(this.#url, { workerData: this.#workerData }), busy: 0 };
    slot.worker.unref();
    slot.worker.on('message', ({ id, result, error }: { id: number; result?: Out; error?: string }) => {
      const pending = this.#pending.get(id)!;
      this.#pending.delete(id);
      slot.busy--;
      if (error === undefined) pending.resolve(result!);
      else pending.reject(new Error(error));
      this.#dispatch();
      if (this.#pending.size === 0 && this.#queue.length === 0) this.#idleTimer = setTimeout(() => void this.close(), IDLE_MS).unref();
    });
    slot.worker.on('error', (error) => this.#fail(slot, error));
    slot.worker.on('exit', (code) => this.#fail(slot, new Error(`worker ${this.#url.pathname.split('/').pop()} exited with code ${code}`)));
    this.#slots.push(slot);
  }

  /** A worker died: the jobs it held fail, the others go on (on a new worker if needed). */
  #fail(slot: Slot, error: Error): void {
    if (!this.#slots.includes(slot)) return;
    this.#slots = this.#slots.filter((s) => s !== slot);
    for (const [id, pending] of this.#pending) {
      if (pending.slot !== slot) continue;
      this.#pending.delete(id);
      pending.reject(error);
    }
    this.#dispatch();
  }
}

/** The worker side of a WorkerPool: answers each job with `handle`'s result, or the message of its error. */
export function serveJobs<In, Out>(handle: (message: In) => Out | Promise<Out>): void {
  parentPort!.on('message', async ({ id, message }: { id: number; message: In }) => {
    try {
      parentPort!.postMessage({ id, result: await handle(message) });
    } catch (error) {
      parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
    }
  });
}
