/**
 * The modules loaded right after the extension activated, recorded by the
 * in-host entry point before any test runs, so the activation test holds in
 * any test order (later tests load the AWS layer on purpose).
 */
let modules: readonly string[] | undefined;

export function recordActivation(loaded: readonly string[]): void {
  modules ??= [...loaded];
}

export function modulesAtActivation(): readonly string[] {
  if (!modules) throw new Error('the in-host entry point did not record the modules loaded at activation');
  return modules;
}
