#!/usr/bin/env node
// `npm run ping`: after `npm run build` and publishing dist/, announce the pages that changed since the last ping
// to IndexNow and the WebSub hub, when they are configured (src/site.ts or INDEXNOW_KEY / WEBSUB_HUB). What was
// announced is remembered in node_modules/.cache/ping/last.json (PING_STATE), so the next ping sends only changes.
import { SITE } from '../src/site.ts';
import { ping } from './lib/ping.mjs';

try {
  await ping({
    dist: process.env.PING_DIST || 'dist',
    state: process.env.PING_STATE || 'node_modules/.cache/ping/last.json',
    key: SITE.indexNowKey,
    endpoint: SITE.indexNowEndpoint,
    hub: SITE.websubHub,
  });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
