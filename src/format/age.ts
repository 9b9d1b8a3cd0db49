/*
 * The age notice ("This article is more than 2 years old"), shared by the build (ArticleLayout.astro) and the
 * reader's browser (src/scripts/enhance.ts), which corrects it when the page is read long after it was built.
 * Kept tiny and free of imports: it is bundled into the enhancement script, whose whole budget is 1.5 KB brotli.
 */

const DAY = 86_400_000;

/**
 * The notice for an article published at `published`, read at `now`, or undefined when it is younger than
 * `minDays`. The age is in whole years, or whole months below a year; `template` has `{}` where it goes.
 */
export function ageNotice(template: string, lang: string, published: Date, now: Date, minDays: number): string | undefined {
  if (now.getTime() - published.getTime() < minDays * DAY) return undefined;
  let months = (now.getUTCFullYear() - published.getUTCFullYear()) * 12 + now.getUTCMonth() - published.getUTCMonth();
  if (now.getUTCDate() < published.getUTCDate()) months--;
  const unit = months >= 12 ? 'year' : 'month';
  const n = Math.max(1, unit === 'year' ? Math.floor(months / 12) : months);
  // Latin digits, like the page's dates; Intl picks the plural form (Arabic "سنتان" for two).
  return template.replace('{}', new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'long', numberingSystem: 'latn' }).format(n));
}
