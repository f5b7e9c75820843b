/**
 * Eventual consistency, as AWS lists show it: with `lagMs` set, every list operation (any
 * operation named `List…`, the one rule) answers from the state as it was `lagMs` ago, while reads
 * by ARN and mutations see the current state.
 */
import type { EmulatorState } from './state';

/** True for the operations that answer from the lagging view: every `List…` operation. */
export function isListOperation(operation: string): boolean {
  return operation.startsWith('List');
}

/**
 * The states lists may still answer from: before each mutation, a snapshot of the state it
 * changes, kept until the mutation is `lagMs` old.
 */
export class LaggingView {
  private pending: { readonly at: number; readonly before: EmulatorState }[] = [];

  /** Remembers the state as it is before a mutation made at `now`. */
  beforeMutation(state: EmulatorState, now: number): void {
    this.pending.push({ at: now, before: state.snapshot() });
  }

  /** The state a list answers from at `now`: before the oldest mutation younger than `lagMs`, else the current one. */
  view(current: EmulatorState, lagMs: number, now: number): EmulatorState {
    const cutoff = now - lagMs;
    while (this.pending.length > 0 && this.pending[0].at <= cutoff) this.pending.shift();
    return this.pending[0]?.before ?? current;
  }

  /** Lists answer from the current state from now on. */
  clear(): void {
    this.pending = [];
  }
}
