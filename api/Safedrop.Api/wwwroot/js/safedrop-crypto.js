// Safedrop encryption format v1 in WebCrypto: the portal's port of Safedrop.Crypto (docs/encryption.md).
// An ES module with no dependencies and no build step; runs in browsers and in Node 20+ (globalThis.crypto).
// Both implementations are checked against tests/vectors/encryption-v1.json (tests/vectors/check-js.mjs).

const webcrypto = globalThis.crypto;
const subtle = webcrypto.subtle;
const encoder = new TextEncoder();

export const PART_SIZE = 4 * 1024 * 1024;
export const NONCE_SIZE = 12;
export const TAG_SIZE = 16;
export const PART_OVERHEAD = NONCE_SIZE + TAG_SIZE;
export const KEY_SIZE = 32;
export const KEYCODE_SIZE = 32;
/** The package message is sealed as a one-part file with this file id. */
export const MESSAGE_FILE_ID = 'message';
/** 65-byte uncompressed point ‖ nonce ‖ keycode ciphertext ‖ tag. */
export const WRAPPED_KEYCODE_SIZE = 65 + NONCE_SIZE + KEYCODE_SIZE + TAG_SIZE;

const LABEL_VERIFIER = 'safedrop/v1 keycode verifier';
const LABEL_FILE_KEY = 'safedrop/v1 file key';
const LABEL_PART = 'safedrop/v1 part';
const LABEL_KEYCODE_WRAP = 'safedrop/v1 keycode wrap';
const P256 = { name: 'ECDH', namedCurve: 'P-256' };

/** A sealed part did not authenticate at this place of this file: altered, truncated, swapped, reordered or foreign. */
export class PartAuthenticationError extends Error {
  constructor(message, options) {
    super(message, options);
    this.name = 'PartAuthenticationError';
  }
}

/** A wrapped keycode could not be unwrapped: another device key or package, or altered bytes. */
export class KeyUnwrapError extends Error {
  constructor(message, options) {
    super(message, options);
    this.name = 'KeyUnwrapError';
  }
}

// ---- base64url (unpadded, strict: one spelling per value, like Safedrop.Crypto.Base64Url) ----

export function toBase64Url(bytes) {
  const view = asBytes(bytes);
  let binary = '';
  // Chunks keep String.fromCharCode's argument list small for large inputs.
  for (let i = 0; i < view.length; i += 0x8000) {
    binary += String.fromCharCode.apply(null, view.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text) {
  if (typeof text !== 'string' || !/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) {
    throw new TypeError('The value is not unpadded base64url.');
  }
  const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  const binary = atob(padded);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  if (toBase64Url(bytes) !== text) throw new TypeError('The value is not canonical base64url.');
  return bytes;
}

// ---- keycode, verifier, file keys ----

/** 32 random bytes; travels only as `#k=<base64url>` in the package link. */
export function generateKeycode() {
  return webcrypto.getRandomValues(new Uint8Array(KEYCODE_SIZE));
}

/** verifier = HKDF-SHA256(keycode, salt = empty, info = "safedrop/v1 keycode verifier", 32). */
export async function deriveVerifier(keycode) {
  return hkdf(checkLength(keycode, KEYCODE_SIZE, 'keycode'), new Uint8Array(0), join(LABEL_VERIFIER));
}

/** Raw file key bytes: HKDF-SHA256(keycode, salt = serverSecret, info = label ‖ 0 ‖ packageId ‖ 0 ‖ fileId, 32). */
export async function deriveFileKeyBytes(keycode, serverSecret, packageId, fileId) {
  checkLength(keycode, KEYCODE_SIZE, 'keycode');
  checkLength(serverSecret, 32, 'serverSecret');
  return hkdf(keycode, serverSecret, join(LABEL_FILE_KEY, packageId, fileId));
}

/** The file key as a non-extractable AES-GCM CryptoKey. */
export async function deriveFileKey(keycode, serverSecret, packageId, fileId) {
  return importPartKey(await deriveFileKeyBytes(keycode, serverSecret, packageId, fileId));
}

export async function deriveMessageKeyBytes(keycode, serverSecret, packageId) {
  return deriveFileKeyBytes(keycode, serverSecret, packageId, MESSAGE_FILE_ID);
}

export async function deriveMessageKey(keycode, serverSecret, packageId) {
  return deriveFileKey(keycode, serverSecret, packageId, MESSAGE_FILE_ID);
}

/** Imports 32 raw key bytes as a non-extractable AES-GCM key for sealPart/openPart. */
export async function importPartKey(keyBytes) {
  return subtle.importKey('raw', checkLength(keyBytes, KEY_SIZE, 'key'), { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
}

// ---- parts ----

export function partCount(plaintextSize) {
  return plaintextSize === 0 ? 1 : Math.ceil(plaintextSize / PART_SIZE);
}

export function sealedPartLength(plaintextSize, index) {
  const count = partCount(plaintextSize);
  if (!Number.isSafeInteger(index) || index < 0 || index >= count) throw new RangeError('No such part.');
  const plain = index < count - 1 ? PART_SIZE : plaintextSize - (count - 1) * PART_SIZE;
  return plain + PART_OVERHEAD;
}

/**
 * Seals one part: nonce(12, random) ‖ AES-256-GCM ciphertext ‖ tag(16), AAD binding package, file, index and isLast.
 * `key` is a CryptoKey from deriveFileKey/importPartKey or 32 raw bytes.
 */
export async function sealPart(key, { packageId, fileId, index, isLast }, plaintext) {
  return sealPartWithNonce(key, { packageId, fileId, index, isLast }, plaintext, webcrypto.getRandomValues(new Uint8Array(NONCE_SIZE)));
}

/** Opens one part; throws PartAuthenticationError unless it is the authentic part at this place of this file. */
export async function openPart(key, { packageId, fileId, index, isLast }, sealed) {
  const bytes = asBytes(sealed);
  if (bytes.length < PART_OVERHEAD) throw new PartAuthenticationError(`Part ${index} is shorter than a nonce and a tag.`);
  if (bytes.length > PART_SIZE + PART_OVERHEAD) throw new PartAuthenticationError(`Part ${index} is longer than a part can be.`);
  const aesKey = await asAesKey(key);
  try {
    const plaintext = await subtle.decrypt(
      { name: 'AES-GCM', iv: bytes.subarray(0, NONCE_SIZE), additionalData: partAad(packageId, fileId, index, isLast), tagLength: TAG_SIZE * 8 },
      aesKey,
      bytes.subarray(NONCE_SIZE));
    return new Uint8Array(plaintext);
  } catch (e) {
    if (e && e.name === 'OperationError') {
      throw new PartAuthenticationError(`Part ${index} (last: ${isLast}) of file ${fileId} failed authentication.`, { cause: e });
    }
    throw e;
  }
}

/**
 * Seals a File or Blob part by part, reading one Blob slice per part, so memory stays at about one part whatever
 * the file size. Yields { index, isLast, plaintextLength, sealed } in order; an empty file yields one empty last part.
 */
export async function* sealFile(blob, key, { packageId, fileId }) {
  const aesKey = await asAesKey(key);
  const count = partCount(blob.size);
  for (let index = 0; index < count; index++) {
    const start = index * PART_SIZE;
    const plaintext = new Uint8Array(await blob.slice(start, Math.min(start + PART_SIZE, blob.size)).arrayBuffer());
    const isLast = index === count - 1;
    const sealed = await sealPart(aesKey, { packageId, fileId, index, isLast }, plaintext);
    yield { index, isLast, plaintextLength: plaintext.length, sealed };
  }
}

// ---- trusted device keys (ECDH P-256) ----

/**
 * A device key pair for ECDH P-256. The private key is non-extractable by default (the portal keeps the CryptoKey
 * in IndexedDB); publicKeySpki is what POST /v1/device-keys registers.
 */
export async function generateDeviceKeyPair({ extractable = false } = {}) {
  const pair = await subtle.generateKey(P256, extractable, ['deriveBits']);
  return { privateKey: pair.privateKey, publicKey: pair.publicKey, publicKeySpki: await exportPublicKeySpki(pair.publicKey) };
}

/** SPKI DER of a public key, base64url. */
export async function exportPublicKeySpki(publicKey) {
  return toBase64Url(new Uint8Array(await subtle.exportKey('spki', publicKey)));
}

/** Imports a PKCS#8 P-256 private key (e.g. one the .NET CLI exported). */
export async function importDevicePrivateKey(pkcs8, { extractable = false } = {}) {
  return subtle.importKey('pkcs8', asBytes(pkcs8), P256, extractable, ['deriveBits']);
}

/** Imports a registered device public key (SPKI DER, base64url or bytes). */
export async function importDevicePublicKey(spki) {
  const bytes = typeof spki === 'string' ? fromBase64Url(spki) : asBytes(spki);
  return subtle.importKey('spki', bytes, P256, true, []);
}

/**
 * Wraps a keycode for a recipient's device key with a fresh ephemeral key pair:
 * E.public raw (65) ‖ nonce (12) ‖ AES-256-GCM(wrapKey, keycode, AAD = packageId) ‖ tag (16).
 */
export async function wrapKeycodeForDevice(keycode, recipientPublicKey, packageId) {
  const recipient = recipientPublicKey instanceof CryptoKey ? recipientPublicKey : await importDevicePublicKey(recipientPublicKey);
  const ephemeral = await subtle.generateKey(P256, false, ['deriveBits']);
  const ephemeralPublicRaw = new Uint8Array(await subtle.exportKey('raw', ephemeral.publicKey));
  return wrapKeycodeWith(keycode, recipient, packageId, ephemeral.privateKey, ephemeralPublicRaw, webcrypto.getRandomValues(new Uint8Array(NONCE_SIZE)));
}

/** Unwraps a keycode wrapped for this device; throws KeyUnwrapError if it was not wrapped for it and this package. */
export async function unwrapKeycode(privateKey, wrapped, packageId) {
  const bytes = typeof wrapped === 'string' ? fromBase64Url(wrapped) : asBytes(wrapped);
  if (bytes.length !== WRAPPED_KEYCODE_SIZE) throw new KeyUnwrapError(`A wrapped keycode is ${WRAPPED_KEYCODE_SIZE} bytes.`);
  const ephemeralPublicRaw = bytes.subarray(0, 65);
  let shared;
  try {
    const ephemeral = await subtle.importKey('raw', ephemeralPublicRaw, P256, true, []);
    shared = new Uint8Array(await subtle.deriveBits({ name: 'ECDH', public: ephemeral }, privateKey, 256));
  } catch (e) {
    throw new KeyUnwrapError("The wrapped keycode's ephemeral key is not a valid P-256 point.", { cause: e });
  }
  const wrapKey = await subtle.importKey('raw', await deriveWrapKey(shared, ephemeralPublicRaw, packageId), { name: 'AES-GCM' }, false, ['decrypt']);
  try {
    const keycode = await subtle.decrypt(
      { name: 'AES-GCM', iv: bytes.subarray(65, 65 + NONCE_SIZE), additionalData: encoder.encode(packageId), tagLength: TAG_SIZE * 8 },
      wrapKey,
      bytes.subarray(65 + NONCE_SIZE));
    return new Uint8Array(keycode);
  } catch (e) {
    throw new KeyUnwrapError('The keycode was not wrapped for this device key and package, or was altered.', { cause: e });
  }
}

/**
 * Deterministic variants for the known-answer vectors only. Never use them in product code: a repeated nonce
 * under one key breaks AES-GCM, and a reused ephemeral key links wrapped keycodes.
 */
export const forTestVectors = Object.freeze({ sealPartWithNonce, wrapKeycodeWith, deriveWrapKey });

// ---- internals ----

async function sealPartWithNonce(key, { packageId, fileId, index, isLast }, plaintext, nonce) {
  const bytes = asBytes(plaintext);
  if (bytes.length > PART_SIZE) throw new RangeError('A part holds at most PART_SIZE plaintext bytes.');
  checkLength(nonce, NONCE_SIZE, 'nonce');
  const ciphertext = await subtle.encrypt(
    { name: 'AES-GCM', iv: nonce, additionalData: partAad(packageId, fileId, index, isLast), tagLength: TAG_SIZE * 8 },
    await asAesKey(key),
    bytes);
  const sealed = new Uint8Array(NONCE_SIZE + ciphertext.byteLength);
  sealed.set(nonce, 0);
  sealed.set(new Uint8Array(ciphertext), NONCE_SIZE);
  return sealed;
}

async function wrapKeycodeWith(keycode, recipientPublicKey, packageId, ephemeralPrivateKey, ephemeralPublicRaw, nonce) {
  checkLength(keycode, KEYCODE_SIZE, 'keycode');
  checkLength(ephemeralPublicRaw, 65, 'ephemeralPublicRaw');
  checkLength(nonce, NONCE_SIZE, 'nonce');
  const shared = new Uint8Array(await subtle.deriveBits({ name: 'ECDH', public: recipientPublicKey }, ephemeralPrivateKey, 256));
  const wrapKey = await subtle.importKey('raw', await deriveWrapKey(shared, ephemeralPublicRaw, packageId), { name: 'AES-GCM' }, false, ['encrypt']);
  const ciphertext = await subtle.encrypt(
    { name: 'AES-GCM', iv: nonce, additionalData: encoder.encode(checkIdentifier(packageId)), tagLength: TAG_SIZE * 8 },
    wrapKey,
    keycode);
  const wrapped = new Uint8Array(WRAPPED_KEYCODE_SIZE);
  wrapped.set(ephemeralPublicRaw, 0);
  wrapped.set(nonce, 65);
  wrapped.set(new Uint8Array(ciphertext), 65 + NONCE_SIZE);
  return wrapped;
}

/** wrapKey = HKDF-SHA256(ikm = ECDH x coordinate, salt = E.public raw, info = "safedrop/v1 keycode wrap" ‖ 0 ‖ packageId, 32). */
async function deriveWrapKey(shared, ephemeralPublicRaw, packageId) {
  return hkdf(shared, ephemeralPublicRaw, join(LABEL_KEYCODE_WRAP, packageId));
}

async function hkdf(ikm, salt, info) {
  const key = await subtle.importKey('raw', ikm, 'HKDF', false, ['deriveBits']);
  return new Uint8Array(await subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt, info }, key, KEY_SIZE * 8));
}

/** AAD = "safedrop/v1 part" ‖ 0 ‖ packageId ‖ 0 ‖ fileId ‖ 0 ‖ uint64 big-endian(index) ‖ byte(isLast). */
function partAad(packageId, fileId, index, isLast) {
  if (!Number.isSafeInteger(index) || index < 0) throw new RangeError('A part index is a non-negative integer.');
  if (typeof isLast !== 'boolean') throw new TypeError('isLast is a boolean.');
  const prefix = join(LABEL_PART, packageId, fileId);
  // prefix ‖ 0 ‖ index(8) ‖ flag(1); the zero byte is the array's initial value.
  const aad = new Uint8Array(prefix.length + 10);
  aad.set(prefix, 0);
  new DataView(aad.buffer).setBigUint64(prefix.length + 1, BigInt(index), false);
  aad[aad.length - 1] = isLast ? 1 : 0;
  return aad;
}

/** label ‖ 0 ‖ field ‖ 0 ‖ field …, UTF-8. */
function join(label, ...fields) {
  const parts = [encoder.encode(label)];
  for (const field of fields) parts.push(Uint8Array.of(0), encoder.encode(checkIdentifier(field)));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

function checkIdentifier(value) {
  if (typeof value !== 'string' || value.length === 0 || value.includes('\0')) {
    throw new TypeError('Identifiers are non-empty strings without U+0000, the field separator of format v1.');
  }
  return value;
}

function checkLength(bytes, length, name) {
  const view = asBytes(bytes);
  if (view.length !== length) throw new RangeError(`${name} is ${length} bytes.`);
  return view;
}

function asBytes(value) {
  if (value instanceof Uint8Array) return value;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  throw new TypeError('Expected bytes (Uint8Array, ArrayBuffer or a typed array view).');
}

async function asAesKey(key) {
  return key instanceof CryptoKey ? key : importPartKey(key);
}
