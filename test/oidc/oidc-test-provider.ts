import crypto from 'node:crypto';
import type { Server } from 'node:http';
import Provider, { type Adapter, type AdapterPayload, type KoaContextWithOIDC } from 'oidc-provider';

/**
 * A real OpenID Connect provider for the tests: panva's `oidc-provider` (the certified
 * implementation) on 127.0.0.1, with its in-memory storage, its development signing keys and its
 * built-in login page (devInteractions: any login, any password). Nothing of discovery, code
 * exchange or token signing is mocked. Its people are what the test says the IdP has, usually
 * the same people the test provisioned over SCIM.
 */
export type IdpPerson = { sub: string; email?: string; email_verified?: boolean; preferred_username?: string; name?: string };

export type OidcTestProvider = {
  issuer: string;
  /** A confidential client for one Roster org's redirect URI; returns its id and secret. */
  addClient: (redirectUri: string) => { clientId: string; clientSecret: string };
  /** People who can sign in; the login typed on the IdP's page is their `sub`. */
  addPerson: (person: IdpPerson) => void;
  /**
   * A hostile or broken IdP: the next ID tokens the token endpoint returns are re-signed with the
   * provider's own key after this edits their claims (wrong aud, expired, another nonce). Null
   * restores honest tokens.
   */
  tamperIdTokens: (edit: ((claims: Record<string, unknown>) => Record<string, unknown>) | null) => void;
  stop: () => Promise<void>;
};

type Stored = { payload: AdapterPayload; expiresAt?: number };

let clientCounter = 0;

export async function startOidcTestProvider(port: number): Promise<OidcTestProvider> {
  const issuer = `http://127.0.0.1:${port}`;
  const people = new Map<string, IdpPerson>();
  const clients = new Map<string, AdapterPayload>();
  const stores = new Map<string, Map<string, Stored>>();

  // The in-memory adapter the library documents (lib/adapters/memory_adapter.js), plus clients
  // registered while the provider runs, since each test org has its own redirect URI.
  class MemoryAdapter implements Adapter {
    private readonly store: Map<string, Stored>;
    constructor(private readonly name: string) {
      this.store = stores.get(name) ?? new Map<string, Stored>();
      stores.set(name, this.store);
    }
    async upsert(id: string, payload: AdapterPayload, expiresIn?: number) {
      this.store.set(id, { payload, ...(expiresIn ? { expiresAt: Date.now() + expiresIn * 1000 } : {}) });
    }
    async find(id: string) {
      if (this.name === 'Client') return clients.get(id);
      const hit = this.store.get(id);
      if (!hit || (hit.expiresAt && hit.expiresAt < Date.now())) return undefined;
      return hit.payload;
    }
    async findByUid(uid: string) {
      for (const { payload } of this.store.values()) if (payload.uid === uid) return payload;
      return undefined;
    }
    async findByUserCode(userCode: string) {
      for (const { payload } of this.store.values()) if (payload.userCode === userCode) return payload;
      return undefined;
    }
    async consume(id: string) {
      const hit = this.store.get(id);
      if (hit) hit.payload.consumed = Math.floor(Date.now() / 1000);
    }
    async destroy(id: string) {
      this.store.delete(id);
    }
    async revokeByGrantId(grantId: string) {
      for (const [id, { payload }] of this.store) if (payload.grantId === grantId) this.store.delete(id);
    }
  }

  // Our own signing key instead of the dev keys, so a test can re-sign a tampered token with it.
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'test-key', alg: 'RS256', use: 'sig' };
  let tamper: ((claims: Record<string, unknown>) => Record<string, unknown>) | null = null;
  const provider = new Provider(issuer, {
    jwks: { keys: [jwk] },
    adapter: MemoryAdapter,
    findAccount: async (_ctx: KoaContextWithOIDC, id: string) => {
      const person = people.get(id);
      if (!person) return undefined;
      return { accountId: id, claims: async () => ({ ...person }) };
    },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'preferred_username'] },
    // Like Entra, Okta, OneLogin and JumpCloud: the scope's claims are in the ID token itself.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: true } },
    // No consent screen: an enterprise IdP's admin consents for the whole org.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const clientId = ctx.oidc.client?.clientId;
      const accountId = ctx.oidc.session?.accountId;
      if (!clientId || !accountId) return undefined;
      const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session?.grantIdFor(clientId);
      const existing = grantId ? await ctx.oidc.provider.Grant.find(grantId) : undefined;
      if (existing) return existing;
      const grant = new ctx.oidc.provider.Grant({ clientId, accountId });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
    ttl: { AccessToken: 600, IdToken: 600, Grant: 3600, Interaction: 600, Session: 3600, AuthorizationCode: 60 },
    cookies: { keys: ['oidc-test-provider-cookie-key-0123456789'] },
  });
  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { id_token?: unknown } | undefined;
    if (!tamper || ctx.path !== '/token' || typeof body?.id_token !== 'string') return;
    const [header, payload] = body.id_token.split('.');
    const claims = tamper(JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as Record<string, unknown>);
    const signingInput = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
    const signature = crypto.sign('sha256', Buffer.from(signingInput), privateKey).toString('base64url');
    ctx.body = { ...body, id_token: `${signingInput}.${signature}` };
  });
  const server: Server = await new Promise((resolve) => {
    const s = provider.listen(port, '127.0.0.1', () => resolve(s));
  });
  return {
    issuer,
    addClient(redirectUri) {
      const clientId = `roster-test-${process.pid}-${++clientCounter}`;
      const clientSecret = `client-secret-${Math.random().toString(36).slice(2)}-${Date.now().toString(36)}`;
      clients.set(clientId, {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      });
      return { clientId, clientSecret };
    },
    addPerson(person) {
      people.set(person.sub, person);
    },
    tamperIdTokens(edit) {
      tamper = edit;
    },
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
