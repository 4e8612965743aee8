/**
 * Stands in for a store method the use cases under test never call: a test that reaches it
 * fails saying which, rather than passing on an answer nobody wrote.
 */
export const notFaked = (method: string) => (): never => {
  throw new Error(`fake newsroom: ${method} is not faked; test it against the database`);
};
