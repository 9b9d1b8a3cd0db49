import type { APIRoute } from 'astro';
import { SITE } from '../site';

/** IndexNow's key format (https://www.indexnow.org/documentation): 8 to 128 of a-z, A-Z, 0-9 and -. */
const KEY = /^[a-zA-Z0-9-]{8,128}$/;

/** The IndexNow key file, /<key>.txt holding the key, when a key is configured; nothing otherwise. */
export function getStaticPaths() {
  const key = SITE.indexNowKey;
  if (!key) return [];
  if (!KEY.test(key)) throw new Error(`indexNowKey (INDEXNOW_KEY): "${key}" is not 8 to 128 letters, digits or hyphens`);
  return [{ params: { indexnow: key } }];
}

export const GET: APIRoute = ({ params }) => new Response(params.indexnow, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
