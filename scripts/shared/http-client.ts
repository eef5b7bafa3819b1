import { parseJsonObject } from '@/lib/parse-json-object';
import http from 'node:http';
import https from 'node:https';
import type { Outcome, Recorder } from './stats';

export type Json = Record<string, unknown>;
export type Reply = { status: Outcome; ok: boolean; json: Json | null };

export type ClientOptions = {
  /** The SCIM base URL, e.g. http://localhost:3000/api/scim/v2 */
  baseUrl: string;
  token: string;
  userAgent: string;
  /** Per request, from the first byte sent to the last byte received. */
  timeoutMs: number;
  /** Keep-alive sockets kept open to the server (the run's concurrency). */
  maxSockets: number;
  recorder: Recorder;
};

class TimeoutError extends Error {}

/**
 * A SCIM client over node:http with keep-alive sockets: one TCP connection per concurrent
 * worker, reused for every request, as an IdP's provisioning worker does. Never throws for an
 * HTTP status; every request is recorded (kind, outcome, latency).
 */
export class ScimHttpClient {
  private readonly agent: http.Agent;
  private readonly base: string;
  private readonly transport: typeof http | typeof https;

  constructor(private readonly options: ClientOptions) {
    const url = new URL(options.baseUrl);
    this.transport = url.protocol === 'https:' ? https : http;
    const AgentClass = url.protocol === 'https:' ? https.Agent : http.Agent;
    this.agent = new AgentClass({ keepAlive: true, maxSockets: options.maxSockets, maxFreeSockets: options.maxSockets });
    this.base = url.href.replace(/\/+$/, '');
  }

  /** `expected`: statuses that are not errors for this call (e.g. [200] for a lookup). */
  async send(kind: string, method: string, path: string, body?: unknown, expected: readonly number[] = [200, 201, 204]): Promise<Reply> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers: Record<string, string | number> = {
      authorization: `Bearer ${this.options.token}`,
      accept: 'application/scim+json',
      'user-agent': this.options.userAgent,
    };
    if (payload !== undefined) {
      headers['content-type'] = 'application/scim+json';
      headers['content-length'] = Buffer.byteLength(payload);
    }
    const started = performance.now();
    let outcome: Outcome;
    let text = '';
    try {
      const response = await this.raw(method, `${this.base}${path}`, headers, payload);
      outcome = response.status;
      text = response.text;
    } catch (error) {
      outcome = error instanceof TimeoutError ? 'timeout' : 'network';
      text = error instanceof Error ? error.message : String(error);
    }
    const ms = performance.now() - started;
    const json = parseJsonObject(text);
    const ok = typeof outcome === 'number' && expected.includes(outcome);
    const detail = json && typeof json.detail === 'string' ? json.detail : text.slice(0, 200);
    this.options.recorder.record(kind, outcome, ms, ok ? undefined : `${method} ${path.slice(0, 120)} → ${outcome}${detail ? `: ${detail}` : ''}`);
    return { status: outcome, ok, json };
  }

  close(): void {
    this.agent.destroy();
  }

  private raw(method: string, url: string, headers: Record<string, string | number>, payload: string | undefined): Promise<{ status: number; text: string }> {
    return new Promise((resolve, reject) => {
      const request = this.transport.request(url, { method, headers, agent: this.agent }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          clearTimeout(timer);
          resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') });
        });
        response.on('error', reject);
      });
      const timer = setTimeout(() => request.destroy(new TimeoutError(`no answer within ${this.options.timeoutMs} ms`)), this.options.timeoutMs);
      request.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      request.end(payload);
    });
  }
}
