/**
 * Code references in Tabular List notes. Every text below is a real note of the FY2023
 * Tabular List XML; the expected references follow the Tabular's conventions (a dash means
 * "and everything under it", "with .42" the characters after the category, …).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchesAny, matchesRef } from '../../src/code/refs.js';
import { extractNoteRefs, parseCondition } from '../../src/codeset/note-refs.js';
import type { CodeRef } from '../../src/codeset/types.js';

/** Compact form for expectations: "Z0011-", "Z761..Z762", "E08..E13{4:42}", "E11[with …]". */
function show(r: CodeRef): string {
  const base = r.kind === 'range' ? `${r.from}..${r.to}` : `${r.from}${r.kind === 'prefix' ? '-' : ''}`;
  const where = r.where ? `{${r.where.positions.join(',')}:${r.where.values.join(',')}}` : '';
  return base + where + (r.qualifier ? `[${r.qualifier}]` : '');
}
const refs = (text: string): string[] => extractNoteRefs(text).refs.map(show);
const mentions = (text: string): string[] => extractNoteRefs(text).mentions.map(show);

describe('extractNoteRefs: single codes, dashes, ranges', () => {
  it('reads the references of Z00.12 (excludes1)', () => {
    expect(extractNoteRefs('health check for child under 29 days old (Z00.11-)')).toEqual({
      refs: [{ kind: 'prefix', from: 'Z0011', text: 'Z00.11-' }],
      mentions: [],
    });
    expect(extractNoteRefs('health supervision of foundling or other healthy infant or child (Z76.1-Z76.2)').refs).toEqual([
      { kind: 'range', from: 'Z761', to: 'Z762', text: 'Z76.1-Z76.2' },
    ]);
  });

  it('reads dashes written ".-", a plain code and a category', () => {
    expect(refs('code to identify resistance to antimicrobial drugs (Z16.-)')).toEqual(['Z16-']);
    expect(refs('neonatal diabetes mellitus (P70.2)')).toEqual(['P702']);
    expect(refs('pneumoconiosis associated with tuberculosis, any type in A15 (J65)')).toEqual(['J65']);
    expect(refs('nerve root compression (due to) (in) spondylosis (M47.0-, M47.2.-)')).toEqual(['M470-', 'M472-']);
  });

  it('reads every way a range is written', () => {
    expect(refs('infectious and parasitic diseases specific to the perinatal period (P35-P39)')).toEqual(['P35..P39']);
    expect(refs('head injury (S00.- to S09.-)')).toEqual(['S00..S09']);
    expect(refs('drug dependence and related mental and behavioral disorders due to psychoactive substance use (F10.- -F19.-)')).toEqual(['F10..F19']);
    expect(refs('drug dependence and related mental and behavioral disorders due to psychoactive substance use (F10.--F19.-)')).toEqual(['F10..F19']);
    expect(refs('code to identify drug abuse and dependence (F11.-F17.-)')).toEqual(['F11..F17']);
    expect(refs('vertebral fracture (S12.0--S12.3-)')).toEqual(['S120..S123']);
    expect(refs('rheumatic fever with heart involvement (I01.0 -I01.9)')).toEqual(['I010..I019']);
    expect(refs('apnea of newborn (P28.3- - P28.4-)')).toEqual(['P283..P284']);
    expect(refs('behavioral eating disorders of infancy or childhood (F98.2.-F98.3)')).toEqual(['F982..F983']);
    expect(refs('pancreatitis and other diseases of the pancreas (K85-K86.-)')).toEqual(['K85..K86']);
    expect(refs('atherosclerosis of coronary bypass graft(s) with angina pectoris (I25.70-I25.73-, I25.79-)')).toEqual(['I2570..I2573', 'I2579-']);
  });

  it('reads an en dash as a dash', () => {
    expect(refs('Z76.1\u2013Z76.2')).toEqual(['Z761..Z762']);
    expect(refs('health check for child under 29 days old (Z00.11\u2013)')).toEqual(['Z0011-']);
  });

  it('reads "I69.01-I69.11-" as two subcategories, as the same note reads elsewhere', () => {
    const a = 'cognitive deficits following (sequelae of) cerebral hemorrhage or infarction (I69.01-I69.11-, I69.21-I69.31-, I69.81- I69.91-)';
    const b = 'cognitive deficits following (sequelae of) cerebral hemorrhage or infarction (I69.01-, I69.11-, I69.21-, I69.31-, I69.81-, I69.91-)';
    const expected = ['I6901-', 'I6911-', 'I6921-', 'I6931-', 'I6981-', 'I6991-'];
    expect(refs(a)).toEqual(expected);
    expect(refs(b)).toEqual(expected);
  });
});

describe('extractNoteRefs: lists', () => {
  it('reads comma, semicolon, "and" and "or" lists', () => {
    expect(refs('cataract in diabetes mellitus (E08.36, E09.36, E10.36, E11.36, E13.36)')).toEqual(['E0836', 'E0936', 'E1036', 'E1136', 'E1336']);
    expect(refs('other acute respiratory tract infections (J00-J06; J20-J22)')).toEqual(['J00..J06', 'J20..J22']);
    expect(refs('specified adverse effects of drugs and medicaments (A00-R94 and T80-T88.6, T88.8)')).toEqual(['A00..R94', 'T80..T886', 'T888']);
    expect(refs('malignant neoplasm of auricular canal (external) (C43.2-,C44.2-)')).toEqual(['C432-', 'C442-']);
    expect(refs('abscess of intestine with Crohn\'s disease (K50.014, K50.114, K50.814, K50.914,)')).toEqual(['K50014', 'K50114', 'K50814', 'K50914']);
    expect(refs(', if applicable, postprocedural myocardial infarction following cardiac surgery (I97.190), or postprocedural myocardial infarction during cardiac surgery (I97.790)')).toEqual(['I97190', 'I97790']);
  });

  it('reads lists in running text that a cue word starts', () => {
    expect(refs('from categories E08, E09 and E13 to further identify any manifestation')).toEqual(['E08', 'E09', 'E13']);
    expect(refs('code from category T31 or T32 to identify extent of body surface involved')).toEqual(['T31', 'T32']);
    expect(refs('code(s) from F11-F16 and F18-F19 to identify manifestations of the drug use')).toEqual(['F11..F16', 'F18..F19']);
    expect(refs('code from category Z3A, Weeks of gestation, to identify the specific week of the pregnancy, if known.')).toEqual(['Z3A']);
  });
});

describe('extractNoteRefs: codes in running text', () => {
  it('takes dotted codes anywhere', () => {
    expect(refs('jaw pain R68.84')).toEqual(['R6884']);
    expect(refs('injury to visual cortex S04.04-')).toEqual(['S0404-']);
    expect(refs('conditions classifiable to S06.0- to S06.8-code to specified intracranial injury')).toEqual(['S060..S068']);
    expect(refs('floppy iris syndrome (IFIS) (intraoperative) H21.81')).toEqual(['H2181']);
  });

  it('does not take words that look like categories', () => {
    expect(extractNoteRefs('Vitamin B12 deficiency')).toEqual({ refs: [], mentions: [] });
    expect(extractNoteRefs('Anoctamin-5-related LGMD R12')).toEqual({ refs: [], mentions: [] });
    expect(extractNoteRefs('Adult GM2 gangliosidosis')).toEqual({ refs: [], mentions: [] });
    expect(extractNoteRefs('Cell membrane receptor complex [CR3] defect')).toEqual({ refs: [], mentions: [] });
    expect(refs('vitamin B12 deficiency anemia (D51.-)')).toEqual(['D51-']);
  });

  it('a code in the running text of a note that also has a parenthetical code is context, not a target', () => {
    expect(extractNoteRefs('any condition in I51.4-I51.9 due to hypertension (I11.-)')).toEqual({
      refs: [{ kind: 'prefix', from: 'I11', text: 'I11.-' }],
      mentions: [{ kind: 'range', from: 'I514', to: 'I519', text: 'I51.4-I51.9' }],
    });
    expect(mentions('pneumoconiosis associated with tuberculosis, any type in A15 (J65)')).toEqual(['A15']);
  });

  it('the codes a "For codes …, use additional code" note applies to are its scope, not targets', () => {
    const r = extractNoteRefs('For codes G31.0-G31.83, G31.85-G31.9, use additional code, if applicable, to identify:');
    expect(r.refs).toEqual([]);
    expect(r.mentions.map(show)).toEqual(['G310..G3183', 'G3185..G319']);
  });

  it('codes after "except" are mentions marked "except"', () => {
    const r = extractNoteRefs('Conditions in S00-T88, except T74 and T76');
    expect(r.refs.map(show)).toEqual(['S00..T88']);
    expect(r.mentions.map(show)).toEqual(['T74[except]', 'T76[except]']);
  });

  it('tolerates an unclosed parenthesis', () => {
    expect(refs('acquired absence of knee joint following prior explantation of knee prosthesis (Z89.52-')).toEqual(['Z8952-']);
  });
});

describe('extractNoteRefs: "with" conditions', () => {
  it('".42" after a range of categories is the characters after the category', () => {
    expect(refs('diabetes mellitus (E08-E13 with .42)')).toEqual(['E08..E13{4:42}']);
    expect(refs('diabetic (peripheral) angiopathy (E08-E13 with .51-.52)')).toEqual(['E08..E13{4:51,52}']);
    expect(refs('skin disorders in diabetes (E08-E13 with .62-)')).toEqual(['E08..E13{4:62}']);
    expect(refs('dementia in alcohol and psychoactive substance disorders (F10-F19, with .17, .27, .97)')).toEqual(['F10..F19{4:17,27,97}']);
    expect(refs('psychoactive drug use (F11-F19 with .15. .25, .95)')).toEqual(['F11..F19{4:15,25,95}']);
  });

  it('a condition after a list applies to every item', () => {
    expect(refs('alcohol-or other psychoactive substance-induced amnestic disorder (F10, F13, F19 with .26, .96)')).toEqual([
      'F10{4:26,96}', 'F13{4:26,96}', 'F19{4:26,96}',
    ]);
  });

  it('reads ordinal positions', () => {
    expect(refs('infectious mononucleosis complicated by meningitis (B27.- with fifth character 2)')).toEqual(['B27-{5:2}']);
    expect(refs('whooping cough with pneumonia (A37 with fifth-character 1)')).toEqual(['A37{5:1}']);
    expect(refs('open fracture of wrist, hand and finger (S62.- with 7th character B)')).toEqual(['S62-{7:B}']);
    expect(refs('open fracture of ankle, foot and toes (S92.-with 7th character B)')).toEqual(['S92-{7:B}']);
    expect(refs('open fracture of shoulder and upper arm (S42.- with 7th character B or C)')).toEqual(['S42-{7:B,C}']);
    expect(refs('poisoning due to salicylates, if applicable (T39.0-, with sixth character 1-4)')).toEqual(['T390-{6:1,2,3,4}']);
    expect(refs('amnestic syndrome due to psychoactive substance use (F10-F19 with 5th character .6)')).toEqual(['F10..F19{5:6}']);
    expect(refs('hallucinations in drug psychosis (F11-F19 with fifth to sixth characters 51)')).toEqual(['F11..F19{5:51}']);
    expect(refs('poisoning and toxic effects of drugs and chemicals (T36-T65 with fifth or sixth character 1-4 or 6)')).toEqual([
      'T36..T65{5,6:1,2,3,4,6}',
    ]);
    expect(refs('code for adverse effect if applicable, to identify adverse effect of drug (T36-T50 with fifth or six character 5)')).toEqual([
      'T36..T50{5,6:5}',
    ]);
    expect(refs('leukemia in remission C91.0-C95.9 with 5th character 1')).toEqual(['C910..C959{5:1}']);
  });

  it('"I69. with final characters -23" is the last two characters of an I69 code', () => {
    expect(refs('fluency disorder (stuttering) following cerebrovascular disease (I69. with final characters -23)')).toEqual(['I69-{5:23}']);
  });

  it('words that are not a character condition make the references mentions', () => {
    expect(extractNoteRefs('diabetic acidosis - see categories E08-E10, E11, E13 with ketoacidosis')).toEqual({
      refs: [],
      mentions: [
        { kind: 'range', from: 'E08', to: 'E10', text: 'E08-E10 with ketoacidosis', qualifier: 'with ketoacidosis' },
        { kind: 'code', from: 'E11', text: 'E11 with ketoacidosis', qualifier: 'with ketoacidosis' },
        { kind: 'code', from: 'E13', text: 'E13 with ketoacidosis', qualifier: 'with ketoacidosis' },
      ],
    });
    expect(mentions('open fracture of elbow and forearm (S52.- with open fracture 7th character)')).toEqual([
      'S52-[with open fracture 7th character]',
    ]);
    expect(refs('poisoning due to drug or toxin (T51-T65 with fifth or sixth character to indicate intent), for toxic pneumonopathy')).toEqual([]);
  });

  it('parseCondition refuses what it cannot test', () => {
    expect(parseCondition('ketoacidosis', 3)).toBeUndefined();
    expect(parseCondition('fifth character one', 3)).toBeUndefined();
    expect(parseCondition('fifth to sixth characters 5', 3)).toBeUndefined();
    expect(parseCondition('.9', 3)).toEqual({ positions: [4], values: ['9'] });
  });
});

describe('matchesRef with a character condition', () => {
  it('matches only the codes the condition names', () => {
    const [dm42] = extractNoteRefs('diabetes mellitus (E08-E13 with .42)').refs;
    for (const c of ['E0842', 'E1142', 'E1342']) expect(matchesRef(dm42!, c), c).toBe(true);
    for (const c of ['E1143', 'E1140', 'E1442', 'E0742', 'E11']) expect(matchesRef(dm42!, c), c).toBe(false);

    const [ae] = extractNoteRefs('code for adverse effect, if applicable, to identify drug (T36-T50 with fifth or sixth character 5)').refs;
    expect(matchesRef(ae!, 'T360X5A')).toBe(true); // adverse effect of penicillins
    expect(matchesRef(ae!, 'T360X1A')).toBe(false); // poisoning by penicillins
    expect(matchesRef(ae!, 'T510X1A')).toBe(false); // outside T36-T50

    const stutter = extractNoteRefs('fluency disorder (stuttering) following cerebrovascular disease (I69. with final characters -23)').refs;
    expect(matchesAny(stutter, 'I69323')).toBe(true);
    expect(matchesAny(stutter, 'I69320')).toBe(false);
  });
});

describe('extractNoteRefs on any text', () => {
  // Pieces real notes are made of, shuffled: codes, dashes, ranges, lists, "with …", parentheses.
  const piece = fc.constantFrom(
    'Z00.11', 'E08', 'E13', 'I69.', 'S12.0', 'QA0', 'B12', '-', '.-', '--', ' - ', ' to ', ', ', '; ', ' and ', ' or ',
    '(', ')', ' with ', '.42', 'fifth or sixth character 5', '7th character B', 'final characters -23', 'except ',
    'category ', 'in ', 'vitamin ', ' ', 'x',
  );
  it('never throws, and every reference is an undotted code with a well-formed condition', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(piece, { maxLength: 30 }).map((a) => a.join(''))), (text) => {
        const { refs, mentions } = extractNoteRefs(text);
        for (const r of [...refs, ...mentions]) {
          expect(r.from).toMatch(/^[A-Z][0-9A-Z]{2,6}$/);
          if (r.kind === 'range') expect(r.to).toMatch(/^[A-Z][0-9A-Z]{2,6}$/);
          if (r.where) {
            expect(r.where.positions.length).toBeGreaterThan(0);
            expect(r.where.values.every((v) => /^[0-9A-Z]+$/.test(v))).toBe(true);
          }
          expect(text).toContain(r.text.split(' with ')[0]!.trim());
        }
      }),
      { numRuns: 2000 },
    );
  });
});

