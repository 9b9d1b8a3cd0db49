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
export function ageNotice(forms: StoryLabels['olderThan'], lang: string, published: Date, now: Date, minDays: number): string | undefined {
  if (now.getTime() - published.getTime() < minDays * DAY) return undefined;
  let months = (now.getUTCFullYear() - published.getUTCFullYear()) * 12 + now.getUTCMonth() - published.getUTCMonth();
  if (now.getUTCDate() < published.getUTCDate()) months--;
  const unit = months >= 12 ? 'years' : 'months';
  const n = Math.max(1, unit === 'years' ? Math.floor(months / 12) : months);
  const sentences = forms[unit];
  return (sentences[new Intl.PluralRules(lang).select(n)] ?? sentences.other).replace('{n}', String(n));
}

/**
 * One unit's sentences as an attribute value for the reader's script, `category:sentence|category:sentence`: a
 * third the size of JSON in an attribute, whose every quote becomes &quot;. No sentence may hold a `|`.
 */
export const formsAttribute = (forms: PluralForms) => Object.entries(forms).map(([category, text]) => `${category}:${text}`).join('|');

/** The sentences formsAttribute wrote. */
export const readForms = (value: string) => Object.fromEntries(value.split('|').map((form) => form.split(/:(.*)/s, 2))) as PluralForms;
