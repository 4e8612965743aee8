import { describe, expect, it } from 'vitest';
import { EMBED_PROVIDER_IDS } from './embed-provider.js';
import { EMBED_PROVIDERS } from './embed-providers.js';
import { parseEmbedAddress, recogniseEmbed, recogniseEmbedFor } from './recognise-embed.js';

/** What a pasted address becomes: the provider, the canonical address and the frame's src. */
function embedOf(address: string) {
  const found = recogniseEmbed(address);
  if (found === null) return null;
  return {
    provider: found.provider.id,
    url: found.url,
    src: found.provider.frame(found.ids).src,
  };
}

const YT = 'dQw4w9WgXcQ';

describe('recognising an address to embed', () => {
  it('knows every provider of the registry, in its order, each with a frame origin', () => {
    expect(EMBED_PROVIDERS.map((p) => p.id)).toEqual([...EMBED_PROVIDER_IDS]);
    for (const provider of EMBED_PROVIDERS) {
      expect(provider.frameOrigins.length, provider.id).toBeGreaterThan(0);
      for (const origin of provider.frameOrigins) expect(origin).toMatch(/^https:\/\/[a-z.-]+$/);
    }
  });

  it.each([
    [`https://www.youtube.com/watch?v=${YT}`, ''],
    [`https://youtube.com/watch?feature=share&v=${YT}`, ''],
    [`https://m.youtube.com/watch?v=${YT}&list=PL123`, ''],
    [`https://youtu.be/${YT}?si=tracking`, ''],
    [`https://www.youtube.com/shorts/${YT}`, ''],
    [`https://www.youtube.com/live/${YT}`, ''],
    [`https://www.youtube-nocookie.com/embed/${YT}`, ''],
    [`youtu.be/${YT}`, ''],
    [`https://youtu.be/${YT}?t=90`, '?start=90'],
    [`https://www.youtube.com/watch?v=${YT}&t=1m30s`, '?start=90'],
  ])('reads YouTube’s shapes: %s', (address, start) => {
    expect(embedOf(address)).toEqual({
      provider: 'youtube',
      url: `https://www.youtube.com/watch?v=${YT}${start ? '&t=90s' : ''}`,
      src: `https://www.youtube-nocookie.com/embed/${YT}${start}`,
    });
  });

  it('reads http as https', () => {
    expect(parseEmbedAddress(`http://youtu.be/${YT}`)?.href).toBe(`https://youtu.be/${YT}`);
    expect(embedOf(`http://www.youtube.com/watch?v=${YT}`)?.src).toBe(
      `https://www.youtube-nocookie.com/embed/${YT}`,
    );
  });

  it.each([
    ['https://vimeo.com/76979871', 'https://player.vimeo.com/video/76979871?dnt=1'],
    [
      'https://vimeo.com/76979871/8272103f6e',
      'https://player.vimeo.com/video/76979871?dnt=1&h=8272103f6e',
    ],
    [
      'https://vimeo.com/channels/staffpicks/76979871',
      'https://player.vimeo.com/video/76979871?dnt=1',
    ],
    ['https://player.vimeo.com/video/76979871', 'https://player.vimeo.com/video/76979871?dnt=1'],
    [
      'https://x.com/OmanNewsAgency/status/1790000000000000000',
      'https://platform.twitter.com/embed/Tweet.html?id=1790000000000000000&dnt=true',
    ],
    [
      'https://twitter.com/jack/status/20',
      'https://platform.twitter.com/embed/Tweet.html?id=20&dnt=true',
    ],
    ['https://www.instagram.com/p/C8abc_DEF-1/', 'https://www.instagram.com/p/C8abc_DEF-1/embed/'],
    [
      'https://www.instagram.com/reel/C8abc_DEF-1/?igsh=x',
      'https://www.instagram.com/p/C8abc_DEF-1/embed/',
    ],
    [
      'https://open.spotify.com/episode/4rOoJ6Egrf8K2IrywzwOMk?si=x',
      'https://open.spotify.com/embed/episode/4rOoJ6Egrf8K2IrywzwOMk',
    ],
    [
      'https://open.spotify.com/intl-de/album/4aawyAB9vmqN3uQ7FjRGTy',
      'https://open.spotify.com/embed/album/4aawyAB9vmqN3uQ7FjRGTy',
    ],
    [
      'https://soundcloud.com/omanradio/morning-news',
      'https://w.soundcloud.com/player/?url=https%3A%2F%2Fsoundcloud.com%2Fomanradio%2Fmorning-news&auto_play=false&visual=false',
    ],
    [
      'https://www.google.com/maps/place/Mutrah+Corniche/@23.6206,58.5658,15z/data=!3m1',
      'https://maps.google.com/maps?q=Mutrah%20Corniche&z=15&output=embed',
    ],
    [
      'https://maps.google.com/maps?q=Sultan+Qaboos+Grand+Mosque',
      'https://maps.google.com/maps?q=Sultan%20Qaboos%20Grand%20Mosque&output=embed',
    ],
    [
      'https://www.google.com/maps/@23.588,58.3829,12z',
      'https://maps.google.com/maps?q=23.588%2C58.3829&z=12&output=embed',
    ],
    [
      'https://www.google.com/maps/search/?api=1&query=Nizwa+Fort',
      'https://maps.google.com/maps?q=Nizwa%20Fort&output=embed',
    ],
    ['https://datawrapper.dwcdn.net/Ab3dE/2/', 'https://datawrapper.dwcdn.net/Ab3dE/2/'],
    ['https://www.datawrapper.de/_/Ab3dE/', 'https://datawrapper.dwcdn.net/Ab3dE/'],
    [
      'https://public.flourish.studio/visualisation/1234567/',
      'https://flo.uri.sh/visualisation/1234567/embed',
    ],
    ['https://flo.uri.sh/story/98765/embed', 'https://flo.uri.sh/story/98765/embed'],
  ])('builds the frame of %s from its ids', (address, src) => {
    expect(embedOf(address)?.src).toBe(src);
  });

  it('names each provider’s content by its canonical address', () => {
    expect(embedOf('https://mobile.twitter.com/jack/status/20/photo/1')?.url).toBe(
      'https://x.com/jack/status/20',
    );
    expect(embedOf('https://www.google.com/maps/place/Nizwa+Fort')?.url).toBe(
      'https://www.google.com/maps/search/?api=1&query=Nizwa%20Fort',
    );
    expect(embedOf('https://m.soundcloud.com/omanradio/morning-news/s-AbCdE12')?.url).toBe(
      'https://soundcloud.com/omanradio/morning-news/s-AbCdE12',
    );
  });

  it.each([
    [`https://www.youtube.com.evil.example/watch?v=${YT}`],
    [`https://evil.example/watch?v=${YT}&host=youtube.com`],
    [`https://youtube.com.`],
    [`https://notyoutube.com/watch?v=${YT}`],
    [`https://evil.example/?u=https://youtu.be/${YT}`],
    [`https://www.youtube.com@evil.example/watch?v=${YT}`],
    [`https://evil.example@www.youtube.com/watch?v=${YT}`],
    [`https://user:pass@youtu.be/${YT}`],
    [`https://youtu.be:8443/${YT}`],
    [`javascript:alert(1)//youtu.be/${YT}`],
    [`JavaScript://youtu.be/%0aalert(1)`],
    [`data:text/html,<script>alert(1)</script>`],
    [`ftp://youtu.be/${YT}`],
    [`https://you\ttu.be/${YT}`],
    [`https://youtu.be/\n${YT}`],
    [`https://youtu.be/${YT}"onload="x`],
    [`https://youtu.be/${YT}/extra`],
    [`https://www.youtube.com/watch?v=${YT}x`],
    [`https://www.youtube.com/watch?v=<script>`],
    ['https://www.youtube.com/@OmanTV'],
    ['https://vimeo.com/76979871/not-a-hash'],
    ['https://x.com/jack'],
    ['https://x.com/jack/status/20abc'],
    ['https://soundcloud.com/omanradio/sets/mornings'],
    ['https://soundcloud.com/omanradio'],
    ['https://soundcloud.com/discover/sets'],
    ['https://www.google.com/search?q=maps'],
    ['https://www.google.com/maps/dir/Muscat/Nizwa'],
    ['https://maps.app.goo.gl/abc123'],
    ['https://datawrapper.dwcdn.net/Ab3dE/2/extra/'],
    ['https://app.flourish.studio/visualisation/1234567/edit'],
    [''],
    ['not a url'],
    [`https://youtu.be/${YT}?x=${'a'.repeat(2_100)}`],
  ])('refuses %s', (address) => {
    expect(recogniseEmbed(address)).toBeNull();
  });

  it('reads an address only as the provider it is stored under', () => {
    expect(recogniseEmbedFor('youtube', `https://youtu.be/${YT}`)?.provider.id).toBe('youtube');
    expect(recogniseEmbedFor('vimeo', `https://youtu.be/${YT}`)).toBeNull();
    expect(recogniseEmbedFor('myspace', `https://youtu.be/${YT}`)).toBeNull();
    expect(recogniseEmbedFor('__proto__', `https://youtu.be/${YT}`)).toBeNull();
  });

  it('keeps a map search to one line of text, however it is encoded', () => {
    expect(recogniseEmbed('https://www.google.com/maps/place/Nizwa%0AFort')).toBeNull();
    expect(recogniseEmbed('https://www.google.com/maps/place/%E0%A4%A')).toBeNull();
    expect(embedOf('https://www.google.com/maps/place/%22%3E%3Cscript%3E')?.src).toBe(
      'https://maps.google.com/maps?q=%22%3E%3Cscript%3E&output=embed',
    );
  });
});
