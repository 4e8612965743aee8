/**
 * GOV.UK's error summary: when a save is refused over fields, the problems are listed at the
 * top of the form, each linking to its field, and focus moves to the list so that a keyboard or
 * screen-reader user learns of them without hunting down the page.
 */
import { useEffect, useId, useRef } from 'preact/hooks';
import { fieldOf, summaryLine, type SummaryField } from './summary-fields.js';

const focusField = (event: MouseEvent, id: string) => {
  const control = document.getElementById(id);
  if (!control) return;
  // Following the link itself would only scroll: the field must take focus to be typed into.
  event.preventDefault();
  control.scrollIntoView({ block: 'center' });
  control.focus();
};

interface ErrorSummaryProps {
  /** Messages by field name; `form` (an error of no field) is shown by the form itself. */
  errors: Record<string, string>;
  fields: readonly SummaryField[];
  /** False when the caller moves focus to the field itself. */
  takeFocus?: boolean;
}

/** The list of a refused form's field errors, focused as it appears; nothing when there are none. */
export function ErrorSummary({ errors, fields, takeFocus = true }: ErrorSummaryProps) {
  const box = useRef<HTMLDivElement>(null);
  const headingId = useId();
  const keys = Object.keys(errors).filter((key) => key !== 'form');
  useEffect(() => {
    if (keys.length > 0 && takeFocus) box.current?.focus();
  }, [errors]);
  if (keys.length === 0) return null;
  return (
    <div class="error-summary" ref={box} tabIndex={-1} role="group" aria-labelledby={headingId}>
      <h2 id={headingId}>There is a problem</h2>
      <ul>
        {keys.map((key) => {
          const field = fieldOf(key, fields);
          const text = summaryLine(key, errors[key] ?? '', field);
          return (
            <li key={key}>
              {field ? (
                <a href={`#${field.id}`} onClick={(event) => focusField(event, field.id)}>
                  {text}
                </a>
              ) : (
                text
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
