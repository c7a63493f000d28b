import { assertNever, DomainError, type Decider } from '@ebp/shared-eventsourcing';
import { instantMs, optionalText, requireInstant, requireOneOf, requireText } from '@ebp/shared-kernel';
import type { TicketChannel } from '../ticket/ticket.events';
import type { RecordSatisfactionSurvey, SatisfactionSurveyCommand } from './satisfaction-survey.commands';
import {
  SURVEY_DIMENSIONS,
  SURVEY_METHODS,
  type SatisfactionSurveyEvent,
  type SatisfactionSurveyRecorded,
  type SurveyDimension,
  type SurveyMethod,
  type SurveyScores,
} from './satisfaction-survey.events';

const RULE = 'SD-16';

export const MIN_SCORE = 1;
export const MAX_SCORE = 5;

/** The ticket channel a follow-up opens on: the way the customer was surveyed. */
export function surveyChannel(method: SurveyMethod): TicketChannel {
  switch (method) {
    case 'phone':
      return 'hotline';
    case 'letter':
    case 'on-site':
    case 'fax':
    case 'email':
      return method;
    default:
      return assertNever(method);
  }
}

export type SatisfactionSurveyState = { status: 'none' } | ({ status: 'recorded' } & SatisfactionSurveyRecorded['data']);

export const initialSatisfactionSurveyState = (): SatisfactionSurveyState => ({ status: 'none' });

function score(value: number | null | undefined, dimension: SurveyDimension): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < MIN_SCORE || value > MAX_SCORE) {
    throw new DomainError(RULE, `scores.${dimension} must be an integer ${MIN_SCORE}..${MAX_SCORE}`, 'invalid', `scores.${dimension}`);
  }
  return value;
}

export function requireScores(scores: Partial<Record<SurveyDimension, number>> | null | undefined): SurveyScores {
  if (typeof scores !== 'object' || scores === null) throw new DomainError(RULE, 'scores are required', 'invalid', 'scores');
  const [installation, systemOperation, implementation, afterSales, training] = SURVEY_DIMENSIONS.map((d) => score(scores[d], d));
  return {
    installation,
    'system-operation': systemOperation,
    implementation,
    'after-sales-service': afterSales,
    training,
  };
}

function record(command: RecordSatisfactionSurvey, state: SatisfactionSurveyState): SatisfactionSurveyEvent[] {
  const d = command.data;
  const now = command.metadata.now;
  const surveyId = requireText(d.surveyId, 'surveyId', RULE);
  if (state.status !== 'none') throw new DomainError(RULE, `survey ${surveyId} is already recorded`, 'conflict', 'surveyId');
  const surveyedAt = requireInstant(d.surveyedAt, 'surveyedAt', RULE);
  if (instantMs(surveyedAt) > instantMs(now)) throw new DomainError(RULE, `surveyedAt ${surveyedAt} is in the future`, 'invalid', 'surveyedAt');
  return [
    {
      type: 'SatisfactionSurveyRecorded',
      data: {
        surveyId,
        customerId: requireText(d.customerId, 'customerId', RULE),
        projectId: optionalText(d.projectId, 'projectId', RULE),
        method: requireOneOf(d.method, SURVEY_METHODS, 'method', RULE),
        surveyedAt,
        scores: requireScores(d.scores),
        comment: optionalText(d.comment, 'comment', RULE),
        surveyedBy: requireText(d.surveyedBy, 'surveyedBy', RULE),
        surveyorDepartment: requireText(d.surveyorDepartment, 'surveyorDepartment', RULE),
        recordedAt: now,
      },
    },
  ];
}

export function decideSatisfactionSurvey(command: SatisfactionSurveyCommand, state: SatisfactionSurveyState): SatisfactionSurveyEvent[] {
  switch (command.type) {
    case 'RecordSatisfactionSurvey':
      return record(command, state);
    default:
      return assertNever(command.type);
  }
}

export function evolveSatisfactionSurvey(_state: SatisfactionSurveyState, event: SatisfactionSurveyEvent): SatisfactionSurveyState {
  switch (event.type) {
    case 'SatisfactionSurveyRecorded':
      return { status: 'recorded', ...event.data };
    default:
      return assertNever(event.type);
  }
}

/** SD-16 customer satisfaction survey aggregate, `service-desk.satisfaction-survey.<id>`. */
export const satisfactionSurveyDecider: Decider<SatisfactionSurveyState, SatisfactionSurveyCommand, SatisfactionSurveyEvent> = {
  initialState: initialSatisfactionSurveyState,
  decide: decideSatisfactionSurvey,
  evolve: evolveSatisfactionSurvey,
};
