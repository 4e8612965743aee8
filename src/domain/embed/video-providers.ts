/** Video players: YouTube (through its no-cookie host) and Vimeo (with Do Not Track). */
import {
  matching,
  PLAYER_SANDBOX,
  segmentsOf,
  type EmbedIds,
  type EmbedProvider,
} from './embed-provider.js';

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;
/** `youtube.com/<kind>/ID` paths that name one video. */
const YOUTUBE_PATHS = new Set(['embed', 'shorts', 'live', 'v']);

/** A start time as YouTube writes it: `90`, `90s` or `1h2m30s`; undefined when absent or odd. */
function startSeconds(value: string | null): number | undefined {
  if (value === null) return undefined;
  const plain = /^(\d{1,6})s?$/.exec(value);
  const parts = plain ? null : /^(?:(\d{1,2})h)?(?:(\d{1,3})m)?(?:(\d{1,5})s)?$/.exec(value);
  const seconds = plain
    ? Number(plain[1])
    : parts
      ? Number(parts[1] ?? 0) * 3600 + Number(parts[2] ?? 0) * 60 + Number(parts[3] ?? 0)
      : 0;
  return seconds > 0 ? seconds : undefined;
}

function youtubeId(url: URL): string | undefined {
  const segments = segmentsOf(url);
  if (url.hostname === 'youtu.be') return segments.length === 1 ? segments[0] : undefined;
  if (segments.length === 1 && segments[0] === 'watch') return url.searchParams.get('v') ?? '';
  const [kind, id] = segments;
  return segments.length === 2 && YOUTUBE_PATHS.has(kind ?? '') ? id : undefined;
}

export const youtube: EmbedProvider = {
  id: 'youtube',
  name: 'YouTube',
  noun: 'YouTube video',
  hosts: [
    'youtube.com',
    'www.youtube.com',
    'm.youtube.com',
    'youtu.be',
    'youtube-nocookie.com',
    'www.youtube-nocookie.com',
  ],
  frameOrigins: ['https://www.youtube-nocookie.com'],
  sandbox: PLAYER_SANDBOX,
  allow: 'encrypted-media; picture-in-picture; fullscreen',
  example: 'https://www.youtube.com/watch?v=…',
  match(url): EmbedIds | null {
    const id = matching(YOUTUBE_ID, youtubeId(url));
    if (id === undefined) return null;
    const start = startSeconds(url.searchParams.get('t') ?? url.searchParams.get('start'));
    return start === undefined ? { id } : { id, start: String(start) };
  },
  frame: ({ id = '', start }) => ({
    src: `https://www.youtube-nocookie.com/embed/${id}${start ? `?start=${start}` : ''}`,
    width: 560,
    height: 315,
    layout: 'ratio',
  }),
  canonicalUrl: ({ id = '', start }) =>
    `https://www.youtube.com/watch?v=${id}${start ? `&t=${start}s` : ''}`,
};

const VIMEO_ID = /^\d{1,12}$/;
/** The key of an unlisted video, which its address carries after the id. */
const VIMEO_HASH = /^[0-9a-f]{6,20}$/;
const VIMEO_NAME = /^[A-Za-z0-9_-]{1,64}$/;

function vimeoIds(url: URL): { id?: string; hash?: string } {
  const s = segmentsOf(url);
  if (url.hostname === 'player.vimeo.com') {
    return s.length === 2 && s[0] === 'video'
      ? { id: s[1], hash: url.searchParams.get('h') ?? undefined }
      : {};
  }
  if (s.length === 1 || s.length === 2) return { id: s[0], hash: s[1] };
  if (s.length === 3 && s[0] === 'channels' && VIMEO_NAME.test(s[1] ?? '')) return { id: s[2] };
  const inGroup = s[0] === 'groups' && s[2] === 'videos';
  const inShowcase = (s[0] === 'showcase' || s[0] === 'album') && s[2] === 'video';
  if (s.length === 4 && (inGroup || inShowcase) && VIMEO_NAME.test(s[1] ?? '')) return { id: s[3] };
  return {};
}

export const vimeo: EmbedProvider = {
  id: 'vimeo',
  name: 'Vimeo',
  noun: 'Vimeo video',
  hosts: ['vimeo.com', 'www.vimeo.com', 'player.vimeo.com'],
  frameOrigins: ['https://player.vimeo.com'],
  sandbox: PLAYER_SANDBOX,
  allow: 'picture-in-picture; fullscreen',
  example: 'https://vimeo.com/…',
  match(url): EmbedIds | null {
    const found = vimeoIds(url);
    const id = matching(VIMEO_ID, found.id);
    if (id === undefined) return null;
    if (found.hash === undefined) return { id };
    const hash = matching(VIMEO_HASH, found.hash);
    return hash === undefined ? null : { id, hash };
  },
  frame: ({ id = '', hash }) => ({
    src: `https://player.vimeo.com/video/${id}?dnt=1${hash ? `&h=${hash}` : ''}`,
    width: 640,
    height: 360,
    layout: 'ratio',
  }),
  canonicalUrl: ({ id = '', hash }) => `https://vimeo.com/${id}${hash ? `/${hash}` : ''}`,
};
