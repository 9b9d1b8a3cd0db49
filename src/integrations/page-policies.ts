import { writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroPrerenderer } from 'astro';
import { applyPolicyEdit, headersFile, type PolicyEdit } from '../security/csp';
import { WorkerPool } from '../build/worker-pool';

/**
 * Astro integration for builds: each page gets its Content-Security-Policy <meta> as Astro renders it, before it
 * is written (policyEdit in src/security/csp.ts: the hashes of the page's own inline scripts and styles). The scans run
 * on worker threads beside Astro's page rendering (instead of reading every page back from disk after the build),
 * and send back only the <meta> and where it goes.
 * A page with markup the policy would block fails the build, naming the page. At the end, `_headers` gets the
 * header policy and the security headers. `astro dev` is untouched.
 */
export function pagePolicies(): AstroIntegration {
  let pool: WorkerPool<{ page: string; html: string }, PolicyEdit & { ms: number }> | undefined;
  let pages = 0;
  let workMs = 0;

  const secure = async (request: Request, response: Response): Promise<Response> => {
    if (!response.body || !response.headers.get('content-type')?.startsWith('text/html')) return response;
    const html = await response.text();
    const { ms, ...edit } = await pool!.run({ page: decodeURI(new URL(request.url).pathname), html });
    pages++;
    workMs += ms;
    return new Response(applyPolicyEdit(html, edit), { status: response.status, statusText: response.statusText, headers: response.headers });
  };

  return {
    name: 'page-policies',
    hooks: {
      'astro:build:start': ({ setPrerenderer }) => {
        // scripts/build.mjs names a folder for the pages' search documents (see searchDocument in src/security/csp.ts).
        pool = new WorkerPool(new URL('../security/csp-worker.ts', import.meta.url), availableParallelism(), { searchDir: process.env.SEARCH_INPUT_DIR });
        // Astro's own prerenderer, with each rendered page passed through `secure` before Astro writes it.
        setPrerenderer((inner: AstroPrerenderer) => ({
          ...inner,
          name: 'page-policies',
          async render(request, options) {
            const result = await inner.render(request, options);
            if (result instanceof Response) return secure(request, result);
            return { ...result, response: await secure(request, result.response) };
          },
        }));
      },
      'astro:build:done': async ({ dir, logger }) => {
        await pool?.close();
        await writeFile(join(fileURLToPath(dir), '_headers'), headersFile());
        logger.info(`Content-Security-Policy: ${pages} pages, ${Math.round(workMs)} ms of scanning on worker threads beside page rendering.`);
      },
    },
  };
}
