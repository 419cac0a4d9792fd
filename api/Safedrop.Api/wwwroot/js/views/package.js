import { api, currentUser, ApiError } from '../api.js';
import { h, show, formatBytes, formatDate, errorText } from '../dom.js';
import { downloadFile } from '../transfer.js';
import * as crypto from '../package-crypto.js';
import { signInCard } from './sign-in.js';

/**
 * /p/{id}#k=…: the keycode is read from the fragment, which browsers never send; only its verifier
 * goes to the API. Nothing happens until the reader is signed in and asks to open the package.
 */
export async function packageView(app, packageId) {
  const keycode = crypto.keycodeFromFragment(location.hash);
  if (!keycode) {
    show(app, h('section', { class: 'card' }, h('h1', {}, 'Incomplete link'),
      h('p', {}, 'This link lacks its secret part (after #k=), without which the files cannot be decrypted.'),
      h('p', { class: 'muted' }, 'Notification e-mails never carry it: open the complete secure link, which the sender keeps, or ask the sender for it.')));
    return;
  }

  const user = await currentUser();
  if (!user) {
    show(app, signInCard({
      title: 'Confirm your e-mail address to open this package',
      intro: 'Only addresses allowed to read the package can open it, and only with the complete link.',
      onSignedIn: () => location.reload(),
    }));
    return;
  }

  let opened;
  try {
    opened = await api('POST', `/v1/packages/${encodeURIComponent(packageId)}/open`, { verifier: await crypto.verifierFor(keycode) });
  } catch (error) {
    const denied = error instanceof ApiError && error.status === 403;
    show(app, h('section', { class: 'card', id: 'open-failed' }, h('h1', {}, denied ? 'You cannot open this package' : 'Package not available'),
      h('p', { class: 'error' }, errorText(error)),
      h('p', { class: 'muted' }, `Signed in as ${user.email}.`)));
    return;
  }

  const message = opened.message ? await crypto.openMessage(keycode, opened.serverSecret, opened.packageId, opened.message) : null;
  show(app, h('section', { class: 'card', id: 'package' },
    h('h1', {}, `Package from ${opened.sender}`),
    h('p', { class: 'muted' }, opened.dropzone ? `Uploaded to Dropzone ${opened.dropzone}` : null,
      opened.dropzone ? ' · ' : null, `Sent ${formatDate(opened.createdAt)} · available until ${formatDate(opened.expiresAt)}`),
    message ? h('div', { class: 'message' }, h('h2', {}, 'Message'), h('p', { id: 'package-message' }, message)) : null,
    h('h2', {}, opened.files.length === 1 ? 'File' : `${opened.files.length} files`),
    h('ul', { class: 'files', id: 'file-list' }, opened.files.map((file) => fileRow(opened, file, keycode)))));
}

function fileRow(opened, file, keycode) {
  const bar = h('progress', { max: Math.max(file.size, 1), value: 0 });
  const state = h('span', { class: 'file-state' }, 'encrypted');
  const button = h('button', {
    type: 'button', class: 'secondary download',
    onclick: async () => {
      button.disabled = true;
      try {
        const blob = await downloadFile({ opened, file, keycode, onProgress: (received, total) => { bar.value = received; state.textContent = `${Math.floor((received / Math.max(total, 1)) * 100)} %`; } });
        bar.value = bar.max;
        state.textContent = 'decrypted';
        save(blob, file.name);
        reportDownloaded(opened.packageId, file.fileId);
      } catch (error) {
        state.textContent = errorText(error);
        state.classList.add('error');
      } finally {
        button.disabled = false;
      }
    },
  }, 'Download');
  return h('li', { class: 'with-action' }, h('span', { class: 'file-name' }, file.name), h('span', { class: 'file-size' }, formatBytes(file.size)), button, bar, state);
}

/**
 * Tells the API this file was downloaded completely and authenticated: it cannot see downloads through storage URLs,
 * and the sender's TransferCompleted workflows wait for these reports. Not awaited, and a failure is only logged:
 * the reader already has the file, which a lost report must never take back.
 */
function reportDownloaded(packageId, fileId) {
  api('POST', `/v1/packages/${encodeURIComponent(packageId)}/downloaded`, { fileIds: [fileId] })
    .catch((error) => console.warn('Could not report the download', error));
}

function save(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = h('a', { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
