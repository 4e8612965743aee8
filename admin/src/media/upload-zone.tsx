import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';
import { DropTarget } from '../components/drop-target.js';
import type { MediaItem } from '../api/types.js';
import { useUploads, type Upload } from './use-uploads.js';

/** What the file chooser offers; the server decides by the content, whatever the name says. */
const ACCEPTED = 'image/jpeg,image/png,image/webp,image/avif,image/gif';

interface UploadZoneProps {
  /** Prefix of the ids inside, so two zones never share one. */
  id: string;
  onUploaded: (item: MediaItem, isNew: boolean) => void;
  /** Offered beside each photo once it is in the library, e.g. "Use this photo". */
  action?: (item: MediaItem) => ComponentChildren;
}

function summaryOf(uploads: Upload[]): string {
  if (uploads.length === 0) return '';
  const count = (...states: Upload['state'][]) =>
    uploads.filter((u) => states.includes(u.state)).length;
  const pending = count('waiting', 'sending');
  if (pending > 0) return `Uploading ${pending} of ${uploads.length} photos…`;
  const parts = [
    count('uploaded') && `${count('uploaded')} uploaded`,
    count('known') && `${count('known')} already in the library`,
    count('refused') && `${count('refused')} refused`,
  ];
  return `${parts.filter(Boolean).join(', ')}.`;
}

function UploadRow({ upload, action }: { upload: Upload; action: UploadZoneProps['action'] }) {
  const { name, state, progress, item } = upload;
  if (state === 'refused')
    return (
      <li class="upload-row refused">
        <p class="error">
          {/* Some refusals name the file themselves. */}
          {upload.message.startsWith(name) ? upload.message : `${name}: ${upload.message}`}
        </p>
      </li>
    );
  const percent = Math.round(progress * 100);
  return (
    <li class={`upload-row ${state}`}>
      <span class="upload-name">{name}</span>
      <progress max={100} value={percent} aria-label={`Upload of ${name}`}>
        {percent}%
      </progress>
      <span class="upload-outcome">
        {state === 'waiting' && 'Waiting…'}
        {state === 'sending' && (progress < 1 ? `${percent}%` : 'Processing…')}
        {state === 'uploaded' && 'Uploaded'}
        {state === 'known' && 'Already in the library'}
      </span>
      {item && action?.(item)}
    </li>
  );
}

/**
 * Where photos come into the library: dropped here, or picked with the "Choose photos" button.
 * Each file gets a row with its progress, then the outcome or the server's reason for refusing it.
 */
export function UploadZone({ id, onUploaded, action }: UploadZoneProps) {
  const input = useRef<HTMLInputElement>(null);
  const { uploads, add, clearFinished } = useUploads(onUploaded);
  const finished = uploads.some((u) => u.state !== 'waiting' && u.state !== 'sending');

  return (
    <section class="upload-zone" aria-labelledby={`${id}-title`}>
      <DropTarget onFiles={add}>
        <h2 id={`${id}-title`} class="upload-title">
          Upload photos
        </h2>
        <p class="hint" id={`${id}-hint`}>
          Drop photos here, or choose them: JPEG, PNG, WebP, AVIF or GIF, several at once.
        </p>
        <button
          type="button"
          aria-describedby={`${id}-hint`}
          onClick={() => input.current?.click()}
        >
          Choose photos
        </button>
        <input
          ref={input}
          id={`${id}-input`}
          type="file"
          accept={ACCEPTED}
          multiple
          hidden
          onChange={(event) => {
            add(Array.from(event.currentTarget.files ?? []));
            // Choosing the same file again must fire change again.
            event.currentTarget.value = '';
          }}
        />
      </DropTarget>
      <p class="upload-summary" role="status">
        {summaryOf(uploads)}
      </p>
      {uploads.length > 0 && (
        <ul class="upload-list" aria-label="Uploads">
          {uploads.map((upload) => (
            <UploadRow key={upload.key} upload={upload} action={action} />
          ))}
        </ul>
      )}
      {finished && (
        <button type="button" class="quiet" onClick={clearFinished}>
          Clear finished uploads
        </button>
      )}
    </section>
  );
}
