/** What a secret is replaced with wherever fc-sim prints or writes. */
export const REDACTED = '***';

/** Headers whose values are credentials (request or response): never shown. */
export const SENSITIVE_HEADERS: ReadonlySet<string> = new Set([
  'authorization',
  'proxy-authorization',
  'x-fc-security-token',
  'x-acs-security-token',
  'x-fc-access-key-secret',
]);

/** Authorization values fc-sim signs (FC 2.0 `FC <id>:<signature>`, ACS3 `ACS3-HMAC-SHA256 Credential=…`), wherever they appear. */
const AUTHORIZATION_VALUES: readonly RegExp[] = [/\bFC [A-Za-z0-9._-]+:[A-Za-z0-9+/]+=*/g, /\bACS3-HMAC-SHA256 [^\s"'\\]+/g];

/**
 * Replaces credentials in text: the secrets it was given (as they are, URL-encoded and JSON-escaped) and any signed
 * Authorization value. Secrets shorter than 4 characters are not registered: they would blank out ordinary text.
 */
export class Redactor {
  private secrets: string[] = [];

  constructor(secrets: ReadonlyArray<string | undefined> = []) {
    for (const secret of secrets) this.add(secret);
  }

  add(secret: string | undefined): this {
    if (secret === undefined || secret.length < 4) return this;
    const variants = [secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)];
    this.secrets = [...new Set([...this.secrets, ...variants])].sort((a, b) => b.length - a.length);
    return this;
  }

  redact(text: string): string {
    let result = text;
    for (const secret of this.secrets) if (result.includes(secret)) result = result.split(secret).join(REDACTED);
    for (const pattern of AUTHORIZATION_VALUES)
      result = result.replace(pattern, (match) => `${match.startsWith('FC ') ? 'FC' : 'ACS3-HMAC-SHA256'} ${REDACTED}`);
    return result;
  }

  /** Headers with credential values replaced (names kept, so one sees that they were sent). */
  headers<V extends string | readonly string[] | undefined>(headers: Readonly<Record<string, V>>): Record<string, V | string> {
    return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, SENSITIVE_HEADERS.has(name.toLowerCase()) ? REDACTED : value]));
  }
}

/** Anything written to: process.stdout and process.stderr, or the CLI's captured output in tests. */
interface Writable {
  write(chunk: never, ...rest: never[]): unknown;
}

/**
 * Redacts everything this process writes to stdout and stderr from now on (the CLI calls it as soon as a remote
 * target holds credentials): a last line of defence behind the records and messages that are redacted where they
 * are built. Returns a function that restores the streams.
 */
export function guardOutput(redactor: Redactor, streams: ReadonlyArray<Writable> = [process.stdout, process.stderr]): () => void {
  const restores = streams.map((stream) => {
    const original = stream.write;
    const guarded = function (this: Writable, chunk: unknown, ...rest: unknown[]) {
      let safe = chunk;
      if (typeof chunk === 'string') safe = redactor.redact(chunk);
      else if (chunk instanceof Uint8Array) {
        const text = Buffer.from(chunk).toString('utf8');
        // Bytes that are not text are written as they are: redacting would corrupt them.
        if (Buffer.from(text, 'utf8').equals(Buffer.from(chunk))) safe = redactor.redact(text);
      }
      return (original as (...args: unknown[]) => unknown).call(this, safe, ...rest);
    };
    stream.write = guarded;
    return () => {
      if (stream.write === guarded) stream.write = original;
    };
  });
  return () => {
    for (const restore of restores) restore();
  };
}
