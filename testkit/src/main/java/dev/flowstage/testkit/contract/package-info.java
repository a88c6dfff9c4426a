/**
 * Contract test suites for store implementations: abstract JUnit 5 classes that check the promises
 * of the store SPIs (round trips of every field, optimistic versions, single consumption,
 * case-insensitive users, expiry) including races between threads. Extend one per store, return a
 * fresh empty store from {@code store()}, and the tests run against it:
 *
 * <pre>{@code
 * class MyTokenStoreTest extends TokenStoreContract {
 *     @Override
 *     protected TokenStore store() {
 *         return new MyTokenStore(freshDatabase());
 *     }
 * }
 * }</pre>
 *
 * <p>Instants in the test data have millisecond precision, so stores may keep instants to the
 * millisecond or finer. JSON-like data uses strings, booleans, {@code Integer}, {@code Long} beyond
 * the int range, {@code Double}, nulls, lists and maps: what a JSON column gives back.
 */
package dev.flowstage.testkit.contract;
