import { settingFromBillType } from '../bill-type.js';
import { readX12Date } from '../dates.js';
import { mapPointers, orderDiagnoses, type SourceDiagnosis } from '../order.js';
import { located, type AdaptedClaim, type InputError } from '../types.js';
import { txPath, type Transaction } from './envelope.js';
import { DIAGNOSIS_QUALIFIERS, NON_DIAGNOSIS_QUALIFIERS } from './hi.js';
import type { Delimiters, Segment } from './tokenize.js';

type ClaimType = 'professional' | 'institutional';

interface Patient {
  birthDate?: string;
  sex?: 'F' | 'M' | 'U';
}

/**
 * One HL loop: billing provider (20), subscriber (22) or patient (23). A claim takes the DMG of
 * the loop that holds it, never of a parent: under a patient loop the subscriber is someone else.
 */
interface HlLoop {
  patient?: Patient;
  warnings: InputError[];
}

interface LineDraft {
  kind?: 'SV1' | 'SV2';
  procedureCode?: string;
  modifiers?: string[];
  units?: number;
  pointers?: { values: number[]; path: (i: number) => string };
  serviceDate?: string;
}

/** A date read from a DTP segment, or why it could not be. */
interface DateNote {
  path: string;
  reason: string;
}

interface ClaimDraft {
  clm: Segment;
  hl?: HlLoop;
  diagnoses: SourceDiagnosis[];
  pointable: number;
  lines: LineDraft[];
  serviceDate?: string;
  statement?: { from: string; through: string };
  badDates: DateNote[];
  content: { sv1: number; sv2: number; cl1: boolean };
  errors: InputError[];
  warnings: InputError[];
}

const value = (seg: Segment, n: number): string => (seg.elements[n] ?? '').trim();
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * 837P, 837I or 837D from an implementation-guide reference: 5010 "005010X222A1" (X222 / X223 /
 * X224) or the older 4010 "004010X098A1" (X098 / X096 / X097).
 */
function versionKind(ref: string | undefined): ClaimType | 'dental' | undefined {
  if (!ref) return undefined;
  if (ref.includes('X222') || ref.includes('X098')) return 'professional';
  if (ref.includes('X223') || ref.includes('X096')) return 'institutional';
  if (ref.includes('X224') || ref.includes('X097')) return 'dental';
  return undefined;
}

const kindName = (k: ClaimType | 'dental') => (k === 'professional' ? '837P' : k === 'institutional' ? '837I' : '837D');

/**
 * Reads the claims of one 837 transaction set: each CLM with its HI diagnoses, service lines
 * (SV1 or SV2 with their DTP*472 dates and SV107 pointers), claim dates (DTP*472, DTP*434) and
 * the patient's DMG from the HL loop that holds the claim. Problems that concern one claim go
 * on that claim; problems outside any claim come back in `errors`.
 */
export function readTransactionClaims(tx: Transaction, d: Delimiters): { claims: AdaptedClaim[]; errors: InputError[] } {
  const errors: InputError[] = [];
  const st01 = value(tx.st, 1);
  if (st01 !== '837') {
    errors.push(located(`${tx.label} / ST01`, `this is an X12 ${st01 || '(unnamed)'} transaction set, not an 837 claim; it was skipped`));
    return { claims: [], errors };
  }
  const drafts: ClaimDraft[] = [];
  let hl: HlLoop | undefined;
  let claim: ClaimDraft | undefined;
  let line: LineDraft | undefined;
  const stray = new Set<string>();

  for (const seg of tx.body) {
    if (seg.lineBreak) {
      const problem = located(txPath(tx, seg), `a segment terminator "${d.segment}" is missing in or after this segment (a line break stands in its place), so the claim as sent is damaged`);
      (claim ? claim.errors : errors).push(problem);
    }
    switch (seg.tag) {
      case 'HL':
        claim = undefined;
        line = undefined;
        hl = { warnings: [] };
        break;
      case 'DMG':
        // Only the DMG of the subscriber or patient loop (2010BA/2010CA) describes the patient;
        // a DMG after CLM belongs to another subscriber (2320/2330A).
        if (!claim && hl && !hl.patient) hl.patient = readDmg(tx, seg, hl.warnings);
        break;
      case 'CLM':
        line = undefined;
        claim = {
          clm: seg,
          diagnoses: [],
          pointable: 0,
          lines: [],
          badDates: [],
          content: { sv1: 0, sv2: 0, cl1: false },
          errors: [],
          warnings: [],
        };
        if (hl) claim.hl = hl;
        drafts.push(claim);
        break;
      case 'HI':
        if (!claim) {
          outside(seg);
          break;
        }
        if (line) claim.warnings.push(located(txPath(tx, seg), 'HI comes after the service lines; its diagnoses are read as the claim\'s anyway'));
        readHi(tx, seg, d, claim);
        break;
      case 'CL1':
        if (claim) claim.content.cl1 = true;
        break;
      case 'LX':
        if (!claim) {
          outside(seg);
          break;
        }
        line = {};
        claim.lines.push(line);
        break;
      case 'SV1':
      case 'SV2':
        if (!claim) {
          outside(seg);
          break;
        }
        if (!line || line.kind) {
          claim.warnings.push(located(txPath(tx, seg), `${seg.tag} without its own LX; read as a new service line`));
          line = {};
          claim.lines.push(line);
        }
        readServiceLine(tx, seg, d, line, claim);
        break;
      case 'DTP':
        if (claim) readDtp(tx, seg, claim, line);
        break;
    }
  }

  function outside(seg: Segment) {
    // One error per segment kind is enough to say the CLM is missing.
    if (stray.has(seg.tag)) return;
    stray.add(seg.tag);
    errors.push(located(txPath(tx, seg), `${seg.tag} is not inside a claim (no CLM before it in its HL loop); it was not read`));
  }

  if (drafts.length === 0) {
    errors.push(located(tx.label, 'this 837 transaction set holds no CLM segment, so there is no claim to check'));
  }
  const claims = drafts.map((draft, i) => finish(tx, draft, i === drafts.length - 1));
  return { claims, errors };
}

function readDmg(tx: Transaction, seg: Segment, warnings: InputError[]): Patient {
  const patient: Patient = {};
  const format = value(seg, 1);
  const birth = value(seg, 2);
  if (birth !== '') {
    const date = format === 'D8' || format === '' ? readX12Date('D8', birth) : { reason: `DMG01 "${format}" is not D8` };
    if ('from' in date) patient.birthDate = date.from;
    else warnings.push(located(txPath(tx, seg, 'DMG02'), `birth date left out: ${date.reason}`));
  }
  const sex = value(seg, 3);
  if (sex === 'F' || sex === 'M' || sex === 'U') patient.sex = sex;
  else if (sex !== '') warnings.push(located(txPath(tx, seg, 'DMG03'), `sex "${sex}" is not F, M or U; left out`));
  return patient;
}

function readHi(tx: Transaction, seg: Segment, d: Delimiters, claim: ClaimDraft) {
  for (let n = 1; n < seg.elements.length; n++) {
    const raw = seg.elements[n]!;
    if (raw.trim() === '') continue;
    const parts = raw.split(d.component);
    const qualifier = (parts[0] ?? '').trim();
    const code = (parts[1] ?? '').trim();
    const name = `HI${pad(n)}`;
    const meaning = DIAGNOSIS_QUALIFIERS.get(qualifier);
    if (!meaning) {
      if (!NON_DIAGNOSIS_QUALIFIERS.has(qualifier)) {
        claim.warnings.push(located(txPath(tx, seg, `${name}-1`), `code list qualifier "${qualifier}" is not one dxlint knows; ${name} was ignored`));
      }
      continue;
    }
    // Pointers count every principal/other composite, even an empty one, as the position it holds.
    const key = meaning.pointable ? ++claim.pointable : undefined;
    if (code === '') {
      claim.errors.push(located(txPath(tx, seg, `${name}-2`), `the ${meaning.label} diagnosis (${qualifier}) has no code`));
      continue;
    }
    if (meaning.icd9) {
      claim.warnings.push(
        located(txPath(tx, seg, `${name}-1`), `"${qualifier}" marks ${code} as an ICD-9-CM code; it is checked against ICD-10-CM like the other codes`),
      );
    }
    const dx: SourceDiagnosis = { code, qualifier: meaning.qualifier, path: txPath(tx, seg, `${name}-2`) };
    if (key !== undefined) dx.key = key;
    const poa = (parts[8] ?? '').trim();
    if (poa !== '') dx.poa = poa;
    claim.diagnoses.push(dx);
  }
}

function readServiceLine(tx: Transaction, seg: Segment, d: Delimiters, line: LineDraft, claim: ClaimDraft) {
  const professional = seg.tag === 'SV1';
  line.kind = professional ? 'SV1' : 'SV2';
  if (professional) claim.content.sv1++;
  else claim.content.sv2++;
  // SV101 / SV202: qualifier, procedure code, up to four modifiers.
  const procedure = (seg.elements[professional ? 1 : 2] ?? '').split(d.component).map((s) => s.trim());
  if (procedure[1]) line.procedureCode = procedure[1];
  const modifiers = procedure.slice(2, 6).filter((m) => m !== '');
  if (modifiers.length > 0) line.modifiers = modifiers;
  const quantity = value(seg, professional ? 4 : 5);
  if (quantity !== '') {
    const units = Number(quantity);
    if (Number.isFinite(units)) line.units = units;
    else claim.warnings.push(located(txPath(tx, seg, professional ? 'SV104' : 'SV205'), `quantity "${quantity}" is not a number; left out`));
  }
  if (!professional) return;
  const pointerText = seg.elements[7] ?? '';
  if (pointerText.trim() === '') return;
  const values: number[] = [];
  pointerText.split(d.component).forEach((p, i) => {
    const text = p.trim();
    if (text === '') return;
    if (/^\d+$/.test(text)) values.push(Number(text));
    else claim.warnings.push(located(txPath(tx, seg, `SV107-${i + 1}`), `diagnosis pointer "${text}" is not a number; left out`));
  });
  line.pointers = { values, path: (i) => txPath(tx, seg, `SV107-${i + 1}`) };
}

function readDtp(tx: Transaction, seg: Segment, claim: ClaimDraft, line: LineDraft | undefined) {
  const qualifier = value(seg, 1);
  if (qualifier !== '472' && qualifier !== '434') return;
  const path = txPath(tx, seg, 'DTP03');
  const date = readX12Date(value(seg, 2), value(seg, 3));
  if ('reason' in date) {
    claim.badDates.push({ path, reason: date.reason });
    return;
  }
  if (line && qualifier === '472') {
    // A service line covers one date of service; with a range, its first day.
    line.serviceDate = date.from;
  } else if (!line && qualifier === '472') {
    claim.serviceDate = date.from;
  } else if (!line && qualifier === '434') {
    if (value(seg, 2) === 'D8') {
      claim.warnings.push(located(txPath(tx, seg, 'DTP02'), 'the statement period is a single D8 date instead of an RD8 range; it is used as both from and through date'));
    }
    claim.statement = date;
  }
}

function decideType(tx: Transaction, claim: ClaimDraft): { type?: ClaimType; note?: string; error?: string } {
  const st03 = value(tx.st, 3);
  const gs08 = tx.gs08 ?? '';
  const byST = versionKind(st03);
  const byGS = versionKind(gs08);
  const clm05 = value(claim.clm, 5).split(/[^A-Za-z0-9]/);
  const facilityQualifier = clm05[1] ?? '';
  const institutional: string[] = [];
  const professional: string[] = [];
  if (claim.content.sv2 > 0) institutional.push('SV2 service lines');
  if (claim.content.cl1) institutional.push('a CL1 segment');
  if (facilityQualifier === 'A') institutional.push('CLM05-2 "A" (type of bill)');
  if (claim.content.sv1 > 0) professional.push('SV1 service lines');
  if (facilityQualifier === 'B') professional.push('CLM05-2 "B" (place of service)');
  const byContent: ClaimType | undefined =
    institutional.length > 0 && professional.length === 0 ? 'institutional' : professional.length > 0 && institutional.length === 0 ? 'professional' : undefined;
  const evidence = (byContent === 'institutional' ? institutional : professional).join(', ');

  if (byST && byGS && byST !== byGS) {
    const type = byContent ?? (byST === 'dental' ? 'professional' : byST);
    const why = byContent ? `the claim's content (${evidence}) says ${kindName(byContent)}` : `ST03 governs the transaction set`;
    return { type, note: `GS08 "${gs08}" (${kindName(byGS)}) and ST03 "${st03}" (${kindName(byST)}) disagree; read as ${kindName(type)} because ${why}` };
  }
  const declared = byST ?? byGS;
  if (declared === 'dental') return { type: 'professional', note: `${st03 || gs08} is an 837D dental claim; its diagnoses are checked as on a professional claim` };
  if (declared) {
    if (byContent && byContent !== declared) {
      return { type: byContent, note: `the transaction set says ${kindName(declared)} ("${st03 || gs08}") but the claim's content (${evidence}) says ${kindName(byContent)}; read as ${kindName(byContent)}` };
    }
    return { type: declared };
  }
  if (byContent) {
    return { type: byContent, note: `neither ST03 "${st03}" nor GS08 "${gs08}" names an 837P or 837I guide; read as ${kindName(byContent)} from the claim's content (${evidence})` };
  }
  return { error: `cannot tell whether this is a professional (837P) or institutional (837I) claim: ST03 "${st03}" and GS08 "${gs08}" name neither, and the claim has no SV1/SV2 lines or CLM05-2 qualifier` };
}

function finish(tx: Transaction, draft: ClaimDraft, lastOfTransaction: boolean): AdaptedClaim {
  const clm01 = value(draft.clm, 1);
  const source = `${tx.label} / CLM ${clm01 || '(no CLM01)'}`;
  const clmPath = (element?: string) => txPath(tx, draft.clm, element);
  const errors = [...draft.errors];
  const warnings = [...tx.scopes.flatMap((s) => s.warnings), ...(draft.hl?.warnings ?? []), ...draft.warnings];
  const claim: Record<string, unknown> = {};
  if (clm01 !== '') claim.id = clm01;
  else warnings.push(located(clmPath('CLM01'), 'the claim has no patient control number (CLM01)'));

  const decided = decideType(tx, draft);
  if (decided.error) errors.push(located(clmPath(), decided.error));
  if (decided.note) warnings.push(located(clmPath(), decided.note));
  if (decided.type) claim.type = decided.type;

  if (decided.type === 'institutional') {
    const parts = value(draft.clm, 5).split(/[^A-Za-z0-9]/);
    const facility = parts[0] ?? '';
    const setting = /^\d{2}$/.test(facility) ? settingFromBillType(facility + (parts[2] ?? '')) : undefined;
    if (setting) claim.setting = setting;
    else warnings.push(located(clmPath('CLM05-1'), `no usable type of bill ("${facility}"); the claim is checked as outpatient`));
  }

  // Diagnoses in claim-model order, then the pointers into that order.
  const ordered = orderDiagnoses(draft.diagnoses);
  warnings.push(...ordered.warnings);
  if (draft.diagnoses.length > 0 && !draft.diagnoses.some((dx) => dx.qualifier === 'principal')) {
    warnings.push(located(clmPath(), `no principal diagnosis (ABK); ${ordered.diagnoses[0]!.code} is listed first`));
  }
  claim.diagnoses = ordered.diagnoses;

  const lines = draft.lines.map((l) => {
    const out: Record<string, unknown> = {};
    if (l.procedureCode) out.procedureCode = l.procedureCode;
    if (l.modifiers) out.modifiers = l.modifiers;
    if (l.units !== undefined) out.units = l.units;
    if (l.serviceDate) out.serviceDate = l.serviceDate;
    if (l.pointers) {
      const mapped = mapPointers(l.pointers.values, ordered.positionOf, ordered.diagnoses.length, l.pointers.path);
      out.diagnosisPointers = mapped.pointers;
      warnings.push(...mapped.warnings);
    }
    return out;
  });
  if (lines.length > 0) claim.lines = lines;

  // Dates: a bad DTP is only fatal when no usable date of service is left.
  if (draft.statement) {
    claim.statementFrom = draft.statement.from;
    claim.statementThrough = draft.statement.through;
  }
  if (draft.serviceDate) claim.serviceDate = draft.serviceDate;
  const usable = draft.statement !== undefined || draft.serviceDate !== undefined || draft.lines.some((l) => l.serviceDate);
  for (const bad of draft.badDates) {
    if (usable) warnings.push(located(bad.path, `${bad.reason}; left out`));
    else errors.push(located(bad.path, `${bad.reason}, and the claim has no other date of service`));
  }
  const cutOff = !tx.closed && lastOfTransaction;
  if (!usable && draft.badDates.length === 0 && !cutOff) {
    errors.push(located(clmPath(), `no date of service: the claim has no DTP*${decided.type === 'institutional' ? '434 statement period or DTP*472 line date' : '472 service date'}`));
  }

  const patient = draft.hl?.patient;
  if (patient && Object.keys(patient).length > 0) claim.patient = { ...patient };
  else if (!patient) {
    warnings.push(located(clmPath(), 'no DMG segment for the patient: birth date and sex are unknown, so age and sex rules are skipped'));
  }

  if (cutOff) {
    errors.push(located(clmPath(), `${tx.label} ends without SE (the file is cut off or a segment is damaged), so this claim may be incomplete`));
  }
  return { claim, source, errors, warnings };
}
