import { describe, expect, it } from 'vitest';
import { fieldOf, summaryLine, type SummaryField } from './summary-fields.js';

const FIELDS: SummaryField[] = [
  { name: 'lead', id: 'lead-photo', label: 'Lead photo' },
  { name: 'lead.alt', id: 'lead-alt', label: 'Alt text' },
  { name: 'tags', id: 'tags', label: 'Tags' },
];

describe('the error summary’s fields', () => {
  it('finds the most particular field an error names', () => {
    expect(fieldOf('lead.alt', FIELDS)?.id).toBe('lead-alt');
    expect(fieldOf('lead.caption', FIELDS)?.id).toBe('lead-photo');
    expect(fieldOf('tags[2]', FIELDS)?.id).toBe('tags');
    expect(fieldOf('tagsList', FIELDS)).toBeUndefined();
    expect(fieldOf('slug', FIELDS)).toBeUndefined();
  });

  it('says the field’s label once, not the server’s key', () => {
    expect(summaryLine('tags[2]', 'tags[2]: is too long', FIELDS[2])).toBe('Tags: is too long');
    expect(summaryLine('slug', 'slug: is taken', undefined)).toBe('is taken');
  });
});
