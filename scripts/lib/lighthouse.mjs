// Runs Lighthouse against a URL in Debian's Chromium (mobile or desktop preset) and returns the four category
// scores and CLS. Used by `npm run bench`; Lighthouse times vary run to run, so this is a figure, not a test.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig } from 'lighthouse';
import { CHROMIUM_ARGS } from './serve.mjs';

/**
 * @param {string} url
 * @param {'mobile' | 'desktop'} preset
 * @returns {Promise<{ performance: number, accessibility: number, 'best-practices': number, seo: number, cls: number }>}
 */
export async function runLighthouse(url, preset) {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    chromeFlags: CHROMIUM_ARGS,
  });
  try {
    const result = await lighthouse(
      url,
      { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'] },
      preset === 'desktop' ? desktopConfig : undefined,
    );
    const { categories, audits } = result.lhr;
    return {
      performance: Math.round(categories.performance.score * 100),
      accessibility: Math.round(categories.accessibility.score * 100),
      'best-practices': Math.round(categories['best-practices'].score * 100),
      seo: Math.round(categories.seo.score * 100),
      cls: audits['cumulative-layout-shift'].numericValue,
      failing: Object.values(audits).filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary').map((a) => a.id),
    };
  } finally {
    chrome.kill();
  }
}

/** The median of each score over `runs` runs. */
export async function medianLighthouse(url, preset, runs = 3) {
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await runLighthouse(url, preset));
  const median = (key) => results.map((r) => r[key]).sort((a, b) => a - b)[Math.floor(runs / 2)];
  return {
    performance: median('performance'),
    accessibility: median('accessibility'),
    'best-practices': median('best-practices'),
    seo: median('seo'),
    cls: median('cls'),
    failing: [...new Set(results.flatMap((r) => r.failing))],
  };
}
