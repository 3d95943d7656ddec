package cn.liftcare.shared.db;

import java.nio.file.Path;

/** The embedded PostgreSQL could not start, typically where user namespaces are blocked for root. */
public class EmbeddedDatabaseUnavailableException extends RuntimeException {

    private final Path dataDirectory;

    EmbeddedDatabaseUnavailableException(Path dataDirectory, Throwable cause) {
        super("The embedded PostgreSQL could not start in " + dataDirectory + ": " + rootMessage(cause), cause);
        this.dataDirectory = dataDirectory;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
