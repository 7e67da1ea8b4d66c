/**
 * Little-endian reads from a Word 97-2003 stream, each checked against the stream's end: an offset a
 * damaged .doc points past its stream throws DocDamageError instead of reading undefined.
 */

/** A .doc whose structures point outside their streams or contradict each other. */
export class DocDamageError extends Error {
  override name = 'DocDamageError';
}

export class Bytes {
  private readonly view: DataView;

  constructor(readonly data: Uint8Array) {
    this.view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  }

  get length(): number {
    return this.data.length;
  }

  private check(at: number, size: number): void {
    if (!Number.isInteger(at) || at < 0 || at + size > this.data.length) throw new DocDamageError(`read of ${size} at ${at} past ${this.data.length}`);
  }

  u8(at: number): number {
    this.check(at, 1);
    return this.data[at]!;
  }

  u16(at: number): number {
    this.check(at, 2);
    return this.view.getUint16(at, true);
  }

  i16(at: number): number {
    this.check(at, 2);
    return this.view.getInt16(at, true);
  }

  u32(at: number): number {
    this.check(at, 4);
    return this.view.getUint32(at, true);
  }

  i32(at: number): number {
    this.check(at, 4);
    return this.view.getInt32(at, true);
  }

  slice(at: number, size: number): Uint8Array {
    this.check(at, size);
    return this.data.subarray(at, at + size);
  }

  /** The bytes a table-stream pointer names, or undefined when it names none. */
  range(fc: number, lcb: number): Bytes | undefined {
    return lcb === 0 ? undefined : new Bytes(this.slice(fc, lcb));
  }
}
