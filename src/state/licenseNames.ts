import * as vscode from 'vscode';

/**
 * Product names of licenses by license ARN: those the explorer has listed, and those read on
 * their own (a grant panel reads its license once when no list has named it). One place for
 * the explorer, the inbox and every panel, so a name read once is shown everywhere.
 */
export class LicenseNames implements vscode.Disposable {
  private readonly learned = new Map<string, string>();
  /** ARNs whose license is being read, so a second panel does not read it again. */
  private readonly reading = new Set<string>();
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly subscription: vscode.Disposable | undefined;
  /** Fires when a name is learned, or when `listed` may name more licenses. */
  readonly onDidChange = this.emitter.event;

  constructor(
    private readonly listed: () => ReadonlyMap<string, string>,
    listedChanged?: vscode.Event<unknown>,
  ) {
    this.subscription = listedChanged?.(() => this.emitter.fire());
  }

  /** Every known name: the listed ones win over names read earlier. */
  names(): Map<string, string> {
    return new Map([...this.learned, ...this.listed()]);
  }

  get(licenseArn: string): string | undefined {
    return this.listed().get(licenseArn) ?? this.learned.get(licenseArn);
  }

  /**
   * Claims the reading of a license's name: false when it is known or already being read.
   * The claimer calls `learn` with the name, or `release` when the read failed.
   */
  claim(licenseArn: string): boolean {
    if (this.get(licenseArn) !== undefined || this.reading.has(licenseArn)) return false;
    this.reading.add(licenseArn);
    return true;
  }

  learn(licenseArn: string, productName: string): void {
    this.reading.delete(licenseArn);
    if (!productName || this.learned.get(licenseArn) === productName) return;
    this.learned.set(licenseArn, productName);
    this.emitter.fire();
  }

  /** Forgets the names read on their own; they are read again when next needed. */
  clear(): void {
    this.learned.clear();
  }

  release(licenseArn: string): void {
    this.reading.delete(licenseArn);
  }

  dispose(): void {
    this.subscription?.dispose();
    this.emitter.dispose();
  }
}
