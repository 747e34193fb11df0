package io.ledgernode.mirror.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** A query's rows as text, one string per row with its columns joined by {@code |}: easy to compare in a test. */
public final class SqlRows {

    private SqlRows() {
    }

    /** Every row of {@code query} on {@code connection} (which the caller keeps open and ends its transaction). */
    public static List<String> of(Connection connection, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(query)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int c = 1; c <= columns; c++) {
                    row.append(c > 1 ? "|" : "").append(rs.getString(c));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }
}
