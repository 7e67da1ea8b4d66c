import { parse } from 'yaml';
import { toContentYaml } from '../../src/importer/content-writer';
import { contentFileSchema } from '../../src/protocol/content-schema';
import { parseProtocol } from '../../src/protocol/content-loader';
import { aContentClause, aContentFile } from '../builders/content-builders';

const validContent = (overrides = {}) => contentFileSchema.parse(aContentFile(overrides));

describe('toContentYaml', () => {
  test('writes a file the loader reads back to the same content', () => {
    const content = validContent();
    const protocol = parseProtocol(toContentYaml(content), 'testtown.yaml');
    expect(protocol.clauses.map((c) => [c.id, c.heading, c.text, c.items.map((i) => i.label), c.tail])).toEqual(
      content.clauses.map((c) => [c.id, c.heading ?? expect.any(String), c.text, c.items.map((i) => i.label), c.tail]),
    );
    expect(protocol.escalation.councillor.steps).toEqual(content.escalation.councillor.steps);
  });

  test('keeps a second-level list under its item, word for word', () => {
    const content = validContent({
      clauses: [
        aContentClause({ id: '2', heading: 'Definitions' }),
        aContentClause({
          id: '2.1',
          text: 'In this protocol:',
          items: [
            { label: '1', text: 'Senior officers means:', items: [{ label: '1', text: 'the Chief Executive;' }, { label: '2', text: 'the Strategic Directors.' }] },
            { label: '2', text: 'Officer means any employee.' },
          ],
        }),
      ],
    });
    const protocol = parseProtocol(toContentYaml(content), 'testtown.yaml');
    const items = protocol.clauses.find((c) => c.id === '2.1')!.items;
    expect(items[0]!.items?.map((s) => s.text)).toEqual(['the Chief Executive;', 'the Strategic Directors.']);
    expect(items[1]!.items ?? []).toEqual([]);
  });

  test('quotes clause numbers and bullet labels so YAML keeps them as text ("2.10", "1")', () => {
    const content = validContent({
      clauses: [
        aContentClause({ id: '2', heading: 'Roles' }),
        aContentClause({ id: '2.10', items: [{ label: '1', text: 'a working partnership' }] }),
      ],
      escalation: {
        councillor: { steps: [{ to: 'The Clerk', when: 'First.', clause: '2.10', governs: ['2.10'] }] },
        officer: { steps: [{ to: 'The Clerk', when: 'First.' }] },
      },
    });
    const yaml = toContentYaml(content);
    expect(yaml).toContain('- id: "2.10"');
    expect(yaml).toContain('- label: "1"');
    const raw = parse(yaml) as { clauses: { id: unknown }[] };
    expect(raw.clauses[1]!.id).toBe('2.10');
  });

  test('keeps paragraphs apart in a literal block and folds long single paragraphs', () => {
    const long = 'The relationship between Councillors and officers is an essential ingredient that goes into the successful working of the organisation.';
    const content = validContent({
      clauses: [
        aContentClause({ id: '1', heading: 'Intro', text: long, tail: 'First paragraph.\n\nSecond paragraph.' }),
        aContentClause({ id: '2.1', heading: 'Escalation' }),
      ],
    });
    const yaml = toContentYaml(content);
    expect(yaml).toMatch(/text: >-\n/);
    expect(yaml).toMatch(/tail: \|-\n\s+First paragraph\.\n\n\s+Second paragraph\./);
    expect(parseProtocol(yaml, 'x.yaml').clauses[0]).toMatchObject({ text: long, tail: 'First paragraph.\n\nSecond paragraph.' });
  });

  test('leaves out empty text, items and tail', () => {
    const yaml = toContentYaml(validContent({ clauses: [aContentClause({ id: '1', heading: 'Introduction', text: undefined })] }));
    expect(yaml).toMatch(/- id: "1"\n\s+heading: Introduction\n(?!\s+(text|items|tail):)/);
  });

  test('opens with a header naming the council, what to check, and what the importer noticed', () => {
    const yaml = toContentYaml(validContent(), ['Removed repeated page header "X" (2×).']);
    const header = yaml.split('\nid:')[0]!;
    expect(header).toMatch(/^# Testtown Town Council: Member\/Officer Relations Protocol\./);
    expect(header).toContain('Clause text is verbatim');
    expect(header).toContain('escalation');
    expect(header).toContain('#  - Removed repeated page header "X" (2×).');
  });

  test('marks a default route as a council setting', () => {
    const yaml = toContentYaml(validContent());
    expect(yaml).toMatch(/officer:\n\s+council_setting: true # true = a default route chosen by the bot, not protocol text/);
    expect(yaml).toMatch(/councillor:\n\s+council_setting: false\n/);
  });
});
