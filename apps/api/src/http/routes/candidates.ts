import {
  CandidateListQuerySchema,
  CandidateParamsSchema,
  DecisionRequestSchema,
  MergeListQuerySchema,
  MergeParamsSchema,
  MergeRequestSchema,
  type CandidateListResponse,
  type MergeListResponse,
  type MergeResponse,
} from '@explorer/model';
import type { FastifyPluginAsync } from 'fastify';
import type { Database } from '../../db/database.ts';
import { toResolutionError } from '../../resolution/errors.ts';
import { ResolutionRepository } from '../../resolution/resolution-repository.ts';
import { parseRequest } from '../validate.ts';

export interface CandidateRouteOptions {
  db: Database;
  queryTimeoutMs: number;
}

/**
 * Entity resolution's review (README: Entity resolution): candidate pairs an import held, merge,
 * keep apart, and undo of a merge. Answers its own errors, with 409 for a state that forbids the step.
 */
export const candidateRoutes: FastifyPluginAsync<CandidateRouteOptions> = async (app, { db, queryTimeoutMs }) => {
  const repository = new ResolutionRepository(db, queryTimeoutMs);

  app.setErrorHandler((error, request, reply) => {
    const answer = toResolutionError(error);
    if (answer.status >= 500 && answer.status !== 504) request.log.error({ err: error }, answer.message);
    void reply.status(answer.status).send(answer.body());
  });

  app.get('/candidates', async (request): Promise<CandidateListResponse> => {
    const query = parseRequest(CandidateListQuerySchema, request.query, 'query');
    return { candidates: await repository.listCandidates(query) };
  });

  app.post('/candidates/:id/merge', async (request): Promise<MergeResponse> => {
    const { id } = parseRequest(CandidateParamsSchema, request.params, 'params');
    const body = parseRequest(MergeRequestSchema, request.body, 'body');
    return repository.merge(id, body);
  });

  app.post('/candidates/:id/keep-apart', async (request) => {
    const { id } = parseRequest(CandidateParamsSchema, request.params, 'params');
    const { by } = parseRequest(DecisionRequestSchema, request.body, 'body');
    return { candidate: await repository.keepApart(id, by) };
  });

  app.get('/merges', async (request): Promise<MergeListResponse> => {
    const { limit } = parseRequest(MergeListQuerySchema, request.query, 'query');
    return { merges: await repository.listMerges(limit) };
  });

  app.post('/merges/:id/undo', async (request): Promise<MergeResponse> => {
    const { id } = parseRequest(MergeParamsSchema, request.params, 'params');
    const { by } = parseRequest(DecisionRequestSchema, request.body, 'body');
    return repository.undo(id, by);
  });
};
