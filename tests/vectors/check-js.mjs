// Checks the portal's WebCrypto port (api/Safedrop.Api/wwwroot/js/safedrop-crypto.js) against the known-answer
// vectors that Safedrop.Crypto generates (encryption-v1.json).
//
// Node:    node tests/vectors/check-js.mjs [vectors.json] [safedrop-crypto.js]   (exit code 1 on any mismatch)
// Browser: import { checkVectors, checkRoundTrips } from this file, pass the parsed vectors and the imported module;
//          both return a list of failure messages (empty when everything agrees). Nothing here needs Node.

/** Every check of the vectors file: derivations, sealing with the fixed nonces, opening, must-fail parts, device wrap. */
export async function checkVectors(vectors, sd) {
  const failures = [];
  const b = sd.fromBase64Url;
  const hex = (bytes) => Array.from(bytes, (x) => x.toString(16).padStart(2, '0')).join('');
  const same = (name, actual, expected) => {
    const text = actual instanceof Uint8Array ? sd.toBase64Url(actual) : String(actual);
    if (text !== expected) failures.push(`${name}: expected ${expected}, got ${text}`);
  };
  const attempt = async (name, action) => {
    try {
      await action();
    } catch (e) {
      failures.push(`${name}: threw ${e && e.name}: ${e && e.message}`);
    }
  };

  if (vectors.format !== 'safedrop/v1') failures.push(`format: expected safedrop/v1, got ${vectors.format}`);
  const { inputs, derived } = vectors;
  const keycode = b(inputs.keycode);
  const serverSecret = b(inputs.serverSecret);

  await attempt('derived keys', async () => {
    const verifier = await sd.deriveVerifier(keycode);
    same('verifier', verifier, derived.verifier);
    same('verifierHash', new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', verifier)), derived.verifierHash);
    same('fileKey', await sd.deriveFileKeyBytes(keycode, serverSecret, inputs.packageId, inputs.fileId), derived.fileKey);
    same('messageKey', await sd.deriveMessageKeyBytes(keycode, serverSecret, inputs.packageId), derived.messageKey);
  });

  for (const part of vectors.parts) {
    await attempt(`part "${part.name}"`, async () => {
      const scope = { packageId: part.packageId, fileId: part.fileId, index: part.index, isLast: part.isLast };
      const key = await sd.importPartKey(b(part.key));
      same(`seal "${part.name}"`, await sd.forTestVectors.sealPartWithNonce(key, scope, b(part.plaintext), b(part.nonce)), part.sealed);
      same(`open "${part.name}"`, await sd.openPart(key, scope, b(part.sealed)), part.plaintext);
    });
  }

  for (const part of vectors.partsThatMustFail) {
    const scope = { packageId: part.packageId, fileId: part.fileId, index: part.index, isLast: part.isLast };
    try {
      const plaintext = await sd.openPart(b(part.key), scope, b(part.sealed));
      failures.push(`must fail "${part.name}": opened to ${hex(plaintext)}`);
    } catch (e) {
      if (!(e instanceof sd.PartAuthenticationError)) failures.push(`must fail "${part.name}": threw ${e && e.name} instead of PartAuthenticationError`);
    }
  }

  const wrap = vectors.deviceKeyWrap;
  await attempt('deviceKeyWrap', async () => {
    const recipientPrivate = await sd.importDevicePrivateKey(b(wrap.recipientPrivateKeyPkcs8));
    const recipientPublic = await sd.importDevicePublicKey(wrap.recipientPublicKeySpki);
    same('deviceKeyWrap recipient SPKI round trip', b(await sd.exportPublicKeySpki(recipientPublic)), wrap.recipientPublicKeySpki);
    const ephemeralPrivate = await sd.importDevicePrivateKey(b(wrap.ephemeralPrivateKeyPkcs8));
    const ephemeralPublicRaw = b(wrap.ephemeralPublicKeyRaw);
    const shared = new Uint8Array(await globalThis.crypto.subtle.deriveBits({ name: 'ECDH', public: recipientPublic }, ephemeralPrivate, 256));
    same('deviceKeyWrap sharedSecret', shared, wrap.sharedSecret);
    same('deviceKeyWrap wrapKey', await sd.forTestVectors.deriveWrapKey(shared, ephemeralPublicRaw, wrap.packageId), wrap.wrapKey);
    const wrapped = await sd.forTestVectors.wrapKeycodeWith(b(wrap.keycode), recipientPublic, wrap.packageId, ephemeralPrivate, ephemeralPublicRaw, b(wrap.nonce));
    same('deviceKeyWrap wrapped', wrapped, wrap.wrapped);
    same('deviceKeyWrap unwrapped', await sd.unwrapKeycode(recipientPrivate, wrap.wrapped, wrap.packageId), wrap.keycode);
    try {
      await sd.unwrapKeycode(recipientPrivate, wrap.wrapped, wrap.wrongPackageIdMustFail);
      failures.push('deviceKeyWrap: unwrapped under the wrong package id');
    } catch (e) {
      if (!(e instanceof sd.KeyUnwrapError)) failures.push(`deviceKeyWrap wrong package id: threw ${e && e.name} instead of KeyUnwrapError`);
    }
  });

  return failures;
}

/** Behaviour beyond fixed vectors: random sealing round trips, sealFile over a Blob, device keys made here. */
export async function checkRoundTrips(sd) {
  const failures = [];
  const check = (condition, message) => {
    if (!condition) failures.push(message);
  };
  try {
    const keycode = sd.generateKeycode();
    check(sd.fromBase64Url(sd.toBase64Url(keycode)).length === sd.KEYCODE_SIZE, 'keycode base64url round trip');
    const serverSecret = globalThis.crypto.getRandomValues(new Uint8Array(32));
    const key = await sd.deriveFileKey(keycode, serverSecret, 'pkg_roundtrip', 'f_1');

    // Two full parts and a short last one, read one Blob slice at a time.
    const size = 2 * sd.PART_SIZE + 5;
    const content = new Uint8Array(size);
    for (let i = 0; i < size; i += 65536) globalThis.crypto.getRandomValues(content.subarray(i, Math.min(i + 65536, size)));
    const parts = [];
    for await (const part of sd.sealFile(new Blob([content]), key, { packageId: 'pkg_roundtrip', fileId: 'f_1' })) parts.push(part);
    check(parts.length === 3, `sealFile: expected 3 parts, got ${parts.length}`);
    check(parts.map((p) => p.isLast).join() === 'false,false,true', 'sealFile: only the last part is last');
    parts.forEach((p, i) => check(p.sealed.length === sd.sealedPartLength(size, i), `sealFile: part ${i} has its sealed length`));
    let offset = 0;
    let equal = true;
    for (const part of parts) {
      const plain = await sd.openPart(key, { packageId: 'pkg_roundtrip', fileId: 'f_1', index: part.index, isLast: part.isLast }, part.sealed);
      for (let i = 0; i < plain.length; i++) if (plain[i] !== content[offset + i]) equal = false;
      offset += plain.length;
    }
    check(equal && offset === size, 'sealFile: parts open back to the content');

    const emptyParts = [];
    for await (const part of sd.sealFile(new Blob([]), key, { packageId: 'pkg_roundtrip', fileId: 'f_2' })) emptyParts.push(part);
    check(emptyParts.length === 1 && emptyParts[0].isLast && emptyParts[0].sealed.length === sd.PART_OVERHEAD, 'sealFile: an empty file is one empty last part');

    const a = await sd.sealPart(key, { packageId: 'p', fileId: 'f', index: 0, isLast: true }, new Uint8Array(3));
    const c = await sd.sealPart(key, { packageId: 'p', fileId: 'f', index: 0, isLast: true }, new Uint8Array(3));
    check(sd.toBase64Url(a.subarray(0, sd.NONCE_SIZE)) !== sd.toBase64Url(c.subarray(0, sd.NONCE_SIZE)), 'sealPart: a fresh nonce per part');

    const device = await sd.generateDeviceKeyPair();
    check(device.privateKey.extractable === false, 'generateDeviceKeyPair: the private key is not extractable');
    const wrapped = await sd.wrapKeycodeForDevice(keycode, device.publicKeySpki, 'pkg_roundtrip');
    check(wrapped.length === sd.WRAPPED_KEYCODE_SIZE, 'wrapKeycodeForDevice: wrapped size');
    check(sd.toBase64Url(await sd.unwrapKeycode(device.privateKey, wrapped, 'pkg_roundtrip')) === sd.toBase64Url(keycode), 'device wrap round trip');
    const other = await sd.generateDeviceKeyPair();
    try {
      await sd.unwrapKeycode(other.privateKey, wrapped, 'pkg_roundtrip');
      failures.push('unwrapKeycode: another device key unwrapped the keycode');
    } catch (e) {
      check(e instanceof sd.KeyUnwrapError, `unwrapKeycode with another key: threw ${e && e.name}`);
    }
  } catch (e) {
    failures.push(`round trips: threw ${e && e.name}: ${e && e.message}`);
  }
  return failures;
}

async function main() {
  const { readFile } = await import('node:fs/promises');
  const { pathToFileURL } = await import('node:url');
  const vectorsPath = process.argv[2] ?? new URL('./encryption-v1.json', import.meta.url);
  const modulePath = process.argv[3] ?? new URL('../../api/Safedrop.Api/wwwroot/js/safedrop-crypto.js', import.meta.url);
  const vectors = JSON.parse(await readFile(vectorsPath, 'utf8'));
  const sd = await import(modulePath instanceof URL ? modulePath.href : pathToFileURL(modulePath).href);
  const failures = [...(await checkVectors(vectors, sd)), ...(await checkRoundTrips(sd))];
  for (const failure of failures) console.error(`FAIL ${failure}`);
  console.log(failures.length === 0
    ? `ok: ${vectors.parts.length} parts, ${vectors.partsThatMustFail.length} must-fail parts, device wrap and round trips agree`
    : `${failures.length} failure(s)`);
  return failures.length === 0 ? 0 : 1;
}

// Run only when node executes this file directly; a browser page (or another module) just imports the checks.
if (typeof process !== 'undefined' && process.versions?.node && process.argv[1]) {
  const { pathToFileURL } = await import('node:url');
  const { realpathSync } = await import('node:fs');
  if (import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) process.exitCode = await main();
}
