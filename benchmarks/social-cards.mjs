#!/usr/bin/env node
// Micro-benchmark of the social image renderer: renders the same N cards (the generated articles' headlines, as
// `npm run bench` builds them, with a few Arabic and Hebrew ones) the whole-card way (satori, resvg over
// 1200x630, resvg's PNG) and the way the build does (resvg over the text's boxes only, onto a prepared template,
// its own RGB PNG writer), in one thread, alternating the two methods round by round, and prints ms per card: wall time and the process's
// CPU time (user + system, sharp's threads included), which moves less with other work on the machine.
//
//   node benchmarks/social-cards.mjs                 200 cards, 3 rounds
//   node benchmarks/social-cards.mjs --cards 500 --rounds 5
//
// The machine's load moves the figures: compare the two methods of the same round, not runs of different days.
import { parseArgs } from 'node:util';
import { generateArticle } from '../scripts/generate-articles.mjs';
import { loadFonts, renderSocialImage, renderSocialImageWhole } from '../src/sharing/social-image.ts';

const { values: args } = parseArgs({ options: { cards: { type: 'string', default: '200' }, rounds: { type: 'string', default: '3' } } });
const count = Number(args.cards);
const rounds = Number(args.rounds);

const RTL = [
  { title: 'إيران تقف وحيدة في ضربة كبيرة: الميليشيات العراقية ترفض مواصلة مساعدة إيران', desk: 'مكتب القدس', line: 'المصدر، القدس، ١٦ ديسمبر ٢٠٢٤', lang: 'ar', rtl: true },
  { title: 'איראן עומדת לבדה במכה קשה: המיליציות העיראקיות מסרבות להמשיך לסייע לאיראן', desk: 'דסק ישראל', line: 'המקור, ירושלים, 16 בדצמבר 2024', lang: 'he', rtl: true },
];
/** Card `i`: the generated article's headline, desk and place (every tenth an Arabic or Hebrew card). */
function card(i) {
  if (i % 10 === 9) return { ...RTL[(i / 10 | 0) % 2], siteName: 'The Reader' };
  const front = (field) => new RegExp(`^${field}: (.*)$`, 'm').exec(generateArticle(i).markdown)[1].replace(/^"|"$/g, '');
  return { title: front('title'), desk: front('desk'), line: `${front('source')} · ${front('location')} · 16 December 2024`, siteName: 'The Reader', lang: 'en', rtl: false };
}

const cards = Array.from({ length: count }, (_, i) => card(i));
const fonts = await loadFonts();
const methods = { whole: renderSocialImageWhole, boxes: renderSocialImage };
// One card each first: satori parses the fonts and the template is drawn once per direction, not per card.
for (const render of Object.values(methods)) { await render(cards[0], fonts); await render(cards.at(-1), fonts); }

const results = Object.fromEntries(Object.keys(methods).map((name) => [name, []]));
const cpu = Object.fromEntries(Object.keys(methods).map((name) => [name, []]));
const bytes = Object.fromEntries(Object.keys(methods).map((name) => [name, 0]));
for (let round = 1; round <= rounds; round++) {
  const line = [];
  for (const [name, render] of Object.entries(methods)) {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    let total = 0;
    for (const c of cards) total += (await render(c, fonts)).byteLength;
    const ms = (performance.now() - started) / count;
    const { user, system } = process.cpuUsage(cpuStarted);
    const cpuMs = (user + system) / 1000 / count;
    results[name].push(ms);
    cpu[name].push(cpuMs);
    bytes[name] = total / count;
    line.push(`${name} ${ms.toFixed(2)} ms/card (CPU ${cpuMs.toFixed(2)})`);
  }
  console.log(`round ${round}: ${line.join(', ')}, ratio ${(results.whole.at(-1) / results.boxes.at(-1)).toFixed(2)}`);
}
const median = (list) => [...list].sort((a, b) => a - b)[list.length >> 1];
for (const name of Object.keys(methods)) {
  console.log(`${name}: median ${median(results[name]).toFixed(2)} ms per card, CPU ${median(cpu[name]).toFixed(2)} ms (one thread, ${count} cards, ${rounds} rounds), ${Math.round(bytes[name] / 1024)} KiB per PNG`);
}
