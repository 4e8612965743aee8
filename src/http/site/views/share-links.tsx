import { h } from '../../jsx/jsx.js';

/** Each network's link, from the page's address and title already encoded for a URL. */
const SERVICES = [
  { name: 'WhatsApp', href: (u: string, t: string) => `https://wa.me/?text=${t}%20${u}` },
  { name: 'X', href: (u: string, t: string) => `https://x.com/intent/post?url=${u}&text=${t}` },
  { name: 'Facebook', href: (u: string) => `https://www.facebook.com/sharer/sharer.php?u=${u}` },
  {
    name: 'LinkedIn',
    href: (u: string) => `https://www.linkedin.com/sharing/share-offsite/?url=${u}`,
  },
  { name: 'Telegram', href: (u: string, t: string) => `https://t.me/share/url?url=${u}&text=${t}` },
  { name: 'Email', href: (u: string, t: string) => `mailto:?subject=${t}&body=${u}` },
];

/**
 * Share: the device's own share sheet where the browser has one (shown by the script), and
 * plain links to each network that work without JavaScript.
 */
export function ShareLinks({ url, title }: { url: string; title: string }) {
  // Encoded once for the six links, not once a link.
  const u = encodeURIComponent(url);
  const t = encodeURIComponent(title);
  return (
    <section class="share" aria-labelledby="share-heading">
      <h2 id="share-heading">Share article</h2>
      <button type="button" data-share="" data-url={url} data-title={title} hidden>
        Share…
      </button>
      <ul>
        {SERVICES.map((service) => (
          <li>
            <a href={service.href(u, t)} rel="noopener" target="_blank">
              {service.name}
              <span class="visually-hidden"> (opens in a new window)</span>
            </a>
          </li>
        ))}
        <li>
          <a href={url} data-copy-link="">
            Copy link
          </a>
        </li>
      </ul>
      <p class="share-status" id="share-status" role="status"></p>
    </section>
  );
}
