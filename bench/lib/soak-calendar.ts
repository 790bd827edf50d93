/**
 * The drill's own record of whom it has booked when, so that a journey meant to book asks a clinician
 * who is free then (the bot would otherwise answer "You are booked then" to most accepts, the times card
 * listing times that some clinician, not this one, is free). Only these journeys book, so it is exact.
 */
export class SoakCalendar {
  private readonly booked = new Map<string, Set<number>>();

  /** `gapMs`: a consultation's length plus the buffer after it, in which the clinician can take no other. */
  constructor(private readonly clinicians: readonly string[], private readonly gapMs: number) {}

  private free(clinician: string, at: number): boolean {
    for (const start of this.booked.get(clinician) ?? []) if (at < start + this.gapMs && start < at + this.gapMs) return false;
    return true;
  }

  /** The first offered time with a free clinician, held for them until `release`; undefined when none is. */
  take(offered: readonly string[]): { start: string; clinician: string } | undefined {
    for (const start of offered) {
      const at = Date.parse(start);
      const clinician = this.clinicians.find((c) => this.free(c, at));
      if (clinician) {
        this.booked.set(clinician, (this.booked.get(clinician) ?? new Set()).add(at));
        return { start, clinician };
      }
    }
    return undefined;
  }

  /** A hold that did not become a booking. */
  release(clinician: string, start: string): void {
    this.booked.get(clinician)?.delete(Date.parse(start));
  }
}
