import { baseLanguage } from './language.ts';
import { ageNotice, reachableForms } from './age.ts';
import type { StoryLabels } from './i18n.ts';
import { LANGUAGES } from './languages/index.ts';
import { en } from './languages/en.ts';

/**
 * The story words for an article's language (`story` in its file in languages/), and the language they are really
 * in: a language without them gets English, and the element showing them must then say `lang="en"`.
 */
export function storyLabelsFor(lang: string): { labels: StoryLabels; lang: string } {
  const story = LANGUAGES[baseLanguage(lang)]?.story;
  return story ? { labels: story, lang } : { labels: en.story, lang: 'en' };
}

/**
 * The age notice an article's page carries when built at `now`, and the sentences its reader's script can still need
 * (src/format/age.ts): what StoryTop shows, and part of the article page's cache key (src/newsroom/page-keys.ts).
 */
export function storyAge(article: { lang: string; published: Date }, now: Date, minDays: number) {
  const { labels, lang } = storyLabelsFor(article.lang);
  return {
    lang,
    notice: ageNotice(labels.olderThan, lang, article.published, now, minDays),
    forms: reachableForms(labels.olderThan, lang, article.published, now, minDays),
  };
}
