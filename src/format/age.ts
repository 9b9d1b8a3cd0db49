/*
 * The age notice ("This article is more than 2 years old"), shared by the build (StoryTop.astro, the social card) and
 * the reader's browser (src/scripts/enhance.ts), which corrects it when the page is read long after it was built.
 * Kept tiny and free of imports (but a type): it is bundled into the enhancement script, whose whole budget is 1.5 KB brotli.
 */

import type { PluralForms, StoryLabels } from './i18n.ts';

const DAY = 86_400_000;

/**
 * The notice for an article published at `published`, read at `now`, or undefined when it is younger than
 * `minDays`. The age is in whole years, or whole months below a year; Intl.PluralRules of `lang` picks the sentence
 * (Arabic and Hebrew have a dual), and the number is written with Latin digits, like the page's dates.
 */
export function ageNotice(forms: AgeForms, lang: string, published: Date, now: Date, minDays: number): string | undefined | null {
  if (now.getTime() - published.getTime() < minDays * DAY) return undefined;
  const { unit, n } = age(published, now);
  // Every language's table has a sentence for each category its plural rules produce (tests/unit/format/story-labels.test.ts).
  // A page's reachable forms (below) read on a clock behind the build's may lack one: null, keep the build's notice.
  const sentence = forms[unit]?.[pluralRules(lang).select(n)];
  return sentence === undefined ? null : sentence.replace('{n}', String(n));
}

/** The sentences of each unit, all of them (a language's table) or those a page can still need (reachableForms). */
type AgeForms = { [U in keyof StoryLabels['olderThan']]?: Partial<PluralForms> };

/** How old an article is: whole years, or whole months below a year (at least 1). */
function age(published: Date, now: Date): { unit: 'years' | 'months'; n: number } {
  let months = (now.getUTCFullYear() - published.getUTCFullYear()) * 12 + now.getUTCMonth() - published.getUTCMonth();
  if (now.getUTCDate() < published.getUTCDate()) months--;
  return months >= 12 ? { unit: 'years', n: Math.floor(months / 12) } : { unit: 'months', n: Math.max(1, months) };
}

/**
 * The sentences the reader's script can still need for a page built at `now`. An article only grows older, and the
 * script keeps the built notice while the age it counts has a sentence missing (ageNotice gives null): so a page
 * that shows a notice needs the categories of the ages after the one it shows (of every number up to a century
 * on), and months only while it is under a year old and a notice can show below a year. On the seed article (one
 * year old, English) that leaves "{n} years" alone, where every sentence of both units cost about 45 B brotli.
 */
export function reachableForms(forms: StoryLabels['olderThan'], lang: string, published: Date, now: Date, minDays: number): AgeForms {
  const { unit, n } = age(published, now);
  // The age shown now has its sentence on the page already; a page without a notice needs its first one too.
  const next = now.getTime() - published.getTime() < minDays * DAY ? 0 : 1;
  const pick = (sentences: PluralForms, from: number, to: number) => {
    const wanted = categories(lang, from, to);
    return Object.fromEntries(Object.entries(sentences).filter(([category]) => wanted.has(category))) as Partial<PluralForms>;
  };
  const years = unit === 'years' ? pick(forms.years, n + next, n + 100) : pick(forms.years, 1, 101);
  return minDays < 365 && unit === 'months' ? { years, months: pick(forms.months, n + next, 11) } : { years };
}

/**
 * One unit's sentences as an attribute value for the reader's script, `category:sentence|category:sentence`: a
 * third the size of JSON in an attribute, whose every quote becomes &quot;. No sentence may hold a `|`.
 */
export const formsAttribute = (forms: Partial<PluralForms> = {}) => Object.entries(forms).map(([category, text]) => `${category}:${text}`).join('|');

/** The sentences formsAttribute wrote. */
export const readForms = (value = ''): Partial<PluralForms> => (value ? Object.fromEntries(value.split('|').map((form) => form.split(/:(.*)/s, 2))) : {});

/**
 * A language's plural rules, made once per language: Intl builds them slowly, and every article page's cache key asks
 * (at 10,000 articles, making them and asking 100 numbers each time took about 0.7 s of each build).
 */
const rulesByLang = new Map<string, Intl.PluralRules>();
function pluralRules(lang: string): Intl.PluralRules {
  let rules = rulesByLang.get(lang);
  if (!rules) rulesByLang.set(lang, (rules = new Intl.PluralRules(lang)));
  return rules;
}

/** The plural categories of the numbers from..to in a language, worked out once per range. */
const categoriesByRange = new Map<string, ReadonlySet<string>>();
function categories(lang: string, from: number, to: number): ReadonlySet<string> {
  const key = `${lang}\0${from}\0${to}`;
  let found = categoriesByRange.get(key);
  if (!found) {
    const rules = pluralRules(lang);
    const wanted = new Set<string>();
    for (let i = from; i <= to; i++) wanted.add(rules.select(i));
    categoriesByRange.set(key, (found = wanted));
  }
  return found;
}
