import { describe, expect, it } from 'vitest';
import { RuleTester, RuleTestError } from '../../src/testing/index.js';
import { smallCatalog } from './fake-codeset.js';
import { baseRule } from './helpers.js';

const claim = (codes: string[]) => ({ type: 'professional', serviceDate: '2025-11-03', diagnoses: codes.map((code) => ({ code })) });
const rule = baseRule({
  id: 'header-rule',
  message: '{{dx.dotted}} is a header',
  suggestions: { fact: 'dx', path: '$.fixes' },
  docs: { description: 'd', details: 'x', invalid: claim(['Z53']), valid: claim(['Z53.01']) },
});
const tester = new RuleTester({ catalog: smallCatalog() });

describe('RuleTester.check', () => {
  it('passes when every case matches exactly', async () => {
    await expect(
      tester.check(rule as never, {
        valid: [claim(['Z23']), { name: 'named', claim: claim(['z5301']) }],
        invalid: [
          { claim: claim(['I10', 'z53']), findings: [{ position: 2, severity: 'error', message: 'Z53 is a header', suggestionsTotal: undefined }] },
          { claim: claim(['Z00.12']), findings: [{ position: 1, severity: 'error', message: /Z00\.12/, suggestions: ['Z00.121', 'Z00.129'] }] },
        ],
      }),
    ).resolves.toBeUndefined();
  });

  it('fails with a diff when a valid claim fires or an invalid one differs', async () => {
    const err = await tester
      .check(rule as never, {
        valid: [{ name: 'not really valid', claim: claim(['Z53']) }],
        invalid: [
          { name: 'wrong severity', claim: claim(['Z53']), findings: [{ position: 1, severity: 'warning' }] },
          { name: 'wrong position', claim: claim(['Z53']), findings: [{ position: 2, severity: 'error' }] },
          { name: 'missing finding', claim: claim(['Z53', 'Z00.12']), findings: [{ position: 1, severity: 'error' }] },
          { name: 'wrong suggestions', claim: claim(['Z00.12']), findings: [{ position: 1, severity: 'error', suggestions: ['Z00.121'] }] },
          { name: 'bad input', claim: { type: 'x' }, findings: [{ position: 1, severity: 'error' }] },
          { name: 'no expectations', claim: claim(['Z53']), findings: [] },
        ],
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RuleTestError);
    const msg = (err as Error).message;
    expect(msg).toMatch(/^rule header-rule: 7 case\(s\) failed/);
    expect(msg).toContain('valid › not really valid: expected 0 finding(s), got 1');
    expect(msg).toContain('invalid › wrong severity: finding 1: severity error ≠ warning');
    expect(msg).toContain('invalid › wrong position: finding 1: position 1 ≠ 2');
    expect(msg).toContain('invalid › missing finding: expected 1 finding(s), got 2');
    expect(msg).toContain('invalid › wrong suggestions: finding 1: suggestions differ');
    expect(msg).toContain('invalid › bad input: the claim is not valid input');
    expect(msg).toContain('invalid › no expectations: an invalid case must list the findings');
    expect(msg).toContain('1. header-rule, error, position 1, message "Z53 is a header"');
  });

  it('fails when the docs examples drift from what the rule does', async () => {
    const drifted = { ...rule, docs: { description: 'd', details: 'x', invalid: claim(['Z53.01']), valid: claim(['Z53']) } };
    const msg = await tester.check(drifted as never, { valid: [], invalid: [] }).catch((e: Error) => e.message);
    expect(msg).toContain('valid › docs.valid does not fire: docs.valid: expected 0 finding(s), got 1');
    expect(msg).toContain('invalid › docs.invalid fires: docs.invalid: the rule does not fire on its own failing example');
  });

  it('reports a bad rule file through the loader', async () => {
    await expect(tester.check({ ...rule, operatr: 'x' } as never, { valid: [], invalid: [] })).rejects.toThrow(/operatr/);
  });
});

describe('RuleTester.run', () => {
  it('registers one it per case (plus the two docs cases) under describe blocks', async () => {
    const names: string[] = [];
    const pending: Promise<void>[] = [];
    const prefix: string[] = [];
    const saved = { describe: RuleTester.describe, it: RuleTester.it };
    RuleTester.describe = (name, fn) => {
      prefix.push(name);
      fn();
      prefix.pop();
    };
    RuleTester.it = (name, fn) => {
      names.push([...prefix, name].join(' > '));
      pending.push(fn());
    };
    try {
      tester.run('header-rule', rule as never, { valid: [claim(['Z23'])], invalid: [{ name: 'z53', claim: claim(['Z53']), findings: [{ position: 1, severity: 'error' }] }] });
    } finally {
      RuleTester.describe = saved.describe;
      RuleTester.it = saved.it;
    }
    expect(names).toEqual([
      'header-rule > valid > valid #1',
      'header-rule > valid > docs.valid does not fire',
      'header-rule > invalid > z53',
      'header-rule > invalid > docs.invalid fires',
    ]);
    await Promise.all(pending);
  });

  it('explains how to wire it up when the runner has no global describe/it', () => {
    const saved = { describe: RuleTester.describe, it: RuleTester.it };
    RuleTester.describe = undefined;
    RuleTester.it = undefined;
    try {
      expect(() => tester.run('x', rule as never, { valid: [], invalid: [] })).toThrow(/set RuleTester.describe and RuleTester.it/);
    } finally {
      RuleTester.describe = saved.describe;
      RuleTester.it = saved.it;
    }
  });
});
