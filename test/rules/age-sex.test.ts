import { prof, realTester, ruleFile } from './setup.js';

/**
 * age-conflict and sex-conflict. The date of service is 2025-11-03 throughout; birth dates are
 * chosen to sit exactly on and next to each bound of data/age-ranges.json.
 */
const tester = realTester();
const born = (birthDate: string, sex = 'F') => ({ patient: { birthDate, sex } });

tester.run('age-conflict', ruleFile('age-conflict'), {
  valid: [
    { name: 'newborn exam under 8 days: 7 days old', claim: prof(['Z00.110'], born('2025-10-27')) },
    { name: 'newborn exam 8-28 days: 8 days old', claim: prof(['Z00.111'], born('2025-10-26')) },
    { name: 'newborn exam 8-28 days: 28 days old', claim: prof(['Z00.111'], born('2025-10-06')) },
    { name: 'child exam at 29 days', claim: prof(['Z00.129'], born('2025-10-05')) },
    { name: 'child exam at 17 years', claim: prof(['Z00.129'], born('2008-01-10')) },
    { name: 'adult exam at 15 years', claim: prof(['Z00.00'], born('2010-11-03')) },
    { name: 'liveborn on the day of birth', claim: prof(['Z38.00'], born('2025-11-03')) },
    { name: 'delivery at 9 years (MCE maternity lower bound)', claim: prof(['O80', 'Z37.0'], born('2016-11-03')) },
    { name: 'delivery at 64 years', claim: prof(['O80', 'Z37.0'], born('1961-01-01')) },
    { name: 'adult BMI at 20', claim: prof(['E66.01', 'Z68.41'], born('2005-11-03')) },
    { name: 'pediatric BMI on the 2nd birthday', claim: prof(['E66.01', 'Z68.54'], born('2023-11-03')) },
    { name: 'pediatric BMI the day before the 20th birthday', claim: prof(['E66.01', 'Z68.54'], born('2005-11-04')) },
    { name: 'P codes are never age-checked (I.C.16.a.4)', claim: prof(['P27.1'], born('1985-01-01')) },
    { name: 'no birth date: not checked', claim: prof(['Z00.110']) },
    { name: 'born after the date of service: patient-date-invalid, not this rule', claim: prof(['Z00.129'], born('2025-12-01')) },
    { name: 'a code not in the table, on a newborn', claim: prof(['J06.9'], born('2025-10-30')) },
  ],
  invalid: [
    {
      name: 'newborn exam under 8 days at 20 days',
      claim: prof(['Z00.110'], born('2025-10-14')),
      findings: [
        {
          position: 1,
          severity: 'error',
          message: 'Z00.110 is for patients under 8 days old, but the patient is 20 days old on the date of service; check the code and the birth date',
        },
      ],
    },
    { name: 'newborn exam under 8 days at 8 days', claim: prof(['Z00.110'], born('2025-10-26')), findings: [{ position: 1, severity: 'error', message: /under 8 days old, but the patient is 8 days old/ }] },
    { name: 'newborn exam 8-28 days at 7 days', claim: prof(['Z00.111'], born('2025-10-27')), findings: [{ position: 1, severity: 'error', message: /for patients 8 to 28 days old, but the patient is 7 days old/ }] },
    { name: 'child exam at 28 days', claim: prof(['z00129'], born('2025-10-06')), findings: [{ position: 1, severity: 'error', message: /^Z00\.129 is for patients 29 days or older, but the patient is 28 days old/ }] },
    { name: 'child exam at 18 years: warning (Medicare bound only)', claim: prof(['Z00.129'], born('2007-11-03')), findings: [{ position: 1, severity: 'warning', message: /17 years or younger, but the patient is 18 years old/ }] },
    { name: 'adult exam at 13 years: warning (Medicare bound only)', claim: prof(['Z00.00'], born('2011-11-04')), findings: [{ position: 1, severity: 'warning', message: /15 to 124 years old, but the patient is 13 years old/ }] },
    { name: 'liveborn code at 1 year', claim: prof(['Z38.00'], born('2024-11-03')), findings: [{ position: 1, severity: 'error', message: /under 1 year old, but the patient is 1 year old/ }] },
    { name: 'newborn observation at 2 years', claim: prof(['Z05.1'], born('2023-06-01')), findings: [{ position: 1, severity: 'error' }] },
    { name: 'tetanus neonatorum at 3 years: warning', claim: prof(['A33'], born('2022-06-01')), findings: [{ position: 1, severity: 'warning' }] },
    {
      name: 'delivery at 65: maternity warnings on every maternity code',
      claim: prof(['O80', 'Z37.0'], born('1960-11-03')),
      findings: [
        { position: 1, severity: 'warning', message: /9 to 64 years old, but the patient is 65 years old/ },
        { position: 2, severity: 'warning' },
      ],
    },
    { name: 'weeks of gestation at 8', claim: prof(['O26.892', 'Z3A.20'], born('2017-01-01')), findings: [{ position: 1, severity: 'warning' }, { position: 2, severity: 'warning' }] },
    { name: 'adult BMI at 18', claim: prof(['E66.01', 'Z68.41'], born('2006-11-04')), findings: [{ position: 2, severity: 'warning', message: /20 years or older, but the patient is 18 years old/ }] },
    { name: 'pediatric BMI at 20', claim: prof(['E66.01', 'Z68.54'], born('2005-11-03')), findings: [{ position: 2, severity: 'warning', message: /2 to 19 years old, but the patient is 20 years old/ }] },
    { name: 'pediatric BMI at 364 days', claim: prof(['E66.01', 'Z68.51'], born('2024-11-04')), findings: [{ position: 2, severity: 'warning', message: /the patient is 364 days old/ }] },
  ],
});

tester.run('sex-conflict', ruleFile('sex-conflict'), {
  valid: [
    { name: 'prostate code, male patient', claim: prof(['N40.0'], born('1950-01-15', 'M')) },
    { name: 'sex unknown (U)', claim: prof(['N40.0'], born('1950-01-15', 'U')) },
    { name: 'no patient data', claim: prof(['N40.0']) },
    { name: 'breast cancer is not sex-specific', claim: prof(['C50.911'], born('1950-01-15', 'M')) },
    { name: 'N39.0 (urinary tract infection) is outside the genital-organ sections', claim: prof(['N39.0'], born('1950-01-15', 'M')) },
    { name: 'delivery, female patient', claim: prof(['O80', 'Z37.0'], born('1994-04-04', 'F')) },
  ],
  invalid: [
    {
      name: 'prostate code, female patient',
      claim: prof(['N40.0'], born('1950-01-15', 'F')),
      findings: [
        {
          position: 1,
          severity: 'warning',
          message:
            "N40.0 is a male-specific code (Diseases of male genital organs), but the patient's sex is recorded as female; check the code and the patient's sex (both can be right, e.g. after gender-affirming care)",
        },
      ],
    },
    { name: 'prostate cancer, female patient', claim: prof(['C61'], born('1950-01-15', 'F')), findings: [{ position: 1, severity: 'warning', message: /male-specific/ }] },
    { name: 'ovarian cyst, male patient', claim: prof(['N83.201'], born('1990-01-15', 'M')), findings: [{ position: 1, severity: 'warning', message: /female-specific code \(Inflammatory diseases of female pelvic organs; noninflammatory disorders of female genital tract\)/ }] },
    { name: 'delivery codes, male patient', claim: prof(['O80', 'Z37.0', 'Z3A.39'], born('1994-04-04', 'M')), findings: [{ position: 1, severity: 'warning' }, { position: 2, severity: 'warning' }, { position: 3, severity: 'warning' }] },
    { name: 'uterine leiomyoma, male patient', claim: prof(['D25.9'], born('1980-01-15', 'M')), findings: [{ position: 1, severity: 'warning' }] },
  ],
});
