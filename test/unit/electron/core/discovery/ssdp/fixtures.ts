/** Our SSDP and UPnP fixtures (test/fixtures/ssdp, test/fixtures/upnp), shaped like real devices' messages. */
import { readFileSync } from 'node:fs';
import type { HttpClient, HttpOutcome, HttpRequest } from '../../../../../../electron/platform/http.js';

const root = new URL('../../../../../fixtures/', import.meta.url);
export const ssdpText = (name: string): string => readFileSync(new URL(`ssdp/${name}`, root), 'utf8');
export const ssdpBytes = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`ssdp/${name}`, root)));
export const upnpText = (name: string): string => readFileSync(new URL(`upnp/${name}`, root), 'utf8');

/** An HTTP port that serves fixed bodies per URL, records every request and never touches a network. */
export class FakeHttp implements HttpClient {
  requests: HttpRequest[] = [];
  /** URL → body (200), or an outcome, or 'hang' (never answers, like a device that stalls). */
  routes = new Map<string, string | HttpOutcome | 'hang'>();
  inFlight = 0;
  maxInFlight = 0;
  async request(req: HttpRequest): Promise<HttpOutcome> {
    this.requests.push(req);
    const route = this.routes.get(req.url);
    if (route === 'hang') return new Promise<HttpOutcome>(() => undefined);
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    await Promise.resolve();
    this.inFlight--;
    if (route === undefined) return { ok: false, kind: 'network', message: 'connection refused' };
    if (typeof route !== 'string') return route;
    return { ok: true, response: { status: 200, headers: { 'content-type': 'text/xml' }, body: route } };
  }
}
