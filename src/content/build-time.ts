/**
 * The one "now" of a build: whether an article is scheduled, how old it is (the age notice on the page and on its
 * social image), which articles the news sitemap's 48 hours hold and which year is "next year" are all decided
 * against it, so one build never sees two different moments. `npm run build` (scripts/build.mjs) fixes it once and
 * hands it to `astro build` and to every process under it as SOURCE_DATE_EPOCH; a build with SOURCE_DATE_EPOCH
 * already set (a reproducible build) uses that moment.
 * Runs in plain Node too (scripts/build.mjs, the social-image process): it imports nothing.
 */

/** The setting that fixes the build time: whole seconds since 1970-01-01T00:00:00Z (reproducible-builds.org). */
export const BUILD_TIME_SETTING = 'SOURCE_DATE_EPOCH';

/**
 * The moment SOURCE_DATE_EPOCH names, or undefined when it is unset or empty.
 * @throws an Error naming SOURCE_DATE_EPOCH when it is not a whole number of seconds
 */
export function parseBuildTime(value: string | undefined): Date | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  const date = /^\d{1,12}$/.test(text) ? new Date(Number(text) * 1000) : undefined;
  if (!date || Number.isNaN(date.getTime())) {
    throw new Error(`${BUILD_TIME_SETTING}: "${value}" is not a time: expected whole seconds since 1970-01-01 UTC, like ${Math.floor(Date.now() / 1000)}`);
  }
  return date;
}

/**
 * The time a build starting now runs at: the moment `sourceDateEpoch` names, else now, in whole seconds (so handing it
 * on as SOURCE_DATE_EPOCH loses nothing).
 */
export function startBuildTime(sourceDateEpoch: string | undefined = process.env[BUILD_TIME_SETTING]): Date {
  return parseBuildTime(sourceDateEpoch) ?? new Date(Math.floor(Date.now() / 1000) * 1000);
}

let fixed: Date | undefined;

/**
 * Vite's import.meta.env.DEV, false in plain Node (where the object is missing and reading it throws). Written out
 * whole, member and all, so Vite puts true or false in its place. Astro inlines the environment object itself into a
 * module wherever this file's text names it without a member after it (optional chaining, or a mention in a comment),
 * with every private variable whose name the text holds, this build's time among them: then this module's code, and
 * so every page's, would differ from the last build's, and Astro's incremental build would render every page again.
 */
function viteDev(): boolean {
  try {
    return import.meta.env.DEV === true;
  } catch {
    return false;
  }
}

/**
 * The build's "now": SOURCE_DATE_EPOCH when set, else the moment this process first asked (whole seconds). In
 * `astro dev` (`dev`: Vite's import.meta.env.DEV, absent in plain Node) the server runs for hours or days: "now" is
 * the moment of each call, so each page load sees the time it is loaded at (an age notice, the news sitemap's 48
 * hours, the year limit), not the moment the server started.
 */
export function buildTime(dev: boolean = viteDev()): Date {
  if (dev) return startBuildTime();
  fixed ??= startBuildTime();
  return new Date(fixed.getTime());
}

/** The environment a process started by the build needs to share its time: SOURCE_DATE_EPOCH set to `time`. */
export function buildTimeEnv(time: Date = buildTime()): Record<string, string> {
  return { [BUILD_TIME_SETTING]: String(Math.floor(time.getTime() / 1000)) };
}

/** True when an article is scheduled: its publication time is after `now`, so a later build will publish it. */
export function isScheduled(data: { published: Date }, now: Date = buildTime()): boolean {
  return data.published.getTime() > now.getTime();
}

/**
 * Whether an article is on the site: a production build leaves out drafts and scheduled articles (published after
 * the build time); `astro dev` shows both, so an editor can read them before they go out.
 */
export function isPublic(data: { draft: boolean; published: Date }, production: boolean, now: Date = buildTime()): boolean {
  return !production || (!data.draft && !isScheduled(data, now));
}
