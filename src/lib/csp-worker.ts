// One Content-Security-Policy worker thread (see src/integrations/page-policies.ts): secures each page it is
// sent and says how long that took. Runs in plain Node with type stripping.
import { securePage } from './csp.ts';
import { serveJobs } from './worker-pool.ts';

serveJobs(({ page, html }: { page: string; html: string }) => {
  const started = performance.now();
  return { ...securePage(html, page), ms: performance.now() - started };
});
