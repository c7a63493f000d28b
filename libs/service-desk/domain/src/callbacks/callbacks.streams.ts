import { streamCategory } from '@ebp/shared-eventsourcing';
import { SERVICE_DESK_CONTEXT } from '../shared/context';

export const callbackFileStreams = streamCategory(SERVICE_DESK_CONTEXT, 'callback-file');
export const needsCampaignStreams = streamCategory(SERVICE_DESK_CONTEXT, 'needs-campaign');

/** One callback file per delivered project. */
export const callbackFileStream = (projectId: string): string => callbackFileStreams.of(projectId);
/** One needs campaign per calendar year. */
export const needsCampaignStream = (year: number): string => needsCampaignStreams.of(String(year));
