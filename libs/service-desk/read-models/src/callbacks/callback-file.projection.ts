import { assertNever, type Projection, type RecordedEvent } from '@ebp/shared-eventsourcing';
import { callbackFileStreams, type CallbackFileEvent, type CallbackOutcome } from '@ebp/service-desk-domain';

export const CALLBACK_FILES_COLLECTION = 'sd_callback_files';

export interface CallbackEntry {
  outcome: CallbackOutcome;
  notes: string | null;
  satisfaction: number;
  calledAt: string;
  calledOn: string;
  calledBy: string;
}

/** SD-11: one document per delivered project; windows and statuses are computed at query time. */
export interface CallbackFileView {
  projectId: string;
  projectName: string;
  customerId: string;
  deliveredOn: string;
  deliveredBy: string;
  callbacks: CallbackEntry[];
  updatedAt: string;
}

export const callbackFileProjection: Projection<CallbackFileView> = {
  name: 'service-desk-callback-files',
  collection: CALLBACK_FILES_COLLECTION,
  indexes: ['customerId', 'deliveredOn'],
  documentId: (event) =>
    callbackFileStreams.owns(event.metadata.streamId) ? (event.data as { projectId: string }).projectId : null,
  evolve: (doc, event) => evolveCallbackFileView(doc, event as RecordedEvent<CallbackFileEvent>),
};

export function evolveCallbackFileView(doc: CallbackFileView | null, event: RecordedEvent<CallbackFileEvent>): CallbackFileView | null {
  const e = event as CallbackFileEvent;
  switch (e.type) {
    case 'ProjectDelivered':
      return {
        projectId: e.data.projectId,
        projectName: e.data.projectName,
        customerId: e.data.customerId,
        deliveredOn: e.data.deliveredOn,
        deliveredBy: e.data.deliveredBy,
        callbacks: [],
        updatedAt: event.metadata.occurredAt,
      };
    case 'CallbackRecorded': {
      if (!doc) return doc;
      const { outcome, notes, satisfaction, calledAt, calledOn, calledBy } = e.data;
      const callbacks = [...doc.callbacks, { outcome, notes, satisfaction, calledAt, calledOn, calledBy }];
      // Kept in call order: a back-dated callback may be recorded after a later one.
      callbacks.sort((a, b) => Date.parse(a.calledAt) - Date.parse(b.calledAt));
      return { ...doc, callbacks, updatedAt: event.metadata.occurredAt };
    }
    default:
      return assertNever(e);
  }
}
