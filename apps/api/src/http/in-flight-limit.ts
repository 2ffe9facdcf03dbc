import type { ServerResponse } from 'node:http';
import underPressure from '@fastify/under-pressure';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from './errors.ts';

/**
 * API requests served at once when the configuration does not say: under the driver's 50
 * connections (database.ts), with room for the console's watchdog and the health check, so that an
 * admitted request never waits for a connection.
 */
export const DEFAULT_MAX_IN_FLIGHT = 40;
/** How long a request over the limit may wait for a slot before it is refused. */
export const DEFAULT_MAX_WAIT_MS = 100;
/** Event-loop delay (mean over the last half second) past which new API requests are refused. */
export const MAX_EVENT_LOOP_DELAY_MS = 200;

/** API requests other than the health check: what the server refuses when it cannot serve them. */
export const isRefusableApiRequest = (request: FastifyRequest) =>
  request.url.startsWith('/api/') && !request.url.startsWith('/api/health');

function answerBusy(reply: FastifyReply, why: string): FastifyReply {
  const busy = new HttpError(503, 'busy', `The server is busy (${why}); try again shortly.`);
  return reply.status(503).header('retry-after', '1').send(busy.body());
}

/**
 * Refuses API requests while this process's event loop lags (@fastify/under-pressure): then even
 * the in-flight limit's answers come late, and clients' connections time out instead of being told
 * to come back. A refusal is the cheapest answer the process can give.
 */
export async function refuseUnderPressure(app: FastifyInstance, maxEventLoopDelayMs = MAX_EVENT_LOOP_DELAY_MS) {
  await app.register(underPressure, {
    maxEventLoopDelay: maxEventLoopDelayMs,
    sampleInterval: 500,
    pressureHandler: (request, reply, _type, value) => {
      if (isRefusableApiRequest(request)) answerBusy(reply, `its event loop lags ${Math.round(value ?? 0)} ms`);
    },
  });
}

/**
 * Load shedding: at most `max` API requests are served at once; one more waits up to `maxWaitMs` for a
 * slot (smoothing bursts) and is then answered 503 `busy` with Retry-After. Without it an overloaded
 * server lets every request wait into a timeout: at 200 requests/s on two cores, searches waited
 * 10–15 s for a database connection. The health check is never refused, so an operator can always
 * see why.
 */
export function limitInFlight(app: FastifyInstance, max: number, maxWaitMs = DEFAULT_MAX_WAIT_MS): void {
  let inFlight = 0;
  /** Requests waiting for a slot, oldest first; calling one hands it a slot. */
  const waiting: Array<() => void> = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else inFlight--;
  };

  /** Resolves true once a slot was handed over, false when the wait ran out or the client left. */
  const waitForSlot = (response: ServerResponse) =>
    new Promise<boolean>((resolve) => {
      const give = () => {
        cleanUp();
        resolve(true);
      };
      const giveUp = () => {
        const index = waiting.indexOf(give);
        if (index >= 0) waiting.splice(index, 1);
        cleanUp();
        resolve(false);
      };
      const timer = setTimeout(giveUp, maxWaitMs);
      const cleanUp = () => {
        clearTimeout(timer);
        response.off('close', giveUp);
      };
      // Before the answer, 'close' on the response means the client has gone.
      response.once('close', giveUp);
      waiting.push(give);
    });

  app.addHook('onRequest', async (request, reply) => {
    if (!isRefusableApiRequest(request)) return;
    if (inFlight < max) inFlight++;
    else if (!(await waitForSlot(reply.raw))) return answerBusy(reply, `${max} requests at once`);
    // 'close' fires once the answer is sent or the client has gone, whichever comes first.
    reply.raw.once('close', release);
  });
}
