/**
 * The desk's wire sources (ADR 0058): listed with their health, added, changed, removed, and
 * polled at once on request. Only editors manage them; a drop folder must lie under the
 * operator's drop root, or it is refused before it is stored.
 */
import { entryBy, type AuditEventName } from '../../domain/audit/audit-entry.js';
import { invalid, notFound } from '../../domain/errors.js';
import { authorize } from '../../domain/roles/permissions.js';
import type { Actor } from '../../domain/roles/role.js';
import {
  checkedFeedUrl,
  isFeedKind,
  type WireSource,
  type WireSourceSettings,
} from '../../domain/wire/wire-source.js';
import { pollWireSources } from './poll-wire-sources.js';
import type { WireSourceDeps } from './wire-source-deps.js';

const found = (source: WireSource | undefined): WireSource => {
  if (!source) throw notFound('There is no such wire source');
  return source;
};

/** The settings with the location checked: a feed's URL, or a folder under the drop root. */
async function checkedSettings(
  deps: WireSourceDeps,
  settings: WireSourceSettings,
): Promise<WireSourceSettings> {
  if (isFeedKind(settings.kind)) {
    const location = checkedFeedUrl(settings.location);
    const refusal = deps.outbound.refusalOf(location);
    if (refusal) throw invalid(`the server may not fetch this address: ${refusal}`, 'location');
    return { ...settings, location };
  }
  const place = await deps.dropFolders.place(settings.location);
  if ('refused' in place) throw invalid(place.refused, 'location');
  return settings;
}

/** Notes who pointed the wire where: the source's kind and location, in the audit trail. */
async function recordSource(
  deps: WireSourceDeps,
  actor: Actor,
  event: AuditEventName,
  source: Pick<WireSource, 'id' | 'name' | 'kind' | 'location' | 'enabled'>,
) {
  const details = {
    name: source.name,
    kind: source.kind,
    location: source.location,
    enabled: source.enabled,
  };
  const entry = entryBy(actor, event, { target: { type: 'wire_source', id: source.id }, details });
  await deps.storage.stores.audit.record(entry, deps.clock.now());
}

/** Every source, by name, with its health. */
export function listWireSources(deps: WireSourceDeps, actor: Actor): Promise<WireSource[]> {
  authorize(actor, 'wire_source.manage');
  return deps.storage.stores.wireSources.list();
}

/** A new source, due for its first poll at once. */
export async function addWireSource(
  deps: WireSourceDeps,
  actor: Actor,
  settings: WireSourceSettings,
): Promise<WireSource> {
  authorize(actor, 'wire_source.manage');
  const checked = await checkedSettings(deps, settings);
  const source = await deps.storage.stores.wireSources.add(checked, deps.clock.now());
  await recordSource(deps, actor, 'wire_source.added', source);
  return source;
}

/** New settings for a source; it is polled afresh (no validators, no backoff) at once. */
export async function changeWireSource(
  deps: WireSourceDeps,
  actor: Actor,
  id: number,
  settings: WireSourceSettings,
): Promise<WireSource> {
  authorize(actor, 'wire_source.manage');
  const checked = await checkedSettings(deps, settings);
  const source = found(await deps.storage.stores.wireSources.change(id, checked, deps.clock.now()));
  await recordSource(deps, actor, 'wire_source.changed', source);
  return source;
}

/** Removes a source; the items it brought stay in the queue. */
export async function removeWireSource(deps: WireSourceDeps, actor: Actor, id: number) {
  authorize(actor, 'wire_source.manage');
  const { wireSources } = deps.storage.stores;
  const source = found(await wireSources.find(id));
  if (!(await wireSources.remove(id))) throw notFound('There is no such wire source');
  await recordSource(deps, actor, 'wire_source.removed', source);
}

/**
 * Makes an enabled source due and polls what is due, unless another poller is at it (which
 * then reads it): the source as it stands afterwards.
 */
export async function pollWireSourceNow(
  deps: WireSourceDeps,
  actor: Actor,
  id: number,
): Promise<WireSource> {
  authorize(actor, 'wire_source.manage');
  const { wireSources } = deps.storage.stores;
  const source = found(await wireSources.find(id));
  if (!source.enabled) throw invalid('the source is turned off; turn it on to poll it', 'enabled');
  await wireSources.dueNow(id, deps.clock.now());
  await pollWireSources(deps);
  return found(await wireSources.find(id));
}
