#!/usr/bin/env node
// Renders the social images of a built site (src/integrations/social-images.ts), for scripts/build.mjs, which runs
// it once Astro has exited so that the image workers never share the machine's memory with Astro's.
//   node scripts/social-images.mjs <built site folder>
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const [out] = process.argv.slice(2);
if (!out) {
  console.error('usage: node scripts/social-images.mjs <built site folder>');
  process.exit(2);
}
// Vite's module runner loads the TypeScript sources as they are, the same code the Astro integration runs.
const { module } = await runnerImport(resolve(root, 'src/integrations/social-images.ts'), { root, logLevel: 'error' });
await module.renderSocialImages(root, resolve(out), (message) => console.log(`[social-images] ${message}`));
