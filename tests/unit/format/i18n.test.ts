import { describe, expect, it } from 'vitest';
import { labelsFor } from '../../../src/format/i18n';

describe('labelsFor', () => {
  it('speaks English by default and for languages it does not know', () => {
    expect(labelsFor('en').published).toBe('Published');
    expect(labelsFor('de').minutes(3)).toBe('3 min read');
    expect(labelsFor('en-GB').readOriginal('example.org')).toBe('read the original on example.org');
  });

  it('speaks Arabic, with the plural form that fits the number', () => {
    const ar = labelsFor('ar-EG');
    expect(ar.published).toBe('نُشر في');
    expect(ar.tags).toBe('الوسوم');
    expect([1, 2, 3, 10, 11, 100].map(ar.minutes)).toEqual([
      'دقيقة واحدة للقراءة',
      'دقيقتان للقراءة',
      '3 دقائق للقراءة',
      '10 دقائق للقراءة',
      '11 دقيقة للقراءة',
      '100 دقيقة للقراءة',
    ]);
    expect(ar.originallyPublished('الأهرام')).toBe('نُشر أصلًا في الأهرام:');
  });

  it('speaks Hebrew', () => {
    const he = labelsFor('HE');
    expect(he.updated).toBe('עודכן');
    expect(he.minutes(1)).toBe('דקת קריאה אחת');
    expect(he.minutes(4)).toBe('4 דקות קריאה');
    expect(he.readOriginal('ynet.co.il')).toBe('לכתבה המקורית ב־ynet.co.il');
  });
});
