/**
 * IPTC's ninjs (news in JSON), in both spellings agencies send: 1.x/2.x with lower-case fields
 * (`versioncreated`, `body_html`, `byline`, `associations` as an object) and 3.x in camelCase
 * (`versionCreated`, `bodies`, `headlines`, `associations` as a list). A picture item is one
 * photo; its associations are a text item's photos.
 */
import {
  finishWireRecord,
  paragraphsOf,
  bodyFragment,
  urgencyOf,
  versionOf,
  type WireDraft,
  type WireReadOptions,
} from './wire-draft.js';
import type { WirePhoto, WireRecord } from './wire-item.js';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** A list in either spelling: 1.x's object keyed by name, 3.x's array. */
const listOf = (value: unknown): Json[] =>
  (Array.isArray(value) ? value : isObject(value) ? Object.values(value) : []).filter(isObject);

/** The first field present of `names` (a 1.x name and its 3.x spelling). */
const field = (item: Json, ...names: string[]) =>
  names.map((name) => item[name]).find((value) => value !== undefined && value !== null);

/** A text of a role from 3.x's `headlines`/`descriptions`/`bodies`: the role asked, else the first. */
function byRole(list: unknown, ...roles: string[]): Json | undefined {
  const entries = listOf(list);
  return entries.find((entry) => roles.includes(text(entry.role))) ?? entries[0];
}

/** The body as HTML: HTML when the item has it, else its text made paragraphs. */
function bodyOf(item: Json): string {
  const html = text(item.body_html);
  if (html !== '') return html;
  const bodies = listOf(item.bodies);
  const htmlBody = bodies.find((body) => /html/.test(text(body.contentType) + text(body.role)));
  if (htmlBody) return bodyFragment(text(htmlBody.value));
  return paragraphsOf(text(item.body_text) || text(bodies[0]?.value));
}

/** The rendition to fetch: the original or main one, else the widest picture. */
function bestRendition(renditions: unknown): Json | undefined {
  const named = isObject(renditions)
    ? Object.entries(renditions).map(([name, value]) => ({ name, ...(value as Json) }))
    : listOf(renditions);
  const pictures = named.filter((r) => /^image\/|^$/.test(text(r.mimetype) || text(r.contentType)));
  const preferred = pictures.find((r) => ['original', 'main', 'baseImage'].includes(text(r.name)));
  const width = (r: Json) => Number(r.width) || 0;
  return preferred ?? [...pictures].sort((a, b) => width(b) - width(a))[0];
}

/** A picture (an item or an association) as a photo, or null when it has no picture to fetch. */
function photoOf(picture: Json): WirePhoto | null {
  const href = text(bestRendition(picture.renditions)?.href);
  if (href === '') return null;
  const descriptions = picture.descriptions;
  return {
    href,
    caption:
      text(picture.description_text) ||
      text(byRole(descriptions, 'caption', 'text')?.value) ||
      text(picture.body_text),
    credit:
      text(picture.byline) ||
      text(picture.by) ||
      text(listOf(descriptions).find((d) => d.role === 'creditline')?.value) ||
      text(field(picture, 'copyrightholder', 'copyrightHolder')),
    alt: text(picture.description_alt) || text(picture.headline),
  };
}

const isPicture = (item: Json) => ['picture', 'graphic'].includes(text(item.type));

/** The photos of an item: itself when it is a picture, else its associated pictures. */
function photosOf(item: Json): WirePhoto[] {
  const pictures = isPicture(item) ? [item] : listOf(item.associations).filter(isPicture);
  return pictures.map(photoOf).filter((photo): photo is WirePhoto => photo !== null);
}

const namesOf = (list: unknown) =>
  (Array.isArray(list) ? list : []).map((entry) =>
    isObject(entry) ? text(entry.name) || text(entry.literal) : text(entry),
  );

function ninjsDraft(item: Json): WireDraft {
  const byline = field(item, 'byline', 'by');
  return {
    uri: text(field(item, 'uri', 'guid')),
    version: versionOf(item.version),
    agencies: [
      text(field(item, 'copyrightholder', 'copyrightHolder')),
      ...namesOf(item.infoSources),
    ],
    urgency: urgencyOf(item.urgency),
    headline: text(item.headline) || text(byRole(item.headlines, 'main')?.value),
    datelineField: typeof item.located === 'string' ? item.located : '',
    bodyHtml: isPicture(item) ? '' : bodyOf(item),
    bylines: typeof byline === 'string' ? [byline] : namesOf(byline),
    subjects: [...namesOf(field(item, 'subject', 'subjects')), ...namesOf(item.keywords)],
    photos: photosOf(item),
    sentDates: [text(field(item, 'versioncreated', 'versionCreated'))],
    firstCreated: text(field(item, 'firstcreated', 'firstCreated')),
    language: text(item.language) || null,
    format: 'ninjs',
  };
}

/** One ninjs item: a wire item, or why it is none. */
export function ninjsRecord(item: unknown, ref: string, options?: WireReadOptions): WireRecord {
  if (!isObject(item)) return { failed: 'it is not a ninjs object', ref };
  const type = text(item.type);
  if (type === 'video' || type === 'audio')
    return {
      failed: `a ${type === 'video' ? 'video' : 'audio item'}; the wire desk takes text and pictures`,
      ref: text(field(item, 'uri', 'guid')) || ref,
    };
  return finishWireRecord(ninjsDraft(item), ref, options);
}
