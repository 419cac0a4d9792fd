import { api, currentUser } from '../api.js';
import { h, show, formatBytes, formatDate, formatDay, errorText } from '../dom.js';
import { signInCard } from './sign-in.js';

/** /: sign in, then the sent and received boxes. */
export async function homeView(app, box = 'received') {
  const user = await currentUser();
  if (!user) {
    show(app, signInCard({ title: 'Sign in to Safedrop', intro: 'We e-mail you a PIN; no password needed.', onSignedIn: () => location.reload() }));
    return;
  }

  const tab = (name, label) => h('button', { type: 'button', role: 'tab', id: `tab-${name}`, 'aria-selected': String(box === name), onclick: () => homeView(app, name) }, label);
  const body = h('div', { id: 'box' }, h('p', { class: 'muted' }, 'Loading…'));
  show(app, h('section', { class: 'card' },
    h('h1', {}, 'Packages'),
    h('div', { class: 'tabs', role: 'tablist' }, tab('received', 'Received'), tab('sent', 'Sent')),
    body));

  try {
    const packages = await api('GET', `/v1/packages?box=${box}`);
    show(body, packages.length === 0 ? h('p', { class: 'muted', id: 'box-empty' }, box === 'sent' ? 'You have not sent anything yet.' : 'Nothing received yet.') : table(packages, box));
  } catch (error) {
    show(body, h('p', { class: 'error' }, errorText(error)));
  }
}

function table(packages, box) {
  return h('table', { class: 'boxes', id: `${box}-packages` },
    h('thead', {}, h('tr', {}, h('th', {}, box === 'sent' ? 'To' : 'From'), h('th', {}, 'Files'), h('th', {}, 'Sent'), h('th', {}, 'Until'))),
    h('tbody', {}, packages.map((p) => h('tr', { dataset: { packageId: p.packageId } },
      h('td', { class: 'who' }, box === 'sent' ? (p.dropzone ? `Dropzone ${p.dropzone}` : p.recipients.join(', ')) : p.sender),
      h('td', {}, p.files.map((f) => h('div', {}, `${f.name} `, h('span', { class: 'file-size' }, `(${formatBytes(f.size)})`)))),
      h('td', { class: 'when', title: formatDate(p.createdAt) }, formatDay(p.createdAt)),
      h('td', { class: 'when', title: formatDate(p.expiresAt) }, formatDay(p.expiresAt))))));
}
