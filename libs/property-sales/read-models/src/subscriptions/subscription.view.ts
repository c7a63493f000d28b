import { shanghaiDate } from '@ebp/shared-kernel';
import { unitIdParts, type PaymentMethod, type SigningStep, type UnitEvent } from '@ebp/property-sales-domain';

export type SubscriptionStatus = 'subscribed' | 'signed' | 'contracted' | 'cancelled';
export const SUBSCRIPTION_STATUSES: readonly SubscriptionStatus[] = ['subscribed', 'signed', 'contracted', 'cancelled'];

/** PS-4 steps of a subscription as they happened. */
export type SubscriptionStepKind = 'subscribed' | 'deposit' | 'form-issued' | 'reviewed' | 'signed' | 'customer-copy' | 'erp-export' | 'handed-to-site-manager' | 'cancelled';
export const SUBSCRIPTION_STEP_KINDS: readonly SubscriptionStepKind[] = ['subscribed', 'deposit', 'form-issued', 'reviewed', 'signed', 'customer-copy', 'erp-export', 'handed-to-site-manager', 'cancelled'];

export interface SubscriptionStepView {
  step: SubscriptionStepKind;
  by: string;
  at: string;
  /** The deposit receipt, the ERP reference, the cancellation reason … */
  detail: string | null;
  eventId: string;
}

export interface MortgageDocumentView {
  document: string;
  received: boolean;
  receivedAt: string | null;
  receivedBy: string | null;
}

/** PS-5: the target signing date and the mortgage-document checklist. */
export interface FollowUpView {
  targetSigningDate: string;
  mortgageDocuments: MortgageDocumentView[];
  scheduledBy: string;
  scheduledAt: string;
}

/** PS-7: one of the eleven steps, who did it and when. */
export interface SigningStepView {
  ordinal: number;
  step: SigningStep;
  role: string;
  by: string;
  at: string;
  note: string | null;
  eventId: string;
}

/** PS-8: a signing error, its change request and the fine. */
export interface SigningErrorView {
  errorId: string;
  contractId: string;
  description: string;
  responsibleSalespersonId: string;
  fineFen: number;
  changeRequestAuthority: string;
  changeRequestReason: string;
  by: string;
  at: string;
  eventId: string;
}

/**
 * One subscription of a unit from UnitSubscribed on: the PS-4 steps, the PS-5 follow-up, the PS-7
 * signing and the PS-8 errors. Scalar fields (status, dates, ids) are what lists filter on.
 */
export interface SubscriptionView {
  subscriptionId: string;
  unitId: string;
  projectId: string;
  buildingId: string;
  number: string;
  customerId: string;
  salespersonId: string;
  agencyId: string;
  priceSheetId: string;
  paymentMethod: PaymentMethod;
  totalFen: number;
  status: SubscriptionStatus;
  subscribedAt: string;
  /** Asia/Shanghai date of subscribedAt. */
  subscribedDate: string;
  depositFen: number | null;
  receiptNo: string | null;
  agreements: string[];
  signedAt: string | null;
  /** PS-4: the signing day: exported and handed over by its end. */
  signedDate: string | null;
  customerCopyAt: string | null;
  erpReference: string | null;
  exportedAt: string | null;
  handedOverAt: string | null;
  siteManagerId: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
  steps: SubscriptionStepView[];
  followUp: FollowUpView | null;
  /** PS-5 (scalar copy of followUp.targetSigningDate). */
  targetSigningDate: string | null;
  /** PS-5: mortgage documents still to collect. */
  missingDocuments: number;
  contractId: string | null;
  signingSteps: SigningStepView[];
  contractedAt: string | null;
  contractedDate: string | null;
  signingErrors: SigningErrorView[];
}

const SUBSCRIPTION_EVENTS = new Set<string>([
  'UnitSubscribed',
  'SubscriptionDepositRecorded',
  'SubscriptionFormIssued',
  'SubscriptionReviewed',
  'SubscriptionSigned',
  'CustomerCopyHandedOver',
  'SubscriptionExportedToErp',
  'SubscriptionHandedToSiteManager',
  'SubscriptionCancelled',
  'FollowUpScheduled',
  'MortgageDocumentReceived',
  'SigningStepCompleted',
  'UnitContracted',
  'SigningErrorRecorded',
]);

export const isSubscriptionEvent = (type: string): boolean => SUBSCRIPTION_EVENTS.has(type);

const step = (view: SubscriptionView, s: Omit<SubscriptionStepView, 'eventId'>, eventId: string): SubscriptionStepView[] => [...view.steps, { ...s, eventId }];

const missing = (f: FollowUpView | null): number => (f ? f.mortgageDocuments.filter((d) => !d.received).length : 0);

/** Folds one unit-stream event into the subscription it names (UnitSubscribed starts one). */
export function evolveSubscription(view: SubscriptionView | null, event: UnitEvent, eventId: string): SubscriptionView | null {
  if (event.type === 'UnitSubscribed') {
    const d = event.data;
    const parts = unitIdParts(d.unitId);
    return {
      subscriptionId: d.subscriptionId,
      unitId: d.unitId,
      projectId: parts?.projectId ?? '',
      buildingId: parts?.buildingId ?? '',
      number: parts?.number ?? '',
      customerId: d.customerId,
      salespersonId: d.salespersonId,
      agencyId: d.agencyId,
      priceSheetId: d.priceSheetId,
      paymentMethod: d.paymentMethod,
      totalFen: d.totalFen,
      status: 'subscribed',
      subscribedAt: d.subscribedAt,
      subscribedDate: shanghaiDate(d.subscribedAt),
      depositFen: null,
      receiptNo: null,
      agreements: [],
      signedAt: null,
      signedDate: null,
      customerCopyAt: null,
      erpReference: null,
      exportedAt: null,
      handedOverAt: null,
      siteManagerId: null,
      cancelledAt: null,
      cancelReason: null,
      steps: [{ step: 'subscribed', by: d.salespersonId, at: d.subscribedAt, detail: d.priceSheetId, eventId }],
      followUp: null,
      targetSigningDate: null,
      missingDocuments: 0,
      contractId: null,
      signingSteps: [],
      contractedAt: null,
      contractedDate: null,
      signingErrors: [],
    };
  }
  if (!view || !('subscriptionId' in event.data) || event.data.subscriptionId !== view.subscriptionId) return view;
  switch (event.type) {
    case 'SubscriptionDepositRecorded': {
      const d = event.data;
      return { ...view, depositFen: d.depositFen, receiptNo: d.receiptNo, steps: step(view, { step: 'deposit', by: d.by, at: d.at, detail: d.receiptNo }, eventId) };
    }
    case 'SubscriptionFormIssued':
      return { ...view, steps: step(view, { step: 'form-issued', by: event.data.by, at: event.data.at, detail: null }, eventId) };
    case 'SubscriptionReviewed':
      return { ...view, steps: step(view, { step: 'reviewed', by: event.data.by, at: event.data.at, detail: null }, eventId) };
    case 'SubscriptionSigned': {
      const d = event.data;
      return {
        ...view,
        status: view.status === 'subscribed' ? 'signed' : view.status,
        agreements: d.agreements,
        depositFen: d.depositFen,
        signedAt: d.signedAt,
        signedDate: shanghaiDate(d.signedAt),
        steps: step(view, { step: 'signed', by: d.salespersonId, at: d.signedAt, detail: d.agreements.join(', ') || null }, eventId),
      };
    }
    case 'CustomerCopyHandedOver':
      return { ...view, customerCopyAt: event.data.at, steps: step(view, { step: 'customer-copy', by: event.data.by, at: event.data.at, detail: null }, eventId) };
    case 'SubscriptionExportedToErp': {
      const d = event.data;
      return { ...view, erpReference: d.erpReference, exportedAt: d.at, steps: step(view, { step: 'erp-export', by: d.by, at: d.at, detail: d.erpReference }, eventId) };
    }
    case 'SubscriptionHandedToSiteManager': {
      const d = event.data;
      return { ...view, siteManagerId: d.siteManagerId, handedOverAt: d.at, steps: step(view, { step: 'handed-to-site-manager', by: d.by, at: d.at, detail: d.siteManagerId }, eventId) };
    }
    case 'SubscriptionCancelled': {
      const d = event.data;
      return { ...view, status: 'cancelled', cancelledAt: d.at, cancelReason: d.reason, steps: step(view, { step: 'cancelled', by: d.by, at: d.at, detail: d.reason }, eventId) };
    }
    case 'FollowUpScheduled': {
      const d = event.data;
      const previous = new Map((view.followUp?.mortgageDocuments ?? []).map((m) => [m.document, m]));
      const followUp: FollowUpView = {
        targetSigningDate: d.targetSigningDate,
        mortgageDocuments: d.mortgageDocuments.map((document) => previous.get(document) ?? { document, received: false, receivedAt: null, receivedBy: null }),
        scheduledBy: d.by,
        scheduledAt: d.at,
      };
      return { ...view, followUp, targetSigningDate: d.targetSigningDate, missingDocuments: missing(followUp) };
    }
    case 'MortgageDocumentReceived': {
      const d = event.data;
      const current = view.followUp ?? { targetSigningDate: '', mortgageDocuments: [], scheduledBy: d.by, scheduledAt: d.at };
      const known = current.mortgageDocuments.some((m) => m.document === d.document);
      const received: MortgageDocumentView = { document: d.document, received: true, receivedAt: d.at, receivedBy: d.by };
      const mortgageDocuments = known ? current.mortgageDocuments.map((m) => (m.document === d.document ? received : m)) : [...current.mortgageDocuments, received];
      const followUp = { ...current, mortgageDocuments };
      return { ...view, followUp: view.followUp ? followUp : null, missingDocuments: missing(followUp) };
    }
    case 'SigningStepCompleted': {
      const d = event.data;
      return { ...view, contractId: d.contractId, signingSteps: [...view.signingSteps, { ordinal: d.ordinal, step: d.step, role: d.role, by: d.by, at: d.at, note: d.note, eventId }] };
    }
    case 'UnitContracted': {
      const d = event.data;
      return { ...view, status: 'contracted', contractId: d.contractId, contractedAt: d.contractedAt, contractedDate: shanghaiDate(d.contractedAt) };
    }
    case 'SigningErrorRecorded': {
      const d = event.data;
      const error: SigningErrorView = {
        errorId: d.errorId,
        contractId: d.contractId,
        description: d.description,
        responsibleSalespersonId: d.responsibleSalespersonId,
        fineFen: d.fineFen,
        changeRequestAuthority: d.changeRequest.authority,
        changeRequestReason: d.changeRequest.reason,
        by: d.by,
        at: d.at,
        eventId,
      };
      return { ...view, signingErrors: [...view.signingErrors, error] };
    }
    default:
      return view;
  }
}
