import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, ERROR_STATUS, type ErrorCode } from '../../core/errors.ts';
import { errorMessage } from '../../core/i18n/error-messages.ts';
import { pickLocale, type Locale } from '../../core/i18n/locale.ts';
import { localizeFieldCode } from '../../core/i18n/field-codes.ts';
import { fieldMessage } from './field-messages.ts';

export function requestLocale(req: FastifyRequest): Locale {
  const actorLocale = (req as Partial<FastifyRequest>).actor?.locale;
  if (actorLocale && req.actor.kind !== 'anonymous') return actorLocale;
  return pickLocale(req.headers['accept-language']);
}

export function sendError(
  req: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  params: Record<string, string | number> = {},
  details?: Record<string, unknown>,
) {
  const locale = requestLocale(req);
  const body: Record<string, unknown> = { code, message: errorMessage(code, locale, params) };
  if (details) body.details = localizeFields(details, locale);
  return reply.status(ERROR_STATUS[code]).type('application/json; charset=utf-8').send(body);
}

/** Field reasons given as codes (e.g. 'exists') in the user's language. */
function localizeFields(details: Record<string, unknown>, locale: Locale): Record<string, unknown> {
  const fields = details.fields;
  if (!fields || typeof fields !== 'object') return details;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields as Record<string, unknown>)) out[k] = typeof v === 'string' ? localizeFieldCode(v, locale) : v;
  return { ...details, fields: out };
}

/**
 * Maps every error to `{ code, message, details }` in the user's language. Unknown errors are
 * logged and answered with a generic 500: never a stack trace or SQL text.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    try {
      return handle(err, req, reply);
    } catch (inner) {
      req.log.error({ err: inner }, 'error handler failed');
      return reply.status(500).send({ code: 'internal', message: errorMessage('internal', pickLocale(req.headers['accept-language'])) });
    }
  });

  function handle(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
    if (err instanceof AppError) {
      return sendError(req, reply, err.code, err.params, err.details);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const locale = requestLocale(req);
      const fields: Record<string, string> = {};
      for (const v of err.validation) {
        const path = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
        const key = `${err.validationContext ?? 'body'}${path ? `.${path}` : ''}`;
        const issue = { ...v.params, code: v.keyword, message: v.message, path: path ? path.split('.') : [] };
        if (!fields[key]) fields[key] = fieldMessage(issue, locale);
      }
      return sendError(req, reply, 'validation_failed', {}, { fields });
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err }, 'response serialization failed');
      return sendError(req, reply, 'internal');
    }
    switch (err.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return sendError(req, reply, 'payload_too_large');
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
        return sendError(req, reply, 'validation_failed', {}, { body: err.message });
      default:
        break;
    }
    if (err.statusCode === 400 && !('cause' in err && err.cause)) {
      // JSON syntax errors from the body parser and similar client mistakes
      return sendError(req, reply, 'validation_failed', {}, { body: err.message.slice(0, 200) });
    }
    if (isUniqueViolation(err)) {
      // a unique index refused a concurrent write the use case did not foresee: a conflict, not a crash
      req.log.warn({ err }, 'unique violation');
      return sendError(req, reply, 'conflict_duplicate', { field: requestLocale(req) === 'en' ? 'This record' : '该记录' });
    }
    if (err.statusCode === 413) return sendError(req, reply, 'payload_too_large');
    if (err.statusCode === 415) return sendError(req, reply, 'validation_failed', {}, { body: 'unsupported media type' });
    req.log.error({ err }, 'unhandled error');
    return sendError(req, reply, 'internal');
  }
}

/** A PostgreSQL unique violation (23505), possibly wrapped by the driver or Drizzle. */
function isUniqueViolation(e: unknown): boolean {
  for (let cur: unknown = e, i = 0; cur && typeof cur === 'object' && i < 4; i++) {
    if ('code' in cur && (cur as { code: unknown }).code === '23505') return true;
    cur = 'cause' in cur ? (cur as { cause: unknown }).cause : null;
  }
  return false;
}
