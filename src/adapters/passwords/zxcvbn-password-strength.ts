import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import type { PasswordEstimate } from '../../domain/account/password-policy.js';
import type { PasswordStrength } from '../../services/ports.js';

/**
 * Only the first 64 characters are judged: matching grows faster than the length, and a
 * password that long is past guessing whatever its tail. Judging a prefix errs towards weak.
 */
export const JUDGED_LENGTH = 64;

/** Fewer l33t substitutions tried per word: 100 (the default) costs up to 300 ms on `a1!a1!…`. */
const L33T_SUBSTITUTIONS = 20;

/** The dictionaries take about 60 MB and a quarter of a second, so they load on first use. */
async function loadEstimator(): Promise<ZxcvbnFactory> {
  const [{ ZxcvbnFactory }, common, english] = await Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en'),
  ]);
  return new ZxcvbnFactory({
    translations: english.translations,
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...english.dictionary },
    maxLength: JUDGED_LENGTH,
    l33tMaxSubstitutions: L33T_SUBSTITUTIONS,
  });
}

/** zxcvbn-ts with its common-password, English and keyboard lists: offline, no network. */
export class ZxcvbnPasswordStrength implements PasswordStrength {
  private estimator: Promise<ZxcvbnFactory> | undefined;

  /** Loads the dictionaries now rather than on the first password chosen. */
  async prepare(): Promise<void> {
    await this.load();
  }

  async estimate(password: string, guesses: string[]): Promise<PasswordEstimate> {
    const estimator = await this.load();
    const { score, feedback } = estimator.check(password, guesses);
    return { score, warning: feedback.warning, suggestion: feedback.suggestions[0] ?? null };
  }

  private load(): Promise<ZxcvbnFactory> {
    this.estimator ??= loadEstimator();
    return this.estimator;
  }
}
