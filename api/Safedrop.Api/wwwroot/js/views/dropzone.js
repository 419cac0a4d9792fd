import { api, currentUser } from '../api.js';
import { h, show, formatBytes, errorText } from '../dom.js';
import { uploadPackage } from '../transfer.js';
import { signInCard } from './sign-in.js';

/** /d/{name}: an external person proves an address by PIN, uploads files with a message and gets the secure link. */
export async function dropzoneView(app, name) {
  let page;
  try {
    page = await api('GET', `/v1/dropzones/${encodeURIComponent(name)}`);
  } catch (error) {
    show(app, h('section', { class: 'card' }, h('h1', {}, 'Dropzone not available'), h('p', { class: 'error' }, errorText(error))));
    return;
  }

  const header = h('section', { class: 'card' },
    h('h1', { id: 'dropzone-title' }, page.displayName),
    h('p', { class: 'muted' }, `Upload files securely to ${page.organization}.`),
    page.description ? h('p', {}, page.description) : null,
    h('p', { class: 'limits' }, limitsText(page)));

  const user = await currentUser();
  if (!user) {
    show(app, header, signInCard({
      title: 'Confirm your e-mail address',
      intro: 'We e-mail you a PIN. The recipients see this address as the sender.',
      onSignedIn: () => location.reload(),
    }));
    return;
  }
  show(app, header, uploadForm(name, page, user.email));
}

function uploadForm(name, page, email) {
  const picker = h('input', { type: 'file', id: 'files', multiple: true, accept: page.allowedExtensions.length ? page.allowedExtensions.join(',') : undefined });
  const message = h('textarea', { id: 'message', maxlength: 10000, placeholder: 'Optional message to the recipients' });
  const list = h('ul', { class: 'files', id: 'file-list' });
  // Limit problems sit right under the files they concern; upload failures under the button.
  const fileProblems = h('ul', { class: 'problems', id: 'file-problems', role: 'alert' });
  const error = h('p', { class: 'error', role: 'alert' });
  const submit = h('button', { type: 'submit', id: 'upload' }, 'Encrypt and upload');
  const card = h('section', { class: 'card' });

  picker.addEventListener('change', () => {
    error.textContent = '';
    show(list, [...picker.files].map((file) => fileRow(file)));
    const problems = checkLimits([...picker.files], page);
    show(fileProblems, problems.map((problem) => h('li', {}, problem)));
    submit.disabled = problems.length > 0;
  });

  const form = h('form', {
    onsubmit: async (event) => {
      event.preventDefault();
      const files = [...picker.files];
      if (files.length === 0) { error.textContent = 'Choose at least one file.'; return; }
      submit.disabled = picker.disabled = message.disabled = true;
      error.textContent = '';
      const rows = [...list.children];
      try {
        const result = await uploadPackage({
          files,
          message: message.value.trim() || undefined,
          start: (described, verifier) => api('POST', `/v1/dropzones/${encodeURIComponent(name)}/packages`, { files: described, verifier }),
          onProgress: (index, sent, total) => {
            const bar = rows[index].querySelector('progress');
            bar.max = Math.max(total, 1);
            bar.value = total === 0 ? 1 : sent;
            rows[index].querySelector('.file-state').textContent = sent >= total ? 'uploaded' : `${Math.floor((sent / Math.max(total, 1)) * 100)} %`;
          },
        });
        // The files stay listed under the link, their bars full: the sender sees what went out.
        show(card, uploaded(result.link, files.length), h('h3', {}, 'Files'), list);
      } catch (failure) {
        error.textContent = errorText(failure);
        submit.disabled = picker.disabled = message.disabled = false;
      }
    },
  },
  h('h2', {}, 'Your upload'),
  h('p', { class: 'muted' }, `Signed in as ${email}.`),
  h('label', { for: 'files' }, 'Files'), picker, list, fileProblems,
  h('label', { for: 'message' }, 'Message'), message,
  submit, error);
  show(card, form);
  return card;
}

function fileRow(file) {
  return h('li', {},
    h('span', { class: 'file-name' }, file.name),
    h('span', { class: 'file-size' }, formatBytes(file.size)),
    h('progress', { max: Math.max(file.size, 1), value: 0 }),
    h('span', { class: 'file-state' }, 'ready'));
}

function uploaded(link, count) {
  const field = h('input', { type: 'text', id: 'secure-link', readonly: true, value: link });
  return [
    h('h2', { class: 'success', id: 'upload-done' }, `${count === 1 ? 'Your file was' : `All ${count} files were`} uploaded`),
    h('p', {}, 'The recipients were notified. Keep this secure link: with it, you and people allowed to read the upload open it after confirming their e-mail address. Safedrop cannot recover it.'),
    h('div', { class: 'link-box' }, field, h('button', { type: 'button', onclick: () => navigator.clipboard?.writeText(link) }, 'Copy')),
  ];
}

export function checkLimits(files, page) {
  const problems = [];
  if (files.length > page.maxFiles) problems.push(`At most ${page.maxFiles} files per upload.`);
  let total = 0;
  for (const file of files) {
    total += file.size;
    if (file.size > page.maxFileSizeBytes) problems.push(`${file.name} is larger than ${formatBytes(page.maxFileSizeBytes)}.`);
    if (page.allowedExtensions.length && !page.allowedExtensions.some((e) => file.name.toLowerCase().endsWith(e.toLowerCase())))
      problems.push(`${file.name} is not an accepted type (${page.allowedExtensions.join(', ')}).`);
  }
  if (total > page.maxPackageSizeBytes) problems.push(`Together the files exceed ${formatBytes(page.maxPackageSizeBytes)}.`);
  return problems;
}

function limitsText(page) {
  const parts = [`Up to ${page.maxFiles} files`, `${formatBytes(page.maxFileSizeBytes)} per file`, `${formatBytes(page.maxPackageSizeBytes)} in all`];
  if (page.allowedExtensions.length) parts.push(`types: ${page.allowedExtensions.join(', ')}`);
  return parts.join(' · ');
}
