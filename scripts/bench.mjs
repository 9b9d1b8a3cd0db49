#!/usr/bin/env node
// `npm run bench`: builds temporary copies of the site with N generated articles (plus the seed) and measures
// each build (cold; then, with the cold build's caches, after one article is edited and after a new one is added:
// wall time, ms per article, peak RSS, dist size, pages rendered) and the served seed article page in real Chromium
// (requests, bytes per type raw/gzip/brotli, script bytes). Prints a table, writes JSON.
// Timings are figures to read, not tests: the byte budgets are enforced by `npm test`.
//
//   npm run bench                         sizes 1, 100, 1000, 10000
//   npm run bench -- --sizes 1,1000       other sizes
//   npm run bench -- --out file.json      where the JSON goes (default bench-results.json)
//   npm run bench -- --photos 1000        only the photographs: N articles with a 2400×1600 lead photograph each,
//                                         cold and warm (no change): ms per encoded image, images re-encoded when warm
//   npm run bench -- --hugo --sizes 1000  only Hugo (benchmarks/hugo.mjs): the same generated articles, cold, warm and
//                                         one edited, with a minimal layout, to compare with this site's figures
import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildSite, ROOT } from './build.mjs';
import { generateArticle, writeArticles } from './generate-articles.mjs';
import { measurePage } from './lib/page-weight.mjs';

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1,100,1000,10000' },
    out: { type: 'string', default: 'bench-results.json' },
    browser: { type: 'boolean', default: true },
    warm: { type: 'boolean', default: true },
    lighthouse: { type: 'boolean', default: true },
    'lighthouse-runs': { type: 'string', default: '3' },
    photos: { type: 'string' },
    hugo: { type: 'boolean', default: false },
  },
  allowNegative: true,
});
const sizes = args.sizes.split(',').map(Number);
const SEED = 'iran-stands-alone-in-major-blow-iraqi-militias-refuse-to-continue-aiding-iran';

/** Resident memory (KiB) of all the descendants of a process right now (not the process itself), read from /proc. */
function descendantsRss(pid) {
  let total = 0;
  const children = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(entry));
    } catch { /* the process ended meanwhile */ }
  }
  const stack = [...(children.get(pid) ?? [])];
  while (stack.length) {
    const p = stack.pop();
    try {
      const rss = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'));
      total += rss ? Number(rss[1]) : 0;
    } catch { /* ended */ }
    stack.push(...(children.get(p) ?? []));
  }
  return total;
}

/**
 * Runs one build and samples the memory of the build's processes every 100 ms: all the children of this process
 * (Astro with its Markdown and policy workers, then the social-image process with its workers, then Pagefind's
 * binary). This process itself is left out: it also holds Chromium's and Lighthouse's client side.
 */
async function timedBuild(outDir, env) {
  let peakKiB = 0;
  const timer = setInterval(() => { peakKiB = Math.max(peakKiB, descendantsRss(process.pid)); }, 100);
  const started = performance.now();
  const result = await buildSite({ outDir, env, quiet: true });
  clearInterval(timer);
  const seconds = (performance.now() - started) / 1000;
  if (result.code !== 0) throw new Error(`build failed:\n${result.output.slice(-3000)}`);
  // The site this build replaced is deleted in the background after it returned (scripts/lib/publish.mjs): each
  // build of the benchmark starts once that is done, as an editor's next build would seconds later. Its time is
  // reported, not counted.
  const deleting = performance.now();
  while (readdirSync(dirname(outDir)).some((name) => name.startsWith(`${basename(outDir)}.trash-`))) await new Promise((done) => setTimeout(done, 100));
  const trashSeconds = (performance.now() - deleting) / 1000;
  // The steps the build logs with their time: social images (rendered/cached), search index, CSP (scan time on
  // worker threads beside page rendering, not wall time).
  const images = /(\d+) social images \((\d+) rendered, (\d+) from cache\) in (\d+) ms/.exec(result.output);
  const search = /(\d+) pages in the search index, (\d+) parts? \((\d+) indexed by Pagefind, \d+ from the cache\) in (\d+) ms/.exec(result.output);
  const csp = /Content-Security-Policy: (\d+) pages, (\d+) ms of scanning/.exec(result.output);
  return {
    seconds,
    trashSeconds,
    peakMiB: Math.round(peakKiB / 1024),
    output: result.output,
    images: images ? { count: Number(images[1]), rendered: Number(images[2]), cached: Number(images[3]), ms: Number(images[4]) } : undefined,
    searchMs: search ? Number(search[4]) : undefined,
    // Parts of the search index, and how many Pagefind indexed again (src/search/shards.ts).
    searchParts: search ? { parts: Number(search[2]), indexed: Number(search[3]) } : undefined,
    cspMs: csp ? Number(csp[2]) : undefined,
    // Pages Astro rendered; the others were copied from the last build (its incremental build, src/newsroom/page-keys.ts).
    pagesRendered: csp ? Number(csp[1]) : undefined,
  };
}

const du = (dir) => Number(execFileSync('du', ['-sk', dir], { encoding: 'utf8' }).split('\t')[0]) * 1024;
const fmt = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '–');

const results = { date: new Date().toISOString(), cores: availableParallelism(), node: process.version, runs: [] };
if (args.hugo) {
  const { benchHugo } = await import('../benchmarks/hugo.mjs');
  await writeFile(args.out, `${JSON.stringify(await benchHugo(sizes), null, 2)}\n`);
  console.log(`\nJSON written to ${args.out}`);
  process.exit(0);
}
if (args.photos) {
  await benchPhotos(Number(args.photos));
  process.exit(0);
}
for (const n of sizes) {
  const work = await mkdtemp(join(tmpdir(), `reader-bench-${n}-`));
  const articles = join(work, 'articles');
  await cp(resolve(ROOT, 'content/articles'), articles, { recursive: true });
  await writeArticles(articles, n - 1);
  const cacheDir = join(work, 'cache');
  const env = { ARTICLES_DIR: articles, ASTRO_CACHE_DIR: cacheDir, SOCIAL_IMAGE_CACHE: join(work, 'social-images') };
  const outDir = join(work, 'dist');
  process.stdout.write(`N=${n}: cold build… `);
  const cold = await timedBuild(outDir, env);
  const summary = (b) => {
    const imageSeconds = (b.images?.ms ?? 0) / 1000;
    return {
      seconds: b.seconds,
      // "Social images apart": the build's own time per article, without the image step it logs.
      secondsWithoutImages: b.seconds - imageSeconds,
      msPerArticle: ((b.seconds - imageSeconds) * 1000) / n,
      peakMiB: b.peakMiB,
      images: b.images && { ...b.images, msPerRenderedImage: b.images.rendered ? b.images.ms / b.images.rendered : 0 },
      searchMs: b.searchMs,
      searchParts: b.searchParts,
      cspMs: b.cspMs,
      pagesRendered: b.pagesRendered,
      // Seconds the replaced site took to be deleted in the background after the build returned.
      trashSeconds: b.trashSeconds,
    };
  };
  const run = { articles: n, cold: { ...summary(cold), distBytes: du(outDir) } };
  process.stdout.write(`${fmt(cold.seconds)} s`);
  if (args.browser) {
    const { serve, launch, precompress } = await import('./lib/serve.mjs');
    await precompress(outDir);
    const server = await serve(outDir, { compressed: true });
    const browser = await launch();
    run.articlePage = await measurePage(browser.context, `${server.url}/articles/${SEED}/`);
    run.homePage = await measurePage(browser.context, `${server.url}/`);
    await browser.close();
    if (args.lighthouse && n === sizes[0]) {
      // The article page is the same at every N: score it once, median of several runs per preset.
      const { medianLighthouse } = await import('./lib/lighthouse.mjs');
      const runs = Number(args['lighthouse-runs']);
      process.stdout.write(', Lighthouse…');
      results.lighthouse = {
        runs,
        mobile: await medianLighthouse(`${server.url}/articles/${SEED}/`, 'mobile', runs),
        desktop: await medianLighthouse(`${server.url}/articles/${SEED}/`, 'desktop', runs),
      };
    }
    await server.close();
  }
  if (args.warm) {
    // Edit one article's headline and body, as an editor would, and rebuild with the caches of the cold build:
    // only that article's social image should be rendered again.
    const edited = join(articles, `${SEED}.md`);
    const original = await readFile(edited, 'utf8');
    await writeFile(edited, `${original.replace('title: "', 'title: "Edited: ')}\nA sentence added by the benchmark.\n`);
    process.stdout.write(', warm rebuild after one edit… ');
    const warm = await timedBuild(outDir, env);
    run.warm = summary(warm);
    process.stdout.write(`${fmt(warm.seconds)} s`);
    await writeFile(edited, original);
    // A new article, the newest of all: it joins the home page, its desk, place, tags and month, and becomes the
    // newer neighbour of the article before it.
    const published = new Date(Date.now() - 3_600_000).toISOString().replace(/\.\d+Z$/, 'Z');
    await writeFile(join(articles, 'breaking-benchmark-article.md'), `---\ntitle: "Breaking: A New Article"\npublished: ${published}\ndesk: World Desk\nlocation: London\nsource: The Reader\ntags: [economy]\n---\n\nA new article added by the benchmark.\n`);
    process.stdout.write(', a new article… ');
    const added = await timedBuild(outDir, env);
    run.added = summary(added);
    process.stdout.write(`${fmt(added.seconds)} s`);
  }
  process.stdout.write('\n');
  results.runs.push(run);
  await rm(work, { recursive: true, force: true });
}

await writeFile(args.out, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\n${results.cores} cores, Node ${results.node}\n`);
console.log('| articles | cold s (all) | cold s without images | ms/article without images | images: rendered, ms each (wall) | search s | CSP scan s (on workers, beside rendering) | peak RSS MiB (build processes) | dist MiB | warm s (1 edit) | warm pages rendered | warm search s | warm peak RSS MiB | warm images rendered | new article s | new article: pages rendered |');
console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of results.runs) {
  const c = r.cold;
  console.log(`| ${r.articles} | ${fmt(c.seconds)} | ${fmt(c.secondsWithoutImages)} | ${fmt(c.msPerArticle, 2)} | ${c.images ? `${c.images.rendered}, ${fmt(c.images.msPerRenderedImage, 1)}` : '–'} | ${fmt((c.searchMs ?? NaN) / 1000)} | ${fmt((c.cspMs ?? NaN) / 1000)} | ${c.peakMiB} | ${fmt(c.distBytes / 2 ** 20)} | ${r.warm ? fmt(r.warm.seconds) : '–'} | ${r.warm?.pagesRendered ?? '–'} | ${fmt((r.warm?.searchMs ?? NaN) / 1000)} | ${r.warm?.peakMiB ?? '–'} | ${r.warm?.images ? r.warm.images.rendered : '–'} | ${r.added ? fmt(r.added.seconds) : '–'} | ${r.added?.pagesRendered ?? '–'} |`);
}
const page = results.runs.at(-1)?.articlePage;
if (page) {
  console.log('\nSeed article page, first load (largest N):');
  console.log('| request | type | raw B | gzip B | brotli B |');
  console.log('| --- | --- | ---: | ---: | ---: |');
  for (const r of page.requests) console.log(`| ${new URL(r.url).pathname} | ${r.type} | ${r.raw} | ${r.gzip} | ${r.brotli} |`);
  console.log(`| total (${page.totals.requests} requests) | | ${page.totals.raw} | ${page.totals.gzip} | ${page.totals.brotli} |`);
  console.log(`script: inline ${page.script.inline.raw} B raw / ${page.script.inline.brotli} B brotli; external ${page.script.external.raw} B raw / ${page.script.external.brotli} B brotli`);
}
if (results.lighthouse) {
  console.log(`\nLighthouse, seed article page, median of ${results.lighthouse.runs} runs:`);
  console.log('| preset | performance | accessibility | best practices | SEO | CLS |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const preset of ['mobile', 'desktop']) {
    const r = results.lighthouse[preset];
    console.log(`| ${preset} | ${r.performance} | ${r.accessibility} | ${r['best-practices']} | ${r.seo} | ${r.cls} |`);
  }
}
console.log(`\nJSON written to ${args.out}`);

/**
 * What Astro's image step printed: how many images it wrote, how many came from its cache, and its wall time. Astro
 * logs one line per image (`▶ /_astro/…`, `(reused cache entry)` when the cache had it) and the step's total.
 */
function imageStep(output) {
  const lines = output.split('\n').filter((line) => /▶ \/_astro\/.+\.(avif|webp|jpe?g|png)/.test(line));
  const reused = lines.filter((line) => line.includes('reused cache entry')).length;
  // Astro writes the step's time as 734ms, 12.34s or 2m 5s.
  const step = /generating optimized images[\s\S]*?Completed in (?:(\d+)m )?([\d.]+)(m?s)/.exec(output);
  const stepSeconds = step ? Number(step[1] ?? 0) * 60 + Number(step[2]) / (step[3] === 'ms' ? 1000 : 1) : NaN;
  return { images: lines.length, reused, encoded: lines.length - reused, stepSeconds };
}

/** `--photos N`: N generated articles, each a folder with a 2400×1600 JPEG lead photograph (a different one each). */
async function benchPhotos(n) {
  const { photo } = await import('./lib/photo.mjs');
  const work = await mkdtemp(join(tmpdir(), `reader-bench-photos-${n}-`));
  const articles = join(work, 'articles');
  process.stdout.write(`N=${n} articles with a 2400×1600 lead photograph: writing… `);
  for (let i = 0; i < n; i++) {
    const { slug, markdown } = generateArticle(i);
    await mkdir(join(articles, slug), { recursive: true });
    await writeFile(join(articles, slug, 'lead.jpg'), await photo(2400, 1600, { hue: (i * 37) % 360, grain: i + 1 }));
    await writeFile(join(articles, slug, 'index.md'), markdown.replace('\n---\n', `\nimage: { src: ./lead.jpg, alt: "Generated photograph ${i}", credit: "Benchmark" }\n---\n`));
  }
  const env = { ARTICLES_DIR: articles, ASTRO_CACHE_DIR: join(work, 'cache'), SOCIAL_IMAGE_CACHE: join(work, 'social-images') };
  const outDir = join(work, 'dist');
  process.stdout.write('cold build… ');
  const cold = await timedBuild(outDir, env);
  process.stdout.write(`${fmt(cold.seconds)} s, warm build… `);
  const warm = await timedBuild(outDir, env);
  process.stdout.write(`${fmt(warm.seconds)} s\n`);
  const run = (b) => ({ seconds: b.seconds, peakMiB: b.peakMiB, ...imageStep(b.output), distBytes: du(outDir) });
  const photos = { articles: n, cold: run(cold), warm: run(warm) };
  if (args.browser) {
    // The first generated article, as a reader gets it: its first load, and Lighthouse with the photograph leading.
    const { serve, launch, precompress } = await import('./lib/serve.mjs');
    await precompress(outDir);
    const server = await serve(outDir, { compressed: true });
    const url = `${server.url}/articles/${generateArticle(0).slug}/`;
    const browser = await launch();
    photos.articlePage = await measurePage(browser.context, url);
    await browser.close();
    if (args.lighthouse) {
      const { medianLighthouse } = await import('./lib/lighthouse.mjs');
      const runs = Number(args['lighthouse-runs']);
      photos.lighthouse = { runs, mobile: await medianLighthouse(url, 'mobile', runs), desktop: await medianLighthouse(url, 'desktop', runs) };
    }
    await server.close();
  }
  await writeFile(args.out, `${JSON.stringify({ ...results, photos }, null, 2)}\n`);
  console.log(`\n${results.cores} cores, Node ${results.node}\n`);
  console.log("| build | wall s | images written | encoded | from Astro's cache | image step s | ms per encoded image (wall, 2 cores) | peak RSS MiB | dist MiB |");
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const [name, r] of [['cold', photos.cold], ['warm', photos.warm]]) {
    console.log(`| ${name} | ${fmt(r.seconds)} | ${r.images} | ${r.encoded} | ${r.reused} | ${fmt(r.stepSeconds)} | ${r.encoded ? fmt((r.stepSeconds * 1000) / r.encoded) : '–'} | ${r.peakMiB} | ${fmt(r.distBytes / 2 ** 20)} |`);
  }
  if (photos.articlePage) {
    console.log('\nAn article with its lead photograph, first load (1280 px window, Chromium):');
    for (const r of photos.articlePage.requests) console.log(`| ${new URL(r.url).pathname} | ${r.type} | ${r.raw} B raw | ${r.brotli} B brotli |`);
  }
  if (photos.lighthouse) {
    console.log(`\nLighthouse, median of ${photos.lighthouse.runs} runs:`);
    for (const preset of ['mobile', 'desktop']) {
      const r = photos.lighthouse[preset];
      console.log(`| ${preset} | ${r.performance} | ${r.accessibility} | ${r['best-practices']} | ${r.seo} | CLS ${r.cls} |`);
    }
  }
  console.log(`\nJSON written to ${args.out}`);
  await rm(work, { recursive: true, force: true });
}
