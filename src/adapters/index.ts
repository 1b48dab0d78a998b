export type { AdaptedClaim, AdapterResult, InputError } from './types.js';
export { readX12 } from './x12/read.js';
