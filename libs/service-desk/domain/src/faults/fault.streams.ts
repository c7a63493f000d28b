/** Stream ids of this area, `service-desk.<category>-<id>` like the rest of the service desk. */
export const FAULT_CATEGORY = 'service-desk.fault';
export const COLLABORATION_CATEGORY = 'service-desk.collaboration';

export const faultStream = (faultId: string): string => `${FAULT_CATEGORY}-${faultId}`;
export const collaborationStream = (collaborationId: string): string => `${COLLABORATION_CATEGORY}-${collaborationId}`;
