// Uploads Workspace files to the API, which encrypts them at rest: one streamed PUT per file (the browser
// sends the File as the body with its Content-Length, so the quota is checked before any byte is stored).
// The same for a collaborator (Workspace file endpoints) and for a web link's holder (the link's endpoints).
import { ApiError, workspaceUrl } from './api.js';
import { h, show, formatBytes } from './dom.js';

const PARALLEL_FILES = 2;

/**
 * Uploads each file into `folder` of `workspace` (or to `urlOf(file)` when given), a few at a time. Calls
 * onProgress(index, sent, total) as bytes leave and onDone(index, error|null) per file; a file's failure does
 * not stop the others.
 */
export async function uploadFiles({ workspace, folder, files, urlOf, onProgress = () => {}, onDone = () => {} }) {
  const target = urlOf ?? ((file) => workspaceUrl(workspace, 'files', folder ? `${folder}/${file.name}` : file.name));
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const index = next++;
      const file = files[index];
      try {
        await put(target(file), file, (sent) => onProgress(index, sent, file.size));
        onProgress(index, file.size, file.size);
        onDone(index, null);
      } catch (error) {
        onDone(index, error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_FILES, files.length) }, worker));
}

// XMLHttpRequest rather than fetch: only it reports upload progress.
function put(url, file, onSent) {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('PUT', url);
    request.setRequestHeader('Content-Type', 'application/octet-stream');
    request.setRequestHeader('Accept', 'application/json');
    request.upload.onprogress = (event) => onSent(event.loaded);
    request.onload = () => {
      if (request.status < 300) { resolve(); return; }
      let problem = null;
      try { problem = JSON.parse(request.responseText); } catch { /* not a problem document */ }
      reject(new ApiError(request.status, problem));
    };
    request.onerror = () => reject(new Error('The connection to the server failed.'));
    request.send(file);
  });
}

/**
 * A file picker and an Upload button: the chosen files get one row each in `list` (name, size, progress,
 * state) while `start(files, { onProgress, onDone })` uploads them; `describe(error)` words a failure and
 * `after()` runs once all are done (to refresh a listing).
 */
export function uploadControls({ list, error, start, describe, after }) {
  const picker = h('input', { type: 'file', id: 'upload-files', multiple: true, 'aria-label': 'Files to upload' });
  const upload = h('button', { type: 'button', id: 'upload', disabled: true }, 'Upload');
  picker.addEventListener('change', () => { upload.disabled = picker.files.length === 0; });
  upload.addEventListener('click', async () => {
    const files = [...picker.files];
    error.textContent = '';
    upload.disabled = picker.disabled = true;
    const rows = files.map((file) => h('li', {},
      h('span', { class: 'file-name' }, file.name), h('span', { class: 'file-size' }, formatBytes(file.size)),
      h('progress', { max: Math.max(file.size, 1), value: 0 }), h('span', { class: 'file-state' }, 'waiting')));
    show(list, rows);
    await start(files, {
      onProgress: (index, sent, total) => {
        const bar = rows[index].querySelector('progress');
        bar.max = Math.max(total, 1);
        bar.value = total === 0 ? 1 : sent;
        rows[index].querySelector('.file-state').textContent = `${Math.floor((sent / Math.max(total, 1)) * 100)} %`;
      },
      onDone: (index, failure) => {
        rows[index].querySelector('.file-state').textContent = failure ? `failed: ${describe(failure)}` : 'uploaded';
        // The bytes may all have left before the refusal came back: a full bar would read as success.
        if (failure) { rows[index].classList.add('failed'); rows[index].querySelector('progress').value = 0; }
      },
    });
    picker.value = '';
    picker.disabled = false;
    await after();
  });
  return { picker, upload };
}
