// One Content-Security-Policy worker thread (see src/integrations/page-policies.ts): scans each page it is sent
// and answers with the policy <meta> and where it goes (not the whole page back), and how long that took. With a
// search folder (workerData.searchDir), it also writes each page's search document there, at the page's own path,
// for the Pagefind step of scripts/build.mjs.
// Runs in plain Node with type stripping.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { workerData } from 'node:worker_threads';
import { policyEdit } from './csp.ts';
import { serveJobs } from '../build/worker-pool.ts';

const { searchDir } = (workerData ?? {}) as { searchDir?: string };

serveJobs(async ({ page, html }: { page: string; html: string }) => {
  const started = performance.now();
  const { searchDocument, ...edit } = policyEdit(html, page);
  const ms = performance.now() - started;
  if (searchDir && searchDocument) {
    const file = join(searchDir, page.endsWith('/') ? `${page}index.html` : page);
    await mkdir(join(file, '..'), { recursive: true });
    await writeFile(file, searchDocument);
  }
  return { ...edit, ms };
});
