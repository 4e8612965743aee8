import { describe, expect, it } from 'vitest';
import { agencyName, agencySignOff } from './agency-sign-off.js';

describe('the agency sign-off', () => {
  it('names the one agency a story came from', () => {
    expect(agencySignOff(['Reuters'])).toBe('Reuters');
    expect(agencySignOff(['Reuters', 'REUTERS', 'Thomson Reuters'])).toBe('Reuters');
  });

  it('says "Agencies" when copy from several was merged', () => {
    expect(agencySignOff(['Reuters', 'AFP'])).toBe('Agencies');
    expect(agencySignOff(['ONA', 'Oman News Agency', 'Associated Press'])).toBe('Agencies');
  });

  it('is empty when no item named its agency', () => {
    expect(agencySignOff([])).toBe('');
    expect(agencySignOff(['', '  '])).toBe('');
  });

  it('shortens codes and long names it knows, and keeps others as written', () => {
    expect(agencyName('Associated Press')).toBe('AP');
    expect(agencyName('REUTERS')).toBe('Reuters');
    expect(agencyName('Muscat Daily Wire')).toBe('Muscat Daily Wire');
  });
});
