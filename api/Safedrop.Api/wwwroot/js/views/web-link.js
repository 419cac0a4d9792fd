import { api, ApiError, encodePath } from '../api.js';
import { h, show, formatBytes, formatDate, errorText } from '../dom.js';
import { uploadControls, uploadFiles } from '../workspace-upload.js';

const PERMISSIONS = {
  ViewAndDownload: 'View and download',
  DownloadAndUpload: 'Download and upload',
};

/**
 * /l/{token}: a Workspace's web link, opened by whoever holds it, without an account. Shows what the link grants
 * and the files within its folder with Download, and for DownloadAndUpload an upload. The token travels only in
 * this page's path and in the calls to /v1/links/{token} on the same origin; the page sends no Referer anywhere.
 */
export async function webLinkView(app, token) {
  const base = `/v1/links/${encodeURIComponent(token)}`;
  const fileUrl = (path) => `${base}/files/${encodePath(path)}`;

  let grant;
  try {
    grant = await api('GET', base);
  } catch (error) {
    show(app, refusal(error));
    return;
  }

  app.classList.add('wide');
  const isFile = grant.entries === null || grant.entries === undefined;
  const scopeName = grant.path ? grant.path.split('/').pop() : '';
  const error = h('p', { class: 'error', id: 'link-error', role: 'alert' });
  const listing = h('div', { id: 'listing' });
  const uploads = h('ul', { class: 'files', id: 'upload-list' });

  const render = (current) => show(listing, isFile
    ? entriesTable([{ name: scopeName, path: scopeName, kind: 'file', size: null, modifiedAt: null }])
    : current.entries.length === 0 ? h('p', { class: 'muted', id: 'folder-empty' }, 'This folder is empty.') : entriesTable(current.entries));
  const refresh = async () => {
    try {
      render(await api('GET', base));
    } catch (failure) {
      // Revoked or expired while the page was open: the refusal replaces the page, as on opening it.
      if (failure instanceof ApiError && [403, 404, 410].includes(failure.status)) show(app, refusal(failure));
      else error.textContent = errorText(failure);
    }
  };

  // Folders first, then files, each by name; the API lists the link's folder only, so a sub-folder is shown but not opened.
  const entriesTable = (entries) => [h('table', { class: 'boxes entries', id: 'entries' },
    h('thead', {}, h('tr', {}, h('th', {}, 'Name'), h('th', {}, 'Size'), h('th', {}, 'Modified'), h('th', { class: 'row-actions' }, h('span', { class: 'visually-hidden' }, 'Actions')))),
    h('tbody', {}, [...entries].sort(byKindThenName).map((entry) => h('tr', { dataset: { kind: entry.kind, path: entry.path, name: entry.name } },
      h('td', { class: 'name' }, h('span', { class: 'entry-name' }, entry.kind === 'folder' ? `${entry.name}/` : entry.name)),
      h('td', { class: 'file-size' }, entry.kind === 'folder' || entry.size === null ? '—' : formatBytes(entry.size)),
      h('td', { class: 'when' }, entry.modifiedAt ? formatDate(entry.modifiedAt) : '—'),
      h('td', { class: 'row-actions' }, entry.kind === 'file'
        ? h('a', { class: 'button small download', href: fileUrl(entry.path), download: entry.name }, 'Download')
        : null))))),
    entries.some((e) => e.kind === 'folder')
      ? h('p', { class: 'limits', id: 'subfolder-note' }, 'Files inside sub-folders are not listed here; ask for a link to the sub-folder to reach them.')
      : null];

  const canUpload = grant.permission === 'DownloadAndUpload' && !isFile;
  show(app,
    h('section', { class: 'card', id: 'web-link' },
      h('div', { class: 'title-row' },
        h('h1', { id: 'link-title' }, grant.displayName || grant.workspace),
        h('span', { class: `badge permission-${grant.permission.toLowerCase()}`, id: 'link-permission' }, PERMISSIONS[grant.permission] ?? grant.permission)),
      h('p', { class: 'limits', id: 'link-scope' }, scopeText(grant, isFile, scopeName)),
      h('p', { class: 'limits', id: 'link-expiry' }, `This link works until ${formatDate(grant.expiresAt)}, unless it is revoked earlier.`),
      canUpload ? uploader() : null,
      uploads, error, listing));
  render(grant);

  function uploader() {
    const { picker, upload } = uploadControls({
      list: uploads,
      error,
      start: (files, callbacks) => uploadFiles({ files, urlOf: (file) => fileUrl(file.name), ...callbacks }),
      describe: errorText,
      after: refresh,
    });
    return h('div', { class: 'toolbar' },
      h('div', { class: 'inline-form' }, picker, upload),
      h('p', { class: 'muted upload-note' }, 'A file with the same name is replaced.'));
  }
}

function scopeText(grant, isFile, scopeName) {
  const what = isFile ? `the file ${scopeName}` : grant.path ? `the folder ${grant.path}` : 'the whole Workspace';
  return `Shared with you through a web link: ${what}. No account needed.`;
}

function byKindThenName(a, b) {
  return a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'folder' ? -1 : 1;
}

/** A link that cannot be used: revoked (403), expired (410), sharing turned off (403) or unknown (404), said plainly. */
function refusal(error) {
  const problem = error instanceof ApiError ? error.problem : null;
  const type = problem?.type ?? '';
  const title = type.endsWith('web-link-revoked') ? 'This link was revoked'
    : type.endsWith('web-link-expired') ? 'This link has expired'
      : type.endsWith('web-link-not-found') ? 'This link does not work'
        : problem?.title ?? 'This link cannot be opened';
  return h('section', { class: 'card', id: 'link-unavailable', dataset: { status: error?.status ?? '' } },
    h('h1', {}, title),
    h('p', { class: 'error' }, errorText(error)),
    // The API's sentences for revoked and expired links already say to ask for a new one.
    /web-link-(revoked|expired)$/.test(type) ? null : h('p', { class: 'muted' }, 'Ask the person who sent it to you for a new link.'));
}
