/**
 * A local Glue job run in a process of its own, for the kill -9 test: opens the example lake's
 * `.dlc` folder at argv[2], runs glue:startJobRun.sync with the JSON input at argv[3], and
 * prints each progress event as a JSON line.
 */
import nightly from '../../../../examples/datalake/pipeline.js'
import { glueStartJobRun } from '../../src/services/glue-start-job-run.js'
import { localPipeline, openEnvironment } from '../../src/services/index.js'
import { readSql, taskCall } from './lake-fixture.js'

const [root, input] = process.argv.slice(2)
if (root === undefined || input === undefined) throw new Error('usage: glue-job-child.ts <.dlc folder> <StartJobRun input JSON>')
const env = await openEnvironment(root, localPipeline(nightly.build({ readSql })), (event) => process.stdout.write(`${JSON.stringify(event)}\n`))
await glueStartJobRun.create(env)(JSON.parse(input), taskCall('arn:aws:states:::glue:startJobRun.sync', 'Clean sales'))
env.close()
