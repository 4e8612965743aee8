/** Which field of a form an error names, and the line the error summary shows for it. */
import { withoutField } from './form-submit.js';

/** A field of the form: the name the server uses for it, its control's id and its label. */
export interface SummaryField {
  name: string;
  id: string;
  label: string;
}

/** The field an error key names: `lead.alt` and `tags[2]` belong to `lead.alt` and `tags`. */
export function fieldOf(key: string, fields: readonly SummaryField[]): SummaryField | undefined {
  const owners = fields.filter(
    (f) => key === f.name || key.startsWith(`${f.name}.`) || key.startsWith(`${f.name}[`),
  );
  return owners.sort((a, b) => b.name.length - a.name.length)[0];
}

/** The summary's line for one error: the field's label, then the message without its key. */
export function summaryLine(key: string, message: string, field: SummaryField | undefined) {
  const text = withoutField(message, key);
  return field ? `${field.label}: ${text}` : text;
}
