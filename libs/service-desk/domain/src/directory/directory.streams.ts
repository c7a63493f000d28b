import { streamCategory } from '@ebp/shared-eventsourcing';
import { SERVICE_DESK_CONTEXT } from '../shared/context';

export const staffStreams = streamCategory(SERVICE_DESK_CONTEXT, 'staff');
export const customerStreams = streamCategory(SERVICE_DESK_CONTEXT, 'customer');
export const projectStreams = streamCategory(SERVICE_DESK_CONTEXT, 'project');

export const staffStream = (staffId: string): string => staffStreams.of(staffId);
export const customerStream = (customerId: string): string => customerStreams.of(customerId);
export const projectStream = (projectId: string): string => projectStreams.of(projectId);
