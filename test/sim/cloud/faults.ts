/**
 * Faults the cloud simulator can inject, matched against a route key such as `POST /v1/token` or
 * `GET /api/v3/channels/{id}/` (`*` matches any). Each fault fires `times` times, then is spent.
 */
export type FaultAction =
  | { kind: 'status'; status: number; retryAfter?: string; body?: string }
  /** Never answer: the client's deadline must fire. */
  | { kind: 'hang' }
  /** Send headers, then the body one byte per `tickMs`: only a whole-exchange deadline catches it. */
  | { kind: 'slow-body'; tickMs: number; body?: string };

export interface Fault {
  route: string;
  times: number;
  action: FaultAction;
}

export class FaultBook {
  private faults: Fault[] = [];

  add(route: string, action: FaultAction, times = 1): void {
    this.faults.push({ route, times, action });
  }

  clear(): void {
    this.faults = [];
  }

  /** The action for this request, if a fault matches; consumes one use. */
  take(route: string): FaultAction | null {
    const fault = this.faults.find((f) => f.times > 0 && (f.route === '*' || f.route === route));
    if (!fault) return null;
    fault.times--;
    this.faults = this.faults.filter((f) => f.times > 0);
    return fault.action;
  }
}
