/** Keeps AWS strings literal where VS Code would otherwise interpret them. Pure; no `vscode`. */

/** Escapes `$(name)` so that quick picks show AWS strings literally instead of as icons. */
export function escapeIcons(text: string): string {
  return text.replace(/\$\(/g, '\\$(');
}

/**
 * Breaks `[text](target)` so that a notification shows it literally instead of as a
 * clickable link (notifications turn such text into links, `command:` ones included).
 */
export function escapeLinks(text: string): string {
  return text.replace(/\]\s*\(/g, (m) => `]\u200b${m.slice(1)}`);
}
