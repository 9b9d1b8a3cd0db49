// One Content-Security-Policy worker thread of the pool in src/integrations/page-policies.ts: scans each page it is
// sent (its UTF-8 bytes) and answers with the policy <meta> and where it goes in those bytes (not the whole page back),
// and how long that took. Runs in plain Node with type stripping.
import { policyEditBytes } from './csp.ts';

export default function scan({ page, html }: { page: string; html: Uint8Array }) {
  const started = performance.now();
  const edit = policyEditBytes(html, page);
  return { ...edit, ms: performance.now() - started };
}
