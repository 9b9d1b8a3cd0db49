import { baseLanguage } from './language.ts';
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
