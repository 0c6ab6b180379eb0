package io.skitai.was.internal;

import io.skitai.core.StatusText;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** A SQL statement's outcome as a was result: the rows as data, the affected-row count as a header. */
final class SqlRows {

    /** The header holding the affected-row count of an INSERT, UPDATE or DELETE. */
    static final String ROWS_AFFECTED = "Rows-Affected";

    private SqlRows() {}

    static Outcome outcome(List<Map<String, Object>> rows, long affected) {
        Map<String, List<String>> headers = Map.of(ROWS_AFFECTED, List.of(Long.toString(affected)));
        return Outcomes.normal(200, StatusText.of(200), headers, new byte[0], Collections.unmodifiableList(rows));
    }
}
