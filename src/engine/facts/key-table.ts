/**
 * A hash table from code keys (src/code/code-key.ts: positive integers below 2^37) to values,
 * with open addressing in one Float64Array: a lookup reads one or two slots of packed memory
 * instead of hashing a string and comparing it with another one elsewhere in the heap. The
 * per-code facts of a validator are looked up this way for every diagnosis of every claim.
 */
export class KeyTable<T> {
  #keys = new Float64Array(1024);
  #values: (T | undefined)[] = new Array<T | undefined>(1024).fill(undefined);
  #size = 0;

  get size(): number {
    return this.#size;
  }

  get(key: number): T | undefined {
    const keys = this.#keys;
    const mask = keys.length - 1;
    for (let i = slot(key, mask); ; i = (i + 1) & mask) {
      const k = keys[i]!;
      if (k === key) return this.#values[i];
      if (k === 0) return undefined; // 0 marks an empty slot: no code has key 0
    }
  }

  set(key: number, value: T): void {
    if (!(key > 0)) throw new RangeError(`not a code key: ${key}`);
    // Kept at most half full, so that probe runs stay short.
    if (2 * (this.#size + 1) > this.#keys.length) this.#grow();
    const keys = this.#keys;
    const mask = keys.length - 1;
    let i = slot(key, mask);
    while (keys[i] !== 0 && keys[i] !== key) i = (i + 1) & mask;
    if (keys[i] === 0) this.#size++;
    keys[i] = key;
    this.#values[i] = value;
  }

  #grow(): void {
    const oldKeys = this.#keys;
    const oldValues = this.#values;
    this.#keys = new Float64Array(oldKeys.length * 2);
    this.#values = new Array<T | undefined>(oldKeys.length * 2).fill(undefined);
    this.#size = 0;
    for (let i = 0; i < oldKeys.length; i++) if (oldKeys[i] !== 0) this.set(oldKeys[i]!, oldValues[i]!);
  }
}

/** The home slot of a key: its two 32-bit halves mixed (multiplicative hashing). */
function slot(key: number, mask: number): number {
  const lo = key >>> 0;
  const hi = (key / 4294967296) >>> 0;
  const h = Math.imul(lo ^ Math.imul(hi, 0x27d4eb2d), 0x9e3779b1);
  return (h ^ (h >>> 16)) & mask;
}
