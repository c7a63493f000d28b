import { DeciderSpecification } from '@ebp/shared-eventsourcing/testing';
import { fold } from '@ebp/shared-eventsourcing';
import type { RecordCustomerPreference } from './customer-preferences.commands';
import { customerPreferencesDecider } from './customer-preferences.decider';
import type { CustomerPreferenceRecorded } from './customer-preferences.events';
import type { RecordExpectationUnmet, RecordImprovementAnalysis } from './ticket-expectation.commands';
import { improvementAnalysisMissing, ticketExpectationDecider } from './ticket-expectation.decider';
import type { ExpectationUnmetRecorded, ImprovementAnalysisRecorded } from './ticket-expectation.events';

const NOW = '2026-03-02T15:00:00+08:00';
const prefs = DeciderSpecification.for(customerPreferencesDecider);
const expectations = DeciderSpecification.for(ticketExpectationDecider);

const prefer = (data: Partial<RecordCustomerPreference['data']> = {}): RecordCustomerPreference => ({
  type: 'RecordCustomerPreference',
  data: { customerId: 'c-1', topic: 'contact', preference: 'Call Mr Fang after 14:00, never before', recordedBy: 'cs-li', ...data },
  metadata: { now: NOW },
});
const preferred: CustomerPreferenceRecorded = {
  type: 'CustomerPreferenceRecorded',
  data: { customerId: 'c-1', topic: 'contact', preference: 'Call Mr Fang after 14:00, never before', recordedBy: 'cs-li', recordedAt: NOW },
};
const unmet = (data: Partial<RecordExpectationUnmet['data']> = {}): RecordExpectationUnmet => ({
  type: 'RecordExpectationUnmet',
  data: { ticketId: 't-1', customerId: 'c-1', expectation: 'same-day replacement', reason: 'part ships from Shenzhen', recordedBy: 'cs-li', ...data },
  metadata: { now: NOW },
});
const unmetRecorded: ExpectationUnmetRecorded = {
  type: 'ExpectationUnmetRecorded',
  data: { ticketId: 't-1', customerId: 'c-1', expectation: 'same-day replacement', reason: 'part ships from Shenzhen', recordedBy: 'cs-li', recordedAt: NOW },
};
const analyse = (data: Partial<RecordImprovementAnalysis['data']> = {}): RecordImprovementAnalysis => ({
  type: 'RecordImprovementAnalysis',
  data: { ticketId: 't-1', analysis: 'no spare stock in Hangzhou', improvementActions: ['keep two spare PLCs locally'], recordedBy: 'ts-wang', ...data },
  metadata: { now: NOW },
});
const analysed: ImprovementAnalysisRecorded = {
  type: 'ImprovementAnalysisRecorded',
  data: { ticketId: 't-1', analysis: 'no spare stock in Hangzhou', improvementActions: ['keep two spare PLCs locally'], recordedBy: 'ts-wang', recordedAt: NOW },
};

describe('customer preferences and ticket expectations', () => {
  it('SD-17 the customer profile keeps preferences, the latest per topic', () => {
    const state = prefs.when(prefer()).then([preferred]);
    expect(state).toMatchObject({ preferences: [{ topic: 'contact' }] });
    const changed = { ...preferred, data: { ...preferred.data, preference: 'Email only' } };
    const after = prefs.given([preferred]).when(prefer({ preference: 'Email only' })).then([changed]);
    expect(after).toMatchObject({ preferences: [{ topic: 'contact', preference: 'Email only' }] });
    prefs.given([preferred]).when(prefer()).then([]);
  });

  it('SD-17 refuses a preference without topic or text', () => {
    expect(prefs.when(prefer({ topic: '' })).thenThrows('SD-17').field).toBe('topic');
    expect(prefs.when(prefer({ preference: ' ' })).thenThrows('SD-17').field).toBe('preference');
  });

  it('SD-17 records an unmet expectation, which leaves the improvement analysis missing', () => {
    const state = expectations.when(unmet()).then([unmetRecorded]);
    expect(improvementAnalysisMissing(state)).toBe(true);
  });

  it('SD-17 records the improvement analysis after an unmet expectation, so the ticket may close', () => {
    const state = expectations.given([unmetRecorded]).when(analyse()).then([analysed]);
    expect(state).toMatchObject({ status: 'analysed', improvementActions: ['keep two spare PLCs locally'] });
    expect(improvementAnalysisMissing(state)).toBe(false);
    expect(improvementAnalysisMissing(fold(ticketExpectationDecider, []))).toBe(false);
  });

  it('SD-17 refuses an improvement analysis unless an unmet expectation was recorded', () => {
    expect(expectations.when(analyse()).thenThrows('SD-17').kind).toBe('rule');
  });

  it('SD-17 refuses an analysis without actions, and recording either step twice', () => {
    expect(expectations.given([unmetRecorded]).when(analyse({ improvementActions: [] })).thenThrows('SD-17').field).toBe('improvementActions');
    expect(expectations.given([unmetRecorded]).when(unmet()).thenThrows('SD-17').kind).toBe('conflict');
    expect(expectations.given([unmetRecorded, analysed]).when(analyse()).thenThrows('SD-17').kind).toBe('conflict');
  });
});
