import { inpatient, prof, realTester, ruleFile } from './setup.js';

/**
 * excludes1: pairs named by an Excludes1 note (code, ancestor, section or chapter) of either
 * diagnosis; never Excludes2 pairs. The notes quoted in the case names are from the FY2023
 * Tabular List XML.
 */
const tester = realTester();
const f = { patient: { birthDate: '1985-02-11', sex: 'F' } };
const kid = { patient: { birthDate: '2025-10-30', sex: 'M' } };

tester.run('excludes1', ruleFile('excludes1'), {
  valid: [
    { name: 'Excludes2 at Z00: special screening examinations (Z11-Z13)', claim: prof(['Z00.00', 'Z13.1'], f) },
    {
      name: 'Z01 has Excludes1 Z00.0-, but Z00 has Excludes2 Z01.81-: the classification allows the pair',
      claim: prof(['Z00.00', 'Z01.810'], f),
    },
    { name: 'Excludes2 at Z36: routine prenatal care (Z34)', claim: prof(['Z34.82', 'Z36.3'], f) },
    { name: 'the section range Z30-Z36 does not reach Z37', claim: prof(['Z00.00', 'Z37.0'], f) },
    { name: 'K58.9 with a code outside K50-K52', claim: prof(['K58.9', 'K21.9'], f) },
    { name: 'an admitting diagnosis is not coded together with the final ones (K58.9 admitting, K52.9 principal)', claim: inpatient([['K52.9', 'principal'], ['K58.9', 'admitting']]) },
    { name: 'a reason-for-visit code likewise', claim: inpatient([['K52.9', 'principal'], ['R19.7', 'reason-for-visit']]) },
    { name: 'G63 excludes diabetic polyneuropathy only "with .42": E11.40 is not E11.42', claim: prof(['E11.40', 'G63'], f) },
    { name: 'the same code twice is the duplicate rule\'s', claim: prof(['K52.9', 'K52.9'], f) },
    { name: 'Z33.1 with a Chapter 15 code: reported by pregnancy-incidental-with-obstetric', claim: prof(['S93.401A', 'Z33.1', 'O99.891'], f) },
    { name: 'Z34 with a Chapter 15 code: reported by routine-prenatal-with-obstetric', claim: prof(['Z34.82', 'O26.892'], f) },
    {
      name: 'dizziness with bipolar disorder: the R40-R46 note on F01-F99 is an Excludes2 in the Tabular we hold',
      claim: prof(['F31.9', 'R42'], f),
    },
    {
      name: 'stroke sequela (I69) with a current traumatic hemorrhage (S06): allowed by the NCHS clarification (data/excludes1-allowed.json)',
      claim: prof(['S06.5X0A', 'I69.351'], f),
    },
  ],
  invalid: [
    {
      name: 'Excludes1 at Z00: administrative exam (Z02.-)',
      claim: prof(['Z00.00', 'Z02.1'], f),
      findings: [
        {
          position: 1,
          severity: 'warning',
          message:
            'Z00.00 and Z02.1 (position 2) are in an Excludes1 relation (the two are not coded together); keep the code that fits, or document that the two conditions are unrelated',
          related: [{ position: 2, code: 'Z02.1' }],
        },
      ],
    },
    {
      name: 'the note is on the later code: reported on the earlier one',
      claim: prof(['Z02.1', 'Z00.00'], f),
      findings: [{ position: 1, severity: 'warning', related: [{ position: 2, code: 'Z00.00' }] }],
    },
    {
      name: 'the same pair as principal and other diagnosis is reported',
      claim: inpatient([['K52.9', 'principal'], ['K58.9', 'other']]),
      findings: [{ position: 1, severity: 'warning', related: [{ position: 2, code: 'K58.9' }] }],
    },
    {
      name: 'section note K50-K52: irritable bowel syndrome (K58.-)',
      claim: prof(['K52.9', 'K58.9'], f),
      findings: [{ position: 1, severity: 'warning', related: [{ position: 2, code: 'K58.9' }] }],
    },
    {
      name: 'section note Z00-Z13: examinations related to pregnancy and reproduction (Z30-Z36, Z39.-)',
      claim: prof(['Z00.00', 'Z39.2'], f),
      findings: [{ position: 1, severity: 'warning', related: [{ position: 2, code: 'Z39.2' }] }],
    },
    {
      name: 'notes on both sides (Z00.12 excludes Z00.11-, Z00.11 excludes Z00.12-): one finding',
      claim: prof(['Z00.129', 'Z00.110'], kid),
      findings: [{ position: 1, severity: 'warning', related: [{ position: 2, code: 'Z00.110' }] }],
    },
    {
      name: 'a "with .42" reference: G63 excludes E11.42; the chapter Excludes2 (E00-E88) does not cancel it',
      claim: prof(['E11.42', 'G63'], f),
      findings: [{ position: 1, severity: 'warning', related: [{ position: 2, code: 'G63' }] }],
    },
    {
      name: 'one diagnosis with two partners',
      claim: prof(['K52.9', 'R19.7', 'K58.9'], f),
      findings: [
        {
          position: 1,
          severity: 'warning',
          message: /^K52\.9 and R19\.7 \(position 2\), K58\.9 \(position 3\) are in an Excludes1 relation/,
          related: [
            { position: 2, code: 'R19.7' },
            { position: 3, code: 'K58.9' },
          ],
        },
      ],
    },
    {
      name: 'unrelated conditions are still reported (the exception needs the record): an acute stroke hemorrhage (I61.9) with a traumatic one (S06.5X0A) is not the allowed I69 pair',
      claim: prof(['S06.5X0A', 'I61.9'], f),
      findings: [{ position: 1, severity: 'warning', related: [{ position: 2, code: 'I61.9' }] }],
    },
  ],
});
