import { stateProjection } from '@ebp/shared-eventsourcing';
import { customerStreams, projectStreams, staffStreams, customerDecider, projectDecider, staffDecider } from '@ebp/service-desk-domain';

export const STAFF_COLLECTION = 'sd_staff';
export const CUSTOMERS_COLLECTION = 'sd_customers';
export const PROJECTS_COLLECTION = 'sd_projects';

export const staffDirectoryProjection = stateProjection({
  name: 'service-desk-staff',
  collection: STAFF_COLLECTION,
  category: staffStreams,
  indexes: ['department', 'isDepartmentManager'],
  initialState: staffDecider.initialState,
  evolve: staffDecider.evolve,
  exists: (s) => s.status !== 'none',
});

export const customerDirectoryProjection = stateProjection({
  name: 'service-desk-customers',
  collection: CUSTOMERS_COLLECTION,
  category: customerStreams,
  indexes: ['name'],
  initialState: customerDecider.initialState,
  evolve: customerDecider.evolve,
  exists: (s) => s.status !== 'none',
});

export const projectDirectoryProjection = stateProjection({
  name: 'service-desk-projects',
  collection: PROJECTS_COLLECTION,
  category: projectStreams,
  indexes: ['customerId'],
  initialState: projectDecider.initialState,
  evolve: projectDecider.evolve,
  exists: (s) => s.status !== 'none',
});
