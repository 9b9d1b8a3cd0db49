// One Content-Security-Policy worker thread of the pool in src/integrations/page-policies.ts: scans each page it is
// sent and answers with the policy <meta> and where it goes (not the whole page back), and how long that took.
// Runs in plain Node with type stripping.
import { policyEdit } from './csp.ts';

export default function scan({ page, html }: { page: string; html: string }) {
  const started = performance.now();
  const edit = policyEdit(html, page);
  return { ...edit, ms: performance.now() - started };
}
