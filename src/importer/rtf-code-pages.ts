/**
 * The code pages an RTF's bytes (`\'92`) are written in: the document's `\ansicpg` (Windows-1252 unless it
 * says otherwise), or a font's own character set (`\fcharset238` is Central European, 1250).
 */
import { decodeCharset } from './text-decoding';

/** Symbol-font text: its bytes are glyphs, not letters; only the bullets mean anything in a protocol. */
export const SYMBOL = -1;

/** Windows font character sets (`\fcharsetN`) and the code pages they write in. */
const CHARSET_CODE_PAGES: Record<number, number> = {
  2: SYMBOL,
  77: 10000,
  128: 932,
  129: 949,
  134: 936,
  136: 950,
  161: 1253,
  162: 1254,
  163: 1258,
  177: 1255,
  178: 1256,
  186: 1257,
  204: 1251,
  222: 874,
  238: 1250,
};

/** The code page of a font with character set `charset`; ANSI and default fonts use the document's. */
export function charsetCodePage(charset: number | undefined, documentCodePage: number): number {
  return (charset !== undefined && CHARSET_CODE_PAGES[charset]) || documentCodePage;
}

const LABELS: Record<number, string> = { 65001: 'utf-8', 932: 'shift_jis', 936: 'gbk', 949: 'euc-kr', 950: 'big5', 10000: 'macintosh', 874: 'windows-874' };
const SYMBOL_GLYPHS: Record<number, string> = { 0xb7: '\u2022', 0xa7: '\u25AA' };

/** Bytes written in a code page, as text; a Symbol font's bullet as a bullet. Code pages Node cannot decode are read as Windows-1252. */
export function decodeBytes(bytes: readonly number[], codePage: number): string {
  if (codePage === SYMBOL) return bytes.map((b) => SYMBOL_GLYPHS[b] ?? '').join('');
  const label = LABELS[codePage] ?? (codePage >= 1250 && codePage <= 1258 ? `windows-${codePage}` : 'windows-1252');
  return decodeCharset(Uint8Array.from(bytes), label);
}
