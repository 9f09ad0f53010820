import packageJson from '../../package.json'
import { UsageError } from '../args.js'
import type { Command } from '../command.js'

const HELP = `Usage: dlc validate <file|dir|glob>... [options]

Checks Amazon States Language definitions the way AWS's ValidateStateMachineDefinition
does, and more. Takes *.asl.json, *.asl.yaml and *.asl.yml files; any JSON or YAML
file with a top-level StartAt and States; and CloudFormation or SAM templates, whose
every AWS::StepFunctions::StateMachine (Definition, DefinitionString) and
AWS::Serverless::StateMachine (Definition, local DefinitionUri) is checked, with
\${...} placeholders left as they are. A template as a whole also goes through AWS's
CloudFormation validator (@aws/cloudformation-validate, offline; its rule ids such as
E3002 are the codes) and dlc's security rules (DLC_IAM_*, DLC_S3_*, DLC_SFN_LOGGING,
DLC_SNS_ENCRYPTION; see docs/security.md). A directory means its **/*.asl.{json,yaml,yml};
globs are expanded relative to the working directory (quote them to let dlc do it).

Options:
      --format <format>  text (default), json: a report for tools, or sarif: SARIF 2.1.0
                         for code scanning
      --type <type>      STANDARD (default) or EXPRESS: the type of machines whose
                         file does not say (a template's StateMachineType does)
  -h, --help             Show this help

Exit codes: 0 all valid (warnings allowed), 1 a definition is invalid, 2 bad usage
(no inputs, an unknown option, a path or glob that matches nothing).
`

/** `dlc validate`: ASL files and templates in, findings out. */
export const validateCommand: Command = {
  name: 'validate',
  summary: 'Check ASL definitions, and CloudFormation/SAM templates with their state machines',
  help: HELP,
  options: {
    format: { type: 'string', choices: ['text', 'json', 'sarif'] },
    type: { type: 'string', choices: ['STANDARD', 'EXPRESS'] },
  },
  async run(args, io) {
    if (args.positionals.length === 0) throw new UsageError('validate needs at least one file, directory or glob', 'validate')
    // Loaded when validate runs: the YAML parser, globbing and the template checks cost every other command start-up time.
    const [{ expandInputs }, { checkFiles }, { isValid, printJson, printText }, { toSarif }] = await Promise.all([
      import('../validate/inputs.js'),
      import('../validate/check-files.js'),
      import('../validate/report.js'),
      import('../validate/sarif.js'),
    ])
    const files = await expandInputs(args.positionals, io.cwd)
    const outcome = await checkFiles(files, { cwd: io.cwd, type: args.options['type'] === 'EXPRESS' ? 'EXPRESS' : 'STANDARD' })
    const format = args.options['format']
    if (format === 'json') printJson(io.stdout, outcome)
    else if (format === 'sarif') io.stdout.write(JSON.stringify(toSarif(outcome, packageJson.version), null, 2) + '\n')
    else printText(io.stdout, outcome)
    return isValid(outcome) ? 0 : 1
  },
}
