/** Polls `fn` until it returns something other than undefined/false (or stops throwing). */
export async function poll<T>(
  fn: () => T | Promise<T>,
  timeoutMs = 15_000,
  what: string | (() => string) = 'condition',
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
      const label = typeof what === 'function' ? what() : what;
      const reason = lastError instanceof Error ? `: ${lastError.message}` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${label}${reason}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The few DOM members the helpers read inside page functions (the tests compile without the DOM lib). */
export interface DomElement {
  innerText: string;
  offsetParent: unknown;
  style: { display: string };
}
