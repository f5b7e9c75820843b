/**
 * Stands in for the user at `vscode.window.createQuickPick`: each quick pick the extension shows
 * is accepted as it opens, with what `choose` picks, by default what it offers first (the active
 * item, else the first item; for a multi-select, the items it selected). Every pick's items are
 * recorded. The extension's own steps and checks run unchanged.
 */

/** Picks the item(s) to accept among those shown; undefined keeps the default. */
export type Chooser = (items: readonly vscode.QuickPickItem[]) => vscode.QuickPickItem | undefined;
import * as vscode from 'vscode';

class AcceptingQuickPick<T extends vscode.QuickPickItem> {
  title: string | undefined;
  placeholder: string | undefined;
  value = '';
  items: readonly T[] = [];
  activeItems: readonly T[] = [];
  selectedItems: readonly T[] = [];
  canSelectMany = false;
  matchOnDescription = false;
  matchOnDetail = false;
  ignoreFocusOut = false;
  busy = false;
  enabled = true;
  buttons: readonly vscode.QuickInputButton[] = [];
  step: number | undefined;
  totalSteps: number | undefined;
  private readonly accept = new vscode.EventEmitter<void>();
  private readonly hidden = new vscode.EventEmitter<void>();
  private readonly selection = new vscode.EventEmitter<readonly T[]>();
  private readonly active = new vscode.EventEmitter<readonly T[]>();
  private readonly value$ = new vscode.EventEmitter<string>();
  private readonly button = new vscode.EventEmitter<vscode.QuickInputButton>();
  private disposed = false;
  constructor(
    private readonly choose: Chooser,
    private readonly shown: (readonly vscode.QuickPickItem[])[],
  ) {}
  readonly onDidAccept = this.accept.event;
  readonly onDidHide = this.hidden.event;
  readonly onDidChangeSelection = this.selection.event;
  readonly onDidChangeActive = this.active.event;
  readonly onDidChangeValue = this.value$.event;
  readonly onDidTriggerButton = this.button.event;

  show(): void {
    const tryAccept = (attempt: number): void => {
      if (this.disposed) return;
      if ((this.busy || this.items.length === 0) && attempt < 200) {
        setTimeout(() => tryAccept(attempt + 1), 25);
        return;
      }
      this.shown.push(this.items);
      const chosen = this.choose(this.items) as T | undefined;
      if (chosen && !this.canSelectMany) this.selectedItems = [chosen];
      if (!this.canSelectMany && this.selectedItems.length === 0) {
        this.activeItems = this.activeItems.length > 0 ? this.activeItems : this.items.slice(0, 1);
      }
      this.accept.fire();
    };
    setTimeout(() => tryAccept(0), 0);
  }

  hide(): void {
    this.hidden.fire();
  }

  dispose(): void {
    this.disposed = true;
    for (const e of [this.accept, this.hidden, this.selection, this.active, this.value$, this.button]) e.dispose();
  }
}

/** Replaces `vscode.window.createQuickPick` until the returned function is called; `shown` receives each pick's items. */
export function acceptQuickPicks(choose: Chooser = () => undefined, shown: (readonly vscode.QuickPickItem[])[] = []): () => void {
  const w = vscode.window as unknown as Record<string, unknown>;
  const saved = w.createQuickPick;
  const fake = (): vscode.QuickPick<vscode.QuickPickItem> =>
    new AcceptingQuickPick(choose, shown) as unknown as vscode.QuickPick<vscode.QuickPickItem>;
  w.createQuickPick = fake;
  if (w.createQuickPick !== fake) throw new Error('vscode.window.createQuickPick cannot be replaced in the host');
  return () => {
    w.createQuickPick = saved;
  };
}
