import { h } from '../../jsx/jsx.js';
import type { AuthorProfile } from '../../../domain/author/author.js';
import type { MediaItem } from '../../../domain/media/media-item.js';
import { Picture } from './picture.js';

/** A link as readers read it: "x.com/amal_h", "amalhaddad.example". */
export function linkLabel(url: string): string {
  const { hostname, pathname } = new URL(url);
  const path = pathname.replace(/\/+$/, '');
  return `${hostname.replace(/^www\./, '')}${path}`;
}

/**
 * The top of an author page: photo, name, bio and their links. `rel="me"` tells other sites
 * (Mastodon, IndieWeb) that these profiles are the same person's.
 */
export function AuthorHeader({
  author,
  photo,
}: {
  author: AuthorProfile;
  photo: MediaItem | null;
}) {
  return (
    <header class="section-head author-head">
      {photo ? (
        <div class="author-photo">
          <Picture media={photo} alt={author.name} sizes="6rem" crop="1x1" />
        </div>
      ) : null}
      <div>
        <h1>{author.name}</h1>
        {author.bio ? <p>{author.bio}</p> : null}
        {author.links.length > 0 ? (
          <ul class="author-links" aria-label={`${author.name} elsewhere`}>
            {author.links.map((link) => (
              <li>
                <a href={link} rel="me">
                  {linkLabel(link)}
                </a>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </header>
  );
}
