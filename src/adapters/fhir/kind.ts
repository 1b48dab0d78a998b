import { settingFromBillType } from '../bill-type.js';
import { located, type InputError } from '../types.js';
import { asArray, asObj, codings, type Obj } from './json.js';

type ClaimType = 'professional' | 'institutional';
type Setting = 'inpatient' | 'outpatient';

const CLAIM_TYPE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/claim-type';
const BB_EOB_TYPE = 'https://bluebutton.cms.gov/resources/codesystem/eob-type';

export interface Kind {
  type?: ClaimType;
  setting?: Setting;
  /** FHIR claim-type code when it is pharmacy (no diagnoses expected). */
  pharmacy?: boolean;
  warnings: InputError[];
  error?: InputError;
}

/** Setting signals an institutional claim can carry, each with where it came from. */
function settingSignals(resource: Obj, base: string, warnings: InputError[]): { setting: Setting; from: string }[] {
  const signals: { setting: Setting; from: string }[] = [];
  const billType = (code: string, path: string) => {
    const setting = settingFromBillType(code);
    if (setting) signals.push({ setting, from: `type of bill ${code} (${path})` });
    else warnings.push(located(path, `"${code}" is not a type of bill; ignored`));
  };
  for (const c of codings(resource.subType)) {
    const path = `${base}.subType.coding[${c.index}]`;
    const system = (c.system ?? '').toLowerCase();
    if (!c.code) continue;
    if (system.includes('c4bbinstitutionalclaimsubtype') && (c.code === 'inpatient' || c.code === 'outpatient')) {
      signals.push({ setting: c.code, from: `subType ${c.code} (${path})` });
    } else if (system.includes('billtype') || system.includes('typeofbill')) {
      billType(c.code, path);
    }
  }
  asArray(resource.supportingInfo).forEach((info, i) => {
    const o = asObj(info);
    if (!o || !codings(o.category).some((c) => c.code === 'typeofbill')) return;
    const code = codings(o.code)[0];
    // Blue Button sends only the frequency digit here (…/clm_freq_cd, …/fiss/freq-cd); it says nothing about the setting.
    if (code?.code && !/freq[-_]cd/.test(code.system ?? '')) billType(code.code, `${base}.supportingInfo[${i}].code`);
  });
  for (const c of codings(resource.type)) {
    if (c.system !== BB_EOB_TYPE) continue;
    if (c.code === 'INPATIENT' || c.code === 'SNF') signals.push({ setting: 'inpatient', from: `type ${c.code}` });
    if (c.code === 'OUTPATIENT') signals.push({ setting: 'outpatient', from: `type ${c.code}` });
  }
  return signals;
}

/**
 * Professional or institutional, and for institutional claims inpatient or outpatient.
 *
 * The claim-type code decides the type (oral, vision and pharmacy claims are checked as
 * professional, with a warning); without one, a Blue Button EOB type or an institutional
 * subType / type of bill is used, with a warning. The setting is conservative: inpatient only
 * when the signals present (CARIN subType, type of bill, Blue Button EOB type) agree on it;
 * when they disagree or there is none, the claim is checked as outpatient, with a warning.
 */
export function readKind(resource: Obj, base: string): Kind {
  const warnings: InputError[] = [];
  const typeCodings = codings(resource.type);
  const claimType = typeCodings.find((c) => c.system === CLAIM_TYPE_SYSTEM && c.code) ?? typeCodings.find((c) => c.system === undefined && c.code);
  const signals = settingSignals(resource, base, warnings);
  const kind: Kind = { warnings };
  const code = claimType?.code;

  if (code === 'professional' || code === 'institutional') kind.type = code;
  else if (code === 'oral' || code === 'vision' || code === 'pharmacy') {
    kind.type = 'professional';
    if (code === 'pharmacy') kind.pharmacy = true;
    warnings.push(located(`${base}.type`, `a ${code} claim; its diagnoses are checked as on a professional claim`));
  } else {
    const bb = typeCodings.find((c) => c.system === BB_EOB_TYPE)?.code;
    const shown = typeCodings.map((c) => c.code).filter(Boolean).join(', ') || 'none';
    if (bb === 'CARRIER' || bb === 'DME') kind.type = 'professional';
    else if (bb && ['INPATIENT', 'OUTPATIENT', 'SNF', 'HHA', 'HOSPICE'].includes(bb)) kind.type = 'institutional';
    else if (signals.length > 0) kind.type = 'institutional';
    if (kind.type) {
      warnings.push(located(`${base}.type`, `no claim-type code (type: ${shown}); read as ${kind.type} from ${bb ? `type ${bb}` : signals[0]!.from}`));
    } else {
      kind.error = located(`${base}.type`, `cannot tell a professional from an institutional claim: the type (${shown}) is not a claim-type code and nothing else says`);
    }
  }

  if (kind.type === 'institutional') {
    const settings = new Set(signals.map((s) => s.setting));
    if (settings.size === 1) kind.setting = signals[0]!.setting;
    else if (settings.size > 1) {
      warnings.push(located(base, `the setting signals disagree (${signals.map((s) => `${s.from}: ${s.setting}`).join('; ')}); the claim is checked as outpatient`));
    } else {
      warnings.push(located(base, 'no subType or type of bill says inpatient or outpatient; the claim is checked as outpatient'));
    }
  }
  return kind;
}
