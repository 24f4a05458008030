// A real OpenID provider (panva/oidc-provider) on 127.0.0.1 for the phone key: `make run`
// starts it for the demo (packaging/run-demo.sh) and tests/identity starts it for the
// tests; the backend's web console signs city staff in with it too (authorization code
// flow with PKCE, client "welfare-console", accounts below). Prints "ready <issuer>" when
// it listens. Its login page takes any account id and any password (oidc-provider's
// development interactions): never a real provider.
//
// Configuration from the environment:
//   PORT              port to listen on (0 = any free port)
//   DEVICE_CODE_TTL   seconds a device code lives (short in the expiry test)
//   MIN_POLL_MS       a token poll for the same device code sooner than this gets
//                     "slow_down" (RFC 8628 section 3.5 lets a server do this;
//                     oidc-provider itself never sends it, so the wrapper below does)
import { generateKeyPairSync } from 'node:crypto';
import Provider, { interactionPolicy } from 'oidc-provider';

const port = Number(process.env.PORT || 0);
const deviceCodeTtl = Number(process.env.DEVICE_CODE_TTL || 600);
const minPollMs = Number(process.env.MIN_POLL_MS || 0);

// A fresh signing key per run: the kiosk must fetch it from the JWKS endpoint.
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwk = { ...privateKey.export({ format: 'jwk' }), kid: `test-${Date.now()}`, use: 'sig', alg: 'RS256' };

// Account ids typed on the login page: the name is what the kiosk greets with.
// "demo" is the demo person of README "Trying it out"; the others are the tests' residents.
const NAMES = { 'demo': 'Maija Meikäläinen', 'resident-4471': 'Aino Virtanen', 'resident-9020': 'Matti Korhonen' };

// City staff for the backend's web console (/console/, docs/console.md): the account id is
// the role it holds, in the ID token's "roles" claim; "admin" holds every role.
const CONSOLE_ROLES = ['analyst', 'it', 'catalogue_editor', 'moderator', 'admin'];
const STAFF = {
  analyst: { name: 'Anna Analyytikko', roles: ['analyst'] },
  it: { name: 'Iiro Tietotekniikka', roles: ['it'] },
  'catalogue-editor': { name: 'Kaisa Katalogi', roles: ['catalogue_editor'] },
  moderator: { name: 'Mikko Moderaattori', roles: ['moderator'] },
  admin: { name: 'Aila Ylläpitäjä', roles: CONSOLE_ROLES },
};
// The console signs in with the authorization code flow and PKCE. It is registered as a
// "native" client so that any port on 127.0.0.1 matches (RFC 8252 7.3: the tests run the
// backend on a free port); a city registers its console as a confidential web client.
const CONSOLE_CLIENT = {
  client_id: 'welfare-console',
  application_type: 'native',
  token_endpoint_auth_method: 'none',
  grant_types: ['authorization_code'],
  response_types: ['code'],
  redirect_uris: ['http://127.0.0.1/console/callback', 'http://localhost/console/callback'],
};

// Native clients are asked to consent at every sign-in; the console is the city's own
// application (registered as native only for its loopback redirect), so not here.
const policy = interactionPolicy.base();
policy.get('consent').checks.remove('native_client_prompt');

function makeProvider(issuer) {
  const deviceClient = (id) => ({
    client_id: id,
    token_endpoint_auth_method: 'none',
    grant_types: ['urn:ietf:params:oauth:grant-type:device_code'],
    response_types: [],
    redirect_uris: [],
  });
  return new Provider(issuer, {
    // "other-app" exists so a test can hold a real token minted for someone else.
    clients: [deviceClient('welfare-kiosk'), deviceClient('other-app'), CONSOLE_CLIENT],
    jwks: { keys: [jwk] },
    features: { deviceFlow: { enabled: true }, devInteractions: { enabled: true } },
    interactions: { policy },
    claims: { openid: ['sub'], profile: ['name'], roles: ['roles'] },
    // PKCE (S256) on every authorization code request, also from confidential clients.
    pkce: { methods: ['S256'], required: () => true },
    // The console is the city's own application: its staff are not asked to consent.
    async loadExistingGrant(ctx) {
      const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      if (ctx.oidc.client.clientId !== CONSOLE_CLIENT.client_id) return undefined;
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope('openid profile roles');
      await grant.save();
      return grant;
    },
    // Put the profile claims into the ID token itself: the kiosk has no use for userinfo.
    conformIdTokenClaims: false,
    ttl: { DeviceCode: deviceCodeTtl, IdToken: 600, AccessToken: 600, Grant: 600, Interaction: 600, Session: 600 },
    async findAccount(ctx, id) {
      const staff = STAFF[id];
      return {
        accountId: id,
        async claims() {
          return staff ? { sub: id, name: staff.name, roles: staff.roles } : { sub: id, name: NAMES[id] || id };
        },
      };
    },
  });
}

const { createServer } = await import('node:http');
const server = createServer();
server.listen(port, '127.0.0.1', () => {
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const provider = makeProvider(issuer);
  const lastPoll = new Map();
  provider.use(async (ctx, next) => {
    if (minPollMs > 0 && ctx.method === 'POST' && ctx.path === '/token') {
      // Read the form ourselves; oidc-provider then uses req.body (documented fallback).
      const chunks = [];
      for await (const c of ctx.req) chunks.push(c);
      const raw = Buffer.concat(chunks).toString();
      ctx.req.body = raw;
      const form = new URLSearchParams(raw);
      const code = form.get('device_code');
      if (code) {
        const now = Date.now();
        const last = lastPoll.get(code);
        lastPoll.set(code, now);
        if (last !== undefined && now - last < minPollMs) {
          ctx.status = 400;
          ctx.type = 'json';
          ctx.body = { error: 'slow_down', error_description: 'polling too quickly' };
          return;
        }
      }
    }
    await next();
  });
  server.on('request', provider.callback());
  console.log(`ready ${issuer}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
