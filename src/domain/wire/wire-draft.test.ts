import { describe, expect, it } from 'vitest';
import { instantOf, paragraphsOf, urgencyOf, versionOf } from './wire-draft.js';

describe('reading the dates wire formats write', () => {
  it.each([
    ['2018-10-21T16:25:32-05:00', '2018-10-21T21:25:32.000Z'],
    ['2018-10-12T06:42:04Z ', '2018-10-12T06:42:04.000Z'],
    ['20020410T123000Z', '2002-04-10T12:30:00.000Z'],
    ['20241205T083000+0400', '2024-12-05T04:30:00.000Z'],
    ['20241205', '2024-12-05T00:00:00.000Z'],
    ['Wed, 31 Jan 2018 07:26:05 GMT', '2018-01-31T07:26:05.000Z'],
    ['Seg, 24 Set 2018 19:42:40 -0300', '2018-09-24T22:42:40.000Z'],
    ['Mi, 03 Okt 2018 10:00:00 +0200', '2018-10-03T08:00:00.000Z'],
    ['jeu., 5 déc. 2024 08:00:00 +0000', '2024-12-05T08:00:00.000Z'],
    ['Lun, 02 Ene 2023 12:00:00 GMT', '2023-01-02T12:00:00.000Z'],
  ])('reads %j', (text, iso) => {
    expect(instantOf(text)).toBe(iso);
  });

  it.each([
    '',
    '   ',
    'yesterday',
    '0000-00-00 00:00:00',
    '2024-13-45',
    'Seg, 24 Foo 2018',
    undefined,
  ])('gives no date for %j', (text) => {
    expect(instantOf(text)).toBeNull();
  });
});

describe('versions, urgencies and text bodies', () => {
  it('reads a version, and takes 1 when there is none that is a number', () => {
    expect([
      versionOf('11'),
      versionOf(2),
      versionOf('0'),
      versionOf('v2'),
      versionOf(null),
    ]).toEqual([11, 2, 0, 1, 1]);
  });

  it('reads urgency 1 to 9 and nothing else', () => {
    expect([
      urgencyOf('3'),
      urgencyOf(1),
      urgencyOf(0),
      urgencyOf('10'),
      urgencyOf('high'),
    ]).toEqual([3, 1, null, null, null]);
  });

  it('makes paragraphs of plain text, escaped', () => {
    expect(paragraphsOf('One\nline.\n\nTwo <b> & three.')).toBe(
      '<p>One line.</p><p>Two &lt;b&gt; &amp; three.</p>',
    );
    expect(paragraphsOf('One.\nTwo.')).toBe('<p>One.</p><p>Two.</p>');
    expect(paragraphsOf('  ')).toBe('');
  });
});
