/** The import format's optional fields that an export writes, and the fields they refuse. */
import { describe, expect, it } from 'vitest';
import { importedArticleSchema } from './article-import-schema.js';

const story = { headline: 'Harbour reopens', section: 'Oman', body: ['It reopened.'] };

const problemsOf = (input: unknown) => {
  const parsed = importedArticleSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.path.join('.'));
};

describe('the article import format', () => {
  it('takes a section with its slug, description and visibility', () => {
    const parsed = importedArticleSchema.parse({
      ...story,
      section: { name: 'Archive', slug: 'from-the-archive', hidden: true },
    });
    expect(parsed.section).toEqual({
      name: 'Archive',
      slug: 'from-the-archive',
      description: '',
      hidden: true,
    });
    expect(
      importedArticleSchema.parse({ ...story, section: { name: 'Archive', position: 0 } }).section,
    ).toMatchObject({ position: 0 });
    expect(problemsOf({ ...story, section: { name: 'Archive', slug: 'Not A Slug' } })).toEqual([
      'section.slug',
    ]);
  });

  it('takes dated corrections, and refuses one without a zone or text', () => {
    const parsed = importedArticleSchema.parse({
      ...story,
      corrections: [{ text: 'The date was wrong.', date: '2026-11-21T09:30:00Z' }],
    });
    expect(parsed.corrections).toEqual([
      { kind: 'correction', text: 'The date was wrong.', date: '2026-11-21T09:30:00Z' },
    ]);
    expect(
      problemsOf({ ...story, corrections: [{ text: 'x', date: '2026-11-21 09:30' }] }),
    ).toEqual(['corrections.0.date']);
    expect(
      problemsOf({ ...story, corrections: [{ text: ' ', date: '2026-11-21T09:30Z' }] }),
    ).toEqual(['corrections.0.text']);
  });

  it("takes a byline's links and a lead photo's focal point, within their bounds", () => {
    const byline = { name: 'Amal', kind: 'guest', links: ['@amal_h', 'https://example.org'] };
    const lead = { file: 'a.jpg', alt: 'A harbour', focalPoint: { x: 0.2, y: 0.8 } };
    const parsed = importedArticleSchema.parse({ ...story, bylines: [byline], leadImage: lead });
    expect(parsed.bylines[0]).toMatchObject({
      links: ['https://x.com/amal_h', 'https://example.org'],
    });
    expect(parsed.leadImage?.focalPoint).toEqual({ x: 0.2, y: 0.8 });
    expect(
      problemsOf({ ...story, bylines: [{ ...byline, links: ['javascript:alert(1)'] }] }),
    ).toEqual(['bylines.0.links.0']);
    expect(problemsOf({ ...story, leadImage: { ...lead, focalPoint: { x: 1.5, y: 0 } } })).toEqual([
      'leadImage.focalPoint.x',
    ]);
  });

  it('still reads a story written before these fields existed', () => {
    const parsed = importedArticleSchema.parse(story);
    expect(parsed.section).toBe('Oman');
    expect(parsed.corrections).toEqual([]);
  });
});
