import { writeFileSync } from 'node:fs'
import { GENERATED_VALIDATOR, validatorModule } from './codegen.js'

// `pnpm --filter @dlc/compiler generate:schema`: rewrites the compiled schema after asl.schema.json changes.
writeFileSync(GENERATED_VALIDATOR, validatorModule())
