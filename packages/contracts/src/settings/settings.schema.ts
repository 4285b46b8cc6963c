import { z } from 'zod';

export const SlaTargetsSchema = z.strictObject({
  urgent: z.number().int().min(1).max(100_000),
  high: z.number().int().min(1).max(100_000),
  normal: z.number().int().min(1).max(100_000),
  low: z.number().int().min(1).max(100_000),
});
/** First-response targets in minutes per priority. */
export type SlaTargets = z.infer<typeof SlaTargetsSchema>;
/** SPEC §5 defaults: urgent 15 min, high 1 h, normal 4 h, low 24 h. */
export const DEFAULT_SLA_TARGETS: SlaTargets = { urgent: 15, high: 60, normal: 240, low: 1440 };

const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM (24 h)');
export const BusinessHoursSchema = z
  .strictObject({
    /** ISO weekdays, Monday = 1. */
    days: z.array(z.number().int().min(1).max(7)).min(1, 'at least one day').max(7),
    start: Time,
    end: Time,
  })
  .refine((b) => b.start < b.end, { message: 'start must be before end', path: ['end'] });
/** When set, SLA clocks only run inside these hours (workspace time zone). */
export type BusinessHours = z.infer<typeof BusinessHoursSchema>;

export const IanaZoneSchema = z.string().refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return tz.length <= 64;
    } catch {
      return false;
    }
  },
  { message: 'expected an IANA time zone such as Asia/Jakarta' },
);

export const SettingsSchema = z.object({
  timezone: z.string(),
  requireOutcomeTag: z.boolean(),
  businessHours: BusinessHoursSchema.nullable(),
  slaTargets: SlaTargetsSchema,
  updatedAt: z.iso.datetime({ offset: true }),
});
export type Settings = z.infer<typeof SettingsSchema>;

/** `PATCH /api/settings`: `slaTargets` by managers and admins; the rest by admins. */
export const UpdateSettingsRequestSchema = z
  .strictObject({
    timezone: IanaZoneSchema.optional(),
    requireOutcomeTag: z.boolean().optional(),
    businessHours: BusinessHoursSchema.nullable().optional(),
    slaTargets: SlaTargetsSchema.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'at least one field must be given' });
export type UpdateSettingsRequest = z.infer<typeof UpdateSettingsRequestSchema>;
