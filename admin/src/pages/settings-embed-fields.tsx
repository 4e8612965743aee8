/** The settings' allow-list of embed providers: a checkbox per provider the server knows. */
import { embeds, type EmbedProviderEntry } from '../api/embeds.js';
import { useLoad } from '../components/use-load.js';
import type { Part } from './settings-fields.js';

type ProviderId = EmbedProviderEntry['id'];

/** In the registry's order, whatever order they were ticked in. */
const inOrder = (ids: ProviderId[], order: ProviderId[]) => order.filter((id) => ids.includes(id));

export function EmbedFields({ part }: { part: Part }) {
  const { form, set, error } = part;
  const [loaded] = useLoad(() => embeds.providers(), []);
  const providers = loaded.state === 'ready' ? loaded.value.providers : [];
  const order = providers.map((p) => p.id);
  const toggle = (id: ProviderId, on: boolean) =>
    set({
      allowedProviders: on
        ? inOrder([...form.allowedProviders, id], order)
        : form.allowedProviders.filter((p) => p !== id),
    });
  const problem = error('embeds');
  return (
    <fieldset
      class={`embed-providers${problem ? ' has-error' : ''}`}
      aria-describedby="settings-embeds-hint"
    >
      <legend>Embeds</legend>
      <p class="hint" id="settings-embeds-hint">
        Articles may embed videos, posts, maps and charts only from the providers ticked here.
        Untick one and its embeds show readers a link instead.
      </p>
      {loaded.state === 'loading' && <p class="loading">Loading the providers…</p>}
      {loaded.state === 'failed' && (
        <p class="form-error" role="alert">
          {loaded.message}
        </p>
      )}
      <ul class="checkbox-list">
        {providers.map((provider) => (
          <li key={provider.id}>
            <label>
              <input
                type="checkbox"
                checked={form.allowedProviders.includes(provider.id)}
                onChange={(event) => toggle(provider.id, event.currentTarget.checked)}
              />{' '}
              {provider.name}
            </label>
          </li>
        ))}
      </ul>
      {problem && <p class="error">{problem}</p>}
    </fieldset>
  );
}
