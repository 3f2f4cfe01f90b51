/**
 * The Jupyter wire protocol: message frames, HMAC signatures, and replies that keep the parent header.
 * https://jupyter-client.readthedocs.io/en/stable/messaging.html#the-wire-protocol
 */
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';

export const PROTOCOL_VERSION = '5.3';
const DELIMITER = Buffer.from('<IDS|MSG>');

export interface Header {
  msg_id: string;
  msg_type: string;
  session: string;
  username: string;
  date: string;
  version: string;
}

export interface Message<C = Record<string, unknown>> {
  identities: Buffer[];
  header: Header;
  parent_header: Partial<Header>;
  metadata: Record<string, unknown>;
  content: C;
  buffers: Buffer[];
}

/** Signs and verifies frames with the connection file's key (`hmac-sha256`, or none for an empty key). */
export class Signer {
  constructor(private readonly key: string, scheme = 'hmac-sha256') {
    if (key && scheme !== 'hmac-sha256') {
      throw new Error(`unsupported signature_scheme '${scheme}' (rnnlab supports hmac-sha256)`);
    }
  }

  sign(parts: (string | Buffer)[]): string {
    if (!this.key) return '';
    const hmac = createHmac('sha256', this.key);
    for (const part of parts) hmac.update(part);
    return hmac.digest('hex');
  }

  verify(signature: string, parts: Buffer[]): boolean {
    if (!this.key) return true;
    const expected = Buffer.from(this.sign(parts));
    const actual = Buffer.from(signature);
    return expected.length === actual.length && timingSafeEqual(expected, actual);
  }
}

/** Parses received frames; throws on a bad signature or a malformed message. */
export function parseFrames(frames: Buffer[], signer: Signer): Message {
  const at = frames.findIndex((f) => f.equals(DELIMITER));
  if (at < 0 || frames.length < at + 6) {
    throw new Error('malformed Jupyter message: no <IDS|MSG> delimiter or missing parts');
  }
  const signature = frames[at + 1].toString();
  const parts = frames.slice(at + 2, at + 6);
  if (!signer.verify(signature, parts)) {
    throw new Error('Jupyter message with an invalid signature ignored');
  }
  const [header, parent, metadata, content] = parts.map((p) => JSON.parse(p.toString()));
  return {
    identities: frames.slice(0, at),
    header,
    parent_header: parent,
    metadata,
    content,
    buffers: frames.slice(at + 6),
  };
}

/** Serialises a message into signed frames. */
export function toFrames(message: Message<unknown>, signer: Signer): (Buffer | string)[] {
  const parts = [
    JSON.stringify(message.header),
    JSON.stringify(message.parent_header),
    JSON.stringify(message.metadata),
    JSON.stringify(message.content),
  ];
  return [...message.identities, DELIMITER, signer.sign(parts), ...parts, ...message.buffers];
}

/** A new message of `msgType` answering (or caused by) `parent`. */
export function childMessage<C>(
  parent: Message<unknown> | undefined,
  msgType: string,
  content: C,
  options: { identities?: Buffer[]; metadata?: Record<string, unknown>; session?: string } = {},
): Message<C> {
  return {
    identities: options.identities ?? [],
    header: {
      msg_id: randomUUID(),
      msg_type: msgType,
      session: parent?.header.session ?? options.session ?? '',
      username: parent?.header.username ?? 'rnnlab',
      date: new Date().toISOString(),
      version: PROTOCOL_VERSION,
    },
    parent_header: parent ? parent.header : {},
    metadata: options.metadata ?? {},
    content,
    buffers: [],
  };
}
