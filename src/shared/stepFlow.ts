/**
 * Navigation through a multi-step input, without any UI: which step is asked,
 * its number among the steps that apply, going back with the answers kept, and
 * steps that apply only for some earlier answers. Pure: no `vscode` import.
 */

/** One step: the answer it sets and, optionally, when it is asked. */
export interface StepSpec<A> {
  readonly key: keyof A & string;
  /** Whether the step is asked given the answers so far (default: always). */
  readonly when?: (answers: Partial<A>) => boolean;
}

/** Where the current step sits: "Step `step` of `total`". */
export interface StepPosition {
  readonly step: number;
  readonly total: number;
}

export class StepFlow<A extends object> {
  private readonly answers: Partial<A> = {};
  /** Indexes of the steps answered on the way to the current one, in order. */
  private readonly path: number[] = [];
  private index: number;

  constructor(private readonly steps: readonly StepSpec<A>[]) {
    this.index = this.nextApplicable(0);
  }

  /** The step being asked; `undefined` once every step that applies is answered. */
  get current(): StepSpec<A> | undefined {
    return this.steps[this.index];
  }

  get done(): boolean {
    return this.current === undefined;
  }

  /** True from the second asked step on. */
  get canGoBack(): boolean {
    return this.path.length > 0;
  }

  /**
   * The current step's number and the number of steps that apply given the
   * answers so far (a conditional step counts once an answer makes it apply).
   */
  position(): StepPosition {
    if (this.done) return { step: this.path.length, total: this.path.length };
    let total = this.path.length + 1;
    for (let i = this.index + 1; i < this.steps.length; i++) if (this.applies(i)) total++;
    return { step: this.path.length + 1, total };
  }

  /** The answer last given to `key`, also after going back past it. */
  previous<K extends keyof A>(key: K): A[K] | undefined {
    return this.answers[key];
  }

  /** The answers of the steps asked before the current one (the answers a step's options are made from). */
  answersSoFar(): Partial<A> {
    const out: Record<string, unknown> = {};
    for (const i of this.path) out[this.steps[i].key] = (this.answers as Record<string, unknown>)[this.steps[i].key];
    return out as Partial<A>;
  }

  /** Records the current step's answer and moves to the next step that applies. */
  answer(value: unknown): void {
    const step = this.current;
    if (!step) throw new Error('every step is already answered');
    (this.answers as Record<string, unknown>)[step.key] = value;
    this.path.push(this.index);
    this.index = this.nextApplicable(this.index + 1);
  }

  /** Returns to the previous asked step; its answer is kept for showing again. */
  back(): void {
    const prev = this.path.pop();
    if (prev !== undefined) this.index = prev;
  }

  /**
   * The answers of the steps asked, once done. Answers of steps that no longer
   * apply (given after going back and choosing otherwise) are left out.
   */
  result(): A {
    if (!this.done) throw new Error('the steps are not all answered');
    const out: Record<string, unknown> = {};
    for (const i of this.path) out[this.steps[i].key] = (this.answers as Record<string, unknown>)[this.steps[i].key];
    return out as A;
  }

  private applies(i: number): boolean {
    const when = this.steps[i].when;
    return when === undefined || when(this.answers);
  }

  private nextApplicable(from: number): number {
    let i = from;
    while (i < this.steps.length && !this.applies(i)) i++;
    return i;
  }
}
