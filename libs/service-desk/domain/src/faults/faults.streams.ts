import { streamCategory } from '@ebp/shared-eventsourcing';
import { SERVICE_DESK_CONTEXT } from '../shared/context';

export const faultStreams = streamCategory(SERVICE_DESK_CONTEXT, 'fault');
export const collaborationStreams = streamCategory(SERVICE_DESK_CONTEXT, 'collaboration');

export const faultStream = (faultId: string): string => faultStreams.of(faultId);
export const collaborationStream = (collaborationId: string): string => collaborationStreams.of(collaborationId);
