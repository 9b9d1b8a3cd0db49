#!/usr/bin/env node
// Renders the social images of a built site (src/integrations/social-images.ts), for scripts/build.mjs, which runs
// it once Astro has exited so that the image workers never share the machine's memory with Astro's.
//   node scripts/social-images.mjs <built site folder>
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const [out] = process.argv.slice(2);
if (!out) {
  console.error('usage: node scripts/social-images.mjs <built site folder>');
  process.exit(2);
}
// The same TypeScript the Astro integration runs, loaded by Node itself (type stripping: the modules it imports
// name their .ts files). Vite's module runner took about 2 s to start here, most of it resolving packages.
const { renderSocialImages } = await import('../src/integrations/social-images.ts');
await renderSocialImages(root, resolve(out), (message) => console.log(`[social-images] ${message}`));
