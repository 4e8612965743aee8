/** Audio players: Spotify and SoundCloud (tracks only). */
import {
  matching,
  segmentsOf,
  WIDGET_SANDBOX,
  type EmbedIds,
  type EmbedProvider,
} from './embed-provider.js';

const SPOTIFY_ID = /^[A-Za-z0-9]{22}$/;
const SPOTIFY_KINDS = new Set(['track', 'album', 'playlist', 'episode', 'show', 'artist']);
/** One track or episode plays in Spotify's compact player; lists need the tall one. */
const SPOTIFY_SINGLE = new Set(['track', 'episode']);

/** `/[intl-xx/][embed/]KIND/ID`. */
function spotifyItem(url: URL): { kind?: string; id?: string } {
  const s = segmentsOf(url);
  if (/^intl-[a-z]{2}(?:-[a-z]{2})?$/i.test(s[0] ?? '')) s.shift();
  if (s[0] === 'embed') s.shift();
  return s.length === 2 && SPOTIFY_KINDS.has(s[0]!) ? { kind: s[0], id: s[1] } : {};
}

export const spotify: EmbedProvider = {
  id: 'spotify',
  name: 'Spotify',
  noun: 'Spotify player',
  hosts: ['open.spotify.com'],
  frameOrigins: ['https://open.spotify.com'],
  sandbox: WIDGET_SANDBOX,
  allow: 'encrypted-media',
  example: 'https://open.spotify.com/episode/…',
  match(url): EmbedIds | null {
    const item = spotifyItem(url);
    const id = matching(SPOTIFY_ID, item.id);
    return id === undefined || item.kind === undefined ? null : { kind: item.kind, id };
  },
  frame: ({ kind = '', id = '' }) => ({
    src: `https://open.spotify.com/embed/${kind}/${id}`,
    width: 640,
    height: SPOTIFY_SINGLE.has(kind) ? 152 : 352,
    layout: 'fixed',
  }),
  canonicalUrl: ({ kind = '', id = '' }) => `https://open.spotify.com/${kind}/${id}`,
};

const PERMALINK = /^[A-Za-z0-9_-]{1,100}$/;
/** The key of a private track, which its address carries after the track's name. */
const SECRET = /^s-[A-Za-z0-9]{5,20}$/;
/** First segments that are SoundCloud's own pages, not an artist. */
const SITE_PAGES = new Set([
  'charts',
  'discover',
  'feed',
  'jobs',
  'messages',
  'mobile',
  'notifications',
  'pages',
  'people',
  'search',
  'settings',
  'signin',
  'stream',
  'tags',
  'terms-of-use',
  'upload',
  'you',
]);
/** Second segments that are an artist's lists, not a track. */
const ARTIST_PAGES = new Set([
  'albums',
  'comments',
  'followers',
  'following',
  'likes',
  'playlists',
  'popular-tracks',
  'reposts',
  'sets',
  'spotlight',
  'tracks',
]);

/** `/ARTIST/TRACK[/s-SECRET]`: a track, never a set, a list or one of the site's pages. */
function soundcloudTrack(url: URL): Record<string, string> | null {
  const [artist, track, secret, ...rest] = segmentsOf(url);
  if (rest.length > 0 || artist === undefined || track === undefined) return null;
  if (!PERMALINK.test(artist) || !PERMALINK.test(track)) return null;
  if (SITE_PAGES.has(artist) || ARTIST_PAGES.has(track)) return null;
  if (secret === undefined) return { artist, track };
  return SECRET.test(secret) ? { artist, track, secret } : null;
}

const soundcloudUrl = ({ artist = '', track = '', secret }: Record<string, string | undefined>) =>
  `https://soundcloud.com/${artist}/${track}${secret ? `/${secret}` : ''}`;

export const soundcloud: EmbedProvider = {
  id: 'soundcloud',
  name: 'SoundCloud',
  noun: 'SoundCloud track',
  hosts: ['soundcloud.com', 'www.soundcloud.com', 'm.soundcloud.com'],
  frameOrigins: ['https://w.soundcloud.com'],
  sandbox: WIDGET_SANDBOX,
  allow: '',
  example: 'https://soundcloud.com/…/…',
  match: soundcloudTrack,
  frame: (ids) => ({
    src: `https://w.soundcloud.com/player/?url=${encodeURIComponent(soundcloudUrl(ids))}&auto_play=false&visual=false`,
    width: 640,
    height: 166,
    layout: 'fixed',
  }),
  canonicalUrl: soundcloudUrl,
};
