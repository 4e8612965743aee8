/**
 * The Hijri part of a publication's settings, as the settings import reads it. Problems are
 * reported on the field at fault (`monthStartOverrides.0.startsOn`), like any other zod issue.
 */
import { z } from 'zod';
import {
  hijriRulesProblem,
  isValidAdjustDays,
  overrideShapeProblem,
} from './month-start-overrides.js';

const monthStartOverrideSchema = z.object({
  year: z.number().int(),
  // The range is checked below, with a message that names the months.
  month: z.number().int(),
  startsOn: z.string(),
});

const baseSchema = z.object({
  calendar: z.enum(['islamic-umalqura', 'islamic-civil', 'none']).default('islamic-umalqura'),
  adjustDays: z.number().int().min(-2).max(2).default(0),
  monthStartOverrides: z.array(monthStartOverrideSchema).default([]),
  /** Twelve names in the publication's own spelling, Muharram first. */
  monthNames: z.array(z.string().min(1)).length(12).optional(),
});

/** Zod schema of the Hijri settings, with defaults: Umm al-Qura, no adjustment, no overrides. */
export const hijriSettingsSchema = baseSchema.superRefine((settings, context) => {
  // A bad adjustDays has already been reported by its own rule; do not report it twice.
  if (!isValidAdjustDays(settings.adjustDays)) return;
  const { calendar, adjustDays, monthStartOverrides } = settings;
  const problem =
    calendar === 'none'
      ? overrideShapeProblem(monthStartOverrides, null)
      : hijriRulesProblem({ calendar, adjustDays, monthStartOverrides });
  if (problem) {
    context.addIssue({ code: z.ZodIssueCode.custom, message: problem.message, path: problem.path });
  }
});

/** Hijri settings after parsing, defaults filled in. */
export type HijriSettings = z.output<typeof hijriSettingsSchema>;
