// Moves sealed parts between this browser and storage through the URLs the API signs: part by part,
// a few in parallel, each retried on its own, so a dropped connection costs one part, not the file.
import { api } from './api.js';
import * as crypto from './package-crypto.js';

const PARALLEL_PARTS = 4;
const URL_BATCH = 64;
const ATTEMPTS = 4;

/**
 * Encrypts and uploads files as one package, then completes it. `start(files, verifier)` creates the
 * package (direct send or Dropzone upload) and returns the API's answer. Returns the secure link.
 */
export async function uploadPackage({ files, message, start, onProgress = () => {} }) {
  const keycode = crypto.newKeycode();
  const created = await start(files.map((f) => ({ name: f.name, size: f.size, contentType: f.type || undefined })), await crypto.verifierFor(keycode));
  const { packageId } = created;

  const jobs = [];
  for (const [index, file] of files.entries()) {
    const meta = created.files[index];
    const key = await crypto.fileKeyFor(keycode, created.serverSecret, packageId, meta.fileId);
    for (let part = 0; part < meta.partCount; part++) jobs.push({ index, file, meta, key, part });
  }

  const done = files.map(() => 0);
  const urls = new Map();
  const urlFor = async (job) => {
    const id = `${job.meta.fileId}/${job.part}`;
    if (!urls.has(id)) {
      const batch = jobs.filter((j) => j.meta.fileId === job.meta.fileId && j.part >= job.part).slice(0, URL_BATCH).map((j) => j.part);
      const answer = await api('POST', `/v1/packages/${packageId}/upload-urls`, { fileId: job.meta.fileId, parts: batch });
      for (const u of answer.urls) urls.set(`${job.meta.fileId}/${u.part}`, u.url);
    }
    return urls.get(id);
  };

  await runInParallel(jobs, async (job) => {
    const start = job.part * created.partSize;
    const end = Math.min(start + created.partSize, job.file.size);
    const plain = new Uint8Array(await job.file.slice(start, end).arrayBuffer());
    const sealed = await crypto.sealPart(job.key, plain, packageId, job.meta.fileId, job.part, job.part === job.meta.partCount - 1);
    await withRetries(async () => {
      await put(await urlFor(job), sealed, (sent) => onProgress(job.index, done[job.index] + Math.round(sent * plain.length / sealed.length), job.file.size));
    });
    done[job.index] += plain.length;
    onProgress(job.index, done[job.index], job.file.size);
  });

  const sealedMessage = message ? await crypto.sealMessage(keycode, created.serverSecret, packageId, message) : undefined;
  // Workflows of the readers or the sender that copy packages can read this one only through their own keys.
  const wrappedKeycodes = await crypto.wrapKeycodeFor(keycode, created.wrapFor, packageId);
  await api('POST', `/v1/packages/${packageId}/complete`, { message: sealedMessage, wrappedKeycodes });
  return { packageId, link: `${location.origin}/p/${packageId}#k=${crypto.keycodeText(keycode)}` };
}

/** Downloads and decrypts one file of an opened package into a Blob (the browser spills large blobs to disk). */
export async function downloadFile({ opened, file, keycode, onProgress = () => {} }) {
  const key = await crypto.fileKeyFor(keycode, opened.serverSecret, opened.packageId, file.fileId);
  const plainParts = new Array(file.parts.length);
  let received = 0;
  await runInParallel(file.parts, async (part) => {
    const sealed = await withRetries(() => get(part.url));
    const plain = await crypto.openPart(key, sealed, opened.packageId, file.fileId, part.part, part.part === file.partCount - 1);
    plainParts[part.part] = plain;
    received += plain.length;
    onProgress(received, file.size);
  });
  return new Blob(plainParts, { type: file.contentType || 'application/octet-stream' });
}

async function runInParallel(items, work) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_PARTS, items.length) }, worker));
}

async function withRetries(action) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await action();
    } catch (error) {
      if (attempt >= ATTEMPTS || error.permanent) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** attempt + Math.random() * 250));
    }
  }
}

// XMLHttpRequest rather than fetch: only it reports upload progress.
function put(url, body, onSent) {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('PUT', url);
    request.upload.onprogress = (event) => onSent(event.loaded);
    request.onload = () => (request.status < 300 ? resolve() : reject(transferError(request.status)));
    request.onerror = () => reject(new Error('The connection to storage failed.'));
    request.send(body);
  });
}

async function get(url) {
  const response = await fetch(url, { credentials: 'omit' });
  if (!response.ok) throw transferError(response.status);
  return new Uint8Array(await response.arrayBuffer());
}

function transferError(status) {
  const error = new Error(`Storage answered HTTP ${status}.`);
  // A refused signature will not get better by retrying; a busy server may.
  error.permanent = status === 403 || status === 404 || status === 400;
  return error;
}
