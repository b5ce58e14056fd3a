// Request schemas at the contract boundary: every channel has one, valid requests pass unchanged,
// invalid ones fail naming the field, and depth and size limits hold before any schema runs.
import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../shared/ipc/contract.ts';
import { REQUEST_LIMITS, REQUEST_SCHEMAS, RequestValidationError, validateRequest } from '../../../shared/ipc/requests.ts';

describe('request validation', () => {
  it('has one schema per channel', () => {
    expect(Object.keys(REQUEST_SCHEMAS).sort()).toEqual([...CHANNELS].sort());
  });

  it('passes valid requests and drops unknown keys', () => {
    expect(validateRequest('library:get', { id: 'abc', extra: { deep: 1 } })).toEqual({ id: 'abc' });
    expect(validateRequest('app:info', undefined)).toBeUndefined();
    expect(validateRequest('library:list', { limit: 20 })).toEqual({ limit: 20 });
    const item = { id: 'i1', type: 'claim', docId: 'd', claimId: 'c', anchor: { quote: { exact: 'x', prefix: '', suffix: '' }, position: { start: 0, end: 1 } } };
    expect(validateRequest('briefs:update', { id: 'b', items: [item] })).toEqual({ id: 'b', items: [item] });
  });

  it('names the field that is wrong', () => {
    const unitObject = () => validateRequest('claims:review', { docId: 'd', claimId: 'c', edits: { quantities: [{ low: 1, high: 2, unit: {} }] } });
    expect(unitObject).toThrow(RequestValidationError);
    expect(unitObject).toThrow(/field `edits\.quantities\[0\]\.unit`/);
    expect(() => validateRequest('library:import', { paths: '/' })).toThrow(/field `paths`: expected Array, got a string/);
    expect(() => validateRequest('briefs:export', { format: 'exe' })).toThrow(/field `format`/);
    expect(() => validateRequest('claims:add', { docId: 'd', start: -1, end: 2 })).toThrow(/field `start`: must not be negative/);
    expect(() => validateRequest('notes:create', { body: 'x', docId: 'd', claimId: ['c'] })).toThrow(/field `claimId`/);
    expect(() => validateRequest('library:get', [])).toThrow(/field `id`: is required/);
    expect(() => validateRequest('library:get', 'abc')).toThrow(/the request: expected Object, got a string/);
  });

  it('refuses requests nested too deep or too large before validating them', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(() => validateRequest('notes:create', { body: 'x', claimId: deep })).toThrow(/nested more than 16 levels/);
    const many = { docIds: Array.from({ length: REQUEST_LIMITS.maxNodes + 1 }, () => 'd') };
    expect(() => validateRequest('compare:run', many)).toThrow(/more than 200000 values/);
    expect(() => validateRequest('compare:run', { docIds: Array.from({ length: REQUEST_LIMITS.maxListItems + 1 }, () => 'd') })).toThrow(
      /field `docIds`: must hold at most/,
    );
    expect(() => validateRequest('notes:update', { id: 'n', body: 'x'.repeat(REQUEST_LIMITS.maxTextChars + 1) })).toThrow(/field `body`/);
  });
});
