import { describe, expect, it } from 'vitest';
import { datelinePlace, readDatelineOpening, takeDatelineOpening } from './dateline-opening.js';

describe('reading the dateline an agency story opens with', () => {
  it.each([
    ['ANKARA: Turkish troops crossed', 'ANKARA', null, 'Turkish troops crossed'],
    ['ANKARA, Turkey — Turkish troops crossed', 'ANKARA', null, 'Turkish troops crossed'],
    ['MOSCOW, April 23 (Reuters) - Russia said', 'MOSCOW', 'Reuters', 'Russia said'],
    ['MUSCAT, Dec 5 (ONA) -- His Majesty', 'MUSCAT', 'ONA', 'His Majesty'],
    ['LONDON (AP) — Britain said', 'LONDON', 'AP', 'Britain said'],
    ['WASHINGTON — The Senate voted', 'WASHINGTON', null, 'The Senate voted'],
    ['GROSSETO, Italy (AP) -- The trial', 'GROSSETO', 'AP', 'The trial'],
    ['RIO DE JANEIRO, Brazil (Reuters) - Police', 'RIO DE JANEIRO', 'Reuters', 'Police'],
    ['ST. LOUIS (AP) — A jury', 'ST. LOUIS', 'AP', 'A jury'],
    ['NEW YORK, N.Y. – Stocks fell', 'NEW YORK', null, 'Stocks fell'],
    ['BEIJING/SHANGHAI (Reuters) - China', 'BEIJING/SHANGHAI', 'Reuters', 'China'],
    ['SÃO PAULO (Reuters) - Brazil', 'SÃO PAULO', 'Reuters', 'Brazil'],
    ['MOSCOW, Monday (Reuters) - Russia', 'MOSCOW', 'Reuters', 'Russia'],
    ['Moscow, April 23 (Reuters) - Russia said', 'Moscow', 'Reuters', 'Russia said'],
    ['Muscat, Dec 5 - The council', 'Muscat', null, 'The council'],
    ['Dar es Salaam (AFP) - Tanzania', 'Dar es Salaam', 'AFP', 'Tanzania'],
    ['KABUL &mdash; The Taliban', 'KABUL', null, 'The Taliban'],
    ['THE HAGUE (Reuters) - The court', 'THE HAGUE', 'Reuters', 'The court'],
    ['PORT OF SPAIN, Trinidad — Police', 'PORT OF SPAIN', null, 'Police'],
    ['AL-MUKALLA, Yemen (AP) — Fighters', 'AL-MUKALLA', 'AP', 'Fighters'],
    ["N'DJAMENA, Chad (AFP) - Troops", "N'DJAMENA", 'AFP', 'Troops'],
    ['DUBAI, Dec. 5, 2024 (WAM) -- The UAE', 'DUBAI', 'WAM', 'The UAE'],
    ['(New York, NY - October 21) Et, sent luptat', 'New York', null, 'Et, sent luptat'],
    ['(Muscat, Oman – Dec 5) — The council met', 'Muscat', null, 'The council met'],
  ])('reads %j', (text, place, agency, rest) => {
    expect(readDatelineOpening(text)).toEqual({ place, agency, rest });
  });

  it.each([
    'However, the minister said the talks would go on.',
    'In 2023: a year of elections.',
    'Q: What did the minister say?',
    'A: He said nothing.',
    'UPDATE: adds the minister’s comments',
    'BREAKING: Parliament dissolved',
    "EDITOR'S NOTE: This story contains graphic descriptions.",
    'UPDATE 2-Oil prices rise',
    'US-China talks resume on Monday.',
    'Turkey — the country at the crossroads — votes on Sunday.',
    'Ankara: the capital is quiet.',
    'The minister — who spoke on Monday — said no.',
    '(Sports Network) - A pair of teams coming off big weekend sweeps',
    '(Updated on October 21) The minister said',
    '(Reuters) - Oil prices rose',
    '10:30 a.m. — The market opened',
    'By JOHN SMITH',
    'UN: talks stall',
    'WHY IT MATTERS: The vote decides the budget.',
    'READ MORE: Our coverage of the election',
    'WATCH LIVE — The minister speaks',
    'FACT CHECK: Did the minister say that?',
    'NOTE TO EDITORS: embargoed until 0600 GMT',
    'EXPLAINER — What the vote means',
    'In Paris: a summit.',
    'Mr Smith said — in a statement — that',
    'ANKARA',
    'ANKARA:',
    '',
  ])('leaves an ordinary opening alone: %j', (text) => {
    expect(readDatelineOpening(text)).toBeNull();
  });
});

describe('taking the opening out of a body', () => {
  it('removes it from the first paragraph and keeps the markup', () => {
    expect(
      takeDatelineOpening('<p>MOSCOW, April 23 (Reuters) - Russia said.</p><p>More.</p>'),
    ).toEqual({
      opening: { place: 'MOSCOW', agency: 'Reuters', rest: 'Russia said.' },
      bodyHtml: '<p>Russia said.</p><p>More.</p>',
    });
  });

  it('reads a plain body with no paragraphs', () => {
    expect(takeDatelineOpening('ANKARA: Turkish troops crossed')?.bodyHtml).toBe(
      'Turkish troops crossed',
    );
  });

  it('looks past a headline the body repeats at its top', () => {
    expect(
      takeDatelineOpening(
        '<h1>Troops cross</h1> <div><p>ANKARA: Turkish troops crossed.</p></div>',
      ),
    ).toEqual({
      opening: { place: 'ANKARA', agency: null, rest: 'Turkish troops crossed.' },
      bodyHtml: '<h1>Troops cross</h1> <div><p>Turkish troops crossed.</p></div>',
    });
  });

  it('reads only the head of a long body, and keeps all of it after the opening', () => {
    const long = `<p>ANKARA: ${'Word '.repeat(50_000)}</p>${'<h1>'.repeat(2_000)}`;
    const taken = takeDatelineOpening(long);
    expect(taken?.bodyHtml).toBe(long.replace('ANKARA: ', ''));
    const heads = `${'<h1>'.repeat(50_000)}ANKARA: troops`;
    expect(takeDatelineOpening(heads)).toBeNull();
  });

  it('looks only at the first paragraph', () => {
    expect(takeDatelineOpening('<p>Hello.</p><p>ANKARA: Turkish troops</p>')).toBeNull();
  });

  it('leaves an opening inside inline markup as it is', () => {
    expect(takeDatelineOpening('<p><strong>ANKARA</strong>: Turkish troops</p>')).toBeNull();
  });
});

describe('the place of a dateline field', () => {
  it.each([
    ['MOSCOW, Monday (Reuters)', 'MOSCOW'],
    ['ANKARA:', 'ANKARA'],
    ['Berlin', 'Berlin'],
    ['New York, NY', 'New York'],
    ['  LONDON  ', 'LONDON'],
    ['', ''],
  ])('%j is %j', (field, place) => {
    expect(datelinePlace(field)).toBe(place);
  });
});
