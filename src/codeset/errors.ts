/**
 * Errors the code-set loader throws. Everything else it notices goes into
 * `LoadDiagnostic`s on the loaded release, so that one odd line never stops a check.
 */

/** How to get the release files; repeated in every "no data" message so a person can act on it. */
export const HOW_TO_GET_DATA =
  'Download the ICD-10-CM "Code Descriptions" zip for the fiscal year from CDC/NCHS ' +
  '(https://ftp.cdc.gov/pub/Health_Statistics/NCHS/Publications/ICD10CM/<year>/) or CMS ' +
  '(https://www.cms.gov/medicare/coding-billing/icd-10-codes), put the zip or its unzipped folder there, ' +
  'and point dxlint at the folder with the DXLINT_DATA environment variable or the --data option.';

/** The release data cannot be used: missing folder, no release files, unreadable or oversized zip. */
export class DataError extends Error {
  override name = 'DataError';
  /** The file or folder the problem is about. */
  readonly path: string | undefined;
  constructor(message: string, path?: string, options?: { cause?: unknown }) {
    super(message, options);
    this.path = path;
  }
}

/** A release file whose content is not what the official format says (too many bad lines, bad XML). */
export class FormatError extends DataError {
  override name = 'FormatError';
  /** 1-based line of the first problem, when known. */
  readonly line: number | undefined;
  constructor(message: string, file: string, line?: number, options?: { cause?: unknown }) {
    super(message, file, options);
    this.line = line;
  }
}
