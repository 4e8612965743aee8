import { escapeHtml, Fragment, h, type Child, type SafeHtml, trustedHtml } from '../../jsx/jsx.js';
import type { Masthead } from '../../../services/read-masthead.js';
import type { Section } from '../../../domain/section/section.js';
import { sectionPath } from '../../../domain/section/section.js';
import { FixedHtml, PageParts, STYLE_TAG } from '../page-bytes.js';
import { BODY_SCRIPT, HEAD_SCRIPT } from '../site-scripts.js';
import { BREAKING_NEWS_STYLES } from '../site-styles.js';
import { BreakingNewsBanner } from './breaking-news-banner.js';
import { MastheadView } from './masthead.js';
import { oncePerSections } from './once-per-sections.js';
import {
  FeedLinkTags,
  feedLinks,
  SocialMeta,
  type FeedLink,
  type OpenGraph,
} from '../page-metadata.js';

export interface PageMeta {
  title: string;
  description: string;
  /** Absolute URL of the page's one true address. */
  canonical?: string;
  lang: string;
  /** The publication's name, for og:site_name and the site-wide feeds' titles. */
  siteName?: string;
  /** Link preview tags; pages that should not be shared (errors, search) have none. */
  og?: OpenGraph;
  /** This page's own feeds, listed before the site-wide ones. */
  feeds?: FeedLink[];
  /** Keeps the page out of search engines' indexes (search results, errors). */
  noindex?: boolean;
  /** Extra elements for <head> (structured data, preloads). */
  head?: Child;
}

const BREAKING_NEWS_STYLE_TAG = trustedHtml(`<style>${BREAKING_NEWS_STYLES}</style>`);
const HEAD_SCRIPT_TAG = trustedHtml(`<script>${HEAD_SCRIPT}</script>`);
const BODY_SCRIPT_END = new FixedHtml(`<script>${BODY_SCRIPT}</script></body></html>`);

function FooterNav({ sections }: { sections: Section[] }) {
  return (
    <nav aria-label="Footer">
      <ul>
        <li>
          <a href="/">Home</a>
        </li>
        <li>
          <a href="/latest">Latest news</a>
        </li>
        {sections.map((section) => (
          <li>
            <a href={sectionPath(section)}>{section.name}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The site-wide feeds' links, the same on every page until the paper's name changes. */
let siteFeeds: { siteName: string; tags: SafeHtml } | undefined;
function siteFeedTags(siteName: string): SafeHtml {
  if (siteFeeds?.siteName !== siteName) {
    siteFeeds = { siteName, tags: <FeedLinkTags feeds={feedLinks('', siteName)} /> };
  }
  return siteFeeds.tags;
}

/** The frame of every reader page: head, skip link, masthead, breaking news, main content, footer. */
export function Layout(props: {
  meta: PageMeta;
  masthead: Masthead;
  sections: Section[];
  currentSection?: string;
  isHome?: boolean;
  searchQuery?: string;
  children?: Child;
}): SafeHtml {
  const { meta, masthead } = props;
  // In parts around the fixed stylesheet and script, whose bytes are made once (page-bytes.ts).
  return new PageParts([
    trustedHtml(`<html lang="${escapeHtml(meta.lang)}"><head>`),
    <>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{meta.title}</title>
      <meta name="description" content={meta.description} />
      {meta.noindex ? <meta name="robots" content="noindex" /> : null}
      {meta.canonical ? <link rel="canonical" href={meta.canonical} /> : null}
      {meta.og ? (
        <SocialMeta og={meta.og} siteName={meta.siteName ?? ''} locale={meta.lang} />
      ) : null}
      {meta.feeds ? <FeedLinkTags feeds={meta.feeds} /> : null}
      {siteFeedTags(meta.siteName ?? 'Latest')}
      <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
      <meta name="theme-color" content="#ffffff" />
      {HEAD_SCRIPT_TAG}
    </>,
    STYLE_TAG,
    <>
      {masthead.breaking ? BREAKING_NEWS_STYLE_TAG : null}
      {meta.head}
      {trustedHtml('</head><body id="top">')}
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <MastheadView
        masthead={masthead}
        sections={props.sections}
        currentSection={props.currentSection}
        isHome={props.isHome ?? false}
        searchQuery={props.searchQuery}
      />
      {masthead.breaking ? <BreakingNewsBanner banner={masthead.breaking} /> : null}
      <main id="main" class="wrap" tabindex="-1">
        {props.children}
      </main>
      <footer class="site-footer">
        <div class="wrap">
          {oncePerSections(props.sections, 'footer', () => (
            <FooterNav sections={props.sections} />
          ))}
          <p>
            © {masthead.date.isoDate.slice(0, 4)} {masthead.publicationName}
          </p>
        </div>
      </footer>
    </>,
    BODY_SCRIPT_END,
  ]);
}
