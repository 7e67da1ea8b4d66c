/** Someone a question only mentions is who it is about, not what it asks (shared knowledge only, no hints). */
import { loadCore } from '../../src/protocol-core';

const core = loadCore('content', 'bfstc', { hints: false });
const top = (text: string, council = 'bfstc') => core.ask({ council, role: 'councillor', text }).clauses[0]?.id;

describe('a subject named only by a person the question mentions', () => {
  it('counts less than what the question asks ("…the events officer… can I do her annual appraisal?")', () => {
    expect(top('I work closely with the events officer on the summer fair. Can I do her annual appraisal?')).toBe('2.2');
  });
});
