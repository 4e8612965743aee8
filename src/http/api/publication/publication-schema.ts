import { z } from 'zod';
import { EMBED_PROVIDER_IDS } from '../../../domain/embed/embed-provider.js';
import { publicationSettingsSchema } from '../../../domain/publication/publication-settings.js';
import { recordId, recordIdParam } from '../../../domain/validation.js';
import { curationSchema, MAX_TOP_STORIES } from '../../../services/curate-front.js';

export const nothing = z.object({}).strict();

export const settingsInput = publicationSettingsSchema;
export const settingsOutput = publicationSettingsSchema;

/** What every member needs to show times: the paper's name and zone. */
export const paperClockOutput = z.object({ name: z.string(), timeZone: z.string() });

export const sectionParams = z.object({ id: recordIdParam }).strict();
export const homeCurationInput = curationSchema;
export const sectionCurationInput = curationSchema.extend({ id: recordIdParam });
/** A front's lead story and its top stories, in order. */
export const curationOutput = curationSchema;

/** An unsaved curation in the query: `?lead=12&top=7,9`, so the preview opens as a page. */
const proposal = {
  lead: recordIdParam.optional(),
  top: z
    .string()
    .regex(/^(\d{1,10}(,\d{1,10})*)?$/, 'must be story ids separated by commas')
    .transform((ids) => (ids ? ids.split(',').map(Number) : []))
    .pipe(z.array(recordId).max(MAX_TOP_STORIES))
    .optional(),
};
export const proposalInput = z.object(proposal).strict();
export const sectionProposalInput = z.object({ id: recordIdParam, ...proposal }).strict();

const embedProvider = z.object({
  id: z.enum(EMBED_PROVIDER_IDS),
  name: z.string(),
  noun: z.string(),
  example: z.string(),
  /** Whether the publication's allow-list lets stories show it. */
  allowed: z.boolean(),
});

export const embedProvidersOutput = z.object({ providers: z.array(embedProvider) });
export const embedMatchOutput = z.object({ provider: embedProvider, url: z.string() });
