export { placeBatch } from './batch.js'
export { runPipeline, type PipelineRun, type PipelineRunOptions } from './run-pipeline.js'
export { summarize, type CheckVerdict, type DatasetFigures, type QueryPreview, type RunSummary, type StateTiming } from './summary.js'
