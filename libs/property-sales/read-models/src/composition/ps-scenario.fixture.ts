// A small sales centre for the read models' specs: plain events with their streams (specs wrap them with `recorded`).
import {
  SIGNING_STEPS,
  agencyStream,
  customerStream,
  officeDayStream,
  projectStream,
  signingListStream,
  unitStream,
  type AgencyEvent,
  type CustomerEvent,
  type OfficeDayEvent,
  type ProjectEvent,
  type SigningListEvent,
  type UnitEvent,
} from '@ebp/property-sales-domain';

export interface ScenarioEvent {
  streamId: string;
  event: ProjectEvent | AgencyEvent | UnitEvent | CustomerEvent | SigningListEvent | OfficeDayEvent;
}

export const SITE_MANAGER = 'sm-zhao';
export const SITE_SUPERVISOR = 'ss-qian';
export const PHONE = '+8613812341234';
export const ID_NUMBER = '110101199001011234';

const t = (date: string, time: string) => `${date}T${time}:00+08:00`;
const D1 = '2026-03-01';
const D2 = '2026-03-02';

const project = (e: ProjectEvent): ScenarioEvent => ({ streamId: projectStream('lakeside'), event: e });
const agency = (id: string, e: AgencyEvent): ScenarioEvent => ({ streamId: agencyStream(id), event: e });
const unit = (id: string, e: UnitEvent): ScenarioEvent => ({ streamId: unitStream(id), event: e });
const customer = (id: string, e: CustomerEvent): ScenarioEvent => ({ streamId: customerStream(id), event: e });

const listed = (number: string, type: 'apartment' | 'villa', buildingId = 'b1'): UnitEvent => ({
  type: 'UnitListed',
  data: {
    unitId: `lakeside.${buildingId}.${number}`,
    projectId: 'lakeside',
    buildingId,
    number,
    floor: Number(number.slice(0, 2)),
    type,
    areaCentiSqm: type === 'villa' ? 25_000 : 9_000,
    listPriceFen: type === 'villa' ? 800_000_000 : 300_000_000,
    priceApprovedBy: SITE_MANAGER,
    listedBy: SITE_MANAGER,
    listedAt: t(D1, '08:00'),
  },
});

const U1 = 'lakeside.b1.1201';
const U2 = 'lakeside.b1.1202';
const U3 = 'lakeside.b1.1203';
const U4 = 'lakeside.b2.0101';
const sub1 = { unitId: U1, subscriptionId: 's-1' };
const sub2 = { unitId: U2, subscriptionId: 's-2' };

const signing: ScenarioEvent[] = SIGNING_STEPS.map(({ step, role }, i) => {
  const at = t(D2, step === 'archived-with-developer' ? '17:30' : `${String(9 + Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`);
  return unit(U2, { type: 'SigningStepCompleted', data: { ...sub2, contractId: 'ct-2', step, ordinal: i + 1, role, by: role === 'salesperson' ? 'sp-liu' : `${role}-1`, note: null, at } });
});
const sealAt = signing.findIndex((e) => (e.event.data as { step?: string }).step === 'site-supervisor-seal');

export const scenario: ScenarioEvent[] = [
  project({ type: 'ProjectRegistered', data: { projectId: 'lakeside', name: 'Lakeside <Garden>', siteManagerId: SITE_MANAGER, siteSupervisorId: SITE_SUPERVISOR, registeredBy: SITE_MANAGER, registeredAt: t(D1, '07:00') } }),
  project({ type: 'BuildingAdded', data: { projectId: 'lakeside', buildingId: 'b1', name: 'Tower 1', floors: 20, addedBy: SITE_MANAGER, addedAt: t(D1, '07:05') } }),
  project({ type: 'BuildingAdded', data: { projectId: 'lakeside', buildingId: 'b2', name: 'Villas', floors: 3, addedBy: SITE_MANAGER, addedAt: t(D1, '07:06') } }),
  agency('sunrise', { type: 'AgencyRegistered', data: { agencyId: 'sunrise', name: 'Sunrise "Realty"', supervisorId: 'sup-li', supervisorName: '李主管', registeredBy: SITE_MANAGER, registeredAt: t(D1, '07:10') } }),
  agency('sunrise', { type: 'AgencyMemberAdded', data: { agencyId: 'sunrise', staffId: 'sp-wang', name: '王<销售>', role: 'salesperson', addedBy: 'sup-li', addedAt: t(D1, '07:11') } }),
  agency('sunrise', { type: 'AgencyMemberAdded', data: { agencyId: 'sunrise', staffId: 'sp-chen', name: '陈销售', role: 'salesperson', addedBy: 'sup-li', addedAt: t(D1, '07:12') } }),
  agency('harbour', { type: 'AgencyRegistered', data: { agencyId: 'harbour', name: 'Harbour, Homes', supervisorId: 'sup-he', registeredBy: SITE_MANAGER, registeredAt: t(D1, '07:15') } }),
  agency('harbour', { type: 'AgencyMemberAdded', data: { agencyId: 'harbour', staffId: 'sp-liu', name: '刘销售', role: 'salesperson', addedBy: 'sup-he', addedAt: t(D1, '07:16') } }),
  customer('c-1', { type: 'CustomerRegistered', data: { customerId: 'c-1', name: '张三', phone: PHONE, idNumber: ID_NUMBER, agencyId: 'sunrise', salespersonId: 'sp-wang', projectId: 'lakeside', registeredAt: t(D1, '09:00') } }),
  customer('c-1', { type: 'DuplicateRegistrationRecorded', data: { customerId: 'c-1', name: '张三', agencyId: 'harbour', salespersonId: 'sp-liu', projectId: 'lakeside', registeredAt: t(D1, '11:00') } }),
  customer('c-2', { type: 'CustomerRegistered', data: { customerId: 'c-2', name: '李四', phone: '+8613900001111', idNumber: null, agencyId: 'harbour', salespersonId: 'sp-liu', projectId: 'lakeside', registeredAt: t(D1, '09:30') } }),
  unit(U1, listed('1201', 'apartment')),
  unit(U2, listed('1202', 'villa')),
  unit(U3, listed('1203', 'apartment')),
  unit(U4, listed('0101', 'villa', 'b2')),
  unit(U4, { type: 'UnitHeldBack', data: { unitId: U4, by: SITE_MANAGER, reason: 'show villa', at: t(D1, '08:30') } }),
  unit(U3, { type: 'UnitReserved', data: { unitId: U3, customerId: 'c-1', salespersonId: 'sp-wang', agencyId: 'sunrise', reservedAt: t(D1, '09:00'), expiresAt: t(D2, '09:00') } }),
  unit(U1, { type: 'UnitPriceChanged', data: { unitId: U1, listPriceFen: 310_000_000, previousPriceFen: 300_000_000, approvedBy: SITE_MANAGER, reason: 'floor premium', changedAt: t(D1, '08:10') } }),
  unit(U1, {
    type: 'PriceSheetRecorded',
    data: {
      unitId: U1,
      priceSheetId: 'ps-1',
      customerId: 'c-1',
      salespersonId: 'sp-wang',
      agencyId: 'sunrise',
      listPriceFen: 310_000_000,
      discounts: [{ reason: 'early bird', amountFen: 10_000_000 }],
      discountFen: 10_000_000,
      discountBasisPoints: 323,
      paymentMethod: 'commercial-mortgage',
      totalFen: 300_000_000,
      needsApproval: true,
      recordedAt: t(D2, '09:30'),
    },
  }),
  unit(U1, { type: 'PriceSheetDecided', data: { unitId: U1, priceSheetId: 'ps-1', approved: true, by: 'sup-li', reason: null, at: t(D2, '09:40') } }),
  unit(U2, {
    type: 'PriceSheetRecorded',
    data: {
      unitId: U2,
      priceSheetId: 'ps-2',
      customerId: 'c-2',
      salespersonId: 'sp-liu',
      agencyId: 'harbour',
      listPriceFen: 800_000_000,
      discounts: [],
      discountFen: 0,
      discountBasisPoints: 0,
      paymentMethod: 'provident-fund',
      totalFen: 800_000_000,
      needsApproval: false,
      recordedAt: t(D1, '10:00'),
    },
  }),
  unit(U2, { type: 'UnitSubscribed', data: { ...sub2, customerId: 'c-2', salespersonId: 'sp-liu', agencyId: 'harbour', priceSheetId: 'ps-2', paymentMethod: 'provident-fund', totalFen: 800_000_000, subscribedAt: t(D1, '10:30') } }),
  unit(U2, { type: 'SubscriptionSigned', data: { ...sub2, customerId: 'c-2', salespersonId: 'sp-liu', agencyId: 'harbour', agreements: ['parking'], paymentMethod: 'provident-fund', totalFen: 800_000_000, depositFen: 5_000_000, signedAt: t(D1, '16:00') } }),
  unit(U2, { type: 'SubscriptionHandedToSiteManager', data: { ...sub2, siteManagerId: SITE_MANAGER, by: SITE_MANAGER, at: t(D1, '17:00') } }),
  // PS-4: exported the next morning: late.
  unit(U2, { type: 'SubscriptionExportedToErp', data: { ...sub2, erpReference: 'MY-<2>', by: SITE_MANAGER, at: t(D2, '09:00') } }),
  unit(U2, { type: 'FollowUpScheduled', data: { ...sub2, targetSigningDate: D2, mortgageDocuments: ['id-card'], by: 'sp-liu', at: t(D1, '16:30') } }),
  ...signing.slice(0, sealAt + 1),
  unit(U2, { type: 'UnitContracted', data: { ...sub2, contractId: 'ct-2', customerId: 'c-2', salespersonId: 'sp-liu', agencyId: 'harbour', paymentMethod: 'provident-fund', totalFen: 800_000_000, contractedAt: (signing[sealAt].event.data as { at: string }).at } }),
  ...signing.slice(sealAt + 1),
  unit(U2, {
    type: 'SigningErrorRecorded',
    data: { ...sub2, contractId: 'ct-2', errorId: 'err-1', description: 'wrong area on page 2', responsibleSalespersonId: 'sp-liu', fineFen: 20_000, changeRequest: { authority: 'housing-authority', reason: 'wrong area on page 2' }, by: 'contract-administrator-1', at: t(D2, '18:00') },
  }),
  unit(U1, { type: 'UnitSubscribed', data: { ...sub1, customerId: 'c-1', salespersonId: 'sp-wang', agencyId: 'sunrise', priceSheetId: 'ps-1', paymentMethod: 'commercial-mortgage', totalFen: 300_000_000, subscribedAt: t(D2, '10:00') } }),
  unit(U1, { type: 'SubscriptionDepositRecorded', data: { ...sub1, depositFen: 5_000_000, receiptNo: 'R-1', by: 'fin-qian', at: t(D2, '10:05') } }),
  unit(U1, { type: 'SubscriptionFormIssued', data: { ...sub1, by: 'sp-wang', at: t(D2, '10:10') } }),
  unit(U1, { type: 'SubscriptionReviewed', data: { ...sub1, by: 'sup-li', at: t(D2, '10:20') } }),
  unit(U1, { type: 'SubscriptionSigned', data: { ...sub1, customerId: 'c-1', salespersonId: 'sp-wang', agencyId: 'sunrise', agreements: [], paymentMethod: 'commercial-mortgage', totalFen: 300_000_000, depositFen: 5_000_000, signedAt: t(D2, '11:00') } }),
  unit(U1, { type: 'SubscriptionExportedToErp', data: { ...sub1, erpReference: 'MY-1', by: SITE_MANAGER, at: t(D2, '15:00') } }),
  unit(U1, { type: 'FollowUpScheduled', data: { ...sub1, targetSigningDate: '2026-03-05', mortgageDocuments: ['id-card', 'bank-statement'], by: 'sp-wang', at: t(D2, '11:30') } }),
  unit(U1, { type: 'MortgageDocumentReceived', data: { ...sub1, document: 'id-card', by: 'sp-wang', at: t(D2, '12:00') } }),
  {
    streamId: signingListStream('lakeside', '2026-03-03', 'sunrise'),
    event: {
      type: 'SigningListSubmitted',
      data: { projectId: 'lakeside', agencyId: 'sunrise', date: '2026-03-03', appointments: [{ unitId: U1, customerId: 'c-1', time: '10:00' }], submittedBy: 'sup-li', submittedAt: t(D2, '16:00'), dueAt: t(D2, '17:00'), late: false, version: 1 },
    },
  },
  {
    streamId: signingListStream('lakeside', '2026-03-03', 'harbour'),
    event: { type: 'SigningListSubmitted', data: { projectId: 'lakeside', agencyId: 'harbour', date: '2026-03-03', appointments: [], submittedBy: 'sup-he', submittedAt: t(D2, '17:30'), dueAt: t(D2, '17:00'), late: true, version: 1 } },
  },
  ...(
    [
      { type: 'DutyAgencyAssigned', data: { projectId: 'lakeside', date: D2, agencyId: 'sunrise', by: SITE_MANAGER, at: t(D1, '18:00') } },
      { type: 'StaffCheckedIn', data: { projectId: 'lakeside', date: D2, staffId: 'sp-liu', agencyId: 'harbour', at: t(D2, '08:30'), late: false } },
      { type: 'StaffCheckedIn', data: { projectId: 'lakeside', date: D2, staffId: 'sp-wang', agencyId: 'sunrise', at: t(D2, '08:50'), late: true } },
      { type: 'DutyHandedOver', data: { projectId: 'lakeside', date: D2, fromAgencyId: 'harbour', toAgencyId: 'sunrise', dutyBook: true, masterSalesControl: true, items: ['keys'], by: 'sup-li', at: t(D2, '08:55') } },
      { type: 'PremisesInspected', data: { projectId: 'lakeside', date: D2, area: 'sales-centre', findings: 'ok', by: 'sup-li', at: t(D2, '09:30') } },
      { type: 'DayRecordsSubmitted', data: { projectId: 'lakeside', date: D2, to: SITE_SUPERVISOR, by: 'sup-li', at: t(D2, '12:10'), late: true } },
    ] satisfies OfficeDayEvent[]
  ).map((event): ScenarioEvent => ({ streamId: officeDayStream('lakeside', D2), event })),
];

