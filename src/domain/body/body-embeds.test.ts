import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors.js';
import { parseBodyDocument, type Block, type BodyDocument } from './body-document.js';
import { embedFrameOrigins, findRefusedEmbed } from './body-embeds.js';
import { renderBodyHtml } from './render-body-html.js';

const YT = 'dQw4w9WgXcQ';
const doc = (...content: Block[]): BodyDocument => ({ type: 'doc', content });
const para = (text: string): Block => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const youtube = (caption?: string): Block => ({
  type: 'embed',
  attrs: { provider: 'youtube', url: `https://youtu.be/${YT}`, ...(caption && { caption }) },
});
const vimeo: Block = {
  type: 'embed',
  attrs: { provider: 'vimeo', url: 'https://vimeo.com/76979871' },
};
const allow = (...allowedProviders: string[]) => ({ allowedProviders });

/** The message of the Invalid error parsing throws. */
function refusal(json: unknown): string {
  try {
    parseBodyDocument(json);
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return error.message;
  }
  throw new Error('expected the document to be refused');
}

describe('an embed in the body', () => {
  it('is a block naming a provider of the registry and one of its addresses', () => {
    const body = doc(para('Watch the launch:'), youtube('The launch, live'));
    expect(parseBodyDocument(body)).toEqual(body);
  });

  it('is refused from an unknown provider, at another provider’s address, or with more keys', () => {
    const embed = (attrs: object) => ({ type: 'doc', content: [{ type: 'embed', attrs }] });
    expect(refusal(embed({ provider: 'myspace', url: `https://youtu.be/${YT}` }))).toBe(
      'body.content[0].attrs.provider: is not a provider Dateline can embed',
    );
    expect(refusal(embed({ provider: 'vimeo', url: `https://youtu.be/${YT}` }))).toBe(
      'body.content[0].attrs.url: is not an address of Vimeo that can be embedded',
    );
    expect(refusal(embed({ provider: 'youtube', url: 'javascript:alert(1)//youtu.be' }))).toMatch(
      /attrs\.url: is not an address of YouTube/,
    );
    expect(
      refusal(embed({ provider: 'youtube', url: `https://youtu.be/${YT}`, html: '<iframe>' })),
    ).toMatch(/unrecognized key/i);
  });

  it('stands only at the top level of the body, not inside a list', () => {
    const list = {
      type: 'bulletList',
      content: [{ type: 'listItem', content: [{ type: 'paragraph' }, youtube()] }],
    };
    expect(() => parseBodyDocument({ type: 'doc', content: [list] })).toThrow();
  });
});

describe('rendering an embed', () => {
  it('frames an allowed provider’s embed at the address built from its ids, sandboxed and lazy', () => {
    expect(renderBodyHtml(doc(youtube('The launch')), { embeds: allow('youtube') })).toBe(
      '<figure class="embed embed-ratio">' +
        `<iframe src="https://www.youtube-nocookie.com/embed/${YT}" title="YouTube video: The launch"` +
        ' width="560" height="315" style="--ratio:560/315" loading="lazy"' +
        ' referrerpolicy="strict-origin-when-cross-origin"' +
        ' sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-presentation"' +
        ' allow="encrypted-media; picture-in-picture; fullscreen"></iframe>' +
        '<figcaption>The launch</figcaption></figure>',
    );
  });

  it('prints a revoked provider’s embed as a plain link to what it showed, never a frame', () => {
    const html = renderBodyHtml(doc(youtube('The launch')), { embeds: allow('vimeo') });
    expect(html).toBe(
      `<p class="embed-link">YouTube: <a href="https://www.youtube.com/watch?v=${YT}" rel="noopener">The launch</a></p>`,
    );
    expect(renderBodyHtml(doc(youtube()))).not.toContain('<iframe');
  });

  it('escapes the caption in the figure, the frame’s title and the link', () => {
    const caption = '"><script>alert(1)</script>';
    const framed = renderBodyHtml(doc(youtube(caption)), { embeds: allow('youtube') });
    const linked = renderBodyHtml(doc(youtube(caption)));
    for (const html of [framed, linked]) {
      expect(html).not.toContain('<script>');
      expect(html).toContain('&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    }
  });

  it('prints a stored embed the registry no longer recognises as a link, or not at all if unsafe', () => {
    const stale = (url: string): BodyDocument =>
      ({ type: 'doc', content: [{ type: 'embed', attrs: { provider: 'myspace', url } }] }) as never;
    expect(renderBodyHtml(stale('https://myspace.example/v/1'), { embeds: allow('youtube') })).toBe(
      '<p class="embed-link">myspace: <a href="https://myspace.example/v/1" rel="noopener">https://myspace.example/v/1</a></p>',
    );
    expect(renderBodyHtml(stale('javascript:alert(1)'), { embeds: allow('youtube') })).toBe('');
  });

  it('gives fixed-height players their height and width limit', () => {
    const spotify: Block = {
      type: 'embed',
      attrs: { provider: 'spotify', url: 'https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC' },
    };
    const html = renderBodyHtml(doc(spotify), { embeds: allow('spotify') });
    expect(html).toContain('<figure class="embed embed-fixed">');
    expect(html).toContain('width="640" height="152" style="--max-width:640px"');
    expect(html).toContain('title="Spotify player"');
    expect(html).not.toContain('<figcaption>');
  });
});

describe('embeds against the allow-list', () => {
  it('lets the page frame exactly the origins of the allowed providers it embeds', () => {
    const body = doc(youtube(), vimeo, youtube('again'));
    expect(embedFrameOrigins(body, allow('youtube'))).toEqual(['https://www.youtube-nocookie.com']);
    expect(embedFrameOrigins(body, allow('youtube', 'vimeo', 'x'))).toEqual([
      'https://player.vimeo.com',
      'https://www.youtube-nocookie.com',
    ]);
    expect(embedFrameOrigins(body, allow())).toEqual([]);
  });

  it('refuses a new embed of a provider not allowed, naming it and its place', () => {
    expect(findRefusedEmbed(doc(para('x'), youtube(), vimeo), allow('youtube'))).toEqual({
      field: 'body.content[2].attrs.provider',
      provider: 'vimeo',
      message:
        'body.content[2].attrs.provider: Vimeo embeds are not allowed by the publication; the editor-in-chief chooses which providers may be embedded',
    });
    expect(findRefusedEmbed(doc(youtube(), vimeo), allow('youtube', 'vimeo'))).toBeNull();
  });

  it('keeps an embed the story already had after its provider is revoked', () => {
    const before = doc(vimeo);
    expect(findRefusedEmbed(doc(para('A correction.'), vimeo), allow(), before)).toBeNull();
    const another: Block = {
      type: 'embed',
      attrs: { provider: 'vimeo', url: 'https://vimeo.com/1' },
    };
    expect(findRefusedEmbed(doc(vimeo, another), allow(), before)?.field).toBe(
      'body.content[1].attrs.provider',
    );
  });
});

describe('library photos in the body', () => {
  const photo = (mediaId?: number): Block => ({
    type: 'image',
    attrs: { src: '/media/a.jpg', alt: 'A dhow', caption: 'At Sur', ...(mediaId && { mediaId }) },
  });

  it('prints the page’s own picture markup for a library photo, inside the same figure', () => {
    const seen: unknown[] = [];
    const pictureFor = (image: { mediaId: number }) => {
      seen.push(image);
      return `<picture data-id="${image.mediaId}"></picture>`;
    };
    expect(renderBodyHtml(doc(photo(7), photo()), { pictureFor })).toBe(
      '<figure><picture data-id="7"></picture><figcaption>At Sur</figcaption></figure>' +
        '<figure><img src="/media/a.jpg" alt="A dhow" loading="lazy" decoding="async"><figcaption>At Sur</figcaption></figure>',
    );
    expect(seen).toEqual([{ mediaId: 7, alt: 'A dhow', caption: 'At Sur' }]);
  });

  it('falls back to the plain image when the page has no picture for it', () => {
    expect(renderBodyHtml(doc(photo(7)), { pictureFor: () => undefined })).toContain(
      '<img src="/media/a.jpg"',
    );
    expect(parseBodyDocument(doc(photo(7)))).toEqual(doc(photo(7)));
  });
});
