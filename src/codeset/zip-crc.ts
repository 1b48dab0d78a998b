import * as zlib from 'node:zlib';

/**
 * Integrity check for zip entries. fflate's unzipSync inflates an entry into a buffer of the
 * size the zip's directory states and stops there without an error, and it does not check
 * CRC-32: a zip whose directory understates a size would load a silently cut-off release file.
 * So each release file taken from a zip is checked against the CRC-32 in the zip's central
 * directory.
 */

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;

let table: Uint32Array | undefined;

/** CRC-32 (the zip/gzip polynomial). Uses zlib.crc32 where Node has it (≥ 20.15). */
export function crc32(bytes: Uint8Array): number {
  const native = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;
  return typeof native === 'function' ? native(bytes) >>> 0 : crc32Js(bytes);
}

/** CRC-32 in plain JavaScript, for Node versions without zlib.crc32. */
export function crc32Js(bytes: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = table[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * Entry name → CRC-32 from a zip's central directory (ZIP64 included). Undefined when the
 * directory cannot be found or read (fflate will have refused such a zip already).
 */
export function centralCrcs(zip: Uint8Array): Map<string, number> | undefined {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const u32 = (at: number) => (at + 4 <= zip.length ? view.getUint32(at, true) : -1);
  const u16 = (at: number) => (at + 2 <= zip.length ? view.getUint16(at, true) : -1);
  let eocd = -1;
  for (let at = zip.length - 22; at >= 0 && at >= zip.length - 22 - 0xffff; at--) {
    if (u32(at) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return undefined;
  let count = u16(eocd + 10);
  let offset = u32(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) {
    const locator = eocd - 20;
    if (u32(locator) !== ZIP64_LOCATOR) return undefined;
    const record = Number(view.getBigUint64(locator + 8, true));
    if (record + 56 > zip.length || u32(record) !== ZIP64_EOCD) return undefined;
    count = Number(view.getBigUint64(record + 32, true));
    offset = Number(view.getBigUint64(record + 48, true));
  }
  const out = new Map<string, number>();
  // Names as fflate reports them: UTF-8 when the entry's flag says so, else Latin-1; both are
  // kept so that the lookup works either way.
  const utf8 = new TextDecoder();
  const latin1 = new TextDecoder('latin1');
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (u32(at) !== CENTRAL) return undefined;
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const commentLength = u16(at + 32);
    if (at + 46 + nameLength > zip.length) return undefined;
    const raw = zip.subarray(at + 46, at + 46 + nameLength);
    const crc = u32(at + 16) >>> 0;
    out.set(utf8.decode(raw), crc);
    out.set(latin1.decode(raw), crc);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return out;
}
