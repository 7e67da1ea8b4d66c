import type { DocBlock } from './document-blocks';
import type { Layout } from './layout-schema';
export async function renderPdf(_b: DocBlock[], _l: Layout, _t: string): Promise<Buffer> { throw new Error('todo'); }
