import type { AdapterResult } from '../types.js';
import { readTransactionClaims } from './claims.js';
import { readEnvelope } from './envelope.js';
import { tokenize } from './tokenize.js';

/** Decodes bytes: UTF-16 when a BOM says so, else UTF-8 (a UTF-8 BOM is dropped). */
function decode(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

/**
 * Reads an X12 837P (005010X222A1) or 837I (005010X223A2) file: every CLM in every transaction
 * set becomes one adapted claim. Tolerates a BOM, indentation, line breaks after or instead of
 * the segment terminator and a short ISA. Never throws: what cannot be read comes back as
 * errors with the segment and element it is about.
 *
 * @example
 * const { claims, errors } = readX12(fs.readFileSync('claims.837', 'utf8'));
 * for (const c of claims) if (c.errors.length === 0) parseClaim(c.claim);
 */
export function readX12(input: string | Uint8Array): AdapterResult {
  const text = typeof input === 'string' ? input : decode(input);
  const tokens = tokenize(text);
  if (!tokens.delimiters) return { claims: [], errors: tokens.errors };
  const envelope = readEnvelope(tokens.segments, tokens.warnings);
  const result: AdapterResult = { claims: [], errors: [...tokens.errors, ...envelope.errors] };
  for (const tx of envelope.transactions) {
    const read = readTransactionClaims(tx, tokens.delimiters);
    result.claims.push(...read.claims);
    result.errors.push(...read.errors);
  }
  if (envelope.transactions.length === 0 && result.errors.length === 0) {
    result.errors.push({ path: '', message: 'the interchange holds no ST transaction set' });
  }
  return result;
}
