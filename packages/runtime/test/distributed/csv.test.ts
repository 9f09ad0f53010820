import { describe, expect, it } from 'vitest'
import { parseDelimited } from '../../src/distributed/index.js'

describe('parseDelimited, by "How Step Functions parses input CSV files"', () => {
  it("parses the guide's example row: quoted commas, doubled quotes inside and outside quotes, a quoted newline", () => {
    const text = 'abc,123,"This string contains commas, a double quotation marks (""), and a newline (\n)",{""MyKey"":""MyValue""},"[1,2,3]"'
    expect(parseDelimited(text, ',')).toEqual([
      ['abc', '123', 'This string contains commas, a double quotation marks ("), and a newline (\n)', '{"MyKey":"MyValue"}', '[1,2,3]'],
    ])
  })

  it('ends records at \\n, \\r\\n and \\r, and adds no record for a final newline', () => {
    expect(parseDelimited('a,b\r\nc,d\re,f\n', ',')).toEqual([['a', 'b'], ['c', 'd'], ['e', 'f']])
    expect(parseDelimited('a,b', ',')).toEqual([['a', 'b']])
  })

  it('keeps empty fields, whitespace and a blank line as a record of one empty field', () => {
    expect(parseDelimited(',,,\n   \n\nx\n', ',')).toEqual([['', '', '', ''], ['   '], [''], ['x']])
  })

  it('reads an empty quoted field as empty and a quoted field of two doubled quotes as one quote', () => {
    expect(parseDelimited('"",""""\n', ',')).toEqual([['', '"']])
  })

  it('lets backslashes escape backslashes, quotes and the delimiter, and drops a backslash before anything else', () => {
    expect(parseDelimited('path,size\nC:\\\\Program Files\\\\MyApp.exe,6534512\n', ',')).toEqual([
      ['path', 'size'],
      ['C:\\Program Files\\MyApp.exe', '6534512'],
    ])
    expect(parseDelimited('a\\,b,\\"q\\",\\x\n', ',')).toEqual([['a,b', '"q"', 'x']])
    expect(parseDelimited('a\\|b|c\n', '|')).toEqual([['a|b', 'c']])
  })

  it('splits on each configurable delimiter only', () => {
    expect(parseDelimited('a|b,c\n', '|')).toEqual([['a', 'b,c']])
    expect(parseDelimited('a;b\n', ';')).toEqual([['a', 'b']])
    expect(parseDelimited('a b\n', ' ')).toEqual([['a', 'b']])
    expect(parseDelimited('a\tb c\n', '\t')).toEqual([['a', 'b c']])
  })

  it('drops a UTF-8 byte order mark before the first header', () => {
    expect(parseDelimited('\uFEFFid,name\n', ',')).toEqual([['id', 'name']])
  })
})
