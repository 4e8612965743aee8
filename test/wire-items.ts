/** Agency copy for the wire queue's tests, built directly (the format parsers have their own). */
import type { WireItem } from '../src/domain/wire/wire-item.js';
import type { Browser, newsroomClient } from './newsroom-client.js';
import type { TestApp } from './test-app.js';

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

/** A draft made from the wire as the newsroom's article API answers it. */
export interface DraftFromWire {
  status: string;
  draft: {
    headline: string;
    dateline: string;
    signOff: string;
    tags: string[];
    body: unknown;
    sectionId: number;
  };
  notes: { text: string }[];
}

export type DeskRole = 'editor' | 'writer' | 'contributor';

/** A paper ready for the wire desk: a World section, and an editor, writer and contributor signed in. */
export async function openWireDesk(t: TestApp, api: ReturnType<typeof newsroomClient>) {
  const { id: sectionId } = await t.app.storage.stores.sections.create({
    slug: 'world',
    name: 'World',
    description: '',
    position: 0,
  });
  const as = {} as Record<DeskRole, Browser>;
  for (const role of ['editor', 'writer', 'contributor'] as const) {
    await api.addUser(`${role}@paper.example`, role);
    as[role] = await api.signIn(`${role}@paper.example`);
  }
  return { sectionId, as };
}
