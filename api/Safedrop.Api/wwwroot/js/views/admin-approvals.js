import { api } from '../api.js';
import { h, show, formatDate, errorText } from '../dom.js';
import { requireAdmin } from './admin.js';
import { statusBadge } from './share-dialog.js';

/** /admin/approvals: shares with external addresses waiting for an admin, across every Workspace. */
export async function approvalsView(app) {
  if (!await requireAdmin(app, 'Pending approvals')) return;
  const body = h('div', { id: 'approvals' }, h('p', { class: 'muted' }, 'Loading…'));
  const notice = h('div', { id: 'approval-notice', role: 'status' });
  show(app, h('section', { class: 'card' },
    h('h1', {}, 'Pending approvals'),
    h('p', { class: 'muted' }, 'Shares with external addresses made by people without the InviteExternalUsers permission. Approving sends the invitation; rejecting tells only the sharer.'),
    notice, body));

  const decide = async (share, verb) => {
    show(notice);
    try {
      const decided = await api('POST', `/v1/admin/share-approvals/${encodeURIComponent(share.workspace)}/${encodeURIComponent(share.email)}/${verb}`);
      show(notice, h('p', { class: 'success' }, `${decided.email} in Workspace ${decided.workspace}: `, statusBadge(decided.status)));
    } catch (error) {
      show(notice, h('p', { class: 'error' }, errorText(error)));
    }
    await refresh();
  };

  const refresh = async () => {
    try {
      const pending = await api('GET', '/v1/admin/share-approvals');
      show(body, pending.length === 0
        ? h('p', { class: 'muted', id: 'approvals-empty' }, 'Nothing is waiting for approval.')
        : h('table', { class: 'boxes', id: 'approval-list' },
          h('thead', {}, h('tr', {}, h('th', {}, 'Workspace'), h('th', {}, 'Address'), h('th', {}, 'Role'), h('th', {}, 'Shared by'), h('th', {}, h('span', { class: 'visually-hidden' }, 'Decision')))),
          h('tbody', {}, pending.map((s) => h('tr', { dataset: { workspace: s.workspace, email: s.email } },
            h('td', {}, s.workspace),
            h('td', { class: 'who' }, s.email),
            h('td', {}, s.role),
            h('td', { class: 'who' }, s.sharedBy, s.sharedAt ? h('div', { class: 'limits' }, formatDate(s.sharedAt)) : null),
            h('td', { class: 'row-actions' }, h('div', { class: 'row-buttons' },
              h('button', { type: 'button', class: 'small approve', onclick: () => decide(s, 'approve') }, 'Approve'),
              h('button', { type: 'button', class: 'small danger reject', onclick: () => decide(s, 'reject') }, 'Reject'))))))));
    } catch (error) {
      show(body, h('p', { class: 'error' }, errorText(error)));
    }
  };
  await refresh();
}
