/** Polling shared by the in-host and UI suites (plain Node: no `vscode`, no browser). */

/**
 * Calls `fn` every `intervalMs` until it returns something other than
 * undefined/false (or stops throwing) and resolves with that. After `timeoutMs`
 * it rejects with the last error, its message prefixed, or a timeout error.
 */
export async function pollUntil<T>(
  fn: () => T | Promise<T>,
  timeoutMs: number,
  what: string | (() => string),
  intervalMs: number,
): Promise<Exclude<T, undefined | false>> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v !== undefined && v !== false) return v as Exclude<T, undefined | false>;
      lastError = undefined;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      const prefix = `timed out after ${timeoutMs} ms waiting for ${typeof what === 'function' ? what() : what}`;
      if (lastError instanceof Error) {
        lastError.message = `${prefix}: ${lastError.message}`;
        throw lastError;
      }
      throw new Error(prefix);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
