import { prof, realTester, ruleFile } from './setup.js';

/**
 * The other position rules of section B. Expectations follow the guideline text cited in each
 * rule and the Tabular notes of the codes used (FY2023 Tabular List, the newest held).
 */
const tester = realTester();
const adult = { patient: { birthDate: '1961-08-20', sex: 'M' } };

tester.run('external-cause-first', ruleFile('external-cause-first'), {
  valid: [
    { name: 'injury first, external causes after it', claim: prof(['S52.501A', 'W01.0XXA', 'Y92.009']) },
    { name: 'head injury with transport accident code second', claim: prof(['S06.0X0A', 'V43.52XA']) },
    { name: 'T78.40XA (allergy, unspecified) is Chapter 19, not 20', claim: prof(['T78.40XA', 'Y92.009']) },
  ],
  invalid: [
    {
      name: 'fall code first',
      claim: prof(['W01.0XXA', 'S52.501A']),
      findings: [
        {
          position: 1,
          severity: 'error',
          message: 'W01.0XXA is an external cause code (Chapter 20, V00-Y99) and can never be the principal/first-listed diagnosis; list the injury or condition it explains first',
        },
      ],
    },
    { name: 'place-of-occurrence code first', claim: prof(['Y92.009', 'S00.83XA']), findings: [{ position: 1, severity: 'error' }] },
    { name: 'lower-case undotted transport code first', claim: prof(['v4352xa', 'S06.0X0A']), findings: [{ position: 1, severity: 'error', message: /^V43\.52XA / }] },
    { name: 'external cause alone', claim: prof(['X58.XXXA']), findings: [{ position: 1, severity: 'error' }] },
  ],
});

tester.run('manifestation-first', ruleFile('manifestation-first'), {
  valid: [
    { name: 'etiology first, manifestation second', claim: prof(['G30.9', 'F02.80'], adult) },
    { name: 'D63.1 (anemia in CKD) has a code-first note but no "classified elsewhere" title: code-first-order, not this rule', claim: prof(['D63.1', 'N18.4'], adult) },
    { name: 'B95.62 "as the cause of diseases classified elsewhere" is an organism code, not a manifestation', claim: prof(['B95.62', 'L03.116'], adult) },
    { name: 'an ordinary code first', claim: prof(['E11.9'], adult) },
  ],
  invalid: [
    {
      name: 'dementia in other diseases first, Alzheimer after it',
      claim: prof(['F02.80', 'G30.9'], adult),
      findings: [
        {
          position: 1,
          severity: 'error',
          message: 'F02.80 is a manifestation code ("in diseases classified elsewhere") and is never first-listed or principal; list the underlying condition its "code first" note names first, then F02.80',
          related: [{ position: 2, code: 'G30.9' }],
        },
      ],
    },
    { name: 'polyneuropathy in diseases classified elsewhere, alone', claim: prof(['G63'], adult), findings: [{ position: 1, severity: 'error' }] },
    {
      name: 'cataract in diseases classified elsewhere with its etiology (myxedema, E03.9) after it',
      claim: prof(['H28', 'E03.9'], adult),
      findings: [{ position: 1, severity: 'error', related: [{ position: 2, code: 'E03.9' }] }],
    },
    { name: 'lower-case undotted j17 (pneumonia in diseases classified elsewhere)', claim: prof(['j17', 'A78'], adult), findings: [{ position: 1, severity: 'error', related: [{ position: 2, code: 'A78' }] }] },
  ],
});

tester.run('secondary-only', ruleFile('secondary-only'), {
  valid: [
    { name: 'condition first, underdosing after it', claim: prof(['E11.65', 'T38.3X6A', 'Z91.128'], adult) },
    { name: 'obesity first, BMI after it', claim: prof(['E66.01', 'Z68.41'], adult) },
    { name: 'sepsis first, severe sepsis after it', claim: prof(['A41.9', 'R65.20', 'N17.9'], adult) },
    { name: 'delivery first, outcome after it', claim: prof(['O80', 'Z37.0']) },
    { name: 'prenatal visit first, weeks of gestation after it', claim: prof(['Z34.82', 'Z3A.24']) },
    { name: 'a poisoning code (5th/6th character 1) may be first', claim: prof(['T38.3X1A', 'E16.2'], adult) },
    { name: 'an adverse-effect code (6th character 5) is not an underdosing code', claim: prof(['T38.3X5A', 'E16.2'], adult) },
    { name: 'R65.10 (non-infectious SIRS) is not R65.2', claim: prof(['R65.10', 'T79.4XXA'], adult) },
  ],
  invalid: [
    {
      name: 'underdosing of insulin first',
      claim: prof(['T38.3X6A', 'E11.65'], adult),
      findings: [
        {
          position: 1,
          severity: 'error',
          message:
            'T38.3X6A (Underdosing of drugs, medicaments and biological substances) is reported only as an additional code and never as the principal/first-listed diagnosis (I.C.19.e.5(c)); list the condition it goes with first',
        },
      ],
    },
    { name: 'placeholder form t360x6a (underdosing of penicillins), lower-case', claim: prof(['t360x6a', 'J18.9'], adult), findings: [{ position: 1, severity: 'error', message: /^T36\.0X6A / }] },
    { name: 'T50.Z16A (underdosing of immunoglobulin)', claim: prof(['T50.Z16A', 'D80.1'], adult), findings: [{ position: 1, severity: 'error' }] },
    { name: 'T41.46XA (6 as the 5th character)', claim: prof(['T41.46XA', 'R40.20'], adult), findings: [{ position: 1, severity: 'error' }] },
    { name: 'severe sepsis with septic shock first', claim: prof(['R65.21', 'A41.9'], adult), findings: [{ position: 1, severity: 'error', message: /^R65\.21 \(Severe sepsis\)/ }] },
    { name: 'outcome of delivery first', claim: prof(['Z37.0', 'O80']), findings: [{ position: 1, severity: 'error', message: /^Z37\.0 \(Outcome of delivery\)/ }] },
    { name: 'weeks of gestation first', claim: prof(['Z3A.39', 'O80']), findings: [{ position: 1, severity: 'error', message: /^Z3A\.39 \(Weeks of gestation\)/ }] },
    {
      name: 'BMI first: a warning',
      claim: prof(['Z68.41', 'E66.01'], adult),
      findings: [
        {
          position: 1,
          severity: 'warning',
          message:
            'Z68.41 (Body mass index [BMI]) is first-listed, but BMI codes are only assigned with an associated reportable diagnosis such as obesity or anorexia (I.C.21.c.3); list that diagnosis first',
        },
      ],
    },
  ],
});

tester.run('sequela-first', ruleFile('sequela-first'), {
  valid: [
    { name: 'scar first, burn sequela after it', claim: prof(['L90.5', 'T21.21XS']) },
    { name: 'sequela code alone', claim: prof(['T21.21XS']) },
    { name: 'with only an external cause sequela code', claim: prof(['S72.001S', 'W19.XXXS']) },
    { name: 'two sequela codes and nothing else', claim: prof(['S72.001S', 'M80.08XS']) },
    { name: 'subsequent-encounter code (D) is not a sequela', claim: prof(['S72.001D', 'M25.551']) },
    { name: 'I69 sequelae of stroke have no 7th character S', claim: prof(['I69.351', 'R26.89']) },
  ],
  invalid: [
    {
      name: 'burn sequela first, scar second',
      claim: prof(['T21.21XS', 'L90.5']),
      findings: [
        {
          position: 1,
          severity: 'warning',
          message:
            'T21.21XS is a sequela code (7th character S) in position 1 while L90.5 (position 2) is also on the claim; the condition or nature of the sequela is sequenced first and the sequela code after it',
          related: [{ position: 2, code: 'L90.5' }],
        },
      ],
    },
    {
      name: 'fracture sequela first; the external cause is not a residual',
      claim: prof(['S82.101S', 'M21.961', 'W01.0XXS']),
      findings: [{ position: 1, severity: 'warning', related: [{ position: 2, code: 'M21.961' }] }],
    },
  ],
});

tester.run('code-first-order', ruleFile('code-first-order'), {
  valid: [
    { name: 'CKD first, anemia in CKD after it', claim: prof(['N18.4', 'D63.1'], adult) },
    { name: 'anemia in CKD alone', claim: prof(['D63.1'], adult) },
    { name: 'manifestation first is manifestation-first\'s finding', claim: prof(['F02.80', 'G30.9'], adult) },
    { name: 'severe sepsis first is secondary-only\'s finding', claim: prof(['R65.20', 'A41.9'], adult) },
    { name: 'sepsis before severe sepsis', claim: prof(['J18.9', 'A41.9', 'R65.20'], adult) },
    {
      name: 'T36-T50 section note ("for adverse effects, code first the nature") does not apply to an underdosing code',
      claim: prof(['E11.65', 'T38.3X6A', 'K29.70'], adult),
    },
    { name: 'a code-first note naming a code that is not on the claim', claim: prof(['H28', 'E11.9'], adult) },
    {
      name: 'the named condition only in the admitting field',
      claim: { type: 'institutional', setting: 'inpatient', statementThrough: '2025-11-03', diagnoses: [{ code: 'I10', qualifier: 'principal' }, { code: 'D63.1' }, { code: 'N18.4', qualifier: 'admitting' }] },
    },
    {
      name: 'G63 code first "endocrine disease, except diabetes (E00-E07, ...)": diabetes E11.9 is not named',
      claim: prof(['I10', 'G63', 'E11.9'], adult),
    },
  ],
  invalid: [
    {
      name: 'anemia in CKD before the CKD',
      claim: prof(['D63.1', 'N18.4'], adult),
      findings: [
        {
          position: 1,
          severity: 'warning',
          message: 'The Tabular List says to code N18.4 (position 2) first, but D63.1 (position 1) comes before it; if it is the condition the note means, list it ahead of D63.1',
          related: [{ position: 2, code: 'N18.4' }],
        },
      ],
    },
    {
      name: 'severe sepsis in position 2 before sepsis NOS in position 3',
      claim: prof(['J18.9', 'R65.20', 'A41.9'], adult),
      findings: [{ position: 2, severity: 'warning', related: [{ position: 3, code: 'A41.9' }] }],
    },
    {
      name: 'a manifestation not in position 1 before its etiology',
      claim: prof(['I10', 'F02.80', 'G30.9'], adult),
      findings: [{ position: 2, severity: 'warning', related: [{ position: 3, code: 'G30.9' }] }],
    },
  ],
});
