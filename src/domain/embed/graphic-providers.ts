/** Maps and charts: Google Maps (no API key), Datawrapper and Flourish. */
import { matching, segmentsOf, WIDGET_SANDBOX, type EmbedProvider } from './embed-provider.js';

/** `@lat,lng[,zoomz]` as Google writes it in a map's address. */
const AT_COORDINATES =
  /^@(-?\d{1,2}(?:\.\d{1,12})?),(-?\d{1,3}(?:\.\d{1,12})?)(?:,(\d{1,2}(?:\.\d{1,4})?)z)?/;
/** What a map may search for: a place name or an address on one line, without control characters. */
const PLACE_QUERY = /^[^\p{Cc}]{1,200}$/u;

/** A path segment as text: percent-escapes decoded and `+` read as a space, as Google writes it. */
function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment.replace(/\+/g, ' ')).trim();
  } catch {
    return undefined;
  }
}

function coordinatesIn(segments: string[]): { at?: string; zoom?: string } {
  const match = AT_COORDINATES.exec(segments.find((s) => s.startsWith('@')) ?? '');
  if (!match) return {};
  const [, lat = '', lng = '', zoom] = match;
  if (Math.abs(Number(lat)) > 90 || Math.abs(Number(lng)) > 180) return {};
  const level = zoom === undefined ? undefined : Math.round(Number(zoom));
  const z = level !== undefined && level >= 1 && level <= 21 ? String(level) : undefined;
  return z === undefined ? { at: `${lat},${lng}` } : { at: `${lat},${lng}`, zoom: z };
}

/** `/maps?q=`, `/maps/place/NAME/…`, `/maps/search/QUERY/…`, `/maps/search/?api=1&query=`, `/maps/@…`. */
function mapQuery(url: URL): Record<string, string> | null {
  const s = segmentsOf(url);
  if (url.hostname === 'maps.google.com' && s.length === 0) s.push('maps');
  if (s[0] !== 'maps') return null;
  const { at, zoom } = coordinatesIn(s);
  const params = url.searchParams;
  let query: string | undefined;
  if (s.length === 1) query = params.get('q') ?? undefined;
  else if (s[1] === 'place' || s[1] === 'search') {
    const named = s[2] !== undefined && !s[2].startsWith('@');
    query = named ? decodeSegment(s[2]!) : (params.get('query') ?? undefined);
  } else if (!s[1]!.startsWith('@')) return null; // directions, My Maps, Street View…
  const q = matching(PLACE_QUERY, query?.trim() || at);
  if (q === undefined) return null;
  return zoom === undefined ? { q } : { q, z: zoom };
}

export const googleMaps: EmbedProvider = {
  id: 'google-maps',
  name: 'Google Maps',
  noun: 'Google map',
  hosts: ['maps.google.com', 'google.com', 'www.google.com'],
  // maps.google.com answers the classic embed by redirecting to www.google.com.
  frameOrigins: ['https://maps.google.com', 'https://www.google.com'],
  sandbox: WIDGET_SANDBOX,
  allow: 'fullscreen',
  example: 'https://www.google.com/maps/place/…',
  match: mapQuery,
  frame: ({ q = '', z }) => ({
    src: `https://maps.google.com/maps?q=${encodeURIComponent(q)}${z ? `&z=${z}` : ''}&output=embed`,
    width: 600,
    height: 450,
    layout: 'ratio',
  }),
  canonicalUrl: ({ q = '' }) =>
    `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(q)}`,
};

const CHART_ID = /^[A-Za-z0-9]{5}$/;
const CHART_VERSION = /^[1-9]\d{0,3}$/;

/** `datawrapper.dwcdn.net/ID[/VERSION]/` or the share link `www.datawrapper.de/_/ID/`. */
function datawrapperChart(url: URL): Record<string, string> | null {
  const s = segmentsOf(url);
  const onCdn = url.hostname === 'datawrapper.dwcdn.net';
  if (onCdn ? s.length > 2 : s.length !== 2 || s[0] !== '_') return null;
  const [idAt, versionAt] = onCdn ? s : [s[1], undefined];
  const id = matching(CHART_ID, idAt);
  if (id === undefined) return null;
  if (versionAt === undefined) return { id };
  const version = matching(CHART_VERSION, versionAt);
  return version === undefined ? null : { id, version };
}

const chartUrl = ({ id = '', version }: Record<string, string | undefined>) =>
  `https://datawrapper.dwcdn.net/${id}/${version ? `${version}/` : ''}`;

export const datawrapper: EmbedProvider = {
  id: 'datawrapper',
  name: 'Datawrapper',
  noun: 'Datawrapper chart',
  hosts: ['datawrapper.dwcdn.net', 'www.datawrapper.de', 'datawrapper.de'],
  frameOrigins: ['https://datawrapper.dwcdn.net'],
  sandbox: WIDGET_SANDBOX,
  allow: '',
  example: 'https://datawrapper.dwcdn.net/…/1/',
  match: datawrapperChart,
  // Without a version the address shows the chart's latest published one.
  frame: (ids) => ({ src: chartUrl(ids), width: 600, height: 450, layout: 'ratio' }),
  canonicalUrl: chartUrl,
};

const FLOURISH_ID = /^\d{1,12}$/;
const FLOURISH_KINDS = new Set(['visualisation', 'story']);

/** `public.flourish.studio/KIND/ID/` or `flo.uri.sh/KIND/ID/embed`. */
function flourishGraphic(url: URL): Record<string, string> | null {
  const s = segmentsOf(url);
  if (url.hostname === 'flo.uri.sh' && s.at(-1) === 'embed') s.pop();
  if (s.length !== 2 || !FLOURISH_KINDS.has(s[0]!)) return null;
  const id = matching(FLOURISH_ID, s[1]);
  return id === undefined ? null : { kind: s[0]!, id };
}

export const flourish: EmbedProvider = {
  id: 'flourish',
  name: 'Flourish',
  noun: 'Flourish graphic',
  hosts: ['public.flourish.studio', 'flo.uri.sh'],
  frameOrigins: ['https://flo.uri.sh'],
  sandbox: WIDGET_SANDBOX,
  allow: 'fullscreen',
  example: 'https://public.flourish.studio/visualisation/…/',
  match: flourishGraphic,
  frame: ({ kind = '', id = '' }) => ({
    src: `https://flo.uri.sh/${kind}/${id}/embed`,
    width: 720,
    height: 540,
    layout: 'ratio',
  }),
  canonicalUrl: ({ kind = '', id = '' }) => `https://public.flourish.studio/${kind}/${id}/`,
};
