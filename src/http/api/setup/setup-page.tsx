import { PASSWORD_MIN_LENGTH } from '../../../domain/account/password-policy.js';
import { h, renderDocument, trustedHtml, type Child } from '../../jsx/jsx.js';

export type SetUpField = 'email' | 'name' | 'password';

export interface SetUpFormState {
  values: { email: string; name: string };
  /** Messages to show beside their field; `form` for those that belong to no field. */
  errors: Partial<Record<SetUpField | 'form', string>>;
}

const STYLE = `body{margin:0;font:1rem/1.5 system-ui,sans-serif;color:#1a1a1a;background:#f6f5f2}
main{max-width:28rem;margin:3rem auto;padding:2rem;background:#fff;border:1px solid #ddd;border-radius:.5rem}
h1{font-family:Georgia,serif;font-size:1.75rem;line-height:1.2;margin:0 0 .5rem}
label{display:block;font-weight:600;margin-top:1.25rem}
input{box-sizing:border-box;width:100%;margin-top:.25rem;padding:.6rem;font:inherit;border:1px solid #767676;border-radius:.25rem}
input[aria-invalid=true]{border-color:#b00020;border-width:2px}
.hint{margin:.25rem 0 0;font-size:.875rem;color:#555}
.error{margin:.25rem 0 0;color:#b00020;font-weight:600}
button{margin-top:1.75rem;padding:.7rem 1.2rem;font:inherit;font-weight:600;color:#fff;background:#1a1a1a;border:0;border-radius:.25rem;cursor:pointer}
:focus-visible{outline:3px solid #1a5fb4;outline-offset:2px}`;

const STYLE_TAG = trustedHtml(`<style>${STYLE}</style>`);

/** Headers of the newsroom's server-rendered pages: nothing cached, nothing framed or loaded. */
export const NEWSROOM_PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

function Page({ title, children }: { title: string; children?: Child }) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{title}</title>
        {STYLE_TAG}
      </head>
      <body>
        <main>{children}</main>
      </body>
    </html>
  );
}

function Field(props: {
  name: SetUpField;
  label: string;
  type: string;
  autocomplete: string;
  value?: string;
  hint?: string;
  error: string | undefined;
  extra?: Record<string, string | number>;
}) {
  const describedBy = [props.hint && `${props.name}-hint`, props.error && `${props.name}-error`]
    .filter(Boolean)
    .join(' ');
  return (
    <div>
      <label for={props.name}>{props.label}</label>
      {props.hint ? (
        <p class="hint" id={`${props.name}-hint`}>
          {props.hint}
        </p>
      ) : null}
      <input
        id={props.name}
        name={props.name}
        type={props.type}
        autocomplete={props.autocomplete}
        value={props.value}
        required
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
        {...props.extra}
      />
      {props.error ? (
        <p class="error" id={`${props.name}-error`}>
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

/** Strips the `field: ` prefix a domain message carries; the label already names the field. */
const beside = (message: string | undefined) =>
  message?.replace(/^\w+: (.)/, (_match, first: string) => first.toUpperCase());

/** The first-run form: the editor-in-chief's name, email address and password. */
export function setUpPage(state: SetUpFormState): string {
  const { values, errors } = state;
  return renderDocument(
    <Page title="Set up Dateline">
      <h1>Set up your newspaper</h1>
      <p>
        Create the first account. It belongs to the editor-in-chief, who can then invite the rest of
        the newsroom.
      </p>
      {errors.form ? (
        <p class="error" role="alert">
          {errors.form}
        </p>
      ) : null}
      <form method="post" action="/admin/setup">
        <Field
          name="name"
          label="Your name"
          type="text"
          autocomplete="name"
          value={values.name}
          error={beside(errors.name)}
          extra={{ maxlength: 120 }}
        />
        <Field
          name="email"
          label="Email address"
          type="email"
          autocomplete="email"
          value={values.email}
          error={beside(errors.email)}
          extra={{ maxlength: 254 }}
        />
        <Field
          name="password"
          label="Password"
          type="password"
          autocomplete="new-password"
          hint={`At least ${PASSWORD_MIN_LENGTH} characters. A few unrelated words make a good one.`}
          error={beside(errors.password)}
          extra={{ minlength: PASSWORD_MIN_LENGTH, maxlength: 256 }}
        />
        <button type="submit">Create the editor-in-chief’s account</button>
      </form>
    </Page>,
  );
}

/** What the setup address shows once the paper has its first account. */
export function alreadySetUpPage(): string {
  return renderDocument(
    <Page title="Dateline is already set up">
      <h1>This newspaper is already set up</h1>
      <p>
        Its editor-in-chief has an account. <a href="/admin">Sign in to the newsroom</a>, or ask
        your editor-in-chief for an invitation.
      </p>
    </Page>,
  );
}
