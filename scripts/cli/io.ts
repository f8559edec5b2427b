import { readFileSync } from 'node:fs';
import type { CsvOutput } from '../../lib/formats/csv/write';
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
    // Read when a command reads stdin (`-`): creating the stream costs every run a few ms.
    get stdin() {
      return process.stdin;
    },
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

/** Texts up to this length are copied character by character; longer ones are encoded whole. */
const SHORT_TEXT = 64;
const COMMA = 0x2c;
const LINE_FEED = 0x0a;

/**
 * Writes text to a stream in chunks of about 64 KiB, waiting when the stream asks to (so a large
 * batch never sits in memory as one string, and a slow pipe is not flooded). Text goes straight
 * into a byte buffer as it comes. A CSV batch writes 300,000 lines field by field
 * ({@link CsvOutput}): copying each short field's characters costs less than joining the fields
 * into line strings and encoding those, which V8 must first flatten (bench:interpret).
 */
export class ChunkedWriter implements CsvOutput {
  private bytes: Buffer;
  private used = 0;
  /** Set when the stream asked to wait: resolves on its next `drain`. */
  private waiting: Promise<void> | undefined;
  private readonly stream: NodeJS.WritableStream;
  private readonly chunkSize: number;

  /**
   * @param stream - where to write
   * @param chunkSize - bytes to collect before each write (at least 16)
   */
  constructor(stream: NodeJS.WritableStream, chunkSize = 64 * 1024) {
    this.stream = stream;
    this.chunkSize = Math.max(16, chunkSize);
    this.bytes = Buffer.allocUnsafe(this.chunkSize);
  }

  /**
   * Adds text (UTF-8 encoded).
   * @param text - the text
   * @returns a promise when the stream needs draining, otherwise undefined
   */
  write(text: string): Promise<void> | undefined {
    this.append(text);
    return this.ready();
  }

  /**
   * Adds one CSV field and the comma after it.
   * @param text - the field as written in the file (escaped)
   */
  field(text: string): void {
    this.appendWith(text, COMMA);
  }

  /**
   * Adds the last CSV field of a line and the line end.
   * @param text - the field as written in the file (escaped)
   */
  lastField(text: string): void {
    this.appendWith(text, LINE_FEED);
  }

  /**
   * Whether the stream asked to wait since the last call: await the promise before adding more.
   * @returns a promise that resolves when the stream drains, or undefined
   */
  ready(): Promise<void> | undefined {
    const waiting = this.waiting;
    this.waiting = undefined;
    return waiting;
  }

  /**
   * Writes what has been collected.
   * @returns a promise when the stream needs draining, otherwise undefined
   */
  flush(): Promise<void> | undefined {
    this.flushBytes();
    return this.ready();
  }

  private append(text: string): void {
    const length = text.length;
    if (length > SHORT_TEXT || length > this.chunkSize) {
      this.appendEncoded(text);
      return;
    }
    if (this.used + length > this.chunkSize) this.flushBytes();
    const copied = this.copyAscii(text);
    if (copied < length) this.appendEncoded(text.slice(copied));
  }

  /** A CSV field and the byte after it, with one room check for both (the common case). */
  private appendWith(text: string, byte: number): void {
    const length = text.length;
    if (length >= SHORT_TEXT || length >= this.chunkSize) {
      this.append(text);
      this.appendByte(byte);
      return;
    }
    if (this.used + length + 1 > this.chunkSize) this.flushBytes();
    const copied = this.copyAscii(text);
    if (copied === length) {
      this.bytes[this.used++] = byte;
      return;
    }
    this.appendEncoded(text.slice(copied));
    this.appendByte(byte);
  }

  /**
   * Copies the text's characters as bytes up to the first that is not ASCII (the caller has
   * made room for all of them).
   * @param text - the text
   * @returns how many characters were copied (the text's length when all were ASCII)
   */
  private copyAscii(text: string): number {
    const bytes = this.bytes;
    const length = text.length;
    let used = this.used;
    let index = 0;
    for (; index < length; index++) {
      const code = text.charCodeAt(index);
      if (code >= 0x80) break;
      bytes[used++] = code;
    }
    this.used = used;
    return index;
  }

  private appendByte(byte: number): void {
    if (this.used === this.chunkSize) this.flushBytes();
    this.bytes[this.used++] = byte;
  }

  private appendEncoded(text: string): void {
    // A UTF-16 code unit never takes more than 3 bytes in UTF-8.
    const most = text.length * 3;
    if (most > this.chunkSize - this.used) this.flushBytes();
    if (most > this.chunkSize) {
      // Larger than a chunk: written as it is, after what was collected.
      this.send(Buffer.from(text, 'utf8'));
      return;
    }
    this.used += this.bytes.write(text, this.used, 'utf8');
  }

  private flushBytes(): void {
    if (this.used === 0) return;
    // The stream may keep the chunk until it is written: the next text goes to a new buffer.
    const chunk = this.bytes.subarray(0, this.used);
    this.bytes = Buffer.allocUnsafe(this.chunkSize);
    this.used = 0;
    this.send(chunk);
  }

  private send(chunk: Buffer): void {
    if (this.stream.write(chunk) || this.waiting !== undefined) return;
    this.waiting = new Promise((resolve) => this.stream.once('drain', () => resolve()));
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
