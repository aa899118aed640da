import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { SpanStatusCode, trace } from '@opentelemetry/api';
import {
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
  type OperationDefinitionNode,
  execute,
  getNamedType,
  isInputObjectType,
  printSchema,
  typeFromAST,
} from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import { planOperation } from '../context/planned-read';
import type { RequestContext } from '../context/request-context';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

/** How an operation runs: compiled by graphql-jit, or by graphql-js. */
type Plan = { compiled: CompiledQuery } | { compiled: null };

/**
 * Executes operations with graphql-jit: each parsed and validated document (Apollo keeps
 * them in its document store, one object per query text) is compiled once into a function
 * that walks the selection without graphql-js's per-field machinery. The schema, its
 * resolvers, their guards and the validation rules stay what they are; variables are coerced
 * by graphql-js first, so bad values answer as they always did (BAD_USER_INPUT, 400).
 *
 * graphql-jit coerces variables again with its own parser, which ignores the default values
 * of input-object fields (a missing `weaknesses: [String!]! = []` is refused): operations
 * with input-object variables (mutations, mostly) run on graphql-js, with the same schema.
 * Plugged into Apollo through its gateway interface, the way Apollo lets a server bring its
 * own executor.
 */
export function compiledExecution(schema: GraphQLSchema, options: { plannedReads: boolean } = { plannedReads: true }): GatewayInterface {
  const plans = new WeakMap<DocumentNode, Map<string, Plan>>();

  const planOf = (document: DocumentNode, operation: OperationDefinitionNode, operationName: string | null): Plan | ExecutionResult => {
    let byName = plans.get(document);
    if (!byName) plans.set(document, (byName = new Map()));
    const known = byName.get(operationName ?? '');
    if (known) return known;
    let plan: Plan = { compiled: null };
    if (!hasInputObjectVariables(schema, operation)) {
      const compiled = compileQuery(schema, document, operationName ?? undefined);
      if (!isCompiledQuery(compiled)) return compiled;
      plan = { compiled };
    }
    byName.set(operationName ?? '', plan);
    return plan;
  };

  // graphql-jit does not go through graphql-js's execute, which the OpenTelemetry instrumentation
  // traces: a compiled operation gets its span here (a no-op when tracing is off), the parent of its queries.
  const tracer = trace.getTracer('passerelle-graphql-jit');
  // A planned answer (context/planned-read.ts) gets the same span, its executor named `planned`.
  const runTraced = (executorName: string, operation: OperationDefinitionNode, run: () => ExecutionResult | Promise<ExecutionResult>) => {
    const name = operation.name?.value;
    return tracer.startActiveSpan(name ? `${operation.operation} ${name}` : operation.operation, async (span) => {
      if (span.isRecording()) {
        span.setAttributes({ 'graphql.operation.type': operation.operation, 'graphql.executor': executorName, ...(name ? { 'graphql.operation.name': name } : {}) });
      }
      try {
        const result = await run();
        if (result.errors?.length) span.setStatus({ code: SpanStatusCode.ERROR });
        return result;
      } finally {
        span.end();
      }
    });
  };

  const executor: GatewayExecutor = async (request) => {
    const variables = request.request.variables ?? {};
    const coerced = getVariableValues(schema, request.operation.variableDefinitions ?? [], variables);
    if (coerced.errors) return { errors: coerced.errors };
    const planned = options.plannedReads ? planOperation(schema, request.document, request.operation, request.context as RequestContext, coerced.coerced) : null;
    if (planned) return runTraced('planned', request.operation, planned);
    const plan = planOf(request.document, request.operation, request.operationName);
    if (!('compiled' in plan)) return plan;
    const { compiled } = plan;
    if (compiled) return runTraced('graphql-jit', request.operation, () => compiled.query(undefined, request.context, variables));
    return execute({
      schema,
      document: request.document,
      contextValue: request.context,
      variableValues: variables,
      operationName: request.operationName,
    });
  };

  return {
    async load() {
      return { executor };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => undefined;
    },
    async stop() {},
  };
}

function hasInputObjectVariables(schema: GraphQLSchema, operation: OperationDefinitionNode): boolean {
  return (operation.variableDefinitions ?? []).some((definition) => {
    const type = typeFromAST(schema, definition.type as Parameters<typeof typeFromAST>[1]);
    return type !== undefined && isInputObjectType(getNamedType(type));
  });
}
