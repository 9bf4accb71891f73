package org.ringback.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Prints the first column of a query's rows against the bundled PostgreSQL of a data directory (its port from
 * postmaster.pid), for the bench scripts: the bundled binaries have no psql. Not a test.
 * <pre>
 * java -cp target/test-classes:$(cat target/test-classpath.txt) org.ringback.bench.BenchQuery &lt;data-dir&gt; "select ..."
 * </pre>
 */
public final class BenchQuery {

    private BenchQuery() {
    }

    public static void main(String[] args) throws Exception {
        String port = Files.readAllLines(Path.of(args[0], "postgres", "postmaster.pid")).get(3).strip();
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/ringback", "postgres", "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(args[1])) {
            while (rows.next()) {
                System.out.println(rows.getString(1));
            }
        }
    }
}
