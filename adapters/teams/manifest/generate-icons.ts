/**
 * Writes color.png and outline.png next to this file. Run after changing icons.ts:
 *   npx tsx adapters/teams/manifest/generate-icons.ts
 * The PNGs are committed; a test checks they match what icons.ts draws.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { colorIcon, outlineIcon } from './icons';

writeFileSync(join(__dirname, 'color.png'), colorIcon());
writeFileSync(join(__dirname, 'outline.png'), outlineIcon());
process.stdout.write(`Wrote color.png (192x192) and outline.png (32x32) in ${__dirname}\n`);
