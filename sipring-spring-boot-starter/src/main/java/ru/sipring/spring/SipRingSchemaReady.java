package ru.sipring.spring;

/**
 * Marks that SipRing's schema on the application's DataSource is ready: migrated at start-up when
 * {@code sipring.database.migrate=true}, else left to whoever manages the database. Every database store of the
 * starter depends on this bean, so none is used before its tables exist. Immutable.
 *
 * @param version the schema version after migration, or a note that the application did not migrate it
 */
public record SipRingSchemaReady(String version) {
}
