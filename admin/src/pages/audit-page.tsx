import { LoadStatus } from '../components/form-parts.js';
import type { AuditEventName } from '../../../src/domain/audit/audit-entry.js';
import { auditTrail, type AuditEvent, type AuditFilters } from '../api/audit.js';
import { newsroom } from '../api/newsroom.js';
import { usePageTitle } from '../components/page-title.js';
import { useLoad } from '../components/use-load.js';
import { Link, navigate } from '../router.js';
import { dayAfter, formatInZone, startOfDayIn } from './paper-time.js';
import { formText } from '../components/form-submit.js';

/** Every event, in the newsroom's words, grouped as the filter offers them. */
const EVENT_LABELS: Record<AuditEventName, string> = {
  'sign_in.succeeded': 'Signed in',
  'sign_in.failed': 'Sign-in failed',
  'sign_in.throttled': 'Sign-in locked out',
  'access.refused': 'Refused (403)',
  'user.created': 'Account created',
  'user.role_changed': 'Role changed',
  'user.disabled': 'Account disabled',
  'user.enabled': 'Account enabled',
  'invitation.sent': 'Invitation sent',
  'invitation.accepted': 'Invitation accepted',
  'invitation.resent': 'Invitation sent again',
  'invitation.revoked': 'Invitation revoked',
  'password_reset.requested': 'Password reset asked for',
  'password_reset.completed': 'Password reset',
  'sessions.ended_everywhere': 'Signed out everywhere',
  'api_token.created': 'API token created',
  'api_token.revoked': 'API token revoked',
  'content_key.created': 'Content API key created',
  'content_key.revoked': 'Content API key revoked',
  'settings.changed': 'Settings changed',
  'breaking_news.set': 'Breaking news banner set',
  'breaking_news.removed': 'Breaking news banner removed',
  'webhook.created': 'Webhook created',
  'webhook.changed': 'Webhook changed',
  'webhook.deleted': 'Webhook deleted',
  'webhook.secret_rolled': 'Webhook secret rolled',
  'wire_source.added': 'Wire source added',
  'wire_source.changed': 'Wire source changed',
  'wire_source.removed': 'Wire source removed',
  'import.ran': 'Import',
  'article.killed': 'Story killed',
  'audit.purged': 'Old entries purged',
};

const FAMILIES: [string, string][] = [
  ['sign_in', 'Sign-ins'],
  ['access', 'Refusals'],
  ['user', 'Accounts'],
  ['invitation', 'Invitations'],
  ['password_reset', 'Password resets'],
  ['api_token', 'API tokens'],
  ['content_key', 'Content API keys'],
  ['settings', 'Settings'],
  ['breaking_news', 'Breaking news'],
  ['webhook', 'Webhooks'],
  ['wire_source', 'Wire sources'],
];

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const FILTER_NAMES = ['event', 'person', 'from', 'to', 'ip'] as const;
type Filters = Record<(typeof FILTER_NAMES)[number], string> & { page: number };

/** The filters the address asks for; malformed days and pages are left out. */
function filtersOf(query: URLSearchParams): Filters {
  const text = (key: string) => (query.get(key) ?? '').trim();
  const day = (key: string) => (DAY.test(text(key)) ? text(key) : '');
  const page = Number(query.get('page'));
  return {
    event: text('event'),
    person: text('person'),
    from: day('from'),
    to: day('to'),
    ip: text('ip'),
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/** The page's address for these filters, so a search can be shared and reloaded. */
function pathFor(filters: Filters) {
  const params = new URLSearchParams();
  for (const name of FILTER_NAMES) if (filters[name]) params.set(name, filters[name]);
  if (filters.page > 1) params.set('page', String(filters.page));
  const text = params.toString();
  return `/audit${text ? `?${text}` : ''}`;
}

/** What the server is asked: the days as instants in the paper's time zone, `to` inclusive. */
const queryFor = (filters: Filters, timeZone: string): AuditFilters => ({
  event: filters.event,
  person: filters.person,
  ip: filters.ip,
  from: filters.from ? startOfDayIn(filters.from, timeZone).toISOString() : undefined,
  to: filters.to ? startOfDayIn(dayAfter(filters.to), timeZone).toISOString() : undefined,
  page: filters.page,
});

/** Any event, a family of them, or one. */
function EventSelect({ value }: { value: string }) {
  return (
    <div>
      <label for="audit-event">Event</label>
      <select id="audit-event" name="event" value={value}>
        <option value="">Any event</option>
        <optgroup label="Kinds">
          {FAMILIES.map(([family, label]) => (
            <option key={family} value={family}>
              {label} (all)
            </option>
          ))}
        </optgroup>
        <optgroup label="Events">
          {Object.entries(EVENT_LABELS).map(([event, label]) => (
            <option key={event} value={event}>
              {label}
            </option>
          ))}
        </optgroup>
      </select>
    </div>
  );
}

/** Filters by event, person, days in the paper’s zone and address; the address bar keeps them. */
function FilterForm({ filters }: { filters: Filters }) {
  const filtered = FILTER_NAMES.some((name) => filters[name]);
  const submit = (form: HTMLFormElement) => {
    const text = formText(form);
    navigate(
      pathFor({
        event: text('event'),
        person: text('person'),
        from: text('from'),
        to: text('to'),
        ip: text('ip'),
        page: 1,
      }),
    );
  };
  return (
    <form
      class="filters audit-filters"
      role="search"
      aria-label="Audit trail"
      onSubmit={(event) => {
        event.preventDefault();
        submit(event.currentTarget);
      }}
    >
      <EventSelect value={filters.event} />
      <div>
        <label for="audit-person">Person</label>
        <input
          id="audit-person"
          name="person"
          type="search"
          value={filters.person}
          placeholder="Name, email or user number"
          aria-describedby="audit-person-hint"
        />
        {/* Out of sight: a hint under one field would lift its label above the others'. */}
        <span class="visually-hidden" id="audit-person-hint">
          A name, an email address or a user number.
        </span>
      </div>
      <div>
        <label for="audit-from">From</label>
        <input id="audit-from" name="from" type="date" value={filters.from} />
      </div>
      <div>
        <label for="audit-to">Until</label>
        <input id="audit-to" name="to" type="date" value={filters.to} min={filters.from} />
      </div>
      <div>
        <label for="audit-ip">Address</label>
        <input id="audit-ip" name="ip" type="search" value={filters.ip} inputMode="decimal" />
      </div>
      <div class="actions">
        <button type="submit">Filter</button>
        {filtered && <Link href="/audit">Show all</Link>}
      </div>
    </form>
  );
}

const whoOf = (event: AuditEvent) =>
  event.actor.email
    ? `${event.actor.name ?? ''} <${event.actor.email}>`.trim()
    : ({ cli: 'Command line', system: 'Dateline', anonymous: 'Not signed in' }[
        event.actor.kind as 'cli' | 'system' | 'anonymous'
      ] ?? event.actor.kind);

/** The details as `key: value` pairs, lists joined. */
const detailsOf = (event: AuditEvent) =>
  Object.entries(event.details)
    .map(([key, value]) => `${key}: ${Array.isArray(value) ? value.join(', ') : String(value)}`)
    .join('; ');

function EventRow({ event, timeZone }: { event: AuditEvent; timeZone: string }) {
  const label = EVENT_LABELS[event.event] ?? event.event;
  return (
    <tr class={event.event === 'access.refused' || event.event.endsWith('.failed') ? 'warn' : ''}>
      <td data-label="When">
        <time dateTime={event.at}>{formatInZone(event.at, timeZone)}</time>
      </td>
      <td data-label="Event">
        <span>
          {label} <code>{event.event}</code>
        </span>
      </td>
      <td data-label="Who">
        <span>
          {whoOf(event)}
          {event.actor.email && <span class="hint"> ({event.actor.kind.replace('_', ' ')})</span>}
        </span>
      </td>
      <td data-label="What">{event.target ? `${event.target.type} ${event.target.id}` : '—'}</td>
      <td data-label="Address">{event.ip ?? '—'}</td>
      <td data-label="Details" class="audit-details">
        {detailsOf(event) || '—'}
      </td>
    </tr>
  );
}

function EventTable({ events, timeZone }: { events: AuditEvent[]; timeZone: string }) {
  if (events.length === 0) return <p class="empty">Nothing in the trail matches.</p>;
  return (
    <table class="audit">
      <caption class="visually-hidden">Audit trail, newest first</caption>
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Event</th>
          <th scope="col">Who</th>
          <th scope="col">What</th>
          <th scope="col">Address</th>
          <th scope="col">Details</th>
        </tr>
      </thead>
      <tbody>
        {events.map((event) => (
          <EventRow key={event.id} event={event} timeZone={timeZone} />
        ))}
      </tbody>
    </table>
  );
}

/** The audit trail: who did what, when and from where, in the paper's time zone. */
export function AuditPage({ query }: { query: URLSearchParams }) {
  usePageTitle('Audit trail');
  const filters = filtersOf(query);
  const [settings] = useLoad(() => newsroom.settings(), []);
  const timeZone =
    settings.state === 'ready'
      ? settings.value.timezone
      : Intl.DateTimeFormat().resolvedOptions().timeZone;
  const known = settings.state !== 'loading';
  const [loaded] = useLoad(
    () => (known ? auditTrail.list(queryFor(filters, timeZone)) : new Promise<never>(() => {})),
    [pathFor(filters), known, timeZone],
  );
  return (
    <>
      <h1>Audit trail</h1>
      <p class="hint">
        Times in {timeZone}, the paper’s time zone. Entries are kept for the retention period set on
        the server, then purged.
      </p>
      <FilterForm key={pathFor(filters)} filters={filters} />
      <LoadStatus loaded={loaded} />
      {loaded.state === 'ready' && (
        <>
          <EventTable events={loaded.value.events} timeZone={timeZone} />
          <nav class="pager" aria-label="Pages of the audit trail">
            {filters.page > 1 && (
              <Link href={pathFor({ ...filters, page: filters.page - 1 })}>Newer</Link>
            )}
            {loaded.value.hasMore && (
              <Link href={pathFor({ ...filters, page: filters.page + 1 })}>Older</Link>
            )}
          </nav>
        </>
      )}
    </>
  );
}
