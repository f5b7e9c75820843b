/**
 * Stands in for the user at `vscode.window.createInputBox`: each input box the
 * extension shows is answered with the next text of a queue (typed, then Enter)
 * or, for `undefined`, with Esc. The extension's own steps, validation and
 * cancellation run unchanged; only the widget is replaced.
 */
import * as vscode from 'vscode';

/** What one input box showed and how it ended. */
export interface AskedBox {
  readonly title: string | undefined;
  readonly prompt: string | undefined;
  readonly back: boolean;
  /** The validation message left after Enter (the box was then closed with Esc). */
  readonly refused: string | undefined;
}

class AnsweredInputBox {
  title: string | undefined;
  prompt: string | undefined;
  placeholder: string | undefined;
  value = '';
  validationMessage: string | vscode.InputBoxValidationMessage | undefined;
  ignoreFocusOut = false;
  buttons: readonly vscode.QuickInputButton[] = [];
  step: number | undefined;
  totalSteps: number | undefined;
  enabled = true;
  busy = false;
  password = false;
  valueSelection: readonly [number, number] | undefined;
  private readonly accept = new vscode.EventEmitter<void>();
  private readonly change = new vscode.EventEmitter<string>();
  private readonly hidden = new vscode.EventEmitter<void>();
  private readonly button = new vscode.EventEmitter<vscode.QuickInputButton>();
  private disposed = false;
  readonly onDidAccept = this.accept.event;
  readonly onDidChangeValue = this.change.event;
  readonly onDidHide = this.hidden.event;
  readonly onDidTriggerButton = this.button.event;

  constructor(
    private readonly answer: () => string | undefined,
    private readonly asked: AskedBox[],
  ) {}

  show(): void {
    setTimeout(() => {
      if (this.disposed) return;
      const text = this.answer();
      const record = (refused: string | undefined): void => {
        this.asked.push({ title: this.title, prompt: this.prompt, back: this.buttons.includes(vscode.QuickInputButtons.Back), refused });
      };
      if (text === undefined) {
        record(undefined);
        this.hidden.fire();
        return;
      }
      this.value = text;
      this.change.fire(text);
      this.accept.fire();
      // Once the extension has handled Enter: closed means accepted; still shown means refused (then Esc).
      setTimeout(() => {
        if (this.disposed) return record(undefined);
        const message = this.validationMessage;
        record(typeof message === 'string' || message === undefined ? message : message.message);
        this.hidden.fire();
      }, 0);
    }, 0);
  }

  hide(): void {
    this.hidden.fire();
  }

  dispose(): void {
    this.disposed = true;
    for (const e of [this.accept, this.change, this.hidden, this.button]) e.dispose();
  }
}

/**
 * Replaces `vscode.window.createInputBox` until the returned function is
 * called; `answer` gives the next text (undefined = Esc). Every box shown is
 * recorded in `asked`.
 */
export function answerInputBoxes(answer: () => string | undefined, asked: AskedBox[] = []): () => void {
  const w = vscode.window as unknown as Record<string, unknown>;
  const saved = w.createInputBox;
  const fake = (): vscode.InputBox => new AnsweredInputBox(answer, asked) as unknown as vscode.InputBox;
  w.createInputBox = fake;
  if (w.createInputBox !== fake) throw new Error('vscode.window.createInputBox cannot be replaced in the host');
  return () => {
    w.createInputBox = saved;
  };
}
