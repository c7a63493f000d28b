import type { Customer, CustomerContact, CustomerSite, Project, StaffMember } from '@ebp/service-desk-domain';
import { ApiBool, ApiEnum, ApiInstant, ApiInt, ApiNested, ApiNestedList, ApiText, ApiTextList } from '@ebp/shared-nest';

const ACTIVE = ['active'] as const;

export class StaffMemberSchema implements StaffMember {
  @ApiEnum(ACTIVE) status!: 'active';
  @ApiText() staffId!: string;
  @ApiText() name!: string;
  @ApiText() department!: string;
  @ApiTextList() roles!: string[];
  @ApiBool({ description: "Responsible manager of the department: the default target of transfers into it (SD-3)" }) isDepartmentManager!: boolean;
  @ApiBool() absent!: boolean;
  @ApiInstant({ nullable: true }) absentSince!: string | null;
  @ApiText({ nullable: true }) absenceReason!: string | null;
}

export class StaffListSchema {
  @ApiNestedList(StaffMemberSchema, { description: 'Every staff member (of the department, when given), by staff id' }) items!: StaffMemberSchema[];
}

export class CustomerContactSchema implements CustomerContact {
  @ApiText({ nullable: true }) person!: string | null;
  @ApiText({ nullable: true }) phone!: string | null;
  @ApiText({ nullable: true, format: 'email' }) email!: string | null;
  @ApiText({ nullable: true }) address!: string | null;
}

export class CustomerSiteSchema implements CustomerSite {
  @ApiText() siteId!: string;
  @ApiText() name!: string;
  @ApiText({ nullable: true }) address!: string | null;
  @ApiInt({ nullable: true, minimum: 0, description: 'Agreed on-site response time (SD-8 dispatch deadline)' }) responseTimeMinutes!: number | null;
}

export class CustomerSchema implements Customer {
  @ApiEnum(ACTIVE) status!: 'active';
  @ApiText() customerId!: string;
  @ApiText() name!: string;
  @ApiNested(CustomerContactSchema) contact!: CustomerContactSchema;
  @ApiNestedList(CustomerSiteSchema) sites!: CustomerSiteSchema[];
}

export class ProjectSchema implements Project {
  @ApiEnum(ACTIVE) status!: 'active';
  @ApiText() projectId!: string;
  @ApiText() name!: string;
  @ApiText() customerId!: string;
  @ApiText({ nullable: true }) businessSignerId!: string | null;
}
