"""Marsad's command line: the commands and record shapes of the data contract,
plus ``stories``, ``evaluate``, ``actors`` and ``demo`` for people.

Exit codes: 0 on success; 1 when any input was rejected (the good ones are kept);
2 for usage errors.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import click

from marsad import __version__


def _err(msg: str) -> None:
    click.echo(f"marsad: {msg}", err=True)


def _db_option(f):
    return click.option("--db", "db_path", default=None, metavar="PATH|URL",
                        help="SQLite database file, or a postgresql:// URL "
                             "(default: $MARSAD_DB, else ./marsad.db).")(f)


def _open_store(db_path: str | None):
    from marsad.store import open_store

    try:
        return open_store(db_path)
    except ConnectionError as exc:
        _err(str(exc))
        sys.exit(2)


def _progress_wanted(no_progress: bool) -> bool:
    return not no_progress and sys.stderr.isatty()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="marsad")
def main() -> None:
    """Marsad (مرصد) reads Arabic news and turns it into stories, events and sources."""


@main.command()
@_db_option
@click.option("--allow-private", is_flag=True, help="Allow fetching URLs on private or loopback addresses.")
@click.option("--no-progress", is_flag=True, help="No progress bar.")
@click.argument("inputs", nargs=-1, required=True)
def ingest(db_path, allow_private, no_progress, inputs):
    """Annotate INPUTS (files, folders, -, URLs) and store them with their stories.

    Idempotent: re-ingesting an unchanged article changes nothing."""
    from marsad.workflow import ingest as run_ingest

    with _open_store(db_path) as store:
        report = run_ingest(store, inputs, report=_err, progress=_progress_wanted(no_progress),
                            allow_private=allow_private)
    click.echo(report.summary(), err=True)
    sys.exit(1 if report.errors else 0)


@main.command()
@click.option("--published", default=None, metavar="DATE",
              help="Publication date (YYYY-MM-DD) for inputs that do not give one.")
@click.option("--allow-private", is_flag=True, help="Allow fetching URLs on private or loopback addresses.")
@click.option("--no-progress", is_flag=True, help="No progress bar.")
@click.option("--batch", "batch_size", default=2000, show_default=True, metavar="N",
              help="Articles read together, so that an undated article's relative dates resolve "
                   "against other reports of its event; 1 annotates each article alone.")
@click.argument("inputs", nargs=-1, required=True)
def annotate(published, allow_private, no_progress, batch_size, inputs):
    """Annotate INPUTS without a database: one article record a line on stdout."""
    from marsad.workflow import annotate_in_batches

    if published:
        _check_date(published, "--published")
    errors: list[str] = []

    def report(msg: str) -> None:
        errors.append(msg)
        _err(msg)

    if batch_size < 1:
        raise click.BadParameter("must be 1 or more", param_hint="--batch")
    for art in annotate_in_batches(inputs, batch_size=batch_size, published=published, report=report,
                                   progress=_progress_wanted(no_progress), allow_private=allow_private):
        rec = art.to_record()
        rec["story_id"] = None
        click.echo(json.dumps(rec, ensure_ascii=False))
    sys.exit(1 if errors else 0)


def _check_date(value: str, what: str) -> None:
    import re

    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        raise click.BadParameter(f"{value!r} is not a date of the form YYYY-MM-DD", param_hint=what)


CSV_COLUMNS = {
    "articles": ["id", "url", "outlet", "published", "title", "author", "story_id",
                 "n_entities", "n_events", "main_event_type", "text"],
    "stories": ["id", "date", "first_published", "headline_ar", "summary_en", "main_event_type",
                "main_event_mode", "actor1", "actor2", "n_articles", "outlets", "article_ids",
                "n_discrepancies"],
    "events": ["id", "story_id", "type", "mode", "cameo", "actor1_name_en", "actor1_name_ar",
               "actor1_country", "actor2_name_en", "actor2_name_ar", "actor2_country", "date",
               "location", "modality", "main", "n_articles", "article_ids"],
}


def _actor_name(actor: dict | None) -> str:
    if not actor:
        return ""
    return actor.get("name_en") or actor.get("name_ar") or actor.get("country") or ""


def csv_row(kind: str, rec: dict) -> dict:
    """Flatten one exported record into the CSV columns of its kind."""
    if kind == "articles":
        main = next((e for e in rec.get("events", []) if e.get("main")), None)
        return {**{k: rec.get(k) for k in CSV_COLUMNS["articles"]},
                "n_entities": len(rec.get("entities", [])), "n_events": len(rec.get("events", [])),
                "main_event_type": main["type"] if main else None}
    if kind == "stories":
        main = rec.get("main_event") or {}
        return {**{k: rec.get(k) for k in CSV_COLUMNS["stories"]},
                "main_event_type": main.get("type"), "main_event_mode": main.get("mode"),
                "actor1": _actor_name(main.get("actor1")), "actor2": _actor_name(main.get("actor2")),
                "n_articles": len(rec["article_ids"]), "outlets": "; ".join(rec.get("outlets", [])),
                "article_ids": "; ".join(rec["article_ids"]),
                "n_discrepancies": len(rec.get("discrepancies", []))}
    row = {k: rec.get(k) for k in CSV_COLUMNS["events"]}
    for n in ("actor1", "actor2"):
        actor = rec.get(n) or {}
        row.update({f"{n}_name_en": actor.get("name_en"), f"{n}_name_ar": actor.get("name_ar"),
                    f"{n}_country": actor.get("country")})
    row["n_articles"] = len(rec.get("article_ids", []))
    row["article_ids"] = "; ".join(rec.get("article_ids", []))
    return row


def export_records(store, kind: str):
    if kind == "articles":
        return store.article_records()
    if kind == "stories":
        return store.story_records()
    return store.event_records()


@main.command()
@click.argument("kind", type=click.Choice(["articles", "stories", "events"]))
@_db_option
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write to this file instead of stdout.")
def export(kind, db_path, fmt, output):
    """Export articles, stories or events as JSON Lines or CSV."""
    with _open_store(db_path) as store:
        records = export_records(store, kind)
    out = open(output, "w", encoding="utf-8", newline="") if output else sys.stdout
    try:
        if fmt == "jsonl":
            for rec in records:
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        else:
            writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS[kind], extrasaction="ignore")
            writer.writeheader()
            for rec in records:
                writer.writerow(csv_row(kind, rec))
    finally:
        if output:
            out.close()


@main.command()
@_db_option
@click.option("--limit", type=int, default=None, help="Show at most this many stories.")
def stories(db_path, limit):
    """Print the stored stories for a person to read."""
    from marsad.serve.text import format_story

    with _open_store(db_path) as store:
        recs = store.story_records(limit=limit)
        if not recs:
            _err("no stories in the database; run `marsad ingest` first")
            sys.exit(1)
        for rec in recs:
            titles = {a["id"]: (a.get("title"), a.get("outlet"))
                      for a in store.article_records(story_id=rec["id"])}
            click.echo(format_story(rec, titles))
            click.echo("")


@main.command()
@_db_option
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--token", envvar="MARSAD_TOKEN", default=None,
              help="Token that the ingest endpoint requires (default: $MARSAD_TOKEN; none: ingest disabled).")
def serve(db_path, host, port, token):
    """Serve the web UI and the REST API (OpenAPI docs at /docs)."""
    import uvicorn

    from marsad.serve.app import create_app
    from marsad.store import default_db_path

    app = create_app(db_path or default_db_path(), ingest_token=token)
    click.echo(f"Marsad at http://{host}:{port}/  (API docs: http://{host}:{port}/docs)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


def parse_duration(text: str) -> float:
    """Seconds in ``90``, ``90s``, ``15m``, ``1h`` or ``1h30m``."""
    import re

    parts = re.fullmatch(r"\s*(?:(\d+(?:\.\d+)?)h)?\s*(?:(\d+(?:\.\d+)?)m)?\s*(?:(\d+(?:\.\d+)?)s?)?\s*",
                         text.lower())
    if not text.strip() or not parts or not any(parts.groups()):
        raise click.BadParameter(f"{text!r} is not a duration such as 90s, 15m or 1h")
    hours, minutes, seconds = (float(g) if g else 0.0 for g in parts.groups())
    total = hours * 3600 + minutes * 60 + seconds
    if total <= 0:
        raise click.BadParameter(f"{text!r}: the duration must be more than zero")
    return total


@main.command()
@_db_option
@click.option("--every", default="15m", show_default=True, metavar="DURATION",
              help="Time from the start of one round to the next: 90s, 15m, 1h.")
@click.option("--once", is_flag=True, help="One round, then exit (1 if a source failed or an item was rejected).")
@click.option("--retries", default=3, show_default=True, type=click.IntRange(1, 20),
              help="Tries of a failing source in one round (waits of --retry-wait, doubled each time).")
@click.option("--retry-wait", default="2s", show_default=True, metavar="DURATION",
              help="Wait before the second try of a failing source.")
@click.option("--allow-private", is_flag=True, help="Allow feeds on private or loopback addresses.")
@click.argument("sources", nargs=-1, required=True)
def watch(db_path, every, once, retries, retry_wait, allow_private, sources):
    """Poll SOURCES (RSS/Atom feed URLs, folders, files) every --every and ingest what is new.

    One log line per source per round. Feeds are fetched with ETag/Last-Modified;
    items and files already read are skipped; what each source has read is kept
    in the database, so the watcher can be stopped (Ctrl-C, SIGTERM) and
    restarted at any moment. A source that keeps failing is retried less often."""
    import signal
    import time

    from marsad.store.postgres import without_password
    from marsad.watch import Watcher, WatchOptions, make_source

    options = WatchOptions(every_s=parse_duration(every), retries=retries,
                           retry_base_s=parse_duration(retry_wait))
    try:
        watched = [make_source(spec, allow_private=allow_private) for spec in sources]
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="SOURCES") from None

    def log(line: str) -> None:
        click.echo(f"{time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime())} {line}", err=True)

    def stop_now(signum, _frame):
        raise KeyboardInterrupt(signal.Signals(signum).name)

    signal.signal(signal.SIGTERM, stop_now)
    with _open_store(db_path) as store:
        watcher = Watcher(store, watched, options, log=log)
        log(f"watching {len(watched)} source(s) every {every} into {without_password(store.path)}")
        try:
            outcomes = watcher.run(once=once)
        except KeyboardInterrupt:
            log("stopped; what was committed is kept, and a restart reads the rest")
            sys.exit(0)
    failed = any(o.status == "error" or o.rejected for o in outcomes)
    sys.exit(1 if once and failed else 0)


@main.command()
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.argument("inputs", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--no-progress", is_flag=True, help="No progress bar.")
def evaluate(gold, inputs, as_json, no_progress):
    """Score Marsad on INPUTS against GOLD (a gold file in the seeds' format)."""
    from marsad.evaluate import evaluate as run_evaluate, format_scores

    try:
        scores = run_evaluate(Path(gold), inputs, report=_err, progress=_progress_wanted(no_progress))
    except ValueError as exc:
        _err(f"{gold}: {exc}")
        sys.exit(2)
    click.echo(json.dumps(scores, ensure_ascii=False, indent=1) if as_json else format_scores(scores))


@main.command()
@click.argument("query", required=False)
@click.option("--kind", type=click.Choice(["person", "organization", "org", "country", "gpe", "place", "loc"]),
              default=None, help="Only actors of this kind.")
@click.option("--country", default=None, metavar="ISO3", help="Only actors of this country.")
@click.option("--limit", default=25, show_default=True, type=int)
@click.option("--json", "as_json", is_flag=True, help="One JSON record a line.")
def actors(query, kind, country, limit, as_json):
    """Look up what the knowledge base knows (Arabic or English, any spelling)."""
    from marsad.annotate.knowledge import actors_table

    try:
        rows = actors_table(query, kind, country.upper() if country else None, limit)
    except ValueError as exc:
        _err(str(exc))
        sys.exit(2)
    if not rows:
        _err(f"no actor matches {query!r}" if query else "no actors match")
        sys.exit(1)
    for row in rows:
        if as_json:
            click.echo(json.dumps(row, ensure_ascii=False))
        else:
            role = f" — {row['role']}" if row.get("role") else ""
            wd = f" [{row['wikidata']}]" if row.get("wikidata") else ""
            click.echo(f"{row.get('name_en') or ''} | {row.get('name_ar') or ''} | "
                       f"{row.get('country') or '-'}{role}{wd}")


@main.command(context_settings={"ignore_unknown_options": True, "allow_extra_args": True,
                                "help_option_names": []})
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def spark(args):
    """Run the pipeline on Apache Spark: INPUT... --output DIR [--master M] [--db PATH] ...

    The options are those of `python -m marsad.spark --help` (needs pyspark and Java)."""
    try:
        from marsad.spark.run import main_spark
    except ImportError as exc:
        _err(f"Spark is not available ({exc}); install it with: pip install 'marsad[spark]'")
        sys.exit(2)
    sys.exit(main_spark(list(args)))


@main.command()
@_db_option
@click.option("--no-progress", is_flag=True, help="No progress bar.")
@click.argument("folder", type=click.Path(exists=True, file_okay=False))
def load(db_path, no_progress, folder):
    """Load FOLDER, the Parquet tables of `marsad spark --format parquet`, into the database.

    Idempotent: articles already stored with the same fingerprint are left as they are."""
    from marsad.store.load import load_parquet

    with _open_store(db_path) as store:
        try:
            report = load_parquet(store, folder, report=_err, progress=_progress_wanted(no_progress))
        except ImportError as exc:
            _err(f"reading Parquet needs pyarrow ({exc}); install it with: pip install 'marsad[spark]'")
            sys.exit(2)
        except FileNotFoundError as exc:
            _err(str(exc))
            sys.exit(2)
    click.echo(report.summary(), err=True)
    sys.exit(1 if report.errors else 0)


@main.command()
@_db_option
@click.option("--no-serve", is_flag=True, help="Ingest and print the stories, but do not start the server.")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.pass_context
def demo(ctx, db_path, no_serve, host, port):
    """Ingest the bundled demo corpus, print its stories and start the web UI."""
    from marsad.demo import corpus_path

    db_path = db_path or "marsad-demo.db"
    from marsad.workflow import ingest as run_ingest

    with _open_store(db_path) as store:
        report = run_ingest(store, [str(corpus_path())], report=_err, progress=sys.stderr.isatty())
    click.echo(report.summary(), err=True)
    ctx.invoke(stories, db_path=db_path, limit=None)
    if not no_serve:
        ctx.invoke(serve, db_path=db_path, host=host, port=port, token=None)


if __name__ == "__main__":
    main()
