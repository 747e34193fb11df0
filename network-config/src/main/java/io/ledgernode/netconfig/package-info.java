/**
 * The network-config tool: reads a network description (networks/*.yaml) and writes everything the operator's
 * scripts and the clients need to run that network. The description is the only source; nothing here hard-codes
 * an org, a port or an MSP id.
 */
package io.ledgernode.netconfig;
