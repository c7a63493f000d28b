import type { Condition, Page, ReadModelStore } from '@ebp/shared-eventsourcing';
import { isGeneralManager, type Customer, type Project, type StaffMember } from '@ebp/service-desk-domain';
import { CUSTOMERS_COLLECTION, PROJECTS_COLLECTION, STAFF_COLLECTION } from './directory.projections';

/** Reference data (staff, customers, projects) as the command side and the other read models look it up. */
export class DirectoryQueries {
  constructor(private readonly store: ReadModelStore) {}

  async staffMember(staffId: string): Promise<StaffMember | null> {
    return (await this.store.get<StaffMember>(STAFF_COLLECTION, staffId))?.doc ?? null;
  }

  async staff(department?: string): Promise<StaffMember[]> {
    const where: Record<string, Condition> = department ? { department } : {};
    return (await this.store.find<StaffMember>(STAFF_COLLECTION, { where, sort: [{ field: 'staffId', direction: 'asc' }] })).items;
  }

  /** The responsible manager of a department (SD-3), or null when none is recorded. */
  async departmentManager(department: string): Promise<StaffMember | null> {
    const page = await this.store.find<StaffMember>(STAFF_COLLECTION, {
      where: { department, isDepartmentManager: true },
      sort: [{ field: 'staffId', direction: 'asc' }],
      limit: 1,
    });
    return page.items[0] ?? null;
  }

  /** The general manager who receives major tickets (SD-4). */
  async generalManager(): Promise<StaffMember | null> {
    return (await this.staff()).find(isGeneralManager) ?? null;
  }

  async customer(customerId: string): Promise<Customer | null> {
    return (await this.store.get<Customer>(CUSTOMERS_COLLECTION, customerId))?.doc ?? null;
  }

  async customers(skip = 0, limit = 100): Promise<Page<Customer>> {
    return this.store.find<Customer>(CUSTOMERS_COLLECTION, { sort: [{ field: 'customerId', direction: 'asc' }], skip, limit });
  }

  async project(projectId: string): Promise<Project | null> {
    return (await this.store.get<Project>(PROJECTS_COLLECTION, projectId))?.doc ?? null;
  }

  async projects(customerId?: string, skip = 0, limit = 100): Promise<Page<Project>> {
    const where: Record<string, Condition> = customerId ? { customerId } : {};
    return this.store.find<Project>(PROJECTS_COLLECTION, { where, sort: [{ field: 'projectId', direction: 'asc' }], skip, limit });
  }
}
