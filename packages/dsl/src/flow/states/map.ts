import { DslError, exprNode, isExpr } from '../../expr/expr.js'
import { compact, createNode, type Json } from '../../ir/json.js'
import type { ItemBatcherNode, ItemReaderNode, MapStateNode, ResultWriterNode } from '../../ir/states.js'
import type { Flow } from '../flow.js'
import type { GraphBuilder, Step } from '../graph.js'
import { field } from '../scope.js'
import type { MapSpec } from '../specs.js'
import {
  describeBranch,
  describeCatches,
  payloadContext,
  renderDynamic,
  renderField,
  renderTemplate,
  resultFields,
  stateEnv,
  type StateEnv,
} from './common.js'
import { subgraph } from './parallel.js'

type AnyMapSpec = MapSpec<any, any, any, any, any, any, any, any, any>

/** A Map. Reader, batcher, writer or tolerated failures make it Distributed unless `mode` says otherwise. */
export function mapStep(name: string, spec: AnyMapSpec, flow: Flow<any, any>): Step {
  const env = stateEnv(name, spec, flow)
  const processor = describeBranch(flow, spec.processor)
  const described = describeCatches(spec.catch, env)
  const distributedOnly = [spec.itemReader, spec.itemBatcher, spec.resultWriter, spec.label, spec.toleratedFailureCount, spec.toleratedFailurePercentage, spec.executionType]
  const wantsDistributed = distributedOnly.some((value) => value !== undefined)
  const mode = spec.mode ?? (wantsDistributed ? 'DISTRIBUTED' : undefined)
  if (mode === 'INLINE' && wantsDistributed) {
    throw new DslError(
      'ItemReader, ItemBatcher, ResultWriter, Label, ExecutionType and tolerated failures need a Distributed Map',
      `/States/${name}/ItemProcessor/ProcessorConfig/Mode`,
      "set mode: 'DISTRIBUTED'",
      'SCHEMA_VALIDATION_FAILED',
    )
  }
  return {
    name,
    terminal: false,
    emit(next, out) {
      const at = out.mark()
      const concurrency = renderDynamic(spec.maxConcurrency, env, out, 'MaxConcurrency')
      const failureCount = renderDynamic(spec.toleratedFailureCount, env, out, 'ToleratedFailureCount')
      const failurePercentage = renderDynamic(spec.toleratedFailurePercentage, env, out, 'ToleratedFailurePercentage')
      const items = renderItems(spec, env, out)
      out.add(
        createNode<MapStateNode>({
          kind: 'Map',
          name,
          comment: spec.comment,
          queryLanguage: env.queryLanguage,
          inputPath: spec.inputPath,
          ...items,
          itemSelector:
            env.language === 'JSONPath'
              ? renderTemplate(spec.itemSelector, env, out, 'ItemSelector')
              : renderField(spec.itemSelector, env, out, 'ItemSelector'),
          itemReader: spec.itemReader && itemReader(spec, env, out),
          itemBatcher: spec.itemBatcher && itemBatcher(spec, env, out),
          processor: subgraph(processor, out.nested(`${out.path}/${name}/ItemProcessor/States`)),
          processorConfig: mode && { mode, ...(spec.executionType ? { executionType: spec.executionType } : {}) },
          resultWriter: spec.resultWriter && resultWriter(spec, env, out),
          maxConcurrency: concurrency.value,
          maxConcurrencyPath: concurrency.path,
          toleratedFailureCount: failureCount.value,
          toleratedFailureCountPath: failureCount.path,
          toleratedFailurePercentage: failurePercentage.value,
          toleratedFailurePercentagePath: failurePercentage.path,
          label: spec.label,
          ...resultFields(spec, described, env, out, next),
        }),
        at,
      )
    },
  }
}

/** Items: a path becomes ItemsPath in JSONPath; JSONata takes an array or an expression as Items. */
function renderItems(spec: AnyMapSpec, env: StateEnv, out: GraphBuilder): { items?: Json | undefined; itemsPath?: string } {
  const items = field(spec.items)
  if (items === undefined) return {}
  if (env.language === 'JSONata') return { items: renderField(items, env, out, 'Items') }
  if (!isExpr(items)) {
    throw new DslError('a JSONPath Map reads its items from a path', `${out.path}/${env.name}/ItemsPath`, 'pass an accessor such as $.input.orders, or make the Map JSONata')
  }
  return { itemsPath: exprNode(items).toJsonPath(payloadContext(env, out, 'ItemsPath')) }
}

function itemReader(spec: AnyMapSpec, env: StateEnv, out: GraphBuilder): ItemReaderNode {
  const reader = spec.itemReader!
  return compact<ItemReaderNode>({
    resource: reader.resource,
    readerConfig: reader.readerConfig,
    parameters: renderTemplate(reader.parameters, env, out, 'ItemReader/Parameters'),
    arguments: renderField(reader.arguments, env, out, 'ItemReader/Arguments'),
  })
}

function itemBatcher(spec: AnyMapSpec, env: StateEnv, out: GraphBuilder): ItemBatcherNode {
  const batcher = spec.itemBatcher!
  const items = renderDynamic(batcher.maxItemsPerBatch, env, out, 'ItemBatcher/MaxItemsPerBatch')
  const bytes = renderDynamic(batcher.maxInputBytesPerBatch, env, out, 'ItemBatcher/MaxInputBytesPerBatch')
  return compact<ItemBatcherNode>({
    maxItemsPerBatch: items.value,
    maxItemsPerBatchPath: items.path,
    maxInputBytesPerBatch: bytes.value,
    maxInputBytesPerBatchPath: bytes.path,
    batchInput: renderField(batcher.batchInput, env, out, 'ItemBatcher/BatchInput'),
  })
}

function resultWriter(spec: AnyMapSpec, env: StateEnv, out: GraphBuilder): ResultWriterNode {
  const writer = spec.resultWriter!
  return compact<ResultWriterNode>({
    resource: writer.resource,
    writerConfig: writer.writerConfig,
    parameters: renderTemplate(writer.parameters, env, out, 'ResultWriter/Parameters'),
    arguments: renderField(writer.arguments, env, out, 'ResultWriter/Arguments'),
  })
}
