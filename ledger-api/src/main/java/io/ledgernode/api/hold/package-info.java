/** {@code Holds}: two-phase payments: placing, capturing, voiding and releasing holds, and hold records. */
package io.ledgernode.api.hold;
