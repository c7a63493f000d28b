import type { DomainEvent } from '@ebp/shared-eventsourcing';

export const SHIRKING_KINDS = ['shirking', 'wrangling', 'non-cooperation'] as const;
export type ShirkingKind = (typeof SHIRKING_KINDS)[number];

export const SHIRKING_SANCTIONS = ['criticism', 'education', 'disciplinary-action', 'reassignment'] as const;
export type ShirkingSanction = (typeof SHIRKING_SANCTIONS)[number];

export type ShirkingFindingRecorded = DomainEvent<
  'ShirkingFindingRecorded',
  {
    findingId: string;
    ticketId: string;
    customerId: string;
    staffId: string;
    staffName: string;
    staffDepartment: string;
    kind: ShirkingKind;
    sanction: ShirkingSanction;
    description: string;
    recordedBy: string;
    recordedAt: string;
  }
>;

export type ShirkingFindingEvent = ShirkingFindingRecorded;
