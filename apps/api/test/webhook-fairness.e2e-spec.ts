import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

import { Role } from '@pilotis/access';
import {
  addAction,
  addContrat,
  addOrganisation,
  createTenant,
  createUser,
  gql,
  ok,
  SIREN,
  startTestApp,
  TestApp,
  TestTenant,
  TestUser,
  waitForValue,
} from '@pilotis/test-support';

/** A receiver on the loopback; `answer` decides what each request gets once its body is read. */
async function startServer(
  answer: (req: IncomingMessage, res: ServerResponse, body: string) => void,
): Promise<{ url: string; server: Server; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => answer(req, res, Buffer.concat(chunks).toString('utf8')));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    server,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const until = waitForValue;

interface Delivery {
  id: string;
  eventId: string;
  state: string;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
}

const SUBSCRIBE = `mutation($input: SubscribeWebhookInput!) { subscribeWebhook(input: $input) { subscription { id } } }`;
const DELIVERIES = `query($f: WebhookDeliveriesFilter!) { webhookDeliveries(filter: $f) { id eventId state attempts lastStatusCode lastError } }`;
const COMMIT = `mutation($input: RecordCommitmentInput!) { recordCommitment(input: $input) { id } }`;

/** What the worker is told for this file: 3 deliveries at once, 2 per tenant, 3 s per attempt. */
const LIMITS = { webhookConcurrency: 3, webhookConcurrencyPerTenant: 2, webhookDeadlineMs: 3000 };
const DEADLINE_ERROR = 'délai total de 3 s dépassé (connexion, envoi et réponse) : réponse HTTP 200 inachevée';
const CUT_NOTE = 'réponse de plus de 64 Kio : lecture arrêtée là, seul le code HTTP compte';

describe('webhook fairness between tenants: total deadline, response cap, per-tenant slots', () => {
  let t: TestApp;
  const tenants: Record<'a' | 'b', { tenant: TestTenant; siren: string; chef: TestUser; lineId: string }> = {} as never;
  let n = 0;

  // Tenant A's receiver answers 200 at once, then one byte every 100 ms, forever: an idle-socket timeout
  // never fires on it. It counts the requests it holds open.
  const trickle = { requests: 0, open: 0, maxOpen: 0 };
  let trickler: Awaited<ReturnType<typeof startServer>>;
  // Tenant B's receiver answers 200 at once.
  const received: string[] = [];
  let receiver: Awaited<ReturnType<typeof startServer>>;
  // A receiver that answers 200 then an endless body as fast as the connection takes it.
  const firehose = { written: 0, closedByClient: 0 };
  let hose: Awaited<ReturnType<typeof startServer>>;

  const admin = (k: 'a' | 'b') => ({ token: tenants[k].tenant.admin.token, tenant: tenants[k].siren });
  const subscribe = async (k: 'a' | 'b', url: string): Promise<string> =>
    ok(await gql(t.app, SUBSCRIBE, { input: { url, events: ['COMMITMENT_RECORDED'] } }, admin(k))).subscribeWebhook.subscription.id;
  const deliveries = async (k: 'a' | 'b', subscriptionId: string): Promise<Delivery[]> =>
    ok(await gql(t.app, DELIVERIES, { f: { subscriptionId } }, admin(k))).webhookDeliveries;
  const commit = async (k: 'a' | 'b') => {
    n += 1;
    const input = { fundingLineId: tenants[k].lineId, reference: `EJ-FAIR-${n}`, committedOn: '2025-03-01', amountCents: 100 };
    return ok(await gql(t.app, COMMIT, { input }, { token: tenants[k].chef.token, tenant: tenants[k].siren })).recordCommitment;
  };

  beforeAll(async () => {
    t = await startTestApp({ worker: true, config: LIMITS });
    for (const [k, siren] of [
      ['a', SIREN.RENNES],
      ['b', SIREN.PLAINE_COMMUNE],
    ] as const) {
      const tenant = await createTenant(t.app, t.owner, siren);
      const ctx = await addContrat(t.owner, tenant.id);
      const funder = await addOrganisation(t.owner, tenant.id, 'Département', 'DEPARTEMENT');
      const porteur = await addOrganisation(t.owner, tenant.id, 'Association', 'ASSOCIATION');
      const { lineIds } = await addAction(t.owner, tenant.id, siren, ctx, porteur, 'PROGRAMMEE', [
        { funderId: funder, requestedCents: 1_000_000n, decidedCents: 1_000_000n },
      ]);
      const chef = await createUser(t.app, t.owner, [{ tenantId: tenant.id, role: Role.CHEF_DE_PROJET }]);
      // The receivers listen on the loopback: both tenants allow private targets.
      await t.owner.query(
        `insert into tenant_settings (tenant_id, allow_private_webhook_targets) values ($1, true)
         on conflict (tenant_id) do update set allow_private_webhook_targets = true`,
        [tenant.id],
      );
      tenants[k] = { tenant, siren, chef, lineId: lineIds[0] };
    }
    trickler = await startServer((_req, res) => {
      trickle.requests += 1;
      trickle.open += 1;
      trickle.maxOpen = Math.max(trickle.maxOpen, trickle.open);
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.flushHeaders();
      const drip = setInterval(() => res.write('.'), 100);
      res.on('close', () => {
        clearInterval(drip);
        trickle.open -= 1;
      });
    });
    receiver = await startServer((req, res) => {
      received.push(req.headers['pilotis-event-id'] as string);
      res.writeHead(200).end('ok');
    });
    hose = await startServer((_req, res) => {
      const chunk = Buffer.alloc(16 * 1024, 'x');
      let open = true;
      res.on('close', () => {
        open = false;
        if (!res.writableEnded) firehose.closedByClient += 1;
      });
      res.on('error', () => undefined);
      res.writeHead(200, { 'content-type': 'text/plain' });
      const pump = (): void => {
        while (open) {
          firehose.written += chunk.length;
          if (!res.write(chunk)) {
            res.once('drain', pump);
            return;
          }
        }
      };
      pump();
    });
  });

  afterAll(async () => {
    // The stuck attempts end at once (connections cut), so that the worker drains quickly.
    await Promise.all([trickler?.close(), receiver?.close(), hose?.close()]);
    await t?.close();
  });

  it("delivers tenant B's events while tenant A's receiver trickles forever; A never holds more than its 2 slots, and its attempts end on the total deadline", async () => {
    const aSub = await subscribe('a', trickler.url);
    const bSub = await subscribe('b', receiver.url);
    // Five deliveries for A: more than the worker's three slots.
    for (let i = 0; i < 5; i++) await commit('a');
    await until(() => trickle.open === 2, "A's receiver to hold two deliveries");

    // Now B: behind A's three other deliveries in the queue, with A's receiver holding two slots.
    await commit('b');
    await commit('b');
    const bDone = await until(async () => {
      const list = await deliveries('b', bSub);
      return list.length === 2 && list.every((d) => d.state === 'SUCCEEDED') && list;
    }, "B's deliveries to succeed");
    expect(bDone.map((d) => [d.attempts, d.lastStatusCode, d.lastError])).toEqual([
      [1, 200, null],
      [1, 200, null],
    ]);
    // Each of B's events reached B's receiver exactly once.
    expect(bDone.map((d) => received.filter((id) => id === d.eventId).length)).toEqual([1, 1]);

    // Meanwhile A is stuck: nothing of A's got through, and whatever A's log says is the deadline.
    const aNow = await deliveries('a', aSub);
    expect(aNow).toHaveLength(5);
    for (const d of aNow) {
      expect(d.state).not.toBe('SUCCEEDED');
      expect([null, DEADLINE_ERROR]).toContain(d.lastError);
    }
    // The total deadline ends an attempt whose answer never ends (an idle timeout would wait forever):
    // recorded with the status that had come, and retried with the usual backoff.
    const late = await until(
      async () => (await deliveries('a', aSub)).find((d) => d.lastError === DEADLINE_ERROR),
      "an A delivery's deadline",
    );
    expect(late).toMatchObject({ lastStatusCode: 200, lastError: DEADLINE_ERROR });
    expect(['PENDING', 'FAILED']).toContain(late.state);
    expect(late.attempts).toBeGreaterThanOrEqual(1);
    // However long A's deliveries have been cycling, its receiver never saw more than A's two slots.
    expect(trickle.maxOpen).toBe(2);
    expect(trickle.requests).toBeGreaterThanOrEqual(2);
  });

  it('reads an endless answer only up to 64 KiB, closes the connection, and keeps its status (noted in the log)', async () => {
    const subscriptionId = await subscribe('b', hose.url);
    await commit('b');
    const [done] = await until(async () => {
      const list = await deliveries('b', subscriptionId);
      return list.length === 1 && list[0].state !== 'PENDING' && list;
    }, 'the firehose delivery to end');
    expect(done).toMatchObject({ state: 'SUCCEEDED', attempts: 1, lastStatusCode: 200, lastError: CUT_NOTE });
    // The receiver never ended its answer: the worker hung up on it.
    await until(() => firehose.closedByClient === 1, 'the worker to close the firehose connection');
    expect(firehose.written).toBeGreaterThan(64 * 1024);
    // A's receiver still never held more than its two slots.
    expect(trickle.maxOpen).toBe(2);
  });
});
