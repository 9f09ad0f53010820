import { checkTemplateSecurity, type Diagnostic } from '@dlc/compiler'
import { validateWithCloudFormation, type TemplateFinding } from './cloudformation.js'
import { formatOf, parseSource, type SourceDocument } from './source.js'

/**
 * What dlc checks in a CloudFormation template as a whole, besides its state machines: dlc's
 * security rules (docs/security.md), then AWS's CloudFormation validator. The first call builds
 * AWS's validator (seconds); later calls reuse it. Never throws: text that is not JSON or YAML
 * is an INVALID_JSON_DESCRIPTION error.
 *
 * @example const errors = (await checkTemplate(yamlText, 'template.yaml')).filter((d) => d.severity === 'ERROR')
 */
export async function checkTemplate(templateText: string, fileName: string): Promise<Diagnostic[]> {
  const source = parseSource(templateText, formatOf(fileName, templateText))
  if (!('value' in source)) {
    const where = source.position === undefined ? '' : ` (line ${source.position.line}, column ${source.position.column})`
    return [{ severity: 'ERROR', code: source.code, message: source.message + where, location: '/', ...(source.hint === undefined ? {} : { hint: source.hint }) }]
  }
  return (await templateFindings(source, fileName)).map((finding) => finding.diagnostic)
}

/** The findings of checkTemplate on a file already read, each with where AWS's validator places it when it does. */
export async function templateFindings(source: SourceDocument, fileName: string): Promise<TemplateFinding[]> {
  const security = checkTemplateSecurity(source.value).map((diagnostic) => ({ diagnostic }))
  return [...security, ...(await validateWithCloudFormation(source.text, fileName, source.value))]
}
