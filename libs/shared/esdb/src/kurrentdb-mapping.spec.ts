import { randomUUID } from 'node:crypto';
import { START, WrongExpectedVersionError, type JSONRecordedEvent, type MetadataType, type Position } from '@kurrent/kurrentdb-client';
import { NO_STREAM, WrongExpectedRevisionError, type NewEvent } from '@ebp/shared-eventsourcing';
import {
  fromCurrentState,
  isSystemEvent,
  toAppendError,
  toEventData,
  toGlobalPosition,
  toReadPosition,
  toRecordedEvent,
  toStoredMetadata,
  toStreamState,
} from './kurrentdb-mapping';

const at = (p: bigint): Position => ({ commit: p, prepare: p });

function newEvent(overrides: Partial<NewEvent['metadata']> = {}, data: unknown = { n: 1 }): NewEvent {
  return {
    type: 'ThingHappened',
    data,
    metadata: {
      eventId: randomUUID(),
      occurredAt: '2026-03-02T10:00:00.000+08:00',
      actor: { userId: 'user-1', roles: ['agent'] },
      correlationId: randomUUID(),
      causationId: null,
      schemaVersion: 2,
      ...overrides,
    },
  };
}

/** What the client hands back for an event written from `toEventData`, as the server stores it. */
function recorded(written: NewEvent, stored: { streamId: string; revision: bigint; position: Position; created: Date }): JSONRecordedEvent {
  const data = toEventData(written);
  if (data.contentType !== 'application/json') throw new Error('expected a JSON event');
  return {
    streamId: stored.streamId,
    id: data.id,
    isJson: true,
    revision: stored.revision,
    type: data.type,
    created: stored.created,
    // The wire carries JSON text: what comes back is what JSON.parse makes of what was sent.
    data: JSON.parse(JSON.stringify(data.data)) as JSONRecordedEvent['data'],
    metadata: JSON.parse(JSON.stringify(data.metadata)) as MetadataType,
    position: stored.position,
  };
}

describe('expected revision mapping', () => {
  it("maps NO_STREAM to no_stream, 'any' to any and a revision to a bigint", () => {
    expect(toStreamState(NO_STREAM)).toBe('no_stream');
    expect(toStreamState('any')).toBe('any');
    expect(toStreamState(0)).toBe(0n);
    expect(toStreamState(41)).toBe(41n);
  });

  it('refuses revisions the port cannot mean', () => {
    for (const bad of [-2, 1.5, Number.NaN, 2 ** 53]) expect(() => toStreamState(bad)).toThrow(RangeError);
  });

  it('maps the actual state of a conflict back to a revision, no_stream to NO_STREAM', () => {
    expect(fromCurrentState('no_stream')).toBe(NO_STREAM);
    expect(fromCurrentState(7n)).toBe(7);
  });

  it('turns the client WrongExpectedVersionError into the port error with the actual revision', () => {
    const existing = new WrongExpectedVersionError(undefined, { streamName: 's-1', expected: 0n, current: 3n });
    expect(toAppendError('s-1', 0, existing)).toEqual(new WrongExpectedRevisionError('s-1', 0, 3));
    const missing = new WrongExpectedVersionError(undefined, { streamName: 's-2', expected: 0n, current: 'no_stream' });
    expect(toAppendError('s-2', 0, missing)).toMatchObject({ name: 'WrongExpectedRevisionError', streamId: 's-2', expected: 0, actual: NO_STREAM });
    const created = new WrongExpectedVersionError(undefined, { streamName: 's-3', expected: 'no_stream', current: 0n });
    expect(toAppendError('s-3', NO_STREAM, created)).toMatchObject({ expected: NO_STREAM, actual: 0 });
  });

  it('passes any other failure through unchanged', () => {
    const other = new Error('unavailable');
    expect(toAppendError('s-1', 0, other)).toBe(other);
  });
});

describe('global position mapping', () => {
  it('uses the commit position of a self-committed event, equal to its prepare position', () => {
    expect(toGlobalPosition(at(1056n))).toBe(1056);
    expect(toGlobalPosition(at(BigInt(Number.MAX_SAFE_INTEGER)))).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('refuses an event of a legacy explicit transaction, whose commit position is shared', () => {
    expect(() => toGlobalPosition({ commit: 2000n, prepare: 1500n })).toThrow(/legacy explicit transaction/);
  });

  it('refuses a missing position, 0 and positions a JS number cannot hold exactly', () => {
    expect(() => toGlobalPosition(undefined)).toThrow(/without its \$all position/);
    expect(() => toGlobalPosition(at(0n))).toThrow(RangeError);
    expect(() => toGlobalPosition(at(2n ** 53n))).toThrow(RangeError);
    // What servers before 22.6 sent for a stream read: u64::MAX.
    expect(() => toGlobalPosition(at(2n ** 64n - 1n))).toThrow(RangeError);
  });

  it('resumes a read from the start for 0 and from { commit, prepare } = position otherwise', () => {
    expect(toReadPosition(0)).toBe(START);
    expect(toReadPosition(1056)).toEqual(at(1056n));
    expect(toGlobalPosition(at(BigInt(1056)))).toBe(1056);
  });

  it('refuses a position to resume from that is negative or not an integer', () => {
    for (const bad of [-1, 0.5, Number.NaN]) expect(() => toReadPosition(bad)).toThrow(RangeError);
  });
});

describe('system events', () => {
  it('are the $-typed events and every event of a $-named stream', () => {
    expect(isSystemEvent({ type: '$metadata', streamId: '$$service-desk.ticket-1' })).toBe(true);
    expect(isSystemEvent({ type: '$>', streamId: 'projected' })).toBe(true);
    expect(isSystemEvent({ type: 'ThingHappened', streamId: '$ce-service-desk.ticket' })).toBe(true);
    expect(isSystemEvent({ type: 'TicketRegistered', streamId: 'service-desk.ticket.1' })).toBe(false);
  });
});

describe('metadata round trip', () => {
  it('stores the writer metadata without the assigned fields, plus $correlationId and $causationId', () => {
    const written = newEvent({ causationId: 'command-1' });
    expect(toStoredMetadata(written.metadata)).toEqual({
      occurredAt: written.metadata.occurredAt,
      actor: written.metadata.actor,
      correlationId: written.metadata.correlationId,
      causationId: 'command-1',
      schemaVersion: 2,
      $correlationId: written.metadata.correlationId,
      $causationId: 'command-1',
    });
  });

  it('leaves $causationId out when there is no cause', () => {
    expect(toStoredMetadata(newEvent().metadata)).not.toHaveProperty('$causationId');
  });

  it('writes a JSON event whose id is the event id', () => {
    const written = newEvent();
    expect(toEventData(written)).toMatchObject({ id: written.metadata.eventId, type: 'ThingHappened', contentType: 'application/json', data: { n: 1 } });
  });

  it('writes absent data as JSON null, as the SQLite store does', () => {
    expect(toEventData({ ...newEvent(), data: undefined }).data).toBeNull();
  });

  it('reads back the envelope the writer supplied with stream, revision, position and recordedAt assigned', () => {
    const written = newEvent({ causationId: randomUUID() }, { title: '冷氣不冷 ☃', amountFen: 123456, nested: { x: null, y: [1, { z: true }] } });
    const created = new Date('2026-03-02T02:00:00.123Z');
    const read = toRecordedEvent(recorded(written, { streamId: 'service-desk.ticket.1', revision: 4n, position: at(98765n), created }));
    expect(read).toEqual({
      type: 'ThingHappened',
      data: written.data,
      metadata: { ...written.metadata, streamId: 'service-desk.ticket.1', revision: 4, position: 98765, recordedAt: '2026-03-02T02:00:00.123Z' },
    });
  });

  it('drops every $-key of KurrentDB from what it reads', () => {
    const written = newEvent();
    const event = recorded(written, { streamId: 's-1', revision: 0n, position: at(10n), created: new Date() });
    const read = toRecordedEvent({ ...event, metadata: { ...(event.metadata as Record<string, unknown>), $originalStreamId: 'x' } });
    expect(Object.keys(read.metadata).filter((key) => key.startsWith('$'))).toEqual([]);
  });

  it('reads an event written by another tool with the fields KurrentDB knows', () => {
    const read = toRecordedEvent({
      streamId: 'legacy-1',
      id: 'a3a5b2f4-0e0b-4d0c-9d3e-2f6e0b8c1d11',
      isJson: true,
      revision: 0n,
      type: 'Imported',
      created: new Date('2020-01-01T00:00:00.000Z'),
      data: ['raw'],
      metadata: undefined,
      position: at(512n),
    });
    expect(read).toEqual({
      type: 'Imported',
      data: ['raw'],
      metadata: { eventId: 'a3a5b2f4-0e0b-4d0c-9d3e-2f6e0b8c1d11', streamId: 'legacy-1', revision: 0, position: 512, recordedAt: '2020-01-01T00:00:00.000Z' },
    });
  });
});
