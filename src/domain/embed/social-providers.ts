/** Social posts: X (Twitter) and Instagram, shown by their own embed pages without any script. */
import {
  matching,
  segmentsOf,
  WIDGET_SANDBOX,
  type EmbedIds,
  type EmbedProvider,
} from './embed-provider.js';

const POST_ID = /^\d{1,20}$/;
const HANDLE = /^[A-Za-z0-9_]{1,15}$/;

/** `/HANDLE/status/ID[/photo/1]`, `/i/status/ID` or `/i/web/status/ID`. */
function xPost(url: URL): { handle?: string; id?: string } {
  const s = segmentsOf(url);
  if (s[0] === 'i') {
    const at = s[1] === 'web' ? 2 : 1;
    return s[at] === 'status' && s.length === at + 2 ? { id: s[at + 1] } : {};
  }
  const media = s.length === 5 && (s[3] === 'photo' || s[3] === 'video') && /^\d$/.test(s[4]!);
  const status = s[1] === 'status' || s[1] === 'statuses';
  return (s.length === 3 || media) && status && HANDLE.test(s[0]!)
    ? { handle: s[0], id: s[2] }
    : {};
}

export const x: EmbedProvider = {
  id: 'x',
  name: 'X (Twitter)',
  noun: 'Post on X',
  hosts: [
    'x.com',
    'www.x.com',
    'mobile.x.com',
    'twitter.com',
    'www.twitter.com',
    'mobile.twitter.com',
  ],
  frameOrigins: ['https://platform.twitter.com'],
  sandbox: WIDGET_SANDBOX,
  allow: '',
  example: 'https://x.com/…/status/…',
  match(url): EmbedIds | null {
    const post = xPost(url);
    const id = matching(POST_ID, post.id);
    if (id === undefined) return null;
    return post.handle === undefined ? { id } : { id, handle: post.handle };
  },
  // Without Twitter's widget script the frame cannot size itself: a fixed box fits most posts.
  frame: ({ id = '' }) => ({
    src: `https://platform.twitter.com/embed/Tweet.html?id=${id}&dnt=true`,
    width: 550,
    height: 560,
    layout: 'fixed',
  }),
  canonicalUrl: ({ id = '', handle }) => `https://x.com/${handle ?? 'i'}/status/${id}`,
};

const SHORTCODE = /^[A-Za-z0-9_-]{5,40}$/;
const POST_KINDS = new Set(['p', 'reel', 'tv']);
const INSTAGRAM_HANDLE = /^[A-Za-z0-9._]{1,30}$/;

/** `/p/CODE/`, `/reel/CODE/`, `/tv/CODE/`, `/HANDLE/p/CODE/`, optionally ending in `embed`. */
function instagramCode(url: URL): string | undefined {
  const s = segmentsOf(url);
  if (s.at(-1) === 'embed' || s.at(-1) === 'captioned') s.pop();
  if (s.length === 3 && INSTAGRAM_HANDLE.test(s[0]!)) s.shift();
  return s.length === 2 && POST_KINDS.has(s[0]!) ? s[1] : undefined;
}

export const instagram: EmbedProvider = {
  id: 'instagram',
  name: 'Instagram',
  noun: 'Instagram post',
  hosts: ['instagram.com', 'www.instagram.com'],
  frameOrigins: ['https://www.instagram.com'],
  sandbox: WIDGET_SANDBOX,
  allow: '',
  example: 'https://www.instagram.com/p/…/',
  match(url): EmbedIds | null {
    const code = matching(SHORTCODE, instagramCode(url));
    return code === undefined ? null : { code };
  },
  frame: ({ code = '' }) => ({
    src: `https://www.instagram.com/p/${code}/embed/`,
    width: 540,
    height: 680,
    layout: 'fixed',
  }),
  canonicalUrl: ({ code = '' }) => `https://www.instagram.com/p/${code}/`,
};
