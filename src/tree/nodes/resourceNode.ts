import * as vscode from 'vscode';
import { joinUi, uiText, type UiText } from '../../ui/window';
import type { ResourceHolder, ResourceRef } from '../../model/resources';
import { ExplorerNode } from './explorerNode';

/** A node that shows one loaded AWS object. */
export abstract class ResourceNode<T extends object = object> extends ExplorerNode implements ResourceHolder {
  readonly id: string;
  private current: T;

  constructor(
    parent: ExplorerNode,
    readonly resource: ResourceRef,
    data: T,
    /** Unique among the parent's children (usually the ARN). */
    readonly key: string,
  ) {
    super(parent);
    this.current = data;
    this.id = `${parent.id}|${key}`;
  }

  /** The object as last loaded. */
  get data(): T {
    return this.current;
  }

  /** Replaces the loaded object (after the item was reloaded). */
  update(data: T): void {
    this.current = data;
  }

  /** Texts the explorer's text filter looks in. */
  abstract searchText(): (string | undefined)[];

  protected openDetails(): vscode.Command {
    return { command: 'licenseManager.resource.openDetails', title: vscode.l10n.t('Open Details'), arguments: [this] };
  }

  protected openJson(): vscode.Command {
    return { command: 'licenseManager.resource.openJson', title: vscode.l10n.t('Open JSON'), arguments: [this] };
  }
}

/** Plain-text tooltip lines `Label: value`, skipping empty values. AWS strings stay literal text. */
export function tooltipLines(title: string | undefined, rows: readonly (readonly [string, unknown])[]): UiText {
  const out = title ? [uiText(title)] : [];
  for (const [label, value] of rows) {
    const text = formatValue(value);
    if (text !== undefined && text !== '') out.push(uiText(`${label}: ${text}`));
  }
  return joinUi(out, '\n');
}

function formatValue(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
  if (Array.isArray(value)) return value.map((v) => formatValue(v) ?? '').join(', ');
  if (typeof value === 'boolean') return value ? vscode.l10n.t('yes') : vscode.l10n.t('no');
  return String(value);
}
