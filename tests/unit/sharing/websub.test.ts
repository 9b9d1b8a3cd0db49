import { describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { atomFeed, jsonFeed, type FeedMeta } from '../../../src/sharing/feeds';

const meta: FeedMeta = { title: 'The Reader', description: 'News.', home: 'https://news.example/', lang: 'en' };
const links = (xml: string) => new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (n) => n === 'link' })
  .parse(xml).feed.link.map((l: Record<string, string>) => `${l['@rel']} ${l['@href']}`);

describe('WebSub hub in the feeds', () => {
  it('is named by Atom (<link rel="hub">) and JSON Feed (hubs) when configured', () => {
    const hub = 'https://hub.example/';
    expect(links(atomFeed([], { ...meta, hub }, 'https://news.example/atom.xml'))).toEqual([
      'self https://news.example/atom.xml', 'alternate https://news.example/', 'hub https://hub.example/',
    ]);
    expect(jsonFeed([], { ...meta, hub }, 'https://news.example/feed.json').hubs).toEqual([{ type: 'WebSub', url: hub }]);
  });

  it('is absent when off (the default)', () => {
    expect(links(atomFeed([], meta, 'https://news.example/atom.xml'))).toEqual(['self https://news.example/atom.xml', 'alternate https://news.example/']);
    expect(jsonFeed([], meta, 'https://news.example/feed.json')).not.toHaveProperty('hubs');
  });
});
