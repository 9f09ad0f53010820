export { LocalS3 } from './local-s3.js'
export { S3Error, type S3ErrorName } from './errors.js'
export { compareKeys } from './listing.js'
export type {
  CopyObjectInput,
  CopyObjectOutput,
  GetObjectOutput,
  HeadObjectOutput,
  ListedObject,
  ListObjectsV2Input,
  ListObjectsV2Output,
  ObjectAddress,
  PutObjectInput,
  PutObjectOutput,
} from './types.js'
