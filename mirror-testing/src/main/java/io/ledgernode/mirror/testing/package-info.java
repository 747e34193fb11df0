/**
 * The one test fixture of the mirror: {@link io.ledgernode.mirror.testing.EmbeddedMirror}, a real PostgreSQL with
 * the mirror module's migrations applied to a fresh database per call, and
 * {@link io.ledgernode.mirror.testing.MirrorSeeder}, which writes the mirror's typed rows as the bridge would; and
 * {@link io.ledgernode.mirror.testing.RunningNode}, where the node an integration test runs against (its live mirror
 * among its parts) is found. For tests only (other modules depend on it in test scope).
 */
package io.ledgernode.mirror.testing;
