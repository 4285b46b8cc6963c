import { describe, expect, it } from 'vitest';
import { safeNextPath } from './safe-next-path';

const next = (value: string | null) => safeNextPath(value, '/inbox', '/sign-in');

describe('safeNextPath', () => {
  it('keeps a path on this site, with its query', () => {
    expect(next('/settings/teams')).toBe('/settings/teams');
    expect(next('/inbox/mine?q=refund')).toBe('/inbox/mine?q=refund');
  });

  it('refuses other sites and odd forms', () => {
    expect(next('https://evil.example/')).toBe('/inbox');
    expect(next('//evil.example/x')).toBe('/inbox');
    expect(next('/\\evil.example')).toBe('/inbox');
    expect(next('javascript:alert(1)')).toBe('/inbox');
  });

  it('never loops back to sign-in and falls back when empty', () => {
    expect(next('/sign-in?next=/x')).toBe('/inbox');
    expect(next('')).toBe('/inbox');
    expect(next(null)).toBe('/inbox');
  });
});
