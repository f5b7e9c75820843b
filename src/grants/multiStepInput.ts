/**
 * Multi-step input the VS Code way: one quick input at a time, its number in
 * `QuickInput.step`/`totalSteps` (VS Code shows "Title (2/5)"), a Back button
 * from the second step on that shows the previous step with its answer,
 * validation as you type, and Esc at any step cancels the whole input (rejects
 * with `vscode.CancellationError`, so nothing is sent). A step's options may
 * depend on the answers before it; a pick may load its items (once) and hold
 * rows that cannot be picked (notes, such as what could not be listed).
 */
import * as vscode from 'vscode';
import { createInputBox, createQuickPick, setTexts, t, uiText, type UiPickItem, type UiText } from '../ui/window';
import { StepFlow, type StepPosition, type StepSpec } from '../shared/stepFlow';

const BACK = Symbol('back');
type Outcome = unknown;

interface ShowArgs {
  readonly title: string;
  readonly at: StepPosition;
  readonly back: boolean;
  /** The answers of the steps before this one. */
  readonly answers: object;
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
/** Options, or options made from the answers of the earlier steps. */
type Given<A, O> = O | ((answers: Partial<A>) => O);

function given<A, O>(o: Given<A, O>, args: ShowArgs): O {
  return typeof o === 'function' ? (o as (answers: Partial<A>) => O)(args.answers as Partial<A>) : o;
}

/** A pick row that cannot be picked: accepting it leaves the step open (a note, e.g. what could not be listed). */
export interface NoteItem {
  readonly note?: true;
}

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
  /** The rows, or a loader run once per input (the pick is busy meanwhile; a rejection ends the input). */
  readonly items: readonly (T | (UiPickItem & NoteItem))[] | ((signal: AbortSignal) => Promise<readonly (T | (UiPickItem & NoteItem))[]>);
  /**
   * Runs for an accepted row instead of answering when it returns a text: the step stays open
   * with that text as its placeholder (e.g. "Copied…").
   */
  readonly act?: (item: T) => Promise<string | undefined>;
}

export interface ManyStepOptions<T extends UiPickItem> {
  readonly placeholder: string;
  readonly items: readonly T[];
  /** A message while the selection is invalid (shown in the pick); OK is refused meanwhile. */
  readonly check: (chosen: readonly T[]) => string | undefined;
}


/** Keeps one quick input on screen: the next step replaces the previous one without closing the widget. */
class InputHost {
  private current: vscode.QuickInput | undefined;
  private readonly abort = new AbortController();

  /** Aborted when the input ends (loaders stop their calls). */
  get signal(): AbortSignal {
    return this.abort.signal;
  }

  present(input: vscode.QuickInput): void {
    this.current?.dispose();
    this.current = input;
    input.show();
  }

  dispose(): void {
    this.abort.abort();
    this.current?.dispose();
    this.current = undefined;
  }
}

/** Wires the common parts of a step and settles once: answer, Back, or Esc. */
function settle<Q extends vscode.InputBox | vscode.QuickPick<vscode.QuickPickItem>>(
  input: Q,
  args: ShowArgs,
  wire: (resolve: (answer: Outcome) => void, subs: vscode.Disposable[], reject: (e: Error) => void) => void,
): Promise<Outcome> {
  const subs: vscode.Disposable[] = [];
  setTexts(input as vscode.QuickPick<UiPickItem> | vscode.InputBox, { title: uiText(args.title) });
  // VS Code shows the position after the title ("Create Grant (2/5)"); a single step shows none.
  input.step = args.at.total > 1 ? args.at.step : undefined;
  input.totalSteps = args.at.total > 1 ? args.at.total : undefined;
  input.ignoreFocusOut = true;
  input.buttons = args.back ? [vscode.QuickInputButtons.Back] : [];
  return new Promise<Outcome>((resolve, reject) => {
    subs.push(
      input.onDidTriggerButton((b) => {
        if (b === vscode.QuickInputButtons.Back) resolve(BACK);
      }),
      input.onDidHide(() => reject(new vscode.CancellationError())),
    );
    wire(resolve, subs, reject);
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
    text(key: KeysOf<A, string>, options: Given<A, TextStepOptions>, when?: When<A>): InputStep<A> {
      return {
        key,
        when,
        show(args) {
          const o = given(options, args);
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
    pick<K extends keyof A & string, T extends ItemOf<A[K]> = ItemOf<A[K]>>(key: K, options: Given<A, PickStepOptions<T>>, when?: When<A>): InputStep<A> {
      let loaded: Promise<readonly (T | (UiPickItem & NoteItem))[]> | undefined;
      return {
        key,
        when,
        show(args) {
          const o = given(options, args);
          const qp = createQuickPick<T | (UiPickItem & NoteItem)>({ placeholder: uiText(o.placeholder) });
          qp.matchOnDescription = true;
          qp.matchOnDetail = true;
          const prev = args.previous as T | undefined;
          const fill = (items: readonly (T | (UiPickItem & NoteItem))[]): void => {
            qp.items = items;
            const again = prev && items.find((i) => sameItem(i, prev));
            if (again) qp.activeItems = [again];
          };
          let pending: Promise<void> | undefined;
          if (typeof o.items === 'function') {
            const load = o.items;
            loaded ??= load(args.host.signal);
            qp.busy = true;
            setTexts(qp, { placeholder: t('Loading…') });
            pending = loaded.then((items) => {
              fill(items);
              qp.busy = false;
              setTexts(qp, { placeholder: uiText(o.placeholder) });
            });
          } else fill(o.items);
          return settle(qp, args, (resolve, subs, reject) => {
            pending?.catch((e: unknown) => reject(e instanceof Error ? e : new Error(String(e))));
            subs.push(
              qp.onDidAccept(() => {
                const picked = qp.selectedItems[0] ?? qp.activeItems[0];
                if (!picked || qp.busy || (picked as NoteItem).note) return;
                if (!o.act) return resolve(picked);
                void o.act(picked as T).then(
                  (stay) => (stay === undefined ? resolve(picked) : setTexts(qp, { placeholder: uiText(stay) })),
                  (e: unknown) => reject(e instanceof Error ? e : new Error(String(e))),
                );
              }),
            );
          });
        },
      };
    },

    /** A multi-select quick pick; the answer is the items chosen (those with `picked` start selected). */
    many<K extends keyof A & string, T extends ItemsOf<A[K]> = ItemsOf<A[K]>>(key: K, options: Given<A, ManyStepOptions<T>>, when?: When<A>): InputStep<A> {
      return {
        key,
        when,
        show(args) {
          const o = given(options, args);
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
      const outcome = await step.show({
        title,
        at: flow.position(),
        back: flow.canGoBack,
        answers: flow.answersSoFar(),
        previous: flow.previous(step.key),
        host,
      });
      if (outcome === BACK) flow.back();
      else flow.answer(outcome);
    }
    return flow.result();
  } finally {
    host.dispose();
  }
}
