/**
 * How a server schema's value arrives in the newsroom app. Answers travel through
 * JSON.stringify, so a schema's `z.date()` reaches the browser as its ISO string; deriving the
 * app's types through these keeps them from drifting from the server's schemas (ADR 0032).
 */
import type { z } from 'zod';

/** A value after JSON.stringify: every Date, however deep, becomes a string. */
// A mapped type keeps arrays and tuples as they are (the body's list needs its first paragraph).
export type Json<T> = T extends Date
  ? string
  : T extends object
    ? { [Key in keyof T]: Json<T[Key]> }
    : T;

/** What an endpoint answers, from its `output` schema. */
export type Answer<Schema extends z.ZodTypeAny> = Json<z.output<Schema>>;

/** What the app sends, from an endpoint's `input` schema: defaults may be left out. */
export type Body<Schema extends z.ZodTypeAny> = z.input<Schema>;

/**
 * A query string's fields, from an endpoint's `input` schema. Filters bound to form fields may be
 * blank (''), which `queryString` leaves out; the page is always a number.
 */
export type Query<Schema extends z.ZodTypeAny> = {
  [Key in keyof z.input<Schema>]?: Key extends 'page'
    ? z.input<Schema>[Key]
    : z.input<Schema>[Key] | '';
};
