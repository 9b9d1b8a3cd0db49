import { describe, expect, it } from 'vitest';
import { compressedSizes, inlineScripts } from '../../../scripts/lib/page-weight.mjs';

describe('page weight helpers', () => {
  it('counts raw, gzip and brotli bytes, brotli smallest on text', () => {
    const sizes = compressedSizes(Buffer.from('<p>news</p>'.repeat(200)));
    expect(sizes.raw).toBe(2200);
    expect(sizes.brotli).toBeLessThan(sizes.gzip);
    expect(sizes.gzip).toBeLessThan(100);
  });
  it('finds inline scripts but not external ones or JSON-LD data', () => {
    const html = '<script>a()</script><script src="/x.js"></script><script type="application/ld+json">{"a":1}</script><script type="module">b()</script>';
    expect(inlineScripts(html)).toEqual(['a()', 'b()']);
  });
});
