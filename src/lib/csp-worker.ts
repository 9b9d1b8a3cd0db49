// One Content-Security-Policy worker thread (see src/integrations/page-policies.ts): secures each page it is
// sent and says how long that took. With a search folder (workerData.searchDir), it also writes each page's
// search document there, at the page's own path, for the Pagefind step of scripts/build.mjs.
// Runs in plain Node with type stripping.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { workerData } from 'node:worker_threads';
import { securePage } from './csp.ts';
import { serveJobs } from './worker-pool.ts';

const { searchDir } = (workerData ?? {}) as { searchDir?: string };

serveJobs(async ({ page, html }: { page: string; html: string }) => {
  const started = performance.now();
  const { searchDocument, ...secured } = securePage(html, page);
  const ms = performance.now() - started;
  if (searchDir && searchDocument) {
    const file = join(searchDir, page.endsWith('/') ? `${page}index.html` : page);
    await mkdir(join(file, '..'), { recursive: true });
    await writeFile(file, searchDocument);
  }
  return { ...secured, ms };
});
