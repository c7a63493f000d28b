/** Property sales' streams follow the core convention `property-sales.<aggregate>.<id>`. */
export const PS_CONTEXT = 'property-sales';
