import { CreateCannedResponseRequestSchema, renderCanned, type CannedResponse } from '@dengar/contracts';
import { describe, expect, it } from 'vitest';
import { cannedChanges, cannedDraftOf, insertAt, placeholderOf } from './canned-draft';

describe('insertAt', () => {
  it('inserts at the caret and puts the caret after the insertion', () => {
    expect(insertAt('Hi !', 3, 3, placeholderOf('author.name'))).toEqual({ body: 'Hi {{author.name}}!', caret: 18 });
  });
  it('replaces a selection and clamps positions outside the text', () => {
    expect(insertAt('Hello NAME', 6, 10, '{{agent.name}}')).toEqual({ body: 'Hello {{agent.name}}', caret: 20 });
    expect(insertAt('ab', 10, 20, 'c')).toEqual({ body: 'abc', caret: 3 });
    expect(insertAt('ab', -4, -1, 'c')).toEqual({ body: 'cab', caret: 1 });
  });
  it('yields a body the schema accepts and the preview fills', () => {
    const { body } = insertAt('Thanks ', 7, 7, placeholderOf('author.handle'));
    const parsed = CreateCannedResponseRequestSchema.parse({
      name: 'Thanks',
      shortcut: 'thanks',
      language: 'en',
      body,
    });
    expect(renderCanned(parsed.body, { 'author.handle': '@budi' })).toBe('Thanks @budi');
  });
});

describe('cannedChanges', () => {
  const saved: CannedResponse = {
    id: '11111111-2222-4333-8444-555555555555',
    name: 'Greeting',
    shortcut: 'hi',
    language: 'en',
    body: 'Hello {{author.name}}',
    createdAt: '2026-11-27T00:00:00.000Z',
    updatedAt: '2026-11-27T00:00:00.000Z',
  };
  it('sends nothing for an untouched draft and only what changed otherwise', () => {
    expect(cannedChanges(saved, cannedDraftOf(saved))).toEqual({});
    expect(cannedChanges(saved, { ...cannedDraftOf(saved), language: 'id', body: 'Halo {{author.name}}' })).toEqual({
      language: 'id',
      body: 'Halo {{author.name}}',
    });
  });
});
