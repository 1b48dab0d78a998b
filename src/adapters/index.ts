export type { AdaptedClaim, AdapterResult, InputError } from './types.js';
export { readX12 } from './x12/read.js';
export { readFhir, type ReadFhirOptions } from './fhir/read.js';
export { detectFormat, type InputFormat } from './detect.js';
