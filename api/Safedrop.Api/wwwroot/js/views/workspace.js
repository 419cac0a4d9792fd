import { api, currentUser, workspaceUrl } from '../api.js';
import { h, show, formatBytes, formatDate, errorText } from '../dom.js';
import { uploadControls, uploadFiles } from '../workspace-upload.js';
import { roleBadge } from './workspaces.js';
import { openShareDialog } from './share-dialog.js';
import { signInCard } from './sign-in.js';

const WRITERS = ['Owner', 'CoOwner', 'Modify'];

/** /w/{name}/{folder…}: browse a Workspace; the actions shown follow my role (the API enforces it anyway). */
export async function workspaceView(app, name, folder) {
  const user = await currentUser();
  if (!user) {
    show(app, signInCard({ title: `Sign in to open Workspace ${name}`, onSignedIn: () => location.reload() }));
    return;
  }

  let summary;
  try {
    summary = await api('GET', `/v1/workspaces/${encodeURIComponent(name)}`);
  } catch (error) {
    show(app, h('section', { class: 'card', id: 'workspace-unavailable' }, h('h1', {}, 'Workspace not available'), h('p', { class: 'error' }, errorText(error))));
    return;
  }

  app.classList.add('wide');
  const canWrite = WRITERS.includes(summary.role);
  const canShare = !summary.external && (summary.role === 'Owner' || summary.role === 'CoOwner');
  const usage = h('p', { class: 'limits', id: 'workspace-usage' });
  const error = h('p', { class: 'error', id: 'workspace-error', role: 'alert' });
  const listing = h('div', { id: 'listing' }, h('p', { class: 'muted' }, 'Loading…'));
  const uploads = h('ul', { class: 'files', id: 'upload-list' });

  const setUsage = (s) => { usage.textContent = `${formatBytes(s.usedBytes)} of ${formatBytes(s.quotaBytes)} used · owner ${s.owner}`; };
  const fail = (failure) => { error.textContent = problemText(failure); };
  // While a row is being edited (rename, move, delete confirmation), a listing that arrives (an upload or a new folder
  // finishing) waits until the edit ends, so it never throws away what the user is typing.
  const editing = new Set();
  let waiting = null;
  const showListing = (content) => { show(listing, table(content)); };
  const endEdit = (row) => {
    editing.delete(row);
    if (editing.size > 0 || !waiting) return;
    const content = waiting;
    waiting = null;
    showListing(content);
  };
  const refresh = async () => {
    try {
      const [current, content] = await Promise.all([
        api('GET', `/v1/workspaces/${encodeURIComponent(name)}`),
        api('GET', workspaceUrl(name, 'folders', folder)),
      ]);
      setUsage(current);
      if (editing.size > 0) waiting = content;
      else showListing(content);
    } catch (failure) {
      fail(failure);
    }
  };
  setUsage(summary);

  // One row per entry; a file downloads through a plain link (the session cookie goes along, the API streams it).
  const table = (content) => {
    if (content.folders.length + content.files.length === 0) return h('p', { class: 'muted', id: 'folder-empty' }, 'This folder is empty.');
    return h('table', { class: 'boxes entries', id: 'entries' },
      h('thead', {}, h('tr', {}, h('th', {}, 'Name'), h('th', {}, 'Size'), h('th', {}, 'Modified'), h('th', {}, 'Uploaded by'), h('th', { class: 'row-actions' }, h('span', { class: 'visually-hidden' }, 'Actions')))),
      h('tbody', {},
        content.folders.map((f) => entryRow('folder', f, h('a', { class: 'entry-name folder-link', href: browseUrl(name, f.path) }, `${f.name}/`), '—', f.modifiedBy)),
        content.files.map((f) => entryRow('file', f, h('span', { class: 'entry-name' }, f.name), formatBytes(f.size), f.uploadedBy))));
  };

  const entryRow = (kind, entry, label, size, who) => {
    // Buttons wrap inside their cell rather than push the table past the card; an edit form takes the name's cell.
    const actions = h('div', { class: 'row-buttons' });
    const nameCell = h('td', { class: 'name' }, label);
    const row = h('tr', { dataset: { kind, path: entry.path, name: entry.name } },
      nameCell, h('td', { class: 'file-size' }, size),
      h('td', { class: 'when', title: formatDate(entry.modifiedAt) }, formatDate(entry.modifiedAt)),
      h('td', { class: 'who' }, who), h('td', { class: 'row-actions' }, actions));
    const idle = () => { show(nameCell, label); showButtons(); };
    const cancel = () => { idle(); endEdit(row); };
    const showButtons = () => show(actions,
      kind === 'file' ? h('a', { class: 'button small download', href: workspaceUrl(name, 'files', entry.path), download: entry.name }, 'Download') : null,
      canWrite ? [
        h('button', { type: 'button', class: 'small secondary rename', onclick: () => edit('Rename to', entry.name, 'Rename', (value) => api('POST', `/v1/workspaces/${encodeURIComponent(name)}/rename`, { path: entry.path, newName: value })) }, 'Rename'),
        h('button', { type: 'button', class: 'small secondary move', onclick: () => edit('Move to folder', parentOf(entry.path), 'Move', (value) => api('POST', `/v1/workspaces/${encodeURIComponent(name)}/move`, { path: entry.path, destination: value })) }, 'Move'),
        h('button', { type: 'button', class: 'small danger delete', onclick: confirmDelete }, 'Delete'),
      ] : null);
    // Inline, not window.prompt: the field stays in the page's style and can be tested like any form.
    const edit = (label, value, verb, action) => {
      const input = h('input', { type: 'text', class: 'inline-input', 'aria-label': label, value, placeholder: verb === 'Move' ? 'folder path; empty for the root' : '' });
      editing.add(row);
      show(actions);
      show(nameCell, h('form', { class: 'inline-form', onsubmit: async (event) => { event.preventDefault(); await run(() => action(input.value.trim())); } },
        input, h('button', { type: 'submit', class: 'small confirm' }, verb), h('button', { type: 'button', class: 'small link cancel', onclick: cancel }, 'Cancel')));
      input.focus();
      input.select();
    };
    const confirmDelete = () => {
      editing.add(row);
      show(actions,
        h('span', { class: 'confirm-text' }, kind === 'folder' ? 'Delete with everything in it?' : 'Delete?'),
        h('button', { type: 'button', class: 'small danger confirm', onclick: () => run(() => api('DELETE', workspaceUrl(name, kind === 'folder' ? 'folders' : 'files', entry.path))) }, 'Delete'),
        h('button', { type: 'button', class: 'small link cancel', onclick: cancel }, 'Cancel'));
    };
    const run = async (action) => {
      error.textContent = '';
      try {
        await action();
        editing.clear();
        waiting = null;
        await refresh();
      } catch (failure) {
        fail(failure);
        cancel();
      }
    };
    idle();
    return row;
  };

  show(app,
    h('section', { class: 'card', id: 'workspace' },
      h('div', { class: 'title-row' },
        h('h1', { id: 'workspace-title' }, summary.displayName || summary.name),
        roleBadge(summary.role, summary.external),
        canShare ? h('button', { type: 'button', id: 'open-share', class: 'secondary', onclick: () => openShareDialog(summary) }, 'Share') : null),
      usage,
      breadcrumb(name, summary.displayName || summary.name, folder),
      canWrite ? toolbar() : h('p', { class: 'muted', id: 'read-only' }, 'You can read and download here (View role).'),
      uploads, error, listing));
  await refresh();

  function toolbar() {
    const { picker, upload } = uploadControls({
      list: uploads,
      error,
      start: (files, callbacks) => uploadFiles({ workspace: name, folder, files, ...callbacks }),
      describe: problemText,
      after: refresh,
    });

    const folderName = h('input', { type: 'text', id: 'new-folder-name', placeholder: 'New folder name', 'aria-label': 'New folder name' });
    const create = h('form', {
      class: 'inline-form',
      onsubmit: async (event) => {
        event.preventDefault();
        const value = folderName.value.trim();
        if (!value) return;
        error.textContent = '';
        try {
          await api('POST', workspaceUrl(name, 'folders', folder ? `${folder}/${value}` : value));
          folderName.value = '';
          await refresh();
        } catch (failure) {
          fail(failure);
        }
      },
    }, folderName, h('button', { type: 'submit', id: 'create-folder', class: 'secondary' }, 'New folder'));

    return h('div', { class: 'toolbar' }, h('div', { class: 'inline-form' }, picker, upload), create);
  }
}

function breadcrumb(name, title, folder) {
  const parts = folder ? folder.split('/') : [];
  const crumbs = [h('a', { href: '/w' }, 'Workspaces'), h('a', { href: browseUrl(name, '') }, title)];
  parts.forEach((part, index) => crumbs.push(index === parts.length - 1
    ? h('span', { 'aria-current': 'page' }, part)
    : h('a', { href: browseUrl(name, parts.slice(0, index + 1).join('/')) }, part)));
  return h('nav', { class: 'breadcrumb', id: 'breadcrumb', 'aria-label': 'Folder' }, crumbs);
}

function browseUrl(name, path) {
  const segments = path.split('/').filter(Boolean).map(encodeURIComponent);
  return ['/w', encodeURIComponent(name), ...segments].join('/');
}

function parentOf(path) {
  const index = path.lastIndexOf('/');
  return index < 0 ? '' : path.slice(0, index);
}

/** The problem's sentence; a full Workspace gets its numbers in readable units instead of raw bytes. */
export function problemText(error) {
  const problem = error?.problem;
  if (problem && typeof problem.quotaBytes === 'number')
    return `${problem.title}: ${formatBytes(problem.fileBytes)} do not fit, ${formatBytes(problem.usedBytes)} of ${formatBytes(problem.quotaBytes)} are used.`
      + (problem.status === 507 ? ' Delete files or ask the owner for a larger quota.' : '');
  return errorText(error);
}
