import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { SESSION_COOKIE } from '../common/security';
import { CONTRACT_SCHEMAS } from './contract-schemas';
import { schemaRef } from './responses';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/**
 * The OpenAPI 3.1 document of the API (served at /api/docs-json): the request bodies from the request classes, the
 * success answers from the handlers' response decorators (openapi/responses.ts), the response schemas generated
 * from contracts/src (contract-schemas.ts), and on every operation the error envelope (ApiError) for 4XX and 5XX.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const doc = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setOpenAPIVersion('3.1.0')
      .setTitle('Samverka API')
      .setDescription('EST case management')
      .setVersion('0.1.0')
      .addCookieAuth(SESSION_COOKIE)
      .build(),
  );
  const schemas = (doc.components ??= {}).schemas ?? {};
  for (const name of Object.keys(CONTRACT_SCHEMAS)) {
    if (schemas[name]) throw new Error(`OpenAPI: the schema ${name} of contracts/ has the name of a request class`);
  }
  doc.components.schemas = { ...schemas, ...(CONTRACT_SCHEMAS as typeof schemas) };
  const error = (description: string) => ({ description, content: { 'application/json': { schema: schemaRef('ApiError') } } });
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const success = Object.entries(op.responses).filter(([s]) => /^2\d\d$/.test(s));
      if (!success.length || success.some(([s, r]) => s !== '204' && !(r && 'content' in r && r.content))) {
        throw new Error(`OpenAPI: ${method.toUpperCase()} ${path} describes no success answer with its body (see openapi/responses.ts)`);
      }
      op.responses['4XX'] ??= error('Refused: `code` says why, `field` names the input at fault');
      op.responses['5XX'] ??= error('Internal error, or 503 SERVICE_UNAVAILABLE with Retry-After while the database cannot be reached');
    }
  }
  return doc;
}
