/** The App Home tab: what the bot can do, the council's protocol sections to open, officers' extras. */
import type { types } from '@slack/bolt';
import type { ProtocolCore } from '../../src/core';
import { helpText } from '../../src/messages';
import type { Role } from '../../src/protocol/model';
import { ACTIONS, encodeClauseRef } from './action-values';
import { type Block, actions, button, context, divider, header, section, sections } from './block-kit';
import { LIMITS, escapeAndTruncate, escapeMrkdwn } from './mrkdwn';
import { slackMessages } from './slack-messages';

/** Leaves room in the 100-block view for the intro and the officers' part. */
const MAX_SECTIONS = 80;

export function homeView(core: ProtocolCore, council: string, role: Role): types.HomeView {
  const protocol = core.protocol(council);
  const blocks: Block[] = [
    header(protocol.name),
    context(escapeMrkdwn(protocol.title)),
    ...sections(escapeMrkdwn(helpText(protocol, { platformCommand: slackMessages.command }))),
    divider(),
    section(`*${escapeMrkdwn(slackMessages.homeSections)}*`),
  ];
  const all = core.sections(council);
  for (const [i, s] of all.slice(0, MAX_SECTIONS).entries()) {
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: escapeAndTruncate(`${s.id}  ${s.heading}`, LIMITS.sectionText) },
      accessory: button('Open', `${ACTIONS.openClause}_${i}`, encodeClauseRef({ k: council, id: s.id })),
    });
  }
  if (all.length > MAX_SECTIONS) blocks.push(context(`…and ${all.length - MAX_SECTIONS} more: ask for them by number.`));
  if (role === 'officer') {
    blocks.push(
      divider(),
      section(`*${escapeMrkdwn(slackMessages.homeOfficers)}*`),
      ...actions([button(slackMessages.noticeOpenButton, ACTIONS.openNoticeForm, 'open', 'primary')]),
    );
  }
  return { type: 'home', blocks: blocks.slice(0, LIMITS.viewBlocks) };
}
