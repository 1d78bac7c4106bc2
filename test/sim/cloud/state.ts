/**
 * In-memory state of the cloud simulator: channels (admin API), provisioning records, camera connections and
 * counters tests read. Tokens are minted in VXG's shape (base64 of Python-style JSON, reference §1.2) with
 * random secrets, so nothing here resembles a real credential.
 */
import { randomBytes } from 'node:crypto';

export interface SimChannel {
  id: number;
  cmngrid: number;
  name: string;
  created: string;
  meta: Record<string, string>;
  allToken: string;
  watchToken: string;
  /** True once a camera connected with this channel's `all` token. */
  streaming: boolean;
}

export interface SimRecord {
  serialId: string;
  password: string;
  accessToken: string;
  createdAt: string;
}

export interface SimConnection {
  channelId: number;
  /** The exact token string the camera connected with. */
  token: string;
  serialId: string | null;
  at: number;
}

/** Python's json.dumps separators (", " and ": "), as VXG's samples show; byte-exactness matters to cameras. */
function pythonJson(value: Record<string, string | number>): string {
  return `{${Object.entries(value)
    .map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`)
    .join(', ')}}`;
}

export function mintToken(fields: { camid?: number; cmngrid?: number; access: string; host: string }): string {
  const si = Buffer.from(JSON.stringify({ si: randomBytes(3).readUIntBE(0, 3) })).toString('base64url');
  const secret = `share.${si}.${Math.floor(Date.now() / 1000).toString(16)}t${randomBytes(4).toString('hex')}.${randomBytes(16).toString('base64url')}`;
  const json: Record<string, string | number> = {};
  if (fields.camid !== undefined) json['camid'] = fields.camid;
  if (fields.cmngrid !== undefined) json['cmngrid'] = fields.cmngrid;
  Object.assign(json, { access: fields.access, token: secret, api: fields.host, cam: fields.host });
  return Buffer.from(pythonJson(json), 'utf8').toString('base64');
}

export class CloudState {
  readonly channels = new Map<number, SimChannel>();
  readonly records = new Map<string, SimRecord>();
  readonly connections: SimConnection[] = [];
  readonly requests = new Map<string, number>();
  private nextId = 1001;

  constructor(private readonly host: string) {}

  addChannel(name: string, meta: Record<string, string>): SimChannel {
    const id = this.nextId++;
    const cmngrid = id + 5000;
    const channel: SimChannel = {
      id,
      cmngrid,
      name,
      created: new Date().toISOString(),
      meta: { ...meta },
      allToken: mintToken({ camid: id, cmngrid, access: 'all', host: this.host }),
      watchToken: mintToken({ camid: id, cmngrid, access: 'watch', host: this.host }),
      streaming: false,
    };
    this.channels.set(id, channel);
    return channel;
  }

  count(route: string): number {
    return this.requests.get(route) ?? 0;
  }

  /** A camera connects with `token`: the channel whose `all` token it is goes online. */
  connect(token: string, serialId: string | null): SimChannel | null {
    const channel = [...this.channels.values()].find((c) => c.allToken === token);
    if (!channel) return null;
    channel.streaming = true;
    this.connections.push({ channelId: channel.id, token, serialId, at: Date.now() });
    return channel;
  }

  channelJson(channel: SimChannel, includeMeta: boolean): Record<string, unknown> {
    return {
      id: channel.id,
      name: channel.name,
      created: channel.created,
      rec_mode: 'off',
      streaming: channel.streaming,
      timezone: 'UTC',
      ...(includeMeta ? { meta: channel.meta } : {}),
      access_tokens: { all: channel.allToken, watch: channel.watchToken },
    };
  }
}
