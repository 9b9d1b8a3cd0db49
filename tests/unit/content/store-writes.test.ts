// Astro's store is written 500 ms after its last change: holdingStoreWrites (src/content/loader.ts) keeps a sync
// from writing it in its middle. This runs Astro's own store (its internal module: the test fails when Astro
// changes how it saves, which is when the hold must be looked at again).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MutableDataStore } from '../../../node_modules/astro/dist/content/mutable-data-store.js';
import { holdingStoreWrites } from '../../../src/content/loader.ts';

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
/** Blocks the event loop, as a synchronous check or render does. */
const busy = (ms: number) => { for (const end = performance.now() + ms; performance.now() < end;); };

describe("Astro's store written once per sync", () => {
  let folder = '';
  beforeAll(async () => { folder = await mkdtemp(join(tmpdir(), 'store-writes-')); });
  afterAll(() => rm(folder, { recursive: true, force: true }));

  /** A store on disk, its meta store for `articles`, and the number of times it has been written so far. */
  async function store(name: string) {
    const data = await MutableDataStore.fromFile(pathToFileURL(join(folder, `${name}.json`)));
    const writes = vi.spyOn(data, 'writeToDisk');
    const written = () => writes.mock.results.length;
    return { data, meta: data.metaStore('articles'), written };
  }
  /** A sync as Astro runs one: its metadata changed at the start, then 1.4 s of reading and checking, then entries. */
  async function sync(data: MutableDataStore) {
    data.metaStore().set('astro-version', 'x');
    await sleep(700);
    busy(700);
    await sleep(0);
    data.set('articles', 'a', { id: 'a' });
  }

  it('without the hold, Astro writes the whole store in the middle of a long sync', async () => {
    const { data, written } = await store('plain');
    await sync(data);
    expect(written()).toBeGreaterThanOrEqual(1);
  });

  it('with it, not before the sync ends; then once, without the mark', async () => {
    const { data, meta, written } = await store('held');
    await holdingStoreWrites(meta, async () => {
      await sync(data);
      await sleep(700);
      expect(written()).toBe(0);
    });
    await data.waitUntilSaveComplete();
    expect(written()).toBe(1);
    expect(meta.has('sync-in-progress')).toBe(false);
    expect(data.get('articles', 'a')).toEqual({ id: 'a' });
  });
});
