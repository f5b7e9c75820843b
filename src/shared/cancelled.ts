/** Thrown (or returned as a rejection) when the user cancels; the command wrapper ignores it. */
export class Cancelled extends Error {
  override readonly name = 'Cancelled';
}
