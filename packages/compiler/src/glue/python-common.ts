/**
 * The Python both Glue jobs share: argument checks, S3 URIs, listing and downloading a batch,
 * replacing a batch's files, the accounting check and the report. Python 3.9 syntax.
 */
export const PYTHON_COMMON = `def check_batch_date(value):
    parts = value.split("-")
    if len(value) != 10 or len(parts) != 3 or not all(part.isdigit() for part in parts):
        raise ValueError("--batch_date " + repr(value) + " is not YYYY-MM-DD")
    return value


def split_s3_uri(uri):
    """s3://bucket/some/prefix/ -> ("bucket", "some/prefix/")."""
    if not uri.startswith("s3://"):
        raise ValueError(repr(uri) + " is not an s3:// URI")
    bucket, _, key = uri[len("s3://"):].partition("/")
    return bucket, key


def as_prefix(key):
    return key if key == "" or key.endswith("/") else key + "/"


def list_keys(s3, bucket, prefix):
    keys = []
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix):
        keys.extend(item["Key"] for item in page.get("Contents", []))
    return sorted(keys)


def batch_keys(s3, source):
    """The batch's files in key order: every object under the prefix but folders and _/. names."""
    bucket, prefix = split_s3_uri(source)
    prefix = as_prefix(prefix)
    keys = [key for key in list_keys(s3, bucket, prefix) if not key.endswith("/") and not os.path.basename(key).startswith(("_", "."))]
    if not keys:
        raise RuntimeError("no batch files under " + source)
    return bucket, keys


def download_batch(s3, source, folder):
    """Downloads the batch, one local file per object in key order; returns the local paths."""
    bucket, keys = batch_keys(s3, source)
    os.makedirs(folder, exist_ok=True)
    paths = []
    for index, key in enumerate(keys):
        # One folder per object keeps each file's own name (the quarantine names it) without clashes.
        path = os.path.join(folder, "%04d" % index, os.path.basename(key))
        os.makedirs(os.path.dirname(path))
        s3.download_file(bucket, key, path)
        paths.append(path)
    return paths


def replace_batch_files(s3, uri, folder, batch_date):
    """Deletes this batch's earlier files under uri (part-<batch_date>-*), then uploads folder there."""
    bucket, prefix = split_s3_uri(uri)
    prefix = as_prefix(prefix)
    mine = "part-" + batch_date + "-"
    stale = [key for key in list_keys(s3, bucket, prefix) if os.path.basename(key).startswith(mine)]
    for start in range(0, len(stale), 1000):
        s3.delete_objects(Bucket=bucket, Delete={"Objects": [{"Key": key} for key in stale[start:start + 1000]], "Quiet": True})
    for root, _, names in os.walk(folder):
        for name in sorted(names):
            if name.startswith(mine):
                path = os.path.join(root, name)
                s3.upload_file(path, bucket, prefix + os.path.relpath(path, folder).replace(os.sep, "/"))


def check_accounting(figures):
    accounted = figures["rows_written"] + figures["rows_rejected"] + figures["rows_deduplicated"]
    if figures["rows_read"] != accounted:
        raise RuntimeError("rows do not add up: read %d, written + rejected + deduplicated %d" % (figures["rows_read"], accounted))


def put_report(s3, uri, figures, batch_date, seconds):
    bucket, key = split_s3_uri(uri)
    report = {
        "dataset": DATASET,
        "batchDate": batch_date,
        "rowsRead": figures["rows_read"],
        "rowsWritten": figures["rows_written"],
        "rowsRejected": figures["rows_rejected"],
        "rowsDeduplicated": figures["rows_deduplicated"],
        "partitions": figures["partitions"],
        "seconds": round(seconds, 3),
    }
    s3.put_object(Bucket=bucket, Key=key, Body=json.dumps(report, indent=2).encode("utf-8"), ContentType="application/json")
`
