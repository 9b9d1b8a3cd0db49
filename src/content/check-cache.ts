import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import type { RawArticle } from './article-file.ts';
import type { ImageReference } from './photos.ts';

/** What the check found in a file that passed it: its parts, its validated data, the photographs it names. */
export interface PassedCheck<T> {
  raw: RawArticle;
  data: T;
  references: ImageReference[];
}

/** One remembered file: the digest of what it was checked under, and the result without the body (the file has it). */
interface Remembered {
  digest: string;
  slug: string;
  frontmatter: unknown;
  /** Where the body starts in the file's text. */
  bodyAt: number;
  data: unknown;
  references: ImageReference[];
}

/**
 * The files of a folder that passed the check (src/content/loader.ts, loadContentFiles), remembered between builds so
 * an unchanged file is not parsed and validated again: at 10,000 articles the check of every file took 2.7 s of each
 * build, and 0.9 s with the remembered results (each file is still read and its digest made).
 *
 * A file is remembered under a digest of its text and of `version`: the code and every setting the check reads (the
 * caller gives them). Only files that passed are remembered; a file with a problem is checked again each time, so every
 * message comes from the check itself. The photographs a file names are checked each time too (they may change, or be
 * fetched from elsewhere). A cache file that cannot be read is a cache that is empty.
 */
export class CheckCache<T> {
  readonly #file: string;
  readonly #version: string;
  readonly #before: Map<string, Remembered>;
  readonly #now = new Map<string, Remembered>();

  constructor(file: string, version: string) {
    this.#file = file;
    this.#version = version;
    this.#before = (() => {
      try {
        const stored = deserialize(readFileSync(file)) as { version: string; files: Map<string, Remembered> };
        return stored.version === version ? stored.files : new Map();
      } catch {
        return new Map();
      }
    })();
  }

  #digest(contents: string): string {
    return createHash('sha256').update(this.#version).update('\0').update(contents).digest('base64url');
  }

  /** The result of the last check of the file at `path`, if its text and the version are the same. */
  get(path: string, contents: string): PassedCheck<T> | undefined {
    const remembered = this.#before.get(path);
    if (!remembered || remembered.digest !== this.#digest(contents)) return undefined;
    this.#now.set(path, remembered);
    const { slug, frontmatter, bodyAt, data, references } = remembered;
    return { raw: { slug, frontmatter, body: contents.slice(bodyAt) }, data: data as T, references };
  }

  /** Remembers a file that passed the check. */
  set(path: string, contents: string, { raw, data, references }: PassedCheck<T>): void {
    const bodyAt = contents.length - raw.body.length;
    if (contents.slice(bodyAt) !== raw.body) return;
    this.#now.set(path, { digest: this.#digest(contents), slug: raw.slug, frontmatter: raw.frontmatter, bodyAt, data, references });
  }

  /** Writes the files remembered in this run (those gone or failing are forgotten), replacing the file at once. */
  save(): void {
    writeFileSync(`${this.#file}.tmp`, serialize({ version: this.#version, files: this.#now }));
    renameSync(`${this.#file}.tmp`, this.#file);
  }
}
