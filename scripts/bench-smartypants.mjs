#!/usr/bin/env node
// Smart punctuation: our fork (src/markdown/smartypants.ts) against remark-smartypants, on generated
// article bodies (scripts/generate-articles.mjs). Measures, in ms per article:
//   pipeline  the whole Markdown pipeline, markdownOptions through Astro's unified(...).createRenderer().render(body):
//             fork = markdownOptions as built; upstream = the same with Astro's `smartypants: true` in its place;
//             none = no smart punctuation at all (the floor)
//   step      the smart-punctuation transform alone, on trees parsed beforehand (remark-parse + GFM)
// Rounds alternate the order of the variants; the median of the rounds is printed (the machine may be busy).
// It also checks that fork and upstream give the same HTML for every body.
//
//   node scripts/bench-smartypants.mjs [count=1000] [rounds=7]
import { markdownConfigDefaults, unified as astroUnified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkSmartypants from 'remark-smartypants';
import { unified } from 'unified';
import { generateArticle } from './generate-articles.mjs';
import { markdownOptions } from '../src/markdown/processor.ts';
import { remarkSmartypantsFast } from '../src/markdown/smartypants.ts';

const count = Number(process.argv[2] ?? 1000);
const rounds = Number(process.argv[3] ?? 7);
/** The bodies as the articles loader renders them: the Markdown after the front matter. */
const bodies = Array.from({ length: count }, (_, i) => generateArticle(i).markdown.replace(/^---\n[\s\S]*?\n---\n/, ''));

const shared = { ...markdownConfigDefaults, syntaxHighlight: false };
const renderers = {
  fork: await astroUnified(markdownOptions).createRenderer(shared),
  upstream: await astroUnified({ ...markdownOptions, smartypants: true, remarkPlugins: [] }).createRenderer(shared),
  none: await astroUnified({ ...markdownOptions, remarkPlugins: [] }).createRenderer(shared),
};
const steps = { fork: remarkSmartypantsFast(), upstream: remarkSmartypants() };

// Same output?
let differing = 0;
for (const body of bodies) {
  const [a, b] = [await renderers.fork.render(body), await renderers.upstream.render(body)];
  if (a.code !== b.code) differing++;
}
console.log(`${count} bodies, ${bodies.reduce((n, b) => n + b.length, 0) / count | 0} characters each on average; fork and upstream HTML differ on ${differing}`);

const parser = unified().use(remarkParse).use(remarkGfm);
const trees = bodies.map((body) => parser.runSync(parser.parse(body)));

async function timePipeline(name) {
  const start = performance.now();
  for (const body of bodies) await renderers[name].render(body);
  return (performance.now() - start) / count;
}
function timeStep(name) {
  const copies = structuredClone(trees);
  const step = steps[name];
  const start = performance.now();
  for (const tree of copies) step(tree);
  return (performance.now() - start) / count;
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
const results = { pipeline: { fork: [], upstream: [], none: [] }, step: { fork: [], upstream: [] } };
// One warm-up round (JIT), not counted.
for (const name of Object.keys(renderers)) await timePipeline(name);
for (const name of Object.keys(steps)) timeStep(name);
for (let r = 0; r < rounds; r++) {
  const order = r % 2 ? ['upstream', 'none', 'fork'] : ['fork', 'upstream', 'none'];
  for (const name of order) results.pipeline[name].push(await timePipeline(name));
  for (const name of order.filter((n) => n in steps)) results.step[name].push(timeStep(name));
  console.log(`round ${r + 1}: pipeline ${order.map((n) => `${n} ${results.pipeline[n].at(-1).toFixed(3)}`).join(', ')}; step ${['fork', 'upstream'].map((n) => `${n} ${results.step[n].at(-1).toFixed(3)}`).join(', ')} ms/article`);
}
const m = (kind, name) => median(results[kind][name]);
console.log(`median of ${rounds} rounds, ms per article:`);
console.log(`  pipeline: fork ${m('pipeline', 'fork').toFixed(3)}, upstream ${m('pipeline', 'upstream').toFixed(3)}, none ${m('pipeline', 'none').toFixed(3)}; upstream − fork ${(m('pipeline', 'upstream') - m('pipeline', 'fork')).toFixed(3)}`);
console.log(`  step alone: fork ${m('step', 'fork').toFixed(3)}, upstream ${m('step', 'upstream').toFixed(3)} (×${(m('step', 'upstream') / m('step', 'fork')).toFixed(2)})`);
