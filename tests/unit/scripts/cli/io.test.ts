/**
 * The CLI's chunked writer (scripts/cli/io.ts): whatever the mix of texts, CSV fields, chunk sizes
 * and characters, the bytes that reach the stream are the UTF-8 of the same text joined, in order,
 * and a stream that asks to wait is waited for.
 */
import { Writable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChunkedWriter } from '@/scripts/cli/io';

/** A stream that keeps what it is given; `accept` says what each write returns. */
function collector(accept: () => boolean = () => true) {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(Buffer.from(chunk));
      done();
    },
  });
  const write = stream.write.bind(stream);
  stream.write = ((chunk: Buffer) => write(chunk) && accept()) as typeof stream.write;
  return { stream, text: () => Buffer.concat(chunks).toString('utf8'), chunks };
}

type Op = { kind: 'write' | 'field' | 'lastField'; text: string };

function apply(writer: ChunkedWriter, op: Op): void {
  if (op.kind === 'write') void writer.write(op.text);
  else if (op.kind === 'field') writer.field(op.text);
  else writer.lastField(op.text);
}

function expected(ops: readonly Op[]): string {
  return ops
    .map((op) =>
      op.kind === 'write' ? op.text : op.kind === 'field' ? `${op.text},` : `${op.text}\n`,
    )
    .join('');
}

describe('ChunkedWriter', () => {
  it('writes CSV fields and lines, with non-ASCII text encoded as UTF-8', async () => {
    const sink = collector();
    const writer = new ChunkedWriter(sink.stream);
    void writer.write('panel_id,analyte\n');
    writer.field('Zoë');
    writer.lastField('vitamin-d');
    writer.field('患者 😀');
    writer.lastField('');
    await writer.flush();
    expect(sink.text()).toBe('panel_id,analyte\nZoë,vitamin-d\n患者 😀,\n');
  });

  it('keeps the order of texts longer and shorter than a chunk', async () => {
    const sink = collector();
    const writer = new ChunkedWriter(sink.stream, 16);
    const long = 'x'.repeat(40);
    const ops: Op[] = [
      { kind: 'field', text: 'abc' },
      { kind: 'write', text: long },
      { kind: 'lastField', text: 'é'.repeat(10) },
      { kind: 'field', text: '0123456789abcdef' },
      { kind: 'lastField', text: 'z' },
    ];
    for (const op of ops) apply(writer, op);
    await writer.flush();
    expect(sink.text()).toBe(expected(ops));
    // Never more than a chunk at once, except a text that may not fit one, written as it is.
    const whole = new Set(ops.map((op) => op.text));
    expect(sink.chunks.every((chunk) => chunk.length <= 16 || whole.has(chunk.toString()))).toBe(
      true,
    );
  });

  it('says to wait when the stream asks to, and goes on after its drain', async () => {
    let refuse = true;
    const sink = collector(() => !refuse);
    const writer = new ChunkedWriter(sink.stream, 16);
    writer.lastField('a'.repeat(20));
    const waiting = writer.ready();
    expect(waiting).toBeInstanceOf(Promise);
    // Asked once: the next call has nothing to wait for until the stream refuses again.
    expect(writer.ready()).toBeUndefined();
    refuse = false;
    sink.stream.emit('drain');
    await waiting;
    writer.lastField('b');
    await writer.flush();
    expect(sink.text()).toBe(`${'a'.repeat(20)}\nb\n`);
  });

  it('gives the stream exactly the UTF-8 of the joined text, for any texts and chunk size', async () => {
    const op = fc.record({
      kind: fc.constantFrom<Op['kind']>('write', 'field', 'lastField'),
      // Lengths spread evenly up to 100, across the chunk sizes below and the short-text limit.
      text: fc
        .nat({ max: 100 })
        .chain((length) =>
          fc.oneof(
            fc.string({ minLength: length, maxLength: length }),
            fc.string({ unit: 'grapheme', minLength: length >> 2, maxLength: length >> 2 }),
          ),
        ),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(op, { maxLength: 40 }),
        fc.integer({ min: 16, max: 200 }),
        async (ops, size) => {
          const sink = collector();
          const writer = new ChunkedWriter(sink.stream, size);
          for (const item of ops) apply(writer, item);
          await writer.flush();
          expect(sink.text()).toBe(expected(ops));
        },
      ),
    );
  });
});
