/**
 * A Ghost export's posts and pages as stories to import: the post's primary tag (its first)
 * gives the section, its public tags the tags, its authors the bylines with their bios, and
 * its slug the old address (`/slug/`) to redirect. Read from every shape Ghost and its migrate
 * tools write: `{db: [{data}]}`, `{meta, data}`, `{data: {data}}` and `{posts: [{data}]}`.
 */
import { slugify } from '../article/slug.js';
import { foreignLabel, oldPathOf, type ForeignItem } from './foreign-story.js';
import { lexicalHtml, mobiledocHtml, parsedDocument } from './ghost-body.js';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const rows = (value: unknown): Json[] => (Array.isArray(value) ? value.filter(isObject) : []);
const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
/** An id as Ghost wrote it: a string, or a number in exports before 1.0. */
const idOf = (value: unknown) => (typeof value === 'number' ? String(value) : text(value));

/** The tables of an export, whichever way it is wrapped. */
function tablesOf(json: Json): Json {
  if (Array.isArray(json.db)) return tablesOf(rows(json.db)[0] ?? {});
  if (isObject(json.data)) return tablesOf(json.data);
  return json;
}

interface Person {
  name: string;
  bio: string;
}

/** What the posts point at: tags and users by id, and each post's tag and author ids in order. */
function linksOf(tables: Json) {
  const byId = (table: unknown) => new Map(rows(table).map((row) => [idOf(row.id), row]));
  const ordered = (table: unknown, key: string) => {
    const map = new Map<string, string[]>();
    const sorted = rows(table).sort(
      (a, b) => Number(a.sort_order ?? 0) - Number(b.sort_order ?? 0),
    );
    for (const row of sorted) {
      const post = idOf(row.post_id);
      map.set(post, [...(map.get(post) ?? []), idOf(row[key])]);
    }
    return map;
  };
  return {
    tags: byId(tables.tags),
    users: byId(tables.users),
    postTags: ordered(tables.posts_tags, 'tag_id'),
    postAuthors: ordered(tables.posts_authors, 'author_id'),
  };
}

type Links = ReturnType<typeof linksOf>;

const personOf = (user: Json | undefined): Person | undefined =>
  user && text(user.name)
    ? { name: text(user.name), bio: text(user.bio).slice(0, 2000) }
    : undefined;

/** The post's tag names in Ghost's order, the first being its primary tag; internal (#) ones out. */
function tagNames(post: Json, links: Links, id: string): string[] {
  const embedded = rows(post.tags).map((tag) =>
    text(isObject(tag.data) ? tag.data.name : tag.name),
  );
  const linked = (links.postTags.get(id) ?? []).map((tagId) => text(links.tags.get(tagId)?.name));
  const names = (embedded.length ? embedded : linked).filter((n) => n && !n.startsWith('#'));
  return [...new Set(names)];
}

function bylinesOf(post: Json, links: Links, id: string): Person[] {
  const embedded = isObject(post.author)
    ? isObject(post.author.data)
      ? post.author.data
      : post.author
    : undefined;
  const linked = (links.postAuthors.get(id) ?? []).map((userId) => links.users.get(userId));
  const fallback = links.users.get(idOf(post.author_id));
  const people = [embedded, ...(linked.length ? linked : [fallback])].map(personOf);
  const named = people.filter((p): p is Person => p !== undefined);
  return named.filter((p, i) => named.findIndex((q) => q.name === p.name) === i);
}

/** Ghost writes ISO times, or (before 1.0) milliseconds since the epoch, as a string or number. */
function isoTime(value: unknown): string | undefined {
  const raw = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof raw !== 'string' && typeof raw !== 'number') return undefined;
  const date = new Date(raw);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** The post's text, or why it has none; links to the old site made paths of it. */
function bodyOf(post: Json): { body: string; bodyFormat: 'html' | 'markdown' } | string {
  const found = textOf(post);
  if (typeof found === 'string') return found;
  // Ghost 4+ writes its own links as `__GHOST_URL__/slug/`: site paths, which redirect here.
  return { ...found, body: found.body.replace(/__GHOST_URL__(?=\/)/g, '') };
}

/** Its HTML, else its mobiledoc or lexical rendered, else its markdown. */
function textOf(post: Json): { body: string; bodyFormat: 'html' | 'markdown' } | string {
  if (text(post.html)) return { body: text(post.html), bodyFormat: 'html' };
  const mobiledoc = parsedDocument(post.mobiledoc);
  const lexical = parsedDocument(post.lexical);
  const rendered = (mobiledoc && mobiledocHtml(mobiledoc)) || (lexical && lexicalHtml(lexical));
  if (rendered && rendered.trim()) return { body: rendered, bodyFormat: 'html' };
  if (text(post.markdown)) return { body: text(post.markdown), bodyFormat: 'markdown' };
  if (mobiledoc || lexical)
    return 'its mobiledoc or lexical document holds nothing Dateline can render';
  return 'it has no text (no html, mobiledoc, lexical or markdown)';
}

const STATUSES: Record<string, 'published' | 'draft' | undefined> = {
  published: 'published',
  draft: 'draft',
  // A post Ghost would publish later is kept as a draft: the desk schedules it again.
  scheduled: 'draft',
};

const isPage = (post: Json) =>
  post.type === 'page' || post.page === true || post.page === 1 || post.page === '1';

/** One post of the export as a story, or why it is left out. */
function ghostItem(entry: Json, links: Links, index: number): ForeignItem {
  const post = isObject(entry.data) ? entry.data : entry;
  const slug = slugify(text(post.slug)) || undefined;
  const id = idOf(post.id) || text(post.uuid) || slug || '';
  const title = text(post.title);
  const label = foreignLabel(id || String(index + 1), title);
  if (!id)
    return { kind: 'failed', label, reason: 'it has no id or slug, so it cannot be told apart' };
  const status = STATUSES[text(post.status) || 'published'];
  if (!status) return { kind: 'skipped', label, reason: `its status is "${text(post.status)}"` };
  const body = bodyOf(post);
  if (typeof body === 'string') return { kind: 'failed', label, reason: body };
  const tags = tagNames(post, links, id);
  const publishedAt = isoTime(post.published_at);
  const updatedAt = isoTime(post.updated_at);
  const image = text(post.feature_image);
  const caption = text(post.feature_image_caption).replace(/<[^>]*>/g, '');
  return {
    kind: 'story',
    system: 'ghost',
    externalId: id,
    label,
    oldPath: oldPathOf(text(entry.url) || (slug ? `/${slug}/` : '')),
    featuredPhoto: image
      ? { url: image, caption, alt: text(post.feature_image_alt) || caption || title || 'Photo' }
      : null,
    article: {
      headline: title,
      ...(slug ? { slug } : {}),
      section: isPage(post) ? 'Pages' : (tags[0] ?? 'News'),
      standfirst: text(post.custom_excerpt).slice(0, 1000),
      status,
      ...(publishedAt ? { publishedAt } : {}),
      ...(updatedAt && publishedAt && updatedAt > publishedAt ? { updatedAt } : {}),
      bylines: bylinesOf(post, links, id).map((p) => ({ name: p.name, bio: p.bio })),
      tags: tags.slice(0, 30),
      ...body,
    },
  };
}

/** Every post and page of a Ghost export, in the file's order. */
export function ghostStories(json: unknown): ForeignItem[] {
  const tables = tablesOf(isObject(json) ? json : {});
  const links = linksOf(tables);
  const posts = rows(tables.posts);
  if (posts.length === 0)
    return [{ kind: 'skipped', label: 'the file', reason: 'the export holds no posts' }];
  const seen = new Set<string>();
  return posts.map((post, index) => {
    const item = ghostItem(post, links, index);
    if (item.kind !== 'story') return item;
    // Two posts with one id cannot both be told apart on the next import.
    if (seen.has(item.externalId))
      return {
        kind: 'failed',
        label: item.label,
        reason: 'an earlier post in the file has its id',
      };
    seen.add(item.externalId);
    return item;
  });
}
