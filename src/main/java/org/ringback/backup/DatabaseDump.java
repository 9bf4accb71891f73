package org.ringback.backup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * A whole-database dump in PostgreSQL's COPY text format, written from one REPEATABLE READ snapshot so that it is
 * consistent while the app keeps working: every table of the schema (Flyway's history included) in foreign-key
 * order, then the sequences. The schema itself is not dumped: a restore creates it with the same Flyway migrations
 * (up to the backup's version) and loads the rows into it.
 *
 * <pre>
 * RINGBACK-BACKUP 1
 * created 2026-11-25T22:00:00Z
 * schema 1.110
 * table callback practice_id,id,...     (then the rows, one COPY text line each, then "\.")
 * rows 1234
 * sequence audit_event_id_seq 5678
 * end
 * </pre>
 */
final class DatabaseDump {

    static final String MAGIC = "RINGBACK-BACKUP 1";
    static final String HISTORY = "flyway_schema_history";
    private static final String END_OF_ROWS = "\\.";

    /** What a dump held: rows per table, in the order written. */
    record Summary(String schemaVersion, Map<String, Long> rows) {
        long totalRows() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private DatabaseDump() {
    }

    static Summary write(Connection connection, OutputStream out, Instant now) throws SQLException, IOException {
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setReadOnly(true);
        try {
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            String version = schemaVersion(connection);
            text.write(MAGIC + "\ncreated " + now + "\nschema " + version + "\n");
            Map<String, Long> rows = new LinkedHashMap<>();
            for (String table : tablesInDependencyOrder(connection)) {
                List<String> columns = columns(connection, table);
                text.write("table " + table + " " + String.join(",", columns) + "\n");
                text.flush();
                long n = copy.copyOut("copy " + quote(table) + " (" + quoted(columns) + ") to stdout", out);
                text.write(END_OF_ROWS + "\nrows " + n + "\n");
                rows.put(table, n);
            }
            for (Map.Entry<String, Long> sequence : sequences(connection).entrySet()) {
                text.write("sequence " + sequence.getKey() + " " + sequence.getValue() + "\n");
            }
            text.write("end\n");
            text.flush();
            connection.commit();
            return new Summary(version, rows);
        } catch (SQLException | IOException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    /** The header of a dump: its schema version. */
    static String readSchemaVersion(InputStream in) throws IOException {
        var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        requireMagic(reader.readLine());
        reader.readLine();
        return schemaLine(reader.readLine());
    }

    /**
     * Loads a dump into a database whose schema Flyway has just created at the dump's version: the rows of every
     * table, Flyway's history as it was, and the sequences. One transaction: a failed restore leaves no rows.
     */
    static Summary read(Connection connection, InputStream in) throws SQLException, IOException {
        connection.setAutoCommit(false);
        try {
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
            requireMagic(reader.readLine());
            reader.readLine();
            String version = schemaLine(reader.readLine());
            Map<String, Long> rows = new LinkedHashMap<>();
            try (Statement statement = connection.createStatement()) {
                statement.execute("delete from " + HISTORY);
            }
            String line;
            while ((line = reader.readLine()) != null && !line.equals("end")) {
                if (line.startsWith("table ")) {
                    String[] parts = line.split(" ", 3);
                    String table = parts[1];
                    List<String> columns = parts.length > 2 && !parts[2].isEmpty() ? List.of(parts[2].split(",")) : List.of();
                    CopyIn load = copy.copyIn("copy " + quote(table) + " (" + quoted(columns) + ") from stdin");
                    long n;
                    try {
                        String row;
                        while (!(row = requireLine(reader.readLine())).equals(END_OF_ROWS)) {
                            byte[] bytes = (row + "\n").getBytes(StandardCharsets.UTF_8);
                            load.writeToCopy(bytes, 0, bytes.length);
                        }
                        n = load.endCopy();
                    } finally {
                        if (load.isActive()) {
                            load.cancelCopy();
                        }
                    }
                    String expected = requireLine(reader.readLine());
                    if (!expected.equals("rows " + n)) {
                        throw new IOException("The backup is damaged: table " + table + " loaded " + n + " rows, the file says " + expected);
                    }
                    rows.put(table, n);
                } else if (line.startsWith("sequence ")) {
                    String[] parts = line.split(" ");
                    try (var statement = connection.prepareStatement("select setval(?::regclass, ?, true)")) {
                        statement.setString(1, quote(parts[1]));
                        statement.setLong(2, Long.parseLong(parts[2]));
                        statement.execute();
                    }
                } else {
                    throw new IOException("The backup is damaged: a line outside a table is not understood");
                }
            }
            if (line == null) {
                throw new IOException("The backup is incomplete: it ends before its last table");
            }
            try (Statement statement = connection.createStatement()) {
                // Month summaries and their change notes (V1_180) are a cache keyed by transaction ids, which mean
                // nothing in another cluster: emptied, the months are computed again from the restored rows.
                statement.execute("""
                        do $$ begin
                            if to_regclass('measure_month') is not null then
                                delete from measure_month;
                                delete from measure_change;
                            end if;
                        end $$""");
                statement.execute("analyze");
            }
            connection.commit();
            return new Summary(version, rows);
        } catch (SQLException | IOException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    /** The tables of the schema, each after the tables its foreign keys point to (names sorted among equals). */
    static List<String> tablesInDependencyOrder(Connection connection) throws SQLException {
        Set<String> tables = new TreeSet<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("""
                     select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                     where n.nspname = current_schema() and c.relkind in ('r', 'p') and not c.relispartition""")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        Map<String, Set<String>> dependsOn = new TreeMap<>();
        tables.forEach(table -> dependsOn.put(table, new TreeSet<>()));
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("""
                     select c.relname as child, p.relname as parent from pg_constraint k
                     join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
                     join pg_namespace n on n.oid = c.relnamespace
                     where k.contype = 'f' and n.nspname = current_schema()""")) {
            while (rs.next()) {
                String child = rs.getString("child");
                String parent = rs.getString("parent");
                if (dependsOn.containsKey(child) && tables.contains(parent) && !child.equals(parent)) {
                    dependsOn.get(child).add(parent);
                }
            }
        }
        List<String> ordered = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        Deque<String> visiting = new ArrayDeque<>();
        for (String table : dependsOn.keySet()) {
            place(table, dependsOn, placed, visiting, ordered);
        }
        return ordered;
    }

    private static void place(String table, Map<String, Set<String>> dependsOn, Set<String> placed, Deque<String> visiting,
                              List<String> ordered) {
        if (placed.contains(table)) {
            return;
        }
        if (visiting.contains(table)) {
            throw new IllegalStateException("Foreign keys form a cycle through " + table + ": the backup cannot order its tables");
        }
        visiting.push(table);
        for (String parent : dependsOn.get(table)) {
            place(parent, dependsOn, placed, visiting, ordered);
        }
        visiting.pop();
        placed.add(table);
        ordered.add(table);
    }

    /** Stored columns in table order (generated columns are computed again on restore). */
    private static List<String> columns(Connection connection, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (var statement = connection.prepareStatement("""
                select a.attname from pg_attribute a
                where a.attrelid = ?::regclass and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
                order by a.attnum""")) {
            statement.setString(1, quote(table));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
        }
        return columns;
    }

    private static Map<String, Long> sequences(Connection connection) throws SQLException {
        Map<String, Long> sequences = new TreeMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("""
                     select sequencename, last_value from pg_sequences
                     where schemaname = current_schema() and last_value is not null""")) {
            while (rs.next()) {
                sequences.put(rs.getString(1), rs.getLong(2));
            }
        }
        return sequences;
    }

    /** The latest applied migration, e.g. "1.110"; "none" for a database Flyway never migrated. */
    static String schemaVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet exists = statement.executeQuery("select to_regclass('" + HISTORY + "') is not null")) {
            exists.next();
            if (!exists.getBoolean(1)) {
                return "none";
            }
        }
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select version from " + HISTORY
                     + " where success and version is not null order by installed_rank desc")) {
            String latest = null;
            var versions = new ArrayList<String>();
            while (rs.next()) {
                versions.add(rs.getString(1));
            }
            for (String version : versions) {
                if (latest == null || compareVersions(version, latest) > 0) {
                    latest = version;
                }
            }
            return latest == null ? "none" : latest;
        }
    }

    static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            long p = i < x.length ? Long.parseLong(x[i]) : 0;
            long q = i < y.length ? Long.parseLong(y[i]) : 0;
            if (p != q) {
                return Long.compare(p, q);
            }
        }
        return 0;
    }

    private static void requireMagic(String line) throws IOException {
        if (!MAGIC.equals(line)) {
            throw new IOException("This is not a Ringback backup (or one of a newer format)");
        }
    }

    private static String schemaLine(String line) throws IOException {
        if (line == null || !line.startsWith("schema ")) {
            throw new IOException("The backup is damaged: no schema version");
        }
        return line.substring("schema ".length());
    }

    private static String requireLine(String line) throws IOException {
        if (line == null) {
            throw new IOException("The backup is incomplete: it ends in the middle of a table");
        }
        return line;
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String quoted(List<String> columns) {
        return String.join(", ", columns.stream().map(DatabaseDump::quote).toList());
    }
}
