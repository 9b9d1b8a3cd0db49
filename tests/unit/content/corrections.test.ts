import { describe, expect, it } from 'vitest';
import { articleSchema } from '../../../src/content/schema';
import { lastUpdated, sortedCorrections } from '../../../src/content/corrections';

const base = { title: 'T', source: 'S', desk: 'D', location: 'L', published: '2024-12-16' };

describe('corrections in the frontmatter', () => {
  it('default to none', () => {
    expect(articleSchema.parse(base).corrections).toEqual([]);
  });

  it('parse their dates like published', () => {
    const data = articleSchema.parse({ ...base, corrections: [{ date: '2024-12-18T10:00:00Z', text: 'Fixed a name.' }] });
    expect(data.corrections).toEqual([{ date: new Date('2024-12-18T10:00:00Z'), text: 'Fixed a name.' }]);
  });

  it.each([
    [[{ date: '2024-02-30', text: 'x' }], 'corrections.0.date', 'not a real ISO 8601 date'],
    [[{ date: '2024-12-17' }], 'corrections.0.text', 'is required'],
    [[{ date: '2024-12-17', text: '  ' }], 'corrections.0.text', 'must not be empty'],
    [[{ date: '2024-12-17', text: 'x', by: 'me' }], 'corrections.0', 'by'],
    [[{ date: '2024-12-01', text: 'x' }], 'corrections.0.date', 'must not be before published'],
    ['fixed it', 'corrections', 'expected a list of corrections'],
  ])('reject %j (%s)', (corrections, path, message) => {
    const result = articleSchema.safeParse({ ...base, corrections });
    expect(result.success).toBe(false);
    const issue = result.error!.issues.find((i) => i.path.join('.') === path)!;
    expect(`${issue.message} ${JSON.stringify(issue)}`).toContain(message);
  });
});

describe('lastUpdated', () => {
  const d = (s: string) => new Date(s);
  it('is undefined for an article never changed', () => {
    expect(lastUpdated({ corrections: [] })).toBeUndefined();
  });
  it('is updated when there is no later correction', () => {
    expect(lastUpdated({ updated: d('2025-01-05'), corrections: [{ date: d('2025-01-02'), text: 'x' }] })).toEqual(d('2025-01-05'));
  });
  it('is the latest correction when it is later than updated, or there is no updated', () => {
    const corrections = [{ date: d('2025-01-09'), text: 'b' }, { date: d('2025-01-07'), text: 'a' }];
    expect(lastUpdated({ updated: d('2025-01-05'), corrections })).toEqual(d('2025-01-09'));
    expect(lastUpdated({ corrections })).toEqual(d('2025-01-09'));
    expect(sortedCorrections({ corrections }).map((c) => c.text)).toEqual(['a', 'b']);
  });
});
