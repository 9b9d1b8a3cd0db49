// The static server and Chromium launcher live in scripts/lib/serve.mjs, shared with `npm run bench`.
export { serve, launch, CHROMIUM_ARGS } from '../../scripts/lib/serve.mjs';
