import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LoaderContext } from 'astro/loaders';

vi.mock('../../../src/integrations/release-memory.ts', () => ({ releaseMemory: vi.fn(() => ({ before: 2, after: 1, ms: 1 })) }));
// The unit tests share their modules within a worker (vitest.config.ts): fresh modules, imported after the mock, see it.
vi.resetModules();
const { releaseMemory } = await import('../../../src/integrations/release-memory.ts');
const { articleLoader } = await import('../../../src/content/loader.ts');

const article = (n: number) => `---\ntitle: "Story ${n}"\nsource: The Reader\ndesk: World Desk\nlocation: London\npublished: 2024-12-16\n---\nBody ${n}.\n`;

/** Enough of Astro's LoaderContext for a sync: a store, its metadata, parseData, renderMarkdown, digests; `watcher` as in astro dev. */
function fakeContext(root: string, watcher?: unknown) {
  const entries = new Map<string, { id: string }>();
  return {
    config: { root: pathToFileURL(`${root}/`), cacheDir: pathToFileURL(join(root, 'cache/')) },
    store: { keys: () => [...entries.keys()], get: (id: string) => entries.get(id), set: (entry: { id: string }) => entries.set(entry.id, entry), delete: (id: string) => entries.delete(id) },
    meta: new Map<string, string>(),
    parseData: async ({ data }: { data: unknown }) => data,
    renderMarkdown: async (content: string) => ({ html: `<p>${content.length}</p>`, metadata: { frontmatter: {} } }),
    generateDigest: (text: string) => `${text.length}:${text.slice(-40)}`,
    logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
    watcher,
  } as unknown as LoaderContext;
}

let root = '';
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'reader-loader-memory-'));
  await mkdir(join(root, 'content/articles'), { recursive: true });
  for (let n = 1; n <= 5; n++) await writeFile(join(root, `content/articles/story-${n}.md`), article(n));
  vi.mocked(releaseMemory).mockClear();
});
afterEach(() => rm(root, { recursive: true, force: true }));

describe("the loader's garbage collections (src/integrations/release-memory.ts)", () => {
  it('collects every `collectEvery` stored entries and once at the end of a one-off sync (a build, a check)', async () => {
    await articleLoader({ collectEvery: 2 }).load(fakeContext(root));
    // After the 2nd and 4th of 5 entries, then before Astro writes the store.
    expect(vi.mocked(releaseMemory)).toHaveBeenCalledTimes(3);
  });

  it('never collects in astro dev, whose loader syncs again on every change', async () => {
    await articleLoader({ collectEvery: 2 }).load(fakeContext(root, { add: () => undefined, on: () => undefined }));
    expect(vi.mocked(releaseMemory)).not.toHaveBeenCalled();
  });
});
