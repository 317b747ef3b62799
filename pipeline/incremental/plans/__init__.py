"""Each stage's incremental plan: how a stage's pure per-batch function is run against its per-article store.

A plan decides what keys the stage's results (from the key the stage module declares), which rows of the store are
read back and which only stored, how the work left to do is cut into batches for the worker pool, where the texts
of the articles to process come from, and how the cached and the computed rows are put back together as the
stage's frames. The stage modules (``pipeline.ingest``, ``pipeline.clean.stage``, ``pipeline.entities.stage``,
``pipeline.engagements.extract``) know nothing of this.

Each plan module is what ``pipeline.incremental.keys.STAGES`` fingerprints for its stage: the plan, the stage
module it runs and everything they import. So the plans take the store and the pool by their public names
(``pipeline.cache``, ``pipeline.parallel``), and no plan imports another (the clean plan gets the raw texts as a
function from the runner), so that an edit to one stage's code never moves another stage's key. For the same
reason this package imports nothing.
"""
