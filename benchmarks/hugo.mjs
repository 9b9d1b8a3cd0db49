#!/usr/bin/env node
// The same generated articles as `npm run bench` (scripts/generate-articles.mjs), built by Hugo with a minimal
// theme-less layout this script writes: article pages with prev/next, paginated home, the articles section and tag
// listings, RSS feeds and the sitemap (Hugo's own). So the ratio of this site's build time to Hugo's can be measured
// again on any machine. Hugo comes from the system (Debian's package `hugo`); it is not a dependency of the site.
//
//   node benchmarks/hugo.mjs                       1,000 articles
//   node benchmarks/hugo.mjs --sizes 1000,5000     other sizes
//   npm run bench -- --hugo --sizes 1000,5000      the same, through the site's benchmark
//
// Each size is built three times into a fresh temporary folder: cold (no public/, resources/ or cache folder),
// warm (again, nothing changed) and after editing one article. Wall time and the peak RSS of the hugo process come
// from /usr/bin/time. Prints a table; --out writes the figures as JSON.
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFile, mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateArticle } from '../scripts/generate-articles.mjs';

const CONFIG = `baseURL = "http://localhost:1313/"
title = "The Reader"
languageCode = "en"
paginate = 20
[taxonomies]
  tag = "tags"
[markup.goldmark.extensions]
  typographer = true
`;

const LAYOUTS = {
  '_default/baseof.html': `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>{{ if not .IsHome }}{{ .Title }} · {{ end }}{{ site.Title }}</title>
<meta name="description" content="{{ with .Description }}{{ . }}{{ else }}{{ site.Title }}{{ end }}">
<link rel="canonical" href="{{ .Permalink }}">
{{ with .OutputFormats.Get "rss" }}<link rel="alternate" type="application/rss+xml" href="{{ .Permalink }}">{{ end }}
</head><body><header><a href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a></header>
<main>{{ block "main" . }}{{ end }}</main></body></html>
`,
  '_default/single.html': `{{ define "main" }}<article>
<p>{{ .Params.desk }}</p><h1>{{ .Title }}</h1>
<p>{{ .Params.source }} · {{ .Params.location }} · <time datetime="{{ .Date.Format "2006-01-02T15:04:05Z07:00" }}">{{ .Date.Format "2 January 2006" }}</time></p>
{{ .Content }}
<ul>{{ range .GetTerms "tags" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>
<nav>{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
{{ with .NextInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</nav>
</article>{{ end }}
`,
  '_default/list.html': `{{ define "main" }}<h1>{{ .Title }}</h1>
<ol>{{ range .Paginator.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>
<p>{{ .Params.desk }} · {{ .Date.Format "2 January 2006" }}</p><p>{{ .Description }}</p></li>{{ end }}</ol>
<nav>{{ with .Paginator.Prev }}<a href="{{ .URL }}">Newer</a>{{ end }} {{ with .Paginator.Next }}<a href="{{ .URL }}">Older</a>{{ end }}</nav>
{{ end }}
`,
  '_default/terms.html': `{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>
{{ end }}
`,
  'index.html': `{{ define "main" }}<ol>{{ range (.Paginate (where site.RegularPages "Section" "articles")).Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>
<p>{{ .Params.desk }} · {{ .Date.Format "2 January 2006" }}</p><p>{{ .Description }}</p></li>{{ end }}</ol>
<nav>{{ with .Paginator.Next }}<a href="{{ .URL }}">Older</a>{{ end }}</nav>
{{ end }}
`,
};

/** Article `i` as Hugo reads it: the generator's Markdown with its `published` time as Hugo's `date`. */
function hugoArticle(i) {
  const { slug, markdown } = generateArticle(i);
  // The generator writes minutes ("2023-01-01T00:00Z"); Hugo's date parser wants seconds.
  return { slug, markdown: markdown.replace(/^published: (\S+T\d\d:\d\d)Z$/m, 'date: $1:00Z') };
}

/** Writes a Hugo site with `count` generated articles into `dir`. */
export async function writeHugoSite(dir, count) {
  await mkdir(join(dir, 'content/articles'), { recursive: true });
  await writeFile(join(dir, 'hugo.toml'), CONFIG);
  for (const [file, text] of Object.entries(LAYOUTS)) {
    await mkdir(join(dir, 'layouts', file, '..'), { recursive: true });
    await writeFile(join(dir, 'layouts', file), text);
  }
  await writeFile(join(dir, 'content/articles/_index.md'), '---\ntitle: Articles\n---\n');
  for (let i = 0; i < count; i++) {
    const { slug, markdown } = hugoArticle(i);
    await writeFile(join(dir, 'content/articles', `${slug}.md`), markdown);
  }
}

/** Files and bytes under a folder. */
async function folderSize(dir) {
  let files = 0, bytes = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return { files, bytes };
}

/** One `hugo` build of the site in `dir`: wall seconds and peak RSS (MiB) of the hugo process, from /usr/bin/time. */
function build(dir) {
  const result = spawnSync('/usr/bin/time', ['-f', 'TIME %e %M', 'hugo', '--quiet', '--cacheDir', join(dir, '.hugo-cache'), '--destination', 'public'], { cwd: dir, encoding: 'utf8' });
  const figures = /TIME ([\d.]+) (\d+)/.exec(result.stderr);
  if (result.status !== 0 || !figures) throw new Error(`hugo failed in ${dir}:\n${result.stdout}${result.stderr}`);
  return { seconds: Number(figures[1]), peakMiB: Math.round(Number(figures[2]) / 1024) };
}

/** Builds `count` articles cold, warm and after one edit; returns the figures. */
export async function benchHugoSize(count) {
  const dir = await mkdtemp(join(tmpdir(), `reader-hugo-${count}-`));
  try {
    await writeHugoSite(dir, count);
    const cold = build(dir);
    const output = await folderSize(join(dir, 'public'));
    const warm = build(dir);
    await appendFile(join(dir, 'content/articles', `${hugoArticle(0).slug}.md`), '\nA correction, added after publication.\n');
    const edited = build(dir);
    return { articles: count, cold, warm, edited, files: output.files, bytes: output.bytes };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Hugo's version line, or null when `hugo` is not installed. */
export function hugoVersion() {
  try {
    return execFileSync('hugo', ['version'], { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

/** Builds every size, prints a Markdown table, returns the figures. */
export async function benchHugo(sizes) {
  const version = hugoVersion();
  if (!version) throw new Error('hugo is not installed (Debian: apt-get install hugo)');
  const results = { hugo: version, cores: availableParallelism(), date: new Date().toISOString(), sizes: [] };
  for (const count of sizes) {
    console.log(`hugo: building ${count} articles (cold, warm, one edited)…`);
    results.sizes.push(await benchHugoSize(count));
  }
  console.log(`\n${version}, ${results.cores} cores\n`);
  console.log('| articles | build | wall s | ms per article | peak RSS MiB | files | output MiB |');
  console.log('| ---: | --- | ---: | ---: | ---: | ---: | ---: |');
  for (const r of results.sizes) {
    for (const name of ['cold', 'warm', 'edited']) {
      const b = r[name];
      console.log(`| ${r.articles} | ${name} | ${b.seconds.toFixed(1)} | ${((b.seconds * 1000) / r.articles).toFixed(2)} | ${b.peakMiB} | ${r.files} | ${(r.bytes / 2 ** 20).toFixed(1)} |`);
    }
  }
  return results;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values: args } = parseArgs({ options: { sizes: { type: 'string', default: '1000' }, out: { type: 'string' } } });
  const results = await benchHugo(args.sizes.split(',').map(Number));
  if (args.out) {
    await writeFile(args.out, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`\nJSON written to ${args.out}`);
  }
}
