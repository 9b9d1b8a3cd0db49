import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { buildTimeEnv } from '../content/build-time.ts';

/**
 * Runs a Node script with arguments, logging each line it prints; rejects when it fails. The script sees the build's
 * time (an old article's social image says how old it is, as its page does).
 */
function runNode(script: URL, args: string[], logger: AstroIntegrationLogger): Promise<void> {
  const child = spawn(process.execPath, [fileURLToPath(script), ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...buildTimeEnv() } });
  let errors = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => chunk.trimEnd().split('\n').forEach((line) => logger.info(line)));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
  return new Promise((done, fail) => child.on('close', (code) => (code === 0 ? done() : fail(new Error(`social images failed (exit ${code}):\n${errors}`)))));
}

/**
 * Astro integration: when the pages are written, every article gets its social image at /articles/<slug>/og.png
 * (src/sharing/social-images.ts: satori + resvg on worker threads, cached by what is drawn). It runs in a child
 * process, so the image workers' memory is given back to the system as soon as they are done, before the search
 * index is built.
 */
export function socialImages(): AstroIntegration {
  let root = '';
  let cacheDir = '';
  return {
    name: 'social-images',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:done': async ({ dir, logger }) => {
        await runNode(new URL('../sharing/social-images.ts', import.meta.url), [root, fileURLToPath(dir), cacheDir], logger);
      },
    },
  };
}
