/**
 * One file out of a tar archive (what an npm tarball holds once gunzipped), or undefined when it has no such
 * entry. Reads ustar headers, their `prefix` field and pax `path` records: what npm's packer writes.
 */
export function tarEntry(archive: Buffer, wanted: string): Buffer | undefined {
  let paxPath: string | undefined;
  for (let at = 0; at + 512 <= archive.length; ) {
    const header = archive.subarray(at, at + 512);
    if (header.every((byte) => byte === 0)) return undefined;
    const field = (start: number, length: number) => header.toString('utf8', start, start + length).replace(/\0.*$/s, '');
    const size = Number.parseInt(field(124, 12).trim() || '0', 8);
    const type = field(156, 1);
    const body = archive.subarray(at + 512, at + 512 + size);
    at += 512 + Math.ceil(size / 512) * 512;
    if (type === 'x') {
      paxPath = /\d+ path=([^\n]*)\n/.exec(body.toString('utf8'))?.[1];
      continue;
    }
    const prefix = field(345, 155);
    const name = paxPath ?? (prefix ? `${prefix}/${field(0, 100)}` : field(0, 100));
    paxPath = undefined;
    if (name === wanted && (type === '0' || type === '')) return body;
  }
  return undefined;
}
