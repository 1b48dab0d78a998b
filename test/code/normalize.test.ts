import { describe, expect, it } from 'vitest';
import { formatCode, isWellFormedCode, normalizeCode } from '../../src/code/normalize.js';

describe('normalizeCode', () => {
  it('accepts dotted or undotted input in any case with spaces', () => {
    expect(normalizeCode(' z00.129 ')).toBe('Z00129');
    expect(normalizeCode('z00129')).toBe('Z00129');
    expect(normalizeCode('   ')).toBeUndefined();
  });
});

describe('isWellFormedCode', () => {
  it.each(['Z23', 'z00.129', 'S52.521A', 'O9A.11', 'T36.0X1A', ' E11.A ', 'QA0', 'QA0.0101', 'qa08'])('accepts %s', (c) => {
    expect(isWellFormedCode(c)).toBe(true);
  });
  it.each(['', 'Z2', '123', 'Z0.0129', 'Z00.12345', 'ZZZ', 'QAA', 'Z00..1', 'Z00-129', '2533', 'E11.A.1'])('rejects %s', (c) => {
    expect(isWellFormedCode(c)).toBe(false);
  });
});

describe('formatCode', () => {
  it('puts the dot after the category', () => {
    expect(formatCode('Z00129')).toBe('Z00.129');
    expect(formatCode('Z23')).toBe('Z23');
  });
});
