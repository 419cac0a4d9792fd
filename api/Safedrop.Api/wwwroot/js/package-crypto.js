// The portal's view of encryption format v1: keycodes, verifiers, file and message keys, parts.
// Everything here runs in the browser; only verifiers and sealed bytes ever leave it.
import * as v1 from './safedrop-crypto.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export const newKeycode = () => v1.generateKeycode();

export const keycodeText = (keycode) => v1.toBase64Url(keycode);

/** The keycode from a secure link's fragment (#k=…), or null when it is missing or malformed. */
export function keycodeFromFragment(hash) {
  const text = new URLSearchParams(hash.replace(/^#/, '')).get('k');
  if (!text) return null;
  try {
    const keycode = v1.fromBase64Url(text);
    return keycode.length === v1.KEYCODE_SIZE ? keycode : null;
  } catch {
    return null;
  }
}

export const verifierFor = async (keycode) => v1.toBase64Url(await v1.deriveVerifier(keycode));

export const fileKeyFor = (keycode, serverSecret, packageId, fileId) =>
  v1.deriveFileKey(keycode, v1.fromBase64Url(serverSecret), packageId, fileId);

export const sealPart = (key, plaintext, packageId, fileId, index, isLast) => v1.sealPart(key, { packageId, fileId, index, isLast }, plaintext);

export const openPart = (key, sealed, packageId, fileId, index, isLast) => v1.openPart(key, { packageId, fileId, index, isLast }, sealed);

/** The message is a one-part file under the message key. */
export async function sealMessage(keycode, serverSecret, packageId, text) {
  const key = await v1.deriveMessageKey(keycode, v1.fromBase64Url(serverSecret), packageId);
  return v1.toBase64Url(await v1.sealPart(key, { packageId, fileId: v1.MESSAGE_FILE_ID, index: 0, isLast: true }, encoder.encode(text)));
}

export async function openMessage(keycode, serverSecret, packageId, sealed) {
  const key = await v1.deriveMessageKey(keycode, v1.fromBase64Url(serverSecret), packageId);
  return decoder.decode(await v1.openPart(key, { packageId, fileId: v1.MESSAGE_FILE_ID, index: 0, isLast: true }, v1.fromBase64Url(sealed)));
}

/** The keycode wrapped for each key the API asked for at creation (workflow keys), as the completion wants them. */
export async function wrapKeycodeFor(keycode, targets, packageId) {
  return Promise.all((targets || []).map(async (t) => ({
    recipient: t.recipient,
    deviceKeyId: t.deviceKeyId,
    wrapped: v1.toBase64Url(await v1.wrapKeycodeForDevice(keycode, v1.fromBase64Url(t.publicKey), packageId)),
  })));
}
