import type { ResourceRef } from '../expr/resource-ref.js'
import { createIntegration, type Integration } from './integration.js'

/** The part of Glue's GetCrawler answer a crawl loop reads. */
export interface GlueCrawler {
  readonly Crawler: {
    readonly Name: string
    readonly State: 'READY' | 'RUNNING' | 'STOPPING'
    readonly LastCrawl?: { readonly Status: 'SUCCEEDED' | 'CANCELLED' | 'FAILED'; readonly ErrorMessage?: string; readonly StartTime: string }
  }
}

/**
 * Starts a crawler. There is no `.sync` for crawlers: poll with {@link glueGetCrawler}.
 * A crawler that is already running fails the call with `Glue.CrawlerRunningException`.
 */
export function glueStartCrawler(crawler: ResourceRef): Integration<{}> {
  return crawlerCall('startCrawler', crawler)
}

/** Reads a crawler's state and last crawl, for the poll loop after {@link glueStartCrawler}. */
export function glueGetCrawler(crawler: ResourceRef): Integration<GlueCrawler> {
  return crawlerCall('getCrawler', crawler)
}

function crawlerCall<R>(action: 'startCrawler' | 'getCrawler', crawler: ResourceRef): Integration<R> {
  return createIntegration({
    name: 'glue-crawler',
    service: 'glue',
    action,
    resource: `arn:aws:states:::aws-sdk:glue:${action}`,
    defaults: { Name: crawler },
    target: { crawler: crawler.ref.id },
  })
}
