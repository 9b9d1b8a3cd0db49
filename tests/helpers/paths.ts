import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const SEED_ARTICLES = resolve(ROOT, 'content/articles');
export const FIXTURE_ARTICLES = resolve(ROOT, 'tests/fixtures/articles');
export const INVALID_ARTICLES = resolve(ROOT, 'tests/fixtures/invalid');
export const XSS_ARTICLES = resolve(ROOT, 'tests/fixtures/xss');
export const FIXTURE_AUTHORS = resolve(ROOT, 'tests/fixtures/authors');
/** Screenshots, PDFs and other artefacts a person should look at. */
export const TEST_OUTPUT = resolve(ROOT, 'test-output');
/** Screenshots of the browser tests (created by the global setup). */
export const SCREENSHOTS = resolve(TEST_OUTPUT, 'screenshots');
export const SEED_SLUG = 'iran-stands-alone-in-major-blow-iraqi-militias-refuse-to-continue-aiding-iran';
/**
 * The scheduled article the test site's setup writes (tests/helpers/global-setup.ts), dated a month after the build:
 * its slug, and the word its title, desk, place and tag all hold, which no published file may contain.
 */
export const SCHEDULED_SLUG = 'scheduled-fixture';
export const SCHEDULED_MARK = 'Zyxscheduled';
/** Site pages and author files with one mistake each: a build with either folder must fail, naming file and field. */
export const INVALID_PAGES = resolve(ROOT, 'tests/fixtures/invalid-pages');
export const INVALID_AUTHORS = resolve(ROOT, 'tests/fixtures/invalid-authors');
