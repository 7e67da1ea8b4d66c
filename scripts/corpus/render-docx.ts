import type { ContentFile } from '../../src/protocol/content-schema';
import type { Layout } from './layout-schema';
export async function renderDocx(_c: ContentFile, _l: Layout): Promise<Buffer> { throw new Error('todo'); }
