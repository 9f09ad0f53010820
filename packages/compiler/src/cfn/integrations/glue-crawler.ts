import { arnOf } from '../model.js'
import { text, type Grants } from './context.js'

/** StartCrawler and GetCrawler (the poll loop), on the one crawler. */
export const grants: Grants = ({ target, logicalId }) => [
  { Effect: 'Allow', Action: ['glue:StartCrawler', 'glue:GetCrawler'], Resource: [arnOf.glueCrawler(logicalId(text(target, 'crawler')))] },
]
