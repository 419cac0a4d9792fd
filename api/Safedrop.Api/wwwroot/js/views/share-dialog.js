import { api } from '../api.js';
import { h, show, formatDate, formatDay, errorText } from '../dom.js';

const STATUS_LABELS = { Invited: 'Invited', PendingAdminApproval: 'Pending admin approval', Rejected: 'Rejected', Revoked: 'Revoked' };

/**
 * The share dialog of a Workspace (CoOwners): collaborators with their status, sharing with an address,
 * and web links. An address of another Organization gets no share; the API's offer of a web link is shown
 * with its explanation and made with one click.
 */
export function openShareDialog(workspace) {
  const name = workspace.name;
  const base = `/v1/workspaces/${encodeURIComponent(name)}`;
  const sharesBox = h('div', { id: 'shares' }, h('p', { class: 'muted' }, 'Loading…'));
  const linksBox = h('div', { id: 'links' });
  const shareError = h('div', { id: 'share-error', role: 'alert' });
  const newLink = h('div', { id: 'new-link' });
  // Colleagues may create links at the same time, so the new one is marked rather than assumed to be first.
  let createdLinkId = null;

  const refreshShares = async () => {
    try {
      const answer = await api('GET', `${base}/shares`);
      show(sharesBox, sharesTable(answer.shares));
    } catch (error) {
      show(sharesBox, h('p', { class: 'error' }, errorText(error)));
    }
  };
  const refreshLinks = async () => {
    try {
      show(linksBox, linksTable(await api('GET', `${base}/links`)));
    } catch (error) {
      show(linksBox, h('p', { class: 'error' }, errorText(error)));
    }
  };
  const act = async (action, after) => {
    show(shareError);
    try {
      await action();
    } catch (error) {
      show(shareError, h('p', { class: 'error' }, errorText(error)));
    }
    await after();
  };

  const sharesTable = (shares) => shares.length === 0
    ? h('p', { class: 'muted', id: 'no-shares' }, 'Nobody else has a role here yet.')
    : h('table', { class: 'boxes', id: 'share-list' },
      h('thead', {}, h('tr', {}, h('th', {}, 'Address'), h('th', {}, 'Role'), h('th', {}, 'Status'), h('th', {}, h('span', { class: 'visually-hidden' }, 'Actions')))),
      h('tbody', {}, shares.map((s) => h('tr', { dataset: { email: s.email, status: s.status, source: s.source } },
        h('td', { class: 'who' }, s.email, s.external ? h('span', { class: 'tag' }, 'external') : null),
        h('td', {}, s.role),
        h('td', {}, statusBadge(s.status),
          s.source === 'yaml' ? h('span', { class: 'tag declared', title: 'Declared in the Workspace resource: approved by definition, changed in YAML' }, 'declared in YAML') : null,
          s.invitedAt ? h('div', { class: 'limits', title: formatDate(s.invitedAt) }, `invited ${formatDay(s.invitedAt)}`) : null),
        h('td', { class: 'row-actions' }, s.source === 'api' ? h('div', { class: 'row-buttons' },
          s.status === 'Invited' ? h('button', { type: 'button', class: 'small secondary reinvite', onclick: () => act(() => api('POST', `${base}/shares/${encodeURIComponent(s.email)}/reinvite`), refreshShares) }, 'Reinvite') : null,
          s.status === 'Invited' || s.status === 'PendingAdminApproval' ? h('button', { type: 'button', class: 'small danger revoke', onclick: () => act(() => api('DELETE', `${base}/shares/${encodeURIComponent(s.email)}`), refreshShares) }, 'Revoke') : null) : null)))));

  const linksTable = (links) => links.length === 0
    ? h('p', { class: 'muted', id: 'no-links' }, 'No web links.')
    : h('table', { class: 'boxes', id: 'link-list' },
      h('thead', {}, h('tr', {}, h('th', {}, 'Permission'), h('th', {}, 'Folder'), h('th', {}, 'Created by'), h('th', {}, 'Expires'), h('th', {}, h('span', { class: 'visually-hidden' }, 'Actions')))),
      h('tbody', {}, links.map((l) => h('tr', { dataset: { id: l.id }, class: l.id === createdLinkId ? 'just-created' : null },
        h('td', {}, l.permission), h('td', {}, l.path ? `/${l.path}` : '/ (all)'), h('td', { class: 'who' }, l.createdBy),
        h('td', { class: 'when', title: formatDate(l.expiresAt) }, l.revoked ? statusBadge('Revoked') : l.expired ? h('span', { class: 'badge status-rejected' }, 'Expired') : formatDay(l.expiresAt)),
        h('td', { class: 'row-actions' }, !l.revoked && !l.expired
          ? h('button', { type: 'button', class: 'small danger revoke-link', onclick: () => act(() => api('DELETE', `${base}/links/${encodeURIComponent(l.id)}`), refreshLinks) }, 'Revoke')
          : null)))));

  const createLink = async (method, href, body, recipient) => {
    const created = await api(method, href, body);
    createdLinkId = created.id;
    show(newLink, createdLink(created, recipient));
    await refreshLinks();
  };

  // The 409 of an address of another Organization carries the call that makes the equivalent web link.
  const offerBox = (problem) => {
    const offer = problem.offer;
    const button = h('button', {
      type: 'button', id: 'accept-offer',
      onclick: async () => {
        button.disabled = true;
        try {
          await createLink(offer.method, offer.href, offer.body, problem.email);
          show(shareError);
          email.value = '';
        } catch (error) {
          show(shareError, h('p', { class: 'error' }, errorText(error)));
        }
      },
    }, 'Create web link instead');
    return h('div', { class: 'offer', id: 'cross-org-offer' },
      h('h3', {}, `${problem.email} belongs to another Organization`),
      // The problem's detail speaks to API clients (method, href, body); a person gets the same facts in words.
      h('p', {}, `${problem.email} is an address of the Organization '${problem.organization}' on this platform, so it cannot become a collaborator of this Workspace: no share was made.`),
      h('p', {}, `Instead, create a web link with the ${offer.permission} permission (what the ${problem.requestedRole} role maps to) and send it to ${problem.email} yourself. Anyone holding the link can use it until it expires or you revoke it.`),
      button);
  };

  const email = h('input', { type: 'email', id: 'share-email', required: true, placeholder: 'name@example.com', 'aria-label': 'E-mail address' });
  const role = h('select', { id: 'share-role', 'aria-label': 'Role' }, ['View', 'Modify', 'CoOwner'].map((r) => h('option', { value: r }, r)));
  const shareForm = h('form', {
    class: 'inline-form share-form',
    onsubmit: async (event) => {
      event.preventDefault();
      show(shareError);
      show(newLink);
      try {
        await api('POST', `${base}/shares`, { email: email.value.trim(), role: role.value });
        email.value = '';
      } catch (error) {
        show(shareError, error.problem?.offer ? offerBox(error.problem) : h('p', { class: 'error' }, errorText(error)));
      }
      await refreshShares();
    },
  }, email, role, h('button', { type: 'submit', id: 'share-submit' }, 'Share'));

  const linkPermission = h('select', { id: 'link-permission', 'aria-label': 'Web link permission' },
    h('option', { value: 'ViewAndDownload' }, 'View and download'), h('option', { value: 'DownloadAndUpload' }, 'Download and upload'));
  const linkForm = h('form', {
    class: 'inline-form',
    onsubmit: async (event) => {
      event.preventDefault();
      show(shareError);
      try {
        await createLink('POST', `${base}/links`, { permission: linkPermission.value });
      } catch (error) {
        show(shareError, h('p', { class: 'error' }, errorText(error)));
      }
    },
  }, linkPermission, h('button', { type: 'submit', class: 'secondary', id: 'create-link' }, 'Create web link'));

  const dialog = h('dialog', { class: 'dialog', id: 'share-dialog', 'aria-labelledby': 'share-title' },
    h('div', { class: 'title-row' },
      h('h2', { id: 'share-title' }, `Share ${workspace.displayName || name}`),
      h('button', { type: 'button', class: 'link close', id: 'close-share', onclick: () => dialog.close() }, 'Close')),
    h('h3', {}, 'People'),
    sharesBox,
    shareForm,
    h('p', { class: 'limits' }, workspace.externalSharing
      ? 'External addresses get at most Modify; without the InviteExternalUsers permission an admin approves them first.'
      : 'External sharing is off for this Workspace: only addresses of this Organization.'),
    shareError,
    newLink,
    h('h3', {}, 'Web links'),
    linksBox,
    workspace.externalSharing ? linkForm : null);
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  email.focus();
  refreshShares();
  refreshLinks();
  return dialog;
}

export function statusBadge(status) {
  return h('span', { class: `badge status-${status.toLowerCase()}` }, STATUS_LABELS[status] || status);
}

/** A new web link: its token is in the URL and is shown this once. */
function createdLink(created, recipient) {
  const field = h('input', { type: 'text', id: 'web-link-url', readonly: true, value: created.url, 'aria-label': 'Web link' });
  const copied = h('span', { class: 'success', role: 'status' });
  return h('div', { class: 'created-link', id: 'created-link' },
    h('p', { class: 'success' }, `Web link created (${created.permission}, until ${formatDay(created.expiresAt)}).`),
    h('p', { class: 'muted' }, 'Copy it now: it is shown only this once and Safedrop keeps only a hash of it.',
      recipient ? ` Send it to ${recipient} yourself; Safedrop sends nothing to addresses of another Organization.` : ''),
    h('div', { class: 'link-box' }, field,
      h('button', { type: 'button', id: 'copy-link', onclick: async () => {
        field.select();
        try {
          await navigator.clipboard.writeText(created.url);
          copied.textContent = 'Copied';
        } catch {
          copied.textContent = 'Press Ctrl+C to copy';
        }
      } }, 'Copy'),
      copied));
}
