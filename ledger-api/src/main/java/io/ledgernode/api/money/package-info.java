/**
 * {@code Money}: mint, burn, transfer and batch transfer requests, their result, and the balance effects
 * ({@link io.ledgernode.api.money.Entry}) that results, events and account history are made of.
 */
package io.ledgernode.api.money;
