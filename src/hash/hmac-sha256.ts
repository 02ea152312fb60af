import { sha256 } from './sha256.js';

const BLOCK_SIZE = 64;

/**
 * HMAC-SHA256 (RFC 2104) of a string's UTF-8 bytes under a key's UTF-8 bytes, as lowercase hex
 * (64 characters). Pure TypeScript, so the sandbox can sign in browsers too.
 * @example hmacSha256Hex('key', 'The quick brown fox jumps over the lazy dog') // 'f7bc83f4…2d1a3cd8'
 */
export function hmacSha256Hex(key: string, message: string): string {
  const encoder = new TextEncoder();
  let keyBytes: Uint8Array = encoder.encode(key);
  if (keyBytes.length > BLOCK_SIZE) keyBytes = sha256(keyBytes);
  const inner = new Uint8Array(BLOCK_SIZE);
  const outer = new Uint8Array(BLOCK_SIZE);
  for (let i = 0; i < BLOCK_SIZE; i++) {
    const byte = keyBytes[i] ?? 0;
    inner[i] = byte ^ 0x36;
    outer[i] = byte ^ 0x5c;
  }
  const messageBytes = encoder.encode(message);
  const innerInput = new Uint8Array(BLOCK_SIZE + messageBytes.length);
  innerInput.set(inner);
  innerInput.set(messageBytes, BLOCK_SIZE);
  const outerInput = new Uint8Array(BLOCK_SIZE + 32);
  outerInput.set(outer);
  outerInput.set(sha256(innerInput), BLOCK_SIZE);
  let hex = '';
  for (const byte of sha256(outerInput)) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
