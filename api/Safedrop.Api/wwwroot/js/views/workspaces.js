import { api, currentUser } from '../api.js';
import { h, show, formatBytes, errorText } from '../dom.js';
import { signInCard } from './sign-in.js';

/** /w: the Workspaces I have a role in, and a form to create one when I hold WorkspaceOwnership. */
export async function workspacesView(app) {
  const user = await currentUser();
  if (!user) {
    show(app, signInCard({ title: 'Sign in to see your Workspaces', onSignedIn: () => location.reload() }));
    return;
  }

  const list = h('div', { id: 'workspaces' }, h('p', { class: 'muted' }, 'Loading…'));
  const mayCreate = user.permissions?.some((p) => p.permission === 'WorkspaceOwnership' && p.held);
  show(app, h('section', { class: 'card' }, h('h1', {}, 'Workspaces'), list), mayCreate ? createCard() : null);

  try {
    const workspaces = await api('GET', '/v1/workspaces');
    show(list, workspaces.length === 0
      ? h('p', { class: 'muted', id: 'workspaces-empty' }, 'You have no role in any Workspace yet.')
      : h('table', { class: 'boxes', id: 'workspace-list' },
        h('thead', {}, h('tr', {}, h('th', {}, 'Workspace'), h('th', {}, 'My role'), h('th', {}, 'Owner'), h('th', {}, 'Used'))),
        h('tbody', {}, workspaces.map((w) => h('tr', { dataset: { workspace: w.name } },
          h('td', {}, h('a', { href: `/w/${encodeURIComponent(w.name)}` }, w.displayName || w.name)),
          h('td', {}, roleBadge(w.role, w.external)),
          h('td', { class: 'who' }, w.owner),
          h('td', { class: 'when' }, `${formatBytes(w.usedBytes)} of ${formatBytes(w.quotaBytes)}`))))));
  } catch (error) {
    show(list, h('p', { class: 'error', role: 'alert' }, errorText(error)));
  }
}

export function roleBadge(role, external) {
  return h('span', { class: `badge role-${role.toLowerCase()}` }, external ? `${role} (external)` : role);
}

function createCard() {
  const name = h('input', { type: 'text', id: 'new-workspace-name', required: true, pattern: '[a-z0-9]+(-+[a-z0-9]+)*', maxlength: 63, placeholder: 'e.g. project-apollo' });
  const displayName = h('input', { type: 'text', id: 'new-workspace-title', maxlength: 200, placeholder: 'Optional' });
  const quota = h('input', { type: 'text', id: 'new-workspace-quota', placeholder: '10Gi', pattern: '[0-9]+(Ki|Mi|Gi|Ti)?' });
  const submit = h('button', { type: 'submit', id: 'create-workspace' }, 'Create Workspace');
  const result = h('p', { role: 'status' });
  const form = h('form', {
    onsubmit: async (event) => {
      event.preventDefault();
      submit.disabled = true;
      result.className = '';
      result.textContent = 'Creating…';
      try {
        const created = await api('POST', '/v1/workspaces', { name: name.value.trim(), displayName: displayName.value.trim() || undefined, quota: quota.value.trim() || undefined });
        if (created.state === 'ready') { location.assign(`/w/${encodeURIComponent(created.name)}`); return; }
        result.className = 'success';
        result.textContent = `Workspace ${created.name} is being created; it appears in the list within a few seconds.`;
      } catch (error) {
        result.className = 'error';
        result.textContent = errorText(error);
      }
      submit.disabled = false;
    },
  },
  h('label', { for: 'new-workspace-name' }, 'Name (lower-case letters, digits and -)'), name,
  h('label', { for: 'new-workspace-title' }, 'Display name'), displayName,
  h('label', { for: 'new-workspace-quota' }, 'Quota'), quota,
  submit, result);
  return h('section', { class: 'card', id: 'create-workspace-card' }, h('h2', {}, 'New Workspace'), form);
}
