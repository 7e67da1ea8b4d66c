/**
 * Which workspace a Slack request comes from, and whether the installed one serves it: a plain
 * workspace install serves its own team only; an Enterprise Grid org-wide install serves every
 * workspace of its enterprise; a workspace install inside a Grid also takes enterprise-level
 * requests that name no team.
 */
import { servesWorkspace, workspaceOf } from '../../../adapters/slack/workspace-gate';

describe('workspace gate', () => {
  it('reads the workspace from each kind of payload', () => {
    expect(workspaceOf({ type: 'event_callback', team_id: 'T1', authorizations: [{ team_id: 'T2', enterprise_id: 'E1' }] })).toEqual({ teamId: 'T2', enterpriseId: 'E1' });
    expect(workspaceOf({ type: 'event_callback', team_id: 'T1' })).toEqual({ teamId: 'T1', enterpriseId: undefined });
    expect(workspaceOf({ command: '/protocol', team_id: 'T3', enterprise_id: 'E2' })).toEqual({ teamId: 'T3', enterpriseId: 'E2' });
    expect(workspaceOf({ type: 'block_actions', team: { id: 'T4' }, user: { team_id: 'T9' } })).toEqual({ teamId: 'T4', enterpriseId: undefined });
    expect(workspaceOf({ type: 'view_submission', team: null, enterprise: { id: 'E3' }, user: { team_id: 'T5' } })).toEqual({ teamId: 'T5', enterpriseId: 'E3' });
    expect(workspaceOf({ type: 'block_actions' })).toEqual({ teamId: undefined, enterpriseId: undefined });
  });

  const workspace = { teamId: 'T1', orgWide: false };
  const inGrid = { teamId: 'T1', enterpriseId: 'E1', orgWide: false };
  const orgWide = { teamId: 'T1', enterpriseId: 'E1', orgWide: true };

  it.each([
    ['its own team', workspace, { teamId: 'T1' }, true],
    ['another team', workspace, { teamId: 'T2' }, false],
    ['a request naming no workspace', workspace, {}, false],
    ['another team of the same enterprise, to a workspace install', inGrid, { teamId: 'T2', enterpriseId: 'E1' }, false],
    ['an enterprise-level request naming no team, to a workspace install in the Grid', inGrid, { enterpriseId: 'E1' }, true],
    ['another team of the same enterprise, to an org-wide install', orgWide, { teamId: 'T2', enterpriseId: 'E1' }, true],
    ['a team of another enterprise, to an org-wide install', orgWide, { teamId: 'T2', enterpriseId: 'E2' }, false],
  ] as const)('%s', (_name, installed, from, served) => {
    expect(servesWorkspace(installed, from)).toBe(served);
  });
});
