"""A daily full rebuild, so that rule changes and late files are picked up even without the sensor."""

import dagster as dg

from pipeline.defs.jobs import build_warehouse

daily_rebuild = dg.ScheduleDefinition(
    name="daily_rebuild",
    job=build_warehouse,
    cron_schedule="0 3 * * *",
    execution_timezone="UTC",
    description="Rebuild the whole warehouse every day at 03:00 UTC.",
    default_status=dg.DefaultScheduleStatus.STOPPED,
)
