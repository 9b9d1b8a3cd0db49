import { SITE } from './site.ts';
import { BUILD_TIME_SETTING, parseBuildTime } from './content/build-time.ts';
import { timeZoneProblem } from './format/time-zone.ts';
import { languageTagProblem } from './format/language.ts';
import { SHARD_PAGES_SETTING, shardPagesProblem } from './search/shards.ts';

/**
 * One line for each site setting that is wrong (the time zone, the language, the build time, the search index's parts), naming the setting: astro.config.mjs
 * stops every build, `astro dev` and `astro check` with them, and `npm run check` prints them before any article
 * (an unknown time zone would otherwise turn every date into an error of its own). The public origin is checked where
 * it is read (src/sharing/origin.ts).
 */
export function settingProblems(env: Record<string, string | undefined> = process.env): string[] {
  const problems: string[] = [];
  const zone = timeZoneProblem(SITE.timeZone, env.SITE_TIME_ZONE?.trim() ? 'SITE_TIME_ZONE' : 'SITE.timeZone (src/site.ts)');
  if (zone) problems.push(zone);
  const lang = languageTagProblem(SITE.lang, env.SITE_LANG?.trim() ? 'SITE_LANG' : 'SITE.lang (src/site.ts)');
  if (lang) problems.push(lang);
  const shards = shardPagesProblem(env[SHARD_PAGES_SETTING]);
  if (shards) problems.push(shards);
  try {
    parseBuildTime(env[BUILD_TIME_SETTING]);
  } catch (error) {
    problems.push((error as Error).message);
  }
  return problems;
}
