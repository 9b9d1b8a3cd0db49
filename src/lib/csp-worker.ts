// One Content-Security-Policy worker thread (see applyCsp in src/lib/csp.ts): applies the policy to its share of
// the pages and posts back their policies, or the error that stopped it. Runs in plain Node (type stripping).
import { parentPort, workerData } from 'node:worker_threads';
import { applyCspToFiles } from './csp.ts';

const { dir, files } = workerData as { dir: string; files: string[] };
try {
  parentPort!.postMessage({ pages: await applyCspToFiles(dir, files) });
} catch (error) {
  parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) });
}
