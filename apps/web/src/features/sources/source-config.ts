import { SOURCE_SECRET_KEYS, SourceConfigSchemas, type Source, type SourceKind } from '@dengar/contracts';
import type { z } from 'zod';

/** How a config key is edited. Credentials are write-only: never shown, sent only when typed. */
export type ConfigInput = 'text' | 'url' | 'secret' | 'select' | 'checkbox' | 'number' | 'list';
export type ConfigValue = string | boolean | string[];
export type ConfigDraft = Record<string, ConfigValue>;

export interface ConfigField {
  key: string;
  input: ConfigInput;
  /** Must be given (no default, not optional). */
  required: boolean;
  /** The choices of a `select`. */
  options: readonly string[];
  defaultValue: unknown;
}

/** The parts of a zod definition this reads; the contract's schemas are the single source of the fields. */
interface SchemaDef {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  defaultValue?: unknown;
  entries?: Record<string, string>;
}

const defOf = (schema: z.ZodType) => schema.def as unknown as SchemaDef;

function describeField(key: string, schema: z.ZodType, secret: boolean): ConfigField {
  let current = schema;
  let required = true;
  let defaultValue: unknown = undefined;
  for (;;) {
    const def = defOf(current);
    if ((def.type === 'optional' || def.type === 'default') && def.innerType) {
      required = false;
      if (def.type === 'default') defaultValue = def.defaultValue;
      current = def.innerType;
    } else if (def.type === 'pipe' && def.in) {
      current = def.in;
    } else {
      break;
    }
  }
  const def = defOf(current);
  const field = { key, required, defaultValue, options: [] as readonly string[] };
  if (secret) return { ...field, input: 'secret' };
  switch (def.type) {
    case 'enum':
      return { ...field, input: 'select', options: Object.values(def.entries ?? {}) };
    case 'boolean':
      return { ...field, input: 'checkbox' };
    case 'number':
      return { ...field, input: 'number' };
    case 'array':
      return { ...field, input: 'list' };
    default:
      return { ...field, input: (current as { format?: string | null }).format === 'url' ? 'url' : 'text' };
  }
}

/** The config fields of a kind, in the contract's order. */
export function configFields(kind: SourceKind): ConfigField[] {
  const shape = (SourceConfigSchemas[kind] as unknown as z.ZodObject).shape as Record<string, z.ZodType>;
  return Object.entries(shape).map(([key, schema]) =>
    describeField(key, schema, SOURCE_SECRET_KEYS[kind].includes(key)),
  );
}

function draftValue(field: ConfigField, value: unknown): ConfigValue {
  switch (field.input) {
    case 'checkbox':
      return value === true;
    case 'list':
      return Array.isArray(value) ? value.map(String) : [];
    case 'secret':
      return '';
    default:
      return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  }
}

/** A new source's config, defaults filled in so the admin sees them. */
export function newConfigDraft(kind: SourceKind): ConfigDraft {
  return Object.fromEntries(configFields(kind).map((field) => [field.key, draftValue(field, field.defaultValue)]));
}

/** An existing source's config; credentials start empty (they are never returned). */
export function configDraftOf(source: Source): ConfigDraft {
  return Object.fromEntries(
    configFields(source.kind).map((field) => [field.key, draftValue(field, source.config[field.key])]),
  );
}

/** A draft value as the API takes it; undefined when left empty (the default or "not set" applies). */
function requestValue(field: ConfigField, value: ConfigValue | undefined): unknown {
  if (value === undefined) return undefined;
  switch (field.input) {
    case 'checkbox':
      return value === true;
    case 'list':
      return Array.isArray(value) && value.length > 0 ? value : undefined;
    case 'number': {
      const text = String(value).trim();
      // Not a number is left for the schema to name ("Enter a whole number").
      return text === '' ? undefined : Number(text);
    }
    default: {
      const text = typeof value === 'string' ? value.trim() : '';
      return text === '' ? undefined : text;
    }
  }
}

/** The `config` of a create request. */
export function configRequest(kind: SourceKind, draft: ConfigDraft): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of configFields(kind)) {
    const value = requestValue(field, draft[field.key]);
    if (value !== undefined) out[field.key] = value;
  }
  return out;
}

/**
 * The `config` of a PATCH: the keys whose value changed, and credentials only when something was typed (one
 * left out keeps its stored value). A cleared optional key is sent as '' so the API says it cannot be empty
 * rather than the form quietly keeping the old value.
 */
export function configChanges(source: Source, draft: ConfigDraft): Record<string, unknown> {
  const before = configDraftOf(source);
  const out: Record<string, unknown> = {};
  for (const field of configFields(source.kind)) {
    const value = draft[field.key];
    if (field.input === 'secret') {
      const typed = requestValue(field, value);
      if (typed !== undefined) out[field.key] = typed;
      continue;
    }
    if (JSON.stringify(value) === JSON.stringify(before[field.key])) continue;
    const next = requestValue(field, value);
    out[field.key] = next === undefined ? (field.input === 'list' ? [] : '') : next;
  }
  return out;
}

/** Sources the scheduler polls; a webhook source is pushed to. */
export const isPolled = (kind: SourceKind) => kind !== 'webhook';
