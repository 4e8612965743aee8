import { h } from '../../jsx/jsx.js';
import type { Masthead } from '../../../services/read-masthead.js';
import type { Section } from '../../../domain/section/section.js';
import { sectionPath } from '../../../domain/section/section.js';
import { WeatherIcon } from './icons.js';
import { oncePerSections } from './once-per-sections.js';

function WeatherWidget({ weather }: { weather: NonNullable<Masthead['weather']> }) {
  return (
    <p class="weather">
      <WeatherIcon />
      <span class="visually-hidden">Weather: </span>
      <span class="condition">{weather.condition}</span>
      {weather.label ? <span class="place">{weather.label}</span> : null}
      <span class="temps">
        <span class="visually-hidden">high </span>
        {weather.maxC}°C / <span class="visually-hidden">low </span>
        {weather.minC}°C
      </span>
    </p>
  );
}

/** The search box every page carries; it works without JavaScript (a GET form). */
function SiteSearch({ query }: { query: string }) {
  return (
    <form class="site-search" role="search" aria-label="Site" action="/search" method="get">
      <label for="site-search-q" class="visually-hidden">
        Search stories
      </label>
      <input id="site-search-q" type="search" name="q" value={query} maxlength={200} />
      <button type="submit">Search</button>
    </form>
  );
}

/** The top of every page: date bar, weather, the paper's name, editor-in-chief, search, sections. */
export function MastheadView(props: {
  masthead: Masthead;
  sections: Section[];
  currentSection?: string;
  isHome: boolean;
  /** What the reader searched for, on the search page. */
  searchQuery?: string;
}) {
  const { masthead } = props;
  const Name = props.isHome ? 'h1' : 'p';
  return (
    <header class="masthead">
      <div class="wrap">
        <div class="date-bar">
          <p class="masthead-date">
            <a href={`/${masthead.date.isoDate.replaceAll('-', '/')}/`}>
              <time datetime={masthead.date.isoDate}>{masthead.date.gregorian}</time>
            </a>
            {masthead.date.hijri ? ` | ${masthead.date.hijri}` : null}
          </p>
          {masthead.weather ? <WeatherWidget weather={masthead.weather} /> : null}
        </div>
        <Name class="brand">
          <a href="/">{masthead.publicationName}</a>
        </Name>
        {masthead.tagline ? <p class="tagline">{masthead.tagline}</p> : null}
        {masthead.editorInChief ? (
          <p class="eic">Editor in Chief: {masthead.editorInChief}</p>
        ) : null}
        <SiteSearch query={props.searchQuery ?? ''} />
      </div>
      {oncePerSections(props.sections, `nav:${props.currentSection ?? ''}`, () => (
        <SectionsNav sections={props.sections} currentSection={props.currentSection} />
      ))}
    </header>
  );
}

/** The nav's own page beside the sections': a section may not take its slug. */
export const LATEST_PAGE = 'latest';

function SectionsNav(props: { sections: Section[]; currentSection: string | undefined }) {
  return (
    <nav class="sections" aria-label="Sections">
      <ul>
        <li>
          <a
            href={`/${LATEST_PAGE}`}
            aria-current={props.currentSection === LATEST_PAGE ? 'page' : undefined}
          >
            Latest
          </a>
        </li>
        {props.sections.map((section) => (
          <li>
            <a
              href={sectionPath(section)}
              aria-current={section.slug === props.currentSection ? 'page' : undefined}
            >
              {section.name}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
