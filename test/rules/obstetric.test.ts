import { inpatient, prof, realTester, ruleFile } from './setup.js';

/**
 * The obstetric rules of section C. Expectations from the Tabular notes at Chapters 15 and 16,
 * Z33.1, Z34, O80, Z37, Z38, Z3A (FY2023 XML) and I.C.15 / I.C.16 / I.C.21.c.11.
 */
const tester = realTester();
const mother = { patient: { birthDate: '1994-04-04', sex: 'F' } };
const baby = { patient: { birthDate: '2025-11-03', sex: 'F' } };
const delivery = (codes: string[]) => ({
  type: 'institutional',
  setting: 'inpatient',
  statementFrom: '2025-11-01',
  statementThrough: '2025-11-03',
  patient: mother.patient,
  diagnoses: codes.map((code) => ({ code })),
});

tester.run('maternal-newborn-conflict', ruleFile('maternal-newborn-conflict'), {
  valid: [
    { name: 'maternal delivery record', claim: delivery(['O80', 'Z37.0', 'Z3A.39']) },
    { name: 'newborn birth record', claim: prof(['Z38.00', 'P07.39'], baby) },
    { name: 'Z37 is maternal, not newborn', claim: delivery(['O80', 'Z37.0']) },
    { name: 'a P code later in life, no O code', claim: prof(['P27.1'], { patient: { birthDate: '2019-01-01', sex: 'M' } }) },
    { name: 'postpartum visit Z39.2 with a P code is not a Chapter 15 code', claim: prof(['Z39.2', 'P92.9'], mother) },
  ],
  invalid: [
    {
      name: 'a P code on the mother\'s delivery record',
      claim: delivery(['O80', 'Z37.0', 'P08.21']),
      findings: [
        {
          severity: 'error',
          message:
            "The claim has maternal Chapter 15 code(s) O80 (position 1) and newborn code(s) P08.21 (position 3); Chapter 15 codes go only on the mother's record and Z38/Chapter 16 codes only on the newborn's, so one of them belongs on another claim",
          related: [
            { position: 1, code: 'O80' },
            { position: 3, code: 'P08.21' },
          ],
        },
      ],
    },
    {
      name: 'any field counts: an admitting P code on the mother\'s record',
      claim: inpatient([['O80', 'principal'], ['Z37.0', 'other'], ['P03.0', 'admitting']], mother.patient),
      findings: [{ severity: 'error', related: [{ position: 1, code: 'O80' }, { position: 3, code: 'P03.0' }] }],
    },
    {
      name: 'an O code on the birth record',
      claim: prof(['Z38.00', 'O99.891'], baby),
      findings: [{ severity: 'error', related: [{ position: 1, code: 'Z38.00' }, { position: 2, code: 'O99.891' }] }],
    },
  ],
});

tester.run('pregnancy-incidental-with-obstetric', ruleFile('pregnancy-incidental-with-obstetric'), {
  valid: [
    { name: 'incidental pregnancy with an unrelated injury', claim: prof(['S93.401A', 'Z33.1'], mother) },
    { name: 'Z33.2 (elective termination) is not Z33.1', claim: prof(['Z33.2'], mother) },
    { name: 'Z33.3 (gestational carrier) is not Z33.1', claim: prof(['Z33.3', 'Z3A.20'], mother) },
  ],
  invalid: [
    {
      name: 'Z33.1 with a Chapter 15 code',
      claim: prof(['S93.401A', 'Z33.1', 'O99.891'], mother),
      findings: [
        {
          position: 2,
          severity: 'error',
          message:
            'Z33.1 (pregnant state, incidental) is used only in place of Chapter 15 codes, when the pregnancy does not complicate the encounter, but the claim also has O99.891 (position 3); remove Z33.1 or the Chapter 15 code(s)',
          related: [{ position: 3, code: 'O99.891' }],
        },
      ],
    },
    { name: 'lower-case undotted z331', claim: prof(['O26.892', 'z331'], mother), findings: [{ position: 2, severity: 'error', related: [{ position: 1, code: 'O26.892' }] }] },
  ],
});

tester.run('routine-prenatal-with-obstetric', ruleFile('routine-prenatal-with-obstetric'), {
  valid: [
    { name: 'routine prenatal visit with weeks of gestation', claim: prof(['Z34.82', 'Z3A.24'], mother) },
    { name: 'high-risk supervision (O09) without Z34', claim: prof(['O09.522', 'Z3A.24'], mother) },
    { name: 'Z34 with antenatal screening (Z36)', claim: prof(['Z34.82', 'Z36.3'], mother) },
  ],
  invalid: [
    {
      name: 'Z34 with a pregnancy complication',
      claim: prof(['Z34.82', 'O26.892', 'Z3A.24'], mother),
      findings: [
        {
          position: 1,
          severity: 'error',
          message:
            'Z34.82 (supervision of normal pregnancy) is for prenatal visits with no complications and is not used with Chapter 15 codes, but the claim also has O26.892 (position 2); use the Chapter 15 code(s) (O09.- for a high-risk pregnancy) instead of Z34.82',
          related: [{ position: 2, code: 'O26.892' }],
        },
      ],
    },
    {
      name: 'Z34 with high-risk supervision',
      claim: prof(['Z34.01', 'O09.511'], mother),
      findings: [{ position: 1, severity: 'error', related: [{ position: 2, code: 'O09.511' }] }],
    },
  ],
});

tester.run('normal-delivery-exclusive', ruleFile('normal-delivery-exclusive'), {
  valid: [
    { name: 'O80 with Z37.0 and Z3A', claim: delivery(['O80', 'Z37.0', 'Z3A.39']) },
    { name: 'O80 with a code from another chapter that does not complicate the pregnancy', claim: delivery(['O80', 'Z37.0', 'J45.909']) },
    { name: 'a complicated delivery without O80', claim: delivery(['O70.0', 'Z37.0', 'Z3A.39']) },
    { name: 'an admitting diagnosis (post-term pregnancy) has its own field', claim: inpatient([['O80', 'principal'], ['Z37.0', 'other'], ['O48.0', 'admitting']], mother.patient) },
  ],
  invalid: [
    {
      name: 'O80 with a perineal laceration',
      claim: delivery(['O80', 'O70.0', 'Z37.0']),
      findings: [
        {
          position: 1,
          severity: 'error',
          message:
            'O80 (full-term uncomplicated delivery) is a single-diagnosis code: no other Chapter 15 code goes with it and Z37.0 is its only outcome-of-delivery code, but the claim also has O70.0 (position 2); code the delivery with the complication codes instead of O80',
          related: [{ position: 2, code: 'O70.0' }],
        },
      ],
    },
    { name: 'O80 with a stillbirth outcome (Z37.1)', claim: delivery(['O80', 'Z37.1']), findings: [{ position: 1, severity: 'error', related: [{ position: 2, code: 'Z37.1' }] }] },
    { name: 'O80 with twins (Z37.2)', claim: delivery(['O80', 'Z37.2', 'Z3A.38']), findings: [{ position: 1, severity: 'error', related: [{ position: 2, code: 'Z37.2' }] }] },
    {
      name: 'O80 listed second with a Chapter 15 code and a Z37 other than Z37.0: both named, in claim order',
      claim: delivery(['O99.891', 'O80', 'Z37.1']),
      findings: [
        {
          position: 2,
          severity: 'error',
          related: [
            { position: 1, code: 'O99.891' },
            { position: 3, code: 'Z37.1' },
          ],
        },
      ],
    },
  ],
});

tester.run('weeks-of-gestation-context', ruleFile('weeks-of-gestation-context'), {
  valid: [
    { name: 'routine prenatal visit', claim: prof(['Z34.82', 'Z3A.20'], mother) },
    { name: 'pregnancy complication', claim: prof(['O26.892', 'Z3A.24'], mother) },
    { name: 'incidental pregnancy (Z33.1)', claim: prof(['S93.401A', 'Z33.1', 'Z3A.12'], mother) },
    { name: 'antenatal screening (Z36)', claim: prof(['Z36.3', 'Z3A.20'], mother) },
    { name: 'delivery', claim: delivery(['O80', 'Z37.0', 'Z3A.39']) },
    { name: 'a maternal context in the admitting field is enough', claim: inpatient([['J18.9', 'principal'], ['Z3A.30', 'other'], ['O99.512', 'admitting']], mother.patient) },
  ],
  invalid: [
    {
      name: 'no maternal context',
      claim: prof(['J06.9', 'Z3A.20'], mother),
      findings: [
        {
          position: 2,
          severity: 'warning',
          message:
            'Z3A.20 (weeks of gestation) is on a claim with no maternal encounter code (Chapter 15, Z33, Z34, Z36); Z3A codes are used only on the maternal record, with the obstetric condition or encounter they describe',
        },
      ],
    },
    {
      name: 'abortive outcome (O00-O08)',
      claim: prof(['O03.9', 'Z3A.10'], mother),
      findings: [
        {
          position: 2,
          severity: 'warning',
          message:
            'Z3A.10 (weeks of gestation) is not assigned for an abortive outcome (O00-O08), an elective termination (Z33.2) or a postpartum encounter, but the claim has O03.9 (position 1); remove Z3A.10',
          related: [{ position: 1, code: 'O03.9' }],
        },
      ],
    },
    { name: 'elective termination (Z33.2)', claim: prof(['Z33.2', 'Z3A.08'], mother), findings: [{ position: 2, severity: 'warning', related: [{ position: 1, code: 'Z33.2' }] }] },
    { name: 'postpartum care (Z39.2)', claim: prof(['Z39.2', 'Z3A.39'], mother), findings: [{ position: 2, severity: 'warning', related: [{ position: 1, code: 'Z39.2' }] }] },
  ],
});
