import { describeWithEngines } from '@ebp/shared-testing';
import { DistributedStack, eventually } from './stack';

/**
 * PS-1 the live board in the distributed mode: property-sales-api → event store → relay → Kafka →
 * query-api's live consumer (its own group, from the latest offsets) → Server-Sent Events; and the
 * query API shuts down with a stream open.
 */
describeWithEngines(['kafka', 'mongo'], 'distributed: PS-1 live board events from Kafka on the query API', (url) => {
  let stack: DistributedStack;
  let stopped = false;

  beforeAll(async () => {
    stack = new DistributedStack({ kafka: url('kafka'), mongo: url('mongo') });
    await stack.start();
  }, 240_000);

  afterAll(async () => {
    if (!stopped) await stack?.stop();
  }, 60_000);

  it('PS-1 a unit listed and held back through the command API reaches an open event stream of the query API; shutdown ends the stream', async () => {
    const sm = stack.token('sm-zhao', 'site-manager');
    const sales = stack.token('sp-wang', 'salesperson');
    expect((await stack.command('POST', '/property-sales/projects', sm, { projectId: 'lakeside', name: 'Lakeside', siteManagerId: 'sm-zhao', siteSupervisorId: 'ss-qian' })).status).toBe(201);
    expect((await stack.command('POST', '/property-sales/projects/lakeside/buildings', sm, { buildingId: 'b1', name: 'B1', floors: 3 })).status).toBe(201);

    const base = (await stack.queries!.getUrl()).replace('[::1]', '127.0.0.1');
    const response = await fetch(`${base}/property-sales/projects/lakeside/buildings/b1/board/events?access_token=${sales}`);
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    let ended = false;
    const arrivals: { at: number; text: string }[] = [];
    const reading = (async () => {
      for (;;) {
        const chunk = await reader.read().catch(() => ({ done: true as const, value: undefined }));
        if (chunk.done) return void (ended = true);
        text += decoder.decode(chunk.value, { stream: true });
        arrivals.push({ at: Date.now(), text });
      }
    })();

    const listed = await stack.command('POST', '/property-sales/projects/lakeside/buildings/b1/units', sm, { number: '101', floor: 1, type: 'apartment', areaCentiSqm: 9000, listPriceFen: 200_000_000 });
    expect(listed.status).toBe(201);
    await eventually(async () => expect(text).toMatch(/event: unit\nid: \d+\ndata: \{"unitId":"lakeside\.b1\.101","number":"101","floor":1,"state":"available"/), 20_000);
    const held = await stack.command('POST', '/property-sales/units/lakeside.b1.101/hold', sm, { reason: 'show flat' });
    const repliedAt = Date.now();
    expect(held.status).toBe(200);
    await eventually(async () => expect(text).toContain('"unitId":"lakeside.b1.101","number":"101","floor":1,"state":"held"'), 20_000);
    const at = arrivals.find((a) => a.text.includes('"state":"held"'))!.at;
    console.log(`PS-1 distributed live board latency, command reply → SSE message: ${at - repliedAt} ms`);

    const closing = Date.now();
    await stack.stop();
    stopped = true;
    console.log(`PS-1 distributed stack stopped in ${Date.now() - closing} ms with an open event stream`);
    await reading;
    expect(ended).toBe(true);
  }, 120_000);
});
