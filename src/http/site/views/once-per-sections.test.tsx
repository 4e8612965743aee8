import { describe, expect, it } from 'vitest';
import type { Section } from '../../../domain/section/section.js';
import type { Masthead } from '../../../services/read-masthead.js';
import { h } from '../../jsx/jsx.js';
import { MastheadView } from './masthead.js';

const section = (id: number, slug: string, name: string): Section => ({
  id,
  slug,
  name,
  description: '',
  position: id,
  hidden: false,
});

const masthead: Masthead = {
  publicationName: 'The Daily Observer',
  tagline: '',
  date: { text: 'Wednesday', gregorian: 'Wednesday', hijri: null, isoDate: '2024-04-24' },
  weather: undefined,
  editorInChief: '',
};

const navOf = (sections: Section[], currentSection?: string) =>
  /<nav class="sections"[\s\S]*<\/nav>/.exec(
    (
      <MastheadView
        masthead={masthead}
        sections={sections}
        currentSection={currentSection}
        isHome={false}
      />
    ).html,
  )?.[0];

describe('the sections navigation, rendered once per publication snapshot', () => {
  it('marks the page’s own section, and each section in turn', () => {
    const sections = [section(1, 'world', 'World'), section(2, 'sport', 'Sport')];
    expect(navOf(sections, 'world')).toContain('<a href="/world" aria-current="page">World</a>');
    expect(navOf(sections, 'sport')).toContain('<a href="/sport" aria-current="page">Sport</a>');
    expect(navOf(sections)).not.toContain('aria-current');
    expect(navOf(sections, 'world')).toContain('<a href="/sport">Sport</a>');
  });

  it('follows a new snapshot: a renamed or added section shows at once', () => {
    const before = [section(1, 'world', 'World')];
    expect(navOf(before, 'world')).toContain('>World</a>');
    const after = [section(1, 'world', 'Abroad'), section(3, 'arts', 'Arts & Culture')];
    const nav = navOf(after, 'world');
    expect(nav).toContain('<a href="/world" aria-current="page">Abroad</a>');
    expect(nav).toContain('<a href="/arts">Arts &amp; Culture</a>');
  });
});
