/**
 * Multi-step input the VS Code way: one quick input at a time, "Step n of m" in
 * the title, a Back button from the second step on that shows the previous step
 * with its answer, validation as you type, and Esc at any step cancels the whole
 * input (rejects with `vscode.CancellationError`, so nothing is sent).
 */
import * as vscode from 'vscode';
import { createInputBox, createQuickPick, setTexts, uiText, type UiPickItem, type UiText } from '../ui/window';
import { StepFlow, type StepPosition, type StepSpec } from '../shared/stepFlow';

const BACK = Symbol('back');
type Outcome = unknown;

interface ShowArgs {
  readonly title: string;
  readonly back: boolean;
  readonly previous: unknown;
  readonly host: InputHost;
}

/** One step of a multi-step input; build steps with `inputSteps<A>()`. */
export interface InputStep<A> extends StepSpec<A> {
  /** Shows the step; resolves with its answer or `BACK`, rejects with `CancellationError` on Esc. */
  show(args: ShowArgs): Promise<Outcome>;
}

/** The keys of `A` whose answers are of type `V`. */
type KeysOf<A, V> = { [K in keyof A]-?: A[K] extends V | undefined ? K : never }[keyof A] & string;
/** The item type of a pick answer / of a multi-select answer. */
type ItemOf<V> = NonNullable<V> extends UiPickItem ? NonNullable<V> : never;
type ItemsOf<V> = NonNullable<V> extends (infer T extends UiPickItem)[] ? T : never;
type When<A> = ((answers: Partial<A>) => boolean) | undefined;

export interface TextStepOptions {
  readonly prompt: string;
  readonly placeholder?: string;
  /** The text shown the first time the step is asked (e.g. the current value). */
  readonly value?: string;
  /** A message while the text is invalid; Enter is refused meanwhile. */
  readonly validate: (value: string) => string | undefined;
}

export interface PickStepOptions<T extends UiPickItem> {
  readonly placeholder: string;
  readonly items: readonly T[];
}

export interface ManyStepOptions<T extends UiPickItem> extends PickStepOptions<T> {
  /** A message while the selection is invalid (shown in the pick); OK is refused meanwhile. */
  readonly check: (chosen: readonly T[]) => string | undefined;
}

/** The title of a step: "Title (Step n of m)", or the plain title for a single step. */
export function stepTitle(title: string, at: StepPosition): string {
  return at.total > 1 ? vscode.l10n.t('{0} (Step {1} of {2})', title, at.step, at.total) : title;
}

/** Keeps one quick input on screen: the next step replaces the previous one without closing the widget. */
class InputHost {
  private current: vscode.QuickInput | undefined;

  present(input: vscode.QuickInput): void {
    this.current?.dispose();
    this.current = input;
    input.show();
  }

  dispose(): void {
    this.current?.dispose();
    this.current = undefined;
  }
}

/** Wires the common parts of a step and settles once: answer, Back, or Esc. */
function settle<Q extends vscode.InputBox | vscode.QuickPick<vscode.QuickPickItem>>(
  input: Q,
  args: ShowArgs,
  wire: (resolve: (answer: Outcome) => void, subs: vscode.Disposable[]) => void,
): Promise<Outcome> {
  const subs: vscode.Disposable[] = [];
  setTexts(input as vscode.QuickPick<UiPickItem> | vscode.InputBox, { title: uiText(args.title) });
  input.ignoreFocusOut = true;
  input.buttons = args.back ? [vscode.QuickInputButtons.Back] : [];
  return new Promise<Outcome>((resolve, reject) => {
    subs.push(
      input.onDidTriggerButton((b) => {
        if (b === vscode.QuickInputButtons.Back) resolve(BACK);
      }),
      input.onDidHide(() => reject(new vscode.CancellationError())),
    );
    wire(resolve, subs);
    args.host.present(input);
  }).finally(() => subs.forEach((d) => d.dispose()));
}

function sameItem(a: vscode.QuickPickItem, b: vscode.QuickPickItem): boolean {
  return a.label === b.label && a.description === b.description;
}

/** Step builders typed by the answers `A` of the whole input. */
export function inputSteps<A extends object>() {
  return {
    /** An input box; the answer is the text as typed. */
    text(key: KeysOf<A, string>, o: TextStepOptions, when?: When<A>): InputStep<A> {
      return {
        key,
        when,
        show(args) {
          const box = createInputBox({ prompt: uiText(o.prompt), placeholder: uiText(o.placeholder) });
          const check = (v: string): UiText | undefined => (o.validate(v) === undefined ? undefined : uiText(o.validate(v)));
          box.value = typeof args.previous === 'string' ? args.previous : (o.value ?? '');
          if (box.value !== '') setTexts(box, { validationMessage: check(box.value) });
          return settle(box, args, (resolve, subs) =>
            subs.push(
              box.onDidChangeValue((v) => setTexts(box, { validationMessage: check(v) })),
              box.onDidAccept(() => {
                const problem = check(box.value);
                setTexts(box, { validationMessage: problem });
                if (problem === undefined) resolve(box.value);
              }),
            ),
          );
        },
      };
    },

    /** A single-choice quick pick; the answer is the item picked. */
    pick<K extends keyof A & string, T extends ItemOf<A[K]> = ItemOf<A[K]>>(key: K, o: PickStepOptions<T>, when?: When<A>): InputStep<A> {
      return {
        key,
        when,
        show(args) {
          const qp = createQuickPick<T>({ placeholder: uiText(o.placeholder) });
          qp.matchOnDescription = true;
          qp.matchOnDetail = true;
          qp.items = o.items;
          const prev = args.previous as T | undefined;
          const again = prev && o.items.find((i) => sameItem(i, prev));
          if (again) qp.activeItems = [again];
          return settle(qp, args, (resolve, subs) =>
            subs.push(
              qp.onDidAccept(() => {
                const picked = qp.selectedItems[0] ?? qp.activeItems[0];
                if (picked) resolve(picked);
              }),
            ),
          );
        },
      };
    },

    /** A multi-select quick pick; the answer is the items chosen (those with `picked` start selected). */
    many<K extends keyof A & string, T extends ItemsOf<A[K]> = ItemsOf<A[K]>>(key: K, o: ManyStepOptions<T>, when?: When<A>): InputStep<A> {
      return {
        key,
        when,
        show(args) {
          const qp = createQuickPick<T>();
          qp.canSelectMany = true;
          qp.matchOnDescription = true;
          qp.items = o.items;
          const prev = args.previous as readonly T[] | undefined;
          qp.selectedItems = prev ? o.items.filter((i) => prev.some((p) => sameItem(i, p))) : o.items.filter((i) => i.picked);
          const placeholder = (chosen: readonly T[]): string => o.check(chosen) ?? o.placeholder;
          setTexts(qp, { placeholder: uiText(placeholder(qp.selectedItems)) });
          return settle(qp, args, (resolve, subs) =>
            subs.push(
              qp.onDidChangeSelection((chosen) => setTexts(qp, { placeholder: uiText(placeholder(chosen)) })),
              qp.onDidAccept(() => {
                const problem = o.check(qp.selectedItems);
                setTexts(qp, { placeholder: uiText(problem ?? o.placeholder) });
                if (problem === undefined) resolve([...qp.selectedItems]);
              }),
            ),
          );
        },
      };
    },
  };
}

/**
 * Asks the steps that apply, in order, and resolves with their answers. Back
 * returns to the previous step with its answer; Esc rejects with
 * `vscode.CancellationError`.
 */
export async function runSteps<A extends object>(title: string, steps: readonly InputStep<A>[]): Promise<A> {
  const flow = new StepFlow<A>(steps);
  const host = new InputHost();
  try {
    while (!flow.done) {
      const step = flow.current as InputStep<A>;
      const outcome = await step.show({ title: stepTitle(title, flow.position()), back: flow.canGoBack, previous: flow.previous(step.key), host });
      if (outcome === BACK) flow.back();
      else flow.answer(outcome);
    }
    return flow.result();
  } finally {
    host.dispose();
  }
}
