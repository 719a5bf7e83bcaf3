package dev.certificatetransfer.adapter.jdbc;

import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.Thing;
import dev.certificatetransfer.domain.ThingAttributes;
import dev.certificatetransfer.domain.ThingName;
import io.vavr.collection.TreeMap;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Maps a thing to its {@code registry_thing} row and back. Its attributes are one text: a {@code name=value} line per
 * attribute, by name. An attribute's name holds no {@code =} and neither holds a line break
 * ({@link ThingAttributes}), so the text splits back into the same attributes.
 */
final class ThingRows {

    /** The columns {@link #values} fills, in order; the owner and the name first. */
    static final String COLUMNS = "owner, name, thing_id, attributes, version, creation_date";

    private ThingRows() {}

    /** The thing's values in {@link #COLUMNS} order. */
    static SqlArguments values(Thing thing) {
        return new SqlArguments()
                .text(thing.owner().value())
                .text(thing.name().value())
                .text(thing.thingId().toString())
                .text(attributesText(thing.attributes()))
                .number(thing.version())
                .time(thing.creationDate());
    }

    /** The thing of the row the result set is on, selected with {@link #COLUMNS}. */
    static Thing read(ResultSet row) throws SQLException {
        return new Thing(
                new ThingName(row.getString("name")),
                new AccountId(row.getString("owner")),
                UUID.fromString(row.getString("thing_id")),
                attributes(row.getString("attributes")),
                row.getLong("version"),
                CertificateRows.time(row, "creation_date"));
    }

    static String attributesText(ThingAttributes attributes) {
        return attributes.values().map(a -> a._1 + "=" + a._2).mkString("\n");
    }

    static ThingAttributes attributes(String text) {
        if (text.isEmpty()) {
            return ThingAttributes.NONE;
        }
        var values = TreeMap.<String, String>empty();
        for (String line : text.split("\n", -1)) {
            int equals = line.indexOf('=');
            values = values.put(line.substring(0, equals), line.substring(equals + 1));
        }
        return new ThingAttributes(values);
    }
}
