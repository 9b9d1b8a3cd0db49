#!/usr/bin/env node
// Profiles one build of N generated articles with V8's CPU profiler and prints where the time goes:
// self time grouped by package (node_modules/<name>) or project file, over every thread (the main thread and the
// Markdown and policy workers; the social images and Pagefind run in processes of their own, not profiled here).
//   node scripts/profile-build.mjs [N=1000]
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ROOT } from './build.mjs';
import { writeArticles } from './generate-articles.mjs';

const n = Number(process.argv[2] ?? 1000);
const work = await mkdtemp(join(tmpdir(), 'reader-profile-'));
const articles = join(work, 'articles');
await cp(resolve(ROOT, 'content/articles'), articles, { recursive: true });
await writeArticles(articles, n - 1);
const started = performance.now();
const child = spawn(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${join(work, 'prof')}`, resolve(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', join(work, 'dist')], {
  cwd: ROOT,
  stdio: 'ignore',
  env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ARTICLES_DIR: articles, ASTRO_CACHE_DIR: join(work, 'cache'), SOCIAL_IMAGE_CACHE: join(work, 'social-images') },
});
const code = await new Promise((done) => child.on('close', done));
if (code !== 0) throw new Error(`build failed (${code})`);
console.log(`${n} articles built in ${((performance.now() - started) / 1000).toFixed(1)} s (with profiler)`);

const groups = new Map();
const internals = new Map();
let total = 0;
for (const file of await readdir(join(work, 'prof'))) {
  const profile = JSON.parse(await readFile(join(work, 'prof', file), 'utf8'));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const dt = new Map();
  profile.samples.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  for (const [id, micros] of dt) {
    const { url, functionName } = byId.get(id).callFrame;
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
    const key = pkg ?? (url.includes('/src/') ? `project: ${url.slice(url.indexOf('/src/') + 1)}` : url ? 'node internals' : `(${functionName || 'program'})`);
    groups.set(key, (groups.get(key) ?? 0) + micros);
    if (key === 'node internals') {
      const name = `${functionName || '(anonymous)'} ${url.replace(/^.*\/(lib|internal)\//, '')}`;
      internals.set(name, (internals.get(name) ?? 0) + micros);
    }
    total += micros;
  }
}
console.log(`\nself time by package, ms per article, all threads (of ${(total / 1000 / n).toFixed(2)} ms per article sampled):`);
for (const [key, micros] of [...groups].sort((a, b) => b[1] - a[1]).slice(0, 20)) {
  console.log(`${(micros / 1000 / n).toFixed(3).padStart(8)}  ${((micros / total) * 100).toFixed(1).padStart(5)} %  ${key}`);
}
console.log('\nnode internals, top functions:');
for (const [key, micros] of [...internals].sort((a, b) => b[1] - a[1]).slice(0, 12)) {
  console.log(`${(micros / 1000 / n).toFixed(3).padStart(8)}  ${key}`);
}
await rm(work, { recursive: true, force: true });
