import { Body, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiResponse } from '@nestjs/swagger';
import { Roles } from '@ebp/shared-auth';
import { CommandController, CommandCtx, CommandReplySchema, writeCommandReply, type CommandContext, type CommandReplyBody } from '@ebp/shared-nest';
import { CustomersCommands, type CustomerRegistration } from './customers.commands';
import { RegisterSalesCustomerDto } from './customers.dto';

interface Reply {
  status(code: number): unknown;
  header(name: string, value: string): unknown;
  send(body: unknown): unknown;
}

export class CustomerRegistrationSchema extends CommandReplySchema {
  @ApiProperty({ example: true, description: 'PS-2 true: the first registration of this number, the caller and their agency own the customer (201); false: a duplicate kept with its agency and time, the owner unchanged (200)' })
  owner!: boolean;
}

const HEADERS = {
  ETag: { description: 'Stream revision after the command', schema: { type: 'string' } },
  'X-Position': { description: "Global event-store position of the command's last event", schema: { type: 'integer' } },
  Location: { description: 'The customer: /property-sales/customers/<customerId>', schema: { type: 'string' } },
};

@CommandController('property-sales', 'property-sales customers')
export class CustomersController {
  constructor(private readonly commands: CustomersCommands) {}

  @Post('customers')
  @Roles('salesperson')
  @ApiOperation({
    summary: 'PS-2 register a visitor at first reception: the first registration of a phone number owns the customer (201); a later one is kept as a duplicate (200)',
    description: 'customerId = c- + the first 16 hex digits of sha256 of the normalised phone (+86…). The caller must be a member of the agency named in the body.',
  })
  @ApiResponse({ status: 201, description: 'PS-2 registered: the caller and their agency own the customer', type: CustomerRegistrationSchema, headers: HEADERS })
  @ApiResponse({ status: 200, description: 'PS-2 a duplicate registration recorded; the owner is unchanged', type: CustomerRegistrationSchema, headers: HEADERS })
  async register(@Body() dto: RegisterSalesCustomerDto, @CommandCtx() ctx: CommandContext, @Res() reply: Reply): Promise<void> {
    const result = await this.commands.register(dto, ctx);
    reply.status(result.owner ? 201 : 200);
    const body: CommandReplyBody<CustomerRegistration> = writeCommandReply(reply, result);
    reply.send(body);
  }
}
