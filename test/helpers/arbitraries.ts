/** fast-check arbitraries shared by the property tests. */
import fc from 'fast-check';

/** Any JavaScript value, the odd ones included (BigInt, Map, sparse arrays, null prototypes…). */
export const anyValue = fc.anything({
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
});
