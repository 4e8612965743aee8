import { useState } from 'preact/hooks';
import { ApiError } from '../api/client.js';
import { messageOf } from './use-load.js';

/** Reads a form's fields as trimmed text; a field that is missing, or a file, reads as ''. */
export function formText(form: HTMLFormElement): (name: string) => string {
  const data = new FormData(form);
  return (name) => {
    const value = data.get(name);
    return typeof value === 'string' ? value.trim() : '';
  };
}

/** The server's message without the field name it starts with (`name: must not be empty`). */
export const withoutField = (message: string, field: string) =>
  message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message;

/** The field errors of a refused form: the named field's, else the form's own. */
export function formErrorsOf(error: unknown, fields: string[]): Record<string, string> {
  if (error instanceof ApiError && error.field) {
    const field = fields.find((name) => error.field === name || error.field?.startsWith(name));
    if (field) return { [field]: withoutField(error.message, error.field) };
  }
  return { form: messageOf(error) };
}

/**
 * A form's one submission at a time: busy while `act` runs, and a refusal shown under the field
 * the server named (one of `fields`), else at the top of the form.
 */
export function useFormSubmit(fields: string[], act: () => Promise<void>) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    setErrors({});
    try {
      await act();
    } catch (caught) {
      setErrors(formErrorsOf(caught, fields));
    }
    setBusy(false);
  };
  const submit = (event: Event) => {
    event.preventDefault();
    void run();
  };
  return { errors, busy, submit };
}
