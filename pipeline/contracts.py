"""Frame contracts have one source: each frame's pandera model. The polars schemas that stages build frames with,
and the schemas of the per-article stores, are derived from the models here; ``tests/test_contracts.py`` holds
``sql/schema.sql`` against the same models."""

from collections.abc import Iterable, Mapping

import pandera.polars as pa
import polars as pl


def polars_schema(
    model: type[pa.DataFrameModel],
    columns: Iterable[str] | None = None,
    *,
    drop: Iterable[str] = (),
    extra: Mapping[str, pl.DataType | type[pl.DataType]] | None = None,
) -> pl.Schema:
    """The polars dtypes of ``model``'s columns, in the model's order. A frame that differs from its model on
    purpose says how: ``drop`` leaves columns out, ``extra`` adds columns the model does not declare (at the end),
    and ``columns`` picks and orders the columns. Naming a column that is not there is an error, so a renamed
    field cannot silently fall out of a derived schema."""
    columns = None if columns is None else list(columns)
    declared = {name: column.dtype.type for name, column in model.to_schema().columns.items()}
    extra = dict(extra or {})
    both = sorted(set(declared) & set(extra))
    if both:
        raise ValueError(f"{model.__name__} already declares {both}")
    schema = {**declared, **extra}
    dropped = set(drop)
    unknown = sorted(dropped.union(columns or ()) - set(schema))
    if unknown:
        raise KeyError(f"{model.__name__} has no columns {unknown}")
    names = list(schema) if columns is None else columns
    return pl.Schema({name: schema[name] for name in names if name not in dropped})

