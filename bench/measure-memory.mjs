// Resident memory of the built package with a release loaded, in a plain Node process (no
// TypeScript loader, which alone costs tens of MB): what a user's process holds.
//   node --expose-gc bench/measure-memory.mjs none|one|catalog <path> <cacheDir>
// Prints one JSON line: { rssMb, heapUsedMb }.
const [mode, path, cacheDir] = process.argv.slice(2);
const kept = [];
const dxlint = await import('../dist/index.js');
kept.push(dxlint);
if (mode === 'one') {
  kept.push(await dxlint.loadRelease(path, { cacheDir }));
} else if (mode === 'catalog') {
  const catalog = await dxlint.loadCatalog(path, { cacheDir });
  catalog.releases.at(-1).notes('Z00.129');
  kept.push(catalog);
}
globalThis.gc?.();
globalThis.gc?.();
const m = process.memoryUsage();
process.stdout.write(`${JSON.stringify({ rssMb: m.rss / 2 ** 20, heapUsedMb: m.heapUsed / 2 ** 20, kept: kept.length })}\n`);
