/** Agency copy for the wire queue's tests, built directly (the format parsers have their own). */
import type { WireItem } from '../src/domain/wire/wire-item.js';

let serial = 0;

/** A Reuters item with a unique uri at version 1, sent now-ish; any field may be given. */
export function wireItem(fields: Partial<WireItem> = {}): WireItem {
  serial += 1;
  return {
    uri: `urn:newsml:reuters.com:20261206:test-${serial}`,
    version: 1,
    agency: 'Reuters',
    urgency: 3,
    headline: `Harbour talks resume, item ${serial}`,
    dateline: 'MUSCAT',
    bodyHtml: '<p>Talks on the harbour resumed on Sunday.</p><p>Officials said little.</p>',
    bylines: [],
    subjects: ['Shipping', 'Oman'],
    photos: [],
    firstCreatedAt: '2026-12-06T08:00:00Z',
    sentAt: '2026-12-06T08:00:00Z',
    language: 'en',
    format: 'newsml-g2',
    ...fields,
  };
}
