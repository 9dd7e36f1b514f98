// A ZIP of stored (uncompressed) entries, in the order given: enough for a test to repack an ASiC-E
// container with one file changed (mimetype first and stored, as EN 319 162-1 wants), so that the
// verifier, not the archive's checksums, is what notices the change.
import zlib from 'node:zlib';

const u16 = (v) => { const b = Buffer.alloc(2); b.writeUInt16LE(v); return b; };
const u32 = (v) => { const b = Buffer.alloc(4); b.writeUInt32LE(v >>> 0); return b; };

/** entries: [{ name, bytes }] -> the archive's bytes. */
export function storedZip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const { name, bytes } of entries) {
    const fileName = Buffer.from(name, 'utf8');
    const data = Buffer.from(bytes);
    const crc = zlib.crc32(data);
    // version 10, flags (bit 11: UTF-8 names), method 0 (stored), a fixed DOS time and date
    const common = Buffer.concat([u16(10), u16(0x800), u16(0), u16(0), u16(0x21), u32(crc), u32(data.length), u32(data.length), u16(fileName.length), u16(0)]);
    const local = Buffer.concat([u32(0x04034b50), common, fileName, data]);
    centrals.push(Buffer.concat([u32(0x02014b50), u16(20), common, u16(0), u16(0), u16(0), u32(0), u32(offset), fileName]));
    locals.push(local);
    offset += local.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.concat([u32(0x06054b50), u16(0), u16(0), u16(entries.length), u16(entries.length), u32(directory.length), u32(offset), u16(0)]);
  return Buffer.concat([...locals, directory, end]);
}
