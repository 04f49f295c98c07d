import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { FcSimError } from '../errors.js';

/**
 * Unpacks a code package (`CodeUri: code.zip`) into `into`. Node has zlib's inflate but no zip reader; a code package
 * needs only the central directory and the two methods zip tools write (stored, deflate), so this reads those itself
 * rather than adding a dependency. Zip64, encrypted entries and other methods are refused with a clear error.
 * @see https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT (4.3.12 central directory, 4.3.7 local header)
 */
export function unzip(file: string, into: string): void {
  const zip = readFileSync(file);
  const refuse = (why: string) =>
    new FcSimError('E_PROJECT', `${file}: cannot unpack the code package: ${why}`, 'unpack it yourself and point the code path at the folder');
  // The end-of-central-directory record: the last 22 bytes, or earlier when the archive has a comment.
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw refuse('not a zip file');
  const count = zip.readUInt16LE(end + 10);
  let entry = zip.readUInt32LE(end + 16);
  if (count === 0xffff || entry === 0xffffffff) throw refuse('zip64 archives are not read');
  for (let index = 0; index < count; index++) {
    if (zip.readUInt32LE(entry) !== 0x02014b50) throw refuse('a broken central directory');
    const flags = zip.readUInt16LE(entry + 8);
    const method = zip.readUInt16LE(entry + 10);
    const compressedSize = zip.readUInt32LE(entry + 20);
    const nameLength = zip.readUInt16LE(entry + 28);
    const extraLength = zip.readUInt16LE(entry + 30);
    const commentLength = zip.readUInt16LE(entry + 32);
    const localHeader = zip.readUInt32LE(entry + 42);
    const name = zip.toString('utf8', entry + 46, entry + 46 + nameLength);
    entry += 46 + nameLength + extraLength + commentLength;
    const target = resolve(into, name);
    if (!target.startsWith(resolve(into) + sep)) throw refuse(`the entry ${name} would be written outside the folder`);
    if (name.endsWith('/')) {
      mkdirSync(target, { recursive: true });
      continue;
    }
    if (flags & 1) throw refuse(`${name} is encrypted`);
    const dataStart = localHeader + 30 + zip.readUInt16LE(localHeader + 26) + zip.readUInt16LE(localHeader + 28);
    const data = zip.subarray(dataStart, dataStart + compressedSize);
    mkdirSync(dirname(target), { recursive: true });
    if (method === 0) writeFileSync(target, data);
    else if (method === 8) writeFileSync(target, inflateRawSync(data));
    else throw refuse(`${name} uses compression method ${method} (only stored and deflate are read)`);
  }
}
