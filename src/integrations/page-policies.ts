import { writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Tinypool from 'tinypool';
import type { AstroIntegration, AstroPrerenderer } from 'astro';
import { applyPolicyEditBytes, headersFile, type PolicyEdit } from '../security/csp.ts';

/**
 * Astro integration for builds: each page gets its Content-Security-Policy <meta> as Astro renders it, before it
 * is written (policyEdit in src/security/csp.ts: the hashes of the page's own inline scripts and styles). The scans
 * run on worker threads (src/security/csp-worker.ts) beside Astro's page rendering, and send back only the <meta>
 * and where it goes in the page's bytes. A page with markup the policy would block fails the build, naming the page.
 * At the end, `_headers` gets the header policy and the security headers. `astro dev` is untouched.
 */
export function pagePolicies(): AstroIntegration {
  let pool: Tinypool | undefined;
  let pages = 0;
  let workMs = 0;

  const secure = async (request: Request, response: Response): Promise<Response> => {
    if (!response.body || !response.headers.get('content-type')?.startsWith('text/html')) return response;
    // The page's bytes go to the worker and come back edited in place: no decoding and encoding in this thread.
    const html = new Uint8Array(await response.arrayBuffer());
    const { ms, ...edit } = (await pool!.run({ page: decodeURI(new URL(request.url).pathname), html })) as PolicyEdit & { ms: number };
    pages++;
    workMs += ms;
    return new Response(applyPolicyEditBytes(html, edit), { status: response.status, statusText: response.statusText, headers: response.headers });
  };

  return {
    name: 'page-policies',
    hooks: {
      'astro:build:start': ({ setPrerenderer }) => {
        const threads = availableParallelism();
        pool = new Tinypool({ filename: new URL('../security/csp-worker.ts', import.meta.url).href, minThreads: 0, maxThreads: threads, idleTimeout: 1000, concurrentTasksPerWorker: 2 });
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
        await pool?.destroy();
        await writeFile(join(fileURLToPath(dir), '_headers'), headersFile());
        logger.info(`Content-Security-Policy: ${pages} pages, ${Math.round(workMs)} ms of scanning on worker threads beside page rendering.`);
      },
    },
  };
}
