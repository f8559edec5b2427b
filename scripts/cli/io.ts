import { readFileSync } from 'node:fs';
import { decodeText } from '../../lib/formats/import';
import { localCalendarDate } from '../../lib/calendar-date';

/** Exit codes of the `labs` CLI. */
export const EXIT = {
  ok: 0,
  /** A batch in which some panels could not be interpreted (the others were written). */
  partial: 1,
  /** Nothing valid: a bad single panel, a batch with no valid panel, or unreadable content. */
  invalid: 2,
  /** Unknown command or flag (sysexits EX_USAGE). */
  usage: 64,
  /** The input file cannot be read (sysexits EX_NOINPUT). */
  noInput: 66,
  /** Internal failure (sysexits EX_SOFTWARE). */
  software: 70,
} as const;

/** What a command may touch: its streams and the date. Commands never read `process` directly. */
export interface CliIo {
  readonly stdin: NodeJS.ReadableStream;
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  /** Progress is shown only when a person watches stderr. */
  readonly stderrIsTTY: boolean;
  /** Today's date (YYYY-MM-DD, local time): the CLI layer is the only place with a clock. */
  readonly today: string;
}

/**
 * The real process streams and today's date.
 * @returns the I/O of this process
 */
export function createProcessIo(): CliIo {
  return {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    stderrIsTTY: process.stderr.isTTY === true,
    today: localCalendarDate(new Date()),
  };
}

/**
 * Decodes an input file: UTF-16 when it starts with that byte order mark (lab exports from
 * spreadsheet programs often are), else UTF-8.
 * @param bytes - the file content
 * @returns the text
 */
function decodeInput(bytes: Buffer): string {
  const utf16 =
    (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  return utf16 ? (decodeText(bytes) ?? bytes.toString('utf8')) : bytes.toString('utf8');
}

/**
 * Reads a whole input: a file, or stdin for `-`.
 * @param source - a path or `-`
 * @param io - the streams
 * @returns the text, or a one-line reason it could not be read
 */
export async function readInput(
  source: string,
  io: CliIo,
): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  try {
    if (source === '-') {
      const chunks: Buffer[] = [];
      for await (const chunk of io.stdin) {
        chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
      }
      return { ok: true, text: decodeInput(Buffer.concat(chunks)) };
    }
    // One synchronous read straight to text: the promise API reads a large file in chunks and
    // decodes each, leaving a string that JSON.parse must first flatten, and a byte buffer read
    // first would sit beside the text until the next full GC. A UTF-16 file's byte order mark
    // reads as U+FFFD: such a file (or one that starts with U+FFFD) is read again as bytes.
    const text = readFileSync(source, 'utf8');
    return { ok: true, text: text.startsWith('\uFFFD') ? decodeInput(readFileSync(source)) : text };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a directory'
          : code === 'EACCES'
            ? 'permission denied'
            : error instanceof Error
              ? error.message
              : String(error);
    return { ok: false, message: `cannot read ${source === '-' ? 'stdin' : source}: ${reason}` };
  }
}

/** Characters of short texts joined before they are encoded. */
const PENDING_CHARS = 4096;

/**
 * Writes text to a stream in chunks of about 64 KiB, waiting when the stream asks to (so a large
 * batch never sits in memory as one string, and a slow pipe is not flooded). Text is encoded
 * into a byte buffer as it comes: joining strings and encoding the joined string at the end
 * cost a batch of 300,000 CSV lines more than building them.
 */
export class ChunkedWriter {
  private pending = '';
  private bytes: Buffer;
  private used = 0;
  private readonly stream: NodeJS.WritableStream;
  private readonly chunkSize: number;

  /**
   * @param stream - where to write
   * @param chunkSize - bytes to collect before each write
   */
  constructor(stream: NodeJS.WritableStream, chunkSize = 64 * 1024) {
    this.stream = stream;
    this.chunkSize = chunkSize;
    this.bytes = Buffer.allocUnsafe(chunkSize);
  }

  /**
   * Adds text; writes a chunk when enough has been collected.
   * @param text - the text
   * @returns a promise when the stream needs draining, otherwise undefined
   */
  write(text: string): Promise<void> | undefined {
    // Short texts are joined first (one encode per few KiB rather than one per text).
    this.pending += text;
    if (this.pending.length < PENDING_CHARS) return undefined;
    const pending = this.pending;
    this.pending = '';
    return this.encode(pending);
  }

  private encode(text: string): Promise<void> | undefined {
    // A UTF-16 code unit never takes more than 3 bytes in UTF-8.
    const most = text.length * 3;
    let waiting: Promise<void> | undefined;
    if (most > this.chunkSize - this.used) waiting = this.flushBytes();
    if (most > this.chunkSize) {
      // Larger than a chunk: written as it is, after what was collected.
      const written = this.stream.write(text);
      return written ? waiting : this.drained();
    }
    this.used += this.bytes.write(text, this.used, 'utf8');
    return waiting;
  }

  /**
   * Writes what has been collected and waits for the stream to drain if it asks to.
   * @returns when the stream accepts more
   */
  flush(): Promise<void> | undefined {
    if (this.pending !== '') {
      const pending = this.pending;
      this.pending = '';
      const waiting = this.encode(pending);
      if (waiting !== undefined) return waiting.then(() => this.flushBytes());
    }
    return this.flushBytes();
  }

  private flushBytes(): Promise<void> | undefined {
    if (this.used === 0) return undefined;
    // The stream may keep the chunk until it is written: the next text goes to a new buffer.
    const chunk = this.bytes.subarray(0, this.used);
    this.bytes = Buffer.allocUnsafe(this.chunkSize);
    this.used = 0;
    if (this.stream.write(chunk)) return undefined;
    return this.drained();
  }

  private drained(): Promise<void> {
    return new Promise((resolve) => this.stream.once('drain', () => resolve()));
  }
}

/**
 * Writes lines to stderr (one per problem).
 * @param io - the streams
 * @param lines - the lines, without line ends
 */
export function writeErrors(io: CliIo, lines: readonly string[]): void {
  if (lines.length > 0) io.stderr.write(`${lines.join('\n')}\n`);
}
