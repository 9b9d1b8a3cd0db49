import type { Words } from '../i18n.ts';
import { ar } from './ar.ts';
import { de } from './de.ts';
import { en } from './en.ts';
import { es } from './es.ts';
import { fa } from './fa.ts';
import { fr } from './fr.ts';
import { he } from './he.ts';
import { it } from './it.ts';
import { ja } from './ja.ts';
import { pt } from './pt.ts';
import { ru } from './ru.ts';
import { tr } from './tr.ts';
import { ur } from './ur.ts';
import { zh } from './zh.ts';

/** Every language with its own words, by primary language subtag (lowercase). */
export const LANGUAGES: Readonly<Record<string, Words>> = { ar, de, en, es, fa, fr, he, it, ja, pt, ru, tr, ur, zh };
