/** The service desk's streams follow the core convention `service-desk.<aggregate>.<id>`. */
export const SERVICE_DESK_CONTEXT = 'service-desk';
