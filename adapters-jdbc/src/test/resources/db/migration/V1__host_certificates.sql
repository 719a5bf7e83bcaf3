-- A host's own schema, migrated by the host's own Flyway (Flyway's default history table, flyway_schema_history),
-- with a table whose name this adapter uses too.
CREATE TABLE certificate (serial_number VARCHAR(40) PRIMARY KEY, holder VARCHAR(40));
INSERT INTO certificate VALUES ('01:02:03', 'the host''s own row');
