"""The incremental machinery, in one place: what lets a rerun do only the work that changed.

- ``keys``: each stage's version, a fingerprint of the code that stage depends on (its plan and stage module, the
  modules of ``pipeline/`` they import, their data files) and of the libraries that shape results;
- ``store``: each stage's per-article store (``StageStore``), which computes only the keys it has not stored, and
  ``kept_as_json`` for derived data; the texts live only in these stores (raw in ingest's, cleaned in clean's);
- ``files``: the file index, so that unchanged input files are not read again;
- ``workers``: the worker pool that runs a per-article function over batches on every core, and its lifecycle;
- ``plans``: one module per stage, which runs the stage's pure per-batch function against its store and the pool:
  what keys its results, what is read back, where the texts of the articles to process come from;
- ``runner``: ``IncrementalRunner``, what the assets call: each stage's plan run against its store, the texts
  read back from the stores, and the workers shut down once no later stage needs them.

The stage modules (``pipeline.ingest``, ``pipeline.clean.stage``, ``pipeline.entities.stage``,
``pipeline.engagements.extract``) are pure: per-batch functions, frame contracts, cache schemas and cache keys.
This ``__init__`` imports nothing, so that a stage's key covers only the modules its plan imports.
"""
