import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { ROOT } from './paths';

/** The trimmed lines of a report that name a file under `prefix` (a folder of the project, e.g. tests/fixtures/invalid/). */
export const reportLines = (output: string, prefix: string) => output.split('\n').map((l) => l.trim()).filter((l) => l.startsWith(prefix));

/** Runs `npm run check`'s content check (scripts/check-articles.mjs) with `env` added: its exit code and output. */
export function runContentCheck(env: Record<string, string>): Promise<{ code: number; out: string }> {
  return promisify(execFile)(process.execPath, ['scripts/check-articles.mjs'], { cwd: ROOT, env: { ...process.env, ...env } }).then(
    ({ stdout, stderr }) => ({ code: 0, out: stdout + stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
  );
}
