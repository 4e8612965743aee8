/** Webhooks, for the editor-in-chief: where article events go, and how each delivery went. */
import { When } from '../components/status.js';
import { useState } from 'preact/hooks';
import {
  isWebhookEvent,
  WEBHOOK_EVENTS,
  webhooks,
  type Webhook,
  type WebhookDelivery,
  type WebhookEvent,
} from '../api/webhooks.js';
import { Field } from '../components/field.js';
import { ActionMessage, FormActions, FormError, LoadStatus } from '../components/form-parts.js';
import { usePageTitle } from '../components/page-title.js';
import { messageOf, useLoad } from '../components/use-load.js';
import { useFormSubmit } from '../components/form-submit.js';

/** A checkbox per event; `legend` names the group for screen readers. */
function EventChoice(props: {
  idPrefix: string;
  legend: string;
  chosen: WebhookEvent[];
  error?: string;
  onChange: (events: WebhookEvent[]) => void;
}) {
  const toggle = (event: WebhookEvent, on: boolean) =>
    props.onChange(WEBHOOK_EVENTS.filter((e) => (e === event ? on : props.chosen.includes(e))));
  return (
    <fieldset class={props.error ? 'has-error' : undefined}>
      <legend>{props.legend}</legend>
      <ul class="checkbox-list">
        {WEBHOOK_EVENTS.map((event) => (
          <li key={event}>
            <label>
              <input
                type="checkbox"
                id={`${props.idPrefix}-${event}`}
                checked={props.chosen.includes(event)}
                onChange={(e) => toggle(event, e.currentTarget.checked)}
              />{' '}
              {event}
            </label>
          </li>
        ))}
      </ul>
      {props.error && <p class="error">{props.error}</p>}
    </fieldset>
  );
}

/** The secret, shown once after making or rolling it. */
function SecretNotice({ secret, url }: { secret: string; url: string }) {
  return (
    <div class="notice" role="status">
      <p>Signing secret for {url}. Copy it now: it will not be shown again.</p>
      <p>
        <code>{secret}</code>
      </p>
    </div>
  );
}

function NewWebhookForm({ onCreated }: { onCreated: (secret: string, webhook: Webhook) => void }) {
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [events, setEvents] = useState<WebhookEvent[]>(['article.published']);
  const { errors, busy, submit } = useFormSubmit(['url', 'events', 'description'], async () => {
    const made = await webhooks.create({ url, description, events, active: true });
    onCreated(made.secret, made.webhook);
    setUrl('');
    setDescription('');
  });

  return (
    <section aria-labelledby="new-webhook-heading">
      <h2 id="new-webhook-heading">Add a webhook</h2>
      <form onSubmit={submit} noValidate>
        <FormError message={errors.form} />
        <Field
          id="webhook-url"
          label="URL"
          hint="https:// address of the receiver"
          error={errors.url}
        >
          {(aria) => (
            <input
              {...aria}
              type="url"
              value={url}
              onInput={(event) => setUrl(event.currentTarget.value)}
            />
          )}
        </Field>
        <Field id="webhook-description" label="Description" error={errors.description}>
          {(aria) => (
            <input
              {...aria}
              value={description}
              onInput={(event) => setDescription(event.currentTarget.value)}
            />
          )}
        </Field>
        <EventChoice
          idPrefix="new-webhook"
          legend="Events to send"
          chosen={events}
          error={errors.events}
          onChange={setEvents}
        />
        <FormActions busy={busy} label="Add webhook" busyLabel="Adding…" notice={null} />
      </form>
    </section>
  );
}

/** The latest deliveries of one webhook, each with every attempt's answer. */
function DeliveryLog({ id }: { id: number }) {
  const [loaded, reload] = useLoad(() => webhooks.deliveries(id), [id]);
  if (loaded.state === 'loading') return <p class="loading">Loading deliveries…</p>;
  if (loaded.state !== 'ready') return <p class="form-error">Could not load the deliveries.</p>;
  const { deliveries } = loaded.value;
  if (deliveries.length === 0) return <p>Nothing has been sent yet.</p>;
  return (
    <>
      <table class="deliveries">
        <caption>Latest deliveries</caption>
        <thead>
          <tr>
            <th scope="col">Event</th>
            <th scope="col">Status</th>
            <th scope="col">Attempts (response codes)</th>
            <th scope="col">Last error</th>
            <th scope="col">Next attempt</th>
            <th scope="col">Queued</th>
          </tr>
        </thead>
        <tbody>
          {deliveries.map((d: WebhookDelivery) => (
            <tr key={d.id}>
              <td data-label="Event">
                {d.eventType} #{d.eventId}
              </td>
              <td data-label="Status">{d.status}</td>
              <td data-label="Attempts">
                {d.attempts}
                {d.log.length > 0 &&
                  ` (${d.log.map((a) => a.responseCode ?? 'no answer').join(', ')})`}
              </td>
              <td data-label="Last error">{d.lastError ?? ''}</td>
              <td data-label="Next attempt">
                {d.status === 'pending' ? <When at={d.nextAttemptAt} /> : '—'}
              </td>
              <td data-label="Queued">
                <When at={d.createdAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" class="quiet" onClick={reload}>
        Refresh
      </button>
    </>
  );
}

interface RowProps {
  webhook: Webhook;
  onChanged: (webhook: Webhook | null, message: string, secret?: string) => void;
  onFailed: (message: string) => void;
}

/** One subscription: its events and state, changeable; its secret rollable; its log. */
function WebhookRow({ webhook, onChanged, onFailed }: RowProps) {
  const [events, setEvents] = useState<WebhookEvent[]>(() => webhook.events.filter(isWebhookEvent));
  const [busy, setBusy] = useState(false);
  const [showLog, setShowLog] = useState(false);
  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } catch (caught) {
      onFailed(messageOf(caught));
    }
    setBusy(false);
  };
  const change = (changes: { events?: WebhookEvent[]; active?: boolean }, done: string) =>
    act(async () => onChanged((await webhooks.change(webhook.id, changes)).webhook, done));
  const roll = () =>
    act(async () => {
      const rolled = await webhooks.rollSecret(webhook.id);
      onChanged(rolled.webhook, 'A new secret is in use from now on.', rolled.secret);
    });
  const remove = () =>
    act(async () => {
      if (!window.confirm(`Delete the webhook to ${webhook.url} and its delivery log?`)) return;
      await webhooks.remove(webhook.id);
      onChanged(null, `The webhook to ${webhook.url} is deleted.`);
    });

  return (
    <li class="webhook">
      <h3>
        {webhook.url} {webhook.active ? '' : '(switched off)'}
      </h3>
      {webhook.description && <p>{webhook.description}</p>}
      <EventChoice
        idPrefix={`webhook-${webhook.id}`}
        legend={`Events sent to ${webhook.url}`}
        chosen={events}
        onChange={setEvents}
      />
      <div class="actions">
        <button
          type="button"
          disabled={busy}
          onClick={() => void change({ events }, 'Events saved.')}
        >
          Save events
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() =>
            void change(
              { active: !webhook.active },
              webhook.active ? 'Switched off.' : 'Switched on.',
            )
          }
        >
          {webhook.active ? 'Switch off' : 'Switch on'}
        </button>
        <button type="button" disabled={busy} onClick={() => void roll()}>
          Roll secret
        </button>
        <button type="button" class="danger" disabled={busy} onClick={() => void remove()}>
          Delete
        </button>
        <button type="button" class="quiet" onClick={() => setShowLog(!showLog)}>
          {showLog ? 'Hide deliveries' : 'Show deliveries'}
        </button>
      </div>
      {showLog && <DeliveryLog id={webhook.id} />}
    </li>
  );
}

export function WebhooksPage() {
  usePageTitle('Webhooks');
  const [loaded, reload] = useLoad(() => webhooks.list(), []);
  const [message, setMessage] = useState<{ text: string; failed: boolean } | null>(null);
  const [secret, setSecret] = useState<{ secret: string; url: string } | null>(null);

  const changed = (webhook: Webhook | null, text: string, newSecret?: string) => {
    setMessage({ text, failed: false });
    setSecret(newSecret && webhook ? { secret: newSecret, url: webhook.url } : null);
    reload();
  };

  return (
    <>
      <h1>Webhooks</h1>
      <p>
        Dateline posts a signed JSON message to each address below when an article is published,
        updated, corrected, unpublished or killed. Failed deliveries are retried for a day.
      </p>
      <ActionMessage message={message} />
      {secret && <SecretNotice {...secret} />}
      <LoadStatus loaded={loaded} />
      {loaded.state === 'ready' &&
        (loaded.value.webhooks.length === 0 ? (
          <p>No webhooks yet.</p>
        ) : (
          <section aria-labelledby="webhooks-list-heading">
            <h2 id="webhooks-list-heading">Receivers</h2>
            <ul class="webhooks">
              {loaded.value.webhooks.map((webhook) => (
                <WebhookRow
                  key={`${webhook.id}-${webhook.updatedAt}`}
                  webhook={webhook}
                  onChanged={changed}
                  onFailed={(text) => setMessage({ text, failed: true })}
                />
              ))}
            </ul>
          </section>
        ))}
      <NewWebhookForm
        onCreated={(newSecret, webhook) =>
          changed(webhook, `Webhook to ${webhook.url} added.`, newSecret)
        }
      />
    </>
  );
}
