-- Rejected inputs grouped by the kind of reason (the text before the first colon), with an example file.
SELECT split_part(reason, ':', 1) AS reason_kind, count(*) AS inputs, min(source_file) AS example_file
FROM rejected_inputs
GROUP BY ALL
ORDER BY inputs DESC, reason_kind;
