/**
 * The one test fixture of the mirror: {@link io.ledgernode.mirror.testing.EmbeddedMirror}, a real PostgreSQL with
 * the mirror module's migrations applied to a fresh database per call, and
 * {@link io.ledgernode.mirror.testing.MirrorSeeder}, which writes the mirror's typed rows as the bridge would. For
 * tests only (other modules depend on it in test scope).
 */
package io.ledgernode.mirror.testing;
