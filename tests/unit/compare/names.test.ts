// One name told differently by different outlets: the aliases Compare folds before it scopes figures by subject.
import { describe, expect, it } from 'vitest';
import { aliasNames } from '../../../shared/compare/names.ts';

const aliases = (...names: string[]) => aliasNames(new Map(names.map((n, i) => [n, names.length - i])));

describe('aliasNames', () => {
  it('folds a party named with and without its generic word, and in the plural', () => {
    const map = aliases('greens', 'green party');
    expect(map.get('green party')).toBe(map.get('greens'));
  });

  it('reads a name with and without its accents as one', () => {
    const map = aliases('kemal kılıçdaroğlu', 'kemal kilicdaroglu');
    expect(map.get('kemal kilicdaroglu')).toBe(map.get('kemal kılıçdaroğlu'));
  });

  it('reads an abbreviation of part of a name', () => {
    const map = aliases('nz first', 'new zealand first');
    expect(map.get('new zealand first')).toBe('nz first');
  });

  it('reads an acronym of a whole name, skipping its small words', () => {
    const map = aliases('who', 'world health organization', 'ifrc', 'international federation of red cross');
    expect(map.get('world health organization')).toBe('who');
    expect(map.get('international federation of red cross')).toBe('ifrc');
  });

  it('joins a name to the longer one it ends, but not one it only starts', () => {
    const map = aliases('red crescent', 'libyan red crescent', 'kathmandu', 'kathmandu valley');
    expect(map.get('libyan red crescent')).toBe(map.get('red crescent'));
    expect(map.get('kathmandu valley')).not.toBe(map.get('kathmandu'));
  });

  it('leaves a short name apart when it ends two different longer names', () => {
    const map = aliases('ministry', 'health ministry', 'interior ministry');
    expect(new Set([map.get('ministry'), map.get('health ministry'), map.get('interior ministry')]).size).toBe(3);
  });

  it('keeps two names with different generic words, or one word inside a longer name, apart', () => {
    const map = aliases('democratic alliance', 'democratic party', 'labour', 'scottish labour');
    expect(map.get('democratic alliance')).not.toBe(map.get('democratic party'));
    expect(map.get('scottish labour')).not.toBe(map.get('labour'));
  });

  it('reads a titled person\'s surname as that person, and no other one-word name as a longer one', () => {
    const map = aliases('president recep tayyip erdogan', 'erdogan', 'labour', 'scottish labour');
    expect(map.get('erdogan')).toBe(map.get('president recep tayyip erdogan'));
    expect(map.get('labour')).not.toBe(map.get('scottish labour'));
  });

  it('keeps joint subjects and unrelated names as they are', () => {
    const map = aliases('national+act', 'national', 'labour', 'act');
    expect(map.get('national+act')).toBe('national+act');
    expect(new Set([map.get('national'), map.get('labour'), map.get('act')]).size).toBe(3);
  });
});
