import { describe, expect, it } from 'vitest';
import { buildLogFilter } from '../../../scripts/lib/build-log.mjs';

/** What `astro build` printed for a one-article site: pages rendered concurrently, so the list came out interleaved. */
const ASTRO_LOG = `16:36:05 [build] Rearranging server assets...

 generating static routes 
16:36:09 [WARN] [content] The collection "authors" does not exist or is empty. Please check your content config file for errors.
16:36:09   ├─ /404.html16:36:09   ├─ /archive/index.html16:36:09   ├─ /articles/warned/index.html16:36:09   ├─ /rss.xml (+857ms) 
16:36:09   ├─ /search/index.html (+881ms) 
16:36:11   ├─ /archive/2024/03/index.html (+203ms) 
 (+141ms) 
 (+55ms) 
16:36:11   ├─ /index.html (cached)
16:36:11 ✓ Completed in 2.72s.

 generating optimized images 
16:36:12   ▶ /_astro/lead.Hc1.webp (before: 310kB, after: 42kB) (+120ms) (1/2)
16:36:12   ▶ /_astro/lead.Hc1.avif (reused cache entry) (+2ms) (2/2)
16:36:12 ✓ Completed in 130ms.

16:36:11 [build] ✓ Completed in 5.81s.
content/articles/warned.md: unsafe or unsupported markup removed from the body: <script> (line 11)
16:36:18 [build] 8 page(s) built in 20.94s
`;

/** The filter's output for `text` given in chunks of `size` characters, as a pipe delivers it. */
function filtered(text: string, size: number): string {
  const filter = buildLogFilter();
  let out = '';
  for (let i = 0; i < text.length; i += size) out += filter.push(text.slice(i, i + size));
  return out + filter.end();
}

describe('the build log', () => {
  it.each([1, 7, 64, 100_000])('has one count in place of the lists of pages and images (chunks of %i)', (size) => {
    expect(filtered(ASTRO_LOG, size)).toBe(`16:36:05 [build] Rearranging server assets...

16:36:09 [WARN] [content] The collection "authors" does not exist or is empty. Please check your content config file for errors.
16:36:11 [build] 7 pages and files written in 2.72s

16:36:12 [build] 2 optimized images written in 130ms

16:36:11 [build] ✓ Completed in 5.81s.
content/articles/warned.md: unsafe or unsupported markup removed from the body: <script> (line 11)
16:36:18 [build] 8 page(s) built in 20.94s
`);
  });

  it('reads the lists in colour too, and keeps a warning glued to a route line', () => {
    const log = ' \x1b[42m\x1b[30m generating static routes \x1b[39m\x1b[49m\n16:00:00   \x1b[34m├─\x1b[39m \x1b[2m/a/index.html\x1b[22m16:00:00 [WARN] [x] a.md: something\n \x1b[32m(+3ms)\x1b[39m\n16:00:01 \x1b[32m✓ Completed in 10ms.\x1b[39m\nlast line without its end';
    expect(filtered(log, 5)).toBe('16:00:00 [WARN] [x] a.md: something\n16:00:01 [build] 1 page or file written in 10ms\nlast line without its end\n');
  });

  it('leaves a log without lists as it was', () => {
    const log = '16:00:00 [content] Syncing content\n3 problems in 2 article files:\n  content/articles/a.md: title: is required\n';
    expect(filtered(log, 3)).toBe(log);
  });
});
