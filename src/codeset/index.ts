/**
 * The code set: the official CDC/NCHS ICD-10-CM release files, loaded per release and per
 * date of service. Start with `loadCatalog(folder)`.
 */
export { loadCatalog, loadRelease, DATA_ENV, type LoadOptions } from './load.js';
export { DataError, FormatError, HOW_TO_GET_DATA } from './errors.js';
export { Catalog } from './catalog.js';
export { ReleaseCodeSet, type TabularLookup } from './code-set.js';
export { CACHE_ENV, defaultCacheDir } from './cache.js';
export { parseOrderFile, readOrderFile, type OrderFile } from './read-order.js';
export { parseCodesFile, readCodesFile, type CodesFile } from './read-codes.js';
export {
  parseTabularXml,
  readTabularFile,
  type TabularFile,
  type TabularDiag,
  type TabularChapter,
  type TabularSection,
  type TabularNote,
} from './read-tabular.js';
export { extractNoteRefs, type NoteRefs } from './note-refs.js';
export {
  parseCodesAddenda,
  parseOrderAddenda,
  readCodesAddenda,
  readOrderAddenda,
  type AddendaFile,
  type AddendaEntry,
  type AddendaCounts,
} from './read-addenda.js';
export type { ReleaseAddenda } from './addenda-check.js';
export { codesFromTabular } from './from-tabular.js';
export { discoverSources, type Discovery, type SourceFile, type SourceGroup, type ZipLimits } from './sources.js';
export { parseSourceName, releaseId, releaseInfo, fiscalYearEnd, type SourceKind, type SourceName } from './naming.js';
export type * from './types.js';
