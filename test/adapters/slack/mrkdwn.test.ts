/** Escaping and Block Kit size limits for text the bot shows in Slack. */
import { LIMITS, escapeAndTruncate, escapeMrkdwn, plainFromSlack, quote, splitMrkdwn, userMention } from '../../../adapters/slack/mrkdwn';

describe('Slack mrkdwn', () => {
  it('escapes &, < and > so special mentions stay text', () => {
    expect(escapeMrkdwn('<!channel> <!here|here> <@U123> <#C1> & <https://x|y>')).toBe(
      '&lt;!channel&gt; &lt;!here|here&gt; &lt;@U123&gt; &lt;#C1&gt; &amp; &lt;https://x|y&gt;',
    );
  });

  it('only turns real-looking user ids into mentions', () => {
    expect(userMention('U0123ABC')).toBe('<@U0123ABC>');
    expect(userMention('U1> <!channel')).toBe('U1&gt; &lt;!channel');
  });

  it('quotes every line', () => {
    expect(quote('one\n\ntwo <b>')).toBe('> one\n>\n> two &lt;b&gt;');
  });

  it('splits long text into section-sized pieces at line breaks and spaces, losing nothing', () => {
    const paragraph = 'The Clerk & the Chair <agree> on matters of staffing. '.repeat(40);
    const text = quote(Array.from({ length: 8 }, () => paragraph).join('\n'));

    const pieces = splitMrkdwn(text);

    expect(pieces.length).toBeGreaterThan(3);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(LIMITS.sectionText);
    for (const piece of pieces) expect(piece.startsWith('> ')).toBe(true); // a continued quote stays a quote
    const words = (s: string) => s.replace(/(^|\n)> ?/g, ' ').split(/\s+/).filter(Boolean);
    expect(words(pieces.join('\n'))).toEqual(words(text));
  });

  it('never cuts inside an entity, even in a line with no spaces', () => {
    const text = '&'.repeat(2000); // 10,000 characters once escaped
    const pieces = splitMrkdwn(escapeMrkdwn(text), 3000);

    for (const piece of pieces) {
      expect(piece.length).toBeLessThanOrEqual(3000);
      expect(piece).toMatch(/^(&amp;)+$/);
    }
    expect(pieces.join('')).toBe(escapeMrkdwn(text));
  });

  it('truncates after escaping without leaving half an entity', () => {
    const cut = escapeAndTruncate('a&b'.repeat(100), 50);
    expect(cut.length).toBeLessThanOrEqual(50);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut.slice(0, -1)).not.toMatch(/&[a-z]*$/);
  });
});

describe('text from Slack', () => {
  it('reads mentions, channels and links as the user saw them, and decodes entities', () => {
    expect(plainFromSlack('<@U1|alice> <@U2> <#C1|general> <!channel> <!here> <!subteam^S1|@clerks> <https://x.org|the site> <https://y.org>')).toBe(
      '@alice @U2 #general @channel @here @clerks the site https://y.org',
    );
    expect(plainFromSlack('MSc &amp; MBA &lt;b&gt; &amp;lt;')).toBe('MSc & MBA <b> &lt;');
  });

  it('round-trips: what a user typed comes back displayed as typed, never as a mention', () => {
    const typed = plainFromSlack('&lt;!channel&gt; &amp; <!here>');
    expect(escapeMrkdwn(typed)).toBe('&lt;!channel&gt; &amp; @here');
  });
});
