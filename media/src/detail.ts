import type { PanelState } from '../../src/shared/detailView';
import { parseHostMessage, type WebviewMessage } from '../../src/shared/messages';
import { render, showNotice } from './render';

interface VsCodeApi {
  postMessage(message: unknown): void;
  setState(state: unknown): void;
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
    // Which resource this is, so the panel comes back after a window reload (read again from AWS then).
    const { kind, profile, region, arn } = state.subject;
    vscode.setState({ ref: { kind, profile, region, arn } });
    render(root, state, undefined, send);
  } else if (state) {
    showNotice(root, message.text, message.near);
  }
});

send({ type: 'ready' });
