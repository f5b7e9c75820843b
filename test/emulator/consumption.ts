/** What live checkouts consume of a license's entitlements, judged by the emulator's clock. */
import type { CheckoutRecord, EmulatorState } from './state';

/** Entitlement units that are counted; `None` is a feature flag and consumes nothing. */
export const isCounted = (unit: unknown): boolean => unit !== 'None';

/** True while a consumption holds its units: PERPETUAL always, the others until check-in or expiry. */
export function holdsUnits(c: CheckoutRecord, now: number): boolean {
  if (c.kind === 'PERPETUAL') return true;
  return !c.checkedIn && now < c.expiresAt;
}

/** Units of one entitlement held by the live consumptions of a license. */
export function consumedByCheckouts(state: EmulatorState, licenseArn: string, entitlement: string): number {
  const now = state.now();
  let total = 0;
  for (const c of state.checkouts.values()) {
    if (c.licenseArn !== licenseArn || !holdsUnits(c, now)) continue;
    for (const e of c.entitlements) if (e.Name === entitlement && isCounted(e.Unit)) total += Number(e.Value ?? 0);
  }
  return total;
}
