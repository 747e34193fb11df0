package io.ledgernode.netconfig.generate;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** A shell-sourceable file of {@code export KEY='value'} lines, values single-quoted so nothing in them expands. */
final class EnvFile {

    private final Map<String, String> values = new LinkedHashMap<>();

    EnvFile put(String key, Object value) {
        values.put(key, String.valueOf(value));
        return this;
    }

    void write(Path file, String header) {
        StringBuilder out = new StringBuilder("# ").append(header).append("\n# Generated from the network description: edit the description, not this file.\n");
        values.forEach((key, value) -> out.append("export ").append(key).append("='")
                .append(value.replace("'", "'\"'\"'")).append("'\n"));
        GeneratedFiles.write(file, out.toString());
    }
}
