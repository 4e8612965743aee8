/**
 * The wire: agency copy as it arrives, newest first, filtered by agency, urgency and words; the
 * item picked is previewed beside the list (under it on a phone) and made a draft in one click,
 * or several ticked items are merged into one draft.
 */
import { useEffect, useRef } from 'preact/hooks';
import { wire, type WireFilters, type WireSummary } from '../api/wire.js';
import { LoadStatus } from '../components/form-parts.js';
import { usePaperZone } from '../components/paper-clock.js';
import { usePageTitle } from '../components/page-title.js';
import { useLoad } from '../components/use-load.js';
import { Link, navigate } from '../router.js';
import { formatInZone } from './paper-time.js';
import { ChooseBox, ChosenItems, useChosenItems } from './wire-merge.js';
import { WirePreview } from './wire-preview.js';
import { formText } from '../components/form-submit.js';

interface Filters {
  agency: string;
  urgency: string;
  q: string;
  page: number;
  /** The item previewed, if any. */
  item: number | null;
}

const URGENCIES = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** The filters the address asks for; a malformed page or item is left out. */
function filtersOf(query: URLSearchParams): Filters {
  const text = (key: string) => (query.get(key) ?? '').trim();
  const page = Number(query.get('page'));
  const item = Number(query.get('item'));
  return {
    agency: text('agency'),
    urgency: URGENCIES.includes(text('urgency')) ? text('urgency') : '',
    q: text('q'),
    page: Number.isInteger(page) && page > 1 ? page : 1,
    item: Number.isInteger(item) && item > 0 ? item : null,
  };
}

/** The page's address for these filters, so a search can be shared and reloaded. */
function pathFor(filters: Filters) {
  const params = new URLSearchParams();
  if (filters.agency) params.set('agency', filters.agency);
  if (filters.urgency) params.set('urgency', filters.urgency);
  if (filters.q) params.set('q', filters.q);
  if (filters.page > 1) params.set('page', String(filters.page));
  if (filters.item) params.set('item', String(filters.item));
  const text = params.toString();
  return `/wire${text ? `?${text}` : ''}`;
}

const queryFor = (filters: Filters): WireFilters => ({
  agency: filters.agency,
  urgency: filters.urgency === '' ? '' : Number(filters.urgency),
  q: filters.q,
  page: filters.page,
});

const urgencyLabel = (level: string) =>
  level === '1' ? 'Flashes only (1)' : `${level} or more urgent`;

/** Agency, least urgency and words; the address bar keeps them. */
function FilterForm({ filters, agencies }: { filters: Filters; agencies: string[] }) {
  const filtered = Boolean(filters.agency || filters.urgency || filters.q);
  const submit = (form: HTMLFormElement) => {
    const text = formText(form);
    navigate(
      pathFor({
        agency: text('agency'),
        urgency: text('urgency'),
        q: text('q'),
        page: 1,
        item: null,
      }),
    );
  };
  return (
    <form
      class="filters wire-filters"
      role="search"
      aria-label="Wire"
      onSubmit={(event) => {
        event.preventDefault();
        submit(event.currentTarget);
      }}
    >
      <div>
        <label for="wire-q">Search</label>
        <input
          id="wire-q"
          name="q"
          type="search"
          value={filters.q}
          placeholder="Words in the headline or text"
        />
      </div>
      <div>
        <label for="wire-agency">Agency</label>
        <select id="wire-agency" name="agency" value={filters.agency}>
          <option value="">Every agency</option>
          {agencies.map((agency) => (
            <option key={agency} value={agency}>
              {agency}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label for="wire-urgency">Urgency</label>
        <select id="wire-urgency" name="urgency" value={filters.urgency}>
          <option value="">Any urgency</option>
          {URGENCIES.map((level) => (
            <option key={level} value={level}>
              {urgencyLabel(level)}
            </option>
          ))}
        </select>
      </div>
      <div class="actions">
        <button type="submit">Filter</button>
        {filtered && <Link href="/wire">Show all</Link>}
      </div>
    </form>
  );
}

function WireRow(props: {
  item: WireSummary;
  filters: Filters;
  timeZone: string;
  choice: ReturnType<typeof useChosenItems>;
}) {
  const { item, filters, timeZone, choice } = props;
  const picked = filters.item === item.id;
  return (
    <li class={picked ? 'picked' : undefined}>
      <ChooseBox item={item} chosen={choice.chosen} toggle={choice.toggle} />
      <div>
        <Link
          href={pathFor({ ...filters, item: item.id })}
          aria-current={picked ? 'true' : undefined}
        >
          {item.headline}
        </Link>
        <p class="wire-meta">
          <span>{item.agency}</span>
          {item.urgency !== null && (
            <span class={`urgency urgency-${item.urgency}`}>Urgency {item.urgency}</span>
          )}
          <time dateTime={item.sentAt}>{formatInZone(item.sentAt, timeZone)}</time>
          {item.updatedAt && (
            <span class="status wire-updated">Updated: version {item.version}</span>
          )}
        </p>
      </div>
    </li>
  );
}

/** The wire queue and the preview of the item picked. */
export function WirePage({ query }: { query: URLSearchParams }) {
  usePageTitle('Wire');
  const filters = filtersOf(query);
  const timeZone = usePaperZone();
  const listPath = pathFor({ ...filters, item: null });
  const [loaded] = useLoad(() => wire.list(queryFor(filters)), [listPath]);
  const preview = useRef<HTMLElement>(null);
  const first = useRef(true);
  // Picking an item moves focus to its preview, so a keyboard or screen reader follows.
  useEffect(() => {
    if (first.current) first.current = false;
    else if (filters.item) preview.current?.focus();
  }, [filters.item]);
  const page = loaded.state === 'ready' ? loaded.value : null;
  const choice = useChosenItems();
  return (
    <>
      <h1>Wire</h1>
      <FilterForm key={listPath} filters={filters} agencies={page?.agencies ?? []} />
      <LoadStatus loaded={loaded} />
      <ChosenItems chosen={choice.chosen} clear={choice.clear} />
      <div class={`wire-desk${filters.item ? ' previewing' : ''}`}>
        <section class="wire-queue" aria-label="Wire items, newest first">
          {page && page.items.length === 0 && <p class="empty">Nothing on the wire matches.</p>}
          {page && page.items.length > 0 && (
            <>
              <p class="hint">
                {page.total === 1 ? '1 item' : `${page.total} items`}, newest first. Times in{' '}
                {timeZone}. Tick items to merge them into one draft.
              </p>
              <ol class="wire-list">
                {page.items.map((item) => (
                  <WireRow
                    key={item.id}
                    item={item}
                    filters={filters}
                    timeZone={timeZone}
                    choice={choice}
                  />
                ))}
              </ol>
              <nav class="pager" aria-label="Pages of the wire">
                {filters.page > 1 && (
                  <Link href={pathFor({ ...filters, page: filters.page - 1 })}>Newer</Link>
                )}
                {filters.page * page.pageSize < page.total && (
                  <Link href={pathFor({ ...filters, page: filters.page + 1 })}>Older</Link>
                )}
              </nav>
            </>
          )}
        </section>
        <section class="wire-preview panel" aria-label="Preview" ref={preview} tabIndex={-1}>
          {filters.item ? (
            <WirePreview key={filters.item} id={filters.item} timeZone={timeZone} />
          ) : (
            <p class="empty">Pick an item to read it here.</p>
          )}
        </section>
      </div>
    </>
  );
}
