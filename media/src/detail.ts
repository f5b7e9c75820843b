import type { PanelState } from '../../src/shared/detailView';
import { parseHostMessage, type WebviewMessage } from '../../src/shared/messages';
import { render, showNotice } from './render';

interface VsCodeApi {
  postMessage(message: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('app');
let state: PanelState | undefined;

function send(message: WebviewMessage): void {
  vscode.postMessage(message);
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (!root) return;
  const parsed = parseHostMessage(event.data);
  if (!parsed.ok) return;
  const message = parsed.message;
  if (message.type === 'state') {
    state = message.state;
    render(root, state, undefined, send);
  } else if (state) {
    showNotice(root, message.text, message.near);
  }
});

send({ type: 'ready' });
