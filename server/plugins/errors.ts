import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from '../lib/errors.ts';
import { fieldsFromAjvErrors } from './validation.ts';

type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };

const fastifyCodes: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_request',
  FST_REQ_FILE_TOO_LARGE: 'payload_too_large',
};

/** Every error leaves as `{"error": {...}}`; a 5xx never shows its cause to the client. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
    if (error instanceof HttpError) {
      if (error.headers) reply.headers(error.headers);
      const body: ErrorBody = { error: { code: error.code, message: error.message } };
      if (error.fields) body.error.fields = error.fields;
      return reply.status(error.statusCode).send(body);
    }
    if ('validation' in error && error.validation) {
      const context = error.validationContext ?? 'body';
      const fields = fieldsFromAjvErrors(error.validation as never, context);
      const message = context === 'body' ? 'Some fields are invalid' : `Invalid ${context}`;
      return reply.status(400).send({ error: { code: 'invalid', message, fields } } satisfies ErrorBody);
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code = fastifyCodes[error.code] ?? (status === 429 ? 'rate_limited' : 'bad_request');
      return reply.status(status).send({ error: { code, message: error.message } } satisfies ErrorBody);
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply
      .status(500)
      .send({ error: { code: 'internal', message: 'Something went wrong on our side. Please try again.' } });
  });
}

/**
 * Errors Fastify raises before routing — an undecodable URL (`%E0%A4%A`), a path parameter longer
 * than the router accepts — skip the error handler; give them the same shape. Pass it to
 * `Fastify({ frameworkErrors: handleFrameworkError })`.
 */
export function handleFrameworkError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  const status = error.statusCode ?? 400;
  if (status >= 500) {
    return reply
      .status(500)
      .send({ error: { code: 'internal', message: 'Something went wrong on our side. Please try again.' } });
  }
  const code = status === 414 ? 'uri_too_long' : 'bad_request';
  return reply
    .status(status)
    .send({ error: { code, message: 'This address is not valid' } } satisfies ErrorBody);
}
