import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ItemReaderFailed, NotSupportedLocally, readItems, type ItemReader, type ReaderConfig } from '../../src/distributed/index.js'
import { LocalS3 } from '../../src/s3/index.js'

const GET = 'arn:aws:states:::s3:getObject'
const LIST = 'arn:aws:states:::s3:listObjectsV2'

let root: string
let s3: LocalS3

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dlc-reader-'))
  s3 = new LocalS3(root)
  await s3.createBucket({ Bucket: 'data' })
})

afterEach(async () => {
  await rm(root, { recursive: true, force: true })
})

const put = (key: string, body: string | Uint8Array, bucket = 'data') => s3.putObject({ Bucket: bucket, Key: key, Body: body })
const fromObject = (key: string, config: ReaderConfig): ItemReader => ({ Resource: GET, ReaderConfig: config, Parameters: { Bucket: 'data', Key: key } })

async function readerFailure(reader: ItemReader, maxItems?: number): Promise<ItemReaderFailed> {
  const error = await readItems(reader, s3, maxItems).then(
    () => undefined,
    (thrown: unknown) => thrown,
  )
  if (error instanceof ItemReaderFailed) return error
  throw new Error(`expected States.ItemReaderFailed, got ${String(error)}`)
}

const facts = [
  { verdict: 'true', statement_date: '6/11/2008', statement_source: 'speech' },
  { verdict: 'false', statement_date: '6/7/2022', statement_source: 'television' },
  { verdict: 'mostly-true', statement_date: '5/18/2016', statement_source: 'news' },
]

describe('InputType JSON', () => {
  it("gives the array's elements, as in the guide's factcheck.json example", async () => {
    await put('jsonDataset/factcheck.json', JSON.stringify(facts))
    expect(await readItems(fromObject('jsonDataset/factcheck.json', { InputType: 'JSON' }), s3)).toEqual(facts)
  })

  it('follows ItemsPointer to a nested array, and reads JSONata Arguments as Parameters', async () => {
    await put('nested.json', JSON.stringify({ inventory: { products: { featured: [{ id: 1 }, { id: 2 }], 'a/b': [3] } } }))
    const reader: ItemReader = { Resource: GET, ReaderConfig: { InputType: 'JSON', ItemsPointer: '/inventory/products/featured' }, Arguments: { Bucket: 'data', Key: 'nested.json' } }
    expect(await readItems(reader, s3)).toEqual([{ id: 1 }, { id: 2 }])
    expect(await readItems(fromObject('nested.json', { InputType: 'JSON', ItemsPointer: '/inventory/products/a~1b' }), s3)).toEqual([3])
    expect((await readerFailure(fromObject('nested.json', { InputType: 'JSON', ItemsPointer: '/nope' }))).cause).toContain("'/nope' selects nothing")
  })

  it('fails an object that is not an array with the cause AWS was recorded giving', async () => {
    await put('object.json', JSON.stringify({ Hello: 'world' }))
    const error = await readerFailure(fromObject('object.json', { InputType: 'JSON' }))
    expect(error.name).toBe('States.ItemReaderFailed')
    expect(error.cause).toBe('Attempting to map over non-iterable node.')
  })

  it('fails text that is not JSON', async () => {
    await put('broken.json', '[1, 2')
    expect((await readerFailure(fromObject('broken.json', { InputType: 'JSON' }))).cause).toContain('s3://data/broken.json is not a JSON document')
  })

  it('reads a gzipped file by its .gz name', async () => {
    await put('facts.json.gz', gzipSync(JSON.stringify(facts)))
    expect(await readItems(fromObject('facts.json.gz', { InputType: 'JSON' }), s3)).toEqual(facts)
  })
})

describe('MaxItems', () => {
  it('limits the items; 0 means no limit; an override (MaxItemsPath) wins over MaxItems', async () => {
    await put('facts.json', JSON.stringify(facts))
    expect(await readItems(fromObject('facts.json', { InputType: 'JSON', MaxItems: 2 }), s3)).toEqual(facts.slice(0, 2))
    expect(await readItems(fromObject('facts.json', { InputType: 'JSON', MaxItems: 0 }), s3)).toEqual(facts)
    expect(await readItems(fromObject('facts.json', { InputType: 'JSON', MaxItems: 2 }), s3, 1)).toEqual(facts.slice(0, 1))
    expect(await readItems(fromObject('facts.json', { InputType: 'JSON' }), s3, 100_000_000)).toEqual(facts)
  })

  it('fails a negative MaxItems with the cause AWS was recorded giving', async () => {
    await put('facts.json', JSON.stringify(facts))
    expect((await readerFailure(fromObject('facts.json', { InputType: 'JSON' }), -1)).cause).toBe('field MaxItems must be positive')
    expect((await readerFailure(fromObject('facts.json', { InputType: 'JSON' }), 1.5)).cause).toContain('non-negative integer')
  })

  it('counts CSV rows after the header', async () => {
    await put('file.csv', 'Col1,Col2\nValue1,Value2\nValue3,Value4\nValue5,Value6\nValue7,Value8\n')
    expect(await readItems(fromObject('file.csv', { InputType: 'CSV', CSVHeaderLocation: 'FIRST_ROW', MaxItems: 2 }), s3)).toEqual([
      { Col1: 'Value1', Col2: 'Value2' },
      { Col1: 'Value3', Col2: 'Value4' },
    ])
  })
})

describe('InputType JSONL', () => {
  it("gives one item per line, as in the guide's factcheck.jsonl example, skipping blank lines", async () => {
    await put('jsonlDataset/factcheck.jsonl', `${facts.map((fact) => JSON.stringify(fact)).join('\n')}\n\n`)
    expect(await readItems(fromObject('jsonlDataset/factcheck.jsonl', { InputType: 'JSONL' }), s3)).toEqual(facts)
    expect(await readItems(fromObject('jsonlDataset/factcheck.jsonl', { InputType: 'JSONL', MaxItems: 1 }), s3)).toEqual(facts.slice(0, 1))
  })

  it('fails a line that is not JSON, naming the line', async () => {
    await put('bad.jsonl', '{"a":1}\r\nnot json\n')
    expect((await readerFailure(fromObject('bad.jsonl', { InputType: 'JSONL' }))).cause).toContain('Line 2 of s3://data/bad.jsonl')
  })
})

describe('InputType CSV', () => {
  // The file of LocalStack's AWS-validated test_map_item_reader_base_csv_headers_first_line.
  const recorded = "Col1,Col2,Col3\nValue1,Value2,Value3\nValue4,Value5,Value6\n,,,\ntrue,1,'HelloWorld'\nNull,None,\n   \n"

  it('keys each row by the first row, every value a string, short rows padded with empty strings and long rows cut', async () => {
    await put('file.csv', recorded)
    expect(await readItems(fromObject('file.csv', { InputType: 'CSV', CSVHeaderLocation: 'FIRST_ROW' }), s3)).toEqual([
      { Col1: 'Value1', Col2: 'Value2', Col3: 'Value3' },
      { Col1: 'Value4', Col2: 'Value5', Col3: 'Value6' },
      { Col1: '', Col2: '', Col3: '' },
      { Col1: 'true', Col2: '1', Col3: "'HelloWorld'" },
      { Col1: 'Null', Col2: 'None', Col3: '' },
      { Col1: '   ', Col2: '', Col3: '' },
    ])
  })

  it('takes GIVEN headers from CSVHeaders, and drops fields beyond them', async () => {
    await put('ratings.csv', '1,307,3.5,1256677221\n1,481,3.5,1256677456\n')
    const given = { InputType: 'CSV', CSVHeaderLocation: 'GIVEN', CSVHeaders: ['userId', 'movieId', 'rating', 'timestamp'] } as const
    expect(await readItems(fromObject('ratings.csv', given), s3)).toEqual([
      { userId: '1', movieId: '307', rating: '3.5', timestamp: '1256677221' },
      { userId: '1', movieId: '481', rating: '3.5', timestamp: '1256677456' },
    ])
    expect(await readItems(fromObject('ratings.csv', { InputType: 'CSV', CSVHeaderLocation: 'GIVEN', CSVHeaders: ['H1'] }), s3)).toEqual([{ H1: '1' }, { H1: '1' }])
    expect((await readerFailure(fromObject('ratings.csv', { InputType: 'CSV', CSVHeaderLocation: 'GIVEN' }))).cause).toContain('needs CSVHeaders')
  })

  it('fails duplicate headers with the cause AWS was recorded giving', async () => {
    await put('dup.csv', 'Value1,Value2,Value3\n')
    const error = await readerFailure(fromObject('dup.csv', { InputType: 'CSV', CSVHeaderLocation: 'GIVEN', CSVHeaders: ['H1', 'H1', 'H3'] }))
    expect(error.cause).toBe('CSV headers cannot contain duplicates.')
    await put('dup-first-row.csv', 'a,a\n1,2\n')
    expect((await readerFailure(fromObject('dup-first-row.csv', { InputType: 'CSV', CSVHeaderLocation: 'FIRST_ROW' }))).cause).toBe('CSV headers cannot contain duplicates.')
  })

  it.each([
    ['COMMA', 'rating,movieId\n3.5,307\n'],
    ['PIPE', 'rating|movieId\n3.5|307\n'],
    ['SEMICOLON', 'rating;movieId\n3.5;307\n'],
    ['SPACE', 'rating movieId\n3.5 307\n'],
    ['TAB', 'rating\tmovieId\n3.5\t307\n'],
  ] as const)('reads CSVDelimiter %s', async (delimiter, text) => {
    await put('ratings.csv', text)
    expect(await readItems(fromObject('ratings.csv', { InputType: 'CSV', CSVHeaderLocation: 'FIRST_ROW', CSVDelimiter: delimiter }), s3)).toEqual([{ rating: '3.5', movieId: '307' }])
  })

  it("reads the guide's quoted example row into the strings its ItemSelector turns into JSON", async () => {
    await put('myCSVInput.csv', 'abc,123,"This string contains commas, a double quotation marks (""), and a newline (\n)",{""MyKey"":""MyValue""},"[1,2,3]"')
    const headers = ['MyLetters', 'MyNumbers', 'MyString', 'MyObject', 'MyArray']
    const [item] = (await readItems(fromObject('myCSVInput.csv', { InputType: 'CSV', CSVHeaderLocation: 'GIVEN', CSVHeaders: headers }), s3)) as Record<string, string>[]
    expect(item?.MyLetters).toBe('abc')
    expect(JSON.parse(item?.MyNumbers ?? '')).toBe(123)
    expect(item?.MyString).toBe('This string contains commas, a double quotation marks ("), and a newline (\n)')
    expect(JSON.parse(item?.MyObject ?? '')).toEqual({ MyKey: 'MyValue' })
    expect(JSON.parse(item?.MyArray ?? '')).toEqual([1, 2, 3])
  })

  it('refuses an unknown delimiter', async () => {
    await put('x.csv', 'a\n1\n')
    expect((await readerFailure(fromObject('x.csv', { InputType: 'CSV', CSVDelimiter: 'COLON' as 'COMMA' }))).cause).toContain("'COLON'")
  })
})

describe('S3 inventory (InputType MANIFEST, ManifestType S3_INVENTORY)', () => {
  const inventoryRows = [
    '"amzn-s3-demo-source-bucket","csvDataset/","0","2022-11-16T00:27:19.000Z"',
    '"amzn-s3-demo-source-bucket","csvDataset/titles.csv","3399671","2022-11-16T00:29:32.000Z"',
    '"amzn-s3-demo-source-bucket","imageDataset/","0","2022-11-15T20:00:44.000Z"',
    '"amzn-s3-demo-source-bucket","imageDataset/n02085620_10074.jpg","27034","2022-11-15T20:02:16.000Z"',
  ]

  beforeEach(async () => {
    await s3.createBucket({ Bucket: 'inventory' })
    await s3.createBucket({ Bucket: 'destination' })
    await put('prefix/source/config/data/part-1.csv.gz', gzipSync(`${inventoryRows.slice(0, 2).join('\n')}\n`), 'inventory')
    await put('prefix/source/config/data/part-2.csv.gz', gzipSync(`${inventoryRows.slice(2).join('\n')}\n`), 'inventory')
    const manifest = {
      sourceBucket: 'amzn-s3-demo-source-bucket',
      destinationBucket: 'arn:aws:s3:::inventory',
      version: '2016-11-30',
      creationTimestamp: '1668560400000',
      fileFormat: 'CSV',
      fileSchema: 'Bucket, Key, Size, LastModifiedDate',
      files: [
        { key: 'prefix/source/config/data/part-1.csv.gz', size: 100, MD5checksum: 'a7ff4a1d4164c3cd55851055ec8f6b20' },
        { key: 'prefix/source/config/data/part-2.csv.gz', size: 100, MD5checksum: 'a7ff4a1d4164c3cd55851055ec8f6b20' },
      ],
    }
    await put('prefix/source/config/2022-11-16T01-00Z/manifest.json', JSON.stringify(manifest), 'destination')
  })

  const manifestReader = (config: ReaderConfig): ItemReader => ({
    Resource: GET,
    ReaderConfig: config,
    Parameters: { Bucket: 'destination', Key: 'prefix/source/config/2022-11-16T01-00Z/manifest.json' },
  })

  it('gives one item per inventory row, keyed by fileSchema, read from the gzipped files in the destination bucket', async () => {
    const items = await readItems(manifestReader({ InputType: 'MANIFEST' }), s3)
    expect(items).toHaveLength(4)
    expect(items[1]).toEqual({ LastModifiedDate: '2022-11-16T00:29:32.000Z', Bucket: 'amzn-s3-demo-source-bucket', Size: '3399671', Key: 'csvDataset/titles.csv' })
    expect(await readItems(manifestReader({ ManifestType: 'S3_INVENTORY' }), s3)).toEqual(items)
    expect(await readItems(manifestReader({ InputType: 'MANIFEST', MaxItems: 3 }), s3)).toEqual(items.slice(0, 3))
  })

  it('refuses an InputType next to ManifestType S3_INVENTORY, and inventories that are not CSV', async () => {
    expect((await readerFailure(manifestReader({ ManifestType: 'S3_INVENTORY', InputType: 'CSV' }))).cause).toContain('takes no InputType')
    await put('orc/manifest.json', JSON.stringify({ fileFormat: 'ORC', fileSchema: 'x', files: [] }), 'destination')
    const orc: ItemReader = { Resource: GET, ReaderConfig: { InputType: 'MANIFEST' }, Parameters: { Bucket: 'destination', Key: 'orc/manifest.json' } }
    expect((await readerFailure(orc)).cause).toContain("fileFormat 'ORC'")
  })
})

describe('ManifestType ATHENA_DATA', () => {
  it('reads every data file the UNLOAD manifest lists, with the given InputType', async () => {
    await put('unload/part-0.jsonl', '{"n":1}\n{"n":2}\n')
    await put('unload/part-1.jsonl', '{"n":3}\n')
    await put('unload/q-manifest.csv', 's3://data/unload/part-0.jsonl\ns3://data/unload/part-1.jsonl\n')
    expect(await readItems(fromObject('unload/q-manifest.csv', { ManifestType: 'ATHENA_DATA', InputType: 'JSONL' }), s3)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }])
    await put('unload/c.csv', 'x,1\ny,2\n')
    await put('unload/c-manifest.csv', 's3://data/unload/c.csv\n')
    const csv = { ManifestType: 'ATHENA_DATA', InputType: 'CSV', CSVHeaderLocation: 'GIVEN', CSVHeaders: ['name', 'n'] } as const
    expect(await readItems(fromObject('unload/c-manifest.csv', csv), s3)).toEqual([{ name: 'x', n: '1' }, { name: 'y', n: '2' }])
  })
})

describe('InputType PARQUET', () => {
  it('is refused as not supported locally rather than faked, and is not a States error a Catch could swallow', async () => {
    await put('data.parquet', 'PAR1')
    const error = await readItems(fromObject('data.parquet', { InputType: 'PARQUET' }), s3).catch((thrown: unknown) => thrown)
    expect(error).toBeInstanceOf(NotSupportedLocally)
    expect((error as Error).message).toContain('PARQUET')
    expect((error as Error).name.startsWith('States.')).toBe(false)
  })
})

describe('arn:aws:states:::s3:listObjectsV2', () => {
  it('gives every object under Prefix as { Etag, Key, LastModified, Size, StorageClass }, LastModified in epoch seconds', async () => {
    await put('processData/images/a.jpg', 'aaa')
    await put('processData/images/b.jpg', 'bb')
    await put('other/c.jpg', 'c')
    const items = (await readItems({ Resource: LIST, Parameters: { Bucket: 'data', Prefix: 'processData' } }, s3)) as Record<string, unknown>[]
    const listed = await s3.listObjectsV2({ Bucket: 'data', Prefix: 'processData' })
    expect(items).toEqual(
      (listed.Contents ?? []).map((object) => ({ Etag: object.ETag, Key: object.Key, LastModified: object.LastModified.getTime() / 1000, Size: object.Size, StorageClass: 'STANDARD' })),
    )
    expect(items.map((item) => Object.keys(item))).toEqual([
      ['Etag', 'Key', 'LastModified', 'Size', 'StorageClass'],
      ['Etag', 'Key', 'LastModified', 'Size', 'StorageClass'],
    ])
    expect(items[0]?.['Etag']).toBe('"47bce5c74f589f4867dbd57e9ca9f808"')
    expect(Number.isInteger(items[0]?.['LastModified'])).toBe(true)
  })

  it('reads past the 1000 objects of one ListObjectsV2 page, and stops at MaxItems', async () => {
    await Promise.all(Array.from({ length: 1003 }, (_, i) => put(`many/${String(i).padStart(4, '0')}`, '')))
    const all = (await readItems({ Resource: LIST, Parameters: { Bucket: 'data', Prefix: 'many/' } }, s3)) as { Key: string }[]
    expect(all).toHaveLength(1003)
    expect(all.at(-1)?.Key).toBe('many/1002')
    expect(await readItems({ Resource: LIST, ReaderConfig: { MaxItems: 5 }, Parameters: { Bucket: 'data', Prefix: 'many/' } }, s3)).toHaveLength(5)
  })

  it('with Transformation LOAD_AND_FLATTEN gives the items inside the listed objects', async () => {
    await put('logs/00.json', JSON.stringify([{ h: 0 }, { h: 1 }]))
    await put('logs/01.json', JSON.stringify([{ h: 2 }]))
    const reader: ItemReader = { Resource: LIST, ReaderConfig: { InputType: 'JSON', Transformation: 'LOAD_AND_FLATTEN' }, Arguments: { Bucket: 'data', Prefix: 'logs/' } }
    expect(await readItems(reader, s3)).toEqual([{ h: 0 }, { h: 1 }, { h: 2 }])
    expect(await readItems(reader, s3, 2)).toEqual([{ h: 0 }, { h: 1 }])
  })
})

describe('failures reading the source', () => {
  it('report a missing object or bucket as States.ItemReaderFailed naming the object and the S3 error', async () => {
    expect((await readerFailure(fromObject('missing.json', { InputType: 'JSON' }))).cause).toBe(
      'Reading s3://data/missing.json failed: NoSuchKey: The specified key does not exist.',
    )
    const noBucket = await readerFailure({ Resource: LIST, Parameters: { Bucket: 'absent-bucket' } })
    expect(noBucket.cause).toContain('NoSuchBucket: The specified bucket does not exist.')
  })

  it('refuse a resource that is not an S3 reader, and a getObject reader without InputType', async () => {
    expect((await readerFailure({ Resource: 'arn:aws:states:::s3:putObject', Parameters: { Bucket: 'data', Key: 'k' } })).cause).toContain('is not arn:aws:states:::s3:getObject')
    expect((await readerFailure({ Resource: GET, Parameters: { Bucket: 'data', Key: 'k' } })).cause).toContain('needs ReaderConfig.InputType')
    expect((await readerFailure({ Resource: GET, ReaderConfig: { InputType: 'JSON' }, Parameters: { Key: 'k' } })).cause).toContain("need 'Bucket'")
  })
})
