/**
 * The publication: its name, masthead and where it is, as the editor-in-chief sets them.
 * The shape of `dateline settings apply FILE.json` (see test/reference/seed/publication.json).
 */
import { z } from 'zod';
import { EMBED_PROVIDER_IDS } from '../embed/embed-provider.js';
import { hijriSettingsSchema } from './hijri/hijri-settings.js';

const isTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

const weatherSettingsSchema = z
  .object({
    provider: z.enum(['openweathermap', 'open-meteo', 'none']),
    label: z.string().trim().max(40).default(''),
    lat: z.number().min(-90).max(90),
    lon: z.number().min(-180).max(180),
  })
  .strict();

/**
 * Which providers' content articles may frame: the editor-in-chief's allow-list, empty until
 * they choose. Kept in the registry's order, each once.
 */
const embedSettingsSchema = z
  .object({
    allowedProviders: z
      .array(
        z.enum(EMBED_PROVIDER_IDS, {
          errorMap: () => ({ message: `must be one of ${EMBED_PROVIDER_IDS.join(', ')}` }),
        }),
      )
      .max(EMBED_PROVIDER_IDS.length * 2)
      .default([])
      .transform((ids) => EMBED_PROVIDER_IDS.filter((id) => ids.includes(id))),
  })
  .strict();

export const publicationSettingsSchema = z
  .object({
    name: z.string().trim().min(1, 'must not be empty').max(200),
    tagline: z.string().trim().max(300).default(''),
    editorInChief: z.string().trim().max(200).default(''),
    timezone: z
      .string()
      .refine(isTimeZone, { message: 'must be an IANA time zone such as Asia/Muscat' }),
    locale: z
      .string()
      .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as en or en-GB')
      .default('en'),
    country: z.string().trim().max(100).default(''),
    hijri: hijriSettingsSchema.default({}),
    weather: weatherSettingsSchema.nullable().default(null),
    articlesPerPage: z.number().int().min(5).max(100).default(20),
    embeds: embedSettingsSchema.default({}),
    /** Whether feeds carry whole stories or only their summaries. */
    feeds: z
      .object({ fullText: z.boolean().default(true) })
      .strict()
      .default({}),
  })
  .strict();

export type PublicationSettings = z.infer<typeof publicationSettingsSchema>;
export type WeatherSettings = z.infer<typeof weatherSettingsSchema>;
export type EmbedSettings = z.infer<typeof embedSettingsSchema>;

/** The settings key the publication is stored under. */
export const PUBLICATION_KEY = 'publication';

/** The time zone of the publication as stored (the schema checked it), UTC before it is set. */
export const storedTimeZone = (stored: unknown): string => {
  const zone = (stored as { timezone?: unknown } | undefined)?.timezone;
  return typeof zone === 'string' ? zone : 'UTC';
};

/** What a new installation shows until the editor-in-chief sets the publication up. */
export const DEFAULT_PUBLICATION: PublicationSettings = publicationSettingsSchema.parse({
  name: 'Dateline',
  timezone: 'UTC',
});
