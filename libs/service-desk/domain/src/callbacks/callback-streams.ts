/**
 * Stream ids of this area, following `service-desk.<category>-<id>`. The categories contain a dash,
 * which `categoryOf` would split on, so match streams with `startsWith(<category>-)` instead.
 */
export const CALLBACK_FILE_CATEGORY = 'service-desk.callback-file';
export const NEEDS_CAMPAIGN_CATEGORY = 'service-desk.needs-campaign';

export const callbackFileStream = (projectId: string): string => `${CALLBACK_FILE_CATEGORY}-${projectId}`;
export const needsCampaignStream = (year: number): string => `${NEEDS_CAMPAIGN_CATEGORY}-${year}`;
