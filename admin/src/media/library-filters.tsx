import type { MediaFilters } from '../api/newsroom.js';
import type { Uploader } from '../api/types.js';
import { Link, navigate } from '../router.js';
import { formText } from '../components/form-submit.js';

export type LibraryFilters = Omit<MediaFilters, 'page'>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The filters the address asks for; anything malformed is left out. */
export function libraryFiltersOf(query: URLSearchParams): LibraryFilters {
  const date = (key: string) => {
    const value = query.get(key) ?? '';
    return DATE.test(value) ? value : '';
  };
  const uploadedBy = Number(query.get('uploadedBy'));
  return {
    search: (query.get('search') ?? '').trim(),
    uploadedBy: Number.isInteger(uploadedBy) && uploadedBy > 0 ? uploadedBy : '',
    from: date('from'),
    to: date('to'),
  };
}

/** The library's address for the filters, so a search can be shared and reloaded. */
export function libraryPathFor(filters: LibraryFilters) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value !== '' && value !== undefined) params.set(key, String(value));
  }
  const text = params.toString();
  return `/media${text ? `?${text}` : ''}`;
}

function filtersFrom(form: HTMLFormElement): LibraryFilters {
  const text = formText(form);
  return {
    search: text('search'),
    uploadedBy: text('uploadedBy') ? Number(text('uploadedBy')) : '',
    from: text('from'),
    to: text('to'),
  };
}

interface LibraryFilterFormProps {
  filters: LibraryFilters;
  /** Null when the server cannot say who uploaded (the filter is then left out). */
  uploaders: Uploader[] | null;
}

/** Search by caption, credit or file name; narrow to one uploader and a range of dates. */
export function LibraryFilterForm({ filters, uploaders }: LibraryFilterFormProps) {
  const filtered = Object.values(filters).some((value) => value !== '' && value !== undefined);
  return (
    <form
      class="filters media-filters"
      role="search"
      aria-label="Photos"
      onSubmit={(event) => {
        event.preventDefault();
        navigate(libraryPathFor(filtersFrom(event.currentTarget)));
      }}
    >
      <div>
        <label for="photo-search">Search photos</label>
        <input
          id="photo-search"
          name="search"
          type="search"
          aria-describedby="photo-search-hint"
          value={filters.search}
        />
        <p class="hint" id="photo-search-hint">
          Caption, credit or file name.
        </p>
      </div>
      {uploaders && (
        <div>
          <label for="photo-uploader">Uploaded by</label>
          <select id="photo-uploader" name="uploadedBy" value={String(filters.uploadedBy ?? '')}>
            <option value="">Anyone</option>
            {uploaders.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <div>
        <label for="photo-from">Uploaded from</label>
        <input id="photo-from" name="from" type="date" value={filters.from} />
      </div>
      <div>
        <label for="photo-to">Uploaded until</label>
        <input id="photo-to" name="to" type="date" value={filters.to} min={filters.from} />
      </div>
      <div class="actions">
        <button type="submit">Filter</button>
        {filtered && <Link href="/media">Show all</Link>}
      </div>
    </form>
  );
}
