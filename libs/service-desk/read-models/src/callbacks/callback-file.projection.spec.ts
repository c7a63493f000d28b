import { recorded, resetRecorded } from '@ebp/shared-eventsourcing/testing';
import { callbackFileStream, needsCampaignStream, type CallbackRecorded, type ProjectDelivered } from '@ebp/service-desk-domain';
import { callbackFileProjection } from './callback-file.projection';
import { callbacksCsv } from './callbacks.queries';
import { needsCampaignProjection } from './needs-campaign.projection';

const delivered: ProjectDelivered = {
  type: 'ProjectDelivered',
  data: { projectId: 'p-1', projectName: 'SCADA', customerId: 'c-1', deliveredOn: '2025-03-15', deliveredBy: 'pm', recordedAt: '2025-03-15T10:00:00+08:00' },
};
const call = (calledAt: string, calledOn: string): CallbackRecorded => ({
  type: 'CallbackRecorded',
  data: { projectId: 'p-1', customerId: 'c-1', outcome: 'satisfied', notes: null, satisfaction: 4, calledAt, calledOn, calledBy: 'cs', recordedAt: calledAt },
});

describe('callbacks projections', () => {
  beforeEach(() => resetRecorded());

  it('SD-11 the callback file keeps the delivery and the callbacks in call order', () => {
    const streamId = callbackFileStream('p-1');
    const events = [delivered, call('2025-05-01T10:00:00+08:00', '2025-05-01'), call('2025-04-01T10:00:00+08:00', '2025-04-01')].map((e) =>
      recorded(e, { streamId }),
    );
    expect(callbackFileProjection.documentId(events[0])).toBe('p-1');
    const doc = events.reduce((d, e) => callbackFileProjection.evolve(d, e), null as ReturnType<typeof callbackFileProjection.evolve>);
    expect(doc).toMatchObject({ projectId: 'p-1', deliveredOn: '2025-03-15', customerId: 'c-1' });
    expect(doc?.callbacks.map((c) => c.calledOn)).toEqual(['2025-04-01', '2025-05-01']);
  });

  it('SD-12 the campaign document keeps gifts and the latest needs plan per customer', () => {
    const streamId = needsCampaignStream(2025);
    const gift = recorded(
      { type: 'NewYearGiftSent', data: { year: 2025, customerId: 'c-1', sentAt: '2025-12-10T10:00:00+08:00', note: null, recordedBy: 'cs', recordedAt: 'x' } },
      { streamId },
    );
    const plan = (text: string, revision: number) =>
      recorded(
        {
          type: 'NeedsPlanRecorded',
          data: { year: 2025, customerId: 'c-2', plan: text, surveyedAt: '2025-12-11T10:00:00+08:00', recordedBy: 'cs', recordedAt: 'x', revision },
        },
        { streamId },
      );
    expect(needsCampaignProjection.documentId(gift)).toBe('2025');
    const doc = [gift, plan('first', 1), plan('second', 2)].reduce(
      (d, e) => needsCampaignProjection.evolve(d, e),
      null as ReturnType<typeof needsCampaignProjection.evolve>,
    );
    expect(Object.keys(doc?.gifts ?? {})).toEqual(['c-1']);
    expect(doc?.plans['c-2']).toMatchObject({ plan: 'second', revision: 2 });
  });

  it('SD-11 the CSV export has a header row and quotes fields with commas or quotes', () => {
    const csv = callbacksCsv([
      {
        projectId: 'p-1',
        projectName: 'Pumps, "north"',
        customerId: 'c-1',
        deliveredOn: '2025-03-15',
        windowIndex: 3,
        kind: 'monthly',
        startsOn: '2025-05-15',
        endsBefore: '2025-06-15',
        status: 'overdue',
      },
    ]);
    expect(csv).toBe(
      'projectId,projectName,customerId,deliveredOn,windowIndex,kind,startsOn,endsBefore,status\r\n' +
        'p-1,"Pumps, ""north""",c-1,2025-03-15,3,monthly,2025-05-15,2025-06-15,overdue\r\n',
    );
  });
});
