import { getHeapStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { releaseMemory } from '../../../src/integrations/release-memory.ts';

const MiB = 2 ** 20;

describe('releasing the memory of finished build steps (releaseMemory)', () => {
  it('collects garbage that had outlived a collection, and gives its pages back', () => {
    // 160 arrays of 1 MiB, alive through one collection (so they sit in the old generation, as a sync's data does).
    let kept: number[][] | undefined = Array.from({ length: 160 }, (_, i) => new Array<number>(MiB / 8).fill(i));
    releaseMemory();
    expect(kept.length).toBe(160);
    kept = undefined;
    const before = getHeapStatistics();
    const { before: rssBefore, after: rssAfter, ms } = releaseMemory();
    const after = getHeapStatistics();
    expect(before.used_heap_size - after.used_heap_size).toBeGreaterThan(150 * MiB);
    expect(before.total_heap_size - after.total_heap_size).toBeGreaterThan(150 * MiB);
    expect(rssAfter).toBeGreaterThan(0);
    expect(rssAfter).toBeLessThan(rssBefore);
    expect(ms).toBeGreaterThanOrEqual(0);
  });
});
