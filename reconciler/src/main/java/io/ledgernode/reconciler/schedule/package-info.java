/**
 * The nightly schedule: a Quartz scheduler with its JDBC job store in PostgreSQL (schema {@code reconciler}, tables
 * {@code qrtz_*}, created by the reconciler's migrations), clustered, so any number of reconciler processes share one
 * schedule and a run fires once per night on one of them; the job disallows concurrent execution, and every run also
 * takes the run lock, so a scheduled run never overlaps an on-demand one either.
 */
package io.ledgernode.reconciler.schedule;
