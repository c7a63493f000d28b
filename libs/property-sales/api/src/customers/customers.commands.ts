import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@ebp/shared-eventsourcing';
import { CLOCK, EVENT_STORE, locatedAt, runCommand, type Clock, type CommandContext, type CommandReply } from '@ebp/shared-nest';
import { customerDecider, customerIdOf, customerStream, normalisePhone, type CustomerCommand } from '@ebp/property-sales-domain';
import { SalesStaff } from '../directory/sales-staff';
import type { RegisterSalesCustomerDto } from './customers.dto';

const RULE = 'PS-2';

export interface CustomerRegistration extends CommandReply {
  /** true: this registration owns the customer (201); false: a duplicate was recorded (200). */
  owner: boolean;
}

/**
 * PS-2 application layer. One stream per phone number (by its hash), appended with the expected
 * revision: of two concurrent first registrations one appends CustomerRegistered, the other's append
 * fails, is decided again on the fresh stream and becomes a DuplicateRegistrationRecorded.
 */
@Injectable()
export class CustomersCommands {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly staff: SalesStaff,
  ) {}

  async register(dto: RegisterSalesCustomerDto, ctx: CommandContext): Promise<CustomerRegistration> {
    const customerId = customerIdOf(normalisePhone(dto.phone));
    const actor = await this.staff.actor(ctx.actor, dto.agencyId, RULE);
    await this.staff.project(dto.projectId, RULE);
    const reply = await runCommand(this.store, this.clock, customerDecider, customerStream(customerId), customerId, ctx, (now): CustomerCommand => ({
      type: 'RegisterCustomer',
      data: { name: dto.name, phone: dto.phone, idNumber: dto.idNumber ?? null, projectId: dto.projectId, agencyId: dto.agencyId, actor },
      metadata: { now },
    }));
    return { ...locatedAt(`/property-sales/customers/${customerId}`, reply), owner: reply.events.includes('CustomerRegistered') };
  }
}
