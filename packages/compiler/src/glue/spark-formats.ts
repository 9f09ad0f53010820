/**
 * strftime directives (as DuckDB and Python read them) and the Spark 3 datetime pattern
 * that parses the same text. Day and month take one or two digits in both engines.
 */
const DIRECTIVES: Readonly<Record<string, string>> = {
  '%Y': 'yyyy',
  '%y': 'yy',
  '%m': 'M',
  '%-m': 'M',
  '%d': 'd',
  '%-d': 'd',
  '%e': 'd',
  '%H': 'H',
  '%I': 'h',
  '%M': 'm',
  '%S': 's',
  '%f': 'SSSSSS',
  '%p': 'a',
  '%b': 'MMM',
  '%B': 'MMMM',
  '%a': 'EEE',
  '%A': 'EEEE',
  '%j': 'D',
  '%z': 'Z',
  '%Z': 'z',
}

/**
 * Translates a strftime format to a Spark datetime pattern: `%d/%m/%Y` -> `d/M/yyyy`.
 * Literal letters are quoted, as Spark reads unquoted letters as pattern symbols.
 */
export function sparkDatetimePattern(format: string): string {
  let pattern = ''
  let literal = ''
  const flush = (): void => {
    if (literal === '') return
    pattern += /[A-Za-z']/.test(literal) ? `'${literal.replaceAll("'", "''")}'` : literal
    literal = ''
  }
  for (let at = 0; at < format.length; ) {
    const directive = format.startsWith('%-', at) ? format.slice(at, at + 3) : format.slice(at, at + 2)
    if (directive === '%%') {
      literal += '%'
      at += 2
      continue
    }
    const symbol = DIRECTIVES[directive]
    if (format[at] === '%' && symbol !== undefined) {
      flush()
      pattern += symbol
      at += directive.length
      continue
    }
    literal += format[at]
    at += 1
  }
  flush()
  return pattern
}
