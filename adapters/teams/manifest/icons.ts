/**
 * The Teams app icons, drawn in code and encoded as PNG with node:zlib (no image libraries):
 * color.png 192x192 (a protocol document on the accent colour) and outline.png 32x32 (the same
 * document in white on transparent, as Teams requires). generate-icons.ts writes them to disk.
 */
import { deflateSync } from 'node:zlib';

export const ACCENT = { r: 0x1f, g: 0x5c, b: 0x99 };
const WHITE = { r: 255, g: 255, b: 255 };

type Shape = (x: number, y: number) => boolean;

/** Inside a rectangle with rounded corners (coordinates in icon units 0..1). */
function roundedRect(x0: number, y0: number, x1: number, y1: number, radius: number): Shape {
  return (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const cx = Math.min(Math.max(x, x0 + radius), x1 - radius);
    const cy = Math.min(Math.max(y, y0 + radius), y1 - radius);
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
  };
}

/** The document: a page with a folded top-right corner. */
function page(x0: number, y0: number, x1: number, y1: number, fold: number): Shape {
  const body = roundedRect(x0, y0, x1, y1, 0.02);
  return (x, y) => body(x, y) && x - x1 + fold <= y - y0;
}

/** The three lines of text on the page (and a section mark's worth of a short one). */
function textLines(x0: number, x1: number, ys: number[], thickness: number): Shape {
  return (x, y) => ys.some((ly, i) => Math.abs(y - ly) <= thickness / 2 && x >= x0 && x <= (i === ys.length - 1 ? x0 + (x1 - x0) * 0.6 : x1));
}

function outlineOf(shape: Shape, width: number): Shape {
  return (x, y) => shape(x, y) && !(shape(x - width, y) && shape(x + width, y) && shape(x, y - width) && shape(x, y + width) && shape(x - width, y - width) && shape(x + width, y + width) && shape(x + width, y - width) && shape(x - width, y + width));
}

/** Coverage of a shape over one pixel, from 4x4 samples: anti-aliased edges. */
function coverage(shape: Shape, px: number, py: number, size: number): number {
  let hits = 0;
  for (let sy = 0; sy < 4; sy += 1) for (let sx = 0; sx < 4; sx += 1) if (shape((px + (sx + 0.5) / 4) / size, (py + (sy + 0.5) / 4) / size)) hits += 1;
  return hits / 16;
}

/** 192x192, full colour: the white document with accent-coloured lines on an accent tile. */
export function colorIcon(): Buffer {
  const size = 192;
  // Full-bleed: Teams rounds the corners itself.
  const tile = roundedRect(0, 0, 1, 1, 0);
  const doc = page(0.27, 0.18, 0.73, 0.82, 0.13);
  const lines = textLines(0.35, 0.65, [0.42, 0.54, 0.66], 0.045);
  const rgba = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const onTile = coverage(tile, x, y, size);
      const onDoc = coverage((u, v) => doc(u, v) && !lines(u, v), x, y, size);
      const i = (y * size + x) * 4;
      rgba[i] = Math.round(ACCENT.r + (WHITE.r - ACCENT.r) * onDoc);
      rgba[i + 1] = Math.round(ACCENT.g + (WHITE.g - ACCENT.g) * onDoc);
      rgba[i + 2] = Math.round(ACCENT.b + (WHITE.b - ACCENT.b) * onDoc);
      rgba[i + 3] = Math.round(255 * onTile);
    }
  }
  return encodePng(size, size, rgba);
}

/** 32x32, white on transparent: the document's outline and its lines. */
export function outlineIcon(): Buffer {
  const size = 32;
  const doc = page(0.2, 0.08, 0.8, 0.92, 0.18);
  const edge = outlineOf(doc, 2.2 / size);
  const lines = textLines(0.33, 0.67, [0.42, 0.58, 0.74], 2 / size);
  const rgba = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const i = (y * size + x) * 4;
      rgba.fill(255, i, i + 3);
      rgba[i + 3] = Math.round(255 * coverage((u, v) => edge(u, v) || lines(u, v), x, y, size));
    }
  }
  return encodePng(size, size, rgba);
}

/** An 8-bit RGBA PNG: signature, IHDR, one IDAT (rows with filter type 0), IEND. */
export function encodePng(width: number, height: number, rgba: Buffer): Buffer {
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y += 1) rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type RGBA, deflate, no filter method variants, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
