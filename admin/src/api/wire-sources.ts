/** The wire's sources (src/http/api/wire/wire-source-routes.ts), for editors and up. */
import type {
  addWireSourceInput,
  oneWireSourceOutput,
  wireSourceListOutput,
} from '../../../src/http/api/wire/wire-source-schema.js';
import { request } from './client.js';
import type { Answer, Body } from './json.js';

export type WireSourceList = Answer<typeof wireSourceListOutput>;
/** A source with its health: last success, last error and when, items last time, next poll. */
export type WireSource = WireSourceList['sources'][number];
export type WireSourceSettings = Body<typeof addWireSourceInput>;
export type WireSourceKind = WireSource['kind'];

const base = '/api/admin/wire-sources';
type One = Answer<typeof oneWireSourceOutput>;

/** The settings a source holds, to send back whole with one of them changed. */
export const settingsOf = (source: WireSource): WireSourceSettings => ({
  name: source.name,
  agency: source.agency,
  kind: source.kind,
  location: source.location,
  intervalMinutes: source.intervalMinutes,
  enabled: source.enabled,
});

export const wireSources = {
  list: () => request<WireSourceList>('GET', base),
  add: (settings: WireSourceSettings) => request<One>('POST', base, settings),
  change: (id: number, settings: WireSourceSettings) =>
    request<One>('PUT', `${base}/${id}`, settings),
  remove: (id: number) => request<void>('DELETE', `${base}/${id}`),
  /** Polls the source at once; answers it with its health afterwards. */
  pollNow: (id: number) => request<One>('POST', `${base}/${id}/poll`),
};
